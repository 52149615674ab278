//! The strategy: initiatives, their sequence and waves, the projection; and the user's wave
//! overrides. `language` words the texts (the assessment's own when absent).

use std::path::Path;
use std::sync::Arc;
use tauri::{Runtime, State};
use tcm_api::strategy as handlers;
use tcm_api::transfer::StrategyView;

use tcm_api::{ApiError, Workbench};

use crate::grants::{DialogGrants, Grant};

use super::operations::Watched;
use super::run;

#[tauri::command]
pub async fn assessment_strategy(
    workbench: State<'_, Arc<Workbench>>,
    assessment: i64,
    language: Option<String>,
) -> Result<StrategyView, ApiError> {
    run(&workbench, move |workbench| {
        handlers::strategy(workbench, assessment, language.as_deref())
    })
    .await
}

#[tauri::command]
pub async fn set_initiative_wave(
    workbench: State<'_, Arc<Workbench>>,
    assessment: i64,
    initiative: String,
    wave: u8,
    language: Option<String>,
) -> Result<StrategyView, ApiError> {
    run(&workbench, move |workbench| {
        handlers::set_initiative_wave(
            workbench,
            assessment,
            &initiative,
            wave,
            language.as_deref(),
        )
    })
    .await
}

#[tauri::command]
pub async fn set_initiative_dates(
    workbench: State<'_, Arc<Workbench>>,
    assessment: i64,
    initiative: String,
    start: String,
    end: String,
    language: Option<String>,
) -> Result<StrategyView, ApiError> {
    run(&workbench, move |workbench| {
        handlers::set_initiative_dates(
            workbench,
            assessment,
            &initiative,
            &start,
            &end,
            language.as_deref(),
        )
    })
    .await
}

#[tauri::command]
pub async fn clear_initiative_wave(
    workbench: State<'_, Arc<Workbench>>,
    assessment: i64,
    initiative: String,
    language: Option<String>,
) -> Result<StrategyView, ApiError> {
    run(&workbench, move |workbench| {
        handlers::clear_initiative_wave(workbench, assessment, &initiative, language.as_deref())
    })
    .await
}

/// The follow-up across the organisation's audits up to this one, compared with `earlier`
/// (an earlier audit's id) or the previous audit.
#[tauri::command]
pub async fn assessment_follow_up(
    workbench: State<'_, Arc<Workbench>>,
    assessment: i64,
    earlier: Option<i64>,
    language: String,
) -> Result<tcm_api::transfer::FollowUpView, ApiError> {
    run(&workbench, move |workbench| {
        tcm_api::follow_up::follow_up(workbench, assessment, earlier, &language)
    })
    .await
}

/// The client placed among the consultant's other clients: the database's audits and the
/// `.tcm` files of the folder remembered in the database, read with progress and cancellable.
#[tauri::command]
pub async fn assessment_benchmark<R: Runtime>(
    workbench: State<'_, Arc<Workbench>>,
    assessment: i64,
    filter: tcm_api::transfer::BenchmarkFilter,
    language: String,
    watched: Watched<R>,
) -> Result<tcm_api::transfer::BenchmarkView, ApiError> {
    watched
        .run(&workbench, move |workbench, progress| {
            tcm_api::benchmark::benchmark_watched(
                workbench, assessment, filter, &language, progress,
            )
        })
        .await
}

/// Remembers in the database the benchmark's folder (one the user picked in the native
/// dialog), or forgets it (`null`).
#[tauri::command]
pub async fn set_benchmark_folder(
    workbench: State<'_, Arc<Workbench>>,
    grants: State<'_, DialogGrants>,
    folder: Option<String>,
) -> Result<(), ApiError> {
    if let Some(folder) = &folder {
        grants.check(Grant::Read, folder)?;
    }
    run(&workbench, move |workbench| {
        tcm_api::benchmark::set_benchmark_folder(workbench, folder.as_deref().map(Path::new))
    })
    .await
}
