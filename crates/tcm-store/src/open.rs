//! Opening a database: refuse what is not ours, damaged or too new without writing to it,
//! then set the connection up and migrate an older schema (after backing it up).

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::backup::{self, BackupKind};
use crate::error::{Result, StoreError};
use crate::{Store, migrations};

/// Marks a SQLite file as a TCM Workbench database ("TCMW").
const APPLICATION_ID: i64 = 0x5443_4D57;

/// The first 16 bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// How long a write waits for another process holding the lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

fn corrupt(path: &Path, detail: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        path: path.to_owned(),
        backups: backup::backups_dir(path),
        detail: detail.into(),
    }
}

/// Whether `path` holds data that must be checked before use (an existing, non-empty file).
fn check_header(path: &Path) -> Result<bool> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(error) => return Err(StoreError::io("cannot read", path)(error)),
    };
    let mut header = [0u8; 16];
    let read = file
        .read(&mut header)
        .map_err(StoreError::io("cannot read", path))?;
    match read {
        0 => Ok(false),
        16 if &header == SQLITE_HEADER => Ok(true),
        _ => Err(corrupt(path, "it is not an SQLite database file")),
    }
}

/// Reads the whole file's structure; any damage is reported, nothing is written.
fn check_integrity(connection: &Connection, path: &Path) -> Result<()> {
    let verdict: String = connection
        .query_row("PRAGMA quick_check(1)", [], |row| row.get(0))
        .map_err(|error| StoreError::from_sqlite(path, "checking the file", error))?;
    if verdict == "ok" {
        Ok(())
    } else {
        Err(corrupt(path, format!("integrity check: {verdict}")))
    }
}

fn query_integer(connection: &Connection, path: &Path, pragma: &str) -> Result<i64> {
    connection
        .query_row(&format!("PRAGMA {pragma}"), [], |row| row.get(0))
        .map_err(|error| StoreError::from_sqlite(path, format!("reading {pragma}"), error))
}

impl Store {
    /// Opens (or creates) the database at `path`. `now` names the backup taken before a
    /// migration.
    pub fn open(path: &Path, now: DateTime<Utc>) -> Result<Store> {
        let existing = check_header(path)?;
        if !existing && let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(StoreError::io("cannot create the folder", parent))?;
        }
        let mut connection = Connection::open(path)
            .map_err(|error| StoreError::from_sqlite(path, "cannot open the database", error))?;
        connection
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|error| StoreError::from_sqlite(path, "setting the busy timeout", error))?;

        let version = if existing {
            check_integrity(&connection, path)?;
            let version = query_integer(&connection, path, "user_version")?;
            let application = query_integer(&connection, path, "application_id")?;
            let tables = connection
                .query_row(
                    "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
                    [],
                    |row| row.get::<_, i64>(0),
                )
                .map_err(|error| StoreError::from_sqlite(path, "reading the schema", error))?;
            if application != APPLICATION_ID && (version != 0 || tables != 0) {
                return Err(corrupt(path, "it is another application's SQLite database"));
            }
            let version = usize::try_from(version).unwrap_or(usize::MAX);
            if version > migrations::LATEST {
                return Err(StoreError::NewerSchema {
                    path: path.to_owned(),
                    found: version,
                    known: migrations::LATEST,
                });
            }
            version
        } else {
            0
        };

        for (pragma, value) in [
            ("journal_mode", "WAL"),
            ("synchronous", "FULL"),
            ("foreign_keys", "ON"),
        ] {
            connection
                .pragma_update(None, pragma, value)
                .map_err(|error| {
                    StoreError::from_sqlite(path, format!("setting {pragma}"), error)
                })?;
        }

        if version < migrations::LATEST {
            let backup = if version > 0 {
                Some(backup::write_backup(
                    &connection,
                    path,
                    BackupKind::BeforeMigration { from: version },
                    now,
                )?)
            } else {
                None
            };
            migrations::all()
                .to_latest(&mut connection)
                .map_err(|error| match &backup {
                    Some(backup) => StoreError::Migration {
                        path: path.to_owned(),
                        backup: backup.clone(),
                        detail: error.to_string(),
                    },
                    None => StoreError::Invalid(format!(
                        "creating the database {} failed: {error}",
                        path.display()
                    )),
                })?;
            connection
                .pragma_update(None, "application_id", APPLICATION_ID)
                .map_err(|error| StoreError::from_sqlite(path, "marking the database", error))?;
        }

        Ok(Store {
            connection,
            path: path.to_owned(),
            questionnaires: Default::default(),
        })
    }

    /// Opens the database and, as the desktop app does at start-up, takes a rotating backup
    /// (skipped when nothing changed since the last one; the last 10 are kept).
    pub fn open_with_startup_backup(path: &Path, now: DateTime<Utc>) -> Result<Store> {
        let store = Store::open(path, now)?;
        store.rotate_startup_backup(now)?;
        Ok(store)
    }
}
