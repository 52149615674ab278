//! Questionnaires: the model, and reading it from TOML files with located diagnostics.

mod comparison;
pub(crate) mod diagnostic;
mod mapping;
mod model;
pub(crate) mod parse;
pub(crate) mod reader;
mod variant;
mod write;

pub use comparison::{VersionComparison, compare_across_versions};
pub use diagnostic::{Diagnostic, InvalidQuestionnaire};
pub use mapping::{ComparablePair, InvalidMapping, QuestionChange, QuestionMapping};
pub use model::{
    Question, QuestionId, Questionnaire, RecommendedAction, Rubric, ScaleLevel, Stage, Theme,
    ThemeId, VariantOrigin,
};
pub use parse::{FORMAT_VERSION, MAX_WEIGHT, QuestionnaireFile, parse_questionnaire_file};
pub use variant::VariantSpec;

impl Questionnaire {
    /// Parses a full grid. A variant file is refused here: it needs its base, see
    /// [`parse_questionnaire_file`] and [`VariantSpec::resolve`].
    pub fn from_toml(text: &str, file: &str) -> Result<Questionnaire, InvalidQuestionnaire> {
        match parse_questionnaire_file(text, file)? {
            QuestionnaireFile::Grid(questionnaire) => Ok(questionnaire),
            QuestionnaireFile::Variant(variant) => Err(InvalidQuestionnaire {
                file: file.to_owned(),
                diagnostics: vec![Diagnostic {
                    file: file.to_owned(),
                    line: 1,
                    column: 1,
                    message: format!(
                        "this file is a variant of `{}`; load it together with its base",
                        variant.base_id()
                    ),
                }],
            }),
        }
    }
}
