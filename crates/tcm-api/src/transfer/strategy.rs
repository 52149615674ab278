//! The strategy as the UI shows it: initiatives in sequence, their waves, the focused list
//! and the projected scores. Texts are in the language asked for.

use serde::Serialize;
use ts_rs::TS;

/// One action of an initiative.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InitiativeActionView {
    /// The question it is about; `null` for an action added to a stage.
    pub question_id: Option<String>,
    pub title: String,
    pub owner: String,
    /// `YYYY-MM-DD`.
    pub due: Option<String>,
    pub status: String,
    pub impact: u8,
    pub effort: u8,
    /// `quickWin` or `structuralProject`.
    pub label: Option<String>,
}

/// One initiative, in its place in the sequence and in time.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InitiativeView {
    /// Stable across re-derivations while its themes stay the same.
    pub id: String,
    /// 1 for the first of the sequence.
    pub rank: u32,
    pub stage: String,
    pub themes: Vec<String>,
    pub title: String,
    /// One sentence, from the questionnaire's words.
    pub goal: String,
    /// The questions it would raise to their target.
    pub questions: Vec<String>,
    pub actions: Vec<InitiativeActionView>,
    pub effort: u32,
    pub impact: u32,
    pub priority: f64,
    /// The stage's score now and if the initiative succeeds, rounded to 0.1.
    pub current: Option<f64>,
    pub reached: Option<f64>,
    /// Why it stands where it does in the sequence.
    pub foundation: bool,
    pub prerequisite: bool,
    pub quick_win: bool,
    /// Ids of the initiatives it comes after (they move its prerequisites).
    pub after: Vec<String>,
    /// 1, 2 or 3.
    pub wave: u8,
    /// `YYYY-MM-DD`.
    pub start: String,
    pub end: String,
    /// `derived`, `userWave` or `userDates`.
    pub wave_source: String,
    /// One of the (at most twelve) initiatives that lead the plan.
    pub leads: bool,
}

/// A wave and its dates.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WaveView {
    pub number: u8,
    pub name: String,
    pub start: String,
    pub end: String,
}

/// A figure now, after the first wave and after every wave (scores 0–100, rounded to 0.1).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProjectedView {
    pub current: Option<f64>,
    pub after_first_wave: Option<f64>,
    pub after_all_waves: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProjectedStageView {
    pub stage: String,
    /// The stage's target as a score (level × 25).
    pub target: f64,
    pub scores: ProjectedView,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StrategyView {
    #[ts(type = "number")]
    pub assessment: i64,
    /// The date wave 1 opens: the assessment's creation date, `YYYY-MM-DD`.
    pub start: String,
    /// The sequencing rule, for the "how is this computed?" panel.
    pub explanation: String,
    /// Every initiative, in the order of the sequence.
    pub initiatives: Vec<InitiativeView>,
    pub waves: Vec<WaveView>,
    pub stages: Vec<ProjectedStageView>,
    pub overall: ProjectedView,
    /// Ids of initiatives the user placed that the plan no longer has (their themes' actions
    /// were done or dropped): the choice is kept, in case they come back.
    pub unmatched_overrides: Vec<String>,
}
