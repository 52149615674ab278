//! `tcm report` and the benchmark's folder of past clients' `.tcm` files: the folder
//! remembered in the database, `--benchmark-folder` for one report (and `--remember`),
//! `--no-benchmark-folder`, and a folder gone or holding broken files that never fails the
//! report.

use predicates::prelude::*;
use std::path::Path;

mod common;

use common::{demo_database, pdf_text, tcm};

/// Five past clients' audits in `folder`: the demo's self-assessment exported, each copy
/// given its own client and id; plus a damaged file.
fn past_clients(db: &Path, folder: &Path) {
    std::fs::create_dir_all(folder).expect("folder");
    let base = folder.join("base.json");
    tcm(db)
        .args(["export", "--assessment", "1", "--format", "tcm", "--out"])
        .arg(&base)
        .assert()
        .success();
    let text = std::fs::read_to_string(&base).expect("exported");
    std::fs::remove_file(&base).expect("removed");
    for n in 0..5 {
        let mut file: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        file["assessment"]["uuid"] = serde_json::json!(format!("client-passe-{n}"));
        file["organisation"]["name"] = serde_json::json!(format!("Client passé {n}"));
        std::fs::write(
            folder.join(format!("client-{n}.tcm")),
            serde_json::to_vec_pretty(&file).expect("JSON"),
        )
        .expect("written");
    }
    std::fs::write(folder.join("abîmé.tcm"), "PK\u{3}\u{4} pas un audit").expect("written");
}

#[test]
fn the_folder_given_then_remembered_then_gone_then_left_out() {
    let (dir, db) = demo_database();
    let folder = dir.path().join("Clients « passés »");
    past_clients(&db, &folder);
    let out = dir.path().join("rapport.pdf");

    // Without a folder the demo has no other client: no section.
    tcm(&db)
        .args(["report", "--assessment", "2", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("benchmark folder").not());
    assert!(!pdf_text(&out).contains("Parmi vos clients"));

    // Given for one report and remembered.
    tcm(&db)
        .args([
            "report",
            "--assessment",
            "2",
            "--remember",
            "--benchmark-folder",
        ])
        .arg(&folder)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "5 audit(s) read, 1 file(s) not counted",
        ))
        .stdout(predicate::str::contains(
            "not counted: abîmé.tcm: is not a readable .tcm file",
        ))
        .stdout(predicate::str::contains("benchmark folder remembered"));
    let text = pdf_text(&out);
    assert!(
        text.contains("Parmi vos clients"),
        "the folder's audits are used"
    );

    // The next report, in Word too, reads the remembered folder.
    let docx = dir.path().join("rapport.docx");
    tcm(&db)
        .args(["report", "--assessment", "2", "--format", "docx", "--out"])
        .arg(&docx)
        .assert()
        .success()
        .stdout(predicate::str::contains("5 audit(s) read"));

    // --no-benchmark-folder: the database alone, for this report.
    tcm(&db)
        .args([
            "report",
            "--assessment",
            "2",
            "--no-benchmark-folder",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    assert!(!pdf_text(&out).contains("Parmi vos clients"));

    // The folder moved: said, and the report is written without it.
    std::fs::rename(&folder, dir.path().join("ailleurs")).expect("moved");
    tcm(&db)
        .args(["report", "--assessment", "2", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("warning: the benchmark's folder"))
        .stdout(predicate::str::contains("« passés » is gone"))
        .stdout(predicate::str::contains("report written"));
    assert!(!pdf_text(&out).contains("Parmi vos clients"));

    // Forgotten: no more warning.
    tcm(&db)
        .args([
            "report",
            "--assessment",
            "2",
            "--no-benchmark-folder",
            "--remember",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("benchmark folder forgotten"));
    tcm(&db)
        .args(["report", "--assessment", "2", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("warning").not());
}

#[test]
fn both_folder_flags_together_are_refused() {
    let (dir, db) = demo_database();
    tcm(&db)
        .args([
            "report",
            "--assessment",
            "2",
            "--no-benchmark-folder",
            "--benchmark-folder",
        ])
        .arg(dir.path())
        .arg("--out")
        .arg(dir.path().join("r.pdf"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("cannot be used with"));
}

#[test]
fn an_output_over_the_database_is_refused_before_the_folder_is_read() {
    let (dir, db) = demo_database();
    let folder = dir.path().join("past");
    std::fs::create_dir(&folder).expect("folder");
    std::fs::write(folder.join("broken.tcm"), "not json").expect("file");
    let before = std::fs::read(&db).expect("database");
    tcm(&db)
        .args(["report", "--assessment", "2", "--benchmark-folder"])
        .arg(&folder)
        .arg("--out")
        .arg(&db)
        .assert()
        .failure()
        .stderr(predicate::str::contains("it is the database itself"))
        .stderr(predicate::str::contains("broken.tcm").not());
    assert_eq!(std::fs::read(&db).expect("database"), before);
}
