//! `tcm respondent anonymise` and `tcm respondent erase`: a respondent's personal data
//! protected in one unit of work each (see `tcm-store`'s `respondents.rs`).

use anyhow::anyhow;
use chrono::Utc;
use tcm_store::{AssessmentId, ErasedAnswers, KeptComments, RespondentId, Store};

use crate::cli::RespondentCommand;
use crate::database::{self, store_failure};
use crate::failure::Failure;
use crate::output::emit::line;

pub fn run(command: &RespondentCommand, db: Option<std::path::PathBuf>) -> Result<(), Failure> {
    let mut store = database::open(db)?;
    match command {
        RespondentCommand::Anonymise {
            assessment,
            respondent,
            remove_comments,
        } => {
            let id = find(&store, AssessmentId(*assessment), respondent)?;
            let comments = if *remove_comments {
                KeptComments::Removed
            } else {
                KeptComments::Kept
            };
            let anonymous = store
                .anonymise_respondent(id, comments, Utc::now())
                .map_err(store_failure)?;
            line(&format!(
                "respondent {} anonymised as {}{}; scores unchanged",
                id.0,
                anonymous.profile.label,
                if *remove_comments {
                    ", comments removed"
                } else {
                    ", comments kept"
                }
            ))
        }
        RespondentCommand::Erase {
            assessment,
            respondent,
            keep_answers,
        } => {
            let id = find(&store, AssessmentId(*assessment), respondent)?;
            let answers = if *keep_answers {
                ErasedAnswers::KeptAnonymous
            } else {
                ErasedAnswers::Removed
            };
            store
                .erase_respondent(id, answers, Utc::now())
                .map_err(store_failure)?;
            line(&if *keep_answers {
                format!(
                    "respondent {} erased; their answers stay, anonymous (scores unchanged)",
                    id.0
                )
            } else {
                format!("respondent {} erased with their answers", id.0)
            })
        }
    }
}

/// The respondent named `given` in `assessment`: their label, else their id.
fn find(store: &Store, assessment: AssessmentId, given: &str) -> Result<RespondentId, Failure> {
    if let Some(found) = store
        .find_respondent(assessment, given)
        .map_err(store_failure)?
    {
        return Ok(found.id);
    }
    let by_id = given
        .trim()
        .parse::<i64>()
        .ok()
        .map(RespondentId)
        .and_then(|id| store.respondent(id).ok())
        .filter(|found| found.assessment == assessment);
    by_id.map(|found| found.id).ok_or_else(|| {
        Failure::Error(anyhow!(
            "assessment {} has no respondent « {} » (give their label or id; `tcm assessment show {}` lists them)",
            assessment.0,
            given.trim(),
            assessment.0
        ))
    })
}
