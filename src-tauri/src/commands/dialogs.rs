//! Native file dialogs, opened from Rust so that the web view needs no dialog permission.
//!
//! Test hooks, inert unless set: `TCM_E2E_SAVE_DIR` makes a save dialog answer
//! `<dir>/<suggested name>` at once, and `TCM_E2E_OPEN_FILE` makes an open dialog answer that
//! file: WebDriver cannot drive a native dialog.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;
use tcm_api::ApiError;

/// Asks where to save a file; `None` when the user cancels.
#[tauri::command]
pub async fn choose_save_path<R: Runtime>(
    app: AppHandle<R>,
    suggested_name: String,
    filter_name: String,
    extensions: Vec<String>,
) -> Result<Option<String>, ApiError> {
    if let Some(dir) = std::env::var_os("TCM_E2E_SAVE_DIR") {
        return Ok(Some(
            PathBuf::from(dir)
                .join(&suggested_name)
                .display()
                .to_string(),
        ));
    }
    let extensions: Vec<&str> = extensions.iter().map(String::as_str).collect();
    let chosen = app
        .dialog()
        .file()
        .set_file_name(suggested_name)
        .add_filter(filter_name, &extensions)
        .blocking_save_file();
    Ok(chosen.and_then(|path| path.as_path().map(|path| path.display().to_string())))
}

/// Asks which file to open; `None` when the user cancels.
#[tauri::command]
pub async fn choose_open_path<R: Runtime>(
    app: AppHandle<R>,
    filter_name: String,
    extensions: Vec<String>,
) -> Result<Option<String>, ApiError> {
    if let Some(file) = std::env::var_os("TCM_E2E_OPEN_FILE") {
        return Ok(Some(PathBuf::from(file).display().to_string()));
    }
    let extensions: Vec<&str> = extensions.iter().map(String::as_str).collect();
    let chosen = app
        .dialog()
        .file()
        .add_filter(filter_name, &extensions)
        .blocking_pick_file();
    Ok(chosen.and_then(|path| path.as_path().map(|path| path.display().to_string())))
}
