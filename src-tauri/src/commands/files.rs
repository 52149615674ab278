//! Exports to and imports from the files the user picked; each reports its progress to the
//! window and can be cancelled (see [`super::operations`]).

use std::path::Path;
use std::sync::Arc;

use tauri::{Runtime, State};
use tcm_api::transfer::{ExportView, ImportChoiceInput, ImportView};
use tcm_api::transfers::{self, ExportKind};

use tcm_api::{ApiError, Workbench};

use super::operations::Watched;
use crate::grants::{DialogGrants, Grant};

#[tauri::command]
pub async fn export_assessment<R: Runtime>(
    workbench: State<'_, Arc<Workbench>>,
    grants: State<'_, DialogGrants>,
    assessment: i64,
    format: ExportKind,
    path: String,
    watched: Watched<R>,
) -> Result<ExportView, ApiError> {
    grants.check(Grant::Write, &path)?;
    watched
        .run(&workbench, move |workbench, progress| {
            transfers::export_watched(workbench, assessment, format, Path::new(&path), progress)
        })
        .await
}

#[tauri::command]
pub async fn import_tcm<R: Runtime>(
    workbench: State<'_, Arc<Workbench>>,
    grants: State<'_, DialogGrants>,
    path: String,
    choice: Option<ImportChoiceInput>,
    watched: Watched<R>,
) -> Result<ImportView, ApiError> {
    grants.check(Grant::Read, &path)?;
    watched
        .run(&workbench, move |workbench, progress| {
            transfers::import_tcm_watched(workbench, Path::new(&path), choice, progress)
        })
        .await
}

#[tauri::command]
pub async fn import_responses<R: Runtime>(
    workbench: State<'_, Arc<Workbench>>,
    grants: State<'_, DialogGrants>,
    assessment: i64,
    path: String,
    watched: Watched<R>,
) -> Result<ImportView, ApiError> {
    grants.check(Grant::Read, &path)?;
    watched
        .run(&workbench, move |workbench, progress| {
            transfers::import_responses_watched(workbench, assessment, Path::new(&path), progress)
        })
        .await
}
