//! Store errors: each says what failed, on which file, and what to do about it.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

pub type Result<T> = std::result::Result<T, StoreError>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file is not a TCM Workbench database, or it is damaged. It was not written to.
    #[error(
        "{} is damaged or is not a TCM Workbench database ({detail}). It was left untouched. \
         To recover, restore a backup with `tcm restore <backup file>` (backups are in {}), \
         or use another database with --db.",
        .path.display(),
        .backups.display()
    )]
    Corrupt {
        path: PathBuf,
        backups: PathBuf,
        detail: String,
    },

    /// The file was made by a newer version of TCM Workbench. It was not written to.
    #[error(
        "{} was made by a newer version of TCM Workbench (schema version {found}; this version \
         knows up to {known}). It was left untouched: update TCM Workbench to open it.",
        .path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: usize,
        known: usize,
    },

    /// Migrating an older database failed; it was rolled back, and a backup was taken first.
    #[error(
        "updating {} to the current schema failed ({detail}); nothing was changed. A copy taken \
         before the update is at {}.",
        .path.display(),
        .backup.display()
    )]
    Migration {
        path: PathBuf,
        backup: PathBuf,
        detail: String,
    },

    /// A text too long for its field, or made only of control characters; nothing was written.
    #[error("{0}")]
    Text(tcm_core::limits::TextRefusal),

    /// Something asked for does not exist.
    #[error("{what} {id} does not exist")]
    NotFound { what: &'static str, id: String },

    /// A request the data refuses: an unknown question, a respondent label already taken…
    #[error("{0}")]
    Invalid(String),

    /// A `.tcm` file holds an assessment this database has, and this database holds work the
    /// file does not contain: importing it as is would lose that work.
    #[error(
        "this database already holds the file's assessment, with {local_only} change(s) the \
         file does not contain{}; nothing was imported. Import it as a separate copy, replace \
         this one (a backup is taken first) or merge them answer by answer.\n{detail}",
        if *.future { " (and the file is dated in the future, so its dates are not trusted)" } else { "" }
    )]
    ImportConflict {
        local_only: usize,
        from_file: usize,
        future: bool,
        detail: String,
    },

    /// A file the user asked for cannot be written there; nothing was written.
    #[error("{} cannot be written: {reason}", .path.display())]
    ForbiddenOutput { path: PathBuf, reason: String },

    /// The questionnaire snapshot of an assessment does not read any more.
    #[error("the questionnaire kept with assessment {assessment} does not read: {report}")]
    Snapshot { assessment: i64, report: String },

    #[error("{context} ({}): {source}", .path.display())]
    Sqlite {
        path: PathBuf,
        context: String,
        source: rusqlite::Error,
    },

    #[error("{context} {}: {source}", .path.display())]
    Io {
        context: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
}

impl StoreError {
    /// A SQLite error on `path`; corruption and "not a database" become [`StoreError::Corrupt`].
    pub fn from_sqlite(
        path: &Path,
        context: impl Into<String>,
        source: rusqlite::Error,
    ) -> StoreError {
        match source.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => StoreError::Corrupt {
                path: path.to_owned(),
                backups: crate::backup::backups_dir(path),
                detail: source.to_string(),
            },
            _ => StoreError::Sqlite {
                path: path.to_owned(),
                context: context.into(),
                source,
            },
        }
    }

    pub fn io(context: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> StoreError {
        let path = path.to_owned();
        move |source| StoreError::Io {
            context,
            path,
            source,
        }
    }

    /// True when the file itself is the problem (damaged, or from a newer version).
    pub fn is_unusable_file(&self) -> bool {
        matches!(
            self,
            StoreError::Corrupt { .. } | StoreError::NewerSchema { .. }
        )
    }
}
