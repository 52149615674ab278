//! What most handler tests start from: a fixed clock, a workbench on a temporary database, and
//! a closed-list value as the UI sends it. (Each test file uses some of these.)
#![allow(dead_code)]

use chrono::{DateTime, TimeZone, Utc};
use tcm_api::Workbench;

/// 23 November 2026, 10:00 UTC: every test's "now".
pub fn clock() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0)
        .single()
        .expect("date")
}

/// A workbench on `tcm.sqlite` in `dir`, at [`clock`]'s time.
pub fn workbench(dir: &tempfile::TempDir) -> Workbench {
    Workbench::start(dir.path().join("tcm.sqlite"), clock)
}

/// A closed-list value as the UI sends it on the wire (`"retail"`, `"NA"`, `"planned"`…).
pub fn wire<T: serde::de::DeserializeOwned>(text: &str) -> T {
    serde_json::from_value(serde_json::json!(text))
        .unwrap_or_else(|error| panic!("`{text}` is not a value of the list: {error}"))
}
