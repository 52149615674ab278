//! Report settings through the handlers: defaults, save and read back per organisation, the
//! logo set from a file and cleared, hostile logos refused naming the file with the saved one
//! kept, and the saved settings used by the exported report (pdftotext).

use std::process::Command;

use chrono::{DateTime, TimeZone, Utc};
use tcm_api::report_settings::{
    clear_report_logo, report_settings, save_report_settings, set_report_logo,
};
use tcm_api::transfer::{LogoFormatCode, ReportSection, ReportSettingsInput};
use tcm_api::{ErrorKind, Workbench, assessments, reports};

fn clock() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0)
        .single()
        .expect("date")
}

const LOGO: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"60\"><rect width=\"200\" height=\"60\" fill=\"#1f4e79\"/></svg>";

fn input() -> ReportSettingsInput {
    ReportSettingsInput {
        firm_name: "Cabinet Orée Conseil".to_owned(),
        cover_title: "Diagnostic « relation client »".to_owned(),
        prepared_by: "Élodie Rousseau".to_owned(),
        prepared_for: "Comité de direction".to_owned(),
        confidentiality: "Confidentiel".to_owned(),
        executive_summary: "Une synthèse écrite à la main, d’abord.".to_owned(),
        omitted_sections: vec![ReportSection::Workshop],
        language: None,
    }
}

#[test]
fn settings_are_kept_per_organisation_and_drive_the_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = Workbench::start(dir.path().join("tcm.sqlite"), clock);
    let id = reports::open_demo(&workbench).expect("demo");
    let organisation = assessments::assessment_detail(&workbench, id)
        .expect("detail")
        .organisation
        .id;

    let defaults = report_settings(&workbench, organisation).expect("defaults");
    assert_eq!(defaults.firm_name, "");
    assert!(defaults.logo.is_none());
    assert!(defaults.sections.iter().all(|choice| choice.included));
    assert_eq!(defaults.max_logo_bytes, 1024 * 1024);

    let saved = save_report_settings(&workbench, organisation, input()).expect("saved");
    assert_eq!(saved.firm_name, "Cabinet Orée Conseil");
    let workshop = saved
        .sections
        .iter()
        .find(|choice| choice.section == ReportSection::Workshop)
        .expect("listed");
    assert!(!workshop.included);
    assert_eq!(
        report_settings(&workbench, organisation).expect("read"),
        saved
    );

    let logo_path = dir.path().join("logo.svg");
    std::fs::write(&logo_path, LOGO).expect("written");
    let with_logo = set_report_logo(&workbench, organisation, &logo_path).expect("logo set");
    let logo = with_logo.logo.clone().expect("a logo");
    assert_eq!(logo.format, LogoFormatCode::Svg);
    assert_eq!((logo.width, logo.height), (200, 60));
    // Saving the text again keeps the logo.
    let again = save_report_settings(&workbench, organisation, input()).expect("saved");
    assert_eq!(again.logo, with_logo.logo);

    // A hostile logo is refused, naming the file; the saved one stays.
    let hostile = dir.path().join("piège.svg");
    std::fs::write(
        &hostile,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"><image href=\"/etc/passwd\"/></svg>",
    )
    .expect("written");
    let error = set_report_logo(&workbench, organisation, &hostile).expect_err("refused");
    assert_eq!(error.kind, ErrorKind::InvalidInput);
    assert!(error.message.contains("piège.svg"), "{}", error.message);
    assert!(error.message.contains("<image>"), "{}", error.message);
    let big = dir.path().join("big.png");
    std::fs::write(&big, vec![0u8; 3 * 1024 * 1024]).expect("written");
    let error = set_report_logo(&workbench, organisation, &big).expect_err("refused");
    assert!(
        error.message.contains("larger than 1048576 bytes"),
        "{}",
        error.message
    );
    assert_eq!(
        report_settings(&workbench, organisation)
            .expect("read")
            .logo,
        with_logo.logo
    );

    // The exported report follows the saved settings.
    let report = dir.path().join("rapport.pdf");
    reports::export_report(&workbench, id, "fr", &report).expect("written");
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&report)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.contains("Cabinet Orée Conseil"));
    assert!(text.contains("Une synthèse écrite à la main, d’abord."));
    assert!(text.contains("Élodie Rousseau"));

    let cleared = clear_report_logo(&workbench, organisation).expect("cleared");
    assert!(cleared.logo.is_none());
    assert_eq!(cleared.firm_name, "Cabinet Orée Conseil");

    let missing = report_settings(&workbench, 9_999).expect_err("no such organisation");
    assert_eq!(missing.kind, ErrorKind::NotFound);
}
