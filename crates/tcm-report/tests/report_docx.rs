//! The Word report read back: the .docx opened as the zip it is, its `document.xml` checked
//! for Word heading styles, real tables, pictures and French text intact (accents,
//! « guillemets » with no-break spaces, apostrophes ’); then, when LibreOffice is installed,
//! converted to PDF headless and read with pdftotext (skipped with a message otherwise).

mod common;

use std::io::Read;
use std::process::Command;

use common::{Demo, flat, text_of};
use tcm_core::Language;
use tcm_report::{Logo, ReportSettings, Section};

const SVG_LOGO: &[u8] = include_bytes!("fixtures/logo-cabinet.svg");

fn settings() -> ReportSettings {
    ReportSettings {
        firm_name: "Cabinet Orée Conseil".to_owned(),
        logo: Some(Logo::read(SVG_LOGO).expect("a valid logo")),
        cover_title: "Diagnostic «\u{a0}relation client\u{a0}»".to_owned(),
        prepared_by: "Élodie Rousseau".to_owned(),
        prepared_for: String::new(),
        confidentiality: "Confidentiel".to_owned(),
        executive_summary: "L’entreprise écoute ses clients.\n\n- Anticiper davantage".to_owned(),
        omitted: vec![Section::Workshop],
    }
}

fn render(language: Language, settings: Option<&ReportSettings>) -> Vec<u8> {
    let demo = Demo::new(language);
    let mut input = demo.input();
    input.settings = settings;
    tcm_report::render_report_docx(&input).expect("the Word report renders")
}

/// Every entry of the package: name and bytes.
fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    (0..archive.len())
        .map(|index| {
            let mut file = archive.by_index(index).expect("an entry");
            let mut content = Vec::new();
            file.read_to_end(&mut content).expect("readable");
            (file.name().expect("a UTF-8 name").into_owned(), content)
        })
        .collect()
}

fn document_xml(bytes: &[u8]) -> String {
    let (_, xml) = entries(bytes)
        .into_iter()
        .find(|(name, _)| name == "word/document.xml")
        .expect("word/document.xml");
    String::from_utf8(xml).expect("UTF-8 XML")
}

/// The text of the document's runs, in order, joined by spaces.
fn text_runs(xml: &str) -> String {
    let mut text = String::new();
    let mut rest = xml;
    while let Some(start) = rest.find("<w:t") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        if after[..open_end].ends_with('/') {
            rest = &after[open_end..];
            continue;
        }
        let body = &after[open_end + 1..];
        let Some(close) = body.find("</w:t>") else {
            break;
        };
        text.push_str(
            &body[..close]
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'"),
        );
        text.push(' ');
        rest = &body[close..];
    }
    text
}

#[test]
fn the_french_word_report_has_headings_tables_pictures_and_french_text() {
    let bytes = render(Language::French, Some(&settings()));
    let xml = document_xml(&bytes);
    let text = text_runs(&xml);
    for style in ["Heading1", "Heading2", "Heading3", "Title", "ListBullet"] {
        assert!(
            xml.contains(&format!("<w:pStyle w:val=\"{style}\" />"))
                || xml.contains(&format!("<w:pStyle w:val=\"{style}\"/>")),
            "no paragraph in the {style} style"
        );
    }
    assert!(
        xml.matches("<w:tbl>").count() >= 5,
        "tables are real tables"
    );
    assert!(
        xml.contains("w:gridSpan"),
        "stage group rows span the table"
    );
    for expected in [
        "Cabinet Orée Conseil",
        "Diagnostic «\u{a0}relation client\u{a0}»",
        "Résumé pour la direction",
        "L’entreprise écoute ses clients.",
        "Anticiper davantage",
        "Menuiseries Delorme & Fils",
        "Synthèse",
        "Plan d’action",
        "Annexe",
    ] {
        assert!(text.contains(expected), "`{expected}` is missing");
    }
    assert!(
        !text.contains("Les questions les plus discutées"),
        "the workshop section is left out"
    );
    let styles = entries(&bytes)
        .into_iter()
        .find(|(name, _)| name == "word/styles.xml")
        .map(|(_, xml)| String::from_utf8(xml).expect("UTF-8"))
        .expect("styles");
    assert!(styles.contains("heading 1") && styles.contains("w:outlineLvl"));
    // The logo and the charts, as PNG pictures.
    let media: Vec<(String, Vec<u8>)> = entries(&bytes)
        .into_iter()
        .filter(|(name, _)| name.starts_with("word/media/") && !name.ends_with('/'))
        .collect();
    assert!(media.len() >= 5, "{} pictures", media.len());
    assert!(
        media
            .iter()
            .all(|(_, png)| png.starts_with(b"\x89PNG\r\n\x1a\n"))
    );
}

#[test]
fn the_english_word_report_reads_in_english() {
    let bytes = render(Language::English, None);
    let text = text_runs(&document_xml(&bytes));
    assert!(text.contains("Executive summary"));
    assert!(
        text.contains("Perception gaps"),
        "the workshop section is in"
    );
    assert!(text.contains("Action plan"));
    assert!(!text.contains("Synthèse"));
}

#[test]
fn libreoffice_opens_the_word_report() {
    let Some(office) = ["libreoffice", "soffice"].into_iter().find(|tool| {
        Command::new(tool)
            .arg("--version")
            .output()
            .is_ok_and(|output| output.status.success())
    }) else {
        println!("skipped: LibreOffice is not installed (libreoffice or soffice on PATH)");
        return;
    };
    let directory = tempfile::tempdir().expect("a temporary folder");
    let path = directory.path().join("rapport.docx");
    std::fs::write(&path, render(Language::French, Some(&settings()))).expect("written");
    let status = Command::new(office)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            directory.path().join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(directory.path())
        .arg(&path)
        .output()
        .expect("LibreOffice runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let text = flat(&text_of(&directory.path().join("rapport.pdf")));
    for expected in [
        "Cabinet Orée Conseil",
        "Résumé pour la direction",
        "L’entreprise écoute ses clients.",
        "Menuiseries Delorme & Fils",
    ] {
        assert!(
            text.contains(expected),
            "`{expected}` is missing from LibreOffice's PDF"
        );
    }
}
