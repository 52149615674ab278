//! The action plan. `language` words the proposals (the assessment's own when absent).

use tauri::State;
use tcm_api::plan as handlers;
use tcm_api::transfer::{ActionInput, PlanView};
use tcm_api::{ApiError, Workbench};

#[tauri::command]
pub fn action_plan(
    workbench: State<'_, Workbench>,
    assessment: i64,
    language: Option<String>,
) -> Result<PlanView, ApiError> {
    handlers::action_plan(&workbench, assessment, language.as_deref())
}

#[tauri::command]
pub fn keep_action(
    workbench: State<'_, Workbench>,
    assessment: i64,
    input: ActionInput,
    language: Option<String>,
) -> Result<PlanView, ApiError> {
    handlers::keep_action(&workbench, assessment, &input, language.as_deref())
}

#[tauri::command]
pub fn update_action(
    workbench: State<'_, Workbench>,
    action: i64,
    input: ActionInput,
    language: Option<String>,
) -> Result<PlanView, ApiError> {
    handlers::update_action(&workbench, action, &input, language.as_deref())
}

#[tauri::command]
pub fn delete_action(
    workbench: State<'_, Workbench>,
    action: i64,
    language: Option<String>,
) -> Result<PlanView, ApiError> {
    handlers::delete_action(&workbench, action, language.as_deref())
}
