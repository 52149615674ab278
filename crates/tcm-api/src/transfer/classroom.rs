//! The classroom as the UI shows it: the shipped cases, a class exercise (the case text beside
//! the questions), a class graded against the teacher's key, the debrief and what a folder
//! import of groups' `.tcm` files did.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{AnswerValue, LanguageCode, LocalizedText, RespondentView, StageId};

/// A case study offered for a new class exercise.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CaseOverview {
    pub id: String,
    pub version: String,
    pub title: LocalizedText,
    pub questionnaire_id: String,
    pub question_count: u32,
}

/// What the teacher gives to start a class exercise.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewClassExerciseInput {
    pub case_id: String,
    pub case_version: String,
    /// The class ("M2 Marketing 2026"): the exercise's organisation.
    pub class_name: String,
    pub language: LanguageCode,
    /// Groups answering on this machine, created at once (more can be added later).
    pub groups: Vec<String>,
}

/// A question as students answer it about a case.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CaseQuestion {
    pub id: String,
    pub stage: StageId,
    pub text: LocalizedText,
    pub help: LocalizedText,
    /// What to look for in the case to answer.
    pub look_for: Option<LocalizedText>,
    /// What each level 0–4 looks like, level 0 first.
    pub rubric: Option<Vec<LocalizedText>>,
}

/// A class exercise: the case text beside the questions, and the groups answering.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClassExerciseView {
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub class_name: String,
    pub case_id: String,
    pub case_version: String,
    pub title: LocalizedText,
    /// The case as students read it (Markdown).
    pub text: LocalizedText,
    pub questionnaire_id: String,
    pub questionnaire_version: String,
    pub questions: Vec<CaseQuestion>,
    /// The groups (respondents of the exercise).
    pub groups: Vec<RespondentView>,
}

/// A class exercise in the list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClassExerciseListItem {
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub class_name: String,
    pub case_id: String,
    pub title: LocalizedText,
    pub groups: u32,
    pub updated_at: String,
}

/// How a group's answer to one question stands against the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum GradeOutcome {
    Exact,
    /// One level away.
    NearMiss,
    /// Two levels or more away.
    FarMiss,
    BothNotApplicable,
    NotApplicableMismatch,
    Unanswered,
}

/// A score of a group beside the key's, for one stage or overall (0–100).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ScoreBesideKey {
    pub group: Option<f64>,
    pub key: Option<f64>,
}

/// A stage's scores of a group and of the key.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StageBesideKey {
    pub stage: StageId,
    pub group: Option<f64>,
    pub key: Option<f64>,
}

/// One group graded.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GroupGradeView {
    pub group: String,
    /// 0–1.
    pub exact_match_rate: f64,
    /// 0–1.
    pub within_one_rate: f64,
    pub mean_absolute_difference: Option<f64>,
    /// Quadratic-weighted Cohen's kappa.
    pub kappa: Option<f64>,
    /// Questions with a level on both sides (the base of the two metrics above).
    pub compared: u32,
    pub unanswered: u32,
    pub stages: Vec<StageBesideKey>,
    pub overall: ScoreBesideKey,
    /// Questions two levels or more from the key, largest gap first.
    pub furthest: Vec<String>,
    /// 1 for the closest to the key; equal groups share a rank.
    pub rank: u32,
}

/// One group's answer to one question, with its justification.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GroupAnswerView {
    pub group: String,
    pub answer: Option<AnswerValue>,
    /// The students' justification ("" when none).
    pub comment: String,
    pub outcome: GradeOutcome,
}

/// How the class answered one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DistributionView {
    /// Groups that gave each level, 0 first.
    pub levels: [u32; 5],
    pub not_applicable: u32,
    pub dont_know: u32,
    pub unanswered: u32,
}

/// One question across the class, beside the key and its justification.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuestionGradeView {
    pub question_id: String,
    pub stage: StageId,
    pub text: LocalizedText,
    pub key: AnswerValue,
    pub justification: LocalizedText,
    pub distribution: DistributionView,
    pub matches: u32,
    pub groups: u32,
    pub mean_absolute_difference: Option<f64>,
    /// Above 0 the class judged the case too kindly.
    pub mean_difference: Option<f64>,
    /// Every group's answer and justification, in the groups' order.
    pub answers: Vec<GroupAnswerView>,
}

/// A class graded against the key of its case.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClassGradeView {
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub title: LocalizedText,
    /// Groups in the order they were added.
    pub groups: Vec<GroupGradeView>,
    /// Every question, in questionnaire order.
    pub questions: Vec<QuestionGradeView>,
    /// The key's stage scores, in the order of the cycle.
    pub key_stages: Vec<StageBesideKey>,
    /// Question ids of the debrief list: most often wrong first.
    pub debrief: Vec<String>,
}

/// One question of a group's feedback sheet.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SheetQuestion {
    pub question_id: String,
    pub stage: StageId,
    pub text: LocalizedText,
    pub key: AnswerValue,
    pub justification: LocalizedText,
    pub answer: Option<AnswerValue>,
    pub comment: String,
    pub outcome: GradeOutcome,
}

/// A group's feedback sheet: its metrics and every question beside the key.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GroupSheetView {
    pub title: LocalizedText,
    pub grade: GroupGradeView,
    pub questions: Vec<SheetQuestion>,
}

/// Why a group's file was not imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum RefusalReason {
    /// Not a readable `.tcm` file (damaged, too large, another format).
    Unreadable,
    /// The file was not made from this class exercise (another case or another class).
    WrongCase,
    /// Another questionnaire, or another version of it.
    WrongQuestionnaire,
    /// A group of this name is already in the class (or in an earlier file of the folder).
    DuplicateGroup,
    /// The file holds no answer.
    NoAnswers,
}

/// A file imported from the folder.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportedGroupFile {
    pub file: String,
    pub groups: Vec<String>,
    pub answers: u32,
}

/// A file refused, and why.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RefusedGroupFile {
    pub file: String,
    pub reason: RefusalReason,
    /// Says what and where, for people.
    pub message: String,
}

/// What importing a folder of groups' files did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FolderImportView {
    pub folder: String,
    pub imported: Vec<ImportedGroupFile>,
    pub refused: Vec<RefusedGroupFile>,
    /// Files of the folder that are not `.tcm` files, left alone.
    pub skipped: u32,
}

/// What to export of a class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ClassExportKind {
    /// The class workbook: one sheet for the class, one per group.
    Xlsx,
    /// The class report: debrief and one page per group.
    Pdf,
}
