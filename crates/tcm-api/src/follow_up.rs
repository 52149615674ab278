//! Follow-up across an organisation's audits: the trend over every audit up to this one
//! (overall and per stage), what rose and fell from an earlier audit (the previous one by
//! default) by stage, theme and question, and the actions closed between the two beside the
//! movement of what they were meant to move. Derived by `tcm_core::strategy::trend`; the
//! report's follow-up section reads the same derivation.

use chrono::NaiveDate;
use tcm_core::strategy::trend::{self, AuditPoint, ClosedAction, Delta, DeltaTable, Trend};
use tcm_core::{ActionLink, Language, Mode, PlannedAction, Questionnaire, Score, Scorecard};
use tcm_store::{AssessmentId, Store};

use crate::error::ApiError;
use crate::transfer::{
    AuditComparisonView, AuditPointView, ClosedActionView, DeltaView, FollowUpView,
    StageSeriesView, count,
};
use crate::workbench::Workbench;

/// One audit of the organisation, scored as it stands.
pub(crate) struct Audit {
    pub id: AssessmentId,
    pub title: String,
    pub date: NaiveDate,
    pub questionnaire: std::sync::Arc<Questionnaire>,
    pub scorecard: Scorecard,
    pub actions: Vec<PlannedAction>,
}

impl Audit {
    fn point(&self) -> AuditPoint<'_> {
        AuditPoint {
            date: self.date,
            scorecard: &self.scorecard,
            actions: &self.actions,
        }
    }
}

/// The organisation's audits up to `id` and what moved from the earlier one compared.
pub(crate) struct FollowUp {
    /// Oldest first; the last is the assessment itself.
    pub audits: Vec<Audit>,
    pub trend: Trend,
    /// The index in `audits` of the earlier audit, the deltas and the closed actions.
    pub comparison: Option<(usize, DeltaTable, Vec<ClosedAction>)>,
}

/// The audits of `id`'s organisation created no later than it (classroom exercises left
/// out, as `previous_assessment` would pick them too but they audit a case, not the
/// organisation), in creation order, `id` last.
fn organisation_audits(store: &mut Store, id: AssessmentId) -> Result<Vec<Audit>, ApiError> {
    let this = store.assessment_summary(id)?;
    let mut summaries: Vec<_> = store
        .list_assessments()?
        .into_iter()
        .filter(|other| {
            other.organisation == this.organisation
                && other.id != id
                && other.mode != Mode::Classroom
                && (other.created_at, other.id.0) < (this.created_at, id.0)
        })
        .collect();
    summaries.sort_by_key(|summary| (summary.created_at, summary.id.0));
    summaries.push(this);
    summaries
        .into_iter()
        .map(|summary| {
            let (questionnaire, _, scorecard) = store.score_assessment(summary.id)?;
            let actions = store
                .list_actions(summary.id)?
                .into_iter()
                .map(|stored| stored.action)
                .collect();
            Ok(Audit {
                id: summary.id,
                title: summary.title,
                date: summary.created_at.date_naive(),
                questionnaire,
                scorecard,
                actions,
            })
        })
        .collect()
}

/// The follow-up of `id`, compared with `earlier` (one of its organisation's earlier
/// audits) or, when `None`, with the previous audit.
pub(crate) fn follow_up_of(
    store: &mut Store,
    id: AssessmentId,
    earlier: Option<AssessmentId>,
) -> Result<FollowUp, ApiError> {
    let audits = organisation_audits(store, id)?;
    let points: Vec<AuditPoint<'_>> = audits.iter().map(Audit::point).collect();
    let trend = trend::trend(&points);
    let last = audits.len() - 1;
    let before = match earlier {
        None => last.checked_sub(1),
        Some(earlier) => Some(
            audits[..last]
                .iter()
                .position(|audit| audit.id == earlier)
                .ok_or_else(|| {
                    ApiError::invalid(format!(
                        "assessment {} is not an earlier audit of the organisation of \
                         assessment {}",
                        earlier.0, id.0
                    ))
                })?,
        ),
    };
    let comparison = before.map(|before| {
        let deltas = trend::deltas(&audits[before].scorecard, &audits[last].scorecard);
        let closed = trend::closed_actions(&points[before], &points[last]);
        (before, deltas, closed)
    });
    Ok(FollowUp {
        audits,
        trend,
        comparison,
    })
}

fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// A change rounded like its figures (one decimal).
fn change<K>(delta: &Delta<K>) -> Option<f64> {
    delta.change().map(|change| (change * 10.0).round() / 10.0)
}

fn point_view(audit: &Audit) -> AuditPointView {
    AuditPointView {
        assessment: audit.id.0,
        title: audit.title.clone(),
        date: day(audit.date),
        overall: audit.scorecard.overall.map(Score::rounded),
    }
}

fn comparison_view(
    follow_up: &FollowUp,
    before: usize,
    deltas: &DeltaTable,
    closed: &[ClosedAction],
    language: Language,
) -> Option<AuditComparisonView> {
    let after = follow_up.audits.last()?;
    let earlier = &follow_up.audits[before];
    // Names from the later grid, else from the earlier one (a theme or question it dropped).
    let theme_name = |id: &str| {
        after
            .questionnaire
            .theme(id)
            .or_else(|| earlier.questionnaire.theme(id))
            .map_or_else(
                || id.to_owned(),
                |theme| theme.name.get(language).to_owned(),
            )
    };
    let question_text = |id: &str| {
        after
            .questionnaire
            .question(id)
            .or_else(|| earlier.questionnaire.question(id))
            .map_or_else(
                || id.to_owned(),
                |question| question.text.get(language).to_owned(),
            )
    };
    let stage_name = |stage: tcm_core::StageId| {
        after.questionnaire.stage(stage).map_or_else(
            || stage.name(language),
            |found| found.name.get(language).to_owned(),
        )
    };
    let moved = |movement: trend::Movement| matches!(movement, trend::Movement::Rose);
    let fell = |movement: trend::Movement| matches!(movement, trend::Movement::Fell);
    let themes = deltas
        .themes
        .iter()
        .filter(|delta| moved(delta.movement))
        .chain(deltas.themes.iter().filter(|delta| fell(delta.movement)))
        .map(|delta| DeltaView {
            stage: Some(delta.subject.0.into()),
            id: Some(delta.subject.1.to_string()),
            label: theme_name(delta.subject.1.as_str()),
            before: delta.before,
            after: delta.after,
            change: change(delta),
            movement: delta.movement.into(),
        })
        .collect();
    let questions = deltas
        .moved_questions()
        .map(|delta| DeltaView {
            stage: Some(delta.subject.0.into()),
            id: Some(delta.subject.1.to_string()),
            label: question_text(delta.subject.1.as_str()),
            before: delta.before,
            after: delta.after,
            change: change(delta),
            movement: delta.movement.into(),
        })
        .collect();
    let unchanged = deltas
        .questions
        .iter()
        .filter(|delta| delta.movement == trend::Movement::Unchanged)
        .count();
    Some(AuditComparisonView {
        before: point_view(earlier),
        overall: DeltaView {
            stage: None,
            id: None,
            label: String::new(),
            before: deltas.overall.before,
            after: deltas.overall.after,
            change: change(&deltas.overall),
            movement: deltas.overall.movement.into(),
        },
        stages: deltas
            .stages
            .iter()
            .map(|delta| DeltaView {
                stage: Some(delta.subject.into()),
                id: None,
                label: stage_name(delta.subject),
                before: delta.before,
                after: delta.after,
                change: change(delta),
                movement: delta.movement.into(),
            })
            .collect(),
        themes,
        questions,
        unchanged_questions: count(unchanged),
        closed_actions: closed
            .iter()
            .map(|closed| {
                let (stage, question_id) = match &closed.action.link {
                    ActionLink::Question(question) => (
                        after
                            .questionnaire
                            .question(question.as_str())
                            .or_else(|| earlier.questionnaire.question(question.as_str()))
                            .map_or(tcm_core::StageId::Creative, |found| found.stage),
                        Some(question.to_string()),
                    ),
                    ActionLink::Stage(stage) => (*stage, None),
                };
                ClosedActionView {
                    title: closed.action.title.clone(),
                    owner: closed.action.owner.clone(),
                    stage: stage.into(),
                    question_id,
                    before: closed.before,
                    after: closed.after,
                    change: match (closed.before, closed.after) {
                        (Some(before), Some(after)) => {
                            Some(((after - before) * 10.0).round() / 10.0)
                        }
                        _ => None,
                    },
                    movement: closed.movement.into(),
                }
            })
            .collect(),
    })
}

/// The follow-up of an assessment across its organisation's audits up to it, compared with
/// `earlier` (an earlier audit's id) or the previous audit; texts in `language`, charts
/// drawn by the report's code.
pub fn follow_up(
    workbench: &Workbench,
    assessment: i64,
    earlier: Option<i64>,
    language: &str,
) -> Result<FollowUpView, ApiError> {
    let language: Language = language
        .parse()
        .map_err(|error: tcm_core::text::UnknownLanguage| ApiError::invalid(error.to_string()))?;
    workbench.with_store(|store, _| {
        let id = AssessmentId(assessment);
        let follow_up = follow_up_of(store, id, earlier.map(AssessmentId))?;
        let Some(latest) = follow_up.audits.last() else {
            return Err(ApiError::not_found(format!("assessment {assessment}")));
        };
        let chart = if follow_up.audits.len() > 1 {
            let questionnaire = &latest.questionnaire;
            Some(
                tcm_report::charts::trend_svg(
                    &follow_up.trend,
                    &|stage| {
                        questionnaire.stage(stage).map_or_else(
                            || stage.name(language),
                            |found| found.name.get(language).to_owned(),
                        )
                    },
                    language,
                )
                .map_err(|error| {
                    ApiError::new(
                        crate::ErrorKind::Internal,
                        format!("the trend chart could not be drawn: {error}"),
                    )
                })?,
            )
        } else {
            None
        };
        let comparison = follow_up
            .comparison
            .as_ref()
            .and_then(|(before, deltas, closed)| {
                comparison_view(&follow_up, *before, deltas, closed, language)
            });
        Ok(FollowUpView {
            assessment,
            audits: follow_up.audits.iter().map(point_view).collect(),
            stages: follow_up
                .trend
                .stages
                .iter()
                .map(|(stage, scores)| StageSeriesView {
                    stage: (*stage).into(),
                    scores: scores
                        .iter()
                        .map(|score| score.map(Score::rounded))
                        .collect(),
                })
                .collect(),
            chart,
            comparison,
        })
    })
}
