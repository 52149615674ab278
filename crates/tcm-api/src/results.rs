//! The results screen: scores, levels and their meaning, strengths and weaknesses, and the
//! charts drawn by the report's code.

use tcm_core::{Language, MaturityLevel, STANDOUT_THEMES, Score, Scorecard, StageId, rank_themes};
use tcm_report::charts;
use tcm_store::{AssessmentId, Store};

use crate::error::{ApiError, ErrorKind};
use crate::transfer::{ChartSet, LevelMeaning, ResultsView, StageResult, ThemeResult, count};
use crate::workbench::Workbench;

fn level_meaning(level: MaturityLevel) -> LevelMeaning {
    LevelMeaning {
        level: level.number(),
        name: (&level.names()).into(),
        meaning: (&level.meaning()).into(),
    }
}

fn rounded(score: Option<Score>) -> Option<f64> {
    score.map(Score::rounded)
}

fn coverage(value: Option<f64>) -> Option<f64> {
    value.map(|coverage| (coverage * 1000.0).round() / 1000.0)
}

/// The scorecard of the previous assessment of the same organisation, if there is one.
pub(crate) fn previous_scorecard(
    store: &mut Store,
    id: AssessmentId,
) -> Result<Option<(Scorecard, chrono::NaiveDate)>, ApiError> {
    let Some(previous) = store.previous_assessment(id)? else {
        return Ok(None);
    };
    let date = store.assessment(previous)?.created_at.date_naive();
    let (_, _, card) = store.score_assessment(previous)?;
    Ok(Some((card, date)))
}

fn chart_error(error: tcm_report::charts::ChartError) -> ApiError {
    ApiError::new(
        ErrorKind::Internal,
        format!("a chart could not be drawn: {error}"),
    )
}

pub fn assessment_results(
    workbench: &Workbench,
    assessment: i64,
    language: &str,
) -> Result<ResultsView, ApiError> {
    let language: Language = language
        .parse()
        .map_err(|error: tcm_core::text::UnknownLanguage| ApiError::invalid(error.to_string()))?;
    workbench.with_store(|store, _| {
        let id = AssessmentId(assessment);
        let stored = store.assessment(id)?;
        let (questionnaire, _, card) = store.score_assessment(id)?;
        let previous = previous_scorecard(store, id)?;
        let targets = &stored.assessment.targets;
        let stages = card
            .stages
            .iter()
            .map(|stage| {
                let name = questionnaire
                    .stage(stage.stage)
                    .map_or_else(|| stage.stage.default_name(), |s| s.name.clone());
                StageResult {
                    id: stage.stage.into(),
                    name: (&name).into(),
                    score: rounded(stage.result.score),
                    level: stage.result.score.map(|score| score.level().number()),
                    coverage: coverage(stage.result.coverage),
                    answered: count(stage.result.answered),
                    applicable: count(stage.result.applicable),
                    questions: count(stage.result.questions),
                    target: targets.of(stage.stage),
                    target_score: targets.as_score(stage.stage),
                }
            })
            .collect();
        let themes: Vec<ThemeResult> = card
            .themes
            .iter()
            .map(|theme| ThemeResult {
                id: theme.theme.to_string(),
                stage: theme.stage.into(),
                name: questionnaire
                    .theme(theme.theme.as_str())
                    .map(|t| (&t.name).into())
                    .unwrap_or_else(|| crate::transfer::LocalizedText {
                        fr: theme.theme.to_string(),
                        en: theme.theme.to_string(),
                    }),
                score: rounded(theme.result.score),
                level: theme.result.score.map(|score| score.level().number()),
                coverage: coverage(theme.result.coverage),
            })
            .collect();
        let ranking = rank_themes(&card, STANDOUT_THEMES);
        let theme_ids = |themes: Vec<tcm_core::ThemeId>| {
            themes
                .into_iter()
                .map(|theme| theme.as_str().to_owned())
                .collect()
        };
        let several = card.respondents > 1;
        let charts = ChartSet {
            radar: charts::radar_svg(
                &questionnaire,
                &card,
                targets,
                previous.as_ref().map(|(card, _)| card),
                language,
            )
            .map_err(chart_error)?,
            stage_bars: charts::stage_bars_svg(&questionnaire, &card, targets, language)
                .map_err(chart_error)?,
            theme_bars: charts::theme_bars_svg(&questionnaire, &card, language)
                .map_err(chart_error)?,
            heatmap: charts::heatmap_svg(&questionnaire, &card, language).map_err(chart_error)?,
            dispersion: if several {
                Some(charts::dispersion_svg(&questionnaire, &card, language).map_err(chart_error)?)
            } else {
                None
            },
        };
        let applicable = card.applicable();
        Ok(ResultsView {
            assessment_id: assessment,
            respondents: count(card.respondents),
            overall: rounded(card.overall),
            overall_level: card.overall.map(|score| level_meaning(score.level())),
            coverage: coverage(
                (applicable > 0).then(|| card.answered() as f64 / applicable as f64),
            ),
            answered: count(card.answered()),
            applicable: count(applicable),
            stages,
            themes,
            strengths: theme_ids(ranking.strengths),
            weaknesses: theme_ids(ranking.weaknesses),
            previous: previous.map(|(card, _)| {
                StageId::ALL
                    .iter()
                    .map(|stage| {
                        card.stage(*stage)
                            .and_then(|s| s.result.score)
                            .map(Score::rounded)
                    })
                    .collect()
            }),
            charts,
            levels: MaturityLevel::ALL
                .iter()
                .map(|level| level_meaning(*level))
                .collect(),
        })
    })
}
