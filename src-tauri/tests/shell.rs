//! The shell without a window: commands answer through Tauri's IPC with the mock runtime,
//! errors arrive as `{kind, message}`, and the UI's wrappers name exactly the commands the
//! shell registers.

use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, get_ipc_response, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;

/// The app with the mock runtime, on a temporary database.
struct TestApp {
    _dir: tempfile::TempDir,
    _app: tauri::App<tauri::test::MockRuntime>,
    webview: tauri::WebviewWindow<tauri::test::MockRuntime>,
}

impl TestApp {
    fn start() -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let workbench = tcm_api::Workbench::start(dir.path().join("tcm.sqlite"), chrono::Utc::now);
        let app = tcm_desktop::build_app(mock_builder(), workbench)
            .build(mock_context(noop_assets()))
            .expect("the app builds with the mock runtime");
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("a mock window");
        TestApp {
            _dir: dir,
            _app: app,
            webview,
        }
    }

    fn invoke(
        &self,
        command: &str,
        body: serde_json::Value,
    ) -> Result<serde_json::Value, serde_json::Value> {
        get_ipc_response(
            &self.webview,
            InvokeRequest {
                cmd: command.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().expect("url"),
                body: InvokeBody::Json(body),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<serde_json::Value>().expect("JSON"))
    }
}

fn invoke(command: &str, body: serde_json::Value) -> Result<serde_json::Value, serde_json::Value> {
    TestApp::start().invoke(command, body)
}

#[test]
fn the_overview_command_returns_the_five_stages() {
    let overview = invoke("questionnaire_overview", serde_json::json!({})).expect("ok");
    let stages: Vec<&str> = overview["stages"]
        .as_array()
        .expect("stages")
        .iter()
        .map(|stage| stage["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        stages,
        ["creative", "active", "curative", "preventive", "proactive"]
    );
    assert_eq!(overview["stages"][0]["name"]["fr"], "Créative");
}

#[test]
fn commands_reach_the_database() {
    let app = TestApp::start();
    let invoke = |command: &str, body| app.invoke(command, body);
    let choices = invoke("form_choices", serde_json::json!({})).expect("ok");
    assert_eq!(choices["modes"][1]["name"]["fr"], "Atelier");
    let id = invoke(
        "create_assessment",
        serde_json::json!({"input": {
            "organisation": {"kind": "new", "name": "Maison Durand", "sector": "retail", "size": null, "notes": ""},
            "title": "Audit", "mode": "workshop", "language": "fr", "questionnaireId": "tcm-25-classroom",
            "targets": [4, 4, 4, 4, 4], "firstRespondent": "Groupe A"
        }}),
    )
    .expect("created");
    let detail =
        invoke("assessment_detail", serde_json::json!({"assessment": id})).expect("detail");
    assert_eq!(detail["questionCount"], 25);
    let respondent = detail["respondents"][0]["id"].clone();
    let saved = invoke(
        "save_answer",
        serde_json::json!({"input": {"respondentId": respondent, "questionId": "cre-01", "answer": "3", "comment": ""}}),
    )
    .expect("saved");
    assert_eq!(saved["answeredQuestions"], 1);
    let error = invoke(
        "save_answer",
        serde_json::json!({"input": {"respondentId": respondent, "questionId": "cre-02", "answer": "3", "comment": ""}}),
    )
    .expect_err("cre-02 is not in the classroom variant");
    assert_eq!(error["kind"], "invalidInput");
}

#[test]
fn errors_cross_as_kind_and_message() {
    let error = invoke("questionnaire_overview", serde_json::json!({"id": "nope"}))
        .expect_err("unknown id");
    assert_eq!(
        error,
        serde_json::json!({"kind": "notFound", "message": "no questionnaire `nope` is bundled"})
    );
}

/// The command names between `generate_handler![` and `]` in lib.rs.
fn registered_commands() -> Vec<String> {
    let source = include_str!("../src/lib.rs");
    let start =
        source.find("generate_handler![").expect("handler list") + "generate_handler![".len();
    let end = start + source[start..].find(']').expect("end of list");
    source[start..end]
        .split(',')
        .map(|entry| {
            entry
                .trim()
                .rsplit("::")
                .next()
                .unwrap_or_default()
                .to_owned()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// The command names the UI calls: `call<...>('name'` in api.ts.
fn wrapped_commands() -> Vec<String> {
    let source = include_str!("../../ui/src/lib/api.ts");
    source
        .match_indices("call<")
        .filter_map(|(at, _)| {
            // `call<T>('name'`: the type argument is followed at once by a quoted name (the
            // definition `call<T>(command: string` is not).
            let rest = &source[at..];
            let open = rest.find(">(")? + 2;
            let name = rest[open..].strip_prefix('\'')?;
            Some(name[..name.find('\'')?].to_owned())
        })
        .collect()
}

#[test]
fn the_ui_wraps_exactly_the_registered_commands() {
    let mut registered = registered_commands();
    let mut wrapped = wrapped_commands();
    registered.sort();
    wrapped.sort();
    assert!(!registered.is_empty());
    assert_eq!(
        registered, wrapped,
        "src-tauri/src/lib.rs and ui/src/lib/api.ts disagree"
    );
}

#[test]
fn the_database_can_be_given_on_the_command_line() {
    let arguments = |list: &[&str]| {
        list.iter()
            .map(|argument| (*argument).to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        tcm_desktop::database_path(arguments(&["--db", "/tmp/a.sqlite"])),
        Some(std::path::PathBuf::from("/tmp/a.sqlite"))
    );
    assert_eq!(
        tcm_desktop::database_path(arguments(&["--db=/tmp/b.sqlite"])),
        Some(std::path::PathBuf::from("/tmp/b.sqlite"))
    );
}

#[test]
fn a_long_command_reads_its_operation_number_and_progress_channel_or_says_what_is_wrong() {
    let app = TestApp::start();
    let backup = app
        .invoke("backup_now", serde_json::json!({}))
        .expect("no operation number nor channel: the command runs unwatched");
    assert!(backup["path"].as_str().is_some(), "{backup}");
    app.invoke(
        "backup_now",
        serde_json::json!({ "operation": 7, "onProgress": null }),
    )
    .expect("an operation number");
    let refusal = app
        .invoke("backup_now", serde_json::json!({ "operation": "seven" }))
        .expect_err("a word is no operation number");
    assert!(
        refusal
            .to_string()
            .contains("`operation` must be a whole number"),
        "{refusal}"
    );
    let refusal = app
        .invoke(
            "backup_now",
            serde_json::json!({ "onProgress": "not a channel" }),
        )
        .expect_err("not a channel");
    assert!(refusal.to_string().contains("`onProgress`"), "{refusal}");
}

/// The recovery screen's "open another file", across two starts of the app: the file opened
/// is remembered (in the configuration folder given) and opened at the next start; the
/// damaged database is left exactly as it was.
#[test]
fn a_database_opened_from_the_recovery_screen_is_the_one_the_next_start_opens() {
    use tauri::Manager;
    use tcm_desktop::grants::{DialogGrants, Grant};

    let dir = tempfile::tempdir().expect("temp dir");
    let choice = dir.path().join("config").join("chosen-database.txt");
    let damaged = dir.path().join("tcm.sqlite");
    let broken = b"not a database at all, but long enough to be read as one?".to_vec();
    std::fs::write(&damaged, &broken).expect("damaged");
    let copy = dir.path().join("copie").join("tcm.sqlite");
    drop(tcm_api::Workbench::start(copy.clone(), chrono::Utc::now));
    let arguments = vec!["--db".to_owned(), damaged.display().to_string()];

    let call = |webview: &tauri::WebviewWindow<tauri::test::MockRuntime>,
                command: &str,
                body: serde_json::Value| {
        get_ipc_response(
            webview,
            InvokeRequest {
                cmd: command.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().expect("url"),
                body: InvokeBody::Json(body),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<serde_json::Value>().expect("JSON"))
    };
    let start = |arguments: Vec<String>| {
        let workbench = tcm_desktop::start_workbench(arguments, Some(choice.clone()));
        let app = tcm_desktop::build_app(mock_builder(), workbench)
            .build(mock_context(noop_assets()))
            .expect("the app builds with the mock runtime");
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("a mock window");
        (app, webview)
    };

    {
        let (app, webview) = start(arguments);
        let info = call(&webview, "app_info", serde_json::json!({})).expect("info");
        assert!(info["openingError"].is_object(), "{info}");
        app.state::<DialogGrants>().grant(Grant::Read, &copy);
        let info = call(
            &webview,
            "open_database",
            serde_json::json!({ "path": copy.display().to_string() }),
        )
        .expect("opened");
        assert_eq!(info["databasePath"], copy.display().to_string());
        assert!(info["openingError"].is_null(), "{info}");
        assert!(info.get("choiceNotKept").is_none(), "{info}");
    }
    assert_eq!(std::fs::read(&damaged).expect("kept"), broken);

    // The next start, without --db (and without TCM_DB, which would win): the copy.
    if std::env::var_os(tcm_store::location::DATABASE_VARIABLE).is_none() {
        let (_app, webview) = start(Vec::new());
        let info = call(&webview, "app_info", serde_json::json!({})).expect("info");
        assert_eq!(info["databasePath"], copy.display().to_string());
        assert!(info["openingError"].is_null(), "{info}");
    }
    assert_eq!(std::fs::read(&damaged).expect("kept"), broken);
}
