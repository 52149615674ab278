//! Opening a database: refuse what is not ours, damaged or too new without writing to it,
//! then set the connection up and migrate an older schema (after backing it up).

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};

use crate::access::{self, ReadOnlyReason};
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

/// A device (`/dev/null`), a folder or a pipe is not a database file: said before SQLite
/// tries (it would fail on `/dev/null` with a migration's disk I/O error).
fn refuse_special_file(path: &Path) -> Result<()> {
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.is_dir() => Err(StoreError::NotAFile {
            path: path.to_owned(),
            what: "a folder",
        }),
        Ok(metadata) if !metadata.is_file() => Err(StoreError::NotAFile {
            path: path.to_owned(),
            what: "a device or a special file",
        }),
        _ => Ok(()),
    }
}

/// Whether `path` holds data that must be checked before use (an existing, non-empty file).
fn check_header(path: &Path) -> Result<bool> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(error) => return Err(StoreError::io("cannot read", path)(error)),
    };
    let mut header = [0u8; 100];
    let mut read = 0;
    loop {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(count) => {
                read += count;
                if read == header.len() {
                    break;
                }
            }
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(StoreError::io("cannot read", path)(error)),
        }
    }
    if read == 0 {
        return Ok(false);
    }
    if read < header.len() || &header[..16] != SQLITE_HEADER {
        return Err(corrupt(path, "it is not an SQLite database file"));
    }
    let length = file
        .metadata()
        .map_err(StoreError::io("cannot read", path))?
        .len();
    check_size(&header, length).map_err(|detail| corrupt(path, detail))?;
    Ok(true)
}

/// What the file's header says of its size, against its length: a file cut short (a copy
/// interrupted, a disk that filled up) is found here without reading every page.
fn check_size(header: &[u8; 100], length: u64) -> std::result::Result<(), String> {
    let word = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        size if size >= 512 && size.is_power_of_two() => u64::from(size),
        size => return Err(format!("its header names an impossible page size ({size})")),
    };
    // The page count in the header is valid only when written by the same change as the
    // change counter (offsets 24 and 92, SQLite's file format).
    let pages = u64::from(word(28));
    if pages > 0 && word(24) == word(92) && length < pages * page_size {
        return Err(format!(
            "it is cut short: {length} bytes where its header announces {} (a copy or a write was interrupted)",
            pages * page_size
        ));
    }
    Ok(())
}

/// Reads the whole file's structure; any damage is reported, nothing is written. Proportional
/// to the file's size: run where that is affordable (`tcm check`, before a backup, in the
/// background when the app starts), never on every open.
pub(crate) fn check_integrity(connection: &Connection, path: &Path) -> Result<()> {
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

/// The schema version of an existing file, once it is known to be ours and not too new.
fn check_ours(connection: &Connection, path: &Path) -> Result<usize> {
    let version = query_integer(connection, path, "user_version")?;
    let application = query_integer(connection, path, "application_id")?;
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
    Ok(version)
}

impl Store {
    /// Opens (or creates) the database at `path`. `now` names the backup taken before a
    /// migration.
    ///
    /// A database that cannot be written (its file, its folder or its disk is read-only) is
    /// opened read-only: [`Store::read_only`] says why, and every write is refused with
    /// [`StoreError::ReadOnly`].
    pub fn open(path: &Path, now: DateTime<Utc>) -> Result<Store> {
        refuse_special_file(path)?;
        let existing = check_header(path)?;
        if !existing && let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(StoreError::io("cannot create the folder", parent))?;
        }
        let read_only = if existing {
            access::read_only_reason(path).or_else(|| access::repair_companions(path))
        } else {
            access::creation_refusal(path)
        };
        if let Some(reason) = read_only {
            if !existing {
                return Err(StoreError::ReadOnly {
                    path: path.to_owned(),
                    context: "creating the database".to_owned(),
                    reason,
                });
            }
            return Store::open_read_only(path, reason);
        }
        let mut connection = Connection::open(path)
            .map_err(|error| StoreError::from_sqlite(path, "cannot open the database", error))?;
        connection
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|error| StoreError::from_sqlite(path, "setting the busy timeout", error))?;

        // Room for every statement a unit of work prepares (a live session's batch runs a dozen
        // per answer): past rusqlite's default of 16, statements were evicted and parsed again.
        connection.set_prepared_statement_cache_capacity(64);

        let version = if existing {
            check_ours(&connection, path)?
        } else {
            0
        };

        // WAL with synchronous=NORMAL: a commit is written to the WAL without waiting for the
        // disk; the WAL is synced at each checkpoint. Committed work survives the app crashing
        // or being killed (the OS holds it); a power cut or an OS crash can lose the last
        // commits since the last checkpoint, never the file's consistency. ARCHITECTURE.md,
        // "Durability", says why this suits a desktop app.
        for (pragma, value) in [
            ("journal_mode", "WAL"),
            ("synchronous", "NORMAL"),
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
            read_only: None,
        })
    }

    /// Opens an existing database that cannot be written, for reading only (see
    /// [`crate::access`]): checked as any other, never migrated, never written.
    fn open_read_only(path: &Path, reason: ReadOnlyReason) -> Result<Store> {
        let uri = access::read_only_uri(path)?;
        let connection = Connection::open_with_flags(
            &uri,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|error| StoreError::from_sqlite(path, "cannot open the database", error))?;
        connection
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|error| StoreError::from_sqlite(path, "setting the busy timeout", error))?;
        let version = check_ours(&connection, path)?;
        if version < migrations::LATEST {
            return Err(StoreError::ReadOnly {
                path: path.to_owned(),
                context: format!(
                    "it was made by an earlier version (schema {version}) and must be updated \
                     before use, which needs writing"
                ),
                reason,
            });
        }
        connection
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(|error| StoreError::from_sqlite(path, "setting foreign_keys", error))?;
        Ok(Store {
            connection,
            path: path.to_owned(),
            questionnaires: Default::default(),
            read_only: Some(reason),
        })
    }

    /// Opens the database and, as the desktop app does at start-up, checks the whole file
    /// and takes a rotating backup (see [`Store::check_and_back_up`]).
    pub fn open_with_startup_backup(path: &Path, now: DateTime<Utc>) -> Result<Store> {
        let store = Store::open(path, now)?;
        store.check_and_back_up(now)?;
        Ok(store)
    }

    /// Reads the whole file's structure (SQLite's `quick_check`): a damaged file is refused
    /// as on opening. Takes time proportional to the file's size.
    pub fn check(&self) -> Result<()> {
        check_integrity(&self.connection, &self.path)
    }

    /// What the desktop app does at start-up, off the main thread: the full check, then the
    /// rotating start-up backup (skipped when nothing changed since the last one; the last 10
    /// are kept). Returns the backup taken, if any.
    /// A database opened read-only takes no start-up backup: nothing can change it here.
    pub fn check_and_back_up(&self, now: DateTime<Utc>) -> Result<Option<std::path::PathBuf>> {
        self.check()?;
        if self.read_only.is_some() {
            return Ok(None);
        }
        self.rotate_startup_backup(now)
    }

    /// Why this database was opened read-only, if it was: every write is then refused.
    pub fn read_only(&self) -> Option<&ReadOnlyReason> {
        self.read_only.as_ref()
    }
}
