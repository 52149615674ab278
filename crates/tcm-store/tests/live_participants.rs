//! Live-session participants: a token hash finds its respondent, in its assessment only, and
//! no longer once the respondent is removed.

mod common;

use common::*;
use tcm_store::{AssessmentId, LiveJoin, LiveParticipant};

#[test]
fn a_token_hash_finds_its_respondent_in_its_assessment_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, _, assessment, respondent) = seeded(&database(&dir));
    let hash = "a".repeat(64);
    store
        .add_live_participant(&hash, assessment, respondent, at(10))
        .expect("saved");
    assert_eq!(
        store.live_participant(assessment, &hash).expect("read"),
        Some(LiveParticipant {
            assessment,
            respondent,
            issued_at: at(10),
        })
    );
    let other = AssessmentId(assessment.0 + 1);
    assert_eq!(store.live_participant(other, &hash).expect("read"), None);
    assert_eq!(
        store
            .live_participant(assessment, &"b".repeat(64))
            .expect("read"),
        None
    );
    // The same token cannot be issued twice.
    assert!(
        store
            .add_live_participant(&hash, assessment, respondent, at(11))
            .is_err()
    );
    store
        .remove_respondent(respondent, at(12))
        .expect("removed");
    assert_eq!(
        store.live_participant(assessment, &hash).expect("read"),
        None
    );
}

#[test]
fn a_join_saves_the_respondent_and_the_token_hash_together_or_neither() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, _, assessment, seeded_respondent) = seeded(&database(&dir));
    let label = store
        .respondent(seeded_respondent)
        .expect("seeded respondent")
        .profile
        .label;

    let first = store
        .join_live_session(
            assessment,
            &LiveJoin::Anonymous,
            "Ventes",
            &"c".repeat(64),
            at(20),
        )
        .expect("joined");
    assert_eq!(first.profile.label, "Participant 1");
    assert_eq!(first.profile.group, "Ventes");
    let second = store
        .join_live_session(
            assessment,
            &LiveJoin::Anonymous,
            "",
            &"d".repeat(64),
            at(21),
        )
        .expect("joined");
    assert_eq!(second.profile.label, "Participant 2");
    assert_eq!(
        store
            .live_participant(assessment, &"d".repeat(64))
            .expect("read")
            .map(|participant| participant.respondent),
        Some(second.id)
    );

    // A name already taken: nothing is saved, not even the token's hash.
    let before = store.list_respondents(assessment).expect("listed").len();
    assert!(
        store
            .join_live_session(
                assessment,
                &LiveJoin::Named(label),
                "",
                &"e".repeat(64),
                at(22)
            )
            .is_err()
    );
    assert_eq!(
        store
            .live_participant(assessment, &"e".repeat(64))
            .expect("read"),
        None
    );
    // A token hash already issued: the respondent is not left behind either.
    assert!(
        store
            .join_live_session(
                assessment,
                &LiveJoin::Named("Chloé Martin".to_owned()),
                "",
                &"c".repeat(64),
                at(23)
            )
            .is_err()
    );
    assert_eq!(
        store.list_respondents(assessment).expect("listed").len(),
        before
    );
}
