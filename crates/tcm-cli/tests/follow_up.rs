//! `tcm trend` and `tcm assessment reaudit` on the demo: the trend over the organisation's
//! audits as a table and as JSON agreeing with each other, a follow-up audit carrying the
//! open plan, and clear refusals.

use predicates::prelude::*;
use serde_json::Value;

mod common;

use common::{demo_database, tcm};

const ORGANISATION: &str = "Menuiseries Delorme & Fils";
const STAGES: [&str; 5] = ["creative", "active", "curative", "preventive", "proactive"];

fn stdout(command: &mut assert_cmd::Command) -> String {
    String::from_utf8(command.assert().success().get_output().stdout.clone()).expect("UTF-8")
}

fn trend_json(db: &std::path::Path, args: &[&str]) -> Value {
    let text = stdout(tcm(db).arg("trend").args(args).arg("--json"));
    serde_json::from_str(&text).expect("valid JSON")
}

#[test]
fn the_trend_spans_the_organisation_s_audits_in_text_and_json() {
    let (_dir, db) = demo_database();
    let json = trend_json(&db, &["--organisation", ORGANISATION]);
    assert_eq!(json["organisation"]["name"], ORGANISATION);
    assert_eq!(json["assessment"], 2, "the organisation's latest audit");
    let audits = json["audits"].as_array().expect("audits");
    assert_eq!(audits.len(), 2);
    assert_eq!(audits[0]["assessment"], 1, "oldest first");
    assert!(audits[0]["date"].as_str() <= audits[1]["date"].as_str());
    for audit in audits {
        assert!(audit["overall"].as_f64().is_some(), "{audit}");
        for stage in STAGES {
            assert!(audit["stages"][stage].as_f64().is_some(), "{stage}");
        }
    }
    // The change is the difference of the two audits' figures, to the rounding.
    let change = &json["change"];
    assert_eq!(change["from"], 1);
    let difference = |pick: &dyn Fn(&Value) -> f64| pick(&audits[1]) - pick(&audits[0]);
    let overall = difference(&|audit| audit["overall"].as_f64().expect("index"));
    assert!((change["overall"].as_f64().expect("change") - overall).abs() <= 0.11);
    for stage in STAGES {
        let moved = difference(&|audit| audit["stages"][stage].as_f64().expect("score"));
        assert!(
            (change["stages"][stage].as_f64().expect("change") - moved).abs() <= 0.11,
            "{stage}"
        );
    }
    // By assessment: the same figures.
    assert_eq!(trend_json(&db, &["--assessment", "2"]), json);
    // Up to the first audit: itself alone, no change.
    let first = trend_json(&db, &["--assessment", "1"]);
    assert_eq!(first["audits"].as_array().expect("audits").len(), 1);
    assert!(first["change"].is_null());

    // The table shows the same figures.
    let text = stdout(tcm(&db).args(["trend", "--organisation", ORGANISATION]));
    assert!(text.contains("over 2 audits"), "{text}");
    for audit in audits {
        let date = audit["date"].as_str().expect("date");
        let index = format!("{:.1}", audit["overall"].as_f64().expect("index"));
        assert!(
            text.lines()
                .any(|line| line.starts_with(date) && line.contains(&index)),
            "{date} {index} in\n{text}"
        );
    }
    assert!(text.contains("Change from"), "{text}");
    assert!(text.contains("proactive"), "{text}");
}

#[test]
fn a_follow_up_audit_carries_the_open_plan_and_joins_the_trend() {
    let (_dir, db) = demo_database();
    let text = stdout(tcm(&db).args([
        "assessment",
        "reaudit",
        "--from",
        "2",
        "--title",
        "Audit de suivi 2027",
    ]));
    assert!(
        text.contains("assessment 3 started: Audit de suivi 2027 (follow-up of assessment 2"),
        "{text}"
    );
    let carried: usize = text
        .lines()
        .find_map(|line| line.strip_prefix("Open actions carried: "))
        .and_then(|rest| rest.split(';').next())
        .and_then(|count| count.trim().parse().ok())
        .expect("a count of carried actions");
    assert!(carried > 0, "{text}");
    assert!(text.contains("Targets carried: creative"), "{text}");

    let json = trend_json(&db, &["--organisation", ORGANISATION]);
    assert_eq!(
        json["assessment"], 3,
        "the follow-up is now the latest audit"
    );
    let audits = json["audits"].as_array().expect("audits");
    assert_eq!(audits.len(), 3);
    assert!(audits[2]["overall"].is_null(), "nobody has answered yet");

    let shown = stdout(tcm(&db).args(["assessment", "show", "3"]));
    assert!(shown.contains(ORGANISATION), "{shown}");
}

#[test]
fn bad_requests_are_refused_with_what_is_wrong() {
    let (_dir, db) = demo_database();
    tcm(&db)
        .arg("trend")
        .assert()
        .failure()
        .stderr(predicate::str::contains("--organisation"));
    tcm(&db)
        .args(["trend", "--organisation", "Inconnue SA"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("Inconnue SA"));
    tcm(&db)
        .args(["trend", "--assessment", "99"])
        .assert()
        .failure();
    tcm(&db)
        .args(["assessment", "reaudit", "--from", "99", "--title", "Suivi"])
        .assert()
        .failure();
    tcm(&db)
        .args(["assessment", "reaudit", "--from", "2", "--title", "  "])
        .assert()
        .failure()
        .stderr(predicate::str::contains("title"));
    assert_eq!(
        trend_json(&db, &["--organisation", ORGANISATION])["assessment"],
        2,
        "nothing was started"
    );
}
