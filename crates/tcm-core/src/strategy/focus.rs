//! The focused plan: the plan tab and the report lead with at most [`FOCUS_LIMIT`]
//! initiatives; the others follow, so that every action stays reachable.
//!
//! The rule: initiatives in the order of their wave, then of the sequence; the first
//! [`FOCUS_LIMIT`] lead, the rest follow in the same order.

use super::initiatives::InitiativeId;
use super::sequence::Sequenced;
use super::waves::{Wave, WavePlan};

/// At most this many initiatives lead the plan.
pub const FOCUS_LIMIT: usize = 12;

/// The initiatives that lead, and the others, each list in roadmap order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Focus {
    pub lead: Vec<InitiativeId>,
    pub others: Vec<InitiativeId>,
}

impl Focus {
    /// Every initiative, the leading ones first.
    pub fn all(&self) -> impl Iterator<Item = &InitiativeId> {
        self.lead.iter().chain(&self.others)
    }
}

/// Splits the sequence into the `limit` initiatives that lead and the others.
pub fn focus(sequence: &[Sequenced], waves: &WavePlan, limit: usize) -> Focus {
    let mut ordered: Vec<&Sequenced> = sequence.iter().collect();
    ordered.sort_by_key(|sequenced| {
        (
            waves
                .wave_of(&sequenced.initiative.id)
                .unwrap_or(Wave::Third),
            sequenced.rank,
        )
    });
    let mut ids = ordered
        .into_iter()
        .map(|sequenced| sequenced.initiative.id.clone());
    let lead = ids.by_ref().take(limit).collect();
    Focus {
        lead,
        others: ids.collect(),
    }
}
