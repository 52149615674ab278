//! Forms a consultant sends out before a workshop, generated from a questionnaire in one
//! language, each laid out so that its export (or the file itself) imports back through
//! [`crate::import`]:
//!
//! - [`FormFormat::Xlsx`]: a workbook a respondent fills in and e-mails back (one row per
//!   question, a drop-down of the scale's choices, a comment cell, name and group at the top,
//!   the sheet protected but for those cells), read back as is;
//! - [`FormFormat::XlsForm`]: the XLSForm definition KoboToolbox and ODK load;
//! - [`FormFormat::AppsScript`]: a Google Apps Script that builds the Google Form;
//! - [`FormFormat::MicrosoftForms`]: a Word document laid out as Microsoft Forms' quick
//!   import reads it (numbered questions, lettered options);
//! - [`FormFormat::LimeSurvey`]: the survey structure file (`.lss`) LimeSurvey imports, its
//!   question codes the ids' letters and digits (`cre01`);
//! - [`FormFormat::Choices`]: the choice labels, one a line, to paste into any form tool.
//!
//! Every choice is one the import reads: `3 - Déployé et mesuré`, `Ne sait pas`,
//! `Non applicable` (or their English twins).

mod apps_script;
mod choices;
mod docx;
mod limesurvey;
mod xlsform;
mod xlsx;

use tcm_core::{Language, Questionnaire};

pub use choices::{Choice, choices};
pub(crate) use limesurvey::code as limesurvey_code;

/// A kind of generated form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormFormat {
    Xlsx,
    XlsForm,
    AppsScript,
    MicrosoftForms,
    LimeSurvey,
    Choices,
}

impl FormFormat {
    /// Every format, in the order they are offered.
    pub const ALL: [FormFormat; 6] = [
        FormFormat::Xlsx,
        FormFormat::XlsForm,
        FormFormat::AppsScript,
        FormFormat::MicrosoftForms,
        FormFormat::LimeSurvey,
        FormFormat::Choices,
    ];

    /// The file name a form of `questionnaire` is saved under by default.
    pub fn file_name(self, questionnaire: &Questionnaire, language: Language) -> String {
        let stem = format!("{}-{}", questionnaire.id(), language.code());
        match self {
            FormFormat::Xlsx => format!("{stem}-questionnaire.xlsx"),
            FormFormat::XlsForm => format!("{stem}-xlsform.xlsx"),
            FormFormat::AppsScript => format!("{stem}-google-forms.gs"),
            FormFormat::MicrosoftForms => format!("{stem}-microsoft-forms.docx"),
            FormFormat::LimeSurvey => format!("{stem}-limesurvey.lss"),
            FormFormat::Choices => format!("{stem}-choices.txt"),
        }
    }
}

/// Why a form could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot write the {what}: {message}")]
pub struct FormError {
    pub what: &'static str,
    pub message: String,
}

/// The form of `questionnaire` in `language`, as the bytes of its file.
pub fn write_form(
    questionnaire: &Questionnaire,
    language: Language,
    format: FormFormat,
) -> Result<Vec<u8>, FormError> {
    match format {
        FormFormat::Xlsx => xlsx::write(questionnaire, language),
        FormFormat::XlsForm => xlsform::write(questionnaire, language),
        FormFormat::AppsScript => Ok(apps_script::write(questionnaire, language).into_bytes()),
        FormFormat::MicrosoftForms => docx::write(questionnaire, language),
        FormFormat::LimeSurvey => limesurvey::write(questionnaire, language),
        FormFormat::Choices => Ok(choices::text(questionnaire, language).into_bytes()),
    }
}

/// The header of the comment column (or question) on a question, as the import reads it.
fn comment_title(id: &str, language: Language) -> String {
    match language {
        Language::French => format!("{id} — Commentaire"),
        Language::English => format!("{id} — Comment"),
    }
}

/// A question's title in a form: its id, then its text, so that the id survives in every
/// export.
fn question_title(id: &str, text: &str) -> String {
    format!("{id} — {text}")
}
