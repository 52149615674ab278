//! The application's information and backups.

use std::path::Path;
use std::sync::Arc;
use tauri::{AppHandle, Runtime, State};
use tcm_api::settings as handlers;
use tcm_api::transfer::{AppInfo, BackupView, RestoreView};

use tcm_api::{ApiError, Workbench};

use super::operations::Watched;
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

/// Works on another database file, picked in the native open dialog (the recovery screen's
/// "open another file"), and remembers it for the next start.
#[tauri::command]
pub async fn open_database(
    workbench: State<'_, Arc<Workbench>>,
    grants: State<'_, DialogGrants>,
    path: String,
) -> Result<AppInfo, ApiError> {
    grants.check(Grant::Read, &path)?;
    let info = run(&workbench, move |workbench| {
        handlers::open_database(workbench, Path::new(&path))
    })
    .await?;
    if let Some(error) = &info.choice_not_kept {
        eprintln!("TCM Workbench: {}", error.message);
    }
    Ok(info)
}

/// Quits the app (the recovery screen's "Quit"); the live session, if any, closes on exit.
#[tauri::command]
pub fn quit_app<R: Runtime>(app: AppHandle<R>) {
    app.exit(0);
}
