//! Results, the PDF report, the blank grid and the demo.

use std::path::Path;

use std::sync::Arc;
use tauri::ipc::JavaScriptChannelId;
use tauri::{Runtime, State, Webview};
use tcm_api::transfer::ResultsView;

use tcm_api::{ApiError, Workbench};

use super::operations::{Operations, run_watched};
use super::run;
use crate::grants::{DialogGrants, Grant};

#[tauri::command]
pub async fn assessment_results(
    workbench: State<'_, Arc<Workbench>>,
    assessment: i64,
    language: String,
) -> Result<ResultsView, ApiError> {
    run(&workbench, move |workbench| {
        tcm_api::results::assessment_results(workbench, assessment, &language)
    })
    .await
}

#[allow(clippy::too_many_arguments)]
#[tauri::command]
pub async fn export_report<R: Runtime>(
    webview: Webview<R>,
    workbench: State<'_, Arc<Workbench>>,
    operations: State<'_, Operations>,
    grants: State<'_, DialogGrants>,
    assessment: i64,
    language: String,
    path: String,
    operation: Option<u32>,
    on_progress: Option<JavaScriptChannelId>,
) -> Result<(), ApiError> {
    grants.check(Grant::Write, &path)?;
    run_watched(
        &workbench,
        &operations,
        &webview,
        operation,
        on_progress,
        move |workbench, progress| {
            tcm_api::reports::export_report_watched(
                workbench,
                assessment,
                &language,
                Path::new(&path),
                progress,
            )
        },
    )
    .await
}

#[tauri::command]
pub async fn export_blank_grid(
    workbench: State<'_, Arc<Workbench>>,
    grants: State<'_, DialogGrants>,
    questionnaire_id: String,
    language: String,
    path: String,
) -> Result<(), ApiError> {
    grants.check(Grant::Write, &path)?;
    run(&workbench, move |workbench| {
        tcm_api::reports::export_blank_grid(
            workbench,
            &questionnaire_id,
            &language,
            Path::new(&path),
        )
    })
    .await
}

#[tauri::command]
pub async fn open_demo(workbench: State<'_, Arc<Workbench>>) -> Result<i64, ApiError> {
    run(&workbench, move |workbench| {
        tcm_api::reports::open_demo(workbench)
    })
    .await
}
