//! Exports to and imports from the files the user picked; each reports its progress to the
//! window and can be cancelled (see [`super::operations`]).

use std::path::Path;
use std::sync::Arc;

use tauri::ipc::JavaScriptChannelId;
use tauri::{Runtime, State, Webview};
use tcm_api::transfer::{ImportChoiceInput, ImportView};
use tcm_api::transfers::{self, ExportKind};

use tcm_api::{ApiError, Workbench};

use super::operations::{Operations, run_watched};
use crate::grants::{DialogGrants, Grant};

#[allow(clippy::too_many_arguments)]
#[tauri::command]
pub async fn export_assessment<R: Runtime>(
    webview: Webview<R>,
    workbench: State<'_, Arc<Workbench>>,
    operations: State<'_, Operations>,
    grants: State<'_, DialogGrants>,
    assessment: i64,
    format: ExportKind,
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
            transfers::export_watched(workbench, assessment, format, Path::new(&path), progress)
        },
    )
    .await
}

#[allow(clippy::too_many_arguments)]
#[tauri::command]
pub async fn import_tcm<R: Runtime>(
    webview: Webview<R>,
    workbench: State<'_, Arc<Workbench>>,
    operations: State<'_, Operations>,
    grants: State<'_, DialogGrants>,
    path: String,
    choice: Option<ImportChoiceInput>,
    operation: Option<u32>,
    on_progress: Option<JavaScriptChannelId>,
) -> Result<ImportView, ApiError> {
    grants.check(Grant::Read, &path)?;
    run_watched(
        &workbench,
        &operations,
        &webview,
        operation,
        on_progress,
        move |workbench, progress| {
            transfers::import_tcm_watched(workbench, Path::new(&path), choice, progress)
        },
    )
    .await
}

#[allow(clippy::too_many_arguments)]
#[tauri::command]
pub async fn import_responses<R: Runtime>(
    webview: Webview<R>,
    workbench: State<'_, Arc<Workbench>>,
    operations: State<'_, Operations>,
    grants: State<'_, DialogGrants>,
    assessment: i64,
    path: String,
    operation: Option<u32>,
    on_progress: Option<JavaScriptChannelId>,
) -> Result<ImportView, ApiError> {
    grants.check(Grant::Read, &path)?;
    run_watched(
        &workbench,
        &operations,
        &webview,
        operation,
        on_progress,
        move |workbench, progress| {
            transfers::import_responses_watched(workbench, assessment, Path::new(&path), progress)
        },
    )
    .await
}
