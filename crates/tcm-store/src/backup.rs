//! Backups with SQLite's online backup API: rotating ones at start-up (the last 10 kept),
//! manual ones (`tcm backup`), one before every migration and every restore, and `restore`,
//! which also works when the current file is damaged (it is moved aside, never deleted).
//!
//! Copies go page by page ([`copy_pages`]) so that a watcher sees how far they are and may
//! stop them: a stopped backup leaves no file, a stopped restore leaves the database as it was.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use crate::error::{Result, StoreError};
use crate::unit::Watch;
use crate::{Store, migrations};

/// Pages copied between two looks at the watcher (4 KiB pages: half a megabyte).
const PAGES_PER_STEP: i32 = 128;

/// How many pages a database holds.
fn page_count(connection: &Connection) -> rusqlite::Result<usize> {
    connection
        .query_row("PRAGMA page_count", [], |row| row.get::<_, i64>(0))
        .map(|pages| usize::try_from(pages).unwrap_or(0))
}

/// Copies the database behind `from` into `to` with SQLite's online backup, a few pages at a
/// time, telling `watch` the pages copied so far plus `offset`, of `total`. Answers `false`
/// when `watch` asked to stop: the backup is then abandoned, and SQLite rolls back what it
/// had written into `to`.
fn copy_pages(
    from: &Connection,
    to: &mut Connection,
    watch: &mut Watch<'_>,
    offset: usize,
    total: usize,
) -> rusqlite::Result<bool> {
    let backup = Backup::new(from, to)?;
    loop {
        let copied = {
            let progress = backup.progress();
            usize::try_from(progress.pagecount - progress.remaining).unwrap_or(0)
        };
        if !watch((offset + copied).min(total), total) {
            return Ok(false);
        }
        match backup.step(PAGES_PER_STEP)? {
            StepResult::Done => break,
            StepResult::More => {}
            // Another connection holds a lock: wait a little and try again.
            _ => std::thread::sleep(std::time::Duration::from_millis(50)),
        }
    }
    let copied = {
        let progress = backup.progress();
        usize::try_from(progress.pagecount).unwrap_or(0)
    };
    watch((offset + copied).min(total), total);
    Ok(true)
}

fn cancelled(doing: &str) -> StoreError {
    StoreError::Cancelled {
        doing: doing.to_owned(),
    }
}

/// How many start-up backups are kept.
pub const KEPT_STARTUP_BACKUPS: usize = 10;

/// Why a backup was taken; it names the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupKind {
    /// At start-up of the desktop app; rotated.
    Startup,
    /// Asked for (`tcm backup`).
    Manual,
    /// Before migrating a database from an older schema version.
    BeforeMigration { from: usize },
    /// Before replacing the database with a backup.
    BeforeRestore,
    /// Before an import replaces or merges an assessment.
    BeforeImport,
}

impl BackupKind {
    fn label(self) -> String {
        match self {
            BackupKind::Startup => "auto".to_owned(),
            BackupKind::Manual => "manual".to_owned(),
            BackupKind::BeforeMigration { from } => format!("before-migration-v{from}"),
            BackupKind::BeforeRestore => "before-restore".to_owned(),
            BackupKind::BeforeImport => "before-import".to_owned(),
        }
    }
}

/// The folder of a database's backups: `backups/` next to it.
pub fn backups_dir(database: &Path) -> PathBuf {
    database
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."))
        .join("backups")
}

fn stem(database: &Path) -> String {
    database.file_stem().map_or_else(
        || "tcm".to_owned(),
        |stem| stem.to_string_lossy().into_owned(),
    )
}

/// A new file name for a backup taken now: `<stem>-<kind>-<YYYYMMDD-HHMMSS>[-n].sqlite`.
fn backup_path(database: &Path, kind: BackupKind, now: DateTime<Utc>) -> PathBuf {
    let dir = backups_dir(database);
    let base = format!(
        "{}-{}-{}",
        stem(database),
        kind.label(),
        now.format("%Y%m%d-%H%M%S")
    );
    let mut candidate = dir.join(format!("{base}.sqlite"));
    let mut counter = 2;
    while candidate.exists() {
        candidate = dir.join(format!("{base}-{counter}.sqlite"));
        counter += 1;
    }
    candidate
}

/// Copies the database behind `connection` into a new backup file and returns its path. The
/// copy is written under a temporary name and renamed when complete, so a crash never leaves a
/// half backup; the backup is a single self-contained file (not in WAL mode).
pub(crate) fn write_backup(
    connection: &Connection,
    database: &Path,
    kind: BackupKind,
    now: DateTime<Utc>,
) -> Result<PathBuf> {
    write_backup_watched(connection, database, kind, now, &mut |_, _| true)
}

/// [`write_backup`], `watch` told the pages copied (see [`copy_to`]).
fn write_backup_watched(
    connection: &Connection,
    database: &Path,
    kind: BackupKind,
    now: DateTime<Utc>,
    watch: &mut Watch<'_>,
) -> Result<PathBuf> {
    let target = backup_path(database, kind, now);
    let total = page_count(connection)
        .map_err(|error| StoreError::from_sqlite(database, "measuring the database", error))?;
    copy_to(connection, database, &target, watch, 0, total)?;
    Ok(target)
}

/// Copies the database into `target`, whole or not at all; `watch` is told the pages copied
/// plus `offset`, of `total`, and may stop the copy (no file is then left behind).
fn copy_to(
    connection: &Connection,
    database: &Path,
    target: &Path,
    watch: &mut Watch<'_>,
    offset: usize,
    total: usize,
) -> Result<()> {
    let dir = target
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(dir).map_err(StoreError::io("cannot create the backup folder", dir))?;
    // A temporary file of our own next to the target, removed if anything fails: the
    // target appears only complete, and no file of the user's is ever touched on the way.
    let partial = tempfile::Builder::new()
        .prefix(".tcm-backup-")
        .suffix(".partial")
        .tempfile_in(dir)
        .map_err(StoreError::io("cannot write a backup in", dir))?
        .into_temp_path();
    let mut copy = Connection::open(&*partial)
        .map_err(|error| StoreError::from_sqlite(target, "opening the backup", error))?;
    let finished = copy_pages(connection, &mut copy, watch, offset, total).map_err(|error| {
        StoreError::from_sqlite(
            database,
            format!("backing up to {}", target.display()),
            error,
        )
    })?;
    if !finished {
        // `partial` is removed when dropped: no half backup is left.
        return Err(cancelled("the backup"));
    }
    copy.pragma_update(None, "journal_mode", "DELETE")
        .map_err(|error| StoreError::from_sqlite(target, "finishing the backup", error))?;
    drop(copy);
    partial
        .persist(target)
        .map_err(|error| StoreError::io("cannot finish the backup", target)(error.error))
}

/// The start-up backups of a database, oldest first.
pub fn startup_backups(database: &Path) -> Vec<PathBuf> {
    let prefix = format!("{}-{}-", stem(database), BackupKind::Startup.label());
    let mut found = backup_files(database, &prefix);
    found.sort();
    found
}

/// Every backup file of a database (any kind), newest first.
pub fn list_backups(database: &Path) -> Vec<PathBuf> {
    let mut found = backup_files(database, &format!("{}-", stem(database)));
    found.sort_by_key(|path| std::cmp::Reverse(modified(path)));
    found
}

/// The `.sqlite` files of a database's backup folder whose name starts with `prefix`, in no
/// particular order; none when the folder is missing or unreadable.
fn backup_files(database: &Path, prefix: &str) -> Vec<PathBuf> {
    std::fs::read_dir(backups_dir(database))
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "sqlite")
                && path
                    .file_name()
                    .is_some_and(|name| name.to_string_lossy().starts_with(prefix))
        })
        .collect()
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path)
        .and_then(|metadata| metadata.modified())
        .ok()
}

/// A summary of a database's content that changes whenever its data does: the row count and
/// latest change time of every table. Comparing it with the newest backup's tells whether a
/// new backup would hold anything new.
const FINGERPRINT: &str = "SELECT
    (SELECT count(*) || '/' || ifnull(max(updated_at), '') FROM organisation) || ' ' ||
    (SELECT count(*) || '/' || ifnull(max(updated_at), '') FROM assessment) || ' ' ||
    (SELECT count(*) || '/' || ifnull(max(created_at), '') FROM respondent) || ' ' ||
    (SELECT count(*) || '/' || ifnull(max(updated_at), '') FROM answer) || ' ' ||
    (SELECT count(*) || '/' || ifnull(max(updated_at), '') FROM consensus) || ' ' ||
    (SELECT count(*) || '/' || ifnull(max(updated_at), '') FROM action) || ' ' ||
    (SELECT count(*) || '/' || ifnull(max(taken_at), '') FROM score_snapshot) || ' ' ||
    (SELECT count(*) FROM questionnaire_snapshot) || ' ' ||
    (SELECT ifnull(sum(length(label) + length(role) + length(group_name) + length(ifnull(resume_question, ''))), 0) FROM respondent)";

fn fingerprint(connection: &Connection) -> Option<String> {
    connection.query_row(FINGERPRINT, [], |row| row.get(0)).ok()
}

fn fingerprint_of_file(path: &Path) -> Option<String> {
    let connection = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    fingerprint(&connection)
}

impl Store {
    /// Takes a backup. With `target`, writes it there; otherwise into the backups folder.
    pub fn backup(&self, target: Option<&Path>, now: DateTime<Utc>) -> Result<PathBuf> {
        self.backup_watched(target, now, &mut |_, _| true)
    }

    /// [`Store::backup`], `watch` told the pages copied and able to stop the copy: a stopped
    /// backup leaves no file.
    pub fn backup_watched(
        &self,
        target: Option<&Path>,
        now: DateTime<Utc>,
        watch: &mut Watch<'_>,
    ) -> Result<PathBuf> {
        // A damaged file is refused rather than copied into a backup that looks sound.
        self.check()?;
        match target {
            Some(target) => {
                let protected = crate::output::ProtectedPaths::of_database(&self.path);
                let target = &crate::output::check_output(target, Some(&protected))?;
                if target.exists() {
                    return Err(StoreError::Invalid(format!(
                        "{} already exists; choose a new file name for the backup",
                        target.display()
                    )));
                }
                let total =
                    page_count(&self.connection).map_err(self.fail("measuring the database"))?;
                copy_to(&self.connection, &self.path, target, watch, 0, total)?;
                Ok(target.to_owned())
            }
            None => {
                write_backup_watched(&self.connection, &self.path, BackupKind::Manual, now, watch)
            }
        }
    }

    /// The start-up backup: taken unless the newest one already holds the same data; then
    /// only the newest [`KEPT_STARTUP_BACKUPS`] are kept.
    pub(crate) fn rotate_startup_backup(&self, now: DateTime<Utc>) -> Result<Option<PathBuf>> {
        let existing = startup_backups(&self.path);
        let unchanged = match (
            existing
                .last()
                .and_then(|newest| fingerprint_of_file(newest)),
            fingerprint(&self.connection),
        ) {
            (Some(backup), Some(current)) => backup == current,
            _ => false,
        };
        let taken = if unchanged {
            None
        } else {
            Some(write_backup(
                &self.connection,
                &self.path,
                BackupKind::Startup,
                now,
            )?)
        };
        let all = startup_backups(&self.path);
        if all.len() > KEPT_STARTUP_BACKUPS {
            for old in &all[..all.len() - KEPT_STARTUP_BACKUPS] {
                std::fs::remove_file(old)
                    .map_err(StoreError::io("cannot remove the old backup", old))?;
            }
        }
        Ok(taken)
    }
}

/// What `restore` did besides restoring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreOutcome {
    /// A backup of the database as it was before the restore (when it was readable).
    pub previous_saved_as: Option<PathBuf>,
    /// Where a damaged database was moved (it is never deleted).
    pub damaged_moved_to: Option<PathBuf>,
}

/// Checks that `backup` is a readable TCM Workbench database this version can open.
fn check_backup(backup: &Path) -> Result<()> {
    let invalid = |detail: String| {
        StoreError::Invalid(format!(
            "{} cannot be restored: {detail}; the current database was not changed",
            backup.display()
        ))
    };
    let bytes = std::fs::read(backup).map_err(StoreError::io("cannot read the backup", backup))?;
    if !bytes.starts_with(b"SQLite format 3\0") {
        return Err(invalid("it is not an SQLite database file".to_owned()));
    }
    let connection = Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|error| invalid(error.to_string()))?;
    let verdict: String = connection
        .query_row("PRAGMA quick_check(1)", [], |row| row.get(0))
        .map_err(|error| invalid(error.to_string()))?;
    if verdict != "ok" {
        return Err(invalid(format!("it is damaged ({verdict})")));
    }
    let version: i64 = connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|error| invalid(error.to_string()))?;
    let has_assessments: i64 = connection
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'assessment'",
            [],
            |row| row.get(0),
        )
        .map_err(|error| invalid(error.to_string()))?;
    if version < 1 || has_assessments == 0 {
        return Err(invalid("it is not a TCM Workbench database".to_owned()));
    }
    if usize::try_from(version).unwrap_or(usize::MAX) > migrations::LATEST {
        return Err(invalid(format!(
            "it was made by a newer version of TCM Workbench (schema version {version})"
        )));
    }
    Ok(())
}

/// Whether the database file at `path` reads as a healthy SQLite database.
fn is_healthy(path: &Path) -> bool {
    let Ok(connection) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
    else {
        return false;
    };
    matches!(
        connection.query_row("PRAGMA quick_check(1)", [], |row| row.get::<_, String>(0)),
        Ok(verdict) if verdict == "ok"
    )
}

/// Replaces the database at `database` with the content of `backup`. A readable current
/// database is backed up first; a damaged one is moved aside (with its `-wal` and `-shm`).
pub fn restore(database: &Path, backup: &Path, now: DateTime<Utc>) -> Result<RestoreOutcome> {
    restore_watched(database, backup, now, &mut |_, _| true)
}

/// [`restore`], `watch` told the pages copied — the current database's into its backup, then
/// the backup's into the database — and able to stop it: the database is then as it was
/// (the copy of it taken first stays among the backups). Once a damaged database has been
/// moved aside, the restore is no longer stopped: it would leave no database at all.
pub fn restore_watched(
    database: &Path,
    backup: &Path,
    now: DateTime<Utc>,
    watch: &mut Watch<'_>,
) -> Result<RestoreOutcome> {
    check_backup(backup)?;
    if let Some(reason) = crate::access::read_only_reason(database) {
        return Err(StoreError::ReadOnly {
            path: database.to_owned(),
            context: "restoring a backup over it".to_owned(),
            reason,
        });
    }
    let source = Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|error| StoreError::from_sqlite(backup, "opening the backup", error))?;
    let backup_pages = page_count(&source)
        .map_err(|error| StoreError::from_sqlite(backup, "measuring the backup", error))?;
    let mut stoppable = true;
    let mut offset = 0;
    let mut total_pages = backup_pages;
    let mut outcome = RestoreOutcome {
        previous_saved_as: None,
        damaged_moved_to: None,
    };
    let exists = std::fs::metadata(database).is_ok_and(|metadata| metadata.len() > 0);
    if exists {
        let header_ok = std::fs::read(database)
            .map(|bytes| bytes.starts_with(b"SQLite format 3\0"))
            .unwrap_or(false);
        if header_ok && is_healthy(database) {
            let current = Connection::open(database).map_err(|error| {
                StoreError::from_sqlite(database, "opening the current database", error)
            })?;
            let current_pages = page_count(&current).map_err(|error| {
                StoreError::from_sqlite(database, "measuring the database", error)
            })?;
            let total = current_pages + backup_pages;
            let target = backup_path(database, BackupKind::BeforeRestore, now);
            copy_to(&current, database, &target, watch, 0, total).map_err(|error| match error {
                StoreError::Cancelled { .. } => cancelled("the restore"),
                other => other,
            })?;
            outcome.previous_saved_as = Some(target);
            offset = current_pages;
            total_pages = total;
        } else {
            let aside = PathBuf::from(format!(
                "{}.damaged-{}",
                database.display(),
                now.format("%Y%m%d-%H%M%S")
            ));
            std::fs::rename(database, &aside).map_err(StoreError::io(
                "cannot move aside the damaged database",
                database,
            ))?;
            for suffix in ["-wal", "-shm"] {
                let companion = PathBuf::from(format!("{}{suffix}", database.display()));
                if companion.exists() {
                    let moved = PathBuf::from(format!("{}{suffix}", aside.display()));
                    std::fs::rename(&companion, &moved)
                        .map_err(StoreError::io("cannot move aside", &companion))?;
                }
            }
            outcome.damaged_moved_to = Some(aside);
            stoppable = false;
        }
    }
    let mut target = Connection::open(database).map_err(|error| {
        StoreError::from_sqlite(database, "opening the database to restore into", error)
    })?;
    target
        .busy_timeout(std::time::Duration::from_secs(10))
        .map_err(|error| StoreError::from_sqlite(database, "setting the busy timeout", error))?;
    let finished = copy_pages(
        &source,
        &mut target,
        &mut |done, total| watch(done, total) || !stoppable,
        offset,
        total_pages,
    )
    .map_err(|error| {
        StoreError::from_sqlite(
            database,
            format!("restoring from {}", backup.display()),
            error,
        )
    })?;
    if !finished {
        return Err(cancelled("the restore"));
    }
    Ok(outcome)
}
