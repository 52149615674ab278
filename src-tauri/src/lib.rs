//! The TCM Workbench desktop shell. It only wires: commands (in [`commands`]) adapt
//! `tcm-api` handlers to Tauri; nothing here decides anything about the domain.

pub mod commands;

use tauri::{Builder, Runtime};

/// Registers the commands on a builder. Tests pass `tauri::test::mock_builder()`.
pub fn build_app<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::list_questionnaires,
        commands::questionnaire_overview,
    ])
}

/// Starts the application.
pub fn run() {
    let context = tauri::generate_context!();
    if let Err(error) = build_app(Builder::default()).run(context) {
        eprintln!("TCM Workbench could not start: {error}");
        std::process::exit(1);
    }
}
