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
