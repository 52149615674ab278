//! Start-up backups rotate (10 kept, none when nothing changed), manual backups and restore —
//! including over a damaged database, which is moved aside and never deleted.

mod common;

use common::*;
use tcm_core::{Answer, Level};
use tcm_store::backup::{KEPT_STARTUP_BACKUPS, list_backups, startup_backups};
use tcm_store::{Store, restore};

fn answer(value: u8) -> Answer {
    Answer::Level(Level::new(value).expect("level"))
}

#[test]
fn startup_backups_rotate_and_skip_when_nothing_changed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (store, _, _, claire) = seeded(&path);
    drop(store);
    for round in 0..12i64 {
        let mut store = Store::open_with_startup_backup(&path, at(100 + round)).expect("opens");
        store
            .save_answer(
                claire,
                "sample-cre-01",
                answer((round % 5) as u8),
                None,
                at(100 + round),
            )
            .expect("saved");
    }
    let kept = startup_backups(&path);
    assert_eq!(kept.len(), KEPT_STARTUP_BACKUPS);
    assert!(
        kept[0]
            .to_string_lossy()
            .ends_with("tcm-auto-20261123-090142.sqlite"),
        "the oldest were removed: {kept:?}"
    );
    // Nothing changed since the last start: no new backup.
    drop(Store::open_with_startup_backup(&path, at(500)).expect("opens"));
    drop(Store::open_with_startup_backup(&path, at(501)).expect("opens"));
    let after = startup_backups(&path);
    assert!(
        !after.iter().any(|p| p.to_string_lossy().contains("090821")),
        "{after:?}"
    );
}

#[test]
fn a_backup_restores_the_data_and_the_replaced_database_is_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, _, assessment, claire) = seeded(&path);
    store
        .save_answer(claire, "sample-cre-01", answer(4), Some("avant"), at(10))
        .expect("saved");
    let backup = store.backup(None, at(11)).expect("backup");
    assert!(
        backup
            .to_string_lossy()
            .ends_with("backups/tcm-manual-20261123-090011.sqlite")
    );
    store
        .save_answer(claire, "sample-cre-01", answer(0), Some("après"), at(12))
        .expect("saved");
    drop(store);

    let outcome = restore(&path, &backup, at(13)).expect("restored");
    let previous = outcome
        .previous_saved_as
        .expect("the replaced database was backed up");
    assert!(previous.to_string_lossy().contains("tcm-before-restore-"));
    let mut store = Store::open(&path, at(14)).expect("opens");
    let (_, sheet, _) = store.score_assessment(assessment).expect("scored");
    let response = sheet
        .response(
            &tcm_core::Respondent::new("Claire"),
            &tcm_core::QuestionId::new("sample-cre-01"),
        )
        .expect("answer");
    assert_eq!(
        (response.answer, response.comment.as_deref()),
        (answer(4), Some("avant"))
    );
    // The database as it was before the restore is itself restorable.
    drop(store);
    restore(&path, &previous, at(15)).expect("restored back");
    let mut store = Store::open(&path, at(16)).expect("opens");
    let (_, sheet, _) = store.score_assessment(assessment).expect("scored");
    assert_eq!(sheet.len(), 1);
    assert_eq!(
        sheet
            .response(
                &tcm_core::Respondent::new("Claire"),
                &tcm_core::QuestionId::new("sample-cre-01")
            )
            .and_then(|r| r.comment.clone())
            .as_deref(),
        Some("après")
    );
}

#[test]
fn restoring_over_a_damaged_database_moves_it_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (store, _, assessment, _) = seeded(&path);
    let backup = store
        .backup(Some(&dir.path().join("copy.sqlite")), at(10))
        .expect("backup");
    drop(store);
    std::fs::write(&path, b"garbage that used to be a database").expect("damaged");
    assert!(Store::open(&path, at(11)).is_err());
    let outcome = restore(&path, &backup, at(12)).expect("restored");
    let aside = outcome.damaged_moved_to.expect("moved aside");
    assert_eq!(
        std::fs::read(&aside).expect("kept"),
        b"garbage that used to be a database"
    );
    let store = Store::open(&path, at(13)).expect("opens");
    assert!(store.assessment(assessment).is_ok());
}

#[test]
fn a_file_that_is_not_a_backup_is_not_restored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    drop(seeded(&path));
    let before = sha(&path);
    let bogus = dir.path().join("bogus.sqlite");
    std::fs::write(&bogus, b"not a database").expect("written");
    let error = restore(&path, &bogus, at(1)).expect_err("refused");
    assert!(error.to_string().contains("cannot be restored: it is not an SQLite database file; the current database was not changed"), "{error}");
    assert_eq!(sha(&path), before);
    assert!(list_backups(&path).is_empty(), "no backup was needed");
}
