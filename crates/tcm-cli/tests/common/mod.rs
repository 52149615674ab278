//! What the CLI's integration tests share: `tcm` run on a given database, the sample
//! questionnaire, a fresh database holding one organisation and one assessment of it, one
//! holding the demo, and a PDF's text.
//! (Each test file uses some of these, so the rest is dead code there.)
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// `tcm --db <db>`, whatever `TCM_DB` says in the environment.
pub fn tcm(db: &Path) -> Command {
    let mut command = Command::cargo_bin("tcm").expect("built");
    command.arg("--db").arg(db).env_remove("TCM_DB");
    command
}

/// The repository's sample questionnaire (10 questions).
pub fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../questionnaires/sample.toml")
}

/// A temporary folder holding `tcm.sqlite` with organisation 1 « Maison Durand »
/// (`organisation` adds to `org add --name "Maison Durand"`) and assessment 1 on the sample
/// questionnaire (`assessment` adds to `assessment new --org "Maison Durand"`, the title
/// among them), and what both commands printed.
pub fn database_with_assessment(
    organisation: &[&str],
    assessment: &[&str],
) -> (tempfile::TempDir, PathBuf, [String; 2]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("tcm.sqlite");
    let printed = |command: &mut Command| {
        String::from_utf8(command.assert().success().get_output().stdout.clone()).expect("UTF-8")
    };
    let added = printed(
        tcm(&db)
            .args(["org", "add", "--name", "Maison Durand"])
            .args(organisation),
    );
    let started = printed(
        tcm(&db)
            .args(["assessment", "new", "--org", "Maison Durand"])
            .args(assessment)
            .arg("--questionnaire")
            .arg(sample()),
    );
    (dir, db, [added, started])
}

/// A temporary folder holding `tcm.sqlite` with the demo (`tcm demo`: assessments 1 and 2 of
/// « Menuiseries Delorme & Fils »).
pub fn demo_database() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("tcm.sqlite");
    tcm(&db)
        .args(["demo", "--out"])
        .arg(dir.path().join("demo.pdf"))
        .assert()
        .success();
    (dir, db)
}

/// A PDF's text as poppler's `pdftotext` reads it.
pub fn pdf_text(path: &Path) -> String {
    let output = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    assert!(output.status.success(), "pdftotext read {}", path.display());
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// `tcm answer` giving `respondent`'s answer `value` to `question` in `assessment`, ready to
/// run and assert on.
pub fn answer(
    db: &Path,
    assessment: u32,
    respondent: &str,
    question: &str,
    value: &str,
) -> Command {
    let mut command = tcm(db);
    command
        .args(["answer", "--assessment", &assessment.to_string()])
        .args([
            "--respondent",
            respondent,
            "--question",
            question,
            "--value",
            value,
        ]);
    command
}
