//! The recovery screen's "open another file": the app works on the database the user picked,
//! or, when that file cannot be used either, stays where it was and says why.

use chrono::{DateTime, TimeZone, Utc};
use tcm_api::{ErrorDetail, Workbench, assessments, settings};

fn clock() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0)
        .single()
        .expect("date")
}

#[test]
fn another_database_file_replaces_one_that_could_not_be_opened() {
    let dir = tempfile::tempdir().expect("temp dir");
    let damaged = dir.path().join("tcm.sqlite");
    std::fs::write(
        &damaged,
        b"not a database at all, but long enough to be read as one?",
    )
    .expect("damaged");
    let workbench = Workbench::start(damaged.clone(), clock);
    assert!(settings::app_info(&workbench).opening_error.is_some());

    // A file that is no database either: refused, the app stays on the damaged one.
    let photo = dir.path().join("photo.png");
    std::fs::write(&photo, [0x89, b'P', b'N', b'G', 0, 0, 0, 0]).expect("photo");
    let refused = settings::open_database(&workbench, &photo).expect_err("refused");
    assert_eq!(
        refused.detail,
        Some(ErrorDetail::DatabaseDamaged {
            path: photo.display().to_string()
        })
    );
    assert_eq!(workbench.path(), damaged);
    assert!(settings::app_info(&workbench).opening_error.is_some());

    // A sound copy kept elsewhere: the app works on it from then on.
    let copy = dir.path().join("copie").join("tcm.sqlite");
    {
        let other = Workbench::start(copy.clone(), clock);
        assert!(settings::app_info(&other).opening_error.is_none());
    }
    let info = settings::open_database(&workbench, &copy).expect("opened");
    assert_eq!(info.opening_error, None);
    assert_eq!(info.database_path, copy.display().to_string());
    assert_eq!(workbench.path(), copy);
    assert_eq!(
        assessments::list_assessments(&workbench)
            .expect("list")
            .len(),
        0
    );
    assert_eq!(
        std::fs::read(&damaged).expect("kept"),
        b"not a database at all, but long enough to be read as one?",
        "the damaged file is left as it was"
    );
}

/// A damaged database left by the user for a sound one elsewhere: the app remembers the one
/// opened, and the next start opens it — with its data — while the damaged file stays as it
/// was, neither deleted nor overwritten.
#[test]
fn the_database_opened_instead_is_the_one_the_next_start_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let choice = dir
        .path()
        .join("config")
        .join("tcm-workbench")
        .join("chosen-database.txt");
    let damaged = dir.path().join("data").join("tcm.sqlite");
    std::fs::create_dir_all(damaged.parent().expect("folder")).expect("folder");
    let broken = b"not a database at all, but long enough to be read as one?".to_vec();
    std::fs::write(&damaged, &broken).expect("damaged");
    let copy = dir.path().join("Clé USB « audits »").join("tcm.sqlite");
    let demo = {
        let other = Workbench::start(copy.clone(), clock);
        tcm_api::reports::open_demo(&other).expect("demo")
    };

    // First session: the usual database is damaged; the user opens the copy.
    let workbench = Workbench::start(damaged.clone(), clock).remembering(choice.clone());
    assert!(settings::app_info(&workbench).opening_error.is_some());
    let info = settings::open_database(&workbench, &copy).expect("opened");
    assert_eq!(info.opening_error, None);
    assert_eq!(info.choice_not_kept, None);
    assert_eq!(
        tcm_store::location::recall_choice(&choice),
        Some(copy.clone())
    );
    drop(workbench);

    // Next start: the remembered copy, with its data.
    // (With neither --db nor TCM_DB, `resolve_for_app` takes this remembered path: tcm-store's
    // location tests.)
    let recalled = tcm_store::location::recall_choice(&choice).expect("remembered");
    let next = Workbench::start_chosen(recalled, clock).remembering(choice.clone());
    let info = settings::app_info(&next);
    assert_eq!(info.opening_error, None);
    assert_eq!(info.database_path, copy.display().to_string());
    let listed = assessments::list_assessments(&next).expect("list");
    assert!(listed.iter().any(|item| item.id == demo), "{listed:?}");

    // The damaged file is exactly as it was, and nothing was written beside it.
    assert_eq!(std::fs::read(&damaged).expect("kept"), broken);
    let beside: Vec<_> = std::fs::read_dir(damaged.parent().expect("folder"))
        .expect("folder")
        .map(|entry| entry.expect("entry").file_name())
        .collect();
    assert_eq!(beside, vec![std::ffi::OsString::from("tcm.sqlite")]);
}

/// The database chosen last time is gone (a USB key not plugged in): the app says so and makes
/// nothing in its place.
#[test]
fn a_chosen_database_that_is_gone_is_said_missing_and_not_made_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gone = dir.path().join("clé").join("tcm.sqlite");
    let workbench = Workbench::start_chosen(gone.clone(), clock);
    let info = settings::app_info(&workbench);
    let error = info.opening_error.expect("refused");
    assert_eq!(
        error.detail,
        Some(ErrorDetail::ChosenDatabaseMissing {
            path: gone.display().to_string()
        })
    );
    assert_eq!(info.database_path, gone.display().to_string());
    assert!(assessments::list_assessments(&workbench).is_err());
    assert!(!gone.exists() && !dir.path().join("clé").exists());

    // A chosen database that is there opens as usual.
    let there = dir.path().join("tcm.sqlite");
    drop(Workbench::start(there.clone(), clock));
    let info = settings::app_info(&Workbench::start_chosen(there, clock));
    assert_eq!(info.opening_error, None);
}

/// The configuration folder cannot be written: the database opened is used all the same, and
/// the app is told it will not be the one the next start opens.
#[test]
fn a_choice_that_cannot_be_kept_still_opens_the_database_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let not_a_folder = dir.path().join("config");
    std::fs::write(&not_a_folder, b"a file where the folder should be").expect("file");
    let damaged = dir.path().join("tcm.sqlite");
    std::fs::write(
        &damaged,
        b"not a database at all, but long enough to be read as one?",
    )
    .expect("damaged");
    let copy = dir.path().join("copie.sqlite");
    drop(Workbench::start(copy.clone(), clock));
    let workbench = Workbench::start(damaged, clock).remembering(not_a_folder.join("chosen.txt"));
    let info = settings::open_database(&workbench, &copy).expect("opened");
    assert_eq!(info.opening_error, None);
    assert!(info.choice_not_kept.is_some(), "{info:?}");
    assert_eq!(workbench.path(), copy);
}
