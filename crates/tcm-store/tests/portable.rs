//! Whole assessments through portable `.tcm` files: export → import → export is identical,
//! importing the same file twice does not duplicate, ids are remapped.

mod common;

use common::*;
use tcm_core::{
    ActionLink, ActionStatus, Answer, Consensus, Level, PlannedAction, QuestionId, StageId,
};
use tcm_interchange::portable;
use tcm_store::{PortableImport, Store};

fn filled_store(path: &std::path::Path) -> (Store, tcm_store::AssessmentId) {
    let (mut store, _, assessment, claire) = seeded(path);
    let marc = store
        .add_respondent(assessment, &profile("Marc « le commercial »"), at(4))
        .expect("respondent");
    store
        .save_answer(
            claire,
            "sample-cre-01",
            Answer::Level(Level::new(3).expect("level")),
            Some("l’équipe a revu ça ; « bien »"),
            at(5),
        )
        .expect("saved");
    store
        .save_answer(marc, "sample-cre-01", Answer::DontKnow, None, at(6))
        .expect("saved");
    store
        .save_answer(
            marc,
            "sample-pro-02",
            Answer::NotApplicable,
            Some("sans objet"),
            at(7),
        )
        .expect("saved");
    store
        .set_consensus(
            assessment,
            "sample-cre-01",
            Some((Consensus::Level(Level::new(2).expect("level")), "compromis")),
            at(8),
        )
        .expect("consensus");
    store
        .add_action(
            assessment,
            &PlannedAction {
                link: ActionLink::Question(QuestionId::new("sample-cur-01")),
                title: "Circuit de réclamation".into(),
                description: "Délai de 48 h.".into(),
                owner: "Léa".into(),
                due: chrono::NaiveDate::from_ymd_opt(2027, 1, 15),
                status: ActionStatus::InProgress,
                impact: 3,
                effort: 1,
            },
            at(9),
        )
        .expect("action");
    store
        .add_action(
            assessment,
            &PlannedAction {
                link: ActionLink::Stage(StageId::Proactive),
                title: "Club clients".into(),
                description: String::new(),
                owner: String::new(),
                due: None,
                status: ActionStatus::Dismissed,
                impact: 2,
                effort: 3,
            },
            at(10),
        )
        .expect("action");
    store
        .finalise_scores(assessment, at(11))
        .expect("finalised");
    (store, assessment)
}

#[test]
fn export_import_export_is_identical() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut first, assessment) = filled_store(&database(&dir));
    let exported = portable::to_json(&first.export_portable(assessment).expect("export"), at(20));

    let other = tempfile::tempdir().expect("temp dir");
    let mut second = Store::open(&database(&other), at(0)).expect("opens");
    // Some unrelated data first, so that local ids differ.
    let other_organisation = second
        .create_organisation(&organisation("Autre"), at(1))
        .expect("organisation");
    let questionnaire = sample();
    second
        .create_assessment(
            &tcm_store::NewAssessment {
                organisation: other_organisation,
                questionnaire: &questionnaire,
                assessment: common::assessment("Autre audit"),
            },
            at(2),
        )
        .expect("assessment");
    let read = portable::from_json(&exported).expect("reads");
    let imported = second.import_portable(&read, at(21)).expect("imports");
    let PortableImport::Created(id) = imported else {
        panic!("{imported:?}")
    };
    assert_ne!(id, assessment, "ids are remapped");
    let again = portable::to_json(&second.export_portable(id).expect("export"), at(20));
    assert_eq!(
        String::from_utf8_lossy(&again),
        String::from_utf8_lossy(&exported)
    );

    let (_, _, card_first) = first.score_assessment(assessment).expect("scored");
    let (_, _, card_second) = second.score_assessment(id).expect("scored");
    assert_eq!(card_first, card_second);
    assert_eq!(second.score_snapshots(id).expect("snapshots").len(), 1);
}

#[test]
fn importing_the_same_file_twice_does_not_duplicate() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, assessment) = filled_store(&database(&dir));
    let file = store.export_portable(assessment).expect("export");
    let other = tempfile::tempdir().expect("temp dir");
    let mut target = Store::open(&database(&other), at(0)).expect("opens");
    let first = target.import_portable(&file, at(30)).expect("imports");
    let second = target
        .import_portable(&file, at(31))
        .expect("imports again");
    assert_eq!(second, PortableImport::AlreadyPresent(first.assessment()));
    assert_eq!(target.list_assessments().expect("list").len(), 1);
    assert_eq!(target.list_organisations().expect("list").len(), 1);
    // Importing into the database it came from changes nothing either.
    assert_eq!(
        store.import_portable(&file, at(32)).expect("imports"),
        PortableImport::AlreadyPresent(assessment)
    );
}

#[test]
fn a_newer_file_replaces_the_older_copy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, assessment) = filled_store(&database(&dir));
    let older = store.export_portable(assessment).expect("export");
    let other = tempfile::tempdir().expect("temp dir");
    let mut laptop = Store::open(&database(&other), at(0)).expect("opens");
    let id = laptop
        .import_portable(&older, at(40))
        .expect("imports")
        .assessment();
    // The workshop goes on in the first database.
    let claire = store
        .find_respondent(assessment, "Claire")
        .expect("query")
        .expect("found")
        .id;
    store
        .save_answer(
            claire,
            "sample-act-01",
            Answer::Level(Level::new(4).expect("level")),
            None,
            at(50),
        )
        .expect("saved");
    let newer = store.export_portable(assessment).expect("export");
    assert_eq!(
        laptop.import_portable(&newer, at(51)).expect("imports"),
        PortableImport::Updated(id)
    );
    assert_eq!(laptop.answer_sheet(id).expect("sheet").len(), 4);
    assert_eq!(
        laptop.list_actions(id).expect("actions").len(),
        2,
        "replaced, not added twice"
    );
    assert_eq!(laptop.list_respondents(id).expect("respondents").len(), 2);
}
