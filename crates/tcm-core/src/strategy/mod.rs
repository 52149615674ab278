//! From the action plan to a strategy: initiatives grouped by theme, sequenced by the logic of
//! the cycle and of the grid, spread over three waves, a focused list, the scores projected if
//! the waves succeed; and, across audits, a private benchmark and a trend. Pure functions, no
//! I/O: dates and past audits are passed in.
//!
//! [`derive`] runs the chain for one assessment: [`initiatives::initiatives`] →
//! [`sequence::sequence`] → [`waves::plan_waves`] → [`focus::focus`] →
//! [`projection::project_waves`]. [`carry_over::carry_over`] says what a re-audit takes from
//! the previous audit (targets, open actions, wave overrides).

pub mod benchmark;
pub mod carry_over;
pub mod dependencies;
pub mod focus;
pub mod initiatives;
pub mod projection;
pub mod sequence;
pub mod trend;
pub mod waves;

use chrono::NaiveDate;

use crate::action_plan::ActionPlan;
use crate::answer::AnswerSheet;
use crate::assessment::Targets;
use crate::questionnaire::Questionnaire;
use crate::scoring::Scorecard;

pub use dependencies::Dependencies;
pub use focus::{FOCUS_LIMIT, Focus};
pub use initiatives::{Initiative, InitiativeId, MAX_INITIATIVES_PER_STAGE};
pub use projection::{Projection, StageValues};
pub use sequence::{SequenceKey, Sequenced};
pub use waves::{DateRange, Wave, WaveAssignment, WaveOverride, WavePlan, WaveSource};

/// What the strategy of one assessment is derived from. `scorecard` is the score of
/// `answers` against `questionnaire`; `plan` the action plan derived from them.
#[derive(Debug, Clone, Copy)]
pub struct StrategyInput<'a> {
    pub questionnaire: &'a Questionnaire,
    pub answers: &'a AnswerSheet,
    pub scorecard: &'a Scorecard,
    pub targets: &'a Targets,
    pub plan: &'a ActionPlan,
}

/// The strategy of one assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Strategy {
    /// Every initiative, in the order of the sequence.
    pub sequence: Vec<Sequenced>,
    pub waves: WavePlan,
    pub focus: Focus,
    pub projection: Projection,
}

impl Strategy {
    /// The initiative with this id.
    pub fn initiative(&self, id: &InitiativeId) -> Option<&Initiative> {
        self.sequence
            .iter()
            .map(|sequenced| &sequenced.initiative)
            .find(|initiative| &initiative.id == id)
    }
}

/// Derives the whole strategy: initiatives, their sequence, waves from `start` (the
/// assessment's date) honouring the user's `overrides`, the focused list and the projection.
pub fn derive(
    input: &StrategyInput<'_>,
    dependencies: &Dependencies,
    start: NaiveDate,
    overrides: &waves::WaveOverrides,
) -> Strategy {
    let grouped = initiatives::initiatives(input);
    let sequence = sequence::sequence(grouped, input, dependencies);
    let waves = waves::plan_waves(&sequence, start, overrides);
    let focus = focus::focus(&sequence, &waves, FOCUS_LIMIT);
    let projection = projection::project_waves(input, &sequence, &waves);
    Strategy {
        sequence,
        waves,
        focus,
        projection,
    }
}
