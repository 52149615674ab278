//! The action plan. `language` words the proposals (the assessment's own when absent).

use std::sync::Arc;
use tauri::State;
use tcm_api::plan as handlers;
use tcm_api::transfer::{ActionInput, PlanView};

use tcm_api::{ApiError, Workbench};

use super::run;

#[tauri::command]
pub async fn action_plan(
    workbench: State<'_, Arc<Workbench>>,
    assessment: i64,
    language: Option<String>,
) -> Result<PlanView, ApiError> {
    run(&workbench, move |workbench| {
        handlers::action_plan(workbench, assessment, language.as_deref())
    })
    .await
}

#[tauri::command]
pub async fn keep_action(
    workbench: State<'_, Arc<Workbench>>,
    assessment: i64,
    input: ActionInput,
    language: Option<String>,
) -> Result<PlanView, ApiError> {
    run(&workbench, move |workbench| {
        handlers::keep_action(workbench, assessment, &input, language.as_deref())
    })
    .await
}

#[tauri::command]
pub async fn update_action(
    workbench: State<'_, Arc<Workbench>>,
    action: i64,
    input: ActionInput,
    language: Option<String>,
) -> Result<PlanView, ApiError> {
    run(&workbench, move |workbench| {
        handlers::update_action(workbench, action, &input, language.as_deref())
    })
    .await
}

#[tauri::command]
pub async fn delete_action(
    workbench: State<'_, Arc<Workbench>>,
    action: i64,
    language: Option<String>,
) -> Result<PlanView, ApiError> {
    run(&workbench, move |workbench| {
        handlers::delete_action(workbench, action, language.as_deref())
    })
    .await
}
