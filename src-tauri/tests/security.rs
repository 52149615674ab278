//! The shell's security settings stay strict: the window may call the app's declared commands
//! and nothing else (checked through Tauri's real access control), files are read and written
//! only where a native dialog said, the test hooks exist only in debug builds, and the content
//! security policy allows nothing remote or inline script.

use std::path::Path;

use tauri::Manager;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tcm_desktop::grants::{DialogGrants, Grant};

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("valid JSON")
}

/// The names between `start` and the next `]` of a source text, one per comma-separated
/// entry, without a path prefix or quotes.
fn names_in_list(source: &str, start: &str) -> Vec<String> {
    let from = source.find(start).expect("the list") + start.len();
    let end = from + source[from..].find(']').expect("end of list");
    let mut names: Vec<String> = source[from..end]
        .split(',')
        .map(|entry| {
            entry
                .trim()
                .trim_matches('"')
                .rsplit("::")
                .next()
                .unwrap_or_default()
                .to_owned()
        })
        .filter(|name| !name.is_empty())
        .collect();
    names.sort();
    names
}

fn registered_commands() -> Vec<String> {
    names_in_list(include_str!("../src/lib.rs"), "generate_handler![")
}

#[test]
fn the_window_may_call_exactly_the_declared_commands() {
    let registered = registered_commands();
    assert!(registered.len() > 10, "{registered:?}");
    assert_eq!(
        names_in_list(include_str!("../build.rs"), "COMMANDS: &[&str] = &["),
        registered,
        "build.rs declares the commands src/lib.rs registers"
    );
    let capability = json(include_str!("../capabilities/default.json"));
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    let mut granted: Vec<String> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|permission| permission.as_str().expect("a permission name").to_owned())
        .collect();
    granted.sort();
    let mut expected: Vec<String> = registered
        .iter()
        .map(|command| format!("allow-{}", command.replace('_', "-")))
        .collect();
    expected.sort();
    assert_eq!(
        granted, expected,
        "one allow permission per app command; no core, shell, fs, dialog or http permission"
    );
    let files: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/capabilities"))
        .expect("capabilities folder")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, ["default.json"], "no other capability file");
}

/// The app with the mock runtime but the real context: the capabilities and permissions the
/// build compiled, so Tauri's access control decides as in the shipped app.
struct SecuredApp {
    dir: tempfile::TempDir,
    app: tauri::App<MockRuntime>,
    webview: tauri::WebviewWindow<MockRuntime>,
}

impl SecuredApp {
    fn start() -> SecuredApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let workbench = tcm_api::Workbench::start(dir.path().join("tcm.sqlite"), chrono::Utc::now);
        let app = tcm_desktop::build_app(mock_builder(), workbench)
            .build(tauri::generate_context!(test = true))
            .expect("the app builds with the mock runtime");
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("a mock window");
        SecuredApp { dir, app, webview }
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

#[test]
fn an_undeclared_command_is_refused_before_any_code_runs() {
    let app = SecuredApp::start();
    app.invoke("form_choices", serde_json::json!({}))
        .expect("a declared command runs");
    for command in [
        "no_such_command",
        "plugin:dialog|save",
        "plugin:dialog|open",
        "plugin:fs|read_file",
        "plugin:shell|execute",
        "plugin:app|version",
        "plugin:webview|create_webview_window",
    ] {
        let refusal = app
            .invoke(command, serde_json::json!({}))
            .expect_err(command);
        let text = refusal.to_string();
        assert!(
            text.contains("not allowed") || text.contains("not found"),
            "{command}: {text}"
        );
    }
}

#[test]
fn a_declared_command_is_refused_to_another_window() {
    let app = SecuredApp::start();
    let other = tauri::WebviewWindowBuilder::new(&app.app, "other", Default::default())
        .build()
        .expect("a second mock window");
    let refusal = get_ipc_response(
        &other,
        InvokeRequest {
            cmd: "list_assessments".into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(serde_json::json!({})),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .expect_err("the capability names the main window only");
    assert!(refusal.to_string().contains("not allowed"), "{refusal}");
}

#[test]
fn files_are_written_and_read_only_where_a_dialog_said() {
    let app = SecuredApp::start();
    let target = app.dir.path().join("report.pdf");
    let path = target.display().to_string();
    let demo = app
        .invoke("open_demo", serde_json::json!({}))
        .expect("the demo opens");
    let export = || {
        app.invoke(
            "export_report",
            serde_json::json!({"assessment": demo, "language": "fr", "path": path}),
        )
    };
    let refusal = export().expect_err("a path the page made up");
    assert_eq!(refusal["kind"], "forbiddenPath", "{refusal}");
    assert!(!target.exists(), "nothing was written");
    for (command, body) in [
        (
            "export_assessment",
            serde_json::json!({"assessment": demo, "format": "tcm", "path": path}),
        ),
        (
            "export_blank_grid",
            serde_json::json!({"questionnaireId": "tcm-92", "language": "fr", "path": path}),
        ),
        (
            "import_tcm",
            serde_json::json!({"path": "/etc/passwd", "choice": null}),
        ),
        (
            "import_responses",
            serde_json::json!({"assessment": demo, "path": "/etc/passwd"}),
        ),
        (
            "set_benchmark_folder",
            serde_json::json!({"folder": "/etc"}),
        ),
    ] {
        let refusal = app.invoke(command, body).expect_err(command);
        assert_eq!(refusal["kind"], "forbiddenPath", "{command}: {refusal}");
    }
    assert!(!target.exists());

    // A save dialog granted the path: the export is written; a read grant is not enough.
    let grants = app.app.state::<DialogGrants>();
    grants.grant(Grant::Read, &target);
    export().expect_err("an open dialog does not grant a write");
    grants.grant(Grant::Write, &target);
    export().expect("a path a save dialog returned");
    assert!(
        std::fs::read(&target)
            .expect("written")
            .starts_with(b"%PDF")
    );
}

#[test]
fn the_end_to_end_hooks_exist_in_debug_builds_only() {
    let source = include_str!("../src/commands/dialogs.rs");
    let hooks = source
        .find("#[cfg(debug_assertions)]\nmod test_hooks {")
        .expect("the hooks module is compiled in debug builds only");
    let end = hooks
        + source[hooks..]
            .find("\n}\n")
            .expect("end of the hooks module");
    for variable in ["TCM_E2E_SAVE_DIR\")", "TCM_E2E_OPEN_FILE\")"] {
        let uses: Vec<_> = source.match_indices(variable).map(|(at, _)| at).collect();
        assert_eq!(uses.len(), 1, "{variable} read once");
        assert!(
            (hooks..end).contains(&uses[0]),
            "{variable} is read only inside the debug-only module"
        );
    }
    let release = source
        .find("#[cfg(not(debug_assertions))]\nmod test_hooks {")
        .expect("a release twin");
    assert!(!source[release..].contains("env::var"));
    assert!(!Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/e2e.rs")).exists());
}

#[test]
fn the_content_security_policy_is_strict() {
    let config = json(include_str!("../tauri.conf.json"));
    let csp = config["app"]["security"]["csp"]
        .as_str()
        .expect("a CSP is set");
    let directive = |name: &str| {
        csp.split(';')
            .map(str::trim)
            .find(|directive| directive.starts_with(&format!("{name} ")))
            .unwrap_or_else(|| panic!("no {name} in the CSP"))
            .to_owned()
    };
    assert_eq!(directive("default-src"), "default-src 'self'");
    assert_eq!(
        directive("script-src"),
        "script-src 'self'",
        "no inline or eval'd script"
    );
    assert_eq!(directive("object-src"), "object-src 'none'");
    assert_eq!(directive("frame-ancestors"), "frame-ancestors 'none'");
    assert!(
        !csp.contains("http://") || csp.contains("http://ipc.localhost"),
        "no remote origin"
    );
    assert!(
        !csp.contains("https:") && !csp.contains('*'),
        "no remote content: {csp}"
    );
    assert_eq!(config["app"]["withGlobalTauri"], serde_json::json!(false));
    assert_eq!(
        config["app"]["security"]["freezePrototype"],
        serde_json::json!(true)
    );
}
