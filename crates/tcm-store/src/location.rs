//! Where the database lives: `--db`, else `TCM_DB`, else the platform's data folder
//! (`$XDG_DATA_HOME/tcm-workbench/tcm.sqlite`, usually `~/.local/share/…` on Linux).
//!
//! The desktop app also remembers a database the user opened instead (the recovery screen's
//! "open another file"): its path is kept in a small file of the platform's configuration
//! folder ([`choice_file`]) and used at the next start before the data folder's database
//! ([`resolve_for_app`]). Only that path is written there; no database is ever moved,
//! replaced or deleted to remember it.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Result, StoreError};

/// The environment variable that names the database file.
pub const DATABASE_VARIABLE: &str = "TCM_DB";

/// The default database: `tcm-workbench/tcm.sqlite` in the platform's data folder; `None`
/// when the platform has none (no home folder).
pub fn default_database() -> Option<PathBuf> {
    dirs::data_dir().map(|dir| dir.join("tcm-workbench").join("tcm.sqlite"))
}

/// The database to use: the one given, else `TCM_DB` (when set and not empty), else the default.
pub fn resolve(given: Option<PathBuf>) -> Option<PathBuf> {
    given.or_else(from_environment).or_else(default_database)
}

/// The file where the app remembers the database the user chose:
/// `tcm-workbench/chosen-database.txt` in the platform's configuration folder (XDG on Linux,
/// Application Support on macOS, the roaming AppData on Windows); `None` when there is none.
pub fn choice_file() -> Option<PathBuf> {
    dirs::config_dir().map(|dir| dir.join("tcm-workbench").join("chosen-database.txt"))
}

/// The most a choice file is read: a path, not a document (a larger file is ignored).
pub const MAX_CHOICE_BYTES: u64 = 16 * 1024;

/// The database remembered in `file`: an absolute path, in UTF-8, alone in the file (a final
/// line break allowed). `None` when there is no file, or it is unreadable, too large, empty,
/// or holds anything else: the app then starts on its usual database.
pub fn recall_choice(file: &Path) -> Option<PathBuf> {
    let mut bytes = Vec::new();
    std::fs::File::open(file)
        .ok()?
        .take(MAX_CHOICE_BYTES + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    if bytes.len() as u64 > MAX_CHOICE_BYTES {
        return None;
    }
    let text = String::from_utf8(bytes).ok()?;
    let text = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
        .unwrap_or(&text);
    if text.is_empty() || text.contains(['\n', '\r', '\0']) {
        return None;
    }
    let path = PathBuf::from(text);
    path.is_absolute().then_some(path)
}

/// Remembers `database` in `file` (created with its folder when needed, replaced whole or not
/// at all), as an absolute path. Nothing else is written.
pub fn remember_choice(file: &Path, database: &Path) -> Result<()> {
    let absolute =
        std::path::absolute(database).map_err(StoreError::io("cannot locate", database))?;
    let text = absolute.to_str().ok_or_else(|| {
        StoreError::Invalid(format!(
            "{} cannot be remembered: its name is not valid Unicode",
            absolute.display()
        ))
    })?;
    if let Some(folder) = file.parent() {
        std::fs::create_dir_all(folder)
            .map_err(StoreError::io("cannot create the folder of", file))?;
    }
    crate::output::write_output(file, format!("{text}\n").as_bytes(), None)
}

/// Where the app's database comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseOrigin {
    /// `--db` or `TCM_DB`: used as given (made when it does not exist).
    Given,
    /// The database the user opened last time from the app: when it is no longer there, the
    /// app says so rather than making an empty one in its place.
    Chosen,
    /// The platform's data folder.
    Default,
}

/// The desktop app's database: the one given, else `TCM_DB`, else the one remembered in
/// `choice` (see [`remember_choice`]), else the default.
pub fn resolve_for_app(
    given: Option<PathBuf>,
    choice: Option<&Path>,
) -> Option<(PathBuf, DatabaseOrigin)> {
    if let Some(path) = given.or_else(from_environment) {
        return Some((path, DatabaseOrigin::Given));
    }
    if let Some(path) = choice.and_then(recall_choice) {
        return Some((path, DatabaseOrigin::Chosen));
    }
    default_database().map(|path| (path, DatabaseOrigin::Default))
}

fn from_environment() -> Option<PathBuf> {
    std::env::var_os(DATABASE_VARIABLE)
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same rule on every OS: the platform's data folder (`dirs`: XDG on Linux,
    /// Application Support on macOS, the roaming AppData on Windows), then our folder.
    #[test]
    fn the_default_database_is_in_our_folder_of_the_platforms_data_folder() {
        if let (Some(data), Some(database)) = (dirs::data_dir(), default_database()) {
            assert_eq!(database, data.join("tcm-workbench").join("tcm.sqlite"));
            assert!(database.is_absolute(), "{}", database.display());
        }
    }

    #[test]
    fn a_given_database_wins_whatever_the_environment_says() {
        let given = PathBuf::from("audits").join("client-a.sqlite");
        assert_eq!(resolve(Some(given.clone())), Some(given));
    }

    #[test]
    fn a_chosen_database_is_remembered_and_recalled_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir
            .path()
            .join("config")
            .join("tcm-workbench")
            .join("chosen-database.txt");
        assert_eq!(recall_choice(&file), None, "nothing remembered yet");
        let database = dir
            .path()
            .join("Clients « 2026 »")
            .join("audits d’été.sqlite");
        remember_choice(&file, &database).expect("remembered");
        assert_eq!(recall_choice(&file), Some(database.clone()));
        let other = dir.path().join("autre.sqlite");
        remember_choice(&file, &other).expect("replaced");
        assert_eq!(recall_choice(&file), Some(other));
        // Only the choice file was written: no database appeared.
        assert!(!database.exists());
        assert!(!dir.path().join("autre.sqlite").exists());
    }

    #[test]
    fn a_relative_database_is_remembered_as_an_absolute_path() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("chosen-database.txt");
        remember_choice(&file, Path::new("relative.sqlite")).expect("remembered");
        let recalled = recall_choice(&file).expect("recalled");
        assert!(recalled.is_absolute(), "{}", recalled.display());
        assert!(recalled.ends_with("relative.sqlite"));
    }

    #[test]
    fn a_damaged_or_hostile_choice_file_is_ignored() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("chosen-database.txt");
        let absolute = dir.path().join("a.sqlite").display().to_string();
        let cases: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"\n".to_vec(),
            b"relative/a.sqlite\n".to_vec(),
            format!("{absolute}\n{absolute}\n").into_bytes(),
            format!("{absolute}\0").into_bytes(),
            vec![0xff, 0xfe, b'/', b'a'],
            format!("/{}", "a".repeat(MAX_CHOICE_BYTES as usize)).into_bytes(),
        ];
        for (index, bytes) in cases.iter().enumerate() {
            std::fs::write(&file, bytes).expect("written");
            assert_eq!(recall_choice(&file), None, "case {index}");
        }
        std::fs::write(&file, format!("{absolute}\r\n")).expect("written");
        assert_eq!(recall_choice(&file), Some(PathBuf::from(&absolute)));
        // A folder in the choice file's place is no choice either.
        assert_eq!(recall_choice(dir.path()), None);
    }

    #[test]
    fn the_app_takes_a_given_database_then_the_chosen_one_then_the_default() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("chosen-database.txt");
        let chosen = dir.path().join("chosen.sqlite");
        remember_choice(&file, &chosen).expect("remembered");
        let given = dir.path().join("given.sqlite");
        assert_eq!(
            resolve_for_app(Some(given.clone()), Some(&file)),
            Some((given, DatabaseOrigin::Given))
        );
        // The environment is the process's: only check the rest when TCM_DB is not set.
        if from_environment().is_none() {
            assert_eq!(
                resolve_for_app(None, Some(&file)),
                Some((chosen, DatabaseOrigin::Chosen))
            );
            assert_eq!(
                resolve_for_app(None, Some(&dir.path().join("none.txt"))),
                default_database().map(|path| (path, DatabaseOrigin::Default))
            );
        }
    }
}
