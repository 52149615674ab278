//! Golden JSON for the UI's mock backend (`ui/src/mock/fixtures/`), written by the real
//! handlers so that the mock serves what the application answers instead of keeping its own
//! copy. `cargo test -p tcm-api` writes them; `scripts/test.sh` fails when the committed files
//! differ from what the tests wrote, exactly as for the TypeScript bindings.

use std::path::{Path, PathBuf};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/mock/fixtures")
}

/// Writes `value` as pretty JSON, only when it changed (so an unchanged tree stays untouched).
fn write_fixture<T: serde::Serialize>(name: &str, value: &T) {
    let mut text = serde_json::to_string_pretty(value).expect("serialisable");
    text.push('\n');
    let path = fixtures_dir().join(name);
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(&path, text)
            .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
    }
}

#[test]
fn the_forms_choices_come_from_the_real_handler() {
    let choices = tcm_api::assessments::form_choices().expect("choices");
    assert!(!choices.modes.is_empty() && !choices.action_statuses.is_empty());
    write_fixture("form-choices.json", &choices);
}

#[test]
fn the_maturity_levels_come_from_the_real_results() {
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = || {
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 23, 10, 0, 0)
            .single()
            .expect("date")
    };
    let workbench = tcm_api::Workbench::start(dir.path().join("tcm.sqlite"), clock);
    let demo = tcm_api::reports::open_demo(&workbench).expect("demo");
    let results = tcm_api::results::assessment_results(&workbench, demo, "fr").expect("results");
    assert_eq!(results.levels.len(), 5);
    write_fixture("maturity-levels.json", &results.levels);
}

#[test]
fn the_demo_strategy_comes_from_the_real_handler() {
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = || {
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 23, 10, 0, 0)
            .single()
            .expect("date")
    };
    let workbench = tcm_api::Workbench::start(dir.path().join("tcm.sqlite"), clock);
    let demo = tcm_api::reports::open_demo(&workbench).expect("demo");
    let french = tcm_api::strategy::strategy(&workbench, demo, Some("fr")).expect("strategy");
    let english = tcm_api::strategy::strategy(&workbench, demo, Some("en")).expect("strategy");
    assert!(!french.initiatives.is_empty());
    assert_eq!(french.initiatives.len(), english.initiatives.len());
    let both = std::collections::BTreeMap::from([("en", english), ("fr", french)]);
    write_fixture("strategy-demo.json", &both);
}
