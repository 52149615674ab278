//! Re-audits: the new assessment of the same organisation with the previous audit's targets,
//! open actions and wave overrides, written in one unit of work; the previous audit is left
//! as it was; a refused re-audit writes nothing.

mod common;

use chrono::NaiveDate;
use common::*;
use tcm_core::strategy::waves::WaveOverrides;
use tcm_core::strategy::{InitiativeId, Wave, WaveOverride};
use tcm_core::{ActionLink, ActionStatus, PlannedAction, QuestionId, StageId, Targets};
use tcm_store::{NewReaudit, Store, StoreError};

fn action(link: ActionLink, title: &str, status: ActionStatus) -> PlannedAction {
    PlannedAction {
        link,
        title: title.to_owned(),
        description: "Voir l’atelier du 12 mars".to_owned(),
        owner: "Marc".to_owned(),
        due: NaiveDate::from_ymd_opt(2027, 1, 31),
        status,
        impact: 2,
        effort: 1,
    }
}

fn question(id: &str) -> ActionLink {
    ActionLink::Question(QuestionId::new(id))
}

#[test]
fn a_reaudit_starts_with_the_previous_plan_in_one_unit_of_work() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, organisation, previous, _) = seeded(&path);
    let mut audit = assessment("Audit 2026");
    audit.targets = Targets::new([3, 3, 4, 2, 2]).expect("valid");
    store
        .update_assessment(previous, &audit, at(4))
        .expect("targets");
    let open = action(
        question("sample-cre-01"),
        "Segmenter",
        ActionStatus::InProgress,
    );
    let added = action(
        ActionLink::Stage(StageId::Curative),
        "Revue des réclamations",
        ActionStatus::Planned,
    );
    for kept in [
        open.clone(),
        action(question("sample-act-01"), "Mesurer", ActionStatus::Done),
        added.clone(),
    ] {
        store.add_action(previous, &kept, at(5)).expect("kept");
    }
    for (id, wave) in [
        ("segmentation", Wave::Third),
        ("satisfaction", Wave::Second),
    ] {
        store
            .set_wave_override(
                previous,
                &InitiativeId::new(id),
                WaveOverride::Wave(wave),
                at(6),
            )
            .expect("override");
    }
    let before = store.list_actions(previous).expect("actions");

    let questionnaire = sample();
    let (reaudit, carried) = store
        .create_reaudit(
            previous,
            &NewReaudit {
                title: "  Audit de suivi 2027 ".to_owned(),
                questionnaire: &questionnaire,
                mapping: None,
            },
            at(100),
        )
        .expect("re-audit");
    assert_eq!(carried.closed, 1);

    let stored = store.assessment(reaudit).expect("stored");
    assert_eq!(stored.organisation, organisation);
    assert_eq!(stored.assessment.title, "Audit de suivi 2027");
    assert_eq!(stored.assessment.targets.levels(), [3, 3, 4, 2, 2]);
    assert_eq!(stored.assessment.mode, audit.mode);
    assert_eq!(
        store
            .list_actions(reaudit)
            .expect("actions")
            .into_iter()
            .map(|stored| stored.action)
            .collect::<Vec<_>>(),
        vec![open, added]
    );
    assert_eq!(
        store.wave_overrides(reaudit).expect("overrides"),
        WaveOverrides::from([(
            InitiativeId::new("segmentation"),
            WaveOverride::Wave(Wave::Third)
        )])
    );
    assert_eq!(
        store.previous_assessment(reaudit).expect("previous"),
        Some(previous)
    );
    // The previous audit keeps its plan.
    assert_eq!(store.list_actions(previous).expect("actions"), before);
    assert_eq!(store.wave_overrides(previous).expect("overrides").len(), 2);

    // Still there after the database is closed and opened again.
    drop(store);
    let store = Store::open(&path, at(200)).expect("reopens");
    assert_eq!(store.list_actions(reaudit).expect("actions").len(), 2);
}

#[test]
fn a_refused_reaudit_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, _, previous, _) = seeded(&path);
    store
        .add_action(
            previous,
            &action(
                question("sample-cre-01"),
                "Segmenter",
                ActionStatus::Planned,
            ),
            at(5),
        )
        .expect("kept");
    let count = store.list_assessments().expect("list").len();
    let questionnaire = sample();
    let error = store
        .create_reaudit(
            previous,
            &NewReaudit {
                title: "   ".to_owned(),
                questionnaire: &questionnaire,
                mapping: None,
            },
            at(10),
        )
        .expect_err("no title");
    assert!(matches!(error, StoreError::Invalid(_)), "{error}");
    assert_eq!(store.list_assessments().expect("list").len(), count);
    let missing = store
        .create_reaudit(
            tcm_store::AssessmentId(previous.0 + 40),
            &NewReaudit {
                title: "Suivi".to_owned(),
                questionnaire: &questionnaire,
                mapping: None,
            },
            at(11),
        )
        .expect_err("no such assessment");
    assert!(matches!(missing, StoreError::NotFound { .. }), "{missing}");
    assert_eq!(store.list_assessments().expect("list").len(), count);
}
