//! The questionnaires shipped inside the application, parsed once.

use std::sync::OnceLock;

use tcm_core::questionnaire::{QuestionnaireFile, parse_questionnaire_file};
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
    let Ok(bundled) = bundled() else {
        return false;
    };
    bundled
        .iter()
        .find(|known| {
            known.id() == questionnaire.id() && known.version() == questionnaire.version()
        })
        .is_some_and(|known| known.to_toml() != questionnaire.to_toml())
}
