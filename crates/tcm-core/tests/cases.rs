//! Case files: parsing with located diagnostics, and checking against a questionnaire.

use tcm_core::Questionnaire;
use tcm_core::case::{is_case_file, parse_case_file};
use tcm_core::grading::KeyAnswer;

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");

fn sample() -> Questionnaire {
    Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid sample")
}

const IDS: [&str; 10] = [
    "sample-cre-01",
    "sample-cre-02",
    "sample-act-01",
    "sample-act-02",
    "sample-cur-01",
    "sample-cur-02",
    "sample-pre-01",
    "sample-pre-02",
    "sample-pro-01",
    "sample-pro-02",
];

/// A valid case against the sample questionnaire, key entries in reverse order.
fn valid_case() -> String {
    let mut text = String::from(
        "format = 1\nid = \"demo-case\"\nversion = \"1.0.0\"\n\
         title.fr = \"Cas d’essai\"\ntitle.en = \"Test case\"\n\n\
         [questionnaire]\nid = \"sample\"\nversion = \"^1.0\"\n\n\
         [text]\nfr = \"\"\"\n# Une entreprise\n\nElle répond « vite ».\n\"\"\"\n\
         en = \"\"\"\n# A company\n\nIt answers quickly.\n\"\"\"\n",
    );
    for (position, id) in IDS.iter().enumerate().rev() {
        let answer = if position == 5 {
            "\"NA\"".to_owned()
        } else {
            (position % 5).to_string()
        };
        text.push_str(&format!(
            "\n[[key]]\nquestion = \"{id}\"\nanswer = {answer}\n\
             justification.fr = \"Le texte le dit.\"\njustification.en = \"The text says so.\"\n"
        ));
    }
    text
}

fn problems(text: &str) -> Vec<String> {
    match parse_case_file(text, "case.toml") {
        Err(invalid) => invalid
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect(),
        Ok(spec) => match spec.check(&sample()) {
            Err(invalid) => invalid
                .diagnostics
                .iter()
                .map(ToString::to_string)
                .collect(),
            Ok(_) => Vec::new(),
        },
    }
}

#[test]
fn a_valid_case_is_read_and_its_key_follows_the_questionnaire_order() {
    let text = valid_case();
    assert!(is_case_file(&text));
    assert!(!is_case_file(SAMPLE));
    let spec = parse_case_file(&text, "case.toml").expect("parses");
    let case = spec.check(&sample()).expect("valid");
    assert_eq!(case.id, "demo-case");
    assert_eq!(case.title.fr, "Cas d’essai");
    assert!(case.text.fr.contains("« vite »"));
    let order: Vec<&str> = case.key.iter().map(|e| e.question.as_str()).collect();
    assert_eq!(order, IDS);
    assert_eq!(case.key[5].answer, KeyAnswer::NotApplicable);
    assert_eq!(
        case.entry("sample-act-01").map(|e| e.answer.to_string()),
        Some("2".to_owned())
    );
    let key = case.grading_key(&sample()).expect("complete");
    assert_eq!(key.answers().len(), 10);
}

/// Replaces the first occurrence of `from` in the valid case.
fn broken(from: &str, to: &str) -> String {
    let text = valid_case();
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

#[test]
fn each_problem_is_reported_with_file_line_and_column() {
    // Line numbers in the valid case: the header ends at line 22; each key entry takes six
    // lines, the first ([[key]] for sample-pro-02) starting at line 23.
    let table: Vec<(String, Vec<&str>)> = vec![
        (
            broken("answer = 4", "answer = 5"),
            vec![
                "case.toml:25:10: `answer` in the key entry for `sample-pro-02` must be a level 0 to 4 or \"NA\", found 5",
            ],
        ),
        (
            broken("answer = 4", "answer = \"?\""),
            vec![
                "case.toml:25:10: `answer` in the key entry for `sample-pro-02` must be a level 0 to 4 or \"NA\", found \"?\" (a key must know the answer)",
            ],
        ),
        (
            broken("justification.en = \"The text says so.\"\n", ""),
            vec![
                "case.toml:26:1: missing English text `justification.en` in the key entry for `sample-pro-02`",
            ],
        ),
        (
            broken("en = \"\"\"\n# A company", "anglais = \"\"\"\n# A company"),
            vec![
                "case.toml:11:1: missing English text `text.en` in the case",
                "case.toml:17:1: unknown key `text.anglais` in the case",
            ],
        ),
        (
            broken(
                "question = \"sample-pro-02\"",
                "question = \"sample-pro-99\"",
            ),
            vec![
                "case.toml:24:12: question `sample-pro-99` is not in `sample` 1.0.0",
                "case.toml:24:1: the key has no entry for question `sample-pro-02`",
            ],
        ),
        (
            broken(
                "question = \"sample-pro-02\"",
                "question = \"sample-pro-01\"",
            ),
            vec![
                "case.toml:30:12: question `sample-pro-01` has two key entries (the first is on line 24)",
            ],
        ),
        (
            broken("version = \"^1.0\"", "version = \"^2.0\""),
            vec![
                "case.toml:7:1: this case needs `sample` version ^2.0, but the questionnaire given is version 1.0.0",
            ],
        ),
        (
            broken("format = 1", "format = 2"),
            vec![
                "case.toml:1:10: unsupported case format 2 (this version of TCM Workbench reads format 1)",
            ],
        ),
        (
            broken(
                "title.en = \"Test case\"\n",
                "title.en = \"Test case\"\nauthor = \"X\"\n",
            ),
            vec!["case.toml:6:1: unknown key `author` in the case"],
        ),
    ];
    for (text, expected) in table {
        assert_eq!(problems(&text), expected, "{text}");
    }
}

#[test]
fn a_syntax_error_is_located_and_nothing_else_is_read() {
    let text = broken("answer = 4", "answer = = 4");
    let found = problems(&text);
    assert!(found[0].starts_with("case.toml:25:"), "{found:?}");
    assert!(
        found
            .iter()
            .all(|problem| problem.contains("TOML syntax error"))
    );
}

#[test]
fn hostile_input_never_panics() {
    for text in [
        "",
        "questionnaire = 3",
        "[questionnaire]\n",
        "key = [1, 2]",
        "\u{0}\u{ffff}",
    ] {
        assert!(parse_case_file(text, "x.toml").is_err(), "{text:?}");
    }
}
