//! Files the user asks for — PDF reports, workbooks, CSV, `.tcm` files, blank grids,
//! backups — written whole or not at all, and never over the database.
//!
//! - **Never over the database.** The target is resolved (symbolic links followed, `..`
//!   and relative parts removed) and refused when it is the database, its `-wal`, `-shm` or
//!   `-journal` companion, the same file under another name (a hard link), or anything in
//!   its `backups/` folder.
//! - **Whole or not at all.** The bytes go to a temporary file in the target's folder,
//!   flushed to disk, then renamed over the target: a full disk or a crash leaves the old
//!   file as it was and no temporary file behind.
//! - **Only files.** A folder, a device (`/dev/full`), a pipe or a socket is refused by name
//!   before anything is written.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::backup::backups_dir;
use crate::error::{Result, StoreError};

/// How many symbolic links in a row are followed before giving up (as the kernel does).
const MAX_LINKS: usize = 40;

/// The paths an output must never touch: a database, its companions and its backups.
#[derive(Debug, Clone)]
pub struct ProtectedPaths {
    database: PathBuf,
    companions: Vec<PathBuf>,
    backups: PathBuf,
    identities: Vec<FileIdentity>,
}

/// A file's identity on disk, so that a hard link to the database is recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileIdentity {
    device: u64,
    inode: u64,
}

#[cfg(unix)]
fn identity(path: &Path) -> Option<FileIdentity> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).ok().map(|metadata| FileIdentity {
        device: metadata.dev(),
        inode: metadata.ino(),
    })
}

#[cfg(not(unix))]
fn identity(_path: &Path) -> Option<FileIdentity> {
    None
}

/// `path` with `suffix` added to its file name (`tcm.sqlite` → `tcm.sqlite-wal`).
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

impl ProtectedPaths {
    /// The paths of the database at `database` (which may not exist yet).
    pub fn of_database(database: &Path) -> ProtectedPaths {
        let resolved = resolve(database).unwrap_or_else(|_| database.to_owned());
        let companions: Vec<PathBuf> = ["-wal", "-shm", "-journal"]
            .iter()
            .map(|suffix| with_suffix(&resolved, suffix))
            .collect();
        let backups = resolve(&backups_dir(&resolved)).unwrap_or_else(|_| backups_dir(&resolved));
        let identities = std::iter::once(&resolved)
            .chain(&companions)
            .filter_map(|path| identity(path))
            .collect();
        ProtectedPaths {
            database: resolved,
            companions,
            backups,
            identities,
        }
    }

    /// Refuses `target` (already resolved) when it is one of the protected paths.
    fn check(&self, target: &Path, given: &Path) -> Result<()> {
        let refuse = |reason: &str| {
            Err(StoreError::ForbiddenOutput {
                path: given.to_owned(),
                reason: reason.to_owned(),
            })
        };
        if target == self.database {
            return refuse("it is the database itself; choose another file name");
        }
        if self.companions.iter().any(|companion| companion == target) {
            return refuse("it is one of the database's own files; choose another file name");
        }
        if target.starts_with(&self.backups) {
            return refuse("it is in the database's backups folder; choose another folder");
        }
        if let Some(found) = identity(target)
            && self.identities.contains(&found)
        {
            return refuse("it is the database under another name; choose another file name");
        }
        Ok(())
    }
}

/// `path` made absolute, with symbolic links followed (a dangling one too) and its folder
/// canonicalised. The folder must exist.
pub fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = if path.is_absolute() {
        path.to_owned()
    } else {
        std::env::current_dir()?.join(path)
    };
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) => parent.join(link),
                    None => link,
                };
            }
            _ => break,
        }
    }
    match (current.parent(), current.file_name()) {
        (Some(parent), Some(name)) => Ok(fs::canonicalize(parent)?.join(name)),
        // `/`, or a path ending in `..`: no file name to keep apart.
        _ => fs::canonicalize(&current),
    }
}

/// Checks that `target` may be written as an output: not a protected path, not a folder or
/// a device. Returns the resolved path to write to.
pub fn check_output(target: &Path, protected: Option<&ProtectedPaths>) -> Result<PathBuf> {
    let forbidden = |reason: String| StoreError::ForbiddenOutput {
        path: target.to_owned(),
        reason,
    };
    if target.as_os_str().is_empty() {
        return Err(forbidden("no file name was given".to_owned()));
    }
    let resolved = resolve(target).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => {
            forbidden("its folder does not exist; create the folder or choose another".to_owned())
        }
        _ => forbidden(format!("its folder cannot be read ({error})")),
    })?;
    if let Some(protected) = protected {
        protected.check(&resolved, target)?;
    }
    match fs::metadata(&resolved) {
        Ok(metadata) if metadata.is_dir() => Err(forbidden(
            "it is a folder; give a file name inside it".to_owned(),
        )),
        Ok(metadata) if !metadata.is_file() => Err(forbidden(
            "it is not a regular file (a device, a pipe or a socket)".to_owned(),
        )),
        _ => Ok(resolved),
    }
}

/// Writes `bytes` to `target` whole or not at all (see the module documentation). An
/// existing file is replaced only once the new content is complete on disk, and keeps its
/// permissions.
pub fn write_output(target: &Path, bytes: &[u8], protected: Option<&ProtectedPaths>) -> Result<()> {
    let resolved = check_output(target, protected)?;
    replace_atomically(&resolved, target, |file| file.write_all(bytes))
}

/// Writes a new file with `fill` into a temporary file next to `resolved`, then renames it
/// over `resolved`. `shown` is the path as the user gave it, for messages.
pub(crate) fn replace_atomically(
    resolved: &Path,
    shown: &Path,
    fill: impl FnOnce(&mut fs::File) -> std::io::Result<()>,
) -> Result<()> {
    let folder = resolved.parent().unwrap_or_else(|| Path::new("."));
    let failed = |context: &'static str| StoreError::io(context, shown);
    let mut temporary = tempfile::Builder::new()
        .prefix(".tcm-")
        .suffix(".partial")
        .tempfile_in(folder)
        .map_err(failed("cannot write in the folder of"))?;
    fill(temporary.as_file_mut()).map_err(failed("cannot write"))?;
    temporary
        .as_file()
        .sync_all()
        .map_err(failed("cannot finish writing"))?;
    match fs::metadata(resolved) {
        Ok(existing) => fs::set_permissions(temporary.path(), existing.permissions())
            .map_err(failed("cannot keep the permissions of"))?,
        Err(_) => set_new_file_permissions(temporary.path()).map_err(failed("cannot write"))?,
    }
    temporary
        .persist(resolved)
        .map_err(|error| StoreError::io("cannot replace", shown)(error.error))?;
    sync_folder(folder);
    Ok(())
}

/// New files are readable by others as any document the user saves (the temporary file was
/// created private).
#[cfg(unix)]
fn set_new_file_permissions(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_new_file_permissions(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Makes the rename itself durable where the system allows it (best effort).
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = fs::File::open(folder) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_that_fails_half_way_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("rapport.pdf");
        fs::write(&target, b"the old report").expect("write");
        let error = replace_atomically(&target, &target, |file| {
            file.write_all(b"half of a new rep")?;
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "no space left on device",
            ))
        })
        .expect_err("the write fails");
        assert!(
            error.to_string().contains("the disk is full")
                && error.to_string().contains("another disk"),
            "{error}"
        );
        assert_eq!(fs::read(&target).expect("read"), b"the old report");
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .filter_map(|entry| entry.ok().map(|entry| entry.file_name()))
            .collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
    }

    #[test]
    fn an_existing_file_is_replaced_whole_and_keeps_its_permissions() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("answers.csv");
        fs::write(&target, b"old").expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).expect("chmod");
        }
        write_output(&target, b"new content", None).expect("written");
        assert_eq!(fs::read(&target).expect("read"), b"new content");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&target).expect("meta").permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }

    #[test]
    fn a_symbolic_link_to_the_database_is_seen_through() {
        let dir = tempfile::tempdir().expect("temp dir");
        let database = dir.path().join("tcm.sqlite");
        fs::write(&database, b"SQLite format 3\0").expect("write");
        let protected = ProtectedPaths::of_database(&database);
        #[cfg(unix)]
        {
            let link = dir.path().join("export.csv");
            std::os::unix::fs::symlink(&database, &link).expect("link");
            let error = write_output(&link, b"x", Some(&protected)).expect_err("refused");
            assert!(
                matches!(error, StoreError::ForbiddenOutput { .. }),
                "{error}"
            );
        }
        let dotted = dir.path().join("sub").join("..").join("tcm.sqlite-wal");
        fs::create_dir(dir.path().join("sub")).expect("dir");
        assert!(check_output(&dotted, Some(&protected)).is_err());
        assert_eq!(fs::read(&database).expect("read"), b"SQLite format 3\0");
    }
}
