//! What the scores would be if actions succeed, computed with the real scoring on a projected
//! answer sheet: each moved question gets a consensus value at its stage's target level. Only
//! questions that have a value below their target move, so a projection never lowers a score
//! and never changes which questions count.
//!
//! [`project`] gives exactly `score(questionnaire, projected_answers(…))` (a tested property)
//! without copying the answer sheet: it sets the consensus values on the scorecard's question
//! results and aggregates them with the scoring's own [`aggregate`].

use crate::answer::{AnswerSheet, Consensus, Level};
use crate::questionnaire::QuestionId;
use crate::scoring::{QuestionValue, Score, Scorecard, ValueSource, aggregate};
use crate::stage::StageId;

use super::StrategyInput;
use super::sequence::Sequenced;
use super::waves::{Wave, WavePlan};

/// Stage scores and the overall TCM index of one scorecard.
#[derive(Debug, Clone, PartialEq)]
pub struct StageValues {
    /// The five stages, in the order of the cycle; null when a stage has no value.
    pub stages: Vec<(StageId, Option<Score>)>,
    pub overall: Option<Score>,
}

impl StageValues {
    pub fn of(scorecard: &Scorecard) -> StageValues {
        StageValues {
            stages: StageId::ALL
                .into_iter()
                .map(|stage| {
                    (
                        stage,
                        scorecard.stage(stage).and_then(|score| score.result.score),
                    )
                })
                .collect(),
            overall: scorecard.overall,
        }
    }

    pub fn stage(&self, stage: StageId) -> Option<Score> {
        self.stages
            .iter()
            .find(|(id, _)| *id == stage)
            .and_then(|(_, score)| *score)
    }
}

/// The scores now, after the first wave, and after every wave.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    pub current: StageValues,
    pub after_first_wave: StageValues,
    pub after_all_waves: StageValues,
}

/// Whether `question` would move: it has a value below its stage's target. Returns the
/// target level it would reach.
pub fn target_if_moved(input: &StrategyInput<'_>, question: &QuestionId) -> Option<Level> {
    let position = input.questionnaire.question_position(question.as_str())?;
    let definition = &input.questionnaire.questions()[position];
    let value = input
        .scorecard
        .questions
        .get(position)
        .filter(|scored| scored.question == *question)?
        .value
        .value()?;
    let target = input.targets.of(definition.stage);
    (value < f64::from(target))
        .then(|| Level::new(target))
        .flatten()
}

/// The answer sheet with each of `questions` that would move raised to its target level.
pub fn projected_answers<'q>(
    input: &StrategyInput<'_>,
    questions: impl IntoIterator<Item = &'q QuestionId>,
) -> AnswerSheet {
    let mut sheet = input.answers.clone();
    for question in questions {
        if let Some(level) = target_if_moved(input, question) {
            sheet.set_consensus(question.clone(), Some(Consensus::Level(level)));
        }
    }
    sheet
}

/// The scorecard if each of `questions` reached its target.
pub fn project<'q>(
    input: &StrategyInput<'_>,
    questions: impl IntoIterator<Item = &'q QuestionId>,
) -> Scorecard {
    let mut results = input.scorecard.questions.clone();
    for question in questions {
        let Some(level) = target_if_moved(input, question) else {
            continue;
        };
        if let Some(result) = input
            .questionnaire
            .question_position(question.as_str())
            .and_then(|position| results.get_mut(position))
        {
            // What a consensus value does in scoring.
            result.value = QuestionValue::Value(f64::from(level.value()));
            result.source = ValueSource::Consensus;
        }
    }
    aggregate(input.questionnaire, input.scorecard.respondents, results)
}

/// The scores if the first wave's initiatives succeed, then if every wave's do.
pub fn project_waves(
    input: &StrategyInput<'_>,
    sequence: &[Sequenced],
    waves: &WavePlan,
) -> Projection {
    let first = sequence
        .iter()
        .filter(|sequenced| waves.wave_of(&sequenced.initiative.id) == Some(Wave::First))
        .flat_map(|sequenced| &sequenced.initiative.questions);
    let all = sequence
        .iter()
        .flat_map(|sequenced| &sequenced.initiative.questions);
    Projection {
        current: StageValues::of(input.scorecard),
        after_first_wave: StageValues::of(&project(input, first)),
        after_all_waves: StageValues::of(&project(input, all)),
    }
}
