//! Results, the PDF report and its settings, the blank grid and the demo.

use std::path::Path;

use std::sync::Arc;
use tauri::{Runtime, State};
use tcm_api::transfer::{ExportView, ReportSettingsInput, ReportSettingsView, ResultsView};

use tcm_api::{ApiError, Workbench};

use super::operations::Watched;
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

#[tauri::command]
pub async fn export_report<R: Runtime>(
    workbench: State<'_, Arc<Workbench>>,
    grants: State<'_, DialogGrants>,
    assessment: i64,
    language: String,
    path: String,
    watched: Watched<R>,
) -> Result<ExportView, ApiError> {
    grants.check(Grant::Write, &path)?;
    watched
        .run(&workbench, move |workbench, progress| {
            tcm_api::reports::export_report_watched(
                workbench,
                assessment,
                &language,
                Path::new(&path),
                progress,
            )
        })
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

#[tauri::command]
pub async fn report_settings(
    workbench: State<'_, Arc<Workbench>>,
    organisation: i64,
) -> Result<ReportSettingsView, ApiError> {
    run(&workbench, move |workbench| {
        tcm_api::report_settings::report_settings(workbench, organisation)
    })
    .await
}

#[tauri::command]
pub async fn save_report_settings(
    workbench: State<'_, Arc<Workbench>>,
    organisation: i64,
    input: ReportSettingsInput,
) -> Result<ReportSettingsView, ApiError> {
    run(&workbench, move |workbench| {
        tcm_api::report_settings::save_report_settings(workbench, organisation, input)
    })
    .await
}

#[tauri::command]
pub async fn set_report_logo(
    workbench: State<'_, Arc<Workbench>>,
    grants: State<'_, DialogGrants>,
    organisation: i64,
    path: String,
) -> Result<ReportSettingsView, ApiError> {
    grants.check(Grant::Read, &path)?;
    run(&workbench, move |workbench| {
        tcm_api::report_settings::set_report_logo(workbench, organisation, Path::new(&path))
    })
    .await
}

#[tauri::command]
pub async fn clear_report_logo(
    workbench: State<'_, Arc<Workbench>>,
    organisation: i64,
) -> Result<ReportSettingsView, ApiError> {
    run(&workbench, move |workbench| {
        tcm_api::report_settings::clear_report_logo(workbench, organisation)
    })
    .await
}
