//! A re-audit as the UI asks for it and what it is told back: what came along from the
//! previous audit and what did not.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::StageId;

/// "New follow-up audit": the audit it follows and the new one's title.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReauditInput {
    /// The audit it follows (its organisation, mode, language, targets and open actions).
    #[ts(type = "number")]
    pub from: i64,
    pub title: String,
}

/// A carried action that is no longer about the same question.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MovedActionView {
    pub title: String,
    /// The question it was about in the previous audit.
    pub from_question: String,
    /// The question it is now about (the version mapping's successor), or `null` when it
    /// became an action of its former stage.
    pub to_question: Option<String>,
    pub stage: StageId,
}

/// Why a wave override stayed with the previous audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DroppedOverrideReason {
    /// No carried action is left in the initiative.
    NothingCarried,
    /// Its dates ended before the re-audit.
    Ended,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DroppedOverrideView {
    pub initiative: String,
    pub reason: DroppedOverrideReason,
}

/// The re-audit started, and what it took from the previous audit.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReauditView {
    #[ts(type = "number")]
    pub assessment: i64,
    #[ts(type = "number")]
    pub from: i64,
    pub questionnaire_id: String,
    pub questionnaire_version: String,
    /// The five targets carried, in the order of the cycle.
    pub targets: Vec<u8>,
    /// Open actions carried (all of them, moved ones included).
    pub carried_actions: u32,
    /// Done or dismissed actions left with the previous audit.
    pub closed_actions: u32,
    /// Carried actions whose question changed or disappeared.
    pub moved_actions: Vec<MovedActionView>,
    /// Titles of open actions about a question neither grid holds: not carried.
    pub unplaced_actions: Vec<String>,
    pub carried_overrides: u32,
    pub dropped_overrides: Vec<DroppedOverrideView>,
}
