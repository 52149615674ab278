//! Native file dialogs, opened from Rust so that the web view needs no dialog permission.
//!
//! Test hooks, inert unless set: `TCM_E2E_SAVE_DIR` makes a save dialog answer
//! `<dir>/<suggested name>` at once, `TCM_E2E_OPEN_FILE` makes an open dialog answer that
//! file and `TCM_E2E_OPEN_FOLDER` a folder dialog that folder: WebDriver cannot drive a native
//! dialog.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;
use tcm_api::{ApiError, Workbench};

/// Refuses a chosen path that must never be written (the database, its companion files, its
/// backups, a folder, a device) before the UI asks for anything to be written there.
fn check_output<R: Runtime>(app: &AppHandle<R>, path: &Path) -> Result<(), ApiError> {
    let workbench = app.state::<Arc<Workbench>>();
    tcm_api::files::check_output_path(workbench.path(), path)
}

/// Asks where to save a file; `None` when the user cancels.
#[tauri::command]
pub async fn choose_save_path<R: Runtime>(
    app: AppHandle<R>,
    suggested_name: String,
    filter_name: String,
    extensions: Vec<String>,
) -> Result<Option<String>, ApiError> {
    if let Some(dir) = std::env::var_os("TCM_E2E_SAVE_DIR") {
        let path = PathBuf::from(dir).join(&suggested_name);
        check_output(&app, &path)?;
        return Ok(Some(path.display().to_string()));
    }
    let extensions: Vec<&str> = extensions.iter().map(String::as_str).collect();
    let chosen = app
        .dialog()
        .file()
        .set_file_name(suggested_name)
        .add_filter(filter_name, &extensions)
        .blocking_save_file();
    let chosen = chosen.and_then(|path| path.as_path().map(Path::to_path_buf));
    if let Some(path) = &chosen {
        check_output(&app, path)?;
    }
    Ok(chosen.map(|path| path.display().to_string()))
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

/// Asks which folder to open (the folder of a class's returned files); `None` when the user
/// cancels. Test hook: `TCM_E2E_OPEN_FOLDER` answers that folder at once.
#[tauri::command]
pub async fn choose_folder<R: Runtime>(app: AppHandle<R>) -> Result<Option<String>, ApiError> {
    if let Some(folder) = std::env::var_os("TCM_E2E_OPEN_FOLDER") {
        return Ok(Some(PathBuf::from(folder).display().to_string()));
    }
    let chosen = app.dialog().file().blocking_pick_folder();
    Ok(chosen.and_then(|path| path.as_path().map(|path| path.display().to_string())))
}
