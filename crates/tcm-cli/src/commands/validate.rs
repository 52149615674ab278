//! `tcm validate FILE`: a questionnaire (grid or variant) or a case study with its key.

use tcm_core::StageId;
use tcm_core::case::is_case_file;

use crate::cli::ValidateArgs;
use crate::failure::Failure;
use crate::load;

pub fn run(args: &ValidateArgs) -> Result<(), Failure> {
    let text = load::read_text(&args.file, "questionnaire")?;
    if is_case_file(&text) {
        return validate_case(args);
    }
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

/// A case: parsed, then checked against its questionnaire; says how its key is spread.
fn validate_case(args: &ValidateArgs) -> Result<(), Failure> {
    let (case, questionnaire) = load::case(&args.file)?;
    let mut levels = [0usize; 5];
    let mut not_applicable = 0;
    for entry in &case.key {
        match entry.answer.level() {
            Some(level) => levels[usize::from(level.value())] += 1,
            None => not_applicable += 1,
        }
    }
    let spread: Vec<String> = levels
        .iter()
        .enumerate()
        .map(|(level, count)| format!("{level}: {count}"))
        .chain(std::iter::once(format!("NA: {not_applicable}")))
        .collect();
    let key = case
        .grading_key(&questionnaire)
        .map_err(|error| Failure::Error(anyhow::anyhow!("{}: {error}", args.file.display())))?;
    let stages: Vec<String> = StageId::ALL
        .iter()
        .filter_map(|stage| key.scorecard().stage(*stage))
        .map(|stage| match stage.result.score {
            Some(score) => format!("{} {:.1}", stage.stage, score.rounded()),
            None => format!("{} –", stage.stage),
        })
        .collect();
    crate::output::emit::line(&format!(
        "{}: case {} {} is valid against {} {}: {} key entries ({}); key scores: {}",
        args.file.display(),
        case.id,
        case.version,
        questionnaire.id(),
        questionnaire.version(),
        case.key.len(),
        spread.join(", "),
        stages.join(", ")
    ))?;
    Ok(())
}
