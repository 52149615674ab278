//! Fuzzing the CSV readers: the strict answers CSV (`tcm score`) and the responses import
//! (long or wide, from forms), against a small questionnaire and the full grid.

use tcm_core::Questionnaire;
use tcm_fuzz::{assert_no_findings, outcome, run};
use tcm_interchange::{FileKind, read_answers_csv, read_responses};

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");
const TCM_92: &str = include_str!("../../../questionnaires/tcm-92.toml");

const DICTIONARY: &[&[u8]] = &[
    b"respondent,question,answer,comment\n",
    b"R\xe9pondant;Fonction;",
    b"sample-cre-01",
    b"cre-01",
    b"Commentaire ",
    b"NA",
    b"NSP",
    b"N.A.",
    b"?",
    b"\"\"",
    b"\"",
    b"\r\n",
    b";",
    b"\t",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xc2\xab\xc2\xa0",
    b"4.0",
    b"1e3",
];

#[test]
fn the_csv_readers_survive_mutated_files() {
    let sample = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
    let grid = Questionnaire::from_toml(TCM_92, "tcm-92.toml").expect("valid");
    let report = run("csv", DICTIONARY, |bytes| {
        let strict = match read_answers_csv(bytes, &sample) {
            Ok(sheet) => format!("answers {}", sheet.len().min(2)),
            Err(error) => outcome(&error.to_string()),
        };
        let questionnaire = if bytes.windows(6).any(|window| window == b"sample") {
            &sample
        } else {
            &grid
        };
        let responses = match read_responses(bytes, FileKind::Csv, questionnaire) {
            Ok(imported) => format!("{:?} {}", imported.format, imported.sheet.len().min(2)),
            Err(error) => outcome(&error.to_string()),
        };
        format!("{strict} | {responses}")
    });
    assert_no_findings(&report);
}
