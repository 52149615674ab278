//! Follow-up across audits of one organisation: the overall index and each stage over every
//! audit, what rose and what fell between two audits (by stage, theme and question), and the
//! actions closed between them beside the movement of what they were meant to move.
//!
//! Audits are matched by ids: a stage, theme or question one audit lacks (the grid changed)
//! shows as unknown on that side. Scores move when their rounded values (what is shown)
//! differ; question values when they differ at all.

use chrono::NaiveDate;

use crate::assessment::{ActionLink, ActionStatus, PlannedAction};
use crate::questionnaire::{QuestionId, ThemeId};
use crate::scoring::{Score, Scorecard};
use crate::stage::StageId;
use crate::text::Localized;

/// One audit of the organisation.
#[derive(Debug, Clone, Copy)]
pub struct AuditPoint<'a> {
    pub date: NaiveDate,
    pub scorecard: &'a Scorecard,
    /// The actions the audit's plan kept.
    pub actions: &'a [PlannedAction],
}

/// The series over every audit, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    pub dates: Vec<NaiveDate>,
    pub overall: Vec<Option<Score>>,
    /// The five stages in the order of the cycle, each with one value per audit.
    pub stages: Vec<(StageId, Vec<Option<Score>>)>,
}

/// The series of `audits`, put in date order (audits of the same date keep their order).
pub fn trend(audits: &[AuditPoint<'_>]) -> Trend {
    let mut ordered: Vec<&AuditPoint<'_>> = audits.iter().collect();
    ordered.sort_by_key(|audit| audit.date);
    Trend {
        dates: ordered.iter().map(|audit| audit.date).collect(),
        overall: ordered
            .iter()
            .map(|audit| audit.scorecard.overall)
            .collect(),
        stages: StageId::ALL
            .into_iter()
            .map(|stage| {
                (
                    stage,
                    ordered
                        .iter()
                        .map(|audit| stage_score(audit.scorecard, stage))
                        .collect(),
                )
            })
            .collect(),
    }
}

fn stage_score(scorecard: &Scorecard, stage: StageId) -> Option<Score> {
    scorecard.stage(stage).and_then(|score| score.result.score)
}

/// Which way a figure went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Movement {
    Rose,
    Fell,
    Unchanged,
    /// One side has no value.
    Unknown,
}

impl Movement {
    fn between(before: Option<f64>, after: Option<f64>) -> Movement {
        match (before, after) {
            (Some(before), Some(after)) if after > before + 1e-9 => Movement::Rose,
            (Some(before), Some(after)) if after < before - 1e-9 => Movement::Fell,
            (Some(_), Some(_)) => Movement::Unchanged,
            _ => Movement::Unknown,
        }
    }

    pub fn names(self) -> Localized {
        match self {
            Movement::Rose => Localized::new("en hausse", "rose"),
            Movement::Fell => Localized::new("en baisse", "fell"),
            Movement::Unchanged => Localized::new("stable", "unchanged"),
            Movement::Unknown => Localized::new("non comparable", "not comparable"),
        }
    }
}

/// A figure on both sides: scores (0–100, rounded to 0.1) for stages and themes, values
/// (0–4) for questions.
#[derive(Debug, Clone, PartialEq)]
pub struct Delta<K> {
    pub subject: K,
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub movement: Movement,
}

impl<K> Delta<K> {
    fn new(subject: K, before: Option<f64>, after: Option<f64>) -> Delta<K> {
        Delta {
            subject,
            before,
            after,
            movement: Movement::between(before, after),
        }
    }

    /// After − before; null when either side is null.
    pub fn change(&self) -> Option<f64> {
        Some(self.after? - self.before?)
    }
}

/// What moved between two audits.
#[derive(Debug, Clone, PartialEq)]
pub struct DeltaTable {
    pub overall: Delta<()>,
    pub stages: Vec<Delta<StageId>>,
    /// The later audit's themes, in its order, then those only the earlier one had.
    pub themes: Vec<Delta<(StageId, ThemeId)>>,
    /// The later audit's questions, in its order, then those only the earlier one had.
    pub questions: Vec<Delta<(StageId, QuestionId)>>,
}

impl DeltaTable {
    /// The questions that rose, then those that fell.
    pub fn moved_questions(&self) -> impl Iterator<Item = &Delta<(StageId, QuestionId)>> {
        let rose = self
            .questions
            .iter()
            .filter(|delta| delta.movement == Movement::Rose);
        let fell = self
            .questions
            .iter()
            .filter(|delta| delta.movement == Movement::Fell);
        rose.chain(fell)
    }
}

fn rounded(score: Option<Score>) -> Option<f64> {
    score.map(Score::rounded)
}

/// The delta table from `before` to `after`.
pub fn deltas(before: &Scorecard, after: &Scorecard) -> DeltaTable {
    let stages = StageId::ALL
        .into_iter()
        .map(|stage| {
            Delta::new(
                stage,
                rounded(stage_score(before, stage)),
                rounded(stage_score(after, stage)),
            )
        })
        .collect();

    let mut themes: Vec<Delta<(StageId, ThemeId)>> = after
        .themes
        .iter()
        .map(|theme| {
            let earlier = before.theme(theme.theme.as_str());
            Delta::new(
                (theme.stage, theme.theme.clone()),
                rounded(earlier.and_then(|earlier| earlier.result.score)),
                rounded(theme.result.score),
            )
        })
        .collect();
    themes.extend(
        before
            .themes
            .iter()
            .filter(|theme| after.theme(theme.theme.as_str()).is_none())
            .map(|theme| {
                Delta::new(
                    (theme.stage, theme.theme.clone()),
                    rounded(theme.result.score),
                    None,
                )
            }),
    );

    let mut questions: Vec<Delta<(StageId, QuestionId)>> = after
        .questions
        .iter()
        .map(|question| {
            let earlier = before.question(question.question.as_str());
            Delta::new(
                (question.stage, question.question.clone()),
                earlier.and_then(|earlier| earlier.value.value()),
                question.value.value(),
            )
        })
        .collect();
    questions.extend(
        before
            .questions
            .iter()
            .filter(|question| after.question(question.question.as_str()).is_none())
            .map(|question| {
                Delta::new(
                    (question.stage, question.question.clone()),
                    question.value.value(),
                    None,
                )
            }),
    );

    DeltaTable {
        overall: Delta::new((), rounded(before.overall), rounded(after.overall)),
        stages,
        themes,
        questions,
    }
}

/// An action closed between two audits, beside the movement of what it was meant to move:
/// its question's value (0–4), or its stage's score for an action added to a stage.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosedAction {
    pub action: PlannedAction,
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub movement: Movement,
}

/// The actions done in `after`'s plan that were not done in `before`'s ("did what we did
/// work?"), in `after`'s order. An action added to a stage counts as the same when its title
/// and stage match.
pub fn closed_actions(before: &AuditPoint<'_>, after: &AuditPoint<'_>) -> Vec<ClosedAction> {
    after
        .actions
        .iter()
        .filter(|action| action.status == ActionStatus::Done)
        .filter(|action| {
            !before.actions.iter().any(|earlier| {
                earlier.status == ActionStatus::Done
                    && earlier.link == action.link
                    && (matches!(earlier.link, ActionLink::Question(_))
                        || earlier.title == action.title)
            })
        })
        .map(|action| {
            let (earlier, later) = match &action.link {
                ActionLink::Question(id) => (
                    question_value(before.scorecard, id),
                    question_value(after.scorecard, id),
                ),
                ActionLink::Stage(stage) => (
                    rounded(stage_score(before.scorecard, *stage)),
                    rounded(stage_score(after.scorecard, *stage)),
                ),
            };
            ClosedAction {
                action: action.clone(),
                before: earlier,
                after: later,
                movement: Movement::between(earlier, later),
            }
        })
        .collect()
}

fn question_value(scorecard: &Scorecard, question: &QuestionId) -> Option<f64> {
    scorecard
        .question(question.as_str())
        .and_then(|score| score.value.value())
}
