//! `tcm respondent anonymise|erase` and the anonymous `.tcm` export: scores unchanged where
//! answers are kept, nobody named where the data leaves.

use std::path::{Path, PathBuf};

use predicates::prelude::*;

mod common;

use common::tcm;

/// An assessment on the sample grid answered by Claire and Marc, with comments.
fn answered() -> (tempfile::TempDir, PathBuf) {
    let (dir, db, _) =
        common::database_with_assessment(&["--sector", "retail"], &["--title", "Audit 2026"]);
    tcm(&db)
        .args(["answer", "--assessment", "1", "--stdin"])
        .write_stdin(
            "Claire,sample-cre-01,4,\"Claire dit « zorglub »\"\nClaire,sample-act-01,1,\nMarc,sample-cre-01,2,\"Marc en doute\"\n",
        )
        .assert()
        .success();
    (dir, db)
}

fn scores(db: &Path) -> String {
    let output = tcm(db)
        .args(["score", "--assessment", "1"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(output).expect("UTF-8")
}

#[test]
fn respondents_are_anonymised_and_erased_from_the_command_line() {
    let (dir, db) = answered();
    let before = scores(&db);
    tcm(&db)
        .args([
            "respondent",
            "anonymise",
            "--assessment",
            "1",
            "--respondent",
            "Claire",
        ])
        .assert()
        .success()
        .stdout("respondent 1 anonymised as Participant 1, comments kept; scores unchanged\n");
    assert_eq!(scores(&db), before);

    let file = dir.path().join("anonyme.tcm");
    tcm(&db)
        .args([
            "export",
            "--assessment",
            "1",
            "--format",
            "anonymous-tcm",
            "--out",
        ])
        .arg(&file)
        .assert()
        .success();
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(
        !text.contains("Marc") && !text.contains("zorglub"),
        "{text}"
    );

    tcm(&db)
        .args([
            "respondent",
            "erase",
            "--assessment",
            "1",
            "--respondent",
            "2",
            "--keep-answers",
        ])
        .assert()
        .success()
        .stdout("respondent 2 erased; their answers stay, anonymous (scores unchanged)\n");
    assert_eq!(scores(&db), before);
    let shown = tcm(&db)
        .args(["assessment", "show", "1"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let shown = String::from_utf8(shown).expect("UTF-8");
    assert!(
        shown.contains("Participant 2") && !shown.contains("Marc"),
        "{shown}"
    );

    tcm(&db)
        .args([
            "respondent",
            "erase",
            "--assessment",
            "1",
            "--respondent",
            "Claire",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "assessment 1 has no respondent « Claire »",
        ));
    tcm(&db)
        .args([
            "respondent",
            "erase",
            "--assessment",
            "1",
            "--respondent",
            "Participant 1",
        ])
        .assert()
        .success()
        .stdout("respondent 1 erased with their answers\n");
    assert_ne!(scores(&db), before, "Claire's answers left with her");
}
