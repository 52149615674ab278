//! Crafted files for the hostile-input tests and the corpus in `tests/fixtures/hostile/`:
//! XLSX packages built part by part (so that a part can say what no spreadsheet program
//! writes), zip bombs that stay small on disk, CSV, `.tcm` and questionnaire files.

#![allow(dead_code)]

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A ZIP archive of these parts, deflated, with the fixed 1980 timestamp (same bytes every
/// time).
pub fn archive(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9))
        .large_file(false);
    for (name, bytes) in parts {
        let options = if bytes.len() > u32::MAX as usize / 2 {
            options.large_file(true)
        } else {
            options
        };
        writer.start_file(*name, options).expect("a part");
        writer.write_all(bytes).expect("written to memory");
    }
    writer.finish().expect("an archive").into_inner()
}

/// A minimal XLSX package: one sheet `answers` with `sheet_data` (the XML inside
/// `<sheetData>`), and a shared-string table when given (the whole `<sst>` document).
pub fn workbook(sheet_data: &str, shared_strings: Option<&[u8]>) -> Vec<u8> {
    let content_types = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>{}</Types>"#,
        if shared_strings.is_some() {
            r#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
        } else {
            ""
        }
    );
    let package_relationships = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{RELATIONSHIPS}"><Relationship Id="rId1" Type="{OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );
    let workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{MAIN}" xmlns:r="{OFFICE}"><sheets><sheet name="answers" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    );
    let workbook_relationships = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{RELATIONSHIPS}"><Relationship Id="rId1" Type="{OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>{}</Relationships>"#,
        if shared_strings.is_some() {
            format!(
                r#"<Relationship Id="rId2" Type="{OFFICE}/sharedStrings" Target="sharedStrings.xml"/>"#
            )
        } else {
            String::new()
        }
    );
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{MAIN}"><sheetData>{sheet_data}</sheetData></worksheet>"#
    );
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", package_relationships.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        (
            "xl/_rels/workbook.xml.rels",
            workbook_relationships.as_bytes(),
        ),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ];
    if let Some(shared_strings) = shared_strings {
        parts.push(("xl/sharedStrings.xml", shared_strings));
    }
    archive(&parts)
}

/// An inline-string cell.
pub fn text_cell(reference: &str, text: &str) -> String {
    format!(r#"<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// A header row `respondent,question,answer` in row 1.
pub fn header_row() -> String {
    format!(
        r#"<row r="1">{}{}{}</row>"#,
        text_cell("A1", "respondent"),
        text_cell("B1", "question"),
        text_cell("C1", "answer")
    )
}

/// A shared-string table with one string of `length` letters `A` (a zip bomb: it deflates
/// about a thousand to one).
pub fn shared_string_bomb(length: usize) -> Vec<u8> {
    let mut xml = format!(r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>"#)
        .into_bytes();
    xml.resize(xml.len() + length, b'A');
    xml.extend_from_slice(b"</t></si></sst>");
    xml
}

/// The workbook with a shared-string bomb of `length` letters used by cell A2.
pub fn bomb_workbook(length: usize) -> Vec<u8> {
    let rows = format!(
        r#"{}<row r="2"><c r="A2" t="s"><v>0</v></c></row>"#,
        header_row()
    );
    workbook(&rows, Some(&shared_string_bomb(length)))
}

/// `archive` with the uncompressed size of the part `name` rewritten to `declared` in both
/// its local header and the central directory: a header that lies.
pub fn lie_about_size(mut archive: Vec<u8>, name: &str, declared: u32) -> Vec<u8> {
    let name = name.as_bytes();
    let declared = declared.to_le_bytes();
    let mut position = 0;
    while position + 46 <= archive.len() {
        let signature = &archive[position..position + 4];
        if signature == [0x50, 0x4b, 0x03, 0x04] {
            let length =
                u16::from_le_bytes([archive[position + 26], archive[position + 27]]) as usize;
            if archive.get(position + 30..position + 30 + length) == Some(name) {
                archive[position + 22..position + 26].copy_from_slice(&declared);
            }
        } else if signature == [0x50, 0x4b, 0x01, 0x02] {
            let length =
                u16::from_le_bytes([archive[position + 28], archive[position + 29]]) as usize;
            if archive.get(position + 46..position + 46 + length) == Some(name) {
                archive[position + 24..position + 28].copy_from_slice(&declared);
            }
        }
        position += 1;
    }
    archive
}

/// The crafted XLSX files of the corpus: (file name, bytes).
pub fn xlsx_corpus() -> Vec<(&'static str, Vec<u8>)> {
    let bomb = bomb_workbook(80 * 1024 * 1024);
    let lying = lie_about_size(bomb.clone(), "xl/sharedStrings.xml", 1024);
    let mut corpus = small_xlsx_corpus();
    corpus.push(("shared-string-bomb.xlsx", bomb));
    corpus.push(("shared-string-bomb-lying-header.xlsx", lying));
    corpus
}

/// The corpus without its two zip bombs (80 MiB each once inflated), quick to build.
pub fn small_xlsx_corpus() -> Vec<(&'static str, Vec<u8>)> {
    // A1 and Excel's last cell: a dense range between them is 17 billion cells.
    let far_cell = workbook(
        &format!(
            r#"<row r="1">{}</row><row r="1048576">{}</row>"#,
            text_cell("A1", "respondent"),
            text_cell("XFD1048576", "x")
        ),
        None,
    );
    let billion_laughs = format!(
        r#"<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]><sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>&i;</t></si></sst>"#
    );
    let used = format!(
        r#"{}<row r="2"><c r="A2" t="s"><v>0</v></c></row>"#,
        header_row()
    );
    let huge_count = format!(
        r#"<?xml version="1.0"?><sst xmlns="{MAIN}" count="99999999999999" uniqueCount="99999999999999"><si><t>x</t></si></sst>"#
    );
    let many: Vec<String> = (0..1_100).map(|index| format!("{index:x}")).collect();
    let many: Vec<(&str, &[u8])> = many.iter().map(|name| (name.as_str(), &b""[..])).collect();
    let good = workbook(
        &format!(
            "{}<row r=\"2\">{}{}{}</row>",
            header_row(),
            text_cell("A2", "Ann"),
            text_cell("B2", "sample-cre-01"),
            text_cell("C2", "3")
        ),
        None,
    );
    vec![
        ("far-cell-XFD1048576.xlsx", far_cell),
        (
            "row-4294967295.xlsx",
            workbook(
                &format!(
                    r#"{}<row r="4294967295">{}</row>"#,
                    header_row(),
                    text_cell("A4294967295", "x")
                ),
                None,
            ),
        ),
        (
            "row-number-overflow.xlsx",
            workbook(
                &format!(
                    r#"{}<row r="2">{}</row>"#,
                    header_row(),
                    text_cell("A99999999999", "x")
                ),
                None,
            ),
        ),
        (
            "column-overflow.xlsx",
            workbook(
                &format!(
                    r#"{}<row r="2">{}</row>"#,
                    header_row(),
                    text_cell("AAAAAAAA2", "x")
                ),
                None,
            ),
        ),
        (
            "shared-string-billion-laughs.xlsx",
            workbook(&used, Some(billion_laughs.as_bytes())),
        ),
        (
            "shared-string-count-huge.xlsx",
            workbook(&used, Some(huge_count.as_bytes())),
        ),
        (
            "cell-too-long.xlsx",
            workbook(
                &format!(
                    r#"{}<row r="2">{}</row>"#,
                    header_row(),
                    text_cell("C2", &"x".repeat(40_000))
                ),
                None,
            ),
        ),
        ("too-many-entries.xlsx", archive(&many)),
        (
            "not-a-zip.xlsx",
            b"respondent,question,answer\nAnn,cre-01,3\n".to_vec(),
        ),
        ("truncated.xlsx", good[..good.len() / 2].to_vec()),
    ]
}
