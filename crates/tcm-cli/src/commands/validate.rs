//! `tcm validate FILE`.

use crate::cli::ValidateArgs;
use crate::failure::Failure;
use crate::load;

pub fn run(args: &ValidateArgs) -> Result<(), Failure> {
    let questionnaire = load::questionnaire(&args.file)?;
    let per_stage: Vec<String> = questionnaire
        .counts_per_stage()
        .iter()
        .map(|(stage, count)| format!("{stage} {count}"))
        .collect();
    let variant = questionnaire
        .variant_of()
        .map(|origin| format!(" (variant of {} {})", origin.id, origin.version))
        .unwrap_or_default();
    crate::output::emit::line(&format!(
        "{}: {} {}{variant} is valid: {} questions ({})",
        args.file.display(),
        questionnaire.id(),
        questionnaire.version(),
        questionnaire.questions().len(),
        per_stage.join(", ")
    ))?;
    Ok(())
}
