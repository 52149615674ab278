//! The TCM Workbench desktop shell. It only wires: the database is opened once into a
//! `tcm_api::Workbench`, and each command (in [`commands`]) adapts one `tcm-api` handler.
//! Nothing here decides anything about the domain.

pub mod commands;
pub mod grants;
pub mod webview;

use std::path::PathBuf;
use std::sync::Arc;

use tauri::{Builder, Manager, Runtime};
use tcm_api::Workbench;

/// The database the app works on: `--db FILE` on the command line, else `TCM_DB`, else the
/// platform's data folder; `None` when there is no data folder (the app then says so rather
/// than inventing a database in the working directory).
pub fn database_path(arguments: impl IntoIterator<Item = String>) -> Option<PathBuf> {
    tcm_store::location::resolve(given_database(arguments))
}

/// The workbench the app starts on: `--db FILE`, else `TCM_DB`, else the database the user
/// opened instead last time (remembered in `choice`, see `tcm_store::location`), else the
/// platform's data folder. A database opened from the recovery screen is remembered in
/// `choice` for the next start.
pub fn start_workbench(
    arguments: impl IntoIterator<Item = String>,
    choice: Option<PathBuf>,
) -> Workbench {
    use tcm_store::location::{DatabaseOrigin, resolve_for_app};
    let workbench = match resolve_for_app(given_database(arguments), choice.as_deref()) {
        Some((path, DatabaseOrigin::Chosen)) => Workbench::start_chosen(path, chrono::Utc::now),
        Some((path, _)) => Workbench::start(path, chrono::Utc::now),
        None => Workbench::without_database(chrono::Utc::now),
    };
    match choice {
        Some(file) => workbench.remembering(file),
        None => workbench,
    }
}

/// `--db FILE` or `--db=FILE`, the last one given.
fn given_database(arguments: impl IntoIterator<Item = String>) -> Option<PathBuf> {
    let mut arguments = arguments.into_iter();
    let mut given = None;
    while let Some(argument) = arguments.next() {
        if let Some(path) = argument.strip_prefix("--db=") {
            given = Some(PathBuf::from(path));
        } else if argument == "--db" {
            given = arguments.next().map(PathBuf::from);
        }
    }
    given
}

/// Registers the state, plugins and commands on a builder. Tests pass
/// `tauri::test::mock_builder()` and a workbench on a temporary database.
pub fn build_app<R: Runtime>(builder: Builder<R>, workbench: Workbench) -> Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(Arc::new(workbench))
        .manage(Arc::new(tcm_live::LiveDesk::new()))
        .manage(grants::DialogGrants::default())
        .manage(commands::operations::Operations::default())
        .invoke_handler(tauri::generate_handler![
            commands::questionnaires::list_questionnaires,
            commands::questionnaires::questionnaire_overview,
            commands::questionnaires::form_choices,
            commands::questionnaires::assessment_questionnaire,
            commands::assessments::list_organisations,
            commands::assessments::list_assessments,
            commands::assessments::create_assessment,
            commands::assessments::create_reaudit,
            commands::assessments::assessment_detail,
            commands::assessments::update_assessment,
            commands::assessments::delete_assessment,
            commands::assessments::add_respondent,
            commands::assessments::update_respondent,
            commands::assessments::remove_respondent,
            commands::assessments::anonymise_respondent,
            commands::assessments::erase_respondent,
            commands::assessments::respondent_answers,
            commands::assessments::save_answer,
            commands::assessments::set_resume_question,
            commands::assessments::consensus_sheet,
            commands::assessments::set_consensus,
            commands::plan::action_plan,
            commands::plan::keep_action,
            commands::plan::update_action,
            commands::plan::delete_action,
            commands::strategy::assessment_strategy,
            commands::strategy::assessment_follow_up,
            commands::strategy::assessment_benchmark,
            commands::strategy::set_benchmark_folder,
            commands::strategy::set_initiative_wave,
            commands::strategy::set_initiative_dates,
            commands::strategy::clear_initiative_wave,
            commands::settings::app_info,
            commands::settings::list_backups,
            commands::settings::backup_now,
            commands::settings::restore_backup,
            commands::settings::open_database,
            commands::settings::quit_app,
            commands::dialogs::choose_save_path,
            commands::dialogs::choose_open_path,
            commands::files::export_assessment,
            commands::files::import_tcm,
            commands::files::import_responses,
            commands::reports::assessment_results,
            commands::reports::export_report,
            commands::reports::export_blank_grid,
            commands::reports::open_demo,
            commands::reports::report_settings,
            commands::reports::save_report_settings,
            commands::reports::set_report_logo,
            commands::reports::clear_report_logo,
            commands::live::live_interfaces,
            commands::live::live_start,
            commands::live::live_status,
            commands::live::live_follow,
            commands::live::live_push,
            commands::live::live_reveal,
            commands::live::live_consensus,
            commands::live::live_stop,
            commands::dialogs::choose_folder,
            commands::classroom::list_cases,
            commands::classroom::create_class_exercise,
            commands::classroom::list_class_exercises,
            commands::classroom::class_exercise,
            commands::classroom::grade_class,
            commands::classroom::group_sheet,
            commands::classroom::class_debrief,
            commands::classroom::import_group_folder,
            commands::classroom::export_class,
            commands::operations::cancel_operation,
        ])
}

/// Starts the application.
pub fn run() {
    let workbench = start_workbench(std::env::args().skip(1), tcm_store::location::choice_file());
    let context = tauri::generate_context!();
    let builder = build_app(Builder::default(), workbench).setup(|app| {
        if let Some(window) = app.get_webview_window("main") {
            webview::tune(&window)?;
        }
        // The full check of the file and the start-up backup take time proportional to the
        // database: off the main thread, so the window opens at once.
        let workbench = Arc::clone(app.state::<Arc<Workbench>>().inner());
        tauri::async_runtime::spawn_blocking(move || {
            if let Err(error) = workbench.check_and_back_up() {
                eprintln!("TCM Workbench: {}", error.message);
            }
        });
        Ok(())
    });
    match builder.build(context) {
        Ok(app) => app.run(|handle, event| {
            // A live session ends with the app: every device is refused, the port closes.
            if let tauri::RunEvent::Exit = event {
                handle.state::<Arc<tcm_live::LiveDesk>>().close();
            }
        }),
        Err(error) => {
            eprintln!("TCM Workbench could not start: {error}");
            std::process::exit(1);
        }
    }
}
