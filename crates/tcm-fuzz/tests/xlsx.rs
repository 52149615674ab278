//! Fuzzing the XLSX responses import: raw bytes mutated, and (more often) one part inside the
//! package mutated and zipped back, so that the XML of sheets and shared strings is reached.

use std::io::{Cursor, Read, Write};

use tcm_core::Questionnaire;
use tcm_fuzz::{Rng, assert_no_findings, mutate, outcome, run_with};
use tcm_interchange::{FileKind, ImportError, WorkbookRefusal, read_responses};
use zip::write::SimpleFileOptions;

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");
const TCM_92: &str = include_str!("../../../questionnaires/tcm-92.toml");

const DICTIONARY: &[&[u8]] = &[
    b"<c r=\"XFD1048576\" t=\"s\"><v>0</v></c>",
    b"<c r=\"A1\" t=\"inlineStr\"><is><t>",
    b"<c r=\"B2\"><v>3</v></c>",
    b"<row r=\"4294967295\">",
    b"<si><t>sample-cre-01</t></si>",
    b"<si><t>NA</t></si>",
    b"count=\"999999999\"",
    b"<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>",
    b"&a;",
    b"&amp;",
    b"&#0;",
    b"<![CDATA[",
    b"t=\"e\"",
    b"t=\"b\"",
    b"t=\"d\"",
    b"<dimension ref=\"A1:XFD1048576\"/>",
    b"</sheetData>",
    b"xml:space=\"preserve\"",
];

/// The entries of a ZIP package, or `None` when it does not open.
fn entries(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut entries = Vec::new();
    for index in 0..archive.len().min(64) {
        let mut file = archive.by_index(index).ok()?;
        let mut content = Vec::new();
        file.by_ref()
            .take(tcm_fuzz::MAX_INPUT as u64)
            .read_to_end(&mut content)
            .ok()?;
        let name = file.name().ok()?.into_owned();
        entries.push((name, content));
    }
    Some(entries)
}

fn package(entries: &[(String, Vec<u8>)]) -> Option<Vec<u8>> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in entries {
        writer.start_file(name.as_str(), options).ok()?;
        writer.write_all(content).ok()?;
    }
    Some(writer.finish().ok()?.into_inner())
}

fn mutate_package(input: &mut Vec<u8>, rng: &mut Rng, pool: &[Vec<u8>]) {
    if !rng.chance(4)
        && let Some(mut parts) = entries(input)
        && !parts.is_empty()
    {
        // The sheets and shared strings are where the reader works hardest.
        let xml: Vec<usize> = (0..parts.len())
            .filter(|index| parts[*index].0.ends_with(".xml"))
            .collect();
        let chosen = if !xml.is_empty() && !rng.chance(5) {
            xml[rng.below(xml.len())]
        } else {
            rng.below(parts.len())
        };
        mutate(&mut parts[chosen].1, rng, &[], DICTIONARY);
        if rng.chance(16) {
            // A part renamed, dropped or doubled.
            match rng.below(3) {
                0 => parts[chosen].0.push('x'),
                1 => {
                    parts.remove(chosen);
                }
                _ => {
                    let copy = parts[chosen].clone();
                    parts.push(copy);
                }
            }
        }
        if let Some(bytes) = package(&parts) {
            *input = bytes;
            return;
        }
    }
    mutate(input, rng, pool, DICTIONARY);
}

#[test]
fn the_xlsx_import_survives_mutated_workbooks() {
    let sample = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
    let grid = Questionnaire::from_toml(TCM_92, "tcm-92.toml").expect("valid");
    let report = run_with("xlsx", mutate_package, &mut |bytes: &[u8]| {
        let sample_result = read_responses(bytes, FileKind::Xlsx, &sample);
        let grid_result = read_responses(bytes, FileKind::Xlsx, &grid);
        let name = |result: Result<
            tcm_interchange::ImportedResponses,
            tcm_interchange::ImportError,
        >| match result {
            Ok(imported) => format!("{:?} {}", imported.format, imported.sheet.len().min(2)),
            // calamine panicked and the import's last line of defence caught it: a finding
            // all the same (the package check should have refused the file first).
            Err(ImportError::RefusedWorkbook(WorkbookRefusal::ReaderFailed)) => {
                panic!("calamine panicked on this workbook (caught by the import)")
            }
            Err(error) => outcome(&error.to_string()),
        };
        format!("{} | {}", name(sample_result), name(grid_result))
    });
    assert_no_findings(&report);
}
