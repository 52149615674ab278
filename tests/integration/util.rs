//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use tcm_core::Questionnaire;
use tcm_core::questionnaire::{QuestionnaireFile, parse_questionnaire_file};

pub fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

pub fn read(relative: &str) -> String {
    std::fs::read_to_string(repository().join(relative))
        .unwrap_or_else(|error| panic!("cannot read {relative}: {error}"))
}

/// A full grid from the `questionnaires/` folder.
pub fn grid(file: &str) -> Questionnaire {
    let relative = format!("questionnaires/{file}");
    Questionnaire::from_toml(&read(&relative), &relative)
        .unwrap_or_else(|invalid| panic!("{}", invalid.report()))
}

/// A variant from the `questionnaires/` folder, resolved against its base.
pub fn variant(file: &str, base: &Questionnaire) -> Questionnaire {
    let relative = format!("questionnaires/{file}");
    match parse_questionnaire_file(&read(&relative), &relative) {
        Ok(QuestionnaireFile::Variant(spec)) => spec
            .resolve(base)
            .unwrap_or_else(|invalid| panic!("{}", invalid.report())),
        Ok(QuestionnaireFile::Grid(_)) => panic!("{relative} is a grid, not a variant"),
        Err(invalid) => panic!("{}", invalid.report()),
    }
}
