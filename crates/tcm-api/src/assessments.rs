//! Handlers for organisations, assessments, respondents and answers.

use std::collections::hash_map::Entry;

use tcm_core::{
    ActionStatus, Assessment, AssessmentStatus, Mode, Organisation, OrganisationSize,
    RespondentProfile, Score, Sector, StageId, Targets,
};
use tcm_store::{
    AssessmentId, ErasedAnswers, KeptComments, NewAssessment, OrganisationId, RespondentId, Store,
    StoredOrganisation,
};

use crate::catalogue;
use crate::error::ApiError;
use crate::transfer::{
    AnswerView, AssessmentDetail, AssessmentListItem, AssessmentUpdate, Choice, ConsensusInput,
    ConsensusSheet, ConsensusView, FormChoices, LabelledAnswer, NewAssessmentInput,
    OrganisationInput, OrganisationView, QuestionAnswers, RespondentAnswers, RespondentInput,
    RespondentView, SaveAnswerInput, SavedAnswer, count,
};
use crate::workbench::Workbench;

fn choice<T: ts_rs::TS>(id: T, name: &tcm_core::Localized) -> Choice<T> {
    Choice {
        id,
        name: name.into(),
    }
}

/// The values the forms offer, with their names.
pub fn form_choices() -> Result<FormChoices, ApiError> {
    Ok(FormChoices {
        sectors: Sector::ALL
            .iter()
            .map(|value| choice((*value).into(), &value.names()))
            .collect(),
        sizes: OrganisationSize::ALL
            .iter()
            .map(|value| choice((*value).into(), &value.names()))
            .collect(),
        modes: Mode::ALL
            .iter()
            .map(|value| choice((*value).into(), &value.names()))
            .collect(),
        statuses: AssessmentStatus::ALL
            .iter()
            .map(|value| choice((*value).into(), &value.names()))
            .collect(),
        action_statuses: ActionStatus::ALL
            .iter()
            .map(|value| choice((*value).into(), &value.names()))
            .collect(),
        questionnaires: catalogue::bundled()?
            .iter()
            .map(|questionnaire| choice(questionnaire.id().to_owned(), questionnaire.title()))
            .collect(),
    })
}

fn targets(levels: &[u8]) -> Result<Targets, ApiError> {
    let levels: [u8; 5] = levels.try_into().map_err(|_| {
        ApiError::invalid(format!(
            "five targets are expected (one per stage), found {}",
            levels.len()
        ))
    })?;
    Targets::new(levels).map_err(|error| ApiError::invalid(error.to_string()))
}

fn organisation_view(stored: &StoredOrganisation) -> OrganisationView {
    OrganisationView {
        id: stored.id.0,
        name: stored.organisation.name.clone(),
        sector: stored.organisation.sector.into(),
        size: stored.organisation.size.map(Into::into),
        notes: stored.organisation.notes.clone(),
    }
}

pub fn list_organisations(workbench: &Workbench) -> Result<Vec<OrganisationView>, ApiError> {
    workbench.with_store(|store, _| {
        Ok(store
            .list_organisations()?
            .iter()
            .map(organisation_view)
            .collect())
    })
}

pub fn list_assessments(workbench: &Workbench) -> Result<Vec<AssessmentListItem>, ApiError> {
    workbench.with_store(|store, _| {
        let summaries = store.list_assessments()?;
        // Checked once per questionnaire snapshot, which assessments share.
        let mut modified = std::collections::HashMap::new();
        for summary in &summaries {
            if let std::collections::hash_map::Entry::Vacant(entry) =
                modified.entry(summary.questionnaire_snapshot)
            {
                let questionnaire = store.snapshot_questionnaire(summary.questionnaire_snapshot)?;
                entry.insert(catalogue::is_modified(&questionnaire));
            }
        }
        Ok(summaries
            .into_iter()
            .map(|summary| AssessmentListItem {
                questionnaire_modified: modified
                    .get(&summary.questionnaire_snapshot)
                    .copied()
                    .unwrap_or(false),
                id: summary.id.0,
                organisation_name: summary.organisation_name,
                title: summary.title,
                mode: summary.mode.into(),
                status: summary.status.into(),
                language: summary.language.into(),
                questionnaire_id: summary.questionnaire_id,
                respondents: count(summary.respondents),
                answered_questions: count(summary.answered_questions),
                question_count: count(summary.question_count),
                overall_score: summary
                    .overall_score
                    .map(|score| Score::new(score).rounded()),
                overall_level: summary
                    .overall_score
                    .map(|score| Score::new(score).level().number()),
                updated_at: summary.updated_at.to_rfc3339(),
                created_at: summary.created_at.to_rfc3339(),
            })
            .collect())
    })
}

/// Starts an assessment (and its organisation when new); returns its id.
pub fn create_assessment(
    workbench: &Workbench,
    input: &NewAssessmentInput,
) -> Result<i64, ApiError> {
    let questionnaire = catalogue::bundled()?
        .iter()
        .find(|questionnaire| questionnaire.id() == input.questionnaire_id)
        .ok_or_else(|| {
            ApiError::invalid(format!(
                "no questionnaire `{}` is bundled",
                input.questionnaire_id
            ))
        })?;
    let assessment = Assessment {
        title: input.title.trim().to_owned(),
        mode: input.mode.into(),
        language: input.language.into(),
        targets: targets(&input.targets)?,
        status: AssessmentStatus::InProgress,
    };
    if assessment.title.is_empty() {
        return Err(ApiError::invalid("the assessment needs a title"));
    }
    let new_organisation = match &input.organisation {
        OrganisationInput::Existing { .. } => None,
        OrganisationInput::New {
            name,
            sector,
            size,
            notes,
        } => {
            if name.trim().is_empty() {
                return Err(ApiError::invalid("the organisation needs a name"));
            }
            Some(Organisation {
                name: name.trim().to_owned(),
                sector: (*sector).into(),
                size: size.map(Into::into),
                notes: notes.trim().to_owned(),
            })
        }
    };
    let first_respondent = input
        .first_respondent
        .as_deref()
        .map(str::trim)
        .filter(|label| !label.is_empty())
        .map(|label| RespondentProfile {
            label: label.to_owned(),
            role: String::new(),
            group: String::new(),
        });
    workbench.with_store(|store, now| {
        let existing = match &input.organisation {
            OrganisationInput::Existing { id } => Some(store.organisation(OrganisationId(*id))?.id),
            OrganisationInput::New { .. } => None,
        };
        let id = store.write(now, "starting the assessment", |tx| {
            let organisation = match (existing, &new_organisation) {
                (Some(id), _) => id,
                (None, Some(organisation)) => tx.create_organisation(organisation)?,
                (None, None) => {
                    return Err(tcm_store::StoreError::Invalid(
                        "the assessment needs an organisation".to_owned(),
                    ));
                }
            };
            let id = tx.create_assessment(&NewAssessment {
                organisation,
                questionnaire,
                assessment: assessment.clone(),
            })?;
            if let Some(profile) = &first_respondent {
                tx.add_respondent(id, profile)?;
            }
            Ok(id)
        })?;
        Ok(id.0)
    })
}

pub(crate) fn respondent_view(stored: &tcm_store::StoredRespondent) -> RespondentView {
    RespondentView {
        id: stored.id.0,
        label: stored.profile.label.clone(),
        role: stored.profile.role.clone(),
        group: stored.profile.group.clone(),
        resume_question: stored.resume_question.as_ref().map(ToString::to_string),
    }
}

fn detail(store: &mut Store, id: AssessmentId) -> Result<AssessmentDetail, ApiError> {
    let stored = store.assessment(id)?;
    let organisation = store.organisation(stored.organisation)?;
    let respondents = store.list_respondents(id)?;
    let summary = store.assessment_summary(id)?;
    Ok(AssessmentDetail {
        id: id.0,
        uuid: stored.uuid,
        organisation: organisation_view(&organisation),
        title: stored.assessment.title,
        mode: stored.assessment.mode.into(),
        language: stored.assessment.language.into(),
        status: stored.assessment.status.into(),
        targets: StageId::ALL
            .iter()
            .map(|stage| stored.assessment.targets.of(*stage))
            .collect(),
        questionnaire_id: stored.questionnaire_id,
        questionnaire_version: stored.questionnaire_version,
        questionnaire_modified: catalogue::is_modified(&*store.questionnaire(id)?),
        respondents: respondents.iter().map(respondent_view).collect(),
        answered_questions: count(summary.answered_questions),
        question_count: count(summary.question_count),
        created_at: stored.created_at.to_rfc3339(),
        updated_at: stored.updated_at.to_rfc3339(),
    })
}

pub fn assessment_detail(workbench: &Workbench, id: i64) -> Result<AssessmentDetail, ApiError> {
    workbench.with_store(|store, _| detail(store, AssessmentId(id)))
}

pub fn update_assessment(
    workbench: &Workbench,
    id: i64,
    update: &AssessmentUpdate,
) -> Result<AssessmentDetail, ApiError> {
    let assessment = Assessment {
        title: update.title.trim().to_owned(),
        mode: update.mode.into(),
        language: update.language.into(),
        targets: targets(&update.targets)?,
        status: update.status.into(),
    };
    workbench.with_store(|store, now| {
        store.update_assessment(AssessmentId(id), &assessment, now)?;
        detail(store, AssessmentId(id))
    })
}

pub fn delete_assessment(workbench: &Workbench, id: i64) -> Result<(), ApiError> {
    workbench.with_store(|store, now| Ok(store.delete_assessment(AssessmentId(id), now)?))
}

/// The questionnaire of an assessment, in full.
pub fn assessment_questionnaire(
    workbench: &Workbench,
    id: i64,
) -> Result<crate::transfer::QuestionnaireDetail, ApiError> {
    workbench.with_store(|store, _| Ok((&*store.questionnaire(AssessmentId(id))?).into()))
}

fn profile(input: &RespondentInput) -> RespondentProfile {
    RespondentProfile {
        label: input.label.trim().to_owned(),
        role: input.role.trim().to_owned(),
        group: input.group.trim().to_owned(),
    }
}

pub fn add_respondent(
    workbench: &Workbench,
    assessment: i64,
    input: &RespondentInput,
) -> Result<RespondentView, ApiError> {
    workbench.with_store(|store, now| {
        let id = store.add_respondent(AssessmentId(assessment), &profile(input), now)?;
        Ok(respondent_view(&store.respondent(id)?))
    })
}

pub fn update_respondent(
    workbench: &Workbench,
    respondent: i64,
    input: &RespondentInput,
) -> Result<RespondentView, ApiError> {
    workbench.with_store(|store, now| {
        store.update_respondent(RespondentId(respondent), &profile(input), now)?;
        Ok(respondent_view(
            &store.respondent(RespondentId(respondent))?,
        ))
    })
}

pub fn remove_respondent(workbench: &Workbench, respondent: i64) -> Result<(), ApiError> {
    workbench.with_store(|store, now| Ok(store.remove_respondent(RespondentId(respondent), now)?))
}

/// Anonymises a respondent: "Participant N", no role, comments kept only when asked; their
/// answers and so every score stay as they are.
pub fn anonymise_respondent(
    workbench: &Workbench,
    respondent: i64,
    keep_comments: bool,
) -> Result<RespondentView, ApiError> {
    let comments = if keep_comments {
        KeptComments::Kept
    } else {
        KeptComments::Removed
    };
    workbench.with_store(|store, now| {
        let anonymous = store.anonymise_respondent(RespondentId(respondent), comments, now)?;
        Ok(respondent_view(&anonymous))
    })
}

/// Erases a respondent: with their answers, or leaving their answers under an anonymous
/// label (no role, group or comment) so that the scores do not change. Returns the anonymous
/// respondent left behind, or `None` when they left with their answers.
pub fn erase_respondent(
    workbench: &Workbench,
    respondent: i64,
    keep_answers: bool,
) -> Result<Option<RespondentView>, ApiError> {
    let answers = if keep_answers {
        ErasedAnswers::KeptAnonymous
    } else {
        ErasedAnswers::Removed
    };
    workbench.with_store(|store, now| {
        let id = RespondentId(respondent);
        store.erase_respondent(id, answers, now)?;
        Ok(if keep_answers {
            Some(respondent_view(&store.respondent(id)?))
        } else {
            None
        })
    })
}

/// One respondent's answers, and where they left off.
pub fn respondent_answers(
    workbench: &Workbench,
    respondent: i64,
) -> Result<RespondentAnswers, ApiError> {
    workbench.with_store(|store, _| {
        let stored = store.respondent(RespondentId(respondent))?;
        let sheet = store.answer_sheet(stored.assessment)?;
        let label = tcm_core::Respondent::new(stored.profile.label.clone());
        let answers = sheet
            .responses()
            .filter(|(who, _, _)| **who == label)
            .map(|(_, question, response)| AnswerView {
                question_id: question.to_string(),
                answer: response.answer.into(),
                comment: response.comment.clone().unwrap_or_default(),
            })
            .collect();
        Ok(RespondentAnswers {
            respondent_id: respondent,
            answers,
            resume_question: stored.resume_question.map(|question| question.to_string()),
        })
    })
}

/// Saves (or clears) one answer and remembers where the respondent stands (the input's
/// `resume_question`, else the answered question), in one transaction. When this returns, the
/// answer is on disk.
pub fn save_answer(
    workbench: &Workbench,
    input: &SaveAnswerInput,
) -> Result<SavedAnswer, ApiError> {
    workbench.with_store(|store, now| {
        let progress = store.write(now, "saving the answer", |tx| {
            let assessment = put_answer(tx, input)?;
            tx.progress(assessment)
        })?;
        Ok(saved_answer(&input.question_id, &progress, now))
    })
}

/// Saves many answers (of any respondents) in ONE unit of work, as a live session commits
/// the answers that arrived together: each is checked and written as [`save_answer`] does,
/// and a bad one is undone alone (its own error, in its place) while the others commit.
/// The outer error means nothing was saved (the unit of work failed as a whole).
pub fn save_answers(
    workbench: &Workbench,
    inputs: &[SaveAnswerInput],
) -> Result<Vec<Result<SavedAnswer, ApiError>>, ApiError> {
    if inputs.is_empty() {
        return Ok(Vec::new());
    }
    workbench.with_store(|store, now| {
        Ok(store.write(now, "saving answers", |tx| {
            let mut outcomes = Vec::with_capacity(inputs.len());
            for input in inputs {
                outcomes.push(tx.attempt(|tx| put_answer(tx, input))?);
            }
            // Where each assessment stands once the whole batch is in, measured once.
            let mut measured = std::collections::HashMap::new();
            let mut saved = Vec::with_capacity(inputs.len());
            for (outcome, input) in outcomes.into_iter().zip(inputs) {
                saved.push(match outcome {
                    Ok(assessment) => {
                        let progress = match measured.entry(assessment) {
                            Entry::Occupied(known) => known.into_mut(),
                            Entry::Vacant(slot) => slot.insert(tx.progress(assessment)?),
                        };
                        Ok(saved_answer(&input.question_id, progress, now))
                    }
                    Err(error) => Err(ApiError::from(error)),
                });
            }
            Ok(saved)
        })?)
    })
}

/// One answer written inside a unit of work, where the respondent stands with it: the one
/// write [`save_answer`] and [`save_answers`] share. Returns the respondent's assessment.
fn put_answer(
    tx: &mut tcm_store::Tx<'_>,
    input: &SaveAnswerInput,
) -> tcm_store::Result<AssessmentId> {
    let respondent = RespondentId(input.respondent_id);
    match input.answer.map(tcm_core::Answer::from) {
        Some(answer) => {
            tx.put_answer(respondent, &input.question_id, answer, Some(&input.comment))?
        }
        None => tx.clear_answer(respondent, &input.question_id)?,
    }
    let resume = input
        .resume_question
        .as_deref()
        .unwrap_or(&input.question_id);
    tx.set_resume_question(respondent, Some(resume))?;
    Ok(tx.respondent(respondent)?.assessment)
}

/// What the window is told once an answer (or a consensus value) to `question_id` is saved.
fn saved_answer(
    question_id: &str,
    progress: &tcm_store::Progress,
    now: chrono::DateTime<chrono::Utc>,
) -> SavedAnswer {
    SavedAnswer {
        question_id: question_id.to_owned(),
        answered_questions: count(progress.answered_questions),
        question_count: count(progress.question_count),
        overall_score: progress
            .overall_score
            .map(|score| Score::new(score).rounded()),
        saved_at: now.to_rfc3339(),
    }
}

/// The consensus values of an assessment, and every respondent's answers to compare.
pub fn consensus_sheet(workbench: &Workbench, assessment: i64) -> Result<ConsensusSheet, ApiError> {
    workbench.with_store(|store, _| {
        let id = AssessmentId(assessment);
        let values = store
            .consensus_notes(id)?
            .into_iter()
            .map(|note| ConsensusView {
                question_id: note.question.to_string(),
                value: note.value.into(),
                note: note.note,
            })
            .collect();
        let order: Vec<String> = store
            .list_respondents(id)?
            .into_iter()
            .map(|respondent| respondent.profile.label)
            .collect();
        let questionnaire = store.questionnaire(id)?;
        let sheet = store.answer_sheet(id)?;
        let answers = questionnaire
            .questions()
            .iter()
            .map(|question| QuestionAnswers {
                question_id: question.id.to_string(),
                answers: order
                    .iter()
                    .filter_map(|label| {
                        sheet
                            .response(&tcm_core::Respondent::new(label.clone()), &question.id)
                            .map(|response| LabelledAnswer {
                                respondent: label.clone(),
                                answer: response.answer.into(),
                                comment: response.comment.clone().unwrap_or_default(),
                            })
                    })
                    .collect(),
            })
            .filter(|question| !question.answers.is_empty())
            .collect();
        Ok(ConsensusSheet {
            assessment_id: assessment,
            values,
            answers,
        })
    })
}

/// Sets (or removes, with a `null` value) the value a group agreed on for a question.
pub fn set_consensus(
    workbench: &Workbench,
    input: &ConsensusInput,
) -> Result<SavedAnswer, ApiError> {
    let value: Option<tcm_core::Consensus> = input.value.map(Into::into);
    workbench.with_store(|store, now| {
        let progress = store.set_consensus(
            AssessmentId(input.assessment_id),
            &input.question_id,
            value.map(|value| (value, input.note.as_str())),
            now,
        )?;
        Ok(saved_answer(&input.question_id, &progress, now))
    })
}

/// Remembers where a respondent is without saving an answer (moving between questions).
pub fn set_resume_question(
    workbench: &Workbench,
    respondent: i64,
    question: &str,
) -> Result<(), ApiError> {
    workbench.with_store(|store, now| {
        Ok(store.set_resume_question(RespondentId(respondent), Some(question), now)?)
    })
}
