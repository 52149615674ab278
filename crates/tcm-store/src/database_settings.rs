//! The database's own settings (migration 008): choices that belong to the file rather than
//! to one organisation or one computer, so that they travel with it. Today one: the folder of
//! past clients' `.tcm` files the private benchmark adds to the database's audits. The path is
//! kept as the user's dialog returned it; whether it can still be read is checked where it is
//! used, never here.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use crate::Store;
use crate::error::{Result, StoreError};
use crate::unit::Tx;

/// The longest folder path kept, in characters.
pub const MAX_FOLDER_PATH_CHARS: usize = 4096;

/// The settings' keys: the only ones this module writes.
const BENCHMARK_FOLDER: &str = "benchmark_folder";

fn check_folder(folder: &str) -> Result<()> {
    let length = folder.chars().count();
    if folder.trim().is_empty() || length > MAX_FOLDER_PATH_CHARS {
        return Err(StoreError::Invalid(format!(
            "a folder's path has 1 to {MAX_FOLDER_PATH_CHARS} characters, not {length}"
        )));
    }
    if folder.chars().any(char::is_control) {
        return Err(StoreError::Invalid(
            "a folder's path holds a control character".to_owned(),
        ));
    }
    Ok(())
}

impl Tx<'_> {
    /// Remembers the benchmark's folder of `.tcm` files, or forgets it (`None`).
    pub fn set_benchmark_folder(&mut self, folder: Option<&str>) -> Result<()> {
        match folder {
            Some(folder) => {
                check_folder(folder)?;
                self.connection()
                    .execute(
                        "INSERT INTO database_setting (key, value, updated_at) VALUES (?1, ?2, ?3)
                         ON CONFLICT (key) DO UPDATE SET
                            value = excluded.value, updated_at = excluded.updated_at",
                        params![BENCHMARK_FOLDER, folder, self.now_text()],
                    )
                    .map_err(self.fail("remembering the benchmark's folder"))?;
            }
            None => {
                self.connection()
                    .execute(
                        "DELETE FROM database_setting WHERE key = ?1",
                        [BENCHMARK_FOLDER],
                    )
                    .map_err(self.fail("forgetting the benchmark's folder"))?;
            }
        }
        Ok(())
    }
}

impl Store {
    /// Remembers (or forgets) the benchmark's folder, in its own unit of work.
    pub fn set_benchmark_folder(&mut self, folder: Option<&str>, now: DateTime<Utc>) -> Result<()> {
        self.write(now, "remembering the benchmark's folder", |tx| {
            tx.set_benchmark_folder(folder)
        })
    }

    /// The benchmark's folder as the user chose it, if one is remembered.
    pub fn benchmark_folder(&self) -> Result<Option<String>> {
        self.connection
            .query_row(
                "SELECT value FROM database_setting WHERE key = ?1",
                [BENCHMARK_FOLDER],
                |row| row.get(0),
            )
            .optional()
            .map_err(self.fail("reading the benchmark's folder"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-27T09:00:00Z")
            .map(|time| time.with_timezone(&Utc))
            .unwrap_or_default()
    }

    #[test]
    fn the_folder_is_remembered_replaced_forgotten_and_kept_in_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("tcm.sqlite");
        let mut store = Store::open(&path, now()).expect("open");
        assert_eq!(store.benchmark_folder().expect("read"), None);
        store
            .set_benchmark_folder(Some("/home/claire/Clients passés"), now())
            .expect("remembered");
        store
            .set_benchmark_folder(Some("/home/claire/Audits « 2026 »"), now())
            .expect("replaced");
        drop(store);
        let mut store = Store::open(&path, now()).expect("open again");
        assert_eq!(
            store.benchmark_folder().expect("read").as_deref(),
            Some("/home/claire/Audits « 2026 »")
        );
        store.set_benchmark_folder(None, now()).expect("forgotten");
        assert_eq!(store.benchmark_folder().expect("read"), None);
        store
            .set_benchmark_folder(None, now())
            .expect("forgetting twice is fine");
    }

    #[test]
    fn an_empty_overlong_or_control_path_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(&dir.path().join("tcm.sqlite"), now()).expect("open");
        for bad in [
            String::new(),
            "   ".to_owned(),
            "a".repeat(MAX_FOLDER_PATH_CHARS + 1),
            "/tmp/a\nb".to_owned(),
        ] {
            assert!(matches!(
                store.set_benchmark_folder(Some(&bad), now()),
                Err(StoreError::Invalid(_))
            ));
        }
        assert_eq!(store.benchmark_folder().expect("read"), None);
    }
}
