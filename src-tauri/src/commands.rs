//! Tauri commands: each adapts one `tcm-api` handler and returns its result unchanged.
//! Their TypeScript wrappers are in `ui/src/lib/api.ts` (a test checks both lists match).

use tcm_api::ApiError;
use tcm_api::transfer::QuestionnaireOverview;

#[tauri::command]
pub fn list_questionnaires() -> Result<Vec<QuestionnaireOverview>, ApiError> {
    tcm_api::questionnaires::list_questionnaires()
}

#[tauri::command]
pub fn questionnaire_overview(id: Option<String>) -> Result<QuestionnaireOverview, ApiError> {
    tcm_api::questionnaires::questionnaire_overview(id.as_deref())
}
