//! The order in which initiatives are taken up: the logic of the cycle and of the grid as one
//! pure, total and stable function, and the same rule as text for the "how is this
//! computed?" panel and the report ([`explanation`]).
//!
//! The rule, exactly. Initiatives are compared on, in turn:
//! 1. **Foundations first**: an initiative that moves a foundation question (weight ≥ 2) or a
//!    question another question depends on comes before one that moves neither.
//! 2. **The stage furthest from its target first**: the stage's gap (target as a score − the
//!    stage's score, 0–100; a stage with no score counts its whole target) in whole levels
//!    of 25 points, largest first.
//! 3. **Quick wins early**: an initiative holding a quick win before one that holds none.
//! 4. **Priority**: the sum of its actions' priorities, highest first.
//! 5. **Tie-break**: the initiative id, in alphabetical order (ids are unique, so the order
//!    is total and does not depend on the input order).
//!
//! Then **dependencies**: an initiative never comes before another that moves one of its
//! questions' prerequisites; among the initiatives free to go next, the comparison above
//! decides. Initiatives that depend on each other in a circle (possible even when questions
//! do not: A's question needs B's, B's other question needs A's) are ordered by the
//! comparison alone.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use crate::assessment::{ActionLink, Targets};
use crate::questionnaire::Questionnaire;
use crate::scoring::Scorecard;
use crate::text::Localized;

use super::StrategyInput;
use super::dependencies::Dependencies;
use super::initiatives::{Initiative, InitiativeId};

/// Points of the 0–100 scale in one level of the answer scale.
const POINTS_PER_LEVEL: f64 = 25.0;

/// What the sequence compared for one initiative.
#[derive(Debug, Clone, PartialEq)]
pub struct SequenceKey {
    /// Moves a question of weight ≥ 2.
    pub foundation: bool,
    /// Moves a question another question depends on.
    pub prerequisite: bool,
    /// Its stage's gap to target, in points (0–100).
    pub stage_gap: f64,
    /// The same gap in whole levels (25 points each): what the comparison uses.
    pub stage_gap_levels: u8,
    pub quick_win: bool,
    pub priority: f64,
}

impl SequenceKey {
    fn compare(&self, other: &SequenceKey) -> Ordering {
        let first = |key: &SequenceKey| key.foundation || key.prerequisite;
        first(other)
            .cmp(&first(self))
            .then(other.stage_gap_levels.cmp(&self.stage_gap_levels))
            .then(other.quick_win.cmp(&self.quick_win))
            .then(other.priority.total_cmp(&self.priority))
    }
}

/// An initiative in its place in the sequence.
#[derive(Debug, Clone, PartialEq)]
pub struct Sequenced {
    /// 1 for the first.
    pub rank: usize,
    pub initiative: Initiative,
    pub key: SequenceKey,
    /// The initiatives that move a prerequisite of one of its questions.
    pub after: Vec<InitiativeId>,
}

/// Puts the initiatives in order; see the module's documentation for the rule.
pub fn sequence(
    initiatives: Vec<Initiative>,
    input: &StrategyInput<'_>,
    dependencies: &Dependencies,
) -> Vec<Sequenced> {
    let keys: Vec<SequenceKey> = initiatives
        .iter()
        .map(|initiative| {
            key_of(
                initiative,
                input.questionnaire,
                input.scorecard,
                input.targets,
                dependencies,
            )
        })
        .collect();
    let after: Vec<Vec<usize>> = initiatives
        .iter()
        .enumerate()
        .map(|(index, initiative)| {
            prerequisite_initiatives(index, initiative, &initiatives, dependencies)
        })
        .collect();
    let after = without_circles(after);

    // Indices by the comparison, ties by id.
    let mut by_key: Vec<usize> = (0..initiatives.len()).collect();
    by_key.sort_by(|&a, &b| {
        keys[a]
            .compare(&keys[b])
            .then_with(|| initiatives[a].id.cmp(&initiatives[b].id))
    });

    // Dependencies: repeatedly take the first initiative by key whose prerequisites are
    // placed; when none is free (a circle), the first by key.
    let mut placed = vec![false; initiatives.len()];
    let mut order = Vec::with_capacity(initiatives.len());
    while order.len() < initiatives.len() {
        let next = by_key
            .iter()
            .copied()
            .filter(|&index| !placed[index])
            .find(|&index| after[index].iter().all(|&before| placed[before]))
            .or_else(|| by_key.iter().copied().find(|&index| !placed[index]));
        let Some(next) = next else { break };
        placed[next] = true;
        order.push(next);
    }

    let ids: Vec<InitiativeId> = initiatives
        .iter()
        .map(|initiative| initiative.id.clone())
        .collect();
    let mut slots: Vec<Option<Initiative>> = initiatives.into_iter().map(Some).collect();
    let mut keys: Vec<Option<SequenceKey>> = keys.into_iter().map(Some).collect();
    order
        .into_iter()
        .enumerate()
        .filter_map(|(rank, index)| {
            Some(Sequenced {
                rank: rank + 1,
                initiative: slots[index].take()?,
                key: keys[index].take()?,
                after: after[index]
                    .iter()
                    .map(|&before| ids[before].clone())
                    .collect(),
            })
        })
        .collect()
}

fn key_of(
    initiative: &Initiative,
    questionnaire: &Questionnaire,
    scorecard: &Scorecard,
    targets: &Targets,
    dependencies: &Dependencies,
) -> SequenceKey {
    let questions = initiative
        .questions
        .iter()
        .filter_map(|id| questionnaire.question(id.as_str()));
    let foundation = questions.clone().any(|question| question.weight >= 2.0);
    let prerequisite = questions
        .clone()
        .any(|question| dependencies.is_prerequisite(&question.id));
    let target = targets.as_score(initiative.stage);
    let score = scorecard
        .stage(initiative.stage)
        .and_then(|stage| stage.result.score)
        .map_or(0.0, |score| score.value());
    let stage_gap = (target - score).clamp(0.0, 100.0);
    SequenceKey {
        foundation,
        prerequisite,
        stage_gap,
        stage_gap_levels: gap_levels(stage_gap),
        quick_win: initiative.has_quick_win(),
        priority: initiative.priority,
    }
}

/// Whole levels in a gap of 0–100 points.
fn gap_levels(points: f64) -> u8 {
    let mut levels = 0;
    while levels < 4 && points >= f64::from(levels + 1) * POINTS_PER_LEVEL {
        levels += 1;
    }
    levels
}

/// The other initiatives that move a prerequisite of one of this initiative's questions.
fn prerequisite_initiatives(
    index: usize,
    initiative: &Initiative,
    initiatives: &[Initiative],
    dependencies: &Dependencies,
) -> Vec<usize> {
    if dependencies.is_empty() {
        return Vec::new();
    }
    let wanted: BTreeSet<_> = initiative
        .actions
        .iter()
        .filter_map(|item| match &item.action.link {
            ActionLink::Question(id) => Some(id),
            ActionLink::Stage(_) => None,
        })
        .flat_map(|id| dependencies.prerequisites(id))
        .collect();
    initiatives
        .iter()
        .enumerate()
        .filter(|(other, candidate)| {
            *other != index
                && candidate
                    .questions
                    .iter()
                    .any(|question| wanted.contains(question))
        })
        .map(|(other, _)| other)
        .collect()
}

/// Drops each edge "a after b" when b also comes (transitively) after a: a circle imposes no
/// order, the comparison decides.
fn without_circles(after: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    let reachable: Vec<Vec<bool>> = (0..after.len())
        .map(|start| {
            let mut seen = vec![false; after.len()];
            let mut stack = after[start].clone();
            while let Some(node) = stack.pop() {
                if !std::mem::replace(&mut seen[node], true) {
                    stack.extend(&after[node]);
                }
            }
            seen
        })
        .collect();
    after
        .iter()
        .enumerate()
        .map(|(index, befores)| {
            befores
                .iter()
                .copied()
                .filter(|&before| !reachable[before][index])
                .collect()
        })
        .collect()
}

/// The rule, as the "how is this computed?" panel and the report write it.
pub fn explanation() -> Localized {
    Localized::new(
        "Les initiatives sont ordonnées ainsi\u{a0}: d’abord celles qui font progresser une \
         question fondatrice (poids 2) ou une question dont d’autres dépendent\u{202f}; puis \
         celles des étapes les plus éloignées de leur cible (écart compté en niveaux entiers \
         de 25 points)\u{202f}; puis celles qui contiennent un gain rapide\u{202f}; puis la \
         priorité cumulée de leurs actions, la plus forte d’abord\u{202f}; à égalité, \
         l’identifiant de l’initiative, par ordre alphabétique. Une initiative ne passe \
         jamais avant celle qui fait progresser une question dont elle dépend (sauf \
         dépendances en cercle, départagées par les critères précédents).",
        "Initiatives are ordered as follows: first those that move a foundation question \
         (weight 2) or a question others depend on; then those of the stages furthest from \
         their target (the gap counted in whole levels of 25 points); then those holding a \
         quick win; then the summed priority of their actions, highest first; on a tie, the \
         initiative’s id in alphabetical order. An initiative never comes before the one \
         that moves a question it depends on (unless they depend on each other in a \
         circle: the criteria above then decide).",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_count_whole_levels() {
        for (points, expected) in [
            (0.0, 0),
            (24.9, 0),
            (25.0, 1),
            (49.99, 1),
            (50.0, 2),
            (75.0, 3),
            (99.0, 3),
            (100.0, 4),
        ] {
            assert_eq!(gap_levels(points), expected, "{points}");
        }
    }

    #[test]
    fn the_explanation_keeps_french_typography() {
        let text = explanation();
        assert!(text.fr.contains("ainsi\u{a0}:"));
        assert!(!text.fr.contains(" :"));
        assert!(!text.fr.contains(" ;"));
        assert!(text.fr.contains('’'));
        assert!(!text.fr.contains('\''));
        assert!(!text.en.contains("  "));
        assert!(!text.fr.contains("  "));
    }
}
