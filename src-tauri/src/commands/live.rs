//! The live workshop session: each command forwards to `tcm-live`'s desk, which holds the one
//! session the app runs. Nothing here decides.

use std::sync::Arc;

use tauri::State;
use tcm_api::transfer::{LiveConsensusInput, LiveInterface, LiveSessionView, LiveStartInput};
use tcm_api::{ApiError, Workbench};
use tcm_live::LiveDesk;

#[tauri::command]
pub async fn live_interfaces() -> Result<Vec<LiveInterface>, ApiError> {
    tcm_live::interfaces()
}

#[tauri::command]
pub async fn live_start(
    workbench: State<'_, Arc<Workbench>>,
    desk: State<'_, Arc<LiveDesk>>,
    input: LiveStartInput,
) -> Result<LiveSessionView, ApiError> {
    desk.start(Arc::clone(&workbench), &input).await
}

#[tauri::command]
pub async fn live_status(
    desk: State<'_, Arc<LiveDesk>>,
) -> Result<Option<LiveSessionView>, ApiError> {
    desk.status()
}

#[tauri::command]
pub async fn live_push(
    desk: State<'_, Arc<LiveDesk>>,
    question: String,
) -> Result<LiveSessionView, ApiError> {
    desk.push(&question)
}

#[tauri::command]
pub async fn live_reveal(
    desk: State<'_, Arc<LiveDesk>>,
    question: String,
) -> Result<LiveSessionView, ApiError> {
    desk.reveal(&question)
}

#[tauri::command]
pub async fn live_consensus(
    desk: State<'_, Arc<LiveDesk>>,
    input: LiveConsensusInput,
) -> Result<LiveSessionView, ApiError> {
    desk.record_consensus(&input).await
}

#[tauri::command]
pub async fn live_stop(desk: State<'_, Arc<LiveDesk>>) -> Result<(), ApiError> {
    desk.stop().await;
    Ok(())
}
