//! Handlers for the application's own information and its backups.

use std::path::Path;

use crate::error::ApiError;
use crate::operation::Progress;
use crate::transfer::OperationStep;
use crate::transfer::{AppInfo, BackupKind, BackupView, RestoreView};
use crate::workbench::Workbench;

pub fn app_info(workbench: &Workbench) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        database_path: workbench.path().display().to_string(),
        backups_dir: tcm_store::backup::backups_dir(&workbench.path())
            .display()
            .to_string(),
        opening_error: workbench.opening_error(),
        read_only: workbench.read_only(),
        choice_not_kept: None,
    }
}

/// Opens another database file the user picked (from the recovery screen), remembers it as
/// the database to open at the next start, and answers the app's information about it; on
/// failure the app stays where it was and the error says why. The file left is never
/// touched. When it cannot be remembered, the app works on it all the same and
/// `choice_not_kept` says why.
pub fn open_database(workbench: &Workbench, path: &Path) -> Result<AppInfo, ApiError> {
    workbench.open_other(path.to_owned())?;
    Ok(AppInfo {
        choice_not_kept: workbench.remember_choice().err(),
        ..app_info(workbench)
    })
}

fn backup_view(path: &Path) -> BackupView {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let kind = [
        BackupKind::Auto,
        BackupKind::Manual,
        BackupKind::BeforeMigration,
        BackupKind::BeforeRestore,
    ]
    .into_iter()
    .find(|kind| name.contains(&format!("-{}-", kind.as_str())))
    .unwrap_or(BackupKind::Other);
    let metadata = std::fs::metadata(path).ok();
    BackupView {
        path: path.display().to_string(),
        name,
        kind,
        taken_at: metadata
            .as_ref()
            .and_then(|metadata| metadata.modified().ok())
            .map(|time| chrono::DateTime::<chrono::Utc>::from(time).to_rfc3339())
            .unwrap_or_default(),
        size_bytes: metadata.map_or(0, |metadata| metadata.len()),
    }
}

/// The database's backups, newest first.
pub fn list_backups(workbench: &Workbench) -> Vec<BackupView> {
    tcm_store::backup::list_backups(&workbench.path())
        .iter()
        .map(|path| backup_view(path))
        .collect()
}

pub fn backup_now(workbench: &Workbench) -> Result<BackupView, ApiError> {
    backup_now_watched(workbench, &Progress::none())
}

/// [`backup_now`], reporting the pages copied; cancelled, it leaves no backup file.
pub fn backup_now_watched(
    workbench: &Workbench,
    progress: &Progress,
) -> Result<BackupView, ApiError> {
    workbench.with_store(|store, now| {
        let path = store.backup_watched(None, now, &mut progress.watch(OperationStep::Copying))?;
        Ok(backup_view(&path))
    })
}

/// Replaces the database with a backup and opens it again.
pub fn restore_backup(workbench: &Workbench, backup: &str) -> Result<RestoreView, ApiError> {
    restore_backup_watched(workbench, backup, &Progress::none())
}

/// [`restore_backup`], reporting the pages copied; cancelled, the database is as it was.
pub fn restore_backup_watched(
    workbench: &Workbench,
    backup: &str,
    progress: &Progress,
) -> Result<RestoreView, ApiError> {
    workbench.reopen_after(|database, now| {
        let outcome = tcm_store::restore_watched(
            database,
            Path::new(backup),
            now,
            &mut progress.watch(OperationStep::Copying),
        )?;
        Ok(RestoreView {
            previous_saved_as: outcome
                .previous_saved_as
                .map(|path| path.display().to_string()),
            damaged_moved_to: outcome
                .damaged_moved_to
                .map(|path| path.display().to_string()),
        })
    })
}
