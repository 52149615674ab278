//! The one error that crosses to the UI: `{ kind, message }`. The UI branches on `kind`,
//! never on the text; `message` is for people.

use serde::Serialize;
use ts_rs::TS;

/// What kind of failure it is, for the UI to choose how to show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ErrorKind {
    /// A questionnaire file has problems; the message lists them with their locations.
    InvalidQuestionnaire,
    /// Something asked for does not exist (an unknown questionnaire id, a deleted assessment).
    NotFound,
    /// The request itself is wrong (a value out of range, a missing field).
    InvalidInput,
    /// Saving or reading data failed; nothing already saved was lost.
    Storage,
    /// An imported `.tcm` file holds an assessment this database has, with local work the
    /// file does not contain: the UI asks whether to import a copy, replace or merge.
    ImportConflict,
    /// A file the user chose cannot be written there (the database itself, its backups, a
    /// folder, a device): nothing was written.
    ForbiddenPath,
    /// The user cancelled a long operation: nothing of it was written, no file was left.
    Cancelled,
    /// A bug: something that should not happen.
    Internal,
}

/// A failure as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
#[ts(export)]
pub struct ApiError {
    pub kind: ErrorKind,
    /// For people, in English (the CLI and logs show it).
    pub message: String,
    /// What happened, with its parameters, when the UI can say it in the user's language
    /// from its own catalogues (`errors.<code>`) rather than show `message`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub detail: Option<ErrorDetail>,
}

/// A failure the UI words itself, in French or English: its code and the values the sentence
/// needs. Paths are shown as they are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "code",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum ErrorDetail {
    /// The database file is damaged or not one of ours; it was left untouched.
    DatabaseDamaged { path: String },
    /// The database was made by a newer version of the app; it was left untouched.
    DatabaseNewer {
        path: String,
        found: usize,
        known: usize,
    },
    /// Updating an older database failed and was rolled back; a copy was taken first.
    DatabaseUpdateFailed { path: String, backup: String },
    /// The path is a folder or a device, not a database file.
    NotAFile { path: String },
    /// The disk is full: nothing of the action was saved.
    DiskFull { path: String },
    /// The file, its folder or its disk cannot be written (`reason` says which, `path` names
    /// it): nothing was changed.
    ReadOnly {
        path: String,
        reason: ReadOnlyReason,
    },
    /// The system failed to read or write the file.
    DiskFailure { path: String },
    /// A text longer than its field holds (`field` is the key of `limits.ts`).
    TextTooLong {
        field: String,
        length: usize,
        max: usize,
    },
    /// A text of control characters only.
    TextOnlyControls { field: String },
    /// Something asked for does not exist (any more): `what` is `assessment`,
    /// `organisation`, `respondent` or `action`, `id` its number or name.
    NotFound { what: String, id: String },
    /// The user cancelled a long operation: nothing of it was written.
    Cancelled,
    /// The chosen file cannot be written there (the database, its working files or backups,
    /// a folder, a device): nothing was written.
    ForbiddenOutput { path: String },
    /// No data folder was found for the database: the user opens a database file.
    NoDataFolder,
    /// The database the user opened last time is no longer where it was (moved, deleted, on
    /// a drive not connected): nothing was made in its place; the user opens a database file.
    ChosenDatabaseMissing { path: String },
}

/// Why a database cannot be written, for the UI to say so (tcm-store's `ReadOnlyReason`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ReadOnlyReason {
    /// The file's permissions do not let this user write it.
    File,
    /// The file is locked against any change (immutable attribute, system policy).
    Locked,
    /// Its folder cannot be written.
    Folder,
    /// Its disk or share is mounted read-only.
    Volume,
    /// A `-wal` or `-shm` working file beside it is read-only.
    Companion,
}

impl ReadOnlyReason {
    /// The reason and the path it names (the file, its folder, its working file).
    pub fn of(
        reason: &tcm_store::ReadOnlyReason,
        database: &std::path::Path,
    ) -> (ReadOnlyReason, String) {
        use tcm_store::ReadOnlyReason as Store;
        let code = match reason {
            Store::File => ReadOnlyReason::File,
            Store::Locked => ReadOnlyReason::Locked,
            Store::Folder(_) => ReadOnlyReason::Folder,
            Store::Volume => ReadOnlyReason::Volume,
            Store::Companion(_) => ReadOnlyReason::Companion,
        };
        (code, reason.path(database).display().to_string())
    }
}

impl ApiError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> ApiError {
        ApiError {
            kind,
            message: message.into(),
            detail: None,
        }
    }

    /// The same error, worded by the UI from `detail`.
    pub fn with_detail(mut self, detail: ErrorDetail) -> ApiError {
        self.detail = Some(detail);
        self
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorKind::NotFound, message)
    }
}

impl From<tcm_store::StoreError> for ApiError {
    fn from(error: tcm_store::StoreError) -> ApiError {
        use tcm_store::StoreError;
        let kind = match &error {
            StoreError::NotFound { .. } => ErrorKind::NotFound,
            StoreError::Invalid(_) | StoreError::Text(_) => ErrorKind::InvalidInput,
            StoreError::ImportConflict { .. } => ErrorKind::ImportConflict,
            StoreError::ForbiddenOutput { .. } => ErrorKind::ForbiddenPath,
            StoreError::Cancelled { .. } => ErrorKind::Cancelled,
            StoreError::Corrupt { .. }
            | StoreError::NewerSchema { .. }
            | StoreError::Migration { .. }
            | StoreError::Snapshot { .. }
            | StoreError::Sqlite { .. }
            | StoreError::NotAFile { .. }
            | StoreError::DiskFull { .. }
            | StoreError::ReadOnly { .. }
            | StoreError::DiskFailure { .. }
            | StoreError::Io { .. } => ErrorKind::Storage,
        };
        let detail = detail_of(&error);
        let api = ApiError::new(kind, error.to_string());
        match detail {
            Some(detail) => api.with_detail(detail),
            None => api,
        }
    }
}

/// The UI's wording of a store error, when it has one.
fn detail_of(error: &tcm_store::StoreError) -> Option<ErrorDetail> {
    use tcm_core::limits::TextRefusal;
    use tcm_store::StoreError;
    let shown = |path: &std::path::Path| path.display().to_string();
    Some(match error {
        StoreError::Corrupt { path, .. } => ErrorDetail::DatabaseDamaged { path: shown(path) },
        StoreError::NewerSchema { path, found, known } => ErrorDetail::DatabaseNewer {
            path: shown(path),
            found: *found,
            known: *known,
        },
        StoreError::Migration { path, backup, .. } => ErrorDetail::DatabaseUpdateFailed {
            path: shown(path),
            backup: shown(backup),
        },
        StoreError::NotAFile { path, .. } => ErrorDetail::NotAFile { path: shown(path) },
        StoreError::DiskFull { path, .. } => ErrorDetail::DiskFull { path: shown(path) },
        StoreError::ReadOnly {
            path: database,
            reason,
            ..
        } => {
            let (reason, path) = ReadOnlyReason::of(reason, database);
            ErrorDetail::ReadOnly { path, reason }
        }
        StoreError::DiskFailure { path, .. } => ErrorDetail::DiskFailure { path: shown(path) },
        StoreError::Text(TextRefusal::TooLong { field, length, max }) => ErrorDetail::TextTooLong {
            field: field.key().to_owned(),
            length: *length,
            max: *max,
        },
        StoreError::Text(TextRefusal::OnlyControlCharacters { field }) => {
            ErrorDetail::TextOnlyControls {
                field: field.key().to_owned(),
            }
        }
        StoreError::NotFound { what, id } => ErrorDetail::NotFound {
            what: (*what).to_owned(),
            id: id.clone(),
        },
        StoreError::Cancelled { .. } => ErrorDetail::Cancelled,
        StoreError::ForbiddenOutput { path, .. } => {
            ErrorDetail::ForbiddenOutput { path: shown(path) }
        }
        _ => return None,
    })
}

impl ApiError {
    pub fn invalid(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorKind::InvalidInput, message)
    }
}

impl From<tcm_core::InvalidQuestionnaire> for ApiError {
    fn from(invalid: tcm_core::InvalidQuestionnaire) -> ApiError {
        ApiError::new(ErrorKind::InvalidQuestionnaire, invalid.report())
    }
}
