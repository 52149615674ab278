//! The consultant's settings in the rendered report: firm and logo on the cover, the cover's
//! lines, the hand-written summary first, the sections left out absent, the firm as the
//! document's author. Read back with pdftotext, pdfimages and pdfinfo.

mod common;

use std::path::PathBuf;

use common::{Demo, flat, run, text_of};
use tcm_core::Language;
use tcm_report::{Logo, ReportSettings, Section};

const SVG_LOGO: &[u8] = include_bytes!("fixtures/logo-cabinet.svg");

fn png_logo() -> Vec<u8> {
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, 64, 32);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().expect("header");
        let data: Vec<u8> = (0..64 * 32)
            .flat_map(|index| [30, 78, (index % 64 * 4) as u8, 255])
            .collect();
        writer.write_image_data(&data).expect("data");
    }
    bytes
}

fn settings(logo: &[u8]) -> ReportSettings {
    ReportSettings {
        firm_name: "Cabinet Orée Conseil".to_owned(),
        logo: Some(Logo::read(logo).expect("a valid logo")),
        cover_title: "Diagnostic « relation client » 2026".to_owned(),
        prepared_by: "Élodie Rousseau, associée".to_owned(),
        prepared_for: "Comité de direction".to_owned(),
        confidentiality: "Confidentiel — diffusion restreinte".to_owned(),
        executive_summary: "L’entreprise écoute ses clients mais n’anticipe pas encore.\n\n\
                            - Renforcer l’étape proactive\n- Mesurer la satisfaction chaque trimestre"
            .to_owned(),
        omitted: vec![Section::Workshop, Section::Details],
    }
}

fn rendered(settings: &ReportSettings) -> (tempfile::TempDir, PathBuf) {
    let demo = Demo::new(Language::French);
    let mut input = demo.input();
    input.settings = Some(settings);
    let bytes = tcm_report::render_report(&input).expect("the report renders");
    let directory = tempfile::tempdir().expect("a temporary folder");
    let path = directory.path().join("rapport.pdf");
    std::fs::write(&path, bytes).expect("written");
    (directory, path)
}

#[test]
fn the_cover_carries_the_firm_its_logo_and_lines_and_the_summary_comes_first() {
    let (_guard, path) = rendered(&settings(SVG_LOGO));
    let text = text_of(&path);
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let cover = flat(pages[0]);
    for expected in [
        "Cabinet Orée Conseil",
        "Diagnostic « relation client » 2026",
        "Préparé par",
        "Élodie Rousseau, associée",
        "À l’attention de",
        "Comité de direction",
        "Confidentiel — diffusion restreinte",
    ] {
        let expected = flat(&expected.replace(['\u{a0}', '\u{202f}'], " "));
        assert!(
            cover
                .replace(['\u{a0}', '\u{202f}'], " ")
                .contains(&expected),
            "`{expected}` is not on the cover: {cover}"
        );
    }
    let second = flat(pages[1]);
    assert!(second.contains("Résumé pour la direction"), "{second}");
    assert!(second.contains("L’entreprise écoute ses clients mais n’anticipe pas encore."));
    assert!(second.contains("Renforcer l’étape proactive"));
    let all = flat(&text);
    // The computed summary, the plan and the appendix stay; the workshop and details go.
    assert!(all.contains("Synthèse"));
    assert!(all.contains("Annexe"));
    assert!(
        !all.contains("Participation"),
        "the workshop section is left out"
    );
    let info = run("pdfinfo", &[], &path);
    assert!(
        info.contains("Cabinet Orée Conseil"),
        "the firm is the author: {info}"
    );
}

#[test]
fn a_png_logo_is_embedded_as_an_image_with_its_transparency() {
    let (_guard, path) = rendered(&settings(&png_logo()));
    let list = run("pdfimages", &["-list"], &path);
    let rows: Vec<Vec<&str>> = list
        .lines()
        .skip(2)
        .map(|row| row.split_whitespace().collect())
        .collect();
    // page, num, type, width, height, colour…: on the cover, 64 × 32, with its alpha mask.
    let kinds: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .filter(|row| row.len() > 5)
        .map(|row| (row[0], row[2], row[3], row[4]))
        .collect();
    assert_eq!(
        kinds,
        vec![("1", "image", "64", "32"), ("1", "smask", "64", "32")],
        "{list}"
    );
}

#[test]
fn without_settings_every_section_is_there_and_the_app_is_the_author() {
    let demo = Demo::new(Language::French);
    let defaults = ReportSettings::default();
    let mut input = demo.input();
    let plain = tcm_report::render_report(&input).expect("renders");
    input.settings = Some(&defaults);
    let with_defaults = tcm_report::render_report(&input).expect("renders");
    assert_eq!(plain, with_defaults, "default settings change nothing");
    let (_guard, path) = {
        let directory = tempfile::tempdir().expect("a temporary folder");
        let path = directory.path().join("complet.pdf");
        std::fs::write(&path, &plain).expect("written");
        (directory, path)
    };
    let text = flat(&text_of(&path));
    assert!(text.contains("Les questions les plus discutées"));
    assert!(!text.contains("Résumé pour la direction"));
    assert!(run("pdfinfo", &[], &path).contains("TCM Workbench"));
}
