//! Where the database lives: `--db`, else `TCM_DB`, else the platform's data folder
//! (`$XDG_DATA_HOME/tcm-workbench/tcm.sqlite`, usually `~/.local/share/…` on Linux).

use std::path::PathBuf;

/// The environment variable that names the database file.
pub const DATABASE_VARIABLE: &str = "TCM_DB";

/// The default database: `tcm-workbench/tcm.sqlite` in the platform's data folder; `None`
/// when the platform has none (no home folder).
pub fn default_database() -> Option<PathBuf> {
    dirs::data_dir().map(|dir| dir.join("tcm-workbench").join("tcm.sqlite"))
}

/// The database to use: the one given, else `TCM_DB` (when set and not empty), else the default.
pub fn resolve(given: Option<PathBuf>) -> Option<PathBuf> {
    given
        .or_else(|| {
            std::env::var_os(DATABASE_VARIABLE)
                .filter(|value| !value.is_empty())
                .map(PathBuf::from)
        })
        .or_else(default_database)
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
}
