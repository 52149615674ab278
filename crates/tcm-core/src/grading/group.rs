//! One group's answers compared with the key: question by question, then the agreement
//! metrics and the stage scores side by side.

use std::collections::HashMap;

use super::{Key, KeyAnswer, quadratic_weighted_kappa, score_one};
use crate::answer::{Answer, AnswerSheet, Respondent};
use crate::questionnaire::{QuestionId, Questionnaire};
use crate::scoring::Score;
use crate::stage::StageId;

/// What one group answered: at most one answer per question.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupAnswers {
    /// The group's name as the teacher knows it ("Groupe 3", "Alice & Bob").
    pub group: String,
    pub answers: HashMap<QuestionId, Answer>,
}

impl GroupAnswers {
    pub fn new(group: impl Into<String>) -> GroupAnswers {
        GroupAnswers {
            group: group.into(),
            answers: HashMap::new(),
        }
    }

    /// The answers one respondent of a sheet gave (a group answering on the teacher's
    /// machine is one respondent).
    pub fn of_respondent(sheet: &AnswerSheet, respondent: &Respondent) -> GroupAnswers {
        GroupAnswers {
            group: respondent.as_str().to_owned(),
            answers: sheet
                .responses()
                .filter(|(who, _, _)| *who == respondent)
                .map(|(_, question, response)| (question.clone(), response.answer))
                .collect(),
        }
    }

    /// Records (or replaces) the answer to one question.
    pub fn answer(mut self, question: &str, answer: Answer) -> GroupAnswers {
        self.answers.insert(QuestionId::new(question), answer);
        self
    }
}

/// How a group's answer to one question stands against the key's (see the table in the
/// module documentation of [`crate::grading`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The same level as the key.
    Exact,
    /// A different level: group level minus key level, never 0.
    Off(i8),
    /// The key and the group both say the question does not apply.
    BothNotApplicable,
    /// `NA` on one side, a level on the other.
    NotApplicableMismatch,
    /// `?` or no answer.
    Unanswered,
}

impl Outcome {
    fn of(key: KeyAnswer, given: Option<Answer>) -> Outcome {
        match (key, given) {
            (_, None | Some(Answer::DontKnow)) => Outcome::Unanswered,
            (KeyAnswer::NotApplicable, Some(Answer::NotApplicable)) => Outcome::BothNotApplicable,
            (KeyAnswer::NotApplicable, Some(Answer::Level(_)))
            | (KeyAnswer::Level(_), Some(Answer::NotApplicable)) => Outcome::NotApplicableMismatch,
            (KeyAnswer::Level(key), Some(Answer::Level(given))) => {
                let difference = given.value() as i8 - key.value() as i8;
                if difference == 0 {
                    Outcome::Exact
                } else {
                    Outcome::Off(difference)
                }
            }
        }
    }

    /// Counts as a match for the exact-match rate.
    pub fn is_match(self) -> bool {
        matches!(self, Outcome::Exact | Outcome::BothNotApplicable)
    }

    /// Counts as a match for the within-one-level rate.
    pub fn is_within_one(self) -> bool {
        match self {
            Outcome::Off(difference) => difference.abs() <= 1,
            other => other.is_match(),
        }
    }

    /// Group level minus key level, when both gave a level.
    pub fn difference(self) -> Option<i8> {
        match self {
            Outcome::Exact => Some(0),
            Outcome::Off(difference) => Some(difference),
            Outcome::BothNotApplicable | Outcome::NotApplicableMismatch | Outcome::Unanswered => {
                None
            }
        }
    }
}

/// One question of one group against the key.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionComparison {
    pub question: QuestionId,
    pub stage: StageId,
    pub key: KeyAnswer,
    /// What the group answered; `None` when it did not answer.
    pub given: Option<Answer>,
    pub outcome: Outcome,
}

/// A stage's score for the group beside the key's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StageComparison {
    pub stage: StageId,
    pub group: Option<Score>,
    pub key: Option<Score>,
}

/// Everything grading says about one group.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupGrade {
    pub group: String,
    /// Every question of the questionnaire, in its order.
    pub questions: Vec<QuestionComparison>,
    /// Matches / questions of the key (see the module documentation for `NA` and `?`).
    pub exact_match_rate: f64,
    /// Answers within one level of the key (or matching `NA`) / questions of the key.
    pub within_one_rate: f64,
    /// Mean of |group level − key level| over the questions where both gave a level.
    pub mean_absolute_difference: Option<f64>,
    /// Quadratic-weighted Cohen's kappa over the same questions.
    pub kappa: Option<f64>,
    /// How many questions have a level on both sides (the base of the two metrics above).
    pub compared: usize,
    /// Questions answered `?` or not at all.
    pub unanswered: usize,
    /// The five stages, in the order of the cycle.
    pub stages: Vec<StageComparison>,
    /// The overall TCM index of the group's answers and of the key's.
    pub overall: OverallComparison,
}

/// The overall index of the group beside the key's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OverallComparison {
    pub group: Option<Score>,
    pub key: Option<Score>,
}

impl GroupGrade {
    /// The questions where the group is furthest from the key: two levels or more apart,
    /// largest gap first, then in questionnaire order; at most `limit`.
    pub fn furthest(&self, limit: usize) -> Vec<&QuestionComparison> {
        let mut far: Vec<&QuestionComparison> = self
            .questions
            .iter()
            .filter(|question| {
                question
                    .outcome
                    .difference()
                    .is_some_and(|difference| difference.abs() >= 2)
            })
            .collect();
        // A stable sort keeps questionnaire order among equal gaps.
        far.sort_by_key(|question| {
            std::cmp::Reverse(question.outcome.difference().map_or(0, i8::abs))
        });
        far.truncate(limit);
        far
    }
}

/// Grades one group against the key of `questionnaire`. Answers to questions the
/// questionnaire does not hold are ignored.
pub fn grade_group(questionnaire: &Questionnaire, key: &Key, group: &GroupAnswers) -> GroupGrade {
    let questions: Vec<QuestionComparison> = questionnaire
        .questions()
        .iter()
        .zip(&key.answers)
        .map(|(question, &key_answer)| {
            let given = group.answers.get(&question.id).copied();
            QuestionComparison {
                question: question.id.clone(),
                stage: question.stage,
                key: key_answer,
                given,
                outcome: Outcome::of(key_answer, given),
            }
        })
        .collect();
    let total = questions.len();
    let share = |count: usize| {
        if total == 0 {
            0.0
        } else {
            count as f64 / total as f64
        }
    };
    let matches = questions.iter().filter(|q| q.outcome.is_match()).count();
    let within_one = questions
        .iter()
        .filter(|q| q.outcome.is_within_one())
        .count();
    let unanswered = questions
        .iter()
        .filter(|q| q.outcome == Outcome::Unanswered)
        .count();
    let pairs: Vec<_> = questions
        .iter()
        .filter_map(|q| match (q.key, q.given) {
            (KeyAnswer::Level(key), Some(Answer::Level(given))) => Some((key, given)),
            _ => None,
        })
        .collect();
    let compared = pairs.len();
    let mean_absolute_difference = (compared > 0).then(|| {
        let sum: u32 = pairs
            .iter()
            .map(|(key, given)| u32::from(key.value().abs_diff(given.value())))
            .sum();
        f64::from(sum) / compared as f64
    });
    let kappa = quadratic_weighted_kappa(pairs);
    let scorecard = score_one(
        questionnaire,
        group
            .answers
            .iter()
            .map(|(question, answer)| (question, *answer)),
    );
    let stages = scorecard
        .stages
        .iter()
        .map(|stage| StageComparison {
            stage: stage.stage,
            group: stage.result.score,
            key: key
                .scorecard
                .stage(stage.stage)
                .and_then(|key_stage| key_stage.result.score),
        })
        .collect();
    GroupGrade {
        group: group.group.clone(),
        exact_match_rate: share(matches),
        within_one_rate: share(within_one),
        mean_absolute_difference,
        kappa,
        compared,
        unanswered,
        questions,
        stages,
        overall: OverallComparison {
            group: scorecard.overall,
            key: key.scorecard.overall,
        },
    }
}
