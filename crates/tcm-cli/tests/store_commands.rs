//! The commands over the database: organisations, assessments, answers, scores, backups,
//! and clear errors on a damaged file.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

mod common;

use common::tcm;

fn setup() -> (tempfile::TempDir, PathBuf) {
    let (dir, db, printed) = common::database_with_assessment(
        &["--sector", "retail", "--size", "medium"],
        &["--title", "Audit 2026", "--mode", "workshop"],
    );
    assert_eq!(
        printed,
        [
            "organisation 1 added: Maison Durand\n",
            "assessment 1 started: Audit 2026 (sample 1.0.0, 10 questions)\n"
        ]
    );
    (dir, db)
}

#[test]
fn answers_saved_through_the_cli_score_like_the_same_answers_in_a_csv_file() {
    let (dir, db) = setup();
    let lines = "Claire,sample-cre-01,4,\"très bien, « vraiment »\"\nClaire,sample-cre-02,1,\nMarc,sample-cre-01,2,\nMarc,sample-act-01,NA,\nMarc,sample-pro-02,?,\n";
    tcm(&db)
        .args(["answer", "--assessment", "1", "--stdin"])
        .write_stdin(lines)
        .assert()
        .success()
        .stdout("saved Claire sample-cre-01 4\nsaved Claire sample-cre-02 1\nsaved Marc sample-cre-01 2\nsaved Marc sample-act-01 NA\nsaved Marc sample-pro-02 ?\n");
    let stored = tcm(&db)
        .args(["score", "--assessment", "1"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let csv = dir.path().join("answers.csv");
    std::fs::write(&csv, format!("respondent,question,answer,comment\n{lines}")).expect("written");
    let from_file = Command::cargo_bin("tcm")
        .expect("built")
        .args(["score", "--questionnaire"])
        .arg(common::sample())
        .arg("--answers")
        .arg(&csv)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8_lossy(&stored),
        String::from_utf8_lossy(&from_file)
    );
    tcm(&db)
        .args(["assessment", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Maison Durand  Audit 2026  workshop  sample 1.0.0   2            4/10",
        ));
}

#[test]
fn a_refused_answer_names_the_problem_and_writes_nothing() {
    let (_dir, db) = setup();
    common::answer(&db, 1, "Zoé", "nope", "3")
        .assert()
        .code(1)
        .stderr("error: question `nope` is not in questionnaire `sample` 1.0.0\n");
    common::answer(&db, 1, "Zoé", "sample-cre-01", "7")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("invalid answer `7`"));
    tcm(&db)
        .args(["assessment", "show", "1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Respondents (0): none yet"));
    common::answer(&db, 9, "A", "sample-cre-01", "3")
        .assert()
        .code(1)
        .stderr("error: assessment 9 does not exist\n");
}

#[test]
fn a_damaged_database_is_named_with_the_way_out_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("tcm.sqlite");
    std::fs::write(&db, b"this is not a database at all, just bytes").expect("written");
    tcm(&db)
        .args(["assessment", "list"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains(format!(
                "{} is damaged or is not a TCM Workbench database",
                db.display()
            ))
            .and(predicate::str::contains("tcm restore")),
        );
    assert_eq!(
        std::fs::read(&db).expect("readable"),
        b"this is not a database at all, just bytes"
    );
}

#[test]
fn backup_and_restore_through_the_cli() {
    let (dir, db) = setup();
    common::answer(&db, 1, "Claire", "sample-cre-01", "4")
        .assert()
        .success();
    let copy = dir.path().join("copy.sqlite");
    tcm(&db)
        .args(["backup", "--out"])
        .arg(&copy)
        .assert()
        .success();
    common::answer(&db, 1, "Claire", "sample-cre-01", "0")
        .assert()
        .success();
    tcm(&db)
        .arg("restore")
        .arg(&copy)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("restored from").and(predicate::str::contains(
                "the database it replaced was saved as",
            )),
        );
    let json = tcm(&db)
        .args(["score", "--assessment", "1"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let value: serde_json::Value = serde_json::from_slice(&json).expect("json");
    assert_eq!(
        value["stages"][0]["score"],
        serde_json::json!(100.0),
        "the backup's answer (4) is back"
    );
    tcm(&db)
        .args(["restore", "--list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("tcm-before-restore-"));
}

#[test]
fn the_database_comes_from_tcm_db_when_no_flag_is_given() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("from-env.sqlite");
    Command::cargo_bin("tcm")
        .expect("built")
        .env("TCM_DB", &db)
        .args(["org", "add", "--name", "Éts Martin"])
        .assert()
        .success();
    assert!(db.exists());
}

#[test]
fn export_and_import_through_the_cli() {
    let (dir, db) = setup();
    tcm(&db)
        .args(["answer", "--assessment", "1", "--stdin"])
        .write_stdin("Claire,sample-cre-01,4,«\u{a0}très bien\u{a0}» l’été\nMarc,sample-act-01,2,Vraiment\u{202f}?\n")
        .assert()
        .success();
    let file = dir.path().join("audit.tcm");
    tcm(&db)
        .args(["export", "--assessment", "1", "--format", "tcm", "--out"])
        .arg(&file)
        .assert()
        .success();
    let xlsx = dir.path().join("audit.xlsx");
    tcm(&db)
        .args(["export", "--assessment", "1", "--format", "xlsx", "--out"])
        .arg(&xlsx)
        .assert()
        .success();
    assert!(
        std::fs::read(&xlsx).expect("written").starts_with(b"PK"),
        "an XLSX (zip) file"
    );
    let milestones = dir.path().join("jalons.xlsx");
    tcm(&db)
        .args([
            "export",
            "--assessment",
            "1",
            "--format",
            "milestones",
            "--out",
        ])
        .arg(&milestones)
        .assert()
        .success();
    let written = std::fs::read(&milestones).expect("written");
    assert!(written.starts_with(b"PK"), "an XLSX (zip) file");
    assert_ne!(written, std::fs::read(&xlsx).expect("written"));
    let csv = dir.path().join("answers.csv");
    tcm(&db)
        .args([
            "export",
            "--assessment",
            "1",
            "--format",
            "csv",
            "--excel",
            "--out",
        ])
        .arg(&csv)
        .assert()
        .success()
        .stdout(format!(
            "written: {}\nnote: U+202F written as U+00A0 (Windows-1252 has no U+202F) on line 3\n",
            csv.display()
        ));
    // French Excel's own CSV: `;`, CRLF, Windows-1252 (`«` is AB, `’` is 92), no BOM.
    assert_eq!(
        std::fs::read(&csv).expect("written"),
        b"respondent;question;answer;comment\r\n\
          Claire;sample-cre-01;4;\xAB\xA0tr\xE8s bien\xA0\xBB l\x92\xE9t\xE9\r\n\
          Marc;sample-act-01;2;Vraiment\xA0?\r\n"
    );
    tcm(&db)
        .args(["score", "--questionnaire"])
        .arg(common::sample())
        .arg("--answers")
        .arg(&csv)
        .assert()
        .success();
    // The plain CSV: `,`, LF, UTF-8 with a BOM (a spreadsheet shows the accents), read back
    // by `tcm score` as well.
    let plain = dir.path().join("answers-plain.csv");
    tcm(&db)
        .args(["export", "--assessment", "1", "--format", "csv", "--out"])
        .arg(&plain)
        .assert()
        .success();
    let bytes = std::fs::read(&plain).expect("written");
    assert!(
        bytes.starts_with("\u{feff}respondent,question,answer,comment\n".as_bytes()),
        "{:?}",
        String::from_utf8_lossy(&bytes)
    );
    assert!(String::from_utf8_lossy(&bytes).contains("«\u{a0}très bien\u{a0}»"));
    tcm(&db)
        .args(["score", "--questionnaire"])
        .arg(common::sample())
        .arg("--answers")
        .arg(&plain)
        .assert()
        .success();

    let other = dir.path().join("other.sqlite");
    tcm(&other)
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stdout("imported as assessment 1: Audit 2026\n");
    tcm(&other)
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stdout(
            "assessment 1 (Audit 2026) is already here with the same content: nothing changed\n",
        );
    let scores = |database: &Path| {
        tcm(database)
            .args(["score", "--assessment", "1"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    assert_eq!(scores(&db), scores(&other));

    // Responses from an online form (wide format, French Excel CSV in Windows-1252).
    let form = dir.path().join("formulaire.csv");
    std::fs::write(&form, b"Horodateur;Nom;sample-cre-02 - Connaissez-vous la rentabilit\xe9 ?;sample-pro-01\r\n2026-11-20 10:00;H\xe9l\xe8ne;3;NA\r\n").expect("written");
    tcm(&db)
        .args(["import", "--assessment", "1"])
        .arg(&form)
        .assert()
        .success()
        .stdout("2 answers imported into assessment 1 (1 respondents added, 0 updated)\ncolumns ignored: Horodateur\n");
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "respondent,question,answer\nZoé,sample-cre-01,9\n").expect("written");
    tcm(&db)
        .args(["import", "--assessment", "1"])
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("nothing was imported")
                .and(predicate::str::contains("line 2")),
        );
    tcm(&db)
        .args(["assessment", "show", "1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Hélène").and(predicate::str::contains("Zoé").not()));
}

/// The PDF's text with French typography's no-break spaces read as spaces.
fn pdf_text(path: &Path) -> String {
    common::pdf_text(path).replace(['\u{a0}', '\u{202f}'], " ")
}

#[test]
fn the_demo_writes_its_report_without_touching_the_users_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("demo.pdf");
    Command::cargo_bin("tcm")
        .expect("built")
        .env("XDG_DATA_HOME", dir.path().join("home-data"))
        .env_remove("TCM_DB")
        .args(["demo", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "the temporary demo database was removed",
        ));
    let text = pdf_text(&out);
    for expected in [
        "Menuiseries Delorme & Fils",
        "Plan d’action",
        "Créative",
        "Active",
        "Curative",
        "Préventive",
        "Proactive",
        "« ",
    ] {
        assert!(
            text.contains(expected),
            "`{expected}` missing from the demo report"
        );
    }
    assert!(
        !dir.path().join("home-data").exists(),
        "the default database was not created"
    );
}

#[test]
fn a_stored_assessment_gets_its_report() {
    let (dir, db) = setup();
    tcm(&db)
        .args(["answer", "--assessment", "1", "--stdin"])
        .write_stdin("Claire,sample-cre-01,1,\nClaire,sample-cur-01,0,« à reprendre »\n")
        .assert()
        .success();
    let out = dir.path().join("report.pdf");
    tcm(&db)
        .args(["report", "--assessment", "1", "--lang", "en", "--out"])
        .arg(&out)
        .assert()
        .success();
    let text = pdf_text(&out);
    assert!(text.contains("Action plan") && text.contains("Maison Durand"));
    tcm(&db)
        .args(["report", "--assessment", "7", "--out"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr("error: assessment 7 does not exist\n");
}

#[test]
fn live_refuses_to_listen_everywhere_or_on_an_unknown_stage() {
    let (_dir, db) = setup();
    tcm(&db)
        .args(["live", "--assessment", "1", "--bind", "0.0.0.0:0"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("not on 0.0.0.0"));
    tcm(&db)
        .args([
            "live",
            "--assessment",
            "1",
            "--bind",
            "127.0.0.1:0",
            "--stage",
            "nowhere",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no stage « nowhere »"));
    tcm(&db)
        .args(["live", "--assessment", "99", "--bind", "127.0.0.1:0"])
        .assert()
        .failure();
}

#[test]
fn a_device_as_database_is_named_as_such() {
    tcm(Path::new("/dev/null"))
        .args(["assessment", "list"])
        .assert()
        .code(1)
        .stderr(
            "error: /dev/null is a device or a special file, not a database file: name a file (a new database is created where none exists)\n",
        );
}

#[test]
fn texts_too_long_or_made_of_control_characters_get_clear_messages() {
    let (_dir, db) = setup();
    let long_name = "x".repeat(100_000);
    tcm(&db)
        .args(["org", "add", "--name", &long_name, "--sector", "retail"])
        .assert()
        .code(1)
        .stderr(
            "error: the organisation's name is 100000 characters long; it holds at most 200: shorten it\n",
        );
    tcm(&db)
        .args(["answer", "--assessment", "1", "--stdin"])
        .write_stdin("\0\0\0,sample-cre-01,3\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "the respondent's name or label is empty once its control characters (such as NUL) are removed",
        ))
        .stderr(predicate::str::contains("CHECK constraint").not());
    // Control characters are stripped on the way in: the terminal never receives them.
    common::answer(&db, 1, "Zo\u{1b}[2Jé\u{7}", "sample-cre-01", "3")
        .assert()
        .success();
    tcm(&db)
        .args(["assessment", "show", "1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Zo[2Jé"))
        .stdout(predicate::str::contains("\u{1b}").not())
        .stdout(predicate::str::contains("\u{7}").not());
}
