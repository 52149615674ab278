//! Scoring: from a questionnaire and an answer sheet to question values, theme and stage
//! scores, coverage and the overall TCM index. A pure function: no clock, no I/O.
//!
//! The model, exactly:
//! - **Question value**: the consensus value if one is set; otherwise the arithmetic mean of
//!   the respondents' levels (`NA` and `?` excluded). No level at all: no value. Every
//!   respondent answered `NA` (or the consensus is `NA`): the question is not applicable.
//! - **Stage score** (0–100) = 100 × Σ(weight × value) / Σ(weight × 4), over the stage's
//!   questions that have a value. None has a value: the score is null, never 0.
//! - **Coverage** = questions with a value / questions that are not `NA`.
//! - **Overall index** = mean of the non-null stage scores, each stage counting equally.
//! - **Theme scores** use the stage formula over the theme's questions.
//! - **Level**: read from the score as reported, rounded to 0.1 (see [`Score::level`]).

mod dispersion;
mod score;
mod tally;

pub use dispersion::Dispersion;
pub use score::Score;
pub use tally::{AnswerTally, overall_from_tallies, stage_scores_from_tallies};

use std::collections::{HashMap, HashSet};

use crate::answer::{Answer, AnswerSheet, Consensus};
use crate::questionnaire::{Question, QuestionId, Questionnaire, ThemeId};
use crate::stage::StageId;

/// What a question contributes to scoring.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum QuestionValue {
    /// A value between 0 and 4 (a mean of levels can fall between two levels).
    Value(f64),
    /// Every respondent said it does not apply, or the consensus says so.
    NotApplicable,
    /// Applicable but unanswered: no answer, or only `?` (and `NA`).
    NoValue,
}

impl QuestionValue {
    pub fn value(self) -> Option<f64> {
        match self {
            QuestionValue::Value(value) => Some(value),
            QuestionValue::NotApplicable | QuestionValue::NoValue => None,
        }
    }
}

/// Where a question's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueSource {
    Consensus,
    Respondents,
}

/// One question's result.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionScore {
    pub question: QuestionId,
    pub stage: StageId,
    pub theme: ThemeId,
    pub weight: f64,
    pub value: QuestionValue,
    pub source: ValueSource,
    /// Spread of the respondents' levels; `None` when nobody gave a level.
    pub dispersion: Option<Dispersion>,
    /// How many respondents answered `NA` and `?`.
    pub not_applicable: usize,
    pub dont_know: usize,
}

/// A group of questions scored together: a stage or a theme.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupScore {
    /// Null when no question of the group has a value.
    pub score: Option<Score>,
    /// Questions with a value / applicable questions; null when none is applicable.
    pub coverage: Option<f64>,
    /// Questions with a value.
    pub answered: usize,
    /// Questions that are not `NA`.
    pub applicable: usize,
    /// All the group's questions.
    pub questions: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StageScore {
    pub stage: StageId,
    pub result: GroupScore,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ThemeScore {
    pub theme: ThemeId,
    pub stage: StageId,
    pub result: GroupScore,
}

/// Everything scoring says about one answer sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    /// Distinct respondents who gave at least one answer to a question of the questionnaire.
    pub respondents: usize,
    /// Mean of the non-null stage scores; null when every stage is null.
    pub overall: Option<Score>,
    /// The five stages, in the order of the cycle.
    pub stages: Vec<StageScore>,
    /// Every theme, in questionnaire order.
    pub themes: Vec<ThemeScore>,
    /// Every question, in questionnaire order.
    pub questions: Vec<QuestionScore>,
}

impl Scorecard {
    pub fn stage(&self, stage: StageId) -> Option<&StageScore> {
        self.stages.iter().find(|score| score.stage == stage)
    }

    pub fn theme(&self, theme: &str) -> Option<&ThemeScore> {
        self.themes
            .iter()
            .find(|score| score.theme.as_str() == theme)
    }

    pub fn question(&self, question: &str) -> Option<&QuestionScore> {
        self.questions
            .iter()
            .find(|score| score.question.as_str() == question)
    }

    /// Questions with a value, over the whole questionnaire.
    pub fn answered(&self) -> usize {
        self.stages.iter().map(|stage| stage.result.answered).sum()
    }

    /// Applicable questions, over the whole questionnaire.
    pub fn applicable(&self) -> usize {
        self.stages
            .iter()
            .map(|stage| stage.result.applicable)
            .sum()
    }
}

/// Scores an answer sheet against a questionnaire. Answers to questions that the
/// questionnaire does not hold are ignored.
pub fn score(questionnaire: &Questionnaire, answers: &AnswerSheet) -> Scorecard {
    let mut answers_by_question: Vec<Vec<Answer>> =
        vec![Vec::new(); questionnaire.questions().len()];
    let mut respondents = HashSet::new();
    for (respondent, question, response) in answers.responses() {
        if let Some(position) = questionnaire.question_position(question.as_str()) {
            answers_by_question[position].push(response.answer);
            respondents.insert(respondent);
        }
    }
    let questions: Vec<QuestionScore> = questionnaire
        .questions()
        .iter()
        .zip(&answers_by_question)
        .map(|(question, given)| score_question(question, given, answers.consensus(&question.id)))
        .collect();
    aggregate(questionnaire, respondents.len(), questions)
}

/// The second half of [`score`]: stage, theme and overall scores from the questions' results
/// (in questionnaire order). The strategy's projections use it on raised question values.
pub fn aggregate(
    questionnaire: &Questionnaire,
    respondents: usize,
    questions: Vec<QuestionScore>,
) -> Scorecard {
    let stages: Vec<StageScore> = questionnaire
        .stages()
        .iter()
        .map(|stage| StageScore {
            stage: stage.id,
            result: score_group(questions.iter().filter(|score| score.stage == stage.id)),
        })
        .collect();
    let mut by_theme: HashMap<&ThemeId, Vec<&QuestionScore>> = HashMap::new();
    for question in &questions {
        by_theme.entry(&question.theme).or_default().push(question);
    }
    let themes = questionnaire
        .themes()
        .iter()
        .map(|theme| ThemeScore {
            theme: theme.id.clone(),
            stage: theme.stage,
            result: score_group(by_theme.get(&theme.id).into_iter().flatten().copied()),
        })
        .collect();
    let overall = Score::mean(stages.iter().filter_map(|stage| stage.result.score));
    Scorecard {
        respondents,
        overall,
        stages,
        themes,
        questions,
    }
}

fn score_question(
    question: &Question,
    given: &[Answer],
    consensus: Option<Consensus>,
) -> QuestionScore {
    let levels: Vec<u8> = given
        .iter()
        .filter_map(|answer| answer.level())
        .map(|level| level.value())
        .collect();
    let tally = AnswerTally::of_answers(given);
    let (value, source) = tally.value(consensus);
    QuestionScore {
        question: question.id.clone(),
        stage: question.stage,
        theme: question.theme.clone(),
        weight: question.weight,
        value,
        source,
        dispersion: Dispersion::of_levels(&levels),
        not_applicable: usize::try_from(tally.not_applicable).unwrap_or(usize::MAX),
        dont_know: usize::try_from(tally.dont_know).unwrap_or(usize::MAX),
    }
}

/// The stage formula, over any group of scored questions.
///
/// Never NaN nor infinite, whatever the weights: each weight is divided by the largest one
/// of the answered questions before summing, so Σ(weight × 4) is at least 4 and at most
/// 4 × the number of questions. A weight that is not a finite number above 0 (the validator
/// refuses them) counts as 0, and a value that is not finite counts as no value; when no
/// answered question has a usable weight, the group has no score.
pub fn score_group<'a>(questions: impl Iterator<Item = &'a QuestionScore>) -> GroupScore {
    let questions: Vec<&QuestionScore> = questions.collect();
    let usable = |weight: f64| weight.is_finite() && weight > 0.0;
    let largest_weight = questions
        .iter()
        .filter(|question| question.value.value().is_some_and(f64::is_finite))
        .map(|question| question.weight)
        .filter(|weight| usable(*weight))
        .fold(0.0_f64, f64::max);
    let mut weighted_values = 0.0;
    let mut weighted_maximum = 0.0;
    let mut answered = 0;
    let mut applicable = 0;
    for question in &questions {
        match question.value {
            QuestionValue::Value(value) if value.is_finite() => {
                let weight = if usable(question.weight) {
                    question.weight / largest_weight
                } else {
                    0.0
                };
                weighted_values += weight * value.clamp(0.0, 4.0);
                weighted_maximum += weight * 4.0;
                answered += 1;
                applicable += 1;
            }
            QuestionValue::Value(_) | QuestionValue::NoValue => applicable += 1,
            QuestionValue::NotApplicable => {}
        }
    }
    GroupScore {
        score: (weighted_maximum > 0.0)
            .then(|| Score::new(100.0 * weighted_values / weighted_maximum)),
        coverage: (applicable > 0).then(|| answered as f64 / applicable as f64),
        answered,
        applicable,
        questions: questions.len(),
    }
}
