//! The application's own information, backups and file operations.

use serde::{Deserialize, Serialize};
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
    /// The backup taken before an assessment was replaced or merged.
    pub backup: Option<String>,
    /// Replaced: what this computer held that the file did not (kept in the backup).
    pub lost: Vec<String>,
    /// Merged: items both copies held differently, and which one was kept.
    pub conflicts: Vec<String>,
    /// The file's questionnaire has the id and version of a bundled one but other content.
    pub questionnaire_modified: bool,
}

/// What to do when an imported `.tcm` file's assessment is already here and this computer
/// holds work the file does not contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ImportChoiceInput {
    /// A separate assessment; this one untouched.
    AsCopy,
    /// This one replaced by the file's content, after a backup.
    Replace,
    /// Answer by answer, the later change winning, after a backup.
    Merge,
}
