//! The `tcm` command-line contract: exit codes, stdout and stderr, as other tools see them.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{Value, json};
use tcm_core::vocabulary::OVERALL_INDEX;

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sample() -> PathBuf {
    repository().join("questionnaires/sample.toml")
}

fn tcm() -> Command {
    Command::cargo_bin("tcm").expect("the tcm binary is built")
}

fn write(dir: &tempfile::TempDir, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, content).expect("written");
    path
}

#[test]
fn validate_prints_a_one_line_summary() {
    tcm()
        .arg("validate")
        .arg(sample())
        .assert()
        .success()
        .stdout(predicate::str::ends_with(
            "sample 1.0.0 is valid: 10 questions (creative 2, active 2, curative 2, preventive 2, proactive 2)\n",
        ))
        .stderr("");
}

#[test]
fn validate_lists_every_problem_on_stderr_and_exits_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(sample())
        .expect("sample")
        .replacen("weight = 2", "weight = 0", 1)
        .replacen(
            "theme = \"complaints\"\nweight = 2",
            "theme = \"complain\"\nweight = 2",
            1,
        );
    let file = write(&dir, "broken.toml", text.as_bytes());
    let output = tcm()
        .arg("validate")
        .arg(&file)
        .assert()
        .code(1)
        .stdout("")
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(output).expect("utf-8");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    let name = file.display().to_string();
    assert!(
        lines[0].starts_with(&format!(
            "{name}:122:10: `weight` of question `sample-cre-01` must be greater than 0"
        )),
        "{stderr}"
    );
    assert_eq!(
        lines[1],
        format!("{name}:187:9: unknown theme `complain` in question `sample-cur-01`")
    );
}

#[test]
fn validate_names_an_unreadable_file() {
    tcm()
        .args(["validate", "no/such/file.toml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "cannot read questionnaire no/such/file.toml",
        ));
}

#[test]
fn validate_refuses_a_binary_file_with_its_location() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(&dir, "binary.toml", b"id = \"x\"\n\xff\xfe\x00garbage");
    tcm()
        .arg("validate")
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(":2:1: the file is not UTF-8 text"));
}

#[test]
fn validate_resolves_a_variant_against_its_base_in_the_same_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        &dir,
        "sample.toml",
        &std::fs::read(sample()).expect("sample"),
    );
    let variant = "format = 1\nid = \"sample-short\"\nversion = \"1.0.0\"\ntitle.fr = \"Court\"\ntitle.en = \"Short\"\n\
                   questions = [\"sample-cre-01\", \"sample-act-01\", \"sample-cur-01\", \"sample-pre-01\", \"sample-pro-01\"]\n\
                   [base]\nid = \"sample\"\nversion = \"^1.0\"\n";
    let file = write(&dir, "short.toml", variant.as_bytes());
    tcm()
        .arg("validate")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "sample-short 1.0.0 (variant of sample 1.0.0) is valid: 5 questions (creative 1, active 1, curative 1, preventive 1, proactive 1)",
        ));
    std::fs::remove_file(dir.path().join("sample.toml")).expect("removed");
    tcm()
        .arg("validate")
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "is a variant of `sample`, but its base",
        ));
}

fn score_json(answers: &[u8]) -> Value {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(&dir, "answers.csv", answers);
    let output = tcm()
        .args(["score", "--questionnaire"])
        .arg(sample())
        .arg("--answers")
        .arg(&file)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&output).expect("JSON on stdout")
}

#[test]
fn score_prints_the_json_contract() {
    let value = score_json(
        "respondent;question;answer;comment\r\nAnne;sample-cre-01;4;\"très bien, « vraiment »\"\r\nAnne;sample-cre-02;1;\r\nBob;sample-act-01;2;\r\nBob;sample-act-02;NA;\r\n".as_bytes(),
    );
    // creative (2×4 + 1×1)/12 = 75.0; active: act-01 = 2 (weight 2), act-02 NA → 2/4 = 50.0;
    // overall (75 + 50)/2 = 62.5.
    assert_eq!(
        value,
        json!({
            "questionnaire": {"id": "sample", "version": "1.0.0"},
            "respondents": 2,
            "overall": 62.5,
            "level": 4,
            "stages": [
                {"id": "creative", "score": 75.0, "level": 4, "coverage": 1.0, "answered": 2, "applicable": 2},
                {"id": "active", "score": 50.0, "level": 3, "coverage": 1.0, "answered": 1, "applicable": 1},
                {"id": "curative", "score": null, "level": null, "coverage": 0.0, "answered": 0, "applicable": 2},
                {"id": "preventive", "score": null, "level": null, "coverage": 0.0, "answered": 0, "applicable": 2},
                {"id": "proactive", "score": null, "level": null, "coverage": 0.0, "answered": 0, "applicable": 2}
            ],
            "themes": [
                {"id": "segmentation", "stage": "creative", "score": 100.0, "level": 5},
                {"id": "customer-value", "stage": "creative", "score": 25.0, "level": 2},
                {"id": "satisfaction", "stage": "active", "score": 50.0, "level": 3},
                {"id": "complaints", "stage": "curative", "score": null, "level": null},
                {"id": "dormant-customers", "stage": "preventive", "score": null, "level": null},
                {"id": "co-design", "stage": "proactive", "score": null, "level": null}
            ]
        })
    );
}

#[test]
fn score_json_shape_is_stable() {
    // Overall: (75 + 50)/2 = 62.5 when both stages hold a value.
    let value = score_json(b"respondent,question,answer\nann,sample-cre-01,4\nann,sample-cre-02,1\nann,sample-act-01,2\nann,sample-act-02,2\n");
    assert_eq!(value["overall"], json!(62.5));
    assert_eq!(value["level"], json!(4));
    let stage_keys: Vec<&String> = value["stages"][0]
        .as_object()
        .expect("object")
        .keys()
        .collect();
    assert_eq!(
        stage_keys,
        ["answered", "applicable", "coverage", "id", "level", "score"]
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .iter()
            .collect::<Vec<_>>()
    );
    let theme_keys: Vec<&String> = value["themes"][0]
        .as_object()
        .expect("object")
        .keys()
        .collect();
    assert_eq!(theme_keys.len(), 4);
}

#[test]
fn score_refuses_bad_answers_naming_each_line_and_prints_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(
        &dir,
        "answers.csv",
        b"respondent,question,answer\nann,sample-cre-01,4\nann,sample-xxx,1\nann,sample-cre-02,7\nann,sample-cre-01,2\n",
    );
    let name = file.display().to_string();
    tcm()
        .args(["score", "-q"])
        .arg(sample())
        .arg("-a")
        .arg(&file)
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!(
            "{name}: line 3: unknown question id `sample-xxx` (not in questionnaire `sample`)\n\
             {name}: line 4: invalid answer `7` (expected 0, 1, 2, 3, 4, NA or ?)\n\
             {name}: line 5: respondent `ann` already answered question `sample-cre-01` at line 2\n"
        ));
}

#[test]
fn score_table_speaks_french_by_default_and_english_on_demand() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(
        &dir,
        "answers.csv",
        b"respondent,question,answer\nann,sample-pre-01,3\n",
    );
    tcm()
        .args(["score", "--format", "table", "-q"])
        .arg(sample())
        .arg("-a")
        .arg(&file)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Préventive").and(predicate::str::contains(OVERALL_INDEX.fr)),
        );
    tcm()
        .args(["score", "--format", "table", "--lang", "en", "-q"])
        .arg(sample())
        .arg("-a")
        .arg(&file)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Preventive").and(predicate::str::contains(OVERALL_INDEX.en)),
        );
}

#[test]
fn help_is_clear_and_has_examples() {
    tcm().arg("--help").assert().success().stdout(
        predicate::str::contains("Examples:")
            .and(predicate::str::contains("tcm validate"))
            .and(predicate::str::contains("tcm score")),
    );
    for command in ["validate", "score"] {
        tcm()
            .args([command, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:"));
    }
    tcm()
        .arg("score")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--questionnaire"));
}

#[test]
fn grid_writes_a_blank_printable_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("grille.pdf");
    tcm()
        .args(["grid"])
        .arg(repository().join("questionnaires/tcm-92.toml"))
        .arg("--pdf")
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let bytes = std::fs::read(&out).expect("the PDF is written");
    assert!(bytes.starts_with(b"%PDF-"));
    tcm()
        .args(["grid"])
        .arg(sample())
        .args(["--pdf", "x.pdf", "--out", "y.md"])
        .assert()
        .code(2);
}

// ---------------------------------------------------------------------------------------------
// Case studies

const SHIPPED_CASES: [&str; 3] = [
    "cases/bledina-pas-a-pas.toml",
    "cases/aurore-rappel.toml",
    "cases/banque-riviere-en-ligne.toml",
];

#[test]
fn validate_checks_each_shipped_case_against_its_questionnaire() {
    for case in SHIPPED_CASES {
        tcm()
            .arg("validate")
            .arg(repository().join(case))
            .assert()
            .success()
            .stdout(predicate::str::contains(
                "is valid against tcm-25-classroom 2.0.0: 25 key entries",
            ))
            .stderr("");
    }
}

/// A shipped case copied to a temporary folder with `edit` applied; its questionnaire is
/// then found among the bundled ones.
fn broken_case(dir: &tempfile::TempDir, edit: impl Fn(String) -> String) -> PathBuf {
    let text = std::fs::read_to_string(repository().join("cases/aurore-rappel.toml"))
        .expect("shipped case");
    let edited = edit(text.clone());
    assert_ne!(edited, text, "the edit changed nothing");
    write(dir, "broken-case.toml", edited.as_bytes())
}

fn problems_of(file: &Path) -> Vec<String> {
    let output = tcm()
        .arg("validate")
        .arg(file)
        .assert()
        .code(1)
        .stdout("")
        .get_output()
        .stderr
        .clone();
    String::from_utf8(output)
        .expect("utf-8")
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn validate_reports_a_broken_case_with_file_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Line 127 holds the answer of `cre-07`; its justification starts on line 128 (French)
    // and goes on on line 129 (English).
    let file = broken_case(&dir, |text| {
        text.replacen(
            "question = \"cre-07\"\nanswer = 3",
            "question = \"cre-07\"\nanswer = 9",
            1,
        )
        .replacen(
            "justification.en = \"Registration collects",
            "justification.english = \"Registration collects",
            1,
        )
    });
    let name = file.display().to_string();
    assert_eq!(
        problems_of(&file),
        [
            format!(
                "{name}:127:10: `answer` in the key entry for `cre-07` must be a level 0 to 4 or \"NA\", found 9"
            ),
            format!(
                "{name}:128:1: missing English text `justification.en` in the key entry for `cre-07`"
            ),
            format!(
                "{name}:129:15: unknown key `justification.english` in the key entry for `cre-07`"
            ),
        ]
    );
}

#[test]
fn validate_reports_key_entries_that_do_not_match_the_questionnaire() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = broken_case(&dir, |text| {
        text.replacen("question = \"cre-07\"", "question = \"cre-02\"", 1)
    });
    let name = file.display().to_string();
    assert_eq!(
        problems_of(&file),
        [
            format!("{name}:126:12: question `cre-02` is not in `tcm-25-classroom` 2.0.0"),
            format!("{name}:120:1: the key has no entry for question `cre-07`"),
        ]
    );
}

#[test]
fn case_prints_the_students_copy_or_the_teachers_copy() {
    let case = repository().join("cases/banque-riviere-en-ligne.toml");
    let students = tcm()
        .args(["case", "--lang", "fr"])
        .arg(&case)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let students = String::from_utf8(students).expect("utf-8");
    assert!(students.contains("# Banque Rivière\u{a0}: la relation passe en ligne"));
    assert!(students.contains("*À chercher dans le cas* — "));
    assert!(!students.contains("Corrigé"));
    assert!(!students.contains("The relationship moves online"));
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("teacher.md");
    tcm()
        .args(["case", "--key", "--lang", "en", "--out"])
        .arg(&out)
        .arg(&case)
        .assert()
        .success()
        .stdout("");
    let teacher = std::fs::read_to_string(&out).expect("written");
    assert!(teacher.contains("**Key: 0 — "), "{teacher}");
    assert!(teacher.contains("During the March 2024 outage the bank warns nobody"));
}

#[test]
fn a_class_exercise_is_started_imported_graded_and_exported_from_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("classe.sqlite");
    let output = tcm()
        .arg("--db")
        .arg(&db)
        .args([
            "class",
            "new",
            "--case",
            "aurore-rappel",
            "--class",
            "M2 « test »",
        ])
        .args(["--group", "Groupe 1"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let id = String::from_utf8(output).expect("utf-8").trim().to_owned();
    tcm()
        .arg("--db")
        .arg(&db)
        .args(["class", "list"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("M2 « test »").and(predicate::str::contains("aurore-rappel")),
        );
    let folder = dir.path().join("rendus");
    std::fs::create_dir(&folder).expect("folder");
    std::fs::write(folder.join("abime.tcm"), "{\"format\":").expect("written");
    tcm()
        .arg("--db")
        .arg(&db)
        .args(["class", "import", "--exercise", &id])
        .arg(&folder)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("refused   abime.tcm: ")
                .and(predicate::str::contains("0 imported, 1 refused")),
        );
    let pdf = dir.path().join("debriefing.pdf");
    let xlsx = dir.path().join("classe.xlsx");
    tcm()
        .arg("--db")
        .arg(&db)
        .args(["class", "grade", "--exercise", &id, "--ranking", "--pdf"])
        .arg(&pdf)
        .arg("--xlsx")
        .arg(&xlsx)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Groupe 1")
                .and(predicate::str::contains("most often missed: ")),
        );
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF"));
    assert!(std::fs::read(&xlsx).expect("xlsx").starts_with(b"PK"));
    tcm()
        .arg("--db")
        .arg(&db)
        .args(["class", "new", "--case", "inconnu", "--class", "X"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no case `inconnu` is shipped"));
}
