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

/// An answer sheet of one respondent from `(question suffix, answer)` pairs.
fn sheet(answers: &[(&str, &str)]) -> tcm_core::AnswerSheet {
    let mut sheet = tcm_core::AnswerSheet::new();
    for (question, answer) in answers {
        sheet
            .record(
                tcm_core::Respondent::new("ann"),
                tcm_core::QuestionId::new(format!("sample-{question}")),
                tcm_core::Response {
                    answer: answer.parse().expect("valid answer"),
                    comment: None,
                },
            )
            .expect("no duplicate");
    }
    sheet
}

/// One comparison across versions: the mapping of `sample-pro-02`, both audits, and the
/// expected proactive and créative scores of each side over the mapped questions.
struct ComparisonCase {
    name: &'static str,
    pro_02: &'static str,
    new_list: &'static str,
    old_answers: &'static [(&'static str, &'static str)],
    new_answers: &'static [(&'static str, &'static str)],
    questions: usize,
    /// (stage, old score, new score)
    stages: &'static [(tcm_core::StageId, Option<f64>, Option<f64>)],
}

const COMPARISONS: &[ComparisonCase] = &[
    ComparisonCase {
        // pro-02 merged: proactive rests on pro-01 alone on both sides, 2/4 = 50 and 4/4 =
        // 100; pro-02 (0) and the new pro-03 (0) play no part. Créative: (2×4+1×0)/12 = 66.7
        // on both sides.
        name: "a merged question and a new one are left out of both sides",
        pro_02: "{ merged_into = \"sample-pro-01\" }",
        new_list: "\"sample-pro-03\"",
        old_answers: &[
            ("pro-01", "2"),
            ("pro-02", "0"),
            ("cre-01", "4"),
            ("cre-02", "0"),
        ],
        new_answers: &[
            ("pro-01", "4"),
            ("pro-03", "0"),
            ("cre-01", "4"),
            ("cre-02", "0"),
        ],
        questions: 9,
        stages: &[
            (tcm_core::StageId::Proactive, Some(50.0), Some(100.0)),
            (tcm_core::StageId::Creative, Some(66.7), Some(66.7)),
            (tcm_core::StageId::Active, None, None),
        ],
    },
    ComparisonCase {
        // Only pro-02 answered on the old side, only pro-03 on the new: nothing to compare in
        // proactive, though each full audit has a proactive score.
        name: "answers only to unmapped questions give no stage score",
        pro_02: "\"removed\"",
        new_list: "\"sample-pro-03\"",
        old_answers: &[("pro-02", "3")],
        new_answers: &[("pro-03", "1")],
        questions: 9,
        stages: &[(tcm_core::StageId::Proactive, None, None)],
    },
    ComparisonCase {
        // A question NA on one side stays out of that side only: old curative = cur-02 alone
        // 1/4 = 25; new curative = (2×3 + 1×1)/12 = 58.3.
        name: "NA on one side leaves the question out of that side",
        pro_02: "\"removed\"",
        new_list: "\"sample-pro-03\"",
        old_answers: &[("cur-01", "NA"), ("cur-02", "1")],
        new_answers: &[("cur-01", "3"), ("cur-02", "1")],
        questions: 9,
        stages: &[(tcm_core::StageId::Curative, Some(25.0), Some(58.3))],
    },
];

#[test]
fn comparison_across_versions_rests_on_the_mapped_questions() {
    use tcm_core::questionnaire::compare_across_versions;
    let (old, new) = (old(), new());
    for case in COMPARISONS {
        let text = mapping("", case.pro_02, case.new_list);
        let mapping = QuestionMapping::from_toml(&text, "map.toml").expect("parses");
        mapping.check(&old, &new).expect("covers both versions");
        let old_card = tcm_core::score(&old, &sheet(case.old_answers));
        let new_card = tcm_core::score(&new, &sheet(case.new_answers));
        let comparison = compare_across_versions(&old, &old_card, &new, &new_card, &mapping);
        assert_eq!(comparison.questions, case.questions, "{}", case.name);
        assert_eq!(comparison.old.len(), 5, "{}", case.name);
        assert_eq!(comparison.new.len(), 5, "{}", case.name);
        for (stage, old_score, new_score) in case.stages {
            let of = |stages: &[tcm_core::scoring::StageScore]| {
                stages
                    .iter()
                    .find(|score| score.stage == *stage)
                    .and_then(|score| score.result.score)
                    .map(tcm_core::Score::rounded)
            };
            assert_eq!(
                of(&comparison.old),
                *old_score,
                "{}: old {stage:?}",
                case.name
            );
            assert_eq!(
                of(&comparison.new),
                *new_score,
                "{}: new {stage:?}",
                case.name
            );
        }
    }
}

#[test]
fn the_comparison_counts_only_pairs_present_in_both_versions() {
    use tcm_core::questionnaire::compare_across_versions;
    let (old, new) = (old(), new());
    // cre-02 declared removed: one pair fewer (the mapping no longer checks, but the count
    // must still follow it).
    let text = mapping("", "\"removed\"", "\"sample-pro-03\"").replace(
        "sample-cre-02 = \"reworded\"",
        "sample-cre-02 = \"removed\"",
    );
    let mapping = QuestionMapping::from_toml(&text, "map.toml").expect("parses");
    let answers = sheet(&[("cre-01", "0"), ("cre-02", "4")]);
    let comparison = compare_across_versions(
        &old,
        &tcm_core::score(&old, &answers),
        &new,
        &tcm_core::score(&new, &answers),
        &mapping,
    );
    assert_eq!(comparison.questions, 8);
    let creative = &comparison.old[0];
    assert_eq!(creative.result.questions, 1);
    assert_eq!(
        creative.result.score.map(tcm_core::Score::rounded),
        Some(0.0)
    );
}
