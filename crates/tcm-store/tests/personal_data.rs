//! Personal data: a respondent anonymised or erased in one unit of work, with the scores
//! unchanged wherever their answers are kept, and nothing of them left where they are not.

mod common;

use common::*;
use tcm_core::{Answer, Level, Respondent};
use tcm_store::{ErasedAnswers, KeptComments, RespondentId, Store};

/// The seeded store with a second respondent; both answered two questions with comments, and
/// a live device answers as Claire.
fn workshop(
    path: &std::path::Path,
) -> (Store, tcm_store::AssessmentId, RespondentId, RespondentId) {
    let (mut store, _, assessment, claire) = seeded(path);
    let marc = store
        .add_respondent(assessment, &profile("Marc"), at(4))
        .expect("respondent");
    for (respondent, first, second) in [(claire, 4, 1), (marc, 2, 3)] {
        store
            .save_answer(
                respondent,
                "sample-cre-01",
                Answer::Level(Level::new(first).expect("level")),
                Some("Claire pense que « le client » est roi"),
                at(5),
            )
            .expect("answer");
        store
            .save_answer(
                respondent,
                "sample-act-01",
                Answer::Level(Level::new(second).expect("level")),
                Some("Vu avec la direction"),
                at(6),
            )
            .expect("answer");
    }
    store
        .add_live_participant(&"c".repeat(64), assessment, claire, at(7))
        .expect("device");
    (store, assessment, claire, marc)
}

fn comments_of(store: &Store, assessment: tcm_store::AssessmentId, label: &str) -> Vec<String> {
    let sheet = store.answer_sheet(assessment).expect("sheet");
    sheet
        .responses()
        .filter(|(respondent, _, _)| respondent.as_str() == label)
        .filter_map(|(_, _, response)| response.comment.clone())
        .collect()
}

#[test]
fn an_anonymised_respondent_becomes_participant_n_and_the_scores_do_not_move() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, assessment, claire, marc) = workshop(&database(&dir));
    let (_, _, before) = store.score_assessment(assessment).expect("scores");

    let anonymous = store
        .anonymise_respondent(claire, KeptComments::Kept, at(10))
        .expect("anonymised");
    assert_eq!(anonymous.profile.label, "Participant 1");
    assert_eq!(anonymous.profile.role, "", "the role names a person");
    assert_eq!(anonymous.profile.group, "Siège", "groups keep their scores");
    assert_eq!(comments_of(&store, assessment, "Participant 1").len(), 2);
    assert_eq!(
        store
            .live_participant(assessment, &"c".repeat(64))
            .expect("read"),
        None,
        "the device that answered as Claire is forgotten"
    );

    let second = store
        .anonymise_respondent(marc, KeptComments::Removed, at(11))
        .expect("anonymised");
    assert_eq!(second.profile.label, "Participant 2");
    assert!(comments_of(&store, assessment, "Participant 2").is_empty());
    let sheet = store.answer_sheet(assessment).expect("sheet");
    assert!(
        sheet
            .response(
                &Respondent::new("Claire"),
                &tcm_core::QuestionId::new("sample-cre-01")
            )
            .is_none()
    );
    let (_, _, after) = store.score_assessment(assessment).expect("scores");
    assert_eq!(after, before, "answers kept: every score unchanged");
    let listed = store.list_assessments().expect("list");
    assert_eq!(listed[0].respondents, 2);
}

#[test]
fn an_erased_respondent_leaves_with_their_answers_or_leaves_them_anonymous() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, assessment, claire, marc) = workshop(&database(&dir));
    let (_, _, before) = store.score_assessment(assessment).expect("scores");

    store
        .erase_respondent(claire, ErasedAnswers::KeptAnonymous, at(10))
        .expect("erased");
    let kept = store.respondent(claire).expect("still there, anonymous");
    assert_eq!(kept.profile.label, "Participant 1");
    assert_eq!(
        (kept.profile.role.as_str(), kept.profile.group.as_str()),
        ("", "")
    );
    assert!(comments_of(&store, assessment, "Participant 1").is_empty());
    let (_, _, after) = store.score_assessment(assessment).expect("scores");
    assert_eq!(
        after, before,
        "answers kept anonymous: every score unchanged"
    );

    store
        .erase_respondent(marc, ErasedAnswers::Removed, at(11))
        .expect("erased");
    assert!(store.respondent(marc).is_err());
    let sheet = store.answer_sheet(assessment).expect("sheet");
    assert!(
        sheet
            .responses()
            .all(|(who, _, _)| who.as_str() == "Participant 1")
    );
    let (_, _, without) = store.score_assessment(assessment).expect("scores");
    assert_ne!(without, before, "Marc's answers no longer count");
}

#[test]
fn anonymising_an_unknown_respondent_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, assessment, claire, _) = workshop(&database(&dir));
    let missing = RespondentId(claire.0 + 100);
    assert!(
        store
            .anonymise_respondent(missing, KeptComments::Removed, at(10))
            .is_err()
    );
    assert!(
        store
            .erase_respondent(missing, ErasedAnswers::KeptAnonymous, at(10))
            .is_err()
    );
    assert_eq!(
        store.respondent(claire).expect("kept").profile.label,
        "Claire"
    );
    assert_eq!(comments_of(&store, assessment, "Claire").len(), 2);
}
