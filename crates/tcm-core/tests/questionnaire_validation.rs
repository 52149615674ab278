//! The questionnaire validator on malformed files: every kind of problem, with its line and
//! column, all reported at once, and never a panic.

use tcm_core::questionnaire::{QuestionnaireFile, parse_questionnaire_file};
use tcm_core::{Questionnaire, StageId};

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");

/// Every diagnostic of `text` as `line:column: message`, or nothing when it is valid.
fn diagnostics(text: &str) -> Vec<String> {
    match parse_questionnaire_file(text, "q.toml") {
        Ok(_) => Vec::new(),
        Err(invalid) => {
            assert!(
                invalid.diagnostics.iter().all(|d| d.file == "q.toml"),
                "every diagnostic names the file"
            );
            invalid
                .diagnostics
                .iter()
                .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
                .collect()
        }
    }
}

/// 1-based line and column of the first occurrence of `needle` in `text`.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the mutated text"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The sample with `from` replaced by `to`, once; `from` must be in the sample exactly once.
fn mutate(from: &str, to: &str) -> String {
    assert_eq!(
        SAMPLE.matches(from).count(),
        1,
        "`{from}` must occur exactly once in the sample"
    );
    SAMPLE.replacen(from, to, 1)
}

struct Case {
    name: &'static str,
    from: &'static str,
    to: &'static str,
    /// Where the diagnostic points: a snippet of the mutated text, and an offset in
    /// characters from the snippet's start.
    at: &'static str,
    offset: usize,
    message: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "unknown stage in a question",
        from: "id = \"sample-act-02\"\nstage = \"active\"",
        to: "id = \"sample-act-02\"\nstage = \"actve\"",
        at: "\"actve\"",
        offset: 0,
        message: "unknown stage `actve` (expected one of creative, active, curative, preventive, proactive) in question `sample-act-02`",
    },
    Case {
        name: "unknown stage in the stages list",
        from: "id = \"proactive\"\nname.fr",
        to: "id = \"proactiv\"\nname.fr",
        at: "\"proactiv\"",
        offset: 0,
        message: "unknown stage `proactiv` (expected one of creative, active, curative, preventive, proactive)",
    },
    Case {
        name: "duplicate question id",
        from: "id = \"sample-act-02\"",
        to: "id = \"sample-act-01\"",
        at: "\"sample-act-01\"\nstage = \"active\"\ntheme = \"satisfaction\"\nsource",
        offset: 0,
        message: "duplicate question id `sample-act-01` (first defined at line 152)",
    },
    Case {
        name: "missing English text",
        from: "text.en = \"Do you track the complaint resolution rate?\"\n",
        to: "",
        at: "text.fr = \"Suivez-vous le taux",
        offset: 0,
        message: "missing English text `text.en` in question `sample-cur-02`",
    },
    Case {
        name: "missing French help",
        from: "help.fr = \"0\u{a0}: non\u{202f}; 4\u{a0}: taux suivi par canal, objectif fixé et atteint.\"\n",
        to: "",
        at: "help.en = \"0: no; 4: rate tracked",
        offset: 0,
        message: "missing French text `help.fr` in question `sample-cur-02`",
    },
    Case {
        name: "empty text",
        from: "text.en = \"Do you track the complaint resolution rate?\"",
        to: "text.en = \"  \"",
        at: "\"  \"",
        offset: 0,
        message: "`text.en` in question `sample-cur-02` is empty",
    },
    Case {
        name: "weight of zero",
        from: "theme = \"segmentation\"\nweight = 2",
        to: "theme = \"segmentation\"\nweight = 0",
        at: "weight = 0",
        offset: 9,
        message: "`weight` of question `sample-cre-01` must be greater than 0, found 0",
    },
    Case {
        name: "negative weight",
        from: "theme = \"segmentation\"\nweight = 2",
        to: "theme = \"segmentation\"\nweight = -1.5",
        at: "weight = -1.5",
        offset: 9,
        message: "`weight` of question `sample-cre-01` must be greater than 0, found -1.5",
    },
    Case {
        name: "weight too large to score (1e308 made every score NaN)",
        from: "theme = \"segmentation\"\nweight = 2",
        to: "theme = \"segmentation\"\nweight = 1e308",
        at: "weight = 1e308",
        offset: 9,
        message: "`weight` of question `sample-cre-01` must be at most 100, found 1e308",
    },
    Case {
        name: "weight just over the bound",
        from: "theme = \"segmentation\"\nweight = 2",
        to: "theme = \"segmentation\"\nweight = 100.5",
        at: "weight = 100.5",
        offset: 9,
        message: "`weight` of question `sample-cre-01` must be at most 100, found 100.5",
    },
    Case {
        name: "infinite weight",
        from: "theme = \"segmentation\"\nweight = 2",
        to: "theme = \"segmentation\"\nweight = inf",
        at: "weight = inf",
        offset: 9,
        message: "`weight` of question `sample-cre-01` must be a finite number, found inf",
    },
    Case {
        name: "weight that is not a number",
        from: "theme = \"segmentation\"\nweight = 2",
        to: "theme = \"segmentation\"\nweight = nan",
        at: "weight = nan",
        offset: 9,
        message: "`weight` of question `sample-cre-01` must be a finite number, found NaN",
    },
    Case {
        name: "weight of the wrong kind",
        from: "theme = \"segmentation\"\nweight = 2",
        to: "theme = \"segmentation\"\nweight = \"2\"",
        at: "weight = \"2\"",
        offset: 9,
        message: "`weight` in question `sample-cre-01` must be a number, found a string",
    },
    Case {
        name: "unknown theme",
        from: "stage = \"curative\"\ntheme = \"complaints\"\nweight = 2",
        to: "stage = \"curative\"\ntheme = \"complaint\"\nweight = 2",
        at: "\"complaint\"",
        offset: 0,
        message: "unknown theme `complaint` in question `sample-cur-01`",
    },
    Case {
        name: "theme of another stage",
        from: "stage = \"curative\"\ntheme = \"complaints\"\nweight = 2",
        to: "stage = \"curative\"\ntheme = \"satisfaction\"\nweight = 2",
        at: "\"satisfaction\"\nweight = 2\nsource = \"Ohana, ch. 6",
        offset: 0,
        message: "theme `satisfaction` belongs to stage `active`, but question `sample-cur-01` is in stage `curative`",
    },
    Case {
        name: "effort out of range",
        from: "action.effort = 3\naction.impact = 3\n\n[[questions]]\nid = \"sample-act-01\"",
        to: "action.effort = 4\naction.impact = 3\n\n[[questions]]\nid = \"sample-act-01\"",
        at: "action.effort = 4",
        offset: 16,
        message: "`effort` in the action of question `sample-cre-02` must be between 1 and 3, found 4",
    },
    Case {
        name: "unknown key (a typo)",
        from: "source = \"Kotler — clients mystères\"",
        to: "sources = \"Kotler — clients mystères\"",
        at: "sources",
        offset: 0,
        message: "unknown key `sources` in question `sample-act-02`",
    },
    Case {
        name: "unknown key inside a bilingual text",
        from: "name.en = \"Co-design\"",
        to: "name.en = \"Co-design\"\nname.de = \"Mitgestaltung\"",
        at: "name.de",
        offset: 5,
        message: "unknown key `name.de` in theme `co-design`",
    },
    Case {
        name: "bad semantic version",
        from: "version = \"1.0.0\"",
        to: "version = \"1.0\"",
        at: "\"1.0\"",
        offset: 0,
        message: "`version` must be a semantic version such as 1.0.0, found `1.0`",
    },
    Case {
        name: "unsupported format",
        from: "format = 1",
        to: "format = 3",
        at: "3\nid",
        offset: 0,
        message: "unsupported format 3 (this version of TCM Workbench reads formats 1 to 2)",
    },
    Case {
        name: "scale level out of range",
        from: "level = 4",
        to: "level = 5",
        at: "level = 5",
        offset: 8,
        message: "`level` in scale entry #5 must be between 0 and 4, found 5",
    },
    Case {
        name: "scale level defined twice",
        from: "level = 4",
        to: "level = 3",
        at: "level = 3\nlabel.fr = \"Optimisé",
        offset: 8,
        message: "scale level 3 is defined twice (first at line 34)",
    },
    Case {
        name: "invalid question id",
        from: "id = \"sample-pro-02\"",
        to: "id = \"sample pro 02\"",
        at: "\"sample pro 02\"",
        offset: 0,
        message: "invalid question id `sample pro 02`: use letters, digits, `-`, `_` or `.` (at most 40 characters)",
    },
    Case {
        name: "TOML syntax error",
        from: "title.en = \"Sample TCM questionnaire\"",
        to: "title.en = \"Sample TCM questionnaire",
        at: "\"Sample TCM questionnaire\n",
        offset: 25,
        message: "TOML syntax error: invalid basic string, expected `\"`",
    },
];

#[test]
fn the_sample_is_valid() {
    assert_eq!(diagnostics(SAMPLE), Vec::<String>::new());
}

#[test]
fn each_problem_is_reported_with_its_line_and_column() {
    let mut failures = Vec::new();
    for case in CASES {
        let text = mutate(case.from, case.to);
        let (line, column) = position_of(&text, case.at);
        let expected = format!("{line}:{}: {}", column + case.offset, case.message);
        let found = diagnostics(&text);
        // A message may go on with details (the parser's own explanation).
        if !found
            .iter()
            .any(|diagnostic| diagnostic.starts_with(&expected))
        {
            failures.push(format!(
                "{}:\n  expected {expected}\n  found    {found:#?}",
                case.name
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_misspelled_key_is_reported_as_unknown_and_as_missing() {
    let text = mutate(
        "source = \"Kotler — clients mystères\"",
        "sources = \"Kotler — clients mystères\"",
    );
    let found = diagnostics(&text);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found
            .iter()
            .any(|d| d.ends_with("missing `source` in question `sample-act-02`"))
    );
    assert!(
        found
            .iter()
            .any(|d| d.ends_with("unknown key `sources` in question `sample-act-02`"))
    );
}

#[test]
fn all_problems_are_reported_at_once_in_file_order() {
    let text = SAMPLE
        .replacen("version = \"1.0.0\"", "version = \"one\"", 1)
        .replacen(
            "theme = \"satisfaction\"\nweight = 2",
            "theme = \"satisfaction\"\nweight = -2",
            1,
        )
        .replacen(
            "id = \"sample-pro-02\"\nstage = \"proactive\"",
            "id = \"sample-pro-02\"\nstage = \"partner\"",
            1,
        );
    let found = diagnostics(&text);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found[0].contains("`version` must be a semantic version"));
    assert!(found[1].contains("`weight` of question `sample-act-01`"));
    assert!(found[2].contains("unknown stage `partner`"));
    let lines: Vec<usize> = found
        .iter()
        .map(|d| {
            d.split(':')
                .next()
                .and_then(|l| l.parse().ok())
                .unwrap_or(0)
        })
        .collect();
    assert!(lines.windows(2).all(|pair| pair[0] < pair[1]), "{lines:?}");
}

#[test]
fn a_missing_stage_is_named() {
    let start = SAMPLE
        .find("[[stages]]\nid = \"curative\"")
        .expect("curative stage");
    let end = SAMPLE
        .find("[[stages]]\nid = \"preventive\"")
        .expect("preventive stage");
    let text = format!("{}{}", &SAMPLE[..start], &SAMPLE[end..]);
    let found = diagnostics(&text);
    assert!(
        found
            .iter()
            .any(|d| d
                .ends_with("the five stages of the cycle must all be declared; missing: curative")),
        "{found:#?}"
    );
}

#[test]
fn a_stage_and_a_theme_without_questions_are_reported() {
    let text = mutate(
        "stage = \"proactive\"\ntheme = \"co-design\"\nweight = 2",
        "stage = \"creative\"\ntheme = \"segmentation\"\nweight = 2",
    )
    .replacen(
        "stage = \"proactive\"\ntheme = \"co-design\"\nsource",
        "stage = \"creative\"\ntheme = \"segmentation\"\nsource",
        1,
    );
    let found = diagnostics(&text);
    let (stage_line, _) = position_of(&text, "[[stages]]\nid = \"proactive\"");
    let (theme_line, _) = position_of(&text, "[[themes]]\nid = \"co-design\"");
    assert!(
        found.contains(&format!(
            "{stage_line}:1: stage `proactive` has no question"
        )),
        "{found:#?}"
    );
    assert!(
        found.contains(&format!(
            "{theme_line}:1: theme `co-design` has no question"
        )),
        "{found:#?}"
    );
}

#[test]
fn an_empty_file_lists_what_is_missing() {
    let found = diagnostics("");
    for key in [
        "format",
        "id",
        "version",
        "title",
        "scale",
        "stages",
        "themes",
        "questions",
    ] {
        assert!(
            found
                .iter()
                .any(|d| d.contains(&format!("missing `{key}`"))),
            "no diagnostic for `{key}`: {found:#?}"
        );
    }
}

#[test]
fn a_column_counts_characters_not_bytes() {
    // "Réclamations" has a two-byte character before the typo'd key on the same line.
    let text = mutate(
        "name.fr = \"Réclamations\"",
        "name.fr = \"Réclamations\" ; oops",
    );
    let found = diagnostics(&text);
    let (line, column) = position_of(&text, "; oops");
    assert!(
        found
            .iter()
            .any(|d| d.starts_with(&format!("{line}:{column}:"))),
        "{found:#?} vs {line}:{column}"
    );
}

#[test]
fn truncated_and_garbled_files_never_panic() {
    for cut in (0..SAMPLE.len()).step_by(37) {
        if SAMPLE.is_char_boundary(cut) {
            let _ = parse_questionnaire_file(&SAMPLE[..cut], "cut.toml");
        }
    }
    let garbage = [
        "\u{0}\u{1}\u{2}",
        "[[[",
        "= = =",
        "scale = 3\nstages = \"x\"\nthemes = [1, 2]\nquestions = [{}]",
        "a.b.c.d = 1\n[a]\n",
    ];
    for text in garbage {
        let result = parse_questionnaire_file(text, "garbage.toml");
        assert!(result.is_err(), "{text:?} must be refused");
    }
}

#[test]
fn wrong_shapes_are_reported_not_panicked_on() {
    let found = diagnostics(
        "format = 1\nid = \"x\"\nversion = \"1.0.0\"\ntitle = \"x\"\nscale = 3\nstages = [\"creative\"]\nthemes = []\nquestions = [1]\n",
    );
    assert!(
        found.iter().any(|d| d.contains(
            "`title` in the questionnaire must be a table with `fr` and `en` texts, found a string"
        )),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|d| d.contains("`scale` in the questionnaire must be an array, found an integer")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|d| d.contains("each entry of `stages` must be a table, found a string")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|d| d.contains("each entry of `questions` must be a table, found an integer")),
        "{found:#?}"
    );
}

#[test]
fn stages_come_out_in_the_order_of_the_cycle_whatever_the_file_order() {
    let creative_start = SAMPLE
        .find("[[stages]]\nid = \"creative\"")
        .expect("creative");
    let active_start = SAMPLE.find("[[stages]]\nid = \"active\"").expect("active");
    let creative = &SAMPLE[creative_start..active_start];
    let text = SAMPLE.replacen(creative, "", 1).replacen(
        "[[themes]]",
        &format!("{creative}[[themes]]"),
        1,
    );
    let questionnaire = Questionnaire::from_toml(&text, "q.toml").expect("valid");
    let order: Vec<StageId> = questionnaire
        .stages()
        .iter()
        .map(|stage| stage.id)
        .collect();
    assert_eq!(order, StageId::ALL);
}

#[test]
fn defaults_and_values_are_read() {
    let questionnaire = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
    assert_eq!(questionnaire.id(), "sample");
    assert_eq!(questionnaire.version().to_string(), "1.0.0");
    assert_eq!(questionnaire.questions().len(), 10);
    let first = questionnaire.question("sample-cre-01").expect("question");
    assert_eq!(first.weight, 2.0);
    assert_eq!(first.action.effort, 2);
    assert_eq!(first.action.impact, 3);
    assert_eq!(first.source, "Ohana, ch. 3 — segmentation");
    assert_eq!(
        questionnaire
            .question("sample-cre-02")
            .expect("question")
            .weight,
        1.0,
        "weight defaults to 1"
    );
    assert_eq!(questionnaire.scale().len(), 5);
    assert_eq!(questionnaire.scale()[3].label.en, "Deployed and measured");
    assert!(matches!(
        parse_questionnaire_file(SAMPLE, "s"),
        Ok(QuestionnaireFile::Grid(_))
    ));
}
