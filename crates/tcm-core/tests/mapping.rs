//! Mappings between two versions of a questionnaire: parsing, checking against both
//! versions, and the pairs of questions a comparison across versions rests on.

use tcm_core::Questionnaire;
use tcm_core::questionnaire::{QuestionChange, QuestionMapping};

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");

fn old() -> Questionnaire {
    Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid")
}

/// The sample as a version 2.0.0 where `sample-pro-02` was merged and `sample-pro-03` is new.
fn new() -> Questionnaire {
    let text = SAMPLE
        .replace("version = \"1.0.0\"", "version = \"2.0.0\"")
        .replace("id = \"sample-pro-02\"", "id = \"sample-pro-03\"");
    Questionnaire::from_toml(&text, "sample-2.toml").expect("valid")
}

fn mapping(extra: &str, pro_02: &str, new: &str) -> String {
    let mut text = format!(
        "questionnaire = \"sample\"\nfrom = \"1.0.0\"\nto = \"2.0.0\"\nnew = [{new}]\n{extra}\n[questions]\n"
    );
    for id in [
        "cre-01", "cre-02", "act-01", "act-02", "cur-01", "cur-02", "pre-01", "pre-02", "pro-01",
    ] {
        text.push_str(&format!("sample-{id} = \"reworded\"\n"));
    }
    text.push_str(&format!("sample-pro-02 = {pro_02}\n"));
    text
}

#[test]
fn a_complete_mapping_yields_the_comparable_pairs() {
    let text = mapping(
        "",
        "{ merged_into = \"sample-pro-01\" }",
        "\"sample-pro-03\"",
    );
    let mapping = QuestionMapping::from_toml(&text, "map.toml").expect("parses");
    assert_eq!(
        mapping.change("sample-pro-02"),
        Some(&QuestionChange::MergedInto(tcm_core::QuestionId::new(
            "sample-pro-01"
        )))
    );
    mapping.check(&old(), &new()).expect("covers both versions");
    let pairs = mapping.comparable_pairs(&old(), &new());
    assert_eq!(pairs.len(), 9);
    assert!(pairs.iter().all(|pair| pair.old == pair.new));
    assert!(
        !pairs
            .iter()
            .any(|pair| pair.old.as_str() == "sample-pro-02")
    );
}

#[test]
fn gaps_and_reused_ids_are_reported() {
    // The new question is not listed as new.
    let missing_new = QuestionMapping::from_toml(
        &mapping("", "{ merged_into = \"sample-pro-01\" }", ""),
        "map.toml",
    )
    .expect("parses");
    let problems = missing_new.check(&old(), &new()).expect_err("gap").problems;
    assert_eq!(
        problems,
        ["`sample-pro-03` of the newer version is neither kept, split into, nor listed as new"]
    );
    // A merged id must not come back in the newer version, and targets must exist.
    let reused = QuestionMapping::from_toml(
        &mapping("", "{ merged_into = \"sample-zzz\" }", "\"sample-pro-03\""),
        "map.toml",
    )
    .expect("parses");
    let problems = reused.check(&old(), &old()).expect_err("wrong").problems;
    assert!(
        problems.contains(
            &"`sample-pro-02` is merged into `sample-zzz`, which does not exist".to_owned()
        ),
        "{problems:?}"
    );
    assert!(
        problems.contains(
            &"`sample-pro-02` was removed, merged or split, yet the newer version reuses its id"
                .to_owned()
        ),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|problem| problem.starts_with("the newer questionnaire is `sample` 1.0.0")),
        "{problems:?}"
    );
    // An old question left out.
    let text = mapping("", "\"removed\"", "\"sample-pro-03\"")
        .replace("sample-cre-01 = \"reworded\"\n", "");
    let problems = QuestionMapping::from_toml(&text, "map.toml")
        .expect("parses")
        .check(&old(), &new())
        .expect_err("gap")
        .problems;
    assert_eq!(
        problems,
        [
            "`sample-cre-01` of the older version is not mapped",
            "`sample-cre-01` of the newer version is neither kept, split into, nor listed as new"
        ]
    );
}

#[test]
fn malformed_mappings_are_refused_with_every_problem() {
    let text = mapping("colour = 1", "\"moved\"", "\"sample-pro-03\"");
    let invalid = QuestionMapping::from_toml(&text, "map.toml").expect_err("invalid");
    assert_eq!(invalid.file, "map.toml");
    assert!(
        invalid
            .problems
            .contains(&"unknown key `colour`".to_owned()),
        "{:?}",
        invalid.problems
    );
    assert!(
        invalid
            .problems
            .iter()
            .any(|problem| problem.starts_with("`sample-pro-02` = `moved`")),
        "{:?}",
        invalid.problems
    );
    let split = mapping("", "{ split_into = [\"sample-pro-01\"] }", "");
    let invalid = QuestionMapping::from_toml(&split, "map.toml").expect_err("invalid");
    assert_eq!(
        invalid.problems,
        ["`sample-pro-02` must be split into at least two questions"]
    );
    assert!(QuestionMapping::from_toml("not = [toml", "map.toml").is_err());
}
