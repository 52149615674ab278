//! Exports to and imports from the files the user picked.

use std::path::Path;

use tauri::State;
use tcm_api::transfer::ImportView;
use tcm_api::transfers::{self, ExportKind};
use tcm_api::{ApiError, Workbench};

fn kind(format: &str) -> Result<ExportKind, ApiError> {
    match format {
        "csv" => Ok(ExportKind::Csv),
        "xlsx" => Ok(ExportKind::Xlsx),
        "tcm" => Ok(ExportKind::Tcm),
        other => Err(ApiError::invalid(format!(
            "unknown export format `{other}` (csv, xlsx or tcm)"
        ))),
    }
}

#[tauri::command]
pub fn export_assessment(
    workbench: State<'_, Workbench>,
    assessment: i64,
    format: String,
    path: String,
) -> Result<(), ApiError> {
    transfers::export(&workbench, assessment, kind(&format)?, Path::new(&path))
}

#[tauri::command]
pub fn import_tcm(workbench: State<'_, Workbench>, path: String) -> Result<ImportView, ApiError> {
    transfers::import_tcm(&workbench, Path::new(&path))
}

#[tauri::command]
pub fn import_responses(
    workbench: State<'_, Workbench>,
    assessment: i64,
    path: String,
) -> Result<ImportView, ApiError> {
    transfers::import_responses(&workbench, assessment, Path::new(&path))
}
