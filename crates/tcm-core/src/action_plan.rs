//! The action plan: what to do first, derived from the scores and merged with what the user
//! keeps. A pure function of (questionnaire, scorecard, targets, stored actions, language).
//!
//! The model, exactly:
//! - **Gap** of a question = target of its stage − its value, in levels of the 0–4 answer
//!   scale (targets are levels 1–4, 4 by default). A value can be a mean, so a gap can be
//!   fractional (target 4, value 2.5: gap 1.5).
//! - **Proposal**: each question whose value is below its stage's target yields its
//!   recommended action. A question with no value, or not applicable, yields none.
//! - **Priority** = gap × weight × impact ÷ effort (impact and effort 1–3, from the
//!   recommended action or from the user's edit of it).
//! - **Order**: priority, highest first; ties by stage order, then questionnaire order.
//!   Gaps and priorities are rounded to 10⁻⁹ so that floating-point noise never decides a tie.
//!   Actions without a priority (those a user added to a stage) come after, in stage order
//!   then in the order they were stored.
//! - **Labels**: a *quick win* has impact ≥ 2 and effort 1; a *structural project* has
//!   effort 3.
//! - **Merge with stored actions**: a stored action linked to a question replaces that
//!   question's proposal whatever its status — edited, planned, done or dismissed — so a
//!   proposal never overwrites a user's edit and a dismissed action is not proposed again.
//!   Stored actions linked to a stage (added by the user) are always in the plan. A kept
//!   action linked to a question carries the question's current gap and priority (computed
//!   with the kept impact and effort) when the question has a value; the gap is then never
//!   below 0.
//! - **Identity**: a kept item names the position in `kept` of the stored action it shows
//!   ([`PlanItem::kept`]), so callers find their stored action again without comparing
//!   contents (two identical added actions stay two actions, each with its own record).

use std::cmp::Ordering;

use crate::assessment::{ActionLink, ActionStatus, PlannedAction, Targets};
use crate::questionnaire::{Question, Questionnaire};
use crate::scoring::Scorecard;
use crate::stage::StageId;
use crate::text::{Language, Localized};

/// Where a plan item comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanOrigin {
    /// Derived from the scores: a question's recommended action, not yet touched by anyone.
    Proposal,
    /// Stored by the user: a proposal they took up, edited, closed or dismissed, or an
    /// action they added.
    Kept,
}

/// A label that helps choose among actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanLabel {
    /// Impact ≥ 2 and effort 1.
    QuickWin,
    /// Effort 3.
    StructuralProject,
}

impl PlanLabel {
    pub fn names(self) -> Localized {
        match self {
            PlanLabel::QuickWin => Localized::new("Gain rapide", "Quick win"),
            PlanLabel::StructuralProject => {
                Localized::new("Projet structurant", "Structural project")
            }
        }
    }
}

/// How far a question stands from its stage's target, and what closing the gap is worth.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gap {
    /// The question's value, 0–4.
    pub value: f64,
    /// The stage's target, 1–4.
    pub target: u8,
    /// target − value, in levels; never below 0.
    pub levels: f64,
    /// gap × weight × impact ÷ effort.
    pub priority: f64,
}

/// One line of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanItem {
    pub origin: PlanOrigin,
    /// The action: for a proposal, the recommended action in the plan's language, with
    /// status [`ActionStatus::Proposed`], no owner and no due date.
    pub action: PlannedAction,
    pub stage: StageId,
    /// The linked question's gap, when the action is about a question that has a value.
    pub gap: Option<Gap>,
    /// For a kept item, the position in the `kept` list given to [`action_plan`] of the
    /// stored action it shows; `None` for a proposal.
    pub kept: Option<usize>,
}

impl PlanItem {
    pub fn priority(&self) -> Option<f64> {
        self.gap.map(|gap| gap.priority)
    }

    pub fn label(&self) -> Option<PlanLabel> {
        label(self.action.impact, self.action.effort)
    }

    /// Still to be done: neither done nor dismissed.
    pub fn is_open(&self) -> bool {
        !matches!(
            self.action.status,
            ActionStatus::Done | ActionStatus::Dismissed
        )
    }
}

/// The merged plan, in priority order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActionPlan {
    pub items: Vec<PlanItem>,
    /// Stored actions linked to a question the questionnaire does not hold (it changed since):
    /// kept here so that nothing the user wrote is lost silently.
    pub unplaced: Vec<PlannedAction>,
}

impl ActionPlan {
    /// The open items (neither done nor dismissed), highest priority first.
    pub fn open(&self) -> impl Iterator<Item = &PlanItem> {
        self.items.iter().filter(|item| item.is_open())
    }

    /// The first `count` open items: the top priorities.
    pub fn top(&self, count: usize) -> Vec<&PlanItem> {
        self.open().take(count).collect()
    }

    /// The items of each stage that has any, in the order of the cycle; within a stage, in
    /// plan order.
    pub fn by_stage(&self) -> Vec<(StageId, Vec<&PlanItem>)> {
        StageId::ALL
            .into_iter()
            .map(|stage| {
                let items: Vec<&PlanItem> = self
                    .items
                    .iter()
                    .filter(|item| item.stage == stage)
                    .collect();
                (stage, items)
            })
            .filter(|(_, items)| !items.is_empty())
            .collect()
    }

    pub fn with_label(&self, wanted: PlanLabel) -> impl Iterator<Item = &PlanItem> {
        self.open().filter(move |item| item.label() == Some(wanted))
    }
}

fn label(impact: u8, effort: u8) -> Option<PlanLabel> {
    if effort >= 3 {
        Some(PlanLabel::StructuralProject)
    } else if effort == 1 && impact >= 2 {
        Some(PlanLabel::QuickWin)
    } else {
        None
    }
}

/// Builds the plan. `kept` are the stored actions of the assessment, in the order they were
/// stored; proposals are written in `language`.
pub fn action_plan(
    questionnaire: &Questionnaire,
    scorecard: &Scorecard,
    targets: &Targets,
    kept: &[PlannedAction],
    language: Language,
) -> ActionPlan {
    // Sort keys: (item, stage position, position within the stage's ordering).
    let mut ranked: Vec<(PlanItem, usize)> = Vec::new();
    let mut unplaced = Vec::new();

    for (position, question) in questionnaire.questions().iter().enumerate() {
        let stored = kept.iter().enumerate().find(
            |(_, action)| matches!(&action.link, ActionLink::Question(id) if *id == question.id),
        );
        let value = scorecard
            .question(question.id.as_str())
            .and_then(|score| score.value.value());
        let target = targets.of(question.stage);
        match stored {
            Some((index, action)) => {
                let gap = value
                    .map(|value| gap_of(question, value, target, action.impact, action.effort));
                ranked.push((
                    PlanItem {
                        origin: PlanOrigin::Kept,
                        action: action.clone(),
                        stage: question.stage,
                        gap,
                        kept: Some(index),
                    },
                    position,
                ));
            }
            None => {
                let Some(value) = value.filter(|value| *value < f64::from(target)) else {
                    continue;
                };
                let recommended = &question.action;
                ranked.push((
                    PlanItem {
                        origin: PlanOrigin::Proposal,
                        action: proposal(question, language),
                        stage: question.stage,
                        gap: Some(gap_of(
                            question,
                            value,
                            target,
                            recommended.impact,
                            recommended.effort,
                        )),
                        kept: None,
                    },
                    position,
                ));
            }
        }
    }

    let question_count = questionnaire.questions().len();
    for (order, action) in kept.iter().enumerate() {
        match &action.link {
            ActionLink::Stage(stage) => ranked.push((
                PlanItem {
                    origin: PlanOrigin::Kept,
                    action: action.clone(),
                    stage: *stage,
                    gap: None,
                    kept: Some(order),
                },
                question_count + order,
            )),
            ActionLink::Question(id) => {
                if questionnaire.question(id.as_str()).is_none() {
                    unplaced.push(action.clone());
                }
            }
        }
    }

    ranked.sort_by(|(a, a_position), (b, b_position)| {
        compare_priority(a.priority(), b.priority())
            .then(a.stage.cmp(&b.stage))
            .then(a_position.cmp(b_position))
    });
    ActionPlan {
        items: ranked.into_iter().map(|(item, _)| item).collect(),
        unplaced,
    }
}

/// Highest priority first; no priority last.
fn compare_priority(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.total_cmp(&a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Gaps and priorities are kept to [`PRECISION`]: floating-point noise (4 − 2.8 is
/// 1.2000000000000002) would otherwise decide between equal priorities and break the
/// documented tie order.
const PRECISION: f64 = 1e9;

fn without_noise(value: f64) -> f64 {
    let rounded = (value * PRECISION).round() / PRECISION;
    if rounded.is_finite() { rounded } else { value }
}

fn gap_of(question: &Question, value: f64, target: u8, impact: u8, effort: u8) -> Gap {
    let levels = without_noise((f64::from(target) - value).max(0.0));
    let priority =
        without_noise(levels * question.weight * f64::from(impact) / f64::from(effort.max(1)));
    Gap {
        value,
        target,
        levels,
        priority,
    }
}

fn proposal(question: &Question, language: Language) -> PlannedAction {
    let recommended = &question.action;
    PlannedAction {
        link: ActionLink::Question(question.id.clone()),
        title: recommended.title.get(language).to_owned(),
        description: recommended.description.get(language).to_owned(),
        owner: String::new(),
        due: None,
        status: ActionStatus::Proposed,
        impact: recommended.impact,
        effort: recommended.effort,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_impact_and_effort() {
        let cases = [
            (3, 1, Some(PlanLabel::QuickWin)),
            (2, 1, Some(PlanLabel::QuickWin)),
            (1, 1, None),
            (3, 2, None),
            (1, 3, Some(PlanLabel::StructuralProject)),
            (3, 3, Some(PlanLabel::StructuralProject)),
        ];
        for (impact, effort, expected) in cases {
            assert_eq!(
                label(impact, effort),
                expected,
                "impact {impact}, effort {effort}"
            );
        }
    }

    #[test]
    fn priorities_order_highest_first_and_missing_last() {
        let cases = [
            (Some(2.0), Some(1.0), Ordering::Less),
            (Some(1.0), Some(2.0), Ordering::Greater),
            (Some(1.0), None, Ordering::Less),
            (None, Some(0.0), Ordering::Greater),
            (None, None, Ordering::Equal),
        ];
        for (a, b, expected) in cases {
            assert_eq!(compare_priority(a, b), expected, "{a:?} vs {b:?}");
        }
    }
}
