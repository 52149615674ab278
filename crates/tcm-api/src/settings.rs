//! Handlers for the application's own information and its backups.

use std::path::Path;

use crate::error::ApiError;
use crate::transfer::{AppInfo, BackupKind, BackupView, RestoreView};
use crate::workbench::Workbench;

pub fn app_info(workbench: &Workbench) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        database_path: workbench.path().display().to_string(),
        backups_dir: tcm_store::backup::backups_dir(workbench.path())
            .display()
            .to_string(),
        opening_error: workbench.opening_error(),
    }
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
    tcm_store::backup::list_backups(workbench.path())
        .iter()
        .map(|path| backup_view(path))
        .collect()
}

pub fn backup_now(workbench: &Workbench) -> Result<BackupView, ApiError> {
    workbench.with_store(|store, now| Ok(backup_view(&store.backup(None, now)?)))
}

/// Replaces the database with a backup and opens it again.
pub fn restore_backup(workbench: &Workbench, backup: &str) -> Result<RestoreView, ApiError> {
    workbench.reopen_after(|database, now| {
        let outcome = tcm_store::restore(database, Path::new(backup), now)?;
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
