//! The JSON contract of `tcm score`: other tools and the tests rely on its shape.
//!
//! `{"questionnaire":{"id","version"},"respondents":N,"overall":number|null,"level":n|null,
//! "stages":[{"id","score","level","coverage","answered","applicable"}],
//! "themes":[{"id","stage","score","level"}]}`; scores rounded to 0.1, coverage (a ratio
//! from 0 to 1) to 0.001.

use serde::Serialize;
use tcm_core::scoring::GroupScore;
use tcm_core::{Questionnaire, Score, Scorecard};

#[derive(Serialize)]
struct ScoreOutput<'a> {
    questionnaire: QuestionnaireRef<'a>,
    respondents: usize,
    overall: Option<f64>,
    level: Option<u8>,
    stages: Vec<StageOutput>,
    themes: Vec<ThemeOutput<'a>>,
}

#[derive(Serialize)]
struct QuestionnaireRef<'a> {
    id: &'a str,
    version: String,
}

#[derive(Serialize)]
struct StageOutput {
    id: &'static str,
    score: Option<f64>,
    level: Option<u8>,
    coverage: Option<f64>,
    answered: usize,
    applicable: usize,
}

#[derive(Serialize)]
struct ThemeOutput<'a> {
    id: &'a str,
    stage: &'static str,
    score: Option<f64>,
    level: Option<u8>,
}

fn rounded(score: Option<Score>) -> Option<f64> {
    score.map(Score::rounded)
}

fn level(score: Option<Score>) -> Option<u8> {
    score.map(|score| score.level().number())
}

fn coverage(group: &GroupScore) -> Option<f64> {
    group
        .coverage
        .map(|coverage| (coverage * 1000.0).round() / 1000.0)
}

pub fn render(questionnaire: &Questionnaire, scorecard: &Scorecard) -> String {
    let output = ScoreOutput {
        questionnaire: QuestionnaireRef {
            id: questionnaire.id(),
            version: questionnaire.version().to_string(),
        },
        respondents: scorecard.respondents,
        overall: rounded(scorecard.overall),
        level: level(scorecard.overall),
        stages: scorecard
            .stages
            .iter()
            .map(|stage| StageOutput {
                id: stage.stage.as_str(),
                score: rounded(stage.result.score),
                level: level(stage.result.score),
                coverage: coverage(&stage.result),
                answered: stage.result.answered,
                applicable: stage.result.applicable,
            })
            .collect(),
        themes: scorecard
            .themes
            .iter()
            .map(|theme| ThemeOutput {
                id: theme.theme.as_str(),
                stage: theme.stage.as_str(),
                score: rounded(theme.result.score),
                level: level(theme.result.score),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&output).expect("plain data always serializes")
}
