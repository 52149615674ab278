//! The benchmark section of the report: the client placed among the consultant's other
//! clients, read back from the PDF (pdftotext) and from the Word document (its runs), and
//! absent when no figure rests on five audits.

mod common;

use std::io::Read;

use common::{Demo, flat, text_of};
use tcm_core::strategy::benchmark::{AuditFigures, BenchmarkFigure, benchmark};
use tcm_core::{Language, OrganisationSize, Sector};

/// Fourteen industrial clients (proactive 20, 25 … 85) and six others.
fn past() -> Vec<AuditFigures> {
    let mut past: Vec<AuditFigures> = (0..14)
        .map(|n| {
            let proactive = 20.0 + f64::from(n) * 5.0;
            AuditFigures {
                sector: Sector::Industry,
                size: Some(OrganisationSize::Large),
                stages: [
                    Some(50.0),
                    Some(60.0),
                    Some(40.0),
                    Some(30.0),
                    Some(proactive),
                ],
                overall: Some((180.0 + proactive) / 5.0),
            }
        })
        .collect();
    past.extend((0..6).map(|n| AuditFigures {
        sector: Sector::Services,
        size: None,
        stages: [Some(90.0 - f64::from(n)); 5],
        overall: Some(90.0 - f64::from(n)),
    }));
    past
}

fn figures(demo: &Demo) -> Vec<BenchmarkFigure> {
    let client = AuditFigures {
        sector: demo.demo.organisation.sector,
        size: demo.demo.organisation.size,
        stages: tcm_core::StageId::ALL.map(|stage| {
            demo.scorecard
                .stage(stage)
                .and_then(|found| found.result.score)
                .map(|score| score.value())
        }),
        overall: demo.scorecard.overall.map(|score| score.value()),
    };
    // The demo company is industrial: its figures come from the fourteen.
    let mut past = past();
    for audit in &mut past[..14] {
        audit.sector = client.sector;
    }
    benchmark(&client, &past)
}

fn pdf_text(bytes: &[u8]) -> String {
    let directory = tempfile::tempdir().expect("a temporary folder");
    let path = directory.path().join("rapport.pdf");
    std::fs::write(&path, bytes).expect("the PDF is written");
    flat(&text_of(&path))
}

#[test]
fn the_report_places_the_client_among_its_peers_with_the_count_of_audits() {
    let demo = Demo::new(Language::French);
    let figures = figures(&demo);
    assert_eq!(figures.len(), 6, "five stages and the index");
    let mut input = demo.input();
    input.benchmark = Some(&figures);
    let text = pdf_text(&tcm_report::render_report(&input).expect("the report renders"));
    for expected in [
        "Parmi vos clients",
        "1er quartile",
        "Médiane",
        "3e quartile",
        "jamais le score d’un client",
    ] {
        assert!(text.contains(expected), "`{expected}` is missing");
    }
    for figure in &figures {
        let sentence = figure.sentence.fr.replace('\u{a0}', " ");
        assert!(text.contains(&sentence), "`{sentence}` is missing");
        assert!(text.contains(&format!("{}", figure.count)));
    }
    // After the follow-up, before the roadmap.
    let position = |needle: &str| text.find(needle).expect(needle);
    assert!(position("Parmi vos clients") < position("Feuille de route"));

    // The same blocks make the Word document.
    let docx = tcm_report::render_report_docx(&input).expect("the Word report renders");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip package");
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    assert!(xml.contains("Parmi vos clients"));
    assert!(xml.contains(&figures[4].sentence.fr));
}

#[test]
fn no_section_without_a_figure_of_five_audits() {
    let demo = Demo::new(Language::English);
    let few = &past()[14..18];
    let client = few[0].clone();
    let figures = benchmark(&client, few);
    assert!(figures.is_empty());
    let mut input = demo.input();
    input.benchmark = Some(&figures);
    let text = pdf_text(&tcm_report::render_report(&input).expect("the report renders"));
    assert!(!text.contains("Among your clients"));
    input.benchmark = None;
    assert!(
        !pdf_text(&tcm_report::render_report(&input).expect("renders"))
            .contains("Among your clients")
    );
}
