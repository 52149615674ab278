//! Handlers for the strategy of an assessment: initiatives, their sequence and waves, the
//! focused list and the projected scores, all derived by `tcm_core::strategy`; and the user's
//! wave overrides (an initiative moved to a wave, or given dates), kept by `tcm-store` and
//! honoured by every derivation, never overwritten by one.

use chrono::NaiveDate;
use tcm_core::action_plan::PlanLabel;
use tcm_core::strategy::waves::WaveOverrides;
use tcm_core::strategy::{
    DateRange, Dependencies, InitiativeId, Strategy, StrategyInput, Wave, WaveOverride, WaveSource,
    derive, sequence::explanation,
};
use tcm_core::{
    ActionLink, ActionPlan, AnswerSheet, Language, Questionnaire, Score, Scorecard, StageId,
    Targets, action_plan,
};
use tcm_interchange::{MilestoneRow, MilestonesInput, write_milestones};
use tcm_store::AssessmentId;

use crate::error::ApiError;
use crate::transfer::{
    InitiativeActionView, InitiativeView, ProjectedStageView, ProjectedView, StrategyView,
    WaveView, count,
};
use crate::workbench::Workbench;

fn rounded(score: Option<Score>) -> Option<f64> {
    score.map(Score::rounded)
}

fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Derives the strategy of an assessment whose waves open on `start`, sequenced by the
/// questionnaire's `depends_on` (grid v2), honouring the user's stored `overrides`.
pub(crate) fn derive_strategy(
    questionnaire: &Questionnaire,
    answers: &AnswerSheet,
    scorecard: &Scorecard,
    targets: &Targets,
    plan: &ActionPlan,
    start: NaiveDate,
    overrides: &WaveOverrides,
) -> Strategy {
    let input = StrategyInput {
        questionnaire,
        answers,
        scorecard,
        targets,
        plan,
    };
    let dependencies =
        Dependencies::from_questionnaire(questionnaire, |question| &question.depends_on);
    derive(&input, &dependencies, start, overrides)
}

fn parse_language(language: Option<&str>) -> Result<Option<Language>, ApiError> {
    language
        .map(|code| {
            code.parse::<Language>()
                .map_err(|error| ApiError::invalid(error.to_string()))
        })
        .transpose()
}

/// The assessment's strategy as derived now, with its stored overrides.
pub(crate) fn stored_strategy(
    store: &mut tcm_store::Store,
    id: AssessmentId,
    language: Option<Language>,
) -> Result<(Strategy, Targets, NaiveDate, Language), ApiError> {
    let stored = store.assessment(id)?;
    let language = language.unwrap_or(stored.assessment.language);
    let (questionnaire, answers, scorecard) = store.score_assessment(id)?;
    let kept: Vec<_> = store
        .list_actions(id)?
        .into_iter()
        .map(|stored| stored.action)
        .collect();
    let targets = stored.assessment.targets;
    let plan = action_plan(&questionnaire, &scorecard, &targets, &kept, language);
    let start = stored.created_at.date_naive();
    let overrides = store.wave_overrides(id)?;
    let derived = derive_strategy(
        &questionnaire,
        &answers,
        &scorecard,
        &targets,
        &plan,
        start,
        &overrides,
    );
    Ok((derived, targets, start, language))
}

/// The roadmap as an XLSX plan with milestones, one row per action in the order of the
/// sequence: its initiative, wave, the initiative's dates, owner, due date (its own, or else
/// its initiative's end) and status; worded in `language`, the assessment's own when `None`,
/// dated `date`.
pub fn export_milestones(
    store: &mut tcm_store::Store,
    id: AssessmentId,
    language: Option<Language>,
    date: NaiveDate,
) -> Result<Vec<u8>, ApiError> {
    let title = store.assessment(id)?.assessment.title;
    let (derived, _, _, language) = stored_strategy(store, id, language)?;
    let mut rows = Vec::new();
    for sequenced in &derived.sequence {
        let initiative = &sequenced.initiative;
        let Some(assignment) = derived.waves.assignment(&initiative.id) else {
            continue;
        };
        for item in &initiative.actions {
            rows.push(MilestoneRow {
                rank: count(sequenced.rank),
                initiative: initiative.title.get(language).to_owned(),
                wave: assignment.wave.names().get(language).to_owned(),
                start: assignment.dates.start(),
                end: assignment.dates.end(),
                action: item.action.title.clone(),
                question: match &item.action.link {
                    ActionLink::Question(question) => Some(question.clone()),
                    ActionLink::Stage(_) => None,
                },
                owner: item.action.owner.clone(),
                due: item.action.due.unwrap_or(assignment.dates.end()),
                status: item.action.status,
            });
        }
    }
    write_milestones(&MilestonesInput {
        title: &title,
        language,
        rows: &rows,
        date,
    })
    .map_err(|error| ApiError::new(crate::ErrorKind::Internal, error.to_string()))
}

/// The latest date an initiative may be given: ten years after the assessment.
const MAX_YEARS_AHEAD: u32 = 10;

fn parse_day(what: &str, text: &str) -> Result<NaiveDate, ApiError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        ApiError::invalid(format!(
            "the {what} date `{}` is not a date written YYYY-MM-DD",
            text.chars().take(40).collect::<String>()
        ))
    })
}

/// Keeps one override, after checking that the assessment's roadmap has this initiative.
fn set_override(
    workbench: &Workbench,
    assessment: i64,
    initiative: &str,
    language: Option<&str>,
    value: impl FnOnce(NaiveDate) -> Result<WaveOverride, ApiError>,
) -> Result<StrategyView, ApiError> {
    let parsed = parse_language(language)?;
    workbench.with_store(|store, now| {
        let id = AssessmentId(assessment);
        let (derived, _, start, _) = stored_strategy(store, id, parsed)?;
        let initiative = InitiativeId::new(initiative);
        if derived.initiative(&initiative).is_none() {
            return Err(ApiError::invalid(format!(
                "the roadmap of assessment {assessment} has no initiative `{}`",
                initiative.as_str().chars().take(80).collect::<String>()
            )));
        }
        let value = value(start)?;
        store.set_wave_override(id, &initiative, value, now)?;
        Ok(())
    })?;
    strategy(workbench, assessment, language)
}

/// Moves an initiative to wave 1, 2 or 3; it keeps that wave whatever later derivations say.
pub fn set_initiative_wave(
    workbench: &Workbench,
    assessment: i64,
    initiative: &str,
    wave: u8,
    language: Option<&str>,
) -> Result<StrategyView, ApiError> {
    let wave = Wave::from_number(wave)
        .ok_or_else(|| ApiError::invalid(format!("a wave is 1, 2 or 3, not {wave}")))?;
    set_override(workbench, assessment, initiative, language, |_| {
        Ok(WaveOverride::Wave(wave))
    })
}

/// Gives an initiative its own dates (`YYYY-MM-DD`, the end not before the start, within ten
/// years of the assessment); it joins the wave whose window holds its end.
pub fn set_initiative_dates(
    workbench: &Workbench,
    assessment: i64,
    initiative: &str,
    start: &str,
    end: &str,
    language: Option<&str>,
) -> Result<StrategyView, ApiError> {
    let from = parse_day("start", start)?;
    let to = parse_day("end", end)?;
    let range = DateRange::new(from, to).map_err(|error| ApiError::invalid(error.to_string()))?;
    set_override(workbench, assessment, initiative, language, move |opens| {
        let earliest = opens
            .checked_sub_months(chrono::Months::new(12 * MAX_YEARS_AHEAD))
            .unwrap_or(NaiveDate::MIN);
        let latest = opens
            .checked_add_months(chrono::Months::new(12 * MAX_YEARS_AHEAD))
            .unwrap_or(NaiveDate::MAX);
        if range.start() < earliest || range.end() > latest {
            return Err(ApiError::invalid(format!(
                "an initiative's dates fall within {MAX_YEARS_AHEAD} years of the assessment's \
                 date {opens}: {from} to {to} does not"
            )));
        }
        Ok(WaveOverride::Dates(range))
    })
}

/// Gives an initiative back its derived wave and dates. Clearing an initiative that has no
/// override changes nothing.
pub fn clear_initiative_wave(
    workbench: &Workbench,
    assessment: i64,
    initiative: &str,
    language: Option<&str>,
) -> Result<StrategyView, ApiError> {
    parse_language(language)?;
    workbench.with_store(|store, now| {
        store.clear_wave_override(
            AssessmentId(assessment),
            &InitiativeId::new(initiative),
            now,
        )?;
        Ok(())
    })?;
    strategy(workbench, assessment, language)
}

/// The strategy of an assessment, worded in `language` (`fr` or `en`), the assessment's own
/// when `None`. Waves open on the day the assessment was created.
pub fn strategy(
    workbench: &Workbench,
    assessment: i64,
    language: Option<&str>,
) -> Result<StrategyView, ApiError> {
    let language = parse_language(language)?;
    workbench.with_store(|store, _| {
        let id = AssessmentId(assessment);
        let (derived, targets, start, language) = stored_strategy(store, id, language)?;
        let initiatives = derived
            .sequence
            .iter()
            .filter_map(|sequenced| {
                let initiative = &sequenced.initiative;
                let assignment = derived.waves.assignment(&initiative.id)?;
                Some(InitiativeView {
                    id: initiative.id.to_string(),
                    rank: count(sequenced.rank),
                    stage: initiative.stage.as_str().to_owned(),
                    themes: initiative.themes.iter().map(ToString::to_string).collect(),
                    title: initiative.title.get(language).to_owned(),
                    goal: initiative.goal.get(language).to_owned(),
                    questions: initiative
                        .questions
                        .iter()
                        .map(ToString::to_string)
                        .collect(),
                    actions: initiative
                        .actions
                        .iter()
                        .map(|item| InitiativeActionView {
                            question_id: match &item.action.link {
                                ActionLink::Question(question) => Some(question.to_string()),
                                ActionLink::Stage(_) => None,
                            },
                            title: item.action.title.clone(),
                            owner: item.action.owner.clone(),
                            due: item.action.due.map(day),
                            status: item.action.status.as_str().to_owned(),
                            impact: item.action.impact,
                            effort: item.action.effort,
                            label: item.label().map(|label| {
                                match label {
                                    PlanLabel::QuickWin => "quickWin",
                                    PlanLabel::StructuralProject => "structuralProject",
                                }
                                .to_owned()
                            }),
                        })
                        .collect(),
                    effort: initiative.effort,
                    impact: initiative.impact,
                    priority: (initiative.priority * 100.0).round() / 100.0,
                    current: rounded(initiative.current),
                    reached: rounded(initiative.reached),
                    foundation: sequenced.key.foundation,
                    prerequisite: sequenced.key.prerequisite,
                    quick_win: sequenced.key.quick_win,
                    after: sequenced.after.iter().map(ToString::to_string).collect(),
                    wave: assignment.wave.number(),
                    start: day(assignment.dates.start()),
                    end: day(assignment.dates.end()),
                    wave_source: match assignment.source {
                        WaveSource::Derived => "derived",
                        WaveSource::UserWave => "userWave",
                        WaveSource::UserDates => "userDates",
                    }
                    .to_owned(),
                    leads: derived.focus.lead.contains(&initiative.id),
                })
            })
            .collect();
        let projection = &derived.projection;
        let stages = StageId::ALL
            .into_iter()
            .map(|stage| ProjectedStageView {
                stage: stage.as_str().to_owned(),
                target: targets.as_score(stage),
                scores: ProjectedView {
                    current: rounded(projection.current.stage(stage)),
                    after_first_wave: rounded(projection.after_first_wave.stage(stage)),
                    after_all_waves: rounded(projection.after_all_waves.stage(stage)),
                },
            })
            .collect();
        Ok(StrategyView {
            assessment,
            start: day(start),
            explanation: explanation().get(language).to_owned(),
            initiatives,
            waves: Wave::ALL
                .into_iter()
                .map(|wave| {
                    let window = wave.window(start);
                    WaveView {
                        number: wave.number(),
                        name: wave.names().get(language).to_owned(),
                        start: day(window.start()),
                        end: day(window.end()),
                    }
                })
                .collect(),
            stages,
            overall: ProjectedView {
                current: rounded(projection.current.overall),
                after_first_wave: rounded(projection.after_first_wave.overall),
                after_all_waves: rounded(projection.after_all_waves.overall),
            },
            unmatched_overrides: derived
                .waves
                .unmatched
                .iter()
                .map(|(id, _)| id.to_string())
                .collect(),
        })
    })
}
