//! `tcm form FILE --format xlsx|xlsform|gs|docx|lss|choices [--lang fr|en] [--out FILE]`: a form to
//! send out before a workshop, generated from the questionnaire (see `docs/forms.md`).

use anyhow::Context;
use tcm_core::Language;
use tcm_interchange::forms::{FormFormat, write_form};

use crate::cli::{FormArgs, FormKind};
use crate::failure::Failure;
use crate::load;
use crate::output::emit::line;

pub fn run(args: &FormArgs) -> Result<(), Failure> {
    let questionnaire = load::questionnaire(&args.file)?;
    let language = if args.lang == "en" {
        Language::English
    } else {
        Language::French
    };
    let format = match args.format {
        FormKind::Xlsx => FormFormat::Xlsx,
        FormKind::Xlsform => FormFormat::XlsForm,
        FormKind::Gs => FormFormat::AppsScript,
        FormKind::Docx => FormFormat::MicrosoftForms,
        FormKind::Lss => FormFormat::LimeSurvey,
        FormKind::Choices => FormFormat::Choices,
    };
    let bytes = write_form(&questionnaire, language, format).context("cannot write the form")?;
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| format.file_name(&questionnaire, language).into());
    crate::database::write_output(None, &out, &bytes)?;
    line(&format!("written: {}", out.display()))
}
