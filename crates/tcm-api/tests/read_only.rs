//! A database that cannot be written opens read-only: the window learns it from `app_info`
//! (its banner, no editing), reads work, and a write is refused with a typed detail the UI
//! words in French or English.
#![cfg(unix)]

use chrono::{DateTime, TimeZone, Utc};
use tcm_api::transfer::{NewAssessmentInput, OrganisationInput, ReadOnlyView};
use tcm_api::{ErrorDetail, ErrorKind, ReadOnlyReason, Workbench, assessments, settings};

fn clock() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0)
        .single()
        .expect("date")
}

fn wire<T: serde::de::DeserializeOwned>(text: &str) -> T {
    serde_json::from_value(serde_json::json!(text)).expect("a value of the list")
}

fn new_assessment() -> NewAssessmentInput {
    NewAssessmentInput {
        organisation: OrganisationInput::New {
            name: "Maison Durand".to_owned(),
            sector: wire("retail"),
            size: None,
            notes: String::new(),
        },
        title: "Audit 2026".to_owned(),
        mode: wire("self"),
        language: wire("fr"),
        questionnaire_id: "tcm-92".to_owned(),
        targets: vec![4, 4, 3, 3, 2],
        first_respondent: Some("Claire Martin".to_owned()),
    }
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|output| String::from_utf8_lossy(&output.stdout).trim() == "0")
        .unwrap_or(false)
}

fn chattr(flag: &str, path: &std::path::Path) -> bool {
    std::process::Command::new("chattr")
        .arg(flag)
        .arg(path)
        .status()
        .is_ok_and(|status| status.success())
}

#[test]
fn a_read_only_database_is_read_and_every_write_is_refused_with_a_typed_detail() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("data");
    let db = folder.join("tcm.sqlite");
    {
        let workbench = Workbench::start(db.clone(), clock);
        assessments::create_assessment(&workbench, &new_assessment()).expect("created");
    }
    // A folder without write permission binds any user but root; the immutable attribute
    // binds root too.
    let (expected, path, undo): (ReadOnlyReason, std::path::PathBuf, Box<dyn Fn()>) = if !is_root()
    {
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).expect("chmod");
        let folder = folder.clone();
        (
            ReadOnlyReason::Folder,
            folder.clone(),
            Box::new(move || {
                std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755))
                    .expect("chmod back");
            }),
        )
    } else if chattr("+i", &db) {
        let locked = db.clone();
        (
            ReadOnlyReason::Locked,
            db.clone(),
            Box::new(move || {
                chattr("-i", &locked);
            }),
        )
    } else {
        eprintln!("skipped: run as root where `chattr +i` cannot be set");
        return;
    };
    let outcome = std::panic::catch_unwind(|| {
        let workbench = Workbench::start(db.clone(), clock);
        let info = settings::app_info(&workbench);
        assert_eq!(info.opening_error, None);
        assert_eq!(
            info.read_only,
            Some(ReadOnlyView {
                reason: expected,
                path: path.display().to_string(),
            })
        );
        workbench
            .check_and_back_up()
            .expect("checked, no backup beside it");
        assert_eq!(
            assessments::list_assessments(&workbench)
                .expect("list")
                .len(),
            1
        );
        let refused =
            assessments::create_assessment(&workbench, &new_assessment()).expect_err("refused");
        assert_eq!(refused.kind, ErrorKind::Storage);
        assert_eq!(
            refused.detail,
            Some(ErrorDetail::ReadOnly {
                path: path.display().to_string(),
                reason: expected,
            })
        );
        assert!(
            refused.message.contains("nothing was changed"),
            "{}",
            refused.message
        );
    });
    undo();
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
    let workbench = Workbench::start(db, clock);
    assert_eq!(settings::app_info(&workbench).read_only, None);
    assessments::create_assessment(&workbench, &new_assessment()).expect("writable again");
}
