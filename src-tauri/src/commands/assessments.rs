//! Organisations, assessments, respondents and answers.

use std::sync::Arc;
use tauri::State;
use tcm_api::assessments as handlers;
use tcm_api::transfer::{
    AssessmentDetail, AssessmentListItem, AssessmentUpdate, ConsensusInput, ConsensusSheet,
    NewAssessmentInput, OrganisationView, ReauditInput, ReauditView, RespondentAnswers,
    RespondentInput, RespondentView, SaveAnswerInput, SavedAnswer,
};

use tcm_api::{ApiError, Workbench};

use super::run;

#[tauri::command]
pub async fn list_organisations(
    workbench: State<'_, Arc<Workbench>>,
) -> Result<Vec<OrganisationView>, ApiError> {
    run(&workbench, move |workbench| {
        handlers::list_organisations(workbench)
    })
    .await
}

#[tauri::command]
pub async fn list_assessments(
    workbench: State<'_, Arc<Workbench>>,
) -> Result<Vec<AssessmentListItem>, ApiError> {
    run(&workbench, move |workbench| {
        handlers::list_assessments(workbench)
    })
    .await
}

#[tauri::command]
pub async fn create_assessment(
    workbench: State<'_, Arc<Workbench>>,
    input: NewAssessmentInput,
) -> Result<i64, ApiError> {
    run(&workbench, move |workbench| {
        handlers::create_assessment(workbench, &input)
    })
    .await
}

/// "New follow-up audit": a re-audit carrying over the previous audit's open plan.
#[tauri::command]
pub async fn create_reaudit(
    workbench: State<'_, Arc<Workbench>>,
    input: ReauditInput,
) -> Result<ReauditView, ApiError> {
    run(&workbench, move |workbench| {
        tcm_api::reaudit::create_reaudit(workbench, &input)
    })
    .await
}

#[tauri::command]
pub async fn assessment_detail(
    workbench: State<'_, Arc<Workbench>>,
    assessment: i64,
) -> Result<AssessmentDetail, ApiError> {
    run(&workbench, move |workbench| {
        handlers::assessment_detail(workbench, assessment)
    })
    .await
}

#[tauri::command]
pub async fn update_assessment(
    workbench: State<'_, Arc<Workbench>>,
    assessment: i64,
    update: AssessmentUpdate,
) -> Result<AssessmentDetail, ApiError> {
    run(&workbench, move |workbench| {
        handlers::update_assessment(workbench, assessment, &update)
    })
    .await
}

#[tauri::command]
pub async fn delete_assessment(
    workbench: State<'_, Arc<Workbench>>,
    assessment: i64,
) -> Result<(), ApiError> {
    run(&workbench, move |workbench| {
        handlers::delete_assessment(workbench, assessment)
    })
    .await
}

#[tauri::command]
pub async fn add_respondent(
    workbench: State<'_, Arc<Workbench>>,
    assessment: i64,
    input: RespondentInput,
) -> Result<RespondentView, ApiError> {
    run(&workbench, move |workbench| {
        handlers::add_respondent(workbench, assessment, &input)
    })
    .await
}

#[tauri::command]
pub async fn update_respondent(
    workbench: State<'_, Arc<Workbench>>,
    respondent: i64,
    input: RespondentInput,
) -> Result<RespondentView, ApiError> {
    run(&workbench, move |workbench| {
        handlers::update_respondent(workbench, respondent, &input)
    })
    .await
}

#[tauri::command]
pub async fn remove_respondent(
    workbench: State<'_, Arc<Workbench>>,
    respondent: i64,
) -> Result<(), ApiError> {
    run(&workbench, move |workbench| {
        handlers::remove_respondent(workbench, respondent)
    })
    .await
}

#[tauri::command]
pub async fn anonymise_respondent(
    workbench: State<'_, Arc<Workbench>>,
    respondent: i64,
    keep_comments: bool,
) -> Result<RespondentView, ApiError> {
    run(&workbench, move |workbench| {
        handlers::anonymise_respondent(workbench, respondent, keep_comments)
    })
    .await
}

#[tauri::command]
pub async fn erase_respondent(
    workbench: State<'_, Arc<Workbench>>,
    respondent: i64,
    keep_answers: bool,
) -> Result<Option<RespondentView>, ApiError> {
    run(&workbench, move |workbench| {
        handlers::erase_respondent(workbench, respondent, keep_answers)
    })
    .await
}

#[tauri::command]
pub async fn respondent_answers(
    workbench: State<'_, Arc<Workbench>>,
    respondent: i64,
) -> Result<RespondentAnswers, ApiError> {
    run(&workbench, move |workbench| {
        handlers::respondent_answers(workbench, respondent)
    })
    .await
}

#[tauri::command]
pub async fn save_answer(
    workbench: State<'_, Arc<Workbench>>,
    input: SaveAnswerInput,
) -> Result<SavedAnswer, ApiError> {
    run(&workbench, move |workbench| {
        handlers::save_answer(workbench, &input)
    })
    .await
}

#[tauri::command]
pub async fn set_resume_question(
    workbench: State<'_, Arc<Workbench>>,
    respondent: i64,
    question: String,
) -> Result<(), ApiError> {
    run(&workbench, move |workbench| {
        handlers::set_resume_question(workbench, respondent, &question)
    })
    .await
}

#[tauri::command]
pub async fn consensus_sheet(
    workbench: State<'_, Arc<Workbench>>,
    assessment: i64,
) -> Result<ConsensusSheet, ApiError> {
    run(&workbench, move |workbench| {
        handlers::consensus_sheet(workbench, assessment)
    })
    .await
}

#[tauri::command]
pub async fn set_consensus(
    workbench: State<'_, Arc<Workbench>>,
    input: ConsensusInput,
) -> Result<SavedAnswer, ApiError> {
    run(&workbench, move |workbench| {
        handlers::set_consensus(workbench, &input)
    })
    .await
}
