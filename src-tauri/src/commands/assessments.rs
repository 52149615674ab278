//! Organisations, assessments, respondents and answers.

use tauri::State;
use tcm_api::assessments as handlers;
use tcm_api::transfer::{
    AssessmentDetail, AssessmentListItem, AssessmentUpdate, ConsensusInput, ConsensusSheet,
    NewAssessmentInput, OrganisationView, RespondentAnswers, RespondentInput, RespondentView,
    SaveAnswerInput, SavedAnswer,
};
use tcm_api::{ApiError, Workbench};

#[tauri::command]
pub fn list_organisations(
    workbench: State<'_, Workbench>,
) -> Result<Vec<OrganisationView>, ApiError> {
    handlers::list_organisations(&workbench)
}

#[tauri::command]
pub fn list_assessments(
    workbench: State<'_, Workbench>,
) -> Result<Vec<AssessmentListItem>, ApiError> {
    handlers::list_assessments(&workbench)
}

#[tauri::command]
pub fn create_assessment(
    workbench: State<'_, Workbench>,
    input: NewAssessmentInput,
) -> Result<i64, ApiError> {
    handlers::create_assessment(&workbench, &input)
}

#[tauri::command]
pub fn assessment_detail(
    workbench: State<'_, Workbench>,
    assessment: i64,
) -> Result<AssessmentDetail, ApiError> {
    handlers::assessment_detail(&workbench, assessment)
}

#[tauri::command]
pub fn update_assessment(
    workbench: State<'_, Workbench>,
    assessment: i64,
    update: AssessmentUpdate,
) -> Result<AssessmentDetail, ApiError> {
    handlers::update_assessment(&workbench, assessment, &update)
}

#[tauri::command]
pub fn delete_assessment(workbench: State<'_, Workbench>, assessment: i64) -> Result<(), ApiError> {
    handlers::delete_assessment(&workbench, assessment)
}

#[tauri::command]
pub fn add_respondent(
    workbench: State<'_, Workbench>,
    assessment: i64,
    input: RespondentInput,
) -> Result<RespondentView, ApiError> {
    handlers::add_respondent(&workbench, assessment, &input)
}

#[tauri::command]
pub fn update_respondent(
    workbench: State<'_, Workbench>,
    respondent: i64,
    input: RespondentInput,
) -> Result<RespondentView, ApiError> {
    handlers::update_respondent(&workbench, respondent, &input)
}

#[tauri::command]
pub fn remove_respondent(workbench: State<'_, Workbench>, respondent: i64) -> Result<(), ApiError> {
    handlers::remove_respondent(&workbench, respondent)
}

#[tauri::command]
pub fn respondent_answers(
    workbench: State<'_, Workbench>,
    respondent: i64,
) -> Result<RespondentAnswers, ApiError> {
    handlers::respondent_answers(&workbench, respondent)
}

#[tauri::command]
pub fn save_answer(
    workbench: State<'_, Workbench>,
    input: SaveAnswerInput,
) -> Result<SavedAnswer, ApiError> {
    handlers::save_answer(&workbench, &input)
}

#[tauri::command]
pub fn set_resume_question(
    workbench: State<'_, Workbench>,
    respondent: i64,
    question: String,
) -> Result<(), ApiError> {
    handlers::set_resume_question(&workbench, respondent, &question)
}

#[tauri::command]
pub fn consensus_sheet(
    workbench: State<'_, Workbench>,
    assessment: i64,
) -> Result<ConsensusSheet, ApiError> {
    handlers::consensus_sheet(&workbench, assessment)
}

#[tauri::command]
pub fn set_consensus(
    workbench: State<'_, Workbench>,
    input: ConsensusInput,
) -> Result<SavedAnswer, ApiError> {
    handlers::set_consensus(&workbench, &input)
}
