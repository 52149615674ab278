//! The live workshop session: each command forwards to `tcm-live`'s desk, which holds the one
//! session the app runs. Nothing here decides.

use std::sync::Arc;

use tauri::State;
use tauri::ipc::Channel;
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

/// Sends the running session's view to the window's channel now and as it changes (joins,
/// votes, reveal; `null` once stopped), coalesced by `tcm-live`. Answers whether a session runs.
/// A window that follows again (after a reload) replaces its earlier follower.
#[tauri::command]
pub async fn live_follow(
    desk: State<'_, Arc<LiveDesk>>,
    on_change: Channel<Option<LiveSessionView>>,
) -> Result<bool, ApiError> {
    let Some(follower) = desk.follow() else {
        return Ok(false);
    };
    tauri::async_runtime::spawn(follower.run(move |view| on_change.send(view).is_ok()));
    Ok(true)
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
