//! The questionnaires shipped inside the application, parsed once: the grids offered for new
//! assessments, earlier versions of them (kept so that audits made on them can be compared with
//! new ones), and the mappings between versions.

use std::sync::OnceLock;

use tcm_core::case::{Case, parse_case_file};
use tcm_core::questionnaire::{
    InvalidMapping, QuestionMapping, QuestionnaireFile, parse_questionnaire_file,
};
use tcm_core::{InvalidQuestionnaire, Questionnaire};

use crate::error::{ApiError, ErrorKind};

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

/// The case studies shipped for the classroom: (file name, text).
const CASES: &[(&str, &str)] = &[
    (
        "bledina-pas-a-pas.toml",
        include_str!("../../../cases/bledina-pas-a-pas.toml"),
    ),
    (
        "aurore-rappel.toml",
        include_str!("../../../cases/aurore-rappel.toml"),
    ),
    (
        "banque-riviere-en-ligne.toml",
        include_str!("../../../cases/banque-riviere-en-ligne.toml"),
    ),
];

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

/// Parses every bundled case and checks it against its bundled questionnaire.
pub fn load_cases() -> Result<Vec<Case>, InvalidQuestionnaire> {
    let questionnaires = bundled()?;
    CASES
        .iter()
        .map(|(file, text)| {
            let spec = parse_case_file(text, file)?;
            let questionnaire = questionnaires
                .iter()
                .find(|questionnaire| questionnaire.id() == spec.questionnaire_id())
                .ok_or_else(|| InvalidQuestionnaire {
                    file: (*file).to_owned(),
                    diagnostics: vec![tcm_core::Diagnostic {
                        file: (*file).to_owned(),
                        line: 1,
                        column: 1,
                        message: format!(
                            "questionnaire `{}` is not bundled",
                            spec.questionnaire_id()
                        ),
                    }],
                })?;
            spec.check(questionnaire)
        })
        .collect()
}

/// The bundled case studies, parsed and checked on first use.
pub fn cases() -> Result<&'static [Case], InvalidQuestionnaire> {
    static PARSED: OnceLock<Result<Vec<Case>, InvalidQuestionnaire>> = OnceLock::new();
    PARSED
        .get_or_init(load_cases)
        .as_ref()
        .map(Vec::as_slice)
        .map_err(Clone::clone)
}

/// The bundled case with this id and version, with the bundled questionnaire it is answered
/// with.
pub fn case(id: &str, version: &str) -> Result<(&'static Case, &'static Questionnaire), ApiError> {
    let case = cases()?
        .iter()
        .find(|case| case.id == id && case.version.to_string() == version)
        .ok_or_else(|| {
            ApiError::new(
                ErrorKind::NotFound,
                format!(
                    "case `{id}` version {version} is not shipped with this version of the app"
                ),
            )
        })?;
    let questionnaire = bundled()?
        .iter()
        .find(|questionnaire| questionnaire.id() == case.questionnaire_id)
        .ok_or_else(|| {
            ApiError::new(
                ErrorKind::Internal,
                format!("questionnaire `{}` is not bundled", case.questionnaire_id),
            )
        })?;
    Ok((case, questionnaire))
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
    fn every_shipped_case_is_valid_against_its_bundled_questionnaire() {
        let cases = cases().expect("cases");
        assert_eq!(cases.len(), 3);
        for shipped in cases {
            let (found, questionnaire) =
                case(&shipped.id, &shipped.version.to_string()).expect("found");
            assert_eq!(found.key.len(), questionnaire.questions().len());
        }
        let missing = case("bledina-pas-a-pas", "9.9.9").expect_err("unknown version");
        assert_eq!(missing.kind, ErrorKind::NotFound);
    }

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
