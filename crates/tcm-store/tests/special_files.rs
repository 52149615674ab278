//! Paths that are not database files: a device (`--db /dev/null` failed with a migration's
//! disk I/O error) or a folder. Refused before SQLite touches them, with what to do instead.

use chrono::{TimeZone, Utc};
use tcm_store::{Store, StoreError};

#[test]
fn a_device_or_a_folder_is_not_a_database_file() {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 26, 9, 0, 0)
        .single()
        .expect("a date");
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, what) in [
        (
            std::path::PathBuf::from("/dev/null"),
            "a device or a special file",
        ),
        (dir.path().to_owned(), "a folder"),
    ] {
        let error = Store::open(&path, now).err().expect("refused");
        assert!(
            matches!(&error, StoreError::NotAFile { what: found, .. } if *found == what),
            "{error:?}"
        );
        let text = error.to_string();
        assert!(
            text.contains("not a database file") && text.contains("name a file"),
            "{text}"
        );
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("listed").count(),
        0,
        "nothing was written in the folder"
    );
}
