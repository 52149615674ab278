//! `tcm case FILE [--format md] [--lang fr|en|both] [--key] [--out FILE]`: a case study as
//! Markdown for printing, for students or (with `--key`) for the teacher.

use anyhow::Context;
use tcm_core::Language;
use tcm_report::case_markdown::{self, Audience};
use tcm_report::grid_markdown::Languages;

use crate::cli::{CaseArgs, GridFormat};
use crate::failure::Failure;
use crate::load;

pub fn run(args: &CaseArgs) -> Result<(), Failure> {
    let (case, questionnaire) = load::case(&args.file)?;
    let languages = match args.lang.as_str() {
        "fr" => Languages::One(Language::French),
        "en" => Languages::One(Language::English),
        _ => Languages::Both,
    };
    let audience = if args.key {
        Audience::Teacher
    } else {
        Audience::Students
    };
    let source_name = args.file.file_name().map_or_else(
        || args.file.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let text = match args.format {
        GridFormat::Md => {
            case_markdown::render(&case, &questionnaire, languages, audience, &source_name)
        }
    };
    match &args.out {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => crate::output::emit::emit(&text)?,
    }
    Ok(())
}
