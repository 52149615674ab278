//! `tcm trend --organisation ORG | --assessment N [--json]`: the TCM index and each stage
//! over an organisation's audits, oldest first, and the change from the previous audit. The
//! figures are the app's follow-up (`tcm_api::follow_up`), so the CLI, the results screen
//! and the report agree.

use anyhow::anyhow;
use chrono::Utc;
use serde_json::{Map, Value, json};
use tcm_api::transfer::FollowUpView;
use tcm_api::{Workbench, assessments, follow_up};
use tcm_core::{Mode, StageId};

use crate::cli::TrendArgs;
use crate::database::{self, store_failure};
use crate::failure::Failure;
use crate::output::emit::{emit, line};
use crate::output::table;

fn api_failure(error: tcm_api::ApiError) -> Failure {
    Failure::Error(anyhow!(error.message))
}

/// The organisation's latest audit (class exercises left out).
fn latest_audit(db: Option<std::path::PathBuf>, reference: &str) -> Result<i64, Failure> {
    let store = database::open(db)?;
    let organisation = database::organisation(&store, reference)?;
    store
        .list_assessments()
        .map_err(store_failure)?
        .into_iter()
        .filter(|summary| summary.organisation == organisation && summary.mode != Mode::Classroom)
        .max_by_key(|summary| (summary.created_at, summary.id))
        .map(|summary| summary.id.0)
        .ok_or_else(|| {
            Failure::Error(anyhow!(
                "organisation « {reference} » has no audit yet; start one with `tcm assessment new`"
            ))
        })
}

fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |value| format!("{value:.1}"))
}

fn signed(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |value| format!("{value:+.1}"))
}

/// Each stage's score at audit `index`, in the order of the cycle.
fn stage_scores(view: &FollowUpView, index: usize) -> Vec<(StageId, Option<f64>)> {
    view.stages
        .iter()
        .map(|series| {
            (
                series.stage.into(),
                series.scores.get(index).copied().flatten(),
            )
        })
        .collect()
}

fn as_json(view: &FollowUpView, organisation: &tcm_api::transfer::OrganisationView) -> Value {
    let audits: Vec<Value> = view
        .audits
        .iter()
        .enumerate()
        .map(|(index, audit)| {
            let stages: Map<String, Value> = stage_scores(view, index)
                .into_iter()
                .map(|(stage, score)| (stage.as_str().to_owned(), json!(score)))
                .collect();
            json!({
                "assessment": audit.assessment,
                "title": audit.title,
                "date": audit.date,
                "overall": audit.overall,
                "stages": stages,
            })
        })
        .collect();
    let change = view.comparison.as_ref().map(|comparison| {
        let stages: Map<String, Value> = comparison
            .stages
            .iter()
            .filter_map(|delta| {
                let stage: StageId = delta.stage?.into();
                Some((stage.as_str().to_owned(), json!(delta.change)))
            })
            .collect();
        json!({
            "from": comparison.before.assessment,
            "overall": comparison.overall.change,
            "stages": stages,
        })
    });
    json!({
        "organisation": { "id": organisation.id, "name": organisation.name },
        "assessment": view.assessment,
        "audits": audits,
        "change": change,
    })
}

fn as_text(view: &FollowUpView, organisation: &str) -> Result<(), Failure> {
    line(&format!(
        "Trend of {organisation} over {} audit{} (TCM index and stages, 0–100)",
        view.audits.len(),
        if view.audits.len() == 1 { "" } else { "s" }
    ))?;
    let mut rows = vec![
        ["date", "id", "title", "index"]
            .into_iter()
            .map(str::to_owned)
            .chain(StageId::ALL.iter().map(|stage| stage.as_str().to_owned()))
            .collect::<Vec<_>>(),
    ];
    for (index, audit) in view.audits.iter().enumerate() {
        let mut row = vec![
            audit.date.clone(),
            audit.assessment.to_string(),
            audit.title.clone(),
            figure(audit.overall),
        ];
        row.extend(
            stage_scores(view, index)
                .into_iter()
                .map(|(_, score)| figure(score)),
        );
        rows.push(row);
    }
    emit(&table::render(&rows))?;
    match &view.comparison {
        None => line("A single audit: no change to show yet.")?,
        Some(comparison) => {
            let stages: Vec<String> = comparison
                .stages
                .iter()
                .filter_map(|delta| {
                    let stage: StageId = delta.stage?.into();
                    Some(format!("{stage} {}", signed(delta.change)))
                })
                .collect();
            line(&format!(
                "Change from {} (assessment {}): index {}; {}",
                comparison.before.date,
                comparison.before.assessment,
                signed(comparison.overall.change),
                stages.join(", ")
            ))?;
        }
    }
    Ok(())
}

pub fn run(args: &TrendArgs, db: Option<std::path::PathBuf>) -> Result<(), Failure> {
    let assessment = match (&args.organisation, args.assessment) {
        (_, Some(assessment)) => assessment,
        (Some(reference), None) => latest_audit(db.clone(), reference)?,
        (None, None) => {
            return Err(Failure::Error(anyhow!(
                "give --organisation or --assessment"
            )));
        }
    };
    let workbench = Workbench::start(database::path(db)?, Utc::now);
    if let Some(error) = workbench.opening_error() {
        return Err(api_failure(error));
    }
    let detail = assessments::assessment_detail(&workbench, assessment).map_err(api_failure)?;
    if detail.mode == tcm_api::transfer::Mode::Classroom {
        return Err(Failure::Error(anyhow!(
            "assessment {assessment} is a class exercise: it has no trend across audits"
        )));
    }
    let language = detail.language.as_str();
    let view = follow_up::follow_up(&workbench, assessment, None, language).map_err(api_failure)?;
    if args.json {
        let text = serde_json::to_string_pretty(&as_json(&view, &detail.organisation))
            .map_err(|error| Failure::Error(anyhow!("writing JSON: {error}")))?;
        line(&text)
    } else {
        as_text(&view, &detail.organisation.name)
    }
}
