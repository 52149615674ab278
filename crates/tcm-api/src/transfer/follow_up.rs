//! The follow-up across an organisation's audits as the UI shows it: the series over every
//! audit with its chart, what moved between two audits, and the actions closed between them
//! beside the movement of what they were meant to move.

use serde::Serialize;
use ts_rs::TS;

use super::{Movement, StageId};

/// One audit of the organisation, in date order.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AuditPointView {
    #[ts(type = "number")]
    pub assessment: i64,
    pub title: String,
    /// `YYYY-MM-DD`, the day the audit was created.
    pub date: String,
    /// The TCM index (0–100, rounded to 0.1).
    pub overall: Option<f64>,
}

/// One stage's score at each audit, in the audits' order.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StageSeriesView {
    pub stage: StageId,
    pub scores: Vec<Option<f64>>,
}

/// A figure on both sides of two audits: scores 0–100 (rounded to 0.1) for the index,
/// stages and themes; values 0–4 for questions.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeltaView {
    /// The stage of the figure; `null` for the index.
    pub stage: Option<StageId>,
    /// The theme's or question's id; `null` for the index and a stage.
    pub id: Option<String>,
    /// The theme's name or the question's text in the language asked for (the id when the
    /// later grid lacks it); the stage's name for a stage.
    pub label: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// After − before, rounded like the figures.
    pub change: Option<f64>,
    pub movement: Movement,
}

/// An action closed between the two audits and the movement of its question (value 0–4) or,
/// for an action added to a stage, of its stage's score.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ClosedActionView {
    pub title: String,
    pub owner: String,
    pub stage: StageId,
    /// The question it was about; `null` for an action added to a stage.
    pub question_id: Option<String>,
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub change: Option<f64>,
    pub movement: Movement,
}

/// What moved from an earlier audit to this one.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AuditComparisonView {
    /// The earlier audit.
    pub before: AuditPointView,
    pub overall: DeltaView,
    pub stages: Vec<DeltaView>,
    /// The themes that rose, then those that fell.
    pub themes: Vec<DeltaView>,
    /// The questions that rose, then those that fell.
    pub questions: Vec<DeltaView>,
    /// How many questions kept their value.
    pub unchanged_questions: u32,
    pub closed_actions: Vec<ClosedActionView>,
}

/// The follow-up of an assessment: its organisation's audits up to this one.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FollowUpView {
    #[ts(type = "number")]
    pub assessment: i64,
    /// Oldest first; the last is this assessment.
    pub audits: Vec<AuditPointView>,
    pub stages: Vec<StageSeriesView>,
    /// The line chart (SVG), drawn by the report's code; `null` with a single audit.
    pub chart: Option<String>,
    /// From the audit asked for (by default the previous one) to this one; `null` when this
    /// is the organisation's first audit.
    pub comparison: Option<AuditComparisonView>,
}
