//! Exports to and imports from the files the user picked.

use std::path::Path;
use std::sync::Arc;

use tauri::State;
use tcm_api::transfer::{ImportChoiceInput, ImportView};
use tcm_api::transfers::{self, ExportKind};

use tcm_api::{ApiError, Workbench};

use super::run;
use crate::grants::{DialogGrants, Grant};

#[tauri::command]
pub async fn export_assessment(
    workbench: State<'_, Arc<Workbench>>,
    grants: State<'_, DialogGrants>,
    assessment: i64,
    format: ExportKind,
    path: String,
) -> Result<(), ApiError> {
    grants.check(Grant::Write, &path)?;
    run(&workbench, move |workbench| {
        transfers::export(workbench, assessment, format, Path::new(&path))
    })
    .await
}

#[tauri::command]
pub async fn import_tcm(
    workbench: State<'_, Arc<Workbench>>,
    grants: State<'_, DialogGrants>,
    path: String,
    choice: Option<ImportChoiceInput>,
) -> Result<ImportView, ApiError> {
    grants.check(Grant::Read, &path)?;
    run(&workbench, move |workbench| {
        transfers::import_tcm(workbench, Path::new(&path), choice)
    })
    .await
}

#[tauri::command]
pub async fn import_responses(
    workbench: State<'_, Arc<Workbench>>,
    grants: State<'_, DialogGrants>,
    assessment: i64,
    path: String,
) -> Result<ImportView, ApiError> {
    grants.check(Grant::Read, &path)?;
    run(&workbench, move |workbench| {
        transfers::import_responses(workbench, assessment, Path::new(&path))
    })
    .await
}
