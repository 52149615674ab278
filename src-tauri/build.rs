//! Builds the shell. The app's commands are declared here as well as in `src/lib.rs`: Tauri
//! then generates one `allow-<command>` permission per command, and the web view may call a
//! command only when `capabilities/default.json` grants its permission (an undeclared or
//! ungranted command is refused by Tauri's access control before any code runs).
//! `tests/security.rs` checks that this list, the handler list, the capability and
//! `ui/src/lib/api.ts` agree.

const COMMANDS: &[&str] = &[
    "list_questionnaires",
    "questionnaire_overview",
    "form_choices",
    "assessment_questionnaire",
    "list_organisations",
    "list_assessments",
    "create_assessment",
    "create_reaudit",
    "assessment_detail",
    "update_assessment",
    "delete_assessment",
    "add_respondent",
    "update_respondent",
    "remove_respondent",
    "anonymise_respondent",
    "erase_respondent",
    "respondent_answers",
    "save_answer",
    "set_resume_question",
    "consensus_sheet",
    "set_consensus",
    "action_plan",
    "keep_action",
    "update_action",
    "delete_action",
    "app_info",
    "list_backups",
    "backup_now",
    "restore_backup",
    "open_database",
    "quit_app",
    "choose_save_path",
    "choose_open_path",
    "export_assessment",
    "import_tcm",
    "import_responses",
    "assessment_results",
    "export_report",
    "export_blank_grid",
    "open_demo",
    "report_settings",
    "save_report_settings",
    "set_report_logo",
    "clear_report_logo",
    "live_interfaces",
    "live_start",
    "live_status",
    "live_follow",
    "live_push",
    "live_reveal",
    "live_consensus",
    "live_stop",
    "choose_folder",
    "list_cases",
    "create_class_exercise",
    "list_class_exercises",
    "class_exercise",
    "grade_class",
    "group_sheet",
    "class_debrief",
    "import_group_folder",
    "export_class",
    "assessment_strategy",
    "set_initiative_wave",
    "set_initiative_dates",
    "clear_initiative_wave",
    "cancel_operation",
    "assessment_follow_up",
    "assessment_benchmark",
    "set_benchmark_folder",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri build failed: {error:#}");
    }
}
