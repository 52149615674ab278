//! The results screen: scores, levels and their meaning, strengths and weaknesses, and the
//! charts drawn by the report's code.

use tcm_core::perception::{
    ANONYMOUS_SMALLEST_GROUP, GroupPerception, Withheld, perception_gaps, whole_room,
};
use tcm_core::questionnaire::{QuestionMapping, compare_across_versions};
use tcm_core::scoring::StageScore;
use tcm_core::votes::room_divisions;
use tcm_core::{
    Language, MaturityLevel, Questionnaire, STANDOUT_THEMES, Score, Scorecard, StageId, rank_themes,
};
use tcm_report::charts;
use tcm_store::{AssessmentId, Store};

use crate::error::{ApiError, ErrorKind};
use crate::transfer::{
    ChartSet, DivisionView, GroupPerceptionView, GroupStageView, LevelMeaning, PreviousBasis,
    ResultsView, StageResult, ThemeResult, count,
};
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

/// The previous assessment as the results compare it: its scorecard (over the mapped
/// questions when it used another version linked by a bundled mapping) and the basis.
struct PreviousComparison {
    card: Scorecard,
    basis: PreviousBasis,
}

fn stage_scores(stages: &[StageScore]) -> Vec<Option<f64>> {
    StageId::ALL
        .iter()
        .map(|stage| {
            stages
                .iter()
                .find(|score| score.stage == *stage)
                .and_then(|score| score.result.score)
                .map(Score::rounded)
        })
        .collect()
}

/// The bundled mapping between two versions of one questionnaire, and whether `first` is
/// its older side.
fn mapping_between<'a>(
    mappings: &'a [QuestionMapping],
    first: &Questionnaire,
    second: &Questionnaire,
) -> Option<(&'a QuestionMapping, bool)> {
    mappings
        .iter()
        .filter(|mapping| mapping.questionnaire() == first.id() && first.id() == second.id())
        .find_map(|mapping| {
            let (from, to) = (mapping.from_version(), mapping.to_version());
            if first.version() == from && second.version() == to {
                Some((mapping, true))
            } else if first.version() == to && second.version() == from {
                Some((mapping, false))
            } else {
                None
            }
        })
}

/// Compares the previous assessment of the same organisation with the current one. Same
/// questionnaire and version: the scorecards as they are. Versions linked by a bundled
/// mapping: both sides rescored over the questions that map.
fn previous_comparison(
    store: &mut Store,
    id: AssessmentId,
    questionnaire: &Questionnaire,
    card: &Scorecard,
) -> Result<Option<PreviousComparison>, ApiError> {
    let Some(previous) = store.previous_assessment(id)? else {
        return Ok(None);
    };
    let (earlier, _, mut earlier_card) = store.score_assessment(previous)?;
    let total = count(questionnaire.questions().len());
    let same = earlier.id() == questionnaire.id() && earlier.version() == questionnaire.version();
    let mappings = crate::catalogue::mappings().map_err(|error| {
        ApiError::new(
            ErrorKind::Internal,
            format!("a bundled question mapping is invalid: {error}"),
        )
    })?;
    let linked = if same {
        None
    } else {
        mapping_between(mappings, &earlier, questionnaire)
    };
    let basis = match linked {
        Some((mapping, earlier_is_older)) => {
            let comparison = if earlier_is_older {
                compare_across_versions(&earlier, &earlier_card, questionnaire, card, mapping)
            } else {
                let swapped =
                    compare_across_versions(questionnaire, card, &earlier, &earlier_card, mapping);
                tcm_core::questionnaire::VersionComparison {
                    old: swapped.new,
                    new: swapped.old,
                    questions: swapped.questions,
                }
            };
            earlier_card.overall =
                tcm_core::questionnaire::VersionComparison::overall(&comparison.old);
            earlier_card.stages = comparison.old;
            PreviousBasis {
                questions: count(comparison.questions),
                total,
                mapped: true,
                current: Some(stage_scores(&comparison.new)),
            }
        }
        None => PreviousBasis {
            questions: count(
                questionnaire
                    .questions()
                    .iter()
                    .filter(|question| earlier.question(question.id.as_str()).is_some())
                    .count(),
            ),
            total,
            mapped: false,
            current: None,
        },
    };
    Ok(Some(PreviousComparison {
        card: earlier_card,
        basis,
    }))
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
        let previous = previous_comparison(store, id, &questionnaire, &card)?;
        let targets = &stored.assessment.targets;
        let stages: Vec<StageResult> = card
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
        // The scores projected if the strategy's waves succeed, drawn on the radar.
        let (strategy, _, _, _) = crate::strategy::stored_strategy(store, id, Some(language))?;
        let charts = ChartSet {
            radar: charts::radar_svg(
                &questionnaire,
                &card,
                targets,
                previous.as_ref().map(|previous| &previous.card),
                Some(&strategy.projection),
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
        let sheet = store.answer_sheet(id)?;
        let groups = group_perceptions(store, id, &questionnaire, &sheet)?;
        let room = whole_room(&questionnaire, &sheet, "");
        let room = if room.members == 0 {
            Vec::new()
        } else {
            stage_views(room)
        };
        let consensus_effect = if sheet.consensus_values().next().is_none() {
            Vec::new()
        } else {
            consensus_effect(&room, &stages)
        };
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
            previous: previous
                .as_ref()
                .map(|previous| stage_scores(&previous.card.stages)),
            previous_basis: previous.map(|previous| previous.basis),
            charts,
            levels: MaturityLevel::ALL
                .iter()
                .map(|level| level_meaning(*level))
                .collect(),
            groups,
            room,
            consensus_effect,
            divisions: divisions(&questionnaire, &sheet),
        })
    })
}

/// "What divides us", with tcm-core's rule: the same list as the report's workshop section.
fn divisions(questionnaire: &Questionnaire, sheet: &tcm_core::AnswerSheet) -> Vec<DivisionView> {
    room_divisions(questionnaire, sheet)
        .into_iter()
        .map(|(question, distribution)| DivisionView {
            question: question.id.to_string(),
            stage: question.stage.into(),
            text: (&question.text).into(),
            votes: count(distribution.votes),
            levels: distribution.levels.iter().map(|n| count(*n)).collect(),
            not_applicable: count(distribution.not_applicable),
            dont_know: count(distribution.dont_know),
            standard_deviation: distribution
                .standard_deviation()
                .map(|deviation| (deviation * 100.0).round() / 100.0),
            lowest: distribution.dispersion.map(|spread| spread.min),
            highest: distribution.dispersion.map(|spread| spread.max),
            dont_know_share: distribution.dont_know_share().unwrap_or(0.0),
            agreed: sheet.consensus(&question.id).map(Into::into),
        })
        .collect()
}

/// Each group's stage scores and share of "?" (groups as respondents gave them, such as the
/// groups participants pick in a live session). Groups of fewer than three are withheld, and
/// those that would give them away by subtraction from the whole room.
fn group_perceptions(
    store: &Store,
    id: AssessmentId,
    questionnaire: &Questionnaire,
    sheet: &tcm_core::AnswerSheet,
) -> Result<Vec<GroupPerceptionView>, ApiError> {
    let groups: std::collections::HashMap<String, String> = store
        .list_respondents(id)?
        .into_iter()
        .filter(|respondent| !respondent.profile.group.trim().is_empty())
        .map(|respondent| (respondent.profile.label, respondent.profile.group))
        .collect();
    if groups.is_empty() {
        return Ok(Vec::new());
    }
    Ok(perception_gaps(
        questionnaire,
        sheet,
        |respondent| groups.get(respondent.as_str()).cloned(),
        ANONYMOUS_SMALLEST_GROUP,
    )
    .into_iter()
    .map(|group| GroupPerceptionView {
        members: count(group.members),
        withheld: group.withheld.is_some(),
        shields: group.withheld == Some(Withheld::WouldReveal),
        group: group.group.clone(),
        stages: stage_views(group),
    })
    .collect())
}

/// Each stage before the discussion (the room's answers alone) and after (the audit's score,
/// consensus included), with the difference of the rounded figures.
fn consensus_effect(
    room: &[GroupStageView],
    stages: &[StageResult],
) -> Vec<crate::transfer::ConsensusEffectView> {
    room.iter()
        .map(|before| {
            let after = stages
                .iter()
                .find(|stage| stage.id == before.stage)
                .and_then(|stage| stage.score);
            crate::transfer::ConsensusEffectView {
                stage: before.stage,
                before: before.score,
                after,
                change: before
                    .score
                    .zip(after)
                    .map(|(before, after)| ((after - before) * 10.0).round() / 10.0),
            }
        })
        .collect()
}

fn stage_views(group: GroupPerception) -> Vec<GroupStageView> {
    group
        .stages
        .into_iter()
        .map(|stage| GroupStageView {
            stage: stage.stage.into(),
            score: rounded(stage.score),
            dont_know_share: stage.dont_know_share,
        })
        .collect()
}
