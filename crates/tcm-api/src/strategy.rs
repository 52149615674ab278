//! Handler for the strategy of an assessment: initiatives, their sequence and waves, the
//! focused list and the projected scores, all derived by `tcm_core::strategy`.
//!
//! Not yet stored: the user's wave overrides (the domain honours them; no table keeps them
//! yet), so every initiative shows its derived wave.

use chrono::NaiveDate;
use tcm_core::action_plan::PlanLabel;
use tcm_core::strategy::waves::WaveOverrides;
use tcm_core::strategy::{
    Dependencies, Strategy, StrategyInput, Wave, WaveSource, derive, sequence::explanation,
};
use tcm_core::{
    ActionLink, ActionPlan, AnswerSheet, Language, Questionnaire, Score, Scorecard, StageId,
    Targets, action_plan,
};
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
/// questionnaire's `depends_on` (grid v2), with no user overrides yet (none are stored).
pub(crate) fn derive_strategy(
    questionnaire: &Questionnaire,
    answers: &AnswerSheet,
    scorecard: &Scorecard,
    targets: &Targets,
    plan: &ActionPlan,
    start: NaiveDate,
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
    derive(&input, &dependencies, start, &WaveOverrides::new())
}

/// The strategy of an assessment, worded in `language` (`fr` or `en`), the assessment's own
/// when `None`. Waves open on the day the assessment was created.
pub fn strategy(
    workbench: &Workbench,
    assessment: i64,
    language: Option<&str>,
) -> Result<StrategyView, ApiError> {
    let language = language
        .map(|code| {
            code.parse::<Language>()
                .map_err(|error| ApiError::invalid(error.to_string()))
        })
        .transpose()?;
    workbench.with_store(|store, _| {
        let id = AssessmentId(assessment);
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
        let derived = derive_strategy(&questionnaire, &answers, &scorecard, &targets, &plan, start);
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
        })
    })
}
