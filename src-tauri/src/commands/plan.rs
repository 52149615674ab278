//! The action plan.

use tauri::State;
use tcm_api::plan as handlers;
use tcm_api::transfer::{ActionInput, PlanView};
use tcm_api::{ApiError, Workbench};

#[tauri::command]
pub fn action_plan(workbench: State<'_, Workbench>, assessment: i64) -> Result<PlanView, ApiError> {
    handlers::action_plan(&workbench, assessment)
}

#[tauri::command]
pub fn keep_action(
    workbench: State<'_, Workbench>,
    assessment: i64,
    input: ActionInput,
) -> Result<PlanView, ApiError> {
    handlers::keep_action(&workbench, assessment, &input)
}

#[tauri::command]
pub fn update_action(
    workbench: State<'_, Workbench>,
    action: i64,
    input: ActionInput,
) -> Result<PlanView, ApiError> {
    handlers::update_action(&workbench, action, &input)
}

#[tauri::command]
pub fn delete_action(workbench: State<'_, Workbench>, action: i64) -> Result<PlanView, ApiError> {
    handlers::delete_action(&workbench, action)
}
