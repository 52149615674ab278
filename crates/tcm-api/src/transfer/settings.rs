//! The application's own information, backups and file operations.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{BackupKind, ImportOutcome, LocalizedText};
use crate::error::{ApiError, ReadOnlyReason};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub database_path: String,
    pub backups_dir: String,
    /// Why the database could not be opened; the UI then offers to restore a backup.
    pub opening_error: Option<ApiError>,
    /// Why the database was opened read-only, when it was: the UI says so and offers no
    /// editing (reading, exports and backups elsewhere work).
    pub read_only: Option<ReadOnlyView>,
    /// Set by `open_database` when the database opened could not be remembered for the next
    /// start (its configuration folder cannot be written): the app works on it now, but
    /// will start on the usual database next time.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub choice_not_kept: Option<ApiError>,
}

/// A database opened read-only: why, and the file or folder that is read-only.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReadOnlyView {
    pub reason: ReadOnlyReason,
    pub path: String,
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
    /// How a responses file was read (none for a `.tcm` file).
    pub report: Option<ImportReportView>,
    /// The backup taken before an assessment was replaced or merged.
    pub backup: Option<String>,
    /// Replaced: what this computer held that the file did not (kept in the backup).
    pub lost: Vec<String>,
    /// Merged: items both copies held differently, and which one was kept.
    pub conflicts: Vec<String>,
    /// The file's questionnaire has the id and version of a bundled one but other content.
    pub questionnaire_modified: bool,
    /// The case study of a class exercise's file (a teacher's starter file): the student
    /// reads it beside the questions when this app ships it.
    pub class_case: Option<ClassCaseView>,
}

/// The case a class exercise's file names, and whether this app ships it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClassCaseView {
    pub case_id: String,
    pub case_version: String,
    /// The case's title when this app ships that case and version; none when it does not.
    pub title: Option<LocalizedText>,
}

/// How a responses file was read: which column named the respondents (or that none did),
/// the question columns recognised by their text, and the columns that only resemble a
/// question (not read: the user checks them).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportReportView {
    /// The header of the column naming the respondents; none for an anonymous file.
    pub respondent_column: Option<String>,
    /// Other columns that could have named them.
    pub other_respondent_columns: Vec<String>,
    /// Respondents were numbered « Répondant 1…n » in file order.
    pub anonymous: bool,
    /// Headers of the question columns recognised by the question's text, not its id.
    pub matched_by_text: Vec<String>,
    /// Columns that resemble a question, not read.
    pub proposals: Vec<ProposalView>,
    /// The answers were read on a 1–5 scale.
    pub one_to_five: bool,
}

/// A column that resembles a question.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProposalView {
    /// 1-based position of the column.
    pub column: u32,
    pub header: String,
    pub question: String,
}

impl From<&tcm_interchange::ImportReport> for ImportReportView {
    fn from(report: &tcm_interchange::ImportReport) -> ImportReportView {
        ImportReportView {
            respondent_column: report.respondent_column.clone(),
            other_respondent_columns: report.other_respondent_columns.clone(),
            anonymous: report.anonymous,
            matched_by_text: report
                .question_columns
                .iter()
                .filter(|column| column.by == tcm_interchange::import::MatchedBy::Text)
                .map(|column| column.header.clone())
                .collect(),
            proposals: report
                .proposals
                .iter()
                .map(|proposal| ProposalView {
                    column: u32::try_from(proposal.column).unwrap_or(u32::MAX),
                    header: proposal.header.clone(),
                    question: proposal.question.to_string(),
                })
                .collect(),
            one_to_five: report.scale == tcm_interchange::AnswerScale::OneToFive,
        }
    }
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
