//! The action plan as the UI shows and edits it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ActionStatus, PlanLabel, PlanOrigin, StageId};

/// One line of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlanItemView {
    /// Stable within the plan: `question:<id>` or `action:<id>`.
    pub key: String,
    /// Derived from the scores and not yet touched, or stored by the user.
    pub origin: PlanOrigin,
    /// The stored action's id, when kept.
    #[ts(type = "number | null")]
    pub action_id: Option<i64>,
    pub question_id: Option<String>,
    pub stage: StageId,
    pub title: String,
    pub description: String,
    pub owner: String,
    /// `YYYY-MM-DD`.
    pub due: Option<String>,
    pub status: ActionStatus,
    pub impact: u8,
    pub effort: u8,
    /// In levels of the answer scale.
    pub gap: Option<f64>,
    pub priority: Option<f64>,
    pub label: Option<PlanLabel>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PlanView {
    #[ts(type = "number")]
    pub assessment: i64,
    pub items: Vec<PlanItemView>,
}

/// An action as the user writes it: a proposal taken up (with its question), or an action
/// added to a stage.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionInput {
    pub question_id: Option<String>,
    pub stage: Option<StageId>,
    pub title: String,
    pub description: String,
    pub owner: String,
    /// `YYYY-MM-DD`, or `null`.
    pub due: Option<String>,
    pub status: ActionStatus,
    pub impact: u8,
    pub effort: u8,
}
