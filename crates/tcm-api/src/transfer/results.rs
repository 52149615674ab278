//! What the results screen shows.

use serde::Serialize;
use ts_rs::TS;

use super::{ConsensusValue, LocalizedText, StageId};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StageResult {
    pub id: StageId,
    pub name: LocalizedText,
    /// Rounded to 0.1; `null` when no question of the stage has a value.
    pub score: Option<f64>,
    pub level: Option<u8>,
    /// Questions with a value / applicable questions, from 0 to 1.
    pub coverage: Option<f64>,
    pub answered: u32,
    pub applicable: u32,
    pub questions: u32,
    /// The stage's target, as an answer level (1–4), and as a score (level × 25).
    pub target: u8,
    pub target_score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ThemeResult {
    pub id: String,
    pub stage: StageId,
    pub name: LocalizedText,
    pub score: Option<f64>,
    pub level: Option<u8>,
    pub coverage: Option<f64>,
}

/// A maturity level with its name and meaning.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct LevelMeaning {
    pub level: u8,
    pub name: LocalizedText,
    pub meaning: LocalizedText,
}

/// The charts, as SVG documents drawn by the same code as the PDF report, in the language asked.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChartSet {
    pub radar: String,
    pub stage_bars: String,
    pub theme_bars: String,
    pub heatmap: String,
    /// Only with several respondents.
    pub dispersion: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ResultsView {
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub respondents: u32,
    pub overall: Option<f64>,
    pub overall_level: Option<LevelMeaning>,
    /// Questions with a value / applicable questions over the whole questionnaire.
    pub coverage: Option<f64>,
    pub answered: u32,
    pub applicable: u32,
    pub stages: Vec<StageResult>,
    pub themes: Vec<ThemeResult>,
    /// Themes with a score, strongest first (at most three), and weakest first.
    pub strengths: Vec<String>,
    pub weaknesses: Vec<String>,
    /// The scores of the previous assessment of the same organisation, by stage, if any.
    /// When the previous audit used another version of the questionnaire and a bundled
    /// mapping links them, its scores over the questions that map only.
    pub previous: Option<Vec<Option<f64>>>,
    /// What the comparison with the previous assessment rests on; set when `previous` is.
    pub previous_basis: Option<PreviousBasis>,
    pub charts: ChartSet,
    /// Every maturity level, for the "how is this computed?" panel.
    pub levels: Vec<LevelMeaning>,
    /// Perception gaps: each group of respondents' stage scores and share of "?" (empty
    /// when no respondent has a group).
    pub groups: Vec<GroupPerceptionView>,
    /// Every respondent together, beside the groups: each stage's score from their own
    /// answers (consensus left out, like the groups') and the share of "?" — where the room's
    /// knowledge is missing. Empty when nobody answered.
    pub room: Vec<GroupStageView>,
    /// What the consensus recorded changed on each stage, in the order of the cycle; empty
    /// when no consensus value is recorded.
    pub consensus_effect: Vec<ConsensusEffectView>,
    /// "What divides us": the questions on which the respondents' own answers differ (levels
    /// apart, or some "?"), the largest spread first, then the largest share of "?" — the
    /// report's workshop list, whole. Empty with fewer than two respondents.
    pub divisions: Vec<DivisionView>,
}

/// A question that divided the respondents before any discussion, and what was agreed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DivisionView {
    pub question: String,
    pub stage: StageId,
    pub text: LocalizedText,
    /// Every answer given, whatever it says.
    pub votes: u32,
    /// Answers for each level 0–4 (five counts).
    pub levels: Vec<u32>,
    pub not_applicable: u32,
    pub dont_know: u32,
    /// Population standard deviation of the levels given; `null` when only NA or "?".
    pub standard_deviation: Option<f64>,
    /// Lowest and highest level given.
    pub lowest: Option<u8>,
    pub highest: Option<u8>,
    /// Share of "?" among the answers, 0–1.
    pub dont_know_share: f64,
    /// The consensus recorded afterwards, if any.
    pub agreed: Option<ConsensusValue>,
}

/// One stage before and after the discussion: its score from the respondents' answers alone,
/// then with the consensus values (the audit's score), each rounded to 0.1, and the difference
/// of the two figures shown.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConsensusEffectView {
    pub stage: StageId,
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub change: Option<f64>,
}

/// How one group of respondents sees the five stages.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GroupPerceptionView {
    pub group: String,
    pub members: u32,
    /// No figure is shown: fewer than three members, so nobody's answers can be read off, or
    /// see `shields`.
    pub withheld: bool,
    /// Withheld although it has three members or more: shown, the whole room's figures minus
    /// the groups shown would give away one or two people's (a smaller group, or respondents
    /// in no group).
    pub shields: bool,
    /// The five stages in the order of the cycle; empty when withheld.
    pub stages: Vec<GroupStageView>,
}

/// One stage as one group sees it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GroupStageView {
    pub stage: StageId,
    /// 0–100, to 0.1.
    pub score: Option<f64>,
    /// Share of "?" among the group's answers on the stage, 0–1.
    pub dont_know_share: Option<f64>,
}

/// What the comparison with the previous assessment rests on.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreviousBasis {
    /// Questions the comparison rests on: the pairs a mapping links when `mapped`, otherwise
    /// the questions both questionnaires share.
    pub questions: u32,
    /// Questions of the current assessment's questionnaire.
    pub total: u32,
    /// The previous assessment used another version, compared through a bundled mapping.
    pub mapped: bool,
    /// When `mapped`: the current assessment's stage scores over the same questions, by
    /// stage, to set beside `previous`.
    pub current: Option<Vec<Option<f64>>>,
}
