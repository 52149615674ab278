//! `tcm score --questionnaire FILE --answers ANSWERS.csv [--format json|table]`.

use crate::cli::{Format, ScoreArgs};
use crate::failure::Failure;
use crate::load;
use crate::output;

pub fn run(args: &ScoreArgs) -> Result<(), Failure> {
    let questionnaire = load::questionnaire(&args.questionnaire)?;
    let answers = load::answers(&args.answers, &questionnaire)?;
    let scorecard = tcm_core::score(&questionnaire, &answers);
    // Everything is computed before anything is printed: a failure prints nothing half-done.
    let text = match args.format {
        Format::Json => output::score_json::render(&questionnaire, &scorecard),
        Format::Table => output::score_table::render(&questionnaire, &scorecard, args.lang),
    };
    println!("{text}");
    Ok(())
}
