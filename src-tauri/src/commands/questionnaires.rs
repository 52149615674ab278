//! Questionnaires and form choices.

use std::sync::Arc;

use tauri::State;
use tcm_api::transfer::{FormChoices, QuestionnaireDetail, QuestionnaireOverview};

use tcm_api::{ApiError, Workbench};

use super::run;

#[tauri::command(async)]
pub fn list_questionnaires() -> Result<Vec<QuestionnaireOverview>, ApiError> {
    tcm_api::questionnaires::list_questionnaires()
}

#[tauri::command(async)]
pub fn questionnaire_overview(id: Option<String>) -> Result<QuestionnaireOverview, ApiError> {
    tcm_api::questionnaires::questionnaire_overview(id.as_deref())
}

#[tauri::command(async)]
pub fn form_choices() -> Result<FormChoices, ApiError> {
    tcm_api::assessments::form_choices()
}

#[tauri::command]
pub async fn assessment_questionnaire(
    workbench: State<'_, Arc<Workbench>>,
    assessment: i64,
) -> Result<QuestionnaireDetail, ApiError> {
    run(&workbench, move |workbench| {
        tcm_api::assessments::assessment_questionnaire(workbench, assessment)
    })
    .await
}
