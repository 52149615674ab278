//! The questionnaires shipped inside the application, parsed once: the grids offered for new
//! assessments, earlier versions of them (kept so that audits made on them can be compared with
//! new ones), and the mappings between versions.

use std::sync::OnceLock;

use tcm_core::questionnaire::{
    InvalidMapping, QuestionMapping, QuestionnaireFile, parse_questionnaire_file,
};
use tcm_core::{InvalidQuestionnaire, Questionnaire};

/// The source of each bundled questionnaire file: (file name, text). Grids come before the
/// variants cut from them.
const BUNDLED: &[(&str, &str)] = &[
    (
        "tcm-92.toml",
        include_str!("../../../questionnaires/tcm-92.toml"),
    ),
    (
        "tcm-25-classroom.toml",
        include_str!("../../../questionnaires/tcm-25-classroom.toml"),
    ),
];

/// Earlier versions of the bundled grids: not offered for new assessments (stored assessments
/// keep their own snapshot), but needed to compare an old audit with a new one.
const PREVIOUS: &[(&str, &str)] = &[(
    "tcm-92-v1.toml",
    include_str!("../../../questionnaires/tcm-92-v1.toml"),
)];

/// Mappings between versions of a bundled grid: (file name, text).
const MAPPINGS: &[(&str, &str)] = &[(
    "tcm-92-v1-to-v2.toml",
    include_str!("../../../questionnaires/tcm-92-v1-to-v2.toml"),
)];

/// The id of the questionnaire a new assessment uses unless told otherwise: the full grid.
pub const DEFAULT_QUESTIONNAIRE: &str = "tcm-92";

/// Parses every bundled file; variants are resolved against the grids listed before them.
pub fn load_bundled() -> Result<Vec<Questionnaire>, InvalidQuestionnaire> {
    let mut loaded: Vec<Questionnaire> = Vec::new();
    for (file, text) in BUNDLED {
        let questionnaire = match parse_questionnaire_file(text, file)? {
            QuestionnaireFile::Grid(grid) => grid,
            QuestionnaireFile::Variant(variant) => {
                let base = loaded
                    .iter()
                    .find(|candidate| candidate.id() == variant.base_id())
                    .ok_or_else(|| InvalidQuestionnaire {
                        file: (*file).to_owned(),
                        diagnostics: vec![tcm_core::Diagnostic {
                            file: (*file).to_owned(),
                            line: 1,
                            column: 1,
                            message: format!(
                                "base `{}` is not bundled before this variant",
                                variant.base_id()
                            ),
                        }],
                    })?;
                variant.resolve(base)?
            }
        };
        loaded.push(questionnaire);
    }
    Ok(loaded)
}

/// The bundled questionnaires, parsed on first use. They are checked by the test suite, so
/// failing here is a build defect; the error is still returned, not panicked on.
pub fn bundled() -> Result<&'static [Questionnaire], InvalidQuestionnaire> {
    static CATALOGUE: OnceLock<Result<Vec<Questionnaire>, InvalidQuestionnaire>> = OnceLock::new();
    CATALOGUE
        .get_or_init(load_bundled)
        .as_ref()
        .map(Vec::as_slice)
        .map_err(Clone::clone)
}

/// Whether `questionnaire` claims the id and version of a bundled questionnaire but says
/// something else (other questions, weights or texts): such a snapshot is shown everywhere as
/// modified, so that two audits labelled alike but scored differently are never confused.
pub fn is_modified(questionnaire: &Questionnaire) -> bool {
    let (Ok(bundled), Ok(previous)) = (bundled(), previous_versions()) else {
        return false;
    };
    bundled
        .iter()
        .chain(previous)
        .find(|known| {
            known.id() == questionnaire.id() && known.version() == questionnaire.version()
        })
        .is_some_and(|known| known.to_toml() != questionnaire.to_toml())
}

/// The earlier versions of the bundled grids, parsed on first use.
pub fn previous_versions() -> Result<&'static [Questionnaire], InvalidQuestionnaire> {
    static PREVIOUS_VERSIONS: OnceLock<Result<Vec<Questionnaire>, InvalidQuestionnaire>> =
        OnceLock::new();
    PREVIOUS_VERSIONS
        .get_or_init(|| {
            PREVIOUS
                .iter()
                .map(|(file, text)| Questionnaire::from_toml(text, file))
                .collect()
        })
        .as_ref()
        .map(Vec::as_slice)
        .map_err(Clone::clone)
}

/// The bundled mappings between versions, parsed on first use.
pub fn mappings() -> Result<&'static [QuestionMapping], InvalidMapping> {
    static PARSED: OnceLock<Result<Vec<QuestionMapping>, InvalidMapping>> = OnceLock::new();
    PARSED
        .get_or_init(|| {
            MAPPINGS
                .iter()
                .map(|(file, text)| QuestionMapping::from_toml(text, file))
                .collect()
        })
        .as_ref()
        .map(Vec::as_slice)
        .map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_mapping_links_two_bundled_versions() {
        let current = bundled().expect("bundled");
        let previous = previous_versions().expect("previous versions");
        let find = |version: String, id: &str| {
            current.iter().chain(previous).find(|questionnaire| {
                questionnaire.id() == id && questionnaire.version().to_string() == version
            })
        };
        let mappings = mappings().expect("mappings");
        assert!(!mappings.is_empty());
        for mapping in mappings {
            let old = find(mapping.from_version().to_string(), mapping.questionnaire())
                .expect("older bundled");
            let new = find(mapping.to_version().to_string(), mapping.questionnaire())
                .expect("newer bundled");
            mapping.check(old, new).expect("the mapping covers both");
            assert!(!mapping.comparable_pairs(old, new).is_empty());
        }
    }
}
