//! The only module that calls `tcm-api` (and the store through the workbench): every read and
//! write of a live session goes through these functions, run off the async threads with
//! `spawn_blocking`. Answers (in batches, see `writer`) and consensus are saved with the same
//! handlers the window uses.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use tcm_api::transfer::{
    AssessmentDetail, ConsensusInput, QuestionnaireDetail, RespondentAnswers, RespondentView,
    SaveAnswerInput, SavedAnswer,
};
use tcm_api::{ApiError, ErrorKind, Workbench};
use tcm_store::{AssessmentId, LiveJoin};

/// Runs a blocking call on tokio's blocking threads.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|error| {
            Err(ApiError::new(
                ErrorKind::Internal,
                format!("a database call of the live session failed: {error}"),
            ))
        })
}

/// The assessment and its questionnaire, read once when a session starts.
pub fn load(
    workbench: &Workbench,
    assessment: i64,
) -> Result<(AssessmentDetail, QuestionnaireDetail), ApiError> {
    Ok((
        tcm_api::assessments::assessment_detail(workbench, assessment)?,
        tcm_api::assessments::assessment_questionnaire(workbench, assessment)?,
    ))
}

/// A participant as saved at join.
pub struct Joined {
    pub respondent: i64,
    pub label: String,
    pub group: String,
}

/// Adds the participant as a respondent of the assessment and remembers its token's hash, in
/// one unit of work: a join is saved whole or not at all.
pub fn join(
    workbench: &Workbench,
    assessment: i64,
    joining: &LiveJoin,
    group: &str,
    token_hash: &str,
) -> Result<Joined, ApiError> {
    workbench.with_store(|store, now| {
        let respondent =
            store.join_live_session(AssessmentId(assessment), joining, group, token_hash, now)?;
        Ok(Joined {
            respondent: respondent.id.0,
            label: respondent.profile.label,
            group: respondent.profile.group,
        })
    })
}

/// A participant that joined an earlier session of this assessment, with what they answered.
pub struct Resumed {
    pub respondent: RespondentView,
    pub issued_at: DateTime<Utc>,
    pub answers: RespondentAnswers,
}

/// The participant holding the token with this hash, if any.
pub fn resume(
    workbench: &Workbench,
    assessment: i64,
    token_hash: &str,
) -> Result<Option<Resumed>, ApiError> {
    let Some(participant) = workbench
        .with_store(|store, _| Ok(store.live_participant(AssessmentId(assessment), token_hash)?))?
    else {
        return Ok(None);
    };
    let detail = tcm_api::assessments::assessment_detail(workbench, assessment)?;
    let Some(respondent) = detail
        .respondents
        .into_iter()
        .find(|respondent| respondent.id == participant.respondent.0)
    else {
        return Ok(None);
    };
    let answers = tcm_api::assessments::respondent_answers(workbench, respondent.id)?;
    Ok(Some(Resumed {
        respondent,
        issued_at: participant.issued_at,
        answers,
    }))
}

/// An answer (or a comment on it) as a participant sent it.
pub struct Answered {
    pub respondent: i64,
    pub question: String,
    /// `0`–`4`, `NA` or `?`.
    pub value: String,
    pub comment: String,
}

/// Saves answers that arrived together in ONE unit of work, with the window's handler
/// (`save_answers`: the same checks as one answer saved from the window): committed when
/// this returns. One outcome per answer, in order; a bad answer gets its own error and the
/// others are saved. The outer error means none was saved.
pub fn save_answers(
    workbench: &Workbench,
    answers: &[Answered],
) -> Result<Vec<Result<SavedAnswer, ApiError>>, ApiError> {
    let mut outcomes: Vec<Option<Result<SavedAnswer, ApiError>>> = Vec::new();
    let mut inputs = Vec::with_capacity(answers.len());
    for answer in answers {
        match answer.value.parse::<tcm_core::Answer>() {
            Ok(value) => {
                inputs.push(SaveAnswerInput {
                    respondent_id: answer.respondent,
                    question_id: answer.question.clone(),
                    answer: Some(value.into()),
                    comment: answer.comment.clone(),
                    resume_question: None,
                });
                outcomes.push(None);
            }
            Err(error) => outcomes.push(Some(Err(ApiError::invalid(error.to_string())))),
        }
    }
    let mut saved = tcm_api::assessments::save_answers(workbench, &inputs)?.into_iter();
    Ok(outcomes
        .into_iter()
        .map(|outcome| {
            outcome.or_else(|| saved.next()).unwrap_or_else(|| {
                Err(ApiError::new(
                    ErrorKind::Internal,
                    "an answer of the batch has no outcome",
                ))
            })
        })
        .collect())
}

/// Records the value the room agreed on.
pub fn record_consensus(
    workbench: &Workbench,
    assessment: i64,
    question: &str,
    value: &str,
    note: &str,
) -> Result<SavedAnswer, ApiError> {
    tcm_api::assessments::set_consensus(
        workbench,
        &ConsensusInput {
            assessment_id: assessment,
            question_id: question.to_owned(),
            value: Some(consensus_value(value)?),
            note: note.to_owned(),
        },
    )
}

/// The workbench shared by the window (or the CLI) and the session.
pub type SharedWorkbench = Arc<Workbench>;

/// A consensus value as the room's page sends it: a level `0`–`4` or `NA`.
fn consensus_value(value: &str) -> Result<tcm_api::transfer::ConsensusValue, ApiError> {
    match value.parse::<tcm_core::Answer>() {
        Ok(tcm_core::Answer::Level(level)) => Ok(tcm_core::Consensus::Level(level).into()),
        Ok(tcm_core::Answer::NotApplicable) => Ok(tcm_core::Consensus::NotApplicable.into()),
        Ok(tcm_core::Answer::DontKnow) => Err(ApiError::invalid(
            "a consensus is a level (0–4) or NA, not ?",
        )),
        Err(error) => Err(ApiError::invalid(error.to_string())),
    }
}
