//! Every reader of this crate, and the questionnaire parser, over every crafted file of
//! `tests/fixtures/hostile/`: the reader a file targets refuses it, and no reader panics on
//! any of them (an abort would end this test binary, which fails it too).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use tcm_core::Questionnaire;
use tcm_core::questionnaire::parse_questionnaire_file;
use tcm_interchange::portable::from_json;
use tcm_interchange::{FileKind, read_answers_csv, read_responses};

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");

fn corpus() -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hostile");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("the corpus folder")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.file_name().is_some_and(|name| name != "README.md"))
        .collect();
    files.sort();
    files
}

/// Whether each reader refused the bytes (`true`) or read them; a panic fails the test.
fn readers(bytes: &[u8], questionnaire: &Questionnaire) -> [(&'static str, bool); 5] {
    [
        (
            "answers CSV",
            read_answers_csv(bytes, questionnaire).is_err(),
        ),
        (
            "responses CSV",
            read_responses(bytes, FileKind::Csv, questionnaire).is_err(),
        ),
        (
            "responses XLSX",
            read_responses(bytes, FileKind::Xlsx, questionnaire).is_err(),
        ),
        (".tcm", from_json(bytes).is_err()),
        (
            "questionnaire",
            // Questionnaires are UTF-8 text: other bytes are refused before parsing.
            std::str::from_utf8(bytes).map_or(true, |text| {
                parse_questionnaire_file(text, "hostile.toml").is_err()
            }),
        ),
    ]
}

#[test]
fn every_reader_refuses_every_crafted_file_without_panicking() {
    let questionnaire = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
    let files = corpus();
    assert!(files.len() >= 25, "the corpus is there: {files:?}");
    let mut failures = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or("?");
        let bytes = std::fs::read(path).expect("a corpus file");
        let target = match path.extension().and_then(|extension| extension.to_str()) {
            Some("csv") => ["answers CSV", "responses CSV"].as_slice(),
            Some("xlsx") => ["responses XLSX"].as_slice(),
            Some("tcm") => [".tcm"].as_slice(),
            Some("toml") => ["questionnaire"].as_slice(),
            _ => panic!("{name}: a corpus file of unknown kind"),
        };
        match catch_unwind(AssertUnwindSafe(|| readers(&bytes, &questionnaire))) {
            Err(_) => failures.push(format!("{name}: a reader panicked")),
            Ok(results) => {
                for (reader, refused) in results {
                    if target.contains(&reader) && !refused {
                        failures.push(format!("{name}: the {reader} reader accepted it"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_corpus_readme_lists_every_file() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hostile");
    let readme = std::fs::read_to_string(folder.join("README.md")).expect("a README");
    for path in corpus() {
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or("?");
        assert!(
            readme.contains(&format!("`{name}`")),
            "{name} is not in the README"
        );
    }
}
