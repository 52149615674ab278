//! The report is a tagged PDF: its structure tree read back with lopdf (headings in the
//! order of the sections, tables of header and data cells, figures with alternate text,
//! lists), every page's content marked and tied to the tree, the catalogue's `/MarkInfo`,
//! `/Lang`, `DisplayDocTitle` and XMP metadata; checked by `qpdf --check` and read back by
//! `pdftotext` unchanged (`report_pdf.rs`).

mod common;

use std::path::PathBuf;

use common::tagged::{self, check_tables, headings};
use common::{Demo, run};
use lopdf::content::Content;
use tcm_core::Language;

fn rendered(language: Language) -> (tempfile::TempDir, PathBuf, Demo) {
    let demo = Demo::new(language);
    let bytes = tcm_report::render_report(&demo.input()).expect("the report renders");
    let directory = tempfile::tempdir().expect("a temporary folder");
    let path = directory.path().join("rapport.pdf");
    std::fs::write(&path, bytes).expect("the PDF is written");
    (directory, path, demo)
}

#[test]
fn the_report_is_tagged_with_its_language_title_and_metadata() {
    let (_directory, path, demo) = rendered(Language::French);
    assert!(run("qpdf", &["--check"], &path).contains("No syntax or stream encoding errors"));
    let info = run("pdfinfo", &[], &path);
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(info.contains("PDF version:     1.7"), "{info}");
    let tagged = tagged::read(&path);
    assert!(tagged.marked, "/MarkInfo <</Marked true>>");
    assert!(
        tagged.display_doc_title,
        "viewers show the title, not the file name"
    );
    assert_eq!(tagged.lang.as_deref(), Some("fr"));
    let title = format!(
        "Rapport d’audit de la relation client — {}",
        demo.input().organisation.name
    );
    // The XMP packet repeats the title (escaped: `&` in the company's name), names the app as
    // creator, and identifies PDF/UA-1.
    let escaped = title.replace('&', "&amp;");
    assert!(
        tagged.xmp.contains(&format!(
            "<rdf:li xml:lang=\"x-default\">{escaped}</rdf:li>"
        )),
        "{}",
        tagged.xmp
    );
    assert!(tagged.xmp.contains("<rdf:li>TCM Workbench</rdf:li>"));
    assert!(
        tagged
            .xmp
            .contains("<dc:language><rdf:Bag><rdf:li>fr</rdf:li>")
    );
    assert!(tagged.xmp.contains("<pdfuaid:part>1</pdfuaid:part>"));
    assert!(tagged.xmp.contains("<xmp:CreateDate>2026-03-12T12:00:00Z"));
}

#[test]
fn headings_follow_the_sections_and_the_stages_in_reading_order() {
    let (_directory, path, demo) = rendered(Language::French);
    let tagged = tagged::read(&path);
    let root = &tagged.root;
    assert_eq!(root.tag, "Document");
    assert!(
        root.kids.iter().all(|kid| kid.tag == "Sect"),
        "the document is the cover and its sections"
    );
    let headings = headings(root);
    let h1: Vec<&str> = headings
        .iter()
        .filter(|(level, _)| level == "H1")
        .map(|(_, title)| title.as_str())
        .collect();
    // The cover's title (the organisation), then one H1 per section, as the bookmarks.
    assert_eq!(h1[0], demo.input().organisation.name);
    assert_eq!(
        h1[1..],
        tagged
            .outline
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()[..]
    );
    assert!(h1.len() >= 8, "{h1:?}");
    // Each section's title is its Sect's title, and its first heading.
    for section in &root.kids[1..] {
        assert_eq!(section.kids[0].tag, "H1");
        assert_eq!(section.title, section.kids[0].title);
    }
    // No level skipped: an H3 comes after an H2, an H2 after an H1.
    let mut previous = 0;
    for (level, title) in &headings {
        let level: u32 = level[1..].parse().expect("a level");
        assert!(level <= previous + 1, "{title} jumps to H{level}");
        previous = level;
    }
    // The details section: one H2 per stage, in the grid's order, each with its themes (H3).
    let details = root
        .kids
        .iter()
        .find(|section| section.title.as_deref() == Some("Détail par étape"))
        .expect("the details section");
    let stages: Vec<String> = headings_of(details, "H2");
    let names: Vec<String> = demo
        .questionnaire
        .stages()
        .iter()
        .map(|stage| stage.name.fr.clone())
        .collect();
    assert_eq!(stages.len(), names.len(), "{stages:?}");
    for (heading, name) in stages.iter().zip(&names) {
        assert!(heading.contains(name.as_str()), "{heading} for {name}");
    }
    assert!(headings_of(details, "H3").len() >= names.len());
}

fn headings_of(element: &tagged::Element, level: &str) -> Vec<String> {
    element
        .find(level)
        .into_iter()
        .filter_map(|heading| heading.title.clone())
        .collect()
}

#[test]
fn tables_lists_and_figures_carry_their_structure() {
    let (_directory, path, demo) = rendered(Language::French);
    let tagged = tagged::read(&path);
    let root = &tagged.root;
    assert!(check_tables(root) >= 10, "the report's tables");
    // Every table cell with text holds it as content; the plan's header names its columns.
    let header_titles: Vec<usize> = root
        .find("Table")
        .iter()
        .map(|table| {
            table.kids[0]
                .kids
                .iter()
                .filter(|cell| cell.has_content())
                .count()
        })
        .collect();
    assert!(
        header_titles.iter().all(|count| *count > 0),
        "{header_titles:?}"
    );

    let figures = root.find("Figure");
    assert!(
        figures.len() >= 5,
        "the five charts at least: {}",
        figures.len()
    );
    // The radar says each stage's score and target in words.
    let radar = figures
        .iter()
        .filter_map(|figure| figure.alt.as_deref())
        .find(|alt| alt.starts_with("Maturité par étape"))
        .expect("the radar's alternate text");
    for stage in demo.questionnaire.stages() {
        let score = demo
            .scorecard
            .stage(stage.id)
            .and_then(|found| found.result.score)
            .map(|score| {
                let value = format!("{:.1}", score.value()).replace('.', ",");
                format!("{} {value} (cible", stage.name.fr)
            })
            .expect("a score");
        assert!(radar.contains(&score), "{score} in {radar}");
    }
    // The heatmap points to the details, where each question's values are text.
    assert!(
        figures.iter().any(|figure| figure
            .alt
            .as_deref()
            .is_some_and(|alt| alt.contains("«\u{a0}Détail par étape\u{a0}»"))),
        "the heatmap's alternate text"
    );
    for figure in &figures {
        let alt = figure.alt.as_deref().unwrap_or_default();
        assert!(
            alt.chars().count() > 20,
            "a figure's alternate text says something: {alt:?}"
        );
        assert!(figure.has_content(), "the chart is inside its figure");
    }

    let lists = root.find("L");
    assert!(!lists.is_empty());
    for list in lists {
        for item in &list.kids {
            assert_eq!(item.tag, "LI");
            assert!(
                item.kids
                    .iter()
                    .all(|kid| kid.tag == "Lbl" || kid.tag == "LBody")
            );
            assert!(
                item.kids
                    .iter()
                    .any(|kid| kid.tag == "LBody" && kid.has_content())
            );
        }
    }
    // Paragraphs hold text; nothing sits directly in a section but headings, paragraphs,
    // lists, tables and figures.
    for section in &root.kids {
        for kid in &section.kids {
            assert!(
                ["H1", "H2", "H3", "P", "L", "Table", "Figure"].contains(&kid.tag.as_str()),
                "{} in a section",
                kid.tag
            );
        }
    }
}

#[test]
fn running_headers_footers_and_decoration_are_artifacts() {
    let (_directory, path, demo) = rendered(Language::French);
    let tagged = tagged::read(&path);
    let pages: Vec<_> = tagged.document.get_pages().into_values().collect();
    let content = Content::decode(&tagged.document.get_page_content(pages[1]))
        .expect("page 2's content decodes");
    let pagination = content
        .operations
        .iter()
        .filter(|operation| {
            operation.operator == "BDC"
                && operation.operands[0].as_name().ok() == Some(&b"Artifact"[..])
                && operation.operands[1]
                    .as_dict()
                    .ok()
                    .and_then(|properties| properties.get(b"Type").ok())
                    .and_then(|kind| kind.as_name().ok())
                    == Some(&b"Pagination"[..])
        })
        .count();
    assert_eq!(
        pagination, 1,
        "the header and footer, one pagination artifact"
    );
    // Page numbers and headers are not in the structure: no element's title or alt text
    // carries « Page 2 sur ».
    let pagination = format!("Page 2 sur {}", pages.len());
    assert!(tagged.root.walk().iter().all(|element| {
        !element
            .title
            .as_deref()
            .unwrap_or_default()
            .contains(&pagination)
    }));
    // A repeated table header is an artifact: the long details tables span pages, yet each
    // table has one header row.
    let details = tagged
        .root
        .kids
        .iter()
        .find(|section| section.title.as_deref() == Some("Détail par étape"))
        .expect("the details section");
    for table in details.find("Table") {
        let header_rows = table
            .kids
            .iter()
            .filter(|row| row.kids.iter().any(|cell| cell.tag == "TH"))
            .count();
        assert_eq!(header_rows, 1);
    }
    let _ = demo;
}

#[test]
fn the_english_report_and_the_blank_grid_are_tagged_too() {
    let (_directory, path, _demo) = rendered(Language::English);
    let tagged = tagged::read(&path);
    assert_eq!(tagged.lang.as_deref(), Some("en"));
    assert!(check_tables(&tagged.root) >= 10);

    let demo = Demo::new(Language::French);
    let bytes =
        tcm_report::render_blank_grid(&demo.questionnaire, Language::French, common::date())
            .expect("the grid renders");
    let directory = tempfile::tempdir().expect("a temporary folder");
    let path = directory.path().join("grille.pdf");
    std::fs::write(&path, bytes).expect("written");
    let grid = tagged::read(&path);
    assert!(grid.marked);
    let h1: Vec<(String, String)> = headings(&grid.root)
        .into_iter()
        .filter(|(level, _)| level == "H1")
        .collect();
    // The grid's title, then one H1 per stage, as its bookmarks.
    assert_eq!(h1.len(), 1 + demo.questionnaire.stages().len());
    assert_eq!(
        h1[1..]
            .iter()
            .map(|(_, title)| title.clone())
            .collect::<Vec<_>>(),
        grid.outline
    );
    assert_eq!(check_tables(&grid.root), 1, "the answer scale");
    // Every question reads as a paragraph: as many as questions, plus their choices and
    // remark lines.
    assert!(grid.root.find("P").len() >= 3 * demo.questionnaire.questions().len());
}

/// Each bookmark names its heading's structure element (`/SE`): a section's its H1, a stage's
/// or theme's its H2, with the same title — in the report and in the blank grid.
#[test]
fn every_bookmark_names_its_heading_element() {
    let (_directory, path, demo) = rendered(Language::French);
    let directory = tempfile::tempdir().expect("a temporary folder");
    let grid = directory.path().join("grille.pdf");
    let bytes =
        tcm_report::render_blank_grid(&demo.questionnaire, Language::French, common::date())
            .expect("the grid renders");
    std::fs::write(&grid, bytes).expect("written");
    for path in [&path, &grid] {
        assert!(run("qpdf", &["--check"], path).contains("No syntax or stream encoding errors"));
        let bookmarks = tagged::bookmarks(path);
        assert!(bookmarks.iter().filter(|mark| mark.level == 0).count() >= 5);
        assert!(
            bookmarks.iter().any(|mark| mark.level == 1),
            "{bookmarks:?}"
        );
        for mark in &bookmarks {
            let (kind, tag, title) = mark
                .element
                .clone()
                .unwrap_or_else(|| panic!("{} ({}) has no /SE", mark.title, path.display()));
            assert_eq!(kind, "StructElem", "{mark:?}");
            assert_eq!(tag, if mark.level == 0 { "H1" } else { "H2" }, "{mark:?}");
            assert_eq!(title, mark.title, "{mark:?}");
        }
    }
}
