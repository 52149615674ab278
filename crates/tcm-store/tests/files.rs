//! The file itself: damaged, foreign or newer files are refused without being written to;
//! older schemas are backed up before they are migrated; WAL and foreign keys are on.

mod common;

use common::*;
use rusqlite::Connection;
use tcm_store::{Store, StoreError, migrations};

#[test]
fn a_new_database_is_created_in_wal_mode_with_foreign_keys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (store, ..) = seeded(&path);
    drop(store);
    let connection = Connection::open(&path).expect("opens");
    let mode: String = connection
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .expect("mode");
    assert_eq!(mode, "wal");
    let version: i64 = connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .expect("version");
    assert_eq!(version as usize, migrations::LATEST);
}

fn assert_refused_untouched(path: &std::path::Path, expected: &str) {
    let before = sha(path);
    let error = match Store::open(path, at(0)) {
        Ok(_) => panic!("{} was opened", path.display()),
        Err(error) => error,
    };
    let message = error.to_string();
    assert!(error.is_unusable_file(), "{message}");
    assert!(
        message.contains(&path.display().to_string()),
        "names the file: {message}"
    );
    assert!(message.contains(expected), "{message}");
    assert_eq!(sha(path), before, "the file was not written to");
}

#[test]
fn random_bytes_are_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("random.sqlite");
    let mut state: u32 = 7;
    let bytes: Vec<u8> = (0..8192)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (state >> 16) as u8
        })
        .collect();
    std::fs::write(&path, bytes).expect("written");
    assert_refused_untouched(
        &path,
        "is damaged or is not a TCM Workbench database (it is not an SQLite database file)",
    );
    let message = Store::open(&path, at(0))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        message.contains("tcm restore"),
        "names the way out: {message}"
    );
}

#[test]
fn a_truncated_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, _, _, claire) = seeded(&path);
    for number in 1..=2 {
        for question in [
            "sample-cre-01",
            "sample-cre-02",
            "sample-act-01",
            "sample-act-02",
            "sample-cur-01",
        ] {
            store
                .save_answer(
                    claire,
                    question,
                    tcm_core::Answer::DontKnow,
                    Some(&"x".repeat(2000 * number)),
                    at(5),
                )
                .expect("saved");
        }
    }
    drop(store);
    // Fold the WAL into the file, then cut the file in the middle of its pages.
    let connection = Connection::open(&path).expect("opens");
    connection
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;")
        .expect("checkpoint");
    drop(connection);
    let bytes = sha(&path);
    assert!(bytes.len() > 4096 * 4, "the database has several pages");
    std::fs::write(&path, &bytes[..bytes.len() / 2 + 100]).expect("truncated");
    assert_refused_untouched(&path, "is damaged or is not a TCM Workbench database");
}

#[test]
fn another_applications_database_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("other.sqlite");
    let connection = Connection::open(&path).expect("opens");
    connection
        .execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
        .expect("created");
    drop(connection);
    assert_refused_untouched(&path, "it is another application's SQLite database");
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    drop(seeded(&path));
    let connection = Connection::open(&path).expect("opens");
    connection
        .execute_batch(&format!(
            "PRAGMA user_version = {}; PRAGMA wal_checkpoint(TRUNCATE);",
            migrations::LATEST + 1
        ))
        .expect("bumped");
    drop(connection);
    let error = Store::open(&path, at(0)).err().expect("refused");
    assert!(matches!(error, StoreError::NewerSchema { .. }));
    assert_refused_untouched(
        &path,
        &format!(
            "was made by a newer version of TCM Workbench (schema version {}",
            migrations::LATEST + 1
        ),
    );
}

#[test]
fn an_older_database_is_backed_up_then_migrated_keeping_its_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
    // A database as version 1 of the schema left it.
    let mut connection = Connection::open(&path).expect("opens");
    migrations::all()
        .to_version(&mut connection, 1)
        .expect("version 1");
    connection
        .execute_batch(
            "PRAGMA application_id = 1413696855;
             INSERT INTO organisation (name, sector, notes, created_at, updated_at) VALUES ('Ancienne SARL', 'industry', '', 't', 't');",
        )
        .expect("data");
    drop(connection);

    let store = Store::open(&path, at(0)).expect("migrated");
    let organisations = store.list_organisations().expect("list");
    assert_eq!(organisations[0].organisation.name, "Ancienne SARL");
    let backups = tcm_store::backup::list_backups(&path);
    assert_eq!(backups.len(), 1, "{backups:?}");
    let name = backups[0]
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert_eq!(name, "tcm-before-migration-v1-20261123-090000.sqlite");
    let copy = Connection::open(&backups[0]).expect("backup opens");
    let version: i64 = copy
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .expect("version");
    assert_eq!(version, 1, "the backup is the database as it was");
}

#[test]
fn two_writers_on_the_same_file_do_not_corrupt_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, _, assessment, _) = seeded(&path);
    let respondents: Vec<_> = ["A", "B"]
        .iter()
        .map(|label| {
            store
                .add_respondent(assessment, &profile(label), at(4))
                .expect("respondent")
        })
        .collect();
    drop(store);
    let questions: Vec<String> = sample()
        .questions()
        .iter()
        .map(|q| q.id.to_string())
        .collect();
    let handles: Vec<_> = respondents
        .into_iter()
        .map(|respondent| {
            let path = path.clone();
            let questions = questions.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&path, at(5)).expect("opens");
                for round in 0..5u8 {
                    for question in &questions {
                        let answer = tcm_core::Answer::Level(
                            tcm_core::Level::new(round % 5).expect("level"),
                        );
                        store
                            .save_answer(respondent, question, answer, None, at(6))
                            .expect("saved despite the other writer");
                    }
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("writer finished");
    }
    let connection = Connection::open(&path).expect("opens");
    let check: String = connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("check");
    assert_eq!(check, "ok");
    let answers: i64 = connection
        .query_row("SELECT count(*) FROM answer", [], |row| row.get(0))
        .expect("count");
    assert_eq!(answers, 20);
    let store = Store::open(&path, at(7)).expect("opens");
    assert_eq!(
        store.list_assessments().expect("list")[0].answered_questions,
        10
    );
}

#[test]
fn opening_is_cheap_and_the_full_check_finds_a_damaged_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, _, _, claire) = seeded(&path);
    for question in [
        "sample-cre-01",
        "sample-cre-02",
        "sample-act-01",
        "sample-act-02",
    ] {
        store
            .save_answer(
                claire,
                question,
                tcm_core::Answer::DontKnow,
                Some(&"x".repeat(3000)),
                at(5),
            )
            .expect("saved");
    }
    drop(store);
    let connection = Connection::open(&path).expect("opens");
    connection
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;")
        .expect("checkpoint");
    drop(connection);
    // Scribble over the last page: an index or table page that opening does not read.
    let mut bytes = std::fs::read(&path).expect("read");
    let page = 4096;
    let last = bytes.len() - page;
    for (offset, byte) in bytes[last..].iter_mut().enumerate() {
        *byte = (offset % 251) as u8;
    }
    std::fs::write(&path, &bytes).expect("damaged");
    let store = Store::open(&path, at(6)).expect("opening reads only the header and schema");
    let error = store.check().expect_err("the full check finds the damage");
    assert!(error.is_unusable_file(), "{error}");
    assert!(error.to_string().contains("tcm restore"), "{error}");
    let error = store
        .backup(None, at(7))
        .expect_err("no backup of a damaged file");
    assert!(error.is_unusable_file(), "{error}");
}
