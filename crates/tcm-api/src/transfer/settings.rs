//! The application's own information, backups and file operations.

use serde::Serialize;
use ts_rs::TS;

use super::{BackupKind, ImportOutcome};
use crate::error::ApiError;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub database_path: String,
    pub backups_dir: String,
    /// Why the database could not be opened; the UI then offers to restore a backup.
    pub opening_error: Option<ApiError>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupView {
    pub path: String,
    pub name: String,
    pub kind: BackupKind,
    /// RFC 3339, from the file's modification time.
    pub taken_at: String,
    #[ts(type = "number")]
    pub size_bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RestoreView {
    pub previous_saved_as: Option<String>,
    pub damaged_moved_to: Option<String>,
}

/// What an import did, for the UI to tell.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportView {
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub outcome: ImportOutcome,
    pub answers_written: u32,
    pub respondents_added: u32,
    pub ignored_columns: Vec<String>,
}
