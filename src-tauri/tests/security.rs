//! The shell's security settings stay strict: the window holds no permission beyond calling
//! the app's own commands, and the content security policy allows nothing remote or inline
//! script.

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("valid JSON")
}

#[test]
fn the_window_has_no_permission_beyond_the_apps_commands() {
    let capability = json(include_str!("../capabilities/default.json"));
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    assert_eq!(
        capability["permissions"],
        serde_json::json!([]),
        "no core, shell, fs, dialog or http permission"
    );
    let others: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/capabilities"))
        .expect("capabilities folder")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(others, ["default.json"], "no other capability file");
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
    assert!(
        !csp.contains("http://") || csp.contains("http://ipc.localhost"),
        "no remote origin"
    );
    assert!(
        !csp.contains("https:") && !csp.contains('*'),
        "no remote content: {csp}"
    );
    assert_eq!(config["app"]["withGlobalTauri"], serde_json::json!(false));
}
