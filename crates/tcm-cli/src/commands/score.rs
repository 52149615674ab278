//! `tcm score --questionnaire FILE --answers ANSWERS.csv [--format json|table]`, or
//! `tcm score --assessment ID` for a stored assessment.

use anyhow::anyhow;
use tcm_store::AssessmentId;

use crate::cli::{Format, ScoreArgs};
use crate::database::{self, store_failure};
use crate::failure::Failure;
use crate::load;
use crate::output;

pub fn run(args: &ScoreArgs, db: Option<std::path::PathBuf>) -> Result<(), Failure> {
    let (questionnaire, scorecard) = match (args.assessment, &args.questionnaire, &args.answers) {
        (Some(id), _, _) => {
            let mut store = database::open(db)?;
            let (questionnaire, _, card) = store
                .score_assessment(AssessmentId(id))
                .map_err(store_failure)?;
            ((*questionnaire).clone(), card)
        }
        (None, Some(questionnaire), Some(answers)) => {
            let questionnaire = load::questionnaire(questionnaire)?;
            let answers = load::answers(answers, &questionnaire)?;
            let card = tcm_core::score(&questionnaire, &answers);
            (questionnaire, card)
        }
        _ => {
            return Err(Failure::Error(anyhow!(
                "give --questionnaire and --answers, or --assessment"
            )));
        }
    };
    // Everything is computed before anything is printed: a failure prints nothing half-done.
    let text = match args.format {
        Format::Json => output::score_json::render(&questionnaire, &scorecard),
        Format::Table => output::score_table::render(&questionnaire, &scorecard, args.lang),
    };
    crate::output::emit::line(&text)?;
    Ok(())
}
