//! Follow-up across audits through the handlers: the trend over every audit of the
//! organisation, the deltas from an earlier audit and the actions closed between the two.

use tcm_api::transfer::{Movement, StageId};
use tcm_api::{ErrorKind, Workbench, assessments, follow_up, reports, results};

#[path = "support/pdf_text.rs"]
mod pdf_text;
use pdf_text::pdf_text;
#[path = "support/workbench.rs"]
mod support_workbench;
use support_workbench::workbench;

/// The demo's workshop and its earlier self-assessment.
fn demo(workbench: &Workbench) -> (i64, i64) {
    let workshop = reports::open_demo(workbench).expect("demo");
    let earlier = assessments::list_assessments(workbench)
        .expect("list")
        .into_iter()
        .find(|summary| summary.id != workshop)
        .expect("the self-assessment")
        .id;
    (workshop, earlier)
}

#[test]
fn the_demo_s_follow_up_has_both_audits_and_what_moved_between_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let (workshop, earlier) = demo(&workbench);
    let view = follow_up::follow_up(&workbench, workshop, None, "fr").expect("follow-up");

    let ids: Vec<i64> = view.audits.iter().map(|audit| audit.assessment).collect();
    assert_eq!(ids, [earlier, workshop], "oldest first, this audit last");
    assert!(view.audits[0].date < view.audits[1].date);
    assert_eq!(view.stages.len(), 5);
    assert!(view.stages.iter().all(|series| series.scores.len() == 2));
    let chart = view.chart.as_deref().expect("two audits: a chart");
    assert!(chart.starts_with("<svg") && chart.contains("Proactive"));

    // The series and the deltas agree with the results screen of each audit.
    let now = results::assessment_results(&workbench, workshop, "fr").expect("results");
    let before = results::assessment_results(&workbench, earlier, "fr").expect("results");
    let comparison = view.comparison.as_ref().expect("a previous audit");
    assert_eq!(comparison.before.assessment, earlier);
    assert_eq!(view.audits[1].overall, now.overall);
    assert_eq!(comparison.overall.after, now.overall);
    assert_eq!(comparison.overall.before, before.overall);
    for (index, stage) in comparison.stages.iter().enumerate() {
        assert_eq!(stage.after, now.stages[index].score, "{:?}", stage.stage);
        assert_eq!(
            stage.before, before.stages[index].score,
            "{:?}",
            stage.stage
        );
        assert_eq!(view.stages[index].scores, [stage.before, stage.after]);
        let expected = match (stage.before, stage.after) {
            (Some(b), Some(a)) if a > b => Movement::Rose,
            (Some(b), Some(a)) if a < b => Movement::Fell,
            (Some(_), Some(_)) => Movement::Unchanged,
            _ => Movement::Unknown,
        };
        assert_eq!(stage.movement, expected);
    }

    // Questions: those that rose, then those that fell; none unchanged among them.
    let questions = &comparison.questions;
    assert!(!questions.is_empty(), "a year of work moved some questions");
    let first_fall = questions
        .iter()
        .position(|delta| delta.movement == Movement::Fell)
        .unwrap_or(questions.len());
    assert!(
        questions[..first_fall]
            .iter()
            .all(|delta| delta.movement == Movement::Rose)
    );
    assert!(
        questions[first_fall..]
            .iter()
            .all(|delta| delta.movement == Movement::Fell)
    );
    assert!(questions.len() as u32 + comparison.unchanged_questions <= 92);
    assert!(questions.iter().all(|delta| !delta.label.is_empty()));

    // The demo's one closed action is on cur-01: shown beside that question's movement.
    assert_eq!(comparison.closed_actions.len(), 1);
    let closed = &comparison.closed_actions[0];
    assert_eq!(closed.question_id.as_deref(), Some("cur-01"));
    assert_eq!(closed.stage, StageId::Curative);
    let moved = questions
        .iter()
        .find(|delta| delta.id.as_deref() == Some("cur-01"));
    match moved {
        Some(delta) => {
            assert_eq!((closed.before, closed.after), (delta.before, delta.after));
            assert_eq!(closed.movement, delta.movement);
        }
        None => assert_eq!(closed.movement, Movement::Unchanged),
    }
}

#[test]
fn a_first_audit_has_a_single_point_and_no_comparison() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let (workshop, earlier) = demo(&workbench);
    let view = follow_up::follow_up(&workbench, earlier, None, "en").expect("follow-up");
    assert_eq!(view.audits.len(), 1, "the later workshop is not before it");
    assert_eq!(view.audits[0].assessment, earlier);
    assert!(view.chart.is_none());
    assert!(view.comparison.is_none());

    // An earlier audit named explicitly must be one of the organisation's earlier audits.
    let error = follow_up::follow_up(&workbench, earlier, Some(workshop), "en")
        .expect_err("later, not earlier");
    assert_eq!(error.kind, ErrorKind::InvalidInput);
    let chosen = follow_up::follow_up(&workbench, workshop, Some(earlier), "en").expect("chosen");
    assert_eq!(
        chosen.comparison.expect("compared").before.assessment,
        earlier
    );
    assert_eq!(
        follow_up::follow_up(&workbench, workshop, None, "xx")
            .expect_err("language")
            .kind,
        ErrorKind::InvalidInput
    );
}

#[test]
fn the_report_carries_the_follow_up_section_only_when_there_is_an_earlier_audit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let (workshop, earlier) = demo(&workbench);
    let report = dir.path().join("rapport.pdf");
    reports::export_report(&workbench, workshop, "fr", &report).expect("written");
    let text = pdf_text(&report);
    assert!(text.contains("Suivi d’un audit à l’autre"), "the section");
    assert!(text.contains("Ce que nous avons fait a-t-il marché ?"));
    assert!(text.contains("Confier les réclamations au service client"));
    let english = dir.path().join("report.pdf");
    reports::export_report(&workbench, workshop, "en", &english).expect("written");
    assert!(pdf_text(&english).contains("Did what we did work?"));
    let first = dir.path().join("first.pdf");
    reports::export_report(&workbench, earlier, "fr", &first).expect("written");
    assert!(!pdf_text(&first).contains("Suivi d’un audit à l’autre"));
}

#[test]
fn the_results_radar_shows_the_projected_scores_and_index_of_the_strategy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let (workshop, _) = demo(&workbench);
    let shown = results::assessment_results(&workbench, workshop, "fr").expect("results");
    let strategy = tcm_api::strategy::strategy(&workbench, workshop, Some("fr")).expect("strategy");
    let index =
        |value: Option<f64>| format!("{:.1}", value.expect("a projected index")).replace('.', ",");
    let radar = &shown.charts.radar;
    for expected in [
        format!(
            "Après la vague 1 (indice {})",
            index(strategy.overall.after_first_wave)
        ),
        format!(
            "Après les trois vagues (indice {})",
            index(strategy.overall.after_all_waves)
        ),
    ] {
        assert!(
            radar.contains(&expected),
            "`{expected}` is missing from the radar"
        );
    }
}
