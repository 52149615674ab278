//! The application's information and backups.

use tauri::State;
use tcm_api::settings as handlers;
use tcm_api::transfer::{AppInfo, BackupView, RestoreView};
use tcm_api::{ApiError, Workbench};

#[tauri::command]
pub fn app_info(workbench: State<'_, Workbench>) -> AppInfo {
    handlers::app_info(&workbench)
}

#[tauri::command]
pub fn list_backups(workbench: State<'_, Workbench>) -> Vec<BackupView> {
    handlers::list_backups(&workbench)
}

#[tauri::command]
pub fn backup_now(workbench: State<'_, Workbench>) -> Result<BackupView, ApiError> {
    handlers::backup_now(&workbench)
}

#[tauri::command]
pub fn restore_backup(
    workbench: State<'_, Workbench>,
    path: String,
) -> Result<RestoreView, ApiError> {
    handlers::restore_backup(&workbench, &path)
}
