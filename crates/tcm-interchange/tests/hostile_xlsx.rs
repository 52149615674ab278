//! Crafted workbooks that crashed the import (issue 9), each refused now with a message that
//! says what and where. Before the fix: XFD1048576 aborted allocating 550 GB, row 4294967295
//! aborted allocating 412 GB, a huge `uniqueCount` aborted reserving 2.4 PB, an overflowing
//! reference panicked, and a shared string inflating to gigabytes aborted after 5.4 GB.

mod support;

use std::path::Path;

use support::hostile;
use tcm_core::Questionnaire;
use tcm_interchange::{FileKind, ImportError, WorkbookRefusal, read_responses};

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");

fn refusal(bytes: &[u8]) -> ImportError {
    let questionnaire = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
    match read_responses(bytes, FileKind::Xlsx, &questionnaire) {
        Ok(imported) => panic!("expected a refusal, got {imported:?}"),
        Err(error) => error,
    }
}

/// A file of the corpus, as `examples/hostile_corpus.rs` wrote it (building the bombs again
/// in every test run would take longer than reading them).
fn corpus(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/hostile")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

#[test]
fn the_corpus_workbooks_are_what_the_builders_make() {
    // The cheap ones, byte for byte; the bombs are checked by their refusals below.
    for (name, bytes) in hostile::small_xlsx_corpus() {
        assert!(
            corpus(name) == bytes,
            "{name} differs: run the hostile_corpus example"
        );
    }
}

#[test]
fn a_cell_at_excels_last_cell_is_refused_by_name_without_allocating_the_sheet() {
    let error = refusal(&corpus("far-cell-XFD1048576.xlsx"));
    assert!(
        matches!(&error, ImportError::RefusedWorkbook(WorkbookRefusal::CellOutOfBounds { cell, sheet, .. }) if cell == "XFD1048576" && sheet == "answers"),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.contains("cell XFD1048576 of sheet `answers`")
            && message.contains("columns A to AMJ"),
        "{message}"
    );
}

#[test]
fn references_beyond_excels_grid_are_refused_not_panicked_on() {
    for (file, reference) in [
        ("row-4294967295.xlsx", "4294967295"),
        ("row-number-overflow.xlsx", "A99999999999"),
        ("column-overflow.xlsx", "AAAAAAAA2"),
    ] {
        let error = refusal(&corpus(file));
        assert!(
            matches!(&error, ImportError::RefusedWorkbook(WorkbookRefusal::OutsideExcel { reference: found, part }) if found == reference && part == "xl/worksheets/sheet1.xml"),
            "{file}: {error:?}"
        );
    }
}

#[test]
fn a_shared_string_zip_bomb_is_refused_by_its_real_size_even_when_its_header_lies() {
    for file in [
        "shared-string-bomb.xlsx",
        "shared-string-bomb-lying-header.xlsx",
    ] {
        let error = refusal(&corpus(file));
        assert!(
            matches!(&error, ImportError::RefusedWorkbook(
                WorkbookRefusal::PartTooLarge { part, .. } | WorkbookRefusal::Damaged { part, .. }
            ) if part == "xl/sharedStrings.xml"),
            "{file}: {error:?}"
        );
    }
}

#[test]
fn a_doctype_a_huge_string_count_and_too_many_entries_are_refused() {
    let error = refusal(&corpus("shared-string-billion-laughs.xlsx"));
    assert!(
        matches!(&error, ImportError::RefusedWorkbook(WorkbookRefusal::Doctype { part }) if part == "xl/sharedStrings.xml"),
        "{error:?}"
    );
    let error = refusal(&corpus("shared-string-count-huge.xlsx"));
    assert!(
        matches!(
            &error,
            ImportError::RefusedWorkbook(WorkbookRefusal::TooManySharedStrings { .. })
        ),
        "{error:?}"
    );
    let error = refusal(&corpus("too-many-entries.xlsx"));
    assert!(
        matches!(
            &error,
            ImportError::RefusedWorkbook(WorkbookRefusal::TooManyEntries { entries: 1_100, .. })
        ),
        "{error:?}"
    );
}

/// The fuzzer's findings (issue 16): `calamine` panicked on overflowing arithmetic although
/// the package check ran, because the check stopped at the first damaged XML while
/// `calamine` reads on past mismatched end tags, and because a range may end before it
/// starts. Each is refused now, naming the part and the reference.
#[test]
fn fuzz_findings_in_damaged_xml_and_reversed_ranges_are_refused_not_panicked_on() {
    for (file, part, reference) in [
        (
            "damaged-xml-then-A18446744073709551616.xlsx",
            "xl/worksheets/sheet1.xml",
            "A18446744073709551616",
        ),
        (
            "damaged-xml-then-A4294967296.xlsx",
            "xl/worksheets/sheet2.xml",
            "A4294967296",
        ),
        (
            "damaged-xml-then-C9999999999999999999999.xlsx",
            "xl/worksheets/sheet2.xml",
            "C9999999999999999999999",
        ),
        (
            "mismatched-end-tag-then-B4294967296.xlsx",
            "xl/worksheets/sheet1.xml",
            "B4294967296",
        ),
    ] {
        let error = refusal(&corpus(file));
        assert!(
            matches!(&error, ImportError::RefusedWorkbook(WorkbookRefusal::OutsideExcel { reference: found, part: at }) if found == reference && at == part),
            "{file}: {error:?}"
        );
    }
    let error = refusal(&corpus("reversed-dimension-A16-F3.xlsx"));
    assert!(
        matches!(&error, ImportError::RefusedWorkbook(WorkbookRefusal::ReversedRange { range, part }) if range == "A16:F3" && part == "xl/worksheets/sheet1.xml"),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .contains("`A16:F3`, which ends before it starts"),
        "{error}"
    );
}

#[test]
fn references_after_damaged_xml_and_in_merged_cells_are_checked_too() {
    // A mismatched end tag does not stop calamine, so it does not stop the check.
    let sheet = format!(
        "{}<row r=\"2\">{}</x>{}</row>",
        hostile::header_row(),
        hostile::text_cell("A2", "Ann"),
        hostile::text_cell("B99999999999", "q"),
    );
    let error = refusal(&hostile::workbook(&sheet, None));
    assert!(
        matches!(&error, ImportError::RefusedWorkbook(WorkbookRefusal::OutsideExcel { reference, .. }) if reference == "B99999999999"),
        "{error:?}"
    );
    // A reversed column range, in a place calamine reads ranges from.
    // (The sheet data closed early so that the merged cells come after it, as Excel writes.)
    let merged = format!(
        "{}</sheetData><mergeCells count=\"1\"><mergeCell ref=\"C1:A1\"/></mergeCells><sheetData>",
        hostile::header_row()
    );
    let error = refusal(&hostile::workbook(&merged, None));
    assert!(
        matches!(&error, ImportError::RefusedWorkbook(WorkbookRefusal::ReversedRange { range, .. }) if range == "C1:A1"),
        "{error:?}"
    );
}

#[test]
fn a_cell_longer_than_excel_allows_is_refused_by_name() {
    let message = refusal(&corpus("cell-too-long.xlsx")).to_string();
    assert!(
        message.contains("cell C2 of sheet `answers` holds 40000 characters"),
        "{message}"
    );
}

#[test]
fn a_workbook_read_cell_by_cell_still_reads_sparse_responses() {
    // Responses that start at C5, with blank rows and a gap column: read as before.
    let rows = format!(
        "<row r=\"5\">{}{}{}</row><row r=\"9\">{}{}{}</row>",
        hostile::text_cell("C5", "respondent"),
        hostile::text_cell("D5", "question"),
        hostile::text_cell("E5", "answer"),
        hostile::text_cell("C9", "Ann"),
        hostile::text_cell("D9", "sample-cre-01"),
        hostile::text_cell("E9", "3"),
    );
    let questionnaire = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
    let imported = read_responses(
        &hostile::workbook(&rows, None),
        FileKind::Xlsx,
        &questionnaire,
    )
    .expect("a valid workbook");
    assert_eq!(imported.sheet.len(), 1);
    assert_eq!(imported.respondents[0].label, "Ann");
    let bad = format!(
        "{}<row r=\"3\">{}{}{}</row>",
        hostile::header_row(),
        hostile::text_cell("A3", "Ann"),
        hostile::text_cell("B3", "sample-cre-01"),
        hostile::text_cell("C3", "7"),
    );
    let message = refusal(&hostile::workbook(&bad, None)).to_string();
    assert!(
        message.starts_with("cell C3: invalid answer `7`"),
        "{message}"
    );
}
