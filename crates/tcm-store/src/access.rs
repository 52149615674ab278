//! Whether a database can be written, and opening it read-only when it cannot.
//!
//! A database in a read-only place — the file's permissions, a file locked against change
//! (`chattr +i`), a folder SQLite cannot create its `-wal`/`-shm` files in, a read-only disk or
//! share — is opened read-only instead of failing: reading, exporting, reports and backups to
//! another place work, and every write is refused with [`StoreError::ReadOnly`] saying why.
//!
//! Without a `-wal` file, such a database is opened `immutable` (SQLite then creates no
//! companion file at all); with one, whose committed pages must be read, it is opened
//! `mode=ro`. A read-only `-wal` or `-shm` left by an earlier read-only run, which would make
//! every write fail after the user fixed the file's permissions, is given the database file's
//! permissions back when this user may do so (nothing in it changes), else the database is
//! opened read-only naming that file.

use std::path::{Path, PathBuf};

use crate::error::StoreError;

/// Why a database cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// The file's permissions (or its owner) do not let this user write it.
    File,
    /// The file is locked against any change although its permissions allow writing (the
    /// immutable attribute, or a policy of the system).
    Locked,
    /// Its folder cannot be written: SQLite keeps its `-wal` and `-shm` files beside the
    /// database, so the database cannot be changed there.
    Folder(PathBuf),
    /// The disk, card or network share holding it is mounted read-only.
    Volume,
    /// A companion file (`-wal` or `-shm`) that this user cannot write, left by another user
    /// or an earlier run.
    Companion(PathBuf),
}

impl ReadOnlyReason {
    /// What is read-only, in a few words, for messages.
    pub fn describe(&self, database: &Path) -> String {
        match self {
            ReadOnlyReason::File => format!(
                "{} is read-only: its permissions do not let you write it",
                database.display()
            ),
            ReadOnlyReason::Locked => format!(
                "{} is locked against any change, by its immutable attribute or a system policy",
                database.display()
            ),
            ReadOnlyReason::Folder(folder) => {
                format!("the folder {} cannot be written", folder.display())
            }
            ReadOnlyReason::Volume => format!(
                "{} is on a disk or share mounted read-only",
                database.display()
            ),
            ReadOnlyReason::Companion(companion) => format!(
                "the database's working file {} is read-only, left so by an earlier run or \
                 another user",
                companion.display()
            ),
        }
    }

    /// The file or folder that is read-only.
    pub fn path<'path>(&'path self, database: &'path Path) -> &'path Path {
        match self {
            ReadOnlyReason::Folder(path) | ReadOnlyReason::Companion(path) => path,
            ReadOnlyReason::File | ReadOnlyReason::Locked | ReadOnlyReason::Volume => database,
        }
    }
}

/// The folder holding `path` (`.` for a bare file name).
pub(crate) fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The `-wal` and `-shm` files SQLite keeps beside `database`.
pub(crate) fn companions(database: &Path) -> [PathBuf; 2] {
    ["-wal", "-shm"].map(|suffix| {
        let mut name = database.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    })
}

/// Why writing failed, when it failed because the place is read-only.
pub(crate) fn refusal(error: &std::io::Error, file: &Path) -> Option<ReadOnlyReason> {
    match error.kind() {
        std::io::ErrorKind::ReadOnlyFilesystem => Some(ReadOnlyReason::Volume),
        std::io::ErrorKind::PermissionDenied => {
            let Ok(metadata) = std::fs::metadata(file) else {
                // Refused to create it: its folder is the read-only place.
                return Some(ReadOnlyReason::Folder(folder_of(file).to_owned()));
            };
            let permissions_allow = !metadata.permissions().readonly();
            // EPERM where permissions allow writing: the file is locked (immutable), not
            // merely without the right.
            const EPERM: i32 = 1;
            if permissions_allow && cfg!(unix) && error.raw_os_error() == Some(EPERM) {
                Some(ReadOnlyReason::Locked)
            } else {
                Some(ReadOnlyReason::File)
            }
        }
        _ => None,
    }
}

/// Whether this user can create files in `folder` (one is created and removed at once).
fn folder_refusal(folder: &Path) -> Option<ReadOnlyReason> {
    match tempfile::Builder::new()
        .prefix(".tcm-write-check")
        .tempfile_in(folder)
    {
        Ok(_) => None,
        Err(error) => match error.kind() {
            std::io::ErrorKind::ReadOnlyFilesystem => Some(ReadOnlyReason::Volume),
            std::io::ErrorKind::PermissionDenied => Some(ReadOnlyReason::Folder(folder.to_owned())),
            // A full disk or another failure is not a read-only place: SQLite says it.
            _ => None,
        },
    }
}

/// Why an existing database cannot be written, if it cannot: its file, its folder, its disk.
/// Nothing is changed (the file is opened for writing without writing; a file created in the
/// folder is removed at once).
pub(crate) fn read_only_reason(database: &Path) -> Option<ReadOnlyReason> {
    if let Err(error) = std::fs::OpenOptions::new().write(true).open(database)
        && let Some(reason) = refusal(&error, database)
    {
        return Some(reason);
    }
    folder_refusal(folder_of(database))
}

/// Why a new database cannot be created at `database`, if it cannot.
pub(crate) fn creation_refusal(database: &Path) -> Option<ReadOnlyReason> {
    folder_refusal(folder_of(database))
}

fn open_for_writing(file: &Path) -> std::io::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(file)
}

/// A `-wal` or `-shm` beside `database` that this user cannot write, if any (nothing changed).
pub(crate) fn read_only_companion(database: &Path) -> Option<ReadOnlyReason> {
    companions(database).into_iter().find_map(|companion| {
        let error = open_for_writing(&companion).err()?;
        refusal(&error, &companion).map(|_| ReadOnlyReason::Companion(companion))
    })
}

/// Makes a read-only `-wal`/`-shm` left beside a writable database writable again, with the
/// database file's permissions (its content is untouched, so no committed page is lost).
/// Returns the companion that stays read-only when this user may not change it.
pub(crate) fn repair_companions(database: &Path) -> Option<ReadOnlyReason> {
    let permissions = std::fs::metadata(database).ok()?.permissions();
    for companion in companions(database) {
        let writable = || open_for_writing(&companion);
        match writable() {
            Ok(_) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) if refusal(&error, &companion).is_some() => {
                let repaired = std::fs::set_permissions(&companion, permissions.clone()).is_ok()
                    && writable().is_ok();
                if !repaired {
                    return Some(ReadOnlyReason::Companion(companion));
                }
            }
            Err(_) => {}
        }
    }
    None
}

/// Whether committed pages wait in the `-wal` file (they must then be read through it).
pub(crate) fn has_wal(database: &Path) -> bool {
    let [wal, _] = companions(database);
    std::fs::metadata(wal).is_ok_and(|metadata| metadata.len() > 0)
}

/// The SQLite URI opening `database` read-only: `immutable` when no `-wal` holds pages, so
/// that SQLite writes nothing beside it (not even a `-shm`).
pub(crate) fn read_only_uri(database: &Path) -> Result<String, StoreError> {
    let absolute =
        std::path::absolute(database).map_err(StoreError::io("cannot locate", database))?;
    let mut uri = String::from("file:");
    let text = absolute.to_string_lossy();
    let text = text.replace('\\', "/");
    if !text.starts_with('/') {
        // A Windows drive path: file:///C:/…
        uri.push('/');
    }
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~:".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.push_str(if has_wal(database) {
        "?mode=ro"
    } else {
        "?mode=ro&immutable=1"
    });
    Ok(uri)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_uri_escapes_what_sqlite_would_read_as_parameters() {
        let dir = tempfile::tempdir().expect("temp dir");
        let database = dir.path().join("Audit 100% #1?.sqlite");
        let uri = read_only_uri(&database).expect("uri");
        assert!(
            uri.starts_with("file:/")
                && uri.ends_with("/Audit%20100%25%20%231%3F.sqlite?mode=ro&immutable=1"),
            "{uri}"
        );
        std::fs::write(dir.path().join("Audit 100% #1?.sqlite-wal"), b"pages").expect("wal");
        assert!(read_only_uri(&database).expect("uri").ends_with("?mode=ro"));
    }

    #[test]
    fn companions_sit_beside_the_database() {
        let [wal, shm] = companions(Path::new("/data/tcm.sqlite"));
        assert_eq!(wal, Path::new("/data/tcm.sqlite-wal"));
        assert_eq!(shm, Path::new("/data/tcm.sqlite-shm"));
    }
}
