//! Native file dialogs, opened from Rust so that the web view needs no dialog permission.
//!
//! Every path a dialog returns is recorded in [`DialogGrants`]: the commands that write or
//! read a file accept only such a path (see `crate::grants`).
//!
//! Test hooks, compiled into debug builds only (the end-to-end run uses one) and inert unless
//! set: `TCM_E2E_SAVE_DIR` makes a save dialog answer `<dir>/<suggested name>` at once,
//! `TCM_E2E_OPEN_FILE` makes an open dialog answer that file and `TCM_E2E_OPEN_FOLDER` a
//! folder dialog that folder: WebDriver cannot drive a native
//! dialog. A release build has neither (`cfg(debug_assertions)`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;
use tcm_api::{ApiError, Workbench};

use crate::grants::{DialogGrants, Grant};

/// Refuses a chosen path that must never be written (the database, its companion files, its
/// backups, a folder, a device) before the UI asks for anything to be written there.
fn check_output<R: Runtime>(app: &AppHandle<R>, path: &Path) -> Result<(), ApiError> {
    let workbench = app.state::<Arc<Workbench>>();
    tcm_api::files::check_output_path(&workbench.path(), path)
}

/// Asks where to save a file; `None` when the user cancels.
#[tauri::command]
pub async fn choose_save_path<R: Runtime>(
    app: AppHandle<R>,
    suggested_name: String,
    filter_name: String,
    extensions: Vec<String>,
) -> Result<Option<String>, ApiError> {
    if let Some(path) = test_hooks::save_path(&suggested_name) {
        return granted(&app, Grant::Write, Some(path));
    }
    let extensions: Vec<&str> = extensions.iter().map(String::as_str).collect();
    let chosen = app
        .dialog()
        .file()
        .set_file_name(suggested_name)
        .add_filter(filter_name, &extensions)
        .blocking_save_file();
    let chosen = chosen.and_then(|path| path.as_path().map(Path::to_path_buf));
    granted(&app, Grant::Write, chosen)
}

/// Asks which file to open; `None` when the user cancels.
#[tauri::command]
pub async fn choose_open_path<R: Runtime>(
    app: AppHandle<R>,
    filter_name: String,
    extensions: Vec<String>,
) -> Result<Option<String>, ApiError> {
    if let Some(path) = test_hooks::open_path() {
        return granted(&app, Grant::Read, Some(path));
    }
    let extensions: Vec<&str> = extensions.iter().map(String::as_str).collect();
    let chosen = app
        .dialog()
        .file()
        .add_filter(filter_name, &extensions)
        .blocking_pick_file();
    let chosen = chosen.and_then(|path| path.as_path().map(Path::to_path_buf));
    granted(&app, Grant::Read, chosen)
}

/// Checks a chosen file (a file to write must not be the database or its backups), records
/// the grant, and returns the path as the UI will send it back.
fn granted<R: Runtime>(
    app: &AppHandle<R>,
    grant: Grant,
    chosen: Option<PathBuf>,
) -> Result<Option<String>, ApiError> {
    let Some(path) = chosen else {
        return Ok(None);
    };
    if grant == Grant::Write {
        check_output(app, &path)?;
    }
    let text = path.display().to_string();
    app.state::<DialogGrants>().grant(grant, Path::new(&text));
    Ok(Some(text))
}

/// The end-to-end hooks: only in debug builds.
#[cfg(debug_assertions)]
mod test_hooks {
    use std::path::PathBuf;

    pub fn save_path(suggested_name: &str) -> Option<PathBuf> {
        std::env::var_os("TCM_E2E_SAVE_DIR").map(|dir| PathBuf::from(dir).join(suggested_name))
    }

    pub fn open_path() -> Option<PathBuf> {
        std::env::var_os("TCM_E2E_OPEN_FILE").map(PathBuf::from)
    }

    pub fn open_folder() -> Option<PathBuf> {
        std::env::var_os("TCM_E2E_OPEN_FOLDER").map(PathBuf::from)
    }
}

/// A release build answers every dialog with the real dialog.
#[cfg(not(debug_assertions))]
mod test_hooks {
    use std::path::PathBuf;

    pub fn save_path(_suggested_name: &str) -> Option<PathBuf> {
        None
    }

    pub fn open_path() -> Option<PathBuf> {
        None
    }

    pub fn open_folder() -> Option<PathBuf> {
        None
    }
}

/// Asks which folder to open (the folder of a class's returned files); `None` when the user
/// cancels. The folder is granted for reading (the class import reads the files in it).
#[tauri::command]
pub async fn choose_folder<R: Runtime>(app: AppHandle<R>) -> Result<Option<String>, ApiError> {
    if let Some(folder) = test_hooks::open_folder() {
        return granted(&app, Grant::Read, Some(folder));
    }
    let chosen = app.dialog().file().blocking_pick_folder();
    let chosen = chosen.and_then(|path| path.as_path().map(Path::to_path_buf));
    granted(&app, Grant::Read, chosen)
}
