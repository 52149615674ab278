//! `tcm grid FILE --format md [--lang fr|en|both] [--out FILE]`, or `tcm grid FILE --pdf OUT`.

use anyhow::Context;
use tcm_core::Language;
use tcm_report::grid_markdown::{self, Languages};

use crate::cli::{GridArgs, GridFormat};
use crate::failure::Failure;
use crate::load;

pub fn run(args: &GridArgs) -> Result<(), Failure> {
    let questionnaire = load::questionnaire(&args.file)?;
    if let Some(path) = &args.pdf {
        let language = if args.lang == "en" {
            Language::English
        } else {
            Language::French
        };
        let today = chrono::Utc::now().date_naive();
        let bytes = tcm_report::render_blank_grid(&questionnaire, language, today)
            .context("cannot render the grid as PDF")?;
        return crate::database::write_output(None, path, &bytes);
    }
    let languages = match args.lang.as_str() {
        "fr" => Languages::One(Language::French),
        "en" => Languages::One(Language::English),
        _ => Languages::Both,
    };
    let source_name = args.file.file_name().map_or_else(
        || args.file.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let text = match args.format {
        GridFormat::Md => grid_markdown::render(&questionnaire, languages, &source_name),
    };
    match &args.out {
        Some(path) => crate::database::write_output(None, path, text.as_bytes())?,
        None => crate::output::emit::emit(&text)?,
    }
    Ok(())
}
