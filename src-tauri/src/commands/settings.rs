//! The application's information and backups.

use std::path::Path;
use std::sync::Arc;
use tauri::ipc::JavaScriptChannelId;
use tauri::{AppHandle, Runtime, State, Webview};
use tcm_api::settings as handlers;
use tcm_api::transfer::{AppInfo, BackupView, RestoreView};

use tcm_api::{ApiError, Workbench};

use super::operations::{Operations, run_watched};
use super::run;
use crate::grants::{DialogGrants, Grant};

#[tauri::command]
pub async fn app_info(workbench: State<'_, Arc<Workbench>>) -> Result<AppInfo, ApiError> {
    run(&workbench, move |workbench| {
        Ok(handlers::app_info(workbench))
    })
    .await
}

#[tauri::command]
pub async fn list_backups(
    workbench: State<'_, Arc<Workbench>>,
) -> Result<Vec<BackupView>, ApiError> {
    run(&workbench, move |workbench| {
        Ok(handlers::list_backups(workbench))
    })
    .await
}

#[tauri::command]
pub async fn backup_now<R: Runtime>(
    webview: Webview<R>,
    workbench: State<'_, Arc<Workbench>>,
    operations: State<'_, Operations>,
    operation: Option<u32>,
    on_progress: Option<JavaScriptChannelId>,
) -> Result<BackupView, ApiError> {
    run_watched(
        &workbench,
        &operations,
        &webview,
        operation,
        on_progress,
        handlers::backup_now_watched,
    )
    .await
}

#[tauri::command]
pub async fn restore_backup<R: Runtime>(
    webview: Webview<R>,
    workbench: State<'_, Arc<Workbench>>,
    operations: State<'_, Operations>,
    path: String,
    operation: Option<u32>,
    on_progress: Option<JavaScriptChannelId>,
) -> Result<RestoreView, ApiError> {
    run_watched(
        &workbench,
        &operations,
        &webview,
        operation,
        on_progress,
        move |workbench, progress| handlers::restore_backup_watched(workbench, &path, progress),
    )
    .await
}

/// Works on another database file, picked in the native open dialog (the recovery screen's
/// "open another file").
#[tauri::command]
pub async fn open_database(
    workbench: State<'_, Arc<Workbench>>,
    grants: State<'_, DialogGrants>,
    path: String,
) -> Result<AppInfo, ApiError> {
    grants.check(Grant::Read, &path)?;
    run(&workbench, move |workbench| {
        handlers::open_database(workbench, Path::new(&path))
    })
    .await
}

/// Quits the app (the recovery screen's "Quit"); the live session, if any, closes on exit.
#[tauri::command]
pub fn quit_app<R: Runtime>(app: AppHandle<R>) {
    app.exit(0);
}
