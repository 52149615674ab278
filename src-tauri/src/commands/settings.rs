//! The application's information and backups.

use std::sync::Arc;
use tauri::State;
use tcm_api::settings as handlers;
use tcm_api::transfer::{AppInfo, BackupView, RestoreView};

use tcm_api::{ApiError, Workbench};

use super::run;

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
pub async fn backup_now(workbench: State<'_, Arc<Workbench>>) -> Result<BackupView, ApiError> {
    run(&workbench, handlers::backup_now).await
}

#[tauri::command]
pub async fn restore_backup(
    workbench: State<'_, Arc<Workbench>>,
    path: String,
) -> Result<RestoreView, ApiError> {
    run(&workbench, move |workbench| {
        handlers::restore_backup(workbench, &path)
    })
    .await
}
