//! Questionnaires and form choices.

use tauri::State;
use tcm_api::transfer::{FormChoices, QuestionnaireDetail, QuestionnaireOverview};
use tcm_api::{ApiError, Workbench};

#[tauri::command]
pub fn list_questionnaires() -> Result<Vec<QuestionnaireOverview>, ApiError> {
    tcm_api::questionnaires::list_questionnaires()
}

#[tauri::command]
pub fn questionnaire_overview(id: Option<String>) -> Result<QuestionnaireOverview, ApiError> {
    tcm_api::questionnaires::questionnaire_overview(id.as_deref())
}

#[tauri::command]
pub fn form_choices() -> Result<FormChoices, ApiError> {
    tcm_api::assessments::form_choices()
}

#[tauri::command]
pub fn assessment_questionnaire(
    workbench: State<'_, Workbench>,
    assessment: i64,
) -> Result<QuestionnaireDetail, ApiError> {
    tcm_api::assessments::assessment_questionnaire(&workbench, assessment)
}
