//! Responses from form tools through `tcm import` and `tcm score`: errors located on the right
//! line whatever the line endings, 1–5 files, the import report, comments starting with a dash.

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;

mod common;

use common::{sample, tcm};

fn setup() -> (tempfile::TempDir, PathBuf) {
    let (dir, db, _) =
        common::database_with_assessment(&[], &["--title", "Audit 2026", "--mode", "workshop"]);
    (dir, db)
}

#[test]
fn errors_point_at_their_line_with_lf_crlf_and_cr_line_endings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_db_dir, db) = setup();
    for (name, ending) in [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")] {
        let answers = dir.path().join(format!("answers-{name}.csv"));
        let text = [
            "respondent,question,answer",
            "Anne,sample-cre-01,3",
            "",
            "Anne,sample-cre-02,9",
            "",
        ]
        .join(ending);
        std::fs::write(&answers, &text).expect("written");
        Command::cargo_bin("tcm")
            .expect("built")
            .args(["score", "--questionnaire"])
            .arg(sample())
            .arg("--answers")
            .arg(&answers)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("line 4: invalid answer `9`"));
        let form = dir.path().join(format!("form-{name}.csv"));
        let text = ["Nom;sample-cre-01", "Anne;3", "Bob;9", ""].join(ending);
        std::fs::write(&form, &text).expect("written");
        tcm(&db)
            .args(["import", "--assessment", "1"])
            .arg(&form)
            .assert()
            .code(1)
            .stderr(
                predicate::str::contains("line 3: invalid answer `9`")
                    .and(predicate::str::contains("accepted: 0 to 4")),
            );
    }
}

#[test]
fn a_one_to_five_file_is_refused_with_the_way_out_and_read_with_it() {
    let (dir, db) = setup();
    let form = dir.path().join("echelle.csv");
    std::fs::write(
        &form,
        "Nom,sample-cre-01,sample-cre-02\nAnne,5,1\nBob,2,4\n",
    )
    .expect("written");
    tcm(&db)
        .args(["import", "--assessment", "1"])
        .arg(&form)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--scale 1-5").and(predicate::str::contains("line 2")));
    tcm(&db)
        .args(["import", "--assessment", "1", "--scale", "1-5"])
        .arg(&form)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("4 answers imported")
                .and(predicate::str::contains("1–5 scale")),
        );
}

#[test]
fn an_anonymous_export_is_numbered_and_said_so() {
    let (dir, db) = setup();
    let form = dir.path().join("anonyme.csv");
    std::fs::write(
        &form,
        "ID,Start time,Completion time,Email,Name,sample-cre-01\r\n1,x,y,anonymous,,3\r\n2,x,y,anonymous,,NSP\r\n",
    )
    .expect("written");
    tcm(&db)
        .args(["import", "--assessment", "1"])
        .arg(&form)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("(2 respondents added")
                .and(predicate::str::contains(
                    "`Répondant 1`, `Répondant 2`… in file order",
                ))
                .and(predicate::str::contains("no name in `Name`, `Email`")),
        );
}

#[test]
fn a_comment_may_start_with_a_dash() {
    let (_dir, db) = setup();
    common::answer(&db, 1, "Claire", "sample-cre-01", "3")
        .args(["--comment", "- revu en 2026"])
        .assert()
        .success();
}

#[test]
fn tcm_form_writes_each_format_and_its_choices_import_back() {
    let (dir, db) = setup();
    for (format, name) in [
        ("xlsx", "sample-fr-questionnaire.xlsx"),
        ("xlsform", "sample-fr-xlsform.xlsx"),
        ("gs", "sample-fr-google-forms.gs"),
        ("docx", "sample-fr-microsoft-forms.docx"),
        ("lss", "sample-fr-limesurvey.lss"),
        ("choices", "sample-fr-choices.txt"),
    ] {
        tcm(&db)
            .current_dir(dir.path())
            .args(["form", "--format", format])
            .arg(sample())
            .assert()
            .success()
            .stdout(format!("written: {name}\n"));
        assert!(dir.path().join(name).is_file(), "{name}");
    }
    let choices = std::fs::read_to_string(dir.path().join("sample-fr-choices.txt")).expect("read");
    let labels: Vec<&str> = choices.lines().collect();
    assert_eq!(labels[3], "3 - Déployé et mesuré");
    let script =
        std::fs::read_to_string(dir.path().join("sample-fr-google-forms.gs")).expect("read");
    assert!(script.contains("sample-cre-01 — Commentaire"), "{script}");
    let form = dir.path().join("reponses.csv");
    std::fs::write(
        &form,
        format!("Horodateur,Nom,sample-cre-01 — Vos segments…,sample-cre-01 — Commentaire\n2026-11-20,Zoé,{},« à revoir »\n", labels[3]),
    )
    .expect("written");
    tcm(&db)
        .args(["import", "--assessment", "1"])
        .arg(&form)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("1 answers imported"));
}
