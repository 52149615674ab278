//! Wave overrides: set, replaced, cleared, kept per assessment, refused when malformed or
//! about an assessment that does not exist, gone with their assessment, and kept after the
//! database is closed and opened again.

mod common;

use chrono::NaiveDate;
use common::*;
use tcm_core::strategy::waves::WaveOverrides;
use tcm_core::strategy::{DateRange, InitiativeId, Wave, WaveOverride};
use tcm_store::{AssessmentId, MAX_INITIATIVE_ID_CHARS, Store, StoreError};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

#[test]
fn overrides_are_set_replaced_cleared_and_survive_a_reopen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, _, assessment, _) = seeded(&path);
    assert_eq!(
        store.wave_overrides(assessment).expect("read"),
        WaveOverrides::new()
    );
    let listening = InitiativeId::new("ecoute+accueil");
    let stage = InitiativeId::new("stage:proactive");
    store
        .set_wave_override(
            assessment,
            &listening,
            WaveOverride::Wave(Wave::Third),
            at(1),
        )
        .expect("saved");
    let dates = DateRange::new(day(2026, 12, 1), day(2027, 2, 15)).expect("range");
    store
        .set_wave_override(assessment, &stage, WaveOverride::Dates(dates), at(2))
        .expect("saved");
    // Replacing a wave by another keeps one row.
    store
        .set_wave_override(
            assessment,
            &listening,
            WaveOverride::Wave(Wave::Second),
            at(3),
        )
        .expect("replaced");
    let expected = WaveOverrides::from([
        (listening.clone(), WaveOverride::Wave(Wave::Second)),
        (stage.clone(), WaveOverride::Dates(dates)),
    ]);
    assert_eq!(store.wave_overrides(assessment).expect("read"), expected);
    // Another assessment sees none of them.
    assert_eq!(
        store
            .wave_overrides(AssessmentId(assessment.0 + 1))
            .expect("read"),
        WaveOverrides::new()
    );
    drop(store);
    let mut store = Store::open(&path, at(4)).expect("reopens");
    assert_eq!(store.wave_overrides(assessment).expect("read"), expected);
    assert!(
        store
            .clear_wave_override(assessment, &listening, at(5))
            .expect("cleared")
    );
    assert!(
        !store
            .clear_wave_override(assessment, &listening, at(6))
            .expect("nothing left")
    );
    assert_eq!(
        store.wave_overrides(assessment).expect("read"),
        WaveOverrides::from([(stage, WaveOverride::Dates(dates))])
    );
}

#[test]
fn malformed_overrides_and_unknown_assessments_are_refused_without_writing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, _, assessment, _) = seeded(&database(&dir));
    let cases = [
        InitiativeId::new(""),
        InitiativeId::new("   "),
        InitiativeId::new("é".repeat(MAX_INITIATIVE_ID_CHARS + 1)),
    ];
    for initiative in cases {
        let error = store
            .set_wave_override(
                assessment,
                &initiative,
                WaveOverride::Wave(Wave::First),
                at(1),
            )
            .expect_err("refused");
        assert!(matches!(error, StoreError::Invalid(_)), "{error}");
    }
    let longest = InitiativeId::new("é".repeat(MAX_INITIATIVE_ID_CHARS));
    store
        .set_wave_override(assessment, &longest, WaveOverride::Wave(Wave::First), at(1))
        .expect("the longest id is kept");
    let missing = AssessmentId(assessment.0 + 100);
    let error = store
        .set_wave_override(
            missing,
            &InitiativeId::new("ecoute"),
            WaveOverride::Wave(Wave::First),
            at(2),
        )
        .expect_err("refused");
    assert!(matches!(error, StoreError::NotFound { .. }), "{error}");
    let error = store
        .clear_wave_override(missing, &InitiativeId::new("ecoute"), at(2))
        .expect_err("refused");
    assert!(matches!(error, StoreError::NotFound { .. }), "{error}");
    assert_eq!(store.wave_overrides(assessment).expect("read").len(), 1);
}

#[test]
fn overrides_go_with_their_assessment() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, _, assessment, _) = seeded(&database(&dir));
    store
        .set_wave_override(
            assessment,
            &InitiativeId::new("ecoute"),
            WaveOverride::Wave(Wave::Third),
            at(1),
        )
        .expect("saved");
    store.delete_assessment(assessment, at(2)).expect("deleted");
    assert_eq!(
        store.wave_overrides(assessment).expect("read"),
        WaveOverrides::new()
    );
}
