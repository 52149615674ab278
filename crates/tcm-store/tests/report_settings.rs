//! Report settings per organisation: defaults when none were saved, a full round trip with
//! French text and a logo, kept after a reopen, refusals (too long, bad section key, empty or
//! oversized logo, unknown organisation) that leave the saved settings as they were.

mod common;

use common::*;
use tcm_core::Language;
use tcm_store::{
    LogoFormat, MAX_LOGO_BYTES, OrganisationId, ReportSettingsRecord, Store, StoreError, StoredLogo,
};

fn full() -> ReportSettingsRecord {
    ReportSettingsRecord {
        firm_name: "Conseil d’Orée & Associés".to_owned(),
        logo: Some(StoredLogo {
            format: LogoFormat::Svg,
            bytes: b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>"
                .to_vec(),
        }),
        cover_title: "Diagnostic « relation client »".to_owned(),
        prepared_by: "Élodie Rousseau".to_owned(),
        prepared_for: "Comité de direction".to_owned(),
        confidentiality: "Confidentiel — diffusion restreinte".to_owned(),
        executive_summary: "Première ligne.\nDeuxième ligne : l’essentiel.".to_owned(),
        omitted_sections: vec!["workshop".to_owned(), "appendix".to_owned()],
        language: Some(Language::English),
    }
}

#[test]
fn settings_round_trip_and_survive_a_reopen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, organisation, _, _) = seeded(&path);
    assert_eq!(
        store.report_settings(organisation).expect("read"),
        ReportSettingsRecord::default()
    );
    store
        .save_report_settings(organisation, &full(), at(1))
        .expect("saved");
    assert_eq!(store.report_settings(organisation).expect("read"), full());
    drop(store);
    let store = Store::open(&path, at(2)).expect("reopens");
    assert_eq!(store.report_settings(organisation).expect("read"), full());
}

#[test]
fn a_second_save_replaces_the_first_and_can_drop_the_logo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, organisation, _, _) = seeded(&database(&dir));
    store
        .save_report_settings(organisation, &full(), at(1))
        .expect("saved");
    let plain = ReportSettingsRecord {
        logo: None,
        language: None,
        omitted_sections: Vec::new(),
        ..full()
    };
    store
        .save_report_settings(organisation, &plain, at(2))
        .expect("saved");
    assert_eq!(store.report_settings(organisation).expect("read"), plain);
}

#[test]
fn bad_settings_are_refused_and_the_saved_ones_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, organisation, _, _) = seeded(&database(&dir));
    store
        .save_report_settings(organisation, &full(), at(1))
        .expect("saved");
    let cases: Vec<(ReportSettingsRecord, &str)> = vec![
        (
            ReportSettingsRecord {
                firm_name: "x".repeat(201),
                ..full()
            },
            "the firm's name is 201 characters long",
        ),
        (
            ReportSettingsRecord {
                executive_summary: "é".repeat(20_001),
                ..full()
            },
            "the executive summary is 20001 characters long",
        ),
        (
            ReportSettingsRecord {
                omitted_sections: vec!["Appendix; DROP".to_owned()],
                ..full()
            },
            "a report section key",
        ),
        (
            ReportSettingsRecord {
                logo: Some(StoredLogo {
                    format: LogoFormat::Png,
                    bytes: vec![0; MAX_LOGO_BYTES + 1],
                }),
                ..full()
            },
            "the logo is 1048577 bytes",
        ),
        (
            ReportSettingsRecord {
                logo: Some(StoredLogo {
                    format: LogoFormat::Png,
                    bytes: Vec::new(),
                }),
                ..full()
            },
            "the logo is 0 bytes",
        ),
    ];
    for (settings, expected) in cases {
        let error = store
            .save_report_settings(organisation, &settings, at(2))
            .expect_err("refused");
        assert!(error.to_string().contains(expected), "{error}");
    }
    assert_eq!(store.report_settings(organisation).expect("read"), full());
    let missing = store
        .save_report_settings(OrganisationId(999), &full(), at(3))
        .expect_err("no such organisation");
    assert!(matches!(missing, StoreError::NotFound { .. }), "{missing}");
}
