//! Store errors: each says what failed, on which file, and what to do about it.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

use crate::access::{self, ReadOnlyReason};

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

    /// The path names a device, a folder or another special file, not a database file.
    #[error(
        "{} is {what}, not a database file: name a file (a new database is created where none \
         exists)",
        .path.display()
    )]
    NotAFile { path: PathBuf, what: &'static str },

    /// The disk is full: nothing of the action was saved.
    #[error(
        "{}: the disk is full ({context}). Nothing of this action was saved and what was saved \
         before is intact: free some space on that disk, or export or back up to another disk.",
        .path.display()
    )]
    DiskFull { path: PathBuf, context: String },

    /// The file, its folder or its disk cannot be written (`reason` says which).
    #[error(
        "{} ({context}); nothing was changed. Give yourself the right to write there, or work \
         on a copy in a folder you can write to; reading, exports, reports and backups to \
         another folder still work.",
        .reason.describe(.path)
    )]
    ReadOnly {
        path: PathBuf,
        context: String,
        reason: ReadOnlyReason,
    },

    /// The system failed to read or write the file (a failing disk, a removed drive).
    #[error(
        "{}: the system failed to read or write it ({context}: {detail}); what was saved before \
         is intact. Check that the disk is still there and has space, then try again; export or \
         back up to another disk if it keeps failing.",
        .path.display()
    )]
    DiskFailure {
        path: PathBuf,
        context: String,
        detail: String,
    },

    /// Something asked for does not exist.
    #[error("{what} {id} does not exist")]
    NotFound { what: &'static str, id: String },

    /// A request the data refuses: an unknown question, a respondent label already taken…
    #[error("{0}")]
    Invalid(String),

    /// The user cancelled a long action: its transaction was rolled back, nothing of it was
    /// written and what was saved before is intact.
    #[error("{doing} was cancelled: nothing of it was saved, and what was saved before is intact")]
    Cancelled { doing: String },

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
            Some(ErrorCode::DiskFull) => StoreError::DiskFull {
                path: path.to_owned(),
                context: context.into(),
            },
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly {
                path: path.to_owned(),
                context: context.into(),
                reason: access::read_only_reason(path)
                    .or_else(|| access::read_only_companion(path))
                    .unwrap_or(ReadOnlyReason::File),
            },
            Some(ErrorCode::SystemIoFailure) => {
                // SQLite names a full disk as an I/O error where it extends its shared memory
                // file (SQLITE_IOERR_SHMSIZE, 4874): said as what it is.
                let extended = match &source {
                    rusqlite::Error::SqliteFailure(error, _) => error.extended_code,
                    _ => 0,
                };
                const SQLITE_IOERR_SHMSIZE: i32 = 4874;
                const SQLITE_IOERR_WRITE: i32 = 778;
                if extended == SQLITE_IOERR_SHMSIZE
                    || (extended == SQLITE_IOERR_WRITE && fs_is_full(path))
                {
                    StoreError::DiskFull {
                        path: path.to_owned(),
                        context: context.into(),
                    }
                } else {
                    StoreError::DiskFailure {
                        path: path.to_owned(),
                        context: context.into(),
                        detail: source.to_string(),
                    }
                }
            }
            _ => StoreError::Sqlite {
                path: path.to_owned(),
                context: context.into(),
                source,
            },
        }
    }

    pub fn io(context: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> StoreError {
        let path = path.to_owned();
        move |source| StoreError::from_io(context, &path, source)
    }

    /// An I/O error of the standard library, said as a full disk or a read-only place when it
    /// is one.
    pub fn from_io(context: &'static str, path: &Path, source: std::io::Error) -> StoreError {
        match source.kind() {
            std::io::ErrorKind::StorageFull => StoreError::DiskFull {
                path: path.to_owned(),
                context: context.to_owned(),
            },
            std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied => {
                StoreError::ReadOnly {
                    path: path.to_owned(),
                    context: context.to_owned(),
                    reason: access::refusal(&source, path).unwrap_or(ReadOnlyReason::File),
                }
            }
            _ => StoreError::Io {
                context,
                path: path.to_owned(),
                source,
            },
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

/// Whether the file system holding `path` has no space left (a write of one byte to a new
/// temporary file beside it fails with "storage full").
fn fs_is_full(path: &Path) -> bool {
    let folder = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    tempfile::tempfile_in(folder)
        .and_then(|mut file| {
            std::io::Write::write_all(&mut file, &[0; 4096]).and_then(|()| file.sync_all())
        })
        .is_err_and(|error| error.kind() == std::io::ErrorKind::StorageFull)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite(code: ErrorCode, extended: i32) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error {
                code,
                extended_code: extended,
            },
            None,
        )
    }

    #[test]
    fn full_disks_and_read_only_places_say_what_and_what_to_do() {
        let path = Path::new("/media/usb/tcm.sqlite");
        let full = StoreError::from_sqlite(
            path,
            "saving the answer",
            sqlite(ErrorCode::SystemIoFailure, 4874),
        );
        assert!(matches!(full, StoreError::DiskFull { .. }), "{full:?}");
        let text = full.to_string();
        assert!(
            text.contains("is full") && text.contains("another disk") && !text.contains("4874"),
            "{text}"
        );
        let full =
            StoreError::from_sqlite(path, "saving the answer", sqlite(ErrorCode::DiskFull, 13));
        assert!(matches!(full, StoreError::DiskFull { .. }), "{full:?}");
        let read_only =
            StoreError::from_sqlite(path, "saving the answer", sqlite(ErrorCode::ReadOnly, 1544));
        assert!(read_only.to_string().contains("read-only"), "{read_only}");
        assert!(!read_only.to_string().contains("1544"), "{read_only}");
        let io = StoreError::from_io(
            "cannot write",
            path,
            std::io::Error::from(std::io::ErrorKind::StorageFull),
        );
        assert!(matches!(io, StoreError::DiskFull { .. }), "{io:?}");
    }
}
