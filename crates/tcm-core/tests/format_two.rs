//! Format 2 of questionnaire files: rubrics, dependencies, "may not apply" notes and quotes,
//! and format-1 files (old snapshots) still read and written back unchanged.

use tcm_core::questionnaire::Questionnaire;
use tcm_core::{Level, QuestionId};

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");

const RUBRIC: &str = r#"rubric.fr = ["Rien.", "Ponctuel.", "Écrit.", "Partout, mesuré.", "Amélioré avec les clients."]
rubric.en = ["Nothing.", "Occasional.", "Written.", "Everywhere, measured.", "Improved with customers."]
"#;

/// The sample in format 2: every question gets `extra` (after its id line), plus a rubric
/// unless `with_rubric` is false.
fn sample_v2(with_rubric: bool, extra: impl Fn(&str) -> String) -> String {
    let mut out = String::new();
    for line in SAMPLE.lines() {
        if line == "format = 1" {
            out.push_str("format = 2\n");
            continue;
        }
        out.push_str(line);
        out.push('\n');
        if let Some(id) = line
            .strip_prefix("id = \"sample-")
            .and_then(|rest| rest.strip_suffix('"'))
        {
            if with_rubric {
                out.push_str(RUBRIC);
            }
            out.push_str(&extra(id));
        }
    }
    out
}

fn messages(text: &str) -> Vec<String> {
    Questionnaire::from_toml(text, "v2.toml")
        .expect_err("invalid")
        .diagnostics
        .into_iter()
        .map(|diagnostic| diagnostic.message)
        .collect()
}

#[test]
fn format_two_requires_a_rubric_on_every_question() {
    let found = messages(&sample_v2(false, |_| String::new()));
    assert_eq!(found.len(), 10, "{found:?}");
    assert!(found.contains(&"missing `rubric` in question `sample-cre-01`".to_owned()));
}

#[test]
fn a_format_two_file_reads_its_new_keys_and_writes_back_the_same() {
    let text = sample_v2(true, |id| {
        match id {
        "cre-02" => "depends_on = [\"sample-cre-01\"]\nquote = \"segmenter\"\n".to_owned(),
        "cur-01" => "may_not_apply.fr = \"Sans rappel possible : N/A.\"\nmay_not_apply.en = \"No recall possible: N/A.\"\n".to_owned(),
        _ => String::new(),
    }
    });
    let grid = Questionnaire::from_toml(&text, "v2.toml").expect("valid format 2");
    let second = grid.question("sample-cre-02").expect("exists");
    assert_eq!(second.depends_on, [QuestionId::new("sample-cre-01")]);
    assert_eq!(second.quote.as_deref(), Some("segmenter"));
    let rubric = second.rubric.as_ref().expect("rubric");
    assert_eq!(rubric.level(Level::MAX).en, "Improved with customers.");
    assert_eq!(rubric.levels()[2].fr, "Écrit.");
    let note = grid
        .question("sample-cur-01")
        .and_then(|question| question.may_not_apply.as_ref())
        .expect("note");
    assert_eq!(note.en, "No recall possible: N/A.");
    let written = grid.to_toml();
    assert!(written.starts_with("format = 2\n"));
    let again = Questionnaire::from_toml(&written, "snapshot.toml").expect("valid snapshot");
    assert_eq!(again, grid);
}

#[test]
fn a_format_one_snapshot_stays_format_one() {
    let grid = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
    assert_eq!(grid.format(), 1);
    let written = grid.to_toml();
    assert!(written.starts_with("format = 1\n"));
    assert!(!written.contains("rubric"));
    assert_eq!(
        Questionnaire::from_toml(&written, "snapshot.toml").expect("valid"),
        grid
    );
}

#[test]
fn a_rubric_needs_five_levels_in_both_languages() {
    let text = sample_v2(false, |id| {
        if id == "cre-01" {
            "rubric.fr = [\"a\", \"b\", \"c\", \"d\"]\nrubric.en = [\"a\", \"b\", \"c\", \"d\", \"\"]\n"
                .to_owned()
        } else {
            RUBRIC.to_owned()
        }
    });
    let found = messages(&text);
    assert_eq!(
        found,
        [
            "`rubric.fr` in question `sample-cre-01` must list the five levels 0 to 4, found 4 entries",
            "level 4 of `rubric.en` in question `sample-cre-01` is empty"
        ]
    );
}

#[test]
fn dependencies_must_name_other_questions_without_cycles() {
    let unknown = messages(&sample_v2(true, |id| match id {
        "cre-01" => "depends_on = [\"sample-zzz\"]\n".to_owned(),
        "cre-02" => "depends_on = [\"sample-cre-02\"]\n".to_owned(),
        _ => String::new(),
    }));
    assert_eq!(
        unknown,
        [
            "question `sample-cre-01` depends on `sample-zzz`, which is not in the questionnaire",
            "question `sample-cre-02` depends on itself"
        ]
    );
    let cycle = messages(&sample_v2(true, |id| match id {
        "cre-01" => "depends_on = [\"sample-act-01\"]\n".to_owned(),
        "act-01" => "depends_on = [\"sample-pro-02\"]\n".to_owned(),
        "pro-02" => "depends_on = [\"sample-cre-01\"]\n".to_owned(),
        _ => String::new(),
    }));
    assert_eq!(cycle.len(), 1, "{cycle:?}");
    assert!(
        cycle[0].starts_with("`depends_on` forms a cycle: "),
        "{cycle:?}"
    );
    assert!(cycle[0].contains("sample-cre-01 → sample-act-01 → sample-pro-02 → sample-cre-01"));
    let repeated = messages(&sample_v2(true, |id| match id {
        "cre-02" => "depends_on = [\"sample-cre-01\", \"sample-cre-01\"]\n".to_owned(),
        _ => String::new(),
    }));
    assert_eq!(
        repeated,
        ["`depends_on` in question `sample-cre-02` lists `sample-cre-01` twice"]
    );
}
