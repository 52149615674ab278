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
    pub message: String,
}

impl ApiError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> ApiError {
        ApiError {
            kind,
            message: message.into(),
        }
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
        ApiError::new(kind, error.to_string())
    }
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
