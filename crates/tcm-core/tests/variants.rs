//! Variant files: a subset of a base questionnaire's question ids, resolved against the base.

use tcm_core::questionnaire::{QuestionnaireFile, VariantSpec, parse_questionnaire_file};
use tcm_core::{Questionnaire, Score, StageId};

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");

fn variant(questions: &str, base_version: &str) -> String {
    format!(
        "format = 1\nid = \"sample-short\"\nversion = \"1.0.0\"\ntitle.fr = \"Court\"\ntitle.en = \"Short\"\n\
         questions = [{questions}]\n\n[base]\nid = \"sample\"\nversion = \"{base_version}\"\n"
    )
}

fn spec(text: &str) -> VariantSpec {
    match parse_questionnaire_file(text, "short.toml").expect("valid variant file") {
        QuestionnaireFile::Variant(spec) => spec,
        QuestionnaireFile::Grid(_) => panic!("read as a grid"),
    }
}

const FIVE: &str =
    "\"sample-cre-01\", \"sample-act-01\", \"sample-cur-01\", \"sample-pre-01\", \"sample-pro-01\"";

#[test]
fn a_variant_keeps_the_base_questions_and_its_order() {
    let base = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
    let short = spec(&variant(FIVE, "^1.0"))
        .resolve(&base)
        .expect("resolves");
    assert_eq!(short.id(), "sample-short");
    assert_eq!(short.questions().len(), 5);
    assert_eq!(
        short.variant_of().map(|origin| origin.id.as_str()),
        Some("sample")
    );
    assert_eq!(
        short.question("sample-cre-01"),
        base.question("sample-cre-01")
    );
    let themes: Vec<&str> = short
        .themes()
        .iter()
        .map(|theme| theme.id.as_str())
        .collect();
    assert_eq!(
        themes,
        [
            "segmentation",
            "satisfaction",
            "complaints",
            "dormant-customers",
            "co-design"
        ]
    );
    assert_eq!(short.stages().len(), 5);
    assert_eq!(short.scale(), base.scale());
}

#[test]
fn variant_scores_are_comparable_with_the_base() {
    use tcm_core::{AnswerSheet, QuestionId, Respondent, Response};
    let base = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
    let short = spec(&variant(FIVE, "^1")).resolve(&base).expect("resolves");
    let mut answers = AnswerSheet::new();
    for id in [
        "sample-cre-01",
        "sample-act-01",
        "sample-cur-01",
        "sample-pre-01",
        "sample-pro-01",
    ] {
        answers.set(
            Respondent::new("ann"),
            QuestionId::new(id),
            Response {
                answer: "3".parse().expect("answer"),
                comment: None,
            },
        );
    }
    let on_short = tcm_core::score(&short, &answers);
    let on_base = tcm_core::score(&base, &answers);
    for stage in StageId::ALL {
        let short_score = on_short
            .stage(stage)
            .and_then(|s| s.result.score)
            .map(Score::rounded);
        let base_score = on_base
            .stage(stage)
            .and_then(|s| s.result.score)
            .map(Score::rounded);
        assert_eq!(short_score, base_score, "{stage}");
    }
    assert_eq!(
        on_short.stage(StageId::Creative).map(|s| s.result.coverage),
        Some(Some(1.0))
    );
}

#[test]
fn an_unknown_question_is_reported_where_it_is_cited() {
    let base = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
    let text = variant(
        "\"sample-cre-01\", \"sample-act-01\", \"sample-cur-09\"",
        "^1.0",
    );
    let error = spec(&text).resolve(&base).expect_err("unknown id");
    let messages: Vec<String> = error.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        ["short.toml:6:48: question `sample-cur-09` is not in `sample`"]
    );
}

#[test]
fn a_base_of_the_wrong_version_is_refused() {
    let base = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
    let error = spec(&variant(FIVE, "^2.0"))
        .resolve(&base)
        .expect_err("version");
    assert!(
        error.report().contains(
            "this variant needs `sample` version ^2.0, but the base given is version 1.0.0"
        ),
        "{}",
        error.report()
    );
}

#[test]
fn a_variant_missing_a_stage_is_refused() {
    let base = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
    let error = spec(&variant("\"sample-cre-01\"", "^1"))
        .resolve(&base)
        .expect_err("stages");
    assert!(
        error
            .report()
            .contains("the variant has no question in stage `active`"),
        "{}",
        error.report()
    );
}

#[test]
fn a_variant_file_is_checked_for_duplicates_and_shape() {
    let text = variant("\"sample-cre-01\", \"sample-cre-01\", 3", "^1");
    let error = parse_questionnaire_file(&text, "short.toml").expect_err("invalid");
    let report = error.report();
    assert!(
        report.contains("question `sample-cre-01` is listed twice"),
        "{report}"
    );
    assert!(
        report.contains("must be a question id (a string) or a table with `id`, found an integer"),
        "{report}"
    );
    let bare =
        Questionnaire::from_toml(&variant(FIVE, "^1"), "short.toml").expect_err("needs base");
    assert!(
        bare.report()
            .contains("this file is a variant of `sample`; load it together with its base")
    );
}

#[test]
fn a_questionnaire_written_as_toml_reads_back_the_same() {
    let base = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
    let again = Questionnaire::from_toml(&base.to_toml(), "snapshot.toml").expect("valid snapshot");
    assert_eq!(again, base);
    let short = spec(&variant(FIVE, "^1.0"))
        .resolve(&base)
        .expect("resolves");
    let again =
        Questionnaire::from_toml(&short.to_toml(), "snapshot.toml").expect("valid snapshot");
    assert_eq!(again, short);
    assert_eq!(
        again.variant_of().map(|origin| origin.id.as_str()),
        Some("sample")
    );
}

#[test]
fn a_variant_entry_may_tell_students_what_to_look_for() {
    let base = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
    let questions = "{ id = \"sample-cre-01\", look_for = { fr = \"Les segments décrits.\", en = \"The segments described.\" } }, \
                     \"sample-act-01\", \"sample-cur-01\", \"sample-pre-01\", \"sample-pro-01\"";
    let short = spec(&variant(questions, "^1.0"))
        .resolve(&base)
        .expect("resolves");
    let look_for = short
        .question("sample-cre-01")
        .and_then(|question| question.look_for.clone())
        .expect("set by the variant");
    assert_eq!(look_for.fr, "Les segments décrits.");
    assert_eq!(look_for.en, "The segments described.");
    assert_eq!(
        short
            .question("sample-act-01")
            .and_then(|q| q.look_for.clone()),
        None
    );
    // The snapshot of the resolved variant keeps the line.
    let again = Questionnaire::from_toml(&short.to_toml(), "snapshot.toml").expect("round trip");
    assert_eq!(again, short);
}

#[test]
fn a_look_for_line_needs_both_languages_and_an_id() {
    let questions = "{ id = \"sample-cre-01\", look_for = { fr = \"Seulement en français.\" } }, \
                     { look_for = { fr = \"a\", en = \"b\" } }, 3";
    let text = variant(questions, "^1.0");
    let problems: Vec<String> = match parse_questionnaire_file(&text, "short.toml") {
        Err(invalid) => invalid
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect(),
        Ok(_) => panic!("accepted"),
    };
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(
        problems[0].contains("missing English text `look_for.en`"),
        "{problems:?}"
    );
    assert!(
        problems[1].contains("missing `id` in an entry of `questions`"),
        "{problems:?}"
    );
    assert!(
        problems[2].contains("or a table with `id`, found an integer"),
        "{problems:?}"
    );
    assert!(
        problems.iter().all(|p| p.starts_with("short.toml:6:")),
        "{problems:?}"
    );
}
