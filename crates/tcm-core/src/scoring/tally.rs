//! A question's answers counted rather than listed: what a question's value needs, and all a
//! store has to keep current to know an assessment's overall index without rereading every
//! answer. The value rule is written here once; [`super::score`] uses it too.

use crate::answer::{Answer, Consensus};
use crate::questionnaire::{QuestionId, Questionnaire};

use super::{QuestionScore, QuestionValue, Score, ValueSource, score_group};

/// How many respondents gave each kind of answer to one question.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnswerTally {
    /// The sum of the levels given (0–4 each).
    pub level_sum: u64,
    /// How many answers were a level.
    pub levels: u64,
    pub not_applicable: u64,
    pub dont_know: u64,
}

impl AnswerTally {
    /// The tally of one answer: add it to count the answer, subtract it to forget it.
    pub fn of_answer(answer: Answer) -> AnswerTally {
        let mut tally = AnswerTally::default();
        tally.add(answer);
        tally
    }

    pub fn of_answers<'a>(answers: impl IntoIterator<Item = &'a Answer>) -> AnswerTally {
        let mut tally = AnswerTally::default();
        for answer in answers {
            tally.add(*answer);
        }
        tally
    }

    pub fn add(&mut self, answer: Answer) {
        match answer {
            Answer::Level(level) => {
                self.level_sum += u64::from(level.value());
                self.levels += 1;
            }
            Answer::NotApplicable => self.not_applicable += 1,
            Answer::DontKnow => self.dont_know += 1,
        }
    }

    /// Every answer given, whatever it says.
    pub fn answers(&self) -> u64 {
        self.levels + self.not_applicable + self.dont_know
    }

    /// The question's value: the consensus when there is one; else the mean of the levels;
    /// else not applicable when every answer said so; else no value.
    pub fn value(&self, consensus: Option<Consensus>) -> (QuestionValue, ValueSource) {
        match consensus {
            Some(Consensus::Level(level)) => (
                QuestionValue::Value(f64::from(level.value())),
                ValueSource::Consensus,
            ),
            Some(Consensus::NotApplicable) => {
                (QuestionValue::NotApplicable, ValueSource::Consensus)
            }
            None => {
                let value = if self.levels > 0 {
                    QuestionValue::Value(self.level_sum as f64 / self.levels as f64)
                } else if self.answers() > 0 && self.not_applicable == self.answers() {
                    QuestionValue::NotApplicable
                } else {
                    QuestionValue::NoValue
                };
                (value, ValueSource::Respondents)
            }
        }
    }
}

/// The overall TCM index from per-question tallies and consensus values: the same figure as
/// [`super::score`]'s `overall` for the same answers (the stage formula is
/// [`super::score_group`], the same function), in time proportional to the number of
/// questions.
pub fn overall_from_tallies(
    questionnaire: &Questionnaire,
    tally: impl Fn(&QuestionId) -> AnswerTally,
    consensus: impl Fn(&QuestionId) -> Option<Consensus>,
) -> Option<Score> {
    Score::mean(
        stage_scores_from_tallies(questionnaire, tally, consensus)
            .into_iter()
            .flatten(),
    )
}

/// The five stage scores (in the order of the cycle, `None` for a stage without a value or
/// absent from the questionnaire) from per-question tallies and consensus values: the same
/// figures as [`super::score`]'s stages for the same answers. The private benchmark reads
/// every past audit this way, without rereading its answers.
pub fn stage_scores_from_tallies(
    questionnaire: &Questionnaire,
    tally: impl Fn(&QuestionId) -> AnswerTally,
    consensus: impl Fn(&QuestionId) -> Option<Consensus>,
) -> [Option<Score>; 5] {
    let questions: Vec<QuestionScore> = questionnaire
        .questions()
        .iter()
        .map(|question| {
            let counted = tally(&question.id);
            let (value, source) = counted.value(consensus(&question.id));
            QuestionScore {
                question: question.id.clone(),
                stage: question.stage,
                theme: question.theme.clone(),
                weight: question.weight,
                value,
                source,
                dispersion: None,
                not_applicable: usize::try_from(counted.not_applicable).unwrap_or(usize::MAX),
                dont_know: usize::try_from(counted.dont_know).unwrap_or(usize::MAX),
            }
        })
        .collect();
    let mut scores = [None; 5];
    for stage in questionnaire.stages() {
        scores[stage.id.index()] = score_group(
            questions
                .iter()
                .filter(|question| question.stage == stage.id),
        )
        .score;
    }
    scores
}
