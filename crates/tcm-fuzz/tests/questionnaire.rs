//! Fuzzing the questionnaire parser: any text is parsed or refused with located diagnostics
//! whose report renders; a questionnaire that parses writes back to TOML that parses again.

use tcm_core::Questionnaire;
use tcm_core::questionnaire::{QuestionnaireFile, parse_questionnaire_file};
use tcm_fuzz::{assert_no_findings, outcome, run};

const DICTIONARY: &[&[u8]] = &[
    b"[[stages]]\n",
    b"[[themes]]\n",
    b"[[questions]]\n",
    b"[[scale]]\n",
    b"id = \"",
    b"weight = ",
    b"stage = \"creative\"\n",
    b"format = 2\n",
    b"version = \"1.0.0\"\n",
    b"text.fr = \"",
    b"text.en = \"",
    b"rubric",
    b"level = ",
    b"\"\"\"",
    b"'''",
    b"{ a = { b = { c = 1 } } }",
    b"[[[",
    b"\\u0000",
    b"\xcc\x81\xcc\x81\xcc\x81",
    b" \xc2\xa0?",
];

#[test]
fn the_questionnaire_parser_survives_mutated_files() {
    let report = run("questionnaire", DICTIONARY, |bytes| {
        let Ok(text) = std::str::from_utf8(bytes) else {
            return "not UTF-8".to_owned();
        };
        match parse_questionnaire_file(text, "fuzz.toml") {
            Err(error) => {
                let rendered = error.report();
                assert!(!rendered.is_empty(), "a refusal says why");
                outcome(rendered.lines().next().unwrap_or(""))
            }
            Ok(QuestionnaireFile::Variant(_)) => "a variant".to_owned(),
            Ok(QuestionnaireFile::Grid(questionnaire)) => {
                let written = questionnaire.to_toml();
                let again = Questionnaire::from_toml(&written, "written.toml")
                    .expect("a questionnaire written back parses again");
                assert_eq!(again.questions().len(), questionnaire.questions().len());
                format!("valid, format {}", questionnaire.format())
            }
        }
    });
    assert_no_findings(&report);
}
