//! `tcm backup` and `tcm restore`.

use chrono::Utc;

use crate::cli::{BackupArgs, RestoreArgs};
use crate::database::{self, store_failure};
use crate::failure::Failure;

pub fn backup(args: &BackupArgs, db: Option<std::path::PathBuf>) -> Result<(), Failure> {
    let store = database::open(db)?;
    let written = store
        .backup(args.out.as_deref(), Utc::now())
        .map_err(store_failure)?;
    crate::output::emit::line(&format!("backup written: {}", written.display()))?;
    Ok(())
}

pub fn restore(args: &RestoreArgs, db: Option<std::path::PathBuf>) -> Result<(), Failure> {
    // The database is not opened: restoring must work when it is damaged.
    let path = database::path(db)?;
    if args.list {
        let backups = tcm_store::backup::list_backups(&path);
        if backups.is_empty() {
            crate::output::emit::line(&format!(
                "no backups of {} yet (they go to {})",
                path.display(),
                tcm_store::backup::backups_dir(&path).display()
            ))?;
        }
        for backup in backups {
            crate::output::emit::line(&format!("{}", backup.display()))?;
        }
        return Ok(());
    }
    let Some(file) = &args.file else {
        return Err(Failure::Error(anyhow::anyhow!(
            "name the backup file to restore, or use --list"
        )));
    };
    let outcome = tcm_store::restore(&path, file, Utc::now()).map_err(store_failure)?;
    crate::output::emit::line(&format!(
        "{} restored from {}",
        path.display(),
        file.display()
    ))?;
    if let Some(previous) = outcome.previous_saved_as {
        crate::output::emit::line(&format!(
            "the database it replaced was saved as {}",
            previous.display()
        ))?;
    }
    if let Some(damaged) = outcome.damaged_moved_to {
        crate::output::emit::line(&format!(
            "the damaged database was moved to {}",
            damaged.display()
        ))?;
    }
    Ok(())
}

/// `tcm check`: SQLite's full integrity check of the database file.
pub fn check(db: Option<std::path::PathBuf>) -> Result<(), Failure> {
    let store = database::open(db)?;
    store.check().map_err(database::store_failure)?;
    let verdict = store.integrity_check().map_err(database::store_failure)?;
    if verdict == "ok" {
        crate::output::emit::line(&format!("ok: {} is sound", store.path().display()))
    } else {
        Err(database::store_failure(tcm_store::StoreError::Corrupt {
            path: store.path().to_owned(),
            backups: store.backups_dir(),
            detail: format!("integrity check: {verdict}"),
        }))
    }
}
