//! Fuzzing the `.tcm` reader: any bytes are read or refused; a file that reads gives its
//! questionnaire and answers, and writes back to a file that reads again to the same data.

use tcm_fuzz::{assert_no_findings, outcome, run};
use tcm_interchange::portable::{from_json, to_json};

const DICTIONARY: &[&[u8]] = &[
    b"\"format_version\": ",
    b"\"answers\": [",
    b"\"respondents\": [",
    b"\"value\": \"NA\"",
    b"\"value\": 4",
    b"\"snapshot\": \"",
    b"\"exported_at\": \"2099-01-01T00:00:00Z\"",
    b"null",
    b"true",
    b"[[[[[[[[[[[[",
    b"{\"a\":{\"a\":{\"a\":",
    b"\\u0000",
    b"\\ud800",
    b"\\\"",
    b"1e999",
    b"-0.0",
];

#[test]
fn the_tcm_reader_survives_mutated_files() {
    let report = run("tcm", DICTIONARY, |bytes| match from_json(bytes) {
        Err(error) => outcome(&error.to_string()),
        Ok(portable) => {
            let sheet = portable.answer_sheet();
            let questionnaire = portable.questionnaire().is_ok();
            let exported_at =
                chrono::DateTime::from_timestamp(1_800_000_000, 0).expect("a valid instant");
            let written = to_json(&portable, exported_at);
            let again = from_json(&written).expect("a file written back reads again");
            assert_eq!(
                to_json(&again, exported_at),
                written,
                "reading what was written gives the same data"
            );
            format!(
                "read, questionnaire {questionnaire}, answers {}",
                sheet.len().min(2)
            )
        }
    });
    assert_no_findings(&report);
}
