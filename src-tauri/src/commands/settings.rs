//! The application's information and backups.

use std::sync::Arc;
use tauri::{Runtime, State};
use tcm_api::settings as handlers;
use tcm_api::transfer::{AppInfo, BackupView, RestoreView};

use tcm_api::{ApiError, Workbench};

use super::operations::Watched;
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
pub async fn backup_now<R: Runtime>(
    workbench: State<'_, Arc<Workbench>>,
    watched: Watched<R>,
) -> Result<BackupView, ApiError> {
    watched.run(&workbench, handlers::backup_now_watched).await
}

#[tauri::command]
pub async fn restore_backup<R: Runtime>(
    workbench: State<'_, Arc<Workbench>>,
    path: String,
    watched: Watched<R>,
) -> Result<RestoreView, ApiError> {
    watched
        .run(&workbench, move |workbench, progress| {
            handlers::restore_backup_watched(workbench, &path, progress)
        })
        .await
}
