//! Results, the PDF report, the blank grid and the demo.

use std::path::Path;

use tauri::State;
use tcm_api::transfer::ResultsView;
use tcm_api::{ApiError, Workbench};

#[tauri::command]
pub fn assessment_results(
    workbench: State<'_, Workbench>,
    assessment: i64,
    language: String,
) -> Result<ResultsView, ApiError> {
    tcm_api::results::assessment_results(&workbench, assessment, &language)
}

#[tauri::command]
pub fn export_report(
    workbench: State<'_, Workbench>,
    assessment: i64,
    language: String,
    path: String,
) -> Result<(), ApiError> {
    tcm_api::reports::export_report(&workbench, assessment, &language, Path::new(&path))
}

#[tauri::command]
pub fn export_blank_grid(
    workbench: State<'_, Workbench>,
    questionnaire_id: String,
    language: String,
    path: String,
) -> Result<(), ApiError> {
    tcm_api::reports::export_blank_grid(&workbench, &questionnaire_id, &language, Path::new(&path))
}

#[tauri::command]
pub fn open_demo(workbench: State<'_, Workbench>) -> Result<i64, ApiError> {
    tcm_api::reports::open_demo(&workbench)
}
