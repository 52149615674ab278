//! Organisations, assessments, respondents and answers as the UI sends and receives them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    ActionStatus, AnswerValue, AssessmentStatus, ConsensusValue, LanguageCode, LocalizedText, Mode,
    OrganisationSize, Sector,
};

/// A value of a closed list (sector, size, mode, status…) with its name in both languages.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Choice<T: TS> {
    pub id: T,
    pub name: LocalizedText,
}

/// What the forms offer.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FormChoices {
    pub sectors: Vec<Choice<Sector>>,
    pub sizes: Vec<Choice<OrganisationSize>>,
    pub modes: Vec<Choice<Mode>>,
    pub statuses: Vec<Choice<AssessmentStatus>>,
    pub action_statuses: Vec<Choice<ActionStatus>>,
    /// The bundled questionnaires (full grid first).
    pub questionnaires: Vec<Choice<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct OrganisationView {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub sector: Sector,
    pub size: Option<OrganisationSize>,
    pub notes: String,
}

/// A new organisation, or one that exists.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum OrganisationInput {
    Existing {
        #[ts(type = "number")]
        id: i64,
    },
    New {
        name: String,
        sector: Sector,
        size: Option<OrganisationSize>,
        notes: String,
    },
}

/// What the "new assessment" form sends.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewAssessmentInput {
    pub organisation: OrganisationInput,
    pub title: String,
    pub mode: Mode,
    pub language: LanguageCode,
    pub questionnaire_id: String,
    /// Target answer level (1–4) per stage, in the order of the cycle.
    pub targets: Vec<u8>,
    /// The first respondent (the person who answers in a self-assessment); optional.
    pub first_respondent: Option<String>,
}

/// One line of the home screen's list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AssessmentListItem {
    #[ts(type = "number")]
    pub id: i64,
    pub organisation_name: String,
    pub title: String,
    pub mode: Mode,
    pub status: AssessmentStatus,
    pub language: LanguageCode,
    pub questionnaire_id: String,
    /// The questionnaire has the id and version of a bundled one but other content: show it
    /// as modified (« tcm-92 1.0.0 (modifié) »).
    pub questionnaire_modified: bool,
    pub respondents: u32,
    pub answered_questions: u32,
    pub question_count: u32,
    /// Rounded to 0.1.
    pub overall_score: Option<f64>,
    pub overall_level: Option<u8>,
    /// RFC 3339, UTC.
    pub updated_at: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RespondentView {
    #[ts(type = "number")]
    pub id: i64,
    pub label: String,
    pub role: String,
    pub group: String,
    /// Where they left off.
    pub resume_question: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[ts(export)]
pub struct RespondentInput {
    pub label: String,
    pub role: String,
    pub group: String,
}

/// An assessment with its organisation and respondents.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AssessmentDetail {
    #[ts(type = "number")]
    pub id: i64,
    pub uuid: String,
    pub organisation: OrganisationView,
    pub title: String,
    pub mode: Mode,
    pub language: LanguageCode,
    pub status: AssessmentStatus,
    pub targets: Vec<u8>,
    pub questionnaire_id: String,
    pub questionnaire_version: String,
    /// See [`AssessmentListItem::questionnaire_modified`].
    pub questionnaire_modified: bool,
    pub respondents: Vec<RespondentView>,
    pub answered_questions: u32,
    pub question_count: u32,
    pub created_at: String,
    pub updated_at: String,
}

/// What can change in an assessment after it started.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AssessmentUpdate {
    pub title: String,
    pub mode: Mode,
    pub language: LanguageCode,
    pub status: AssessmentStatus,
    pub targets: Vec<u8>,
}

/// One respondent's answer to one question.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AnswerView {
    pub question_id: String,
    pub answer: AnswerValue,
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RespondentAnswers {
    #[ts(type = "number")]
    pub respondent_id: i64,
    pub answers: Vec<AnswerView>,
    pub resume_question: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SaveAnswerInput {
    #[ts(type = "number")]
    pub respondent_id: i64,
    pub question_id: String,
    /// `null` clears the answer.
    pub answer: Option<AnswerValue>,
    pub comment: String,
    /// Where the respondent stands once this is saved (the question the window shows), kept in
    /// the same transaction; `null` means the answered question.
    #[serde(default)]
    pub resume_question: Option<String>,
}

/// The assessment after a save: committed to disk when this arrives.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SavedAnswer {
    pub question_id: String,
    pub answered_questions: u32,
    pub question_count: u32,
    pub overall_score: Option<f64>,
    /// RFC 3339, UTC.
    pub saved_at: String,
}

/// A value the group agreed on for a question, overriding the respondents' mean.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConsensusView {
    pub question_id: String,
    pub value: ConsensusValue,
    pub note: String,
}

/// Every respondent's answer to one question, for a group to agree on a value.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuestionAnswers {
    pub question_id: String,
    /// `[respondent label, answer]` pairs, in respondent order.
    pub answers: Vec<LabelledAnswer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LabelledAnswer {
    pub respondent: String,
    pub answer: AnswerValue,
    pub comment: String,
}

/// The consensus values of an assessment, with what each respondent answered.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConsensusSheet {
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub values: Vec<ConsensusView>,
    pub answers: Vec<QuestionAnswers>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConsensusInput {
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub question_id: String,
    /// `null` removes the consensus (the respondents' mean counts again).
    pub value: Option<ConsensusValue>,
    pub note: String,
}
