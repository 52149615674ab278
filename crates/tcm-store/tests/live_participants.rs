//! Live-session participants: a token hash finds its respondent, in its assessment only, and
//! no longer once the respondent is removed.

mod common;

use common::*;
use tcm_store::{AssessmentId, LiveParticipant};

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
