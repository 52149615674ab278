//! Grading a class against a teacher's key: how close each group's answers are to the
//! reference answers of a case study, and what the class as a whole got wrong. Pure
//! functions: answers in, metrics out.
//!
//! # How each question counts
//!
//! The key gives every question of the questionnaire a level (0–4) or `NA`; a group gives a
//! level, `NA`, `?` or nothing. Each question of the key has one [`Outcome`]:
//!
//! | key \ group | level          | `NA`                 | `?` or no answer |
//! |-------------|----------------|----------------------|------------------|
//! | level       | exact or off   | mismatch             | unanswered       |
//! | `NA`        | mismatch       | both not applicable  | unanswered       |
//!
//! - **Exact-match rate** and **within-one-level rate** are shares of *all* the key's
//!   questions: a question left unanswered or answered `?` counts as a miss (a student who
//!   does not answer has not found the evidence), and an `NA` that agrees with the key's
//!   `NA` counts as a match (recognising that a practice does not apply is the right answer).
//!   An `NA` against a level, or a level against `NA`, is a miss for both rates.
//! - **Mean absolute difference** and **Cohen's kappa** need two levels: they are computed
//!   over the questions where both the key and the group gave a level, and are `None` when
//!   there is no such question (kappa is also `None` when it is undefined, see
//!   [`quadratic_weighted_kappa`]). [`GroupGrade::compared`] says how many questions they
//!   cover.
//! - **Stage scores** are the real scoring model ([`crate::scoring::score`]) applied to the
//!   group's answers and to the key's, each as one respondent, so `NA` and `?` count exactly
//!   as they count in an audit.

mod class;
mod group;
mod kappa;

pub use class::{AnswerDistribution, ClassGrade, QuestionSummary, RankedGroup, StageMatrix};
pub use group::{
    GroupAnswers, GroupGrade, Outcome, OverallComparison, QuestionComparison, StageComparison,
    grade_group,
};
pub use kappa::quadratic_weighted_kappa;

use std::collections::HashMap;
use std::fmt;

use crate::answer::{Answer, AnswerSheet, Level, Respondent, Response};
use crate::questionnaire::{QuestionId, Questionnaire};
use crate::scoring::{Scorecard, score};

/// The key's answer to one question: a level, or "does not apply to this case".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyAnswer {
    Level(Level),
    NotApplicable,
}

impl KeyAnswer {
    /// The level, when the key gives one.
    pub fn level(self) -> Option<Level> {
        match self {
            KeyAnswer::Level(level) => Some(level),
            KeyAnswer::NotApplicable => None,
        }
    }

    /// The same answer as a respondent would give it.
    pub fn as_answer(self) -> Answer {
        match self {
            KeyAnswer::Level(level) => Answer::Level(level),
            KeyAnswer::NotApplicable => Answer::NotApplicable,
        }
    }
}

impl fmt::Display for KeyAnswer {
    /// `0`–`4` or `NA`, as in answer files.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.as_answer(), f)
    }
}

/// A key that does not match its questionnaire question for question.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the key does not match questionnaire `{questionnaire}`: missing {missing:?}, unknown {unknown:?}"
)]
pub struct KeyMismatch {
    pub questionnaire: String,
    /// Questions of the questionnaire the key has no answer for.
    pub missing: Vec<QuestionId>,
    /// Key entries naming no question of the questionnaire.
    pub unknown: Vec<QuestionId>,
}

/// The teacher's reference answers, one per question, checked against a questionnaire and
/// kept in its order, with the key's own scorecard.
#[derive(Debug, Clone)]
pub struct Key {
    pub(crate) answers: Vec<KeyAnswer>,
    pub(crate) scorecard: Scorecard,
}

impl Key {
    /// Builds the key of `questionnaire` from its answers; every question needs exactly one.
    pub fn new(
        questionnaire: &Questionnaire,
        answers: impl IntoIterator<Item = (QuestionId, KeyAnswer)>,
    ) -> Result<Key, KeyMismatch> {
        let mut by_question: HashMap<QuestionId, KeyAnswer> = HashMap::new();
        let mut unknown = Vec::new();
        for (question, answer) in answers {
            if questionnaire.question(question.as_str()).is_some() {
                by_question.insert(question, answer);
            } else {
                unknown.push(question);
            }
        }
        let missing: Vec<QuestionId> = questionnaire
            .questions()
            .iter()
            .filter(|question| !by_question.contains_key(&question.id))
            .map(|question| question.id.clone())
            .collect();
        if !missing.is_empty() || !unknown.is_empty() {
            return Err(KeyMismatch {
                questionnaire: questionnaire.id().to_owned(),
                missing,
                unknown,
            });
        }
        let answers: Vec<KeyAnswer> = questionnaire
            .questions()
            .iter()
            .filter_map(|question| by_question.get(&question.id).copied())
            .collect();
        let scorecard = score_one(
            questionnaire,
            questionnaire
                .questions()
                .iter()
                .zip(&answers)
                .map(|(question, answer)| (&question.id, answer.as_answer())),
        );
        Ok(Key { answers, scorecard })
    }

    /// The key's answer to each question, in questionnaire order.
    pub fn answers(&self) -> &[KeyAnswer] {
        &self.answers
    }

    /// The key scored as an audit.
    pub fn scorecard(&self) -> &Scorecard {
        &self.scorecard
    }
}

/// Scores one set of answers (a key or a group) with the real scoring model, as one
/// respondent.
fn score_one<'q>(
    questionnaire: &Questionnaire,
    answers: impl Iterator<Item = (&'q QuestionId, Answer)>,
) -> Scorecard {
    let respondent = Respondent::new("grading");
    let mut sheet = AnswerSheet::new();
    for (question, answer) in answers {
        sheet.set(
            respondent.clone(),
            question.clone(),
            Response {
                answer,
                comment: None,
            },
        );
    }
    score(questionnaire, &sheet)
}

#[cfg(test)]
mod tests;
