//! `tcm grid FILE --format md [--lang fr|en|both] [--changelog FILE] [--out FILE]`, or
//! `tcm grid FILE --pdf OUT`.

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
    let changelog = match &args.changelog {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the changelog {}", path.display()))?,
        None => String::new(),
    };
    let text = match args.format {
        GridFormat::Md => grid_markdown::render_with_changelog(
            &questionnaire,
            languages,
            &source_name,
            &changelog,
        ),
    };
    match &args.out {
        Some(path) => crate::database::write_output(None, path, text.as_bytes())?,
        None => crate::output::emit::emit(&text)?,
    }
    Ok(())
}
