//! Generated forms, filled in by a script as a respondent would (or as the tool's export would
//! come back), import back to the same answers and comments.

use std::io::{Cursor, Read, Write};

use calamine::{Data, Reader, Xlsx};
use tcm_core::{
    Answer, AnswerSheet, Language, Level, QuestionId, Questionnaire, Respondent, Response,
};
use tcm_interchange::forms::{FormFormat, choices, write_form};
use tcm_interchange::{FileKind, ResponseFormat, read_responses};

const TCM_92: &str = include_str!("../../../questionnaires/tcm-92.toml");

fn tcm_92() -> Questionnaire {
    Questionnaire::from_toml(TCM_92, "tcm-92.toml").expect("valid")
}

/// One question as filled in: the choice's label and meaning (none: left blank), a comment.
type Filled = (QuestionId, Option<(String, Answer)>, Option<String>);

/// What a respondent answers: every choice in turn (levels, don't know, not applicable), a
/// question left blank now and then, a comment on every third question (with French marks
/// and one that starts like a formula).
fn answers_of(questionnaire: &Questionnaire, language: Language) -> Vec<Filled> {
    let choices = choices(questionnaire, language);
    questionnaire
        .questions()
        .iter()
        .enumerate()
        .map(|(index, question)| {
            let choice = (index % 9 != 8).then(|| {
                let choice = &choices[index % choices.len()];
                (choice.label.clone(), choice.answer)
            });
            let comment = (index % 3 == 0 && choice.is_some()).then(|| match index % 2 {
                0 => format!("Vu en atelier « {} » — l’équipe", question.id),
                _ => "=à revoir ; -5 % de réclamations".to_owned(),
            });
            (question.id.clone(), choice, comment)
        })
        .collect()
}

fn expected_sheet(respondent: &str, answers: &[Filled]) -> AnswerSheet {
    let mut sheet = AnswerSheet::new();
    for (question, choice, comment) in answers {
        if let Some((_, answer)) = choice {
            sheet.set(
                Respondent::new(respondent),
                question.clone(),
                Response {
                    answer: *answer,
                    comment: comment.clone(),
                },
            );
        }
    }
    sheet
}

fn xml_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The workbook with these cells of its first sheet typed in (as inline strings), as Excel
/// or LibreOffice would save them.
fn fill(bytes: &[u8], cells: &[(String, String)]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("an entry");
        let name = entry.name().expect("a UTF-8 name").to_string();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).expect("read");
        if name == "xl/worksheets/sheet1.xml" {
            let mut xml = String::from_utf8(content).expect("UTF-8");
            for (reference, value) in cells {
                let start = xml
                    .find(&format!("<c r=\"{reference}\" "))
                    .unwrap_or_else(|| panic!("cell {reference} is in the sheet"));
                let end = start + xml[start..].find("/>").expect("a blank cell") + 2;
                let style = &xml[start..end];
                let style = style
                    .split(" s=\"")
                    .nth(1)
                    .and_then(|rest| rest.split('"').next())
                    .unwrap_or("0")
                    .to_owned();
                xml.replace_range(
                    start..end,
                    &format!(
                        "<c r=\"{reference}\" s=\"{style}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                        xml_text(value)
                    ),
                );
            }
            content = xml.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("an entry");
        out.write_all(&content).expect("written");
    }
    out.finish().expect("a zip").into_inner()
}

fn sheet_xml(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut entry = archive.by_name(name).expect("the part");
    let mut xml = String::new();
    entry.read_to_string(&mut xml).expect("UTF-8");
    xml
}

#[test]
fn the_xlsx_questionnaire_filled_in_imports_back_as_is() {
    let questionnaire = tcm_92();
    for language in [Language::French, Language::English] {
        let form = write_form(&questionnaire, language, FormFormat::Xlsx).expect("a workbook");
        let xml = sheet_xml(&form, "xl/worksheets/sheet1.xml");
        assert!(xml.contains("<sheetProtection"), "the sheet is protected");
        assert!(xml.contains("<dataValidation type=\"list\""), "a drop-down");
        assert!(xml.contains("sqref=\"E7:E98\""), "on every answer cell");

        let answers = answers_of(&questionnaire, language);
        let mut cells = vec![
            ("B1".to_owned(), "Claire (DG)".to_owned()),
            ("B2".to_owned(), "Direction".to_owned()),
        ];
        for (row, (_, choice, comment)) in (7..).zip(&answers) {
            if let Some((label, _)) = choice {
                cells.push((format!("E{row}"), label.clone()));
            }
            if let Some(comment) = comment {
                cells.push((format!("F{row}"), comment.clone()));
            }
        }
        let filled = fill(&form, &cells);
        let imported = read_responses(&filled, FileKind::Xlsx, &questionnaire)
            .unwrap_or_else(|error| panic!("{language}: {error}"));
        assert_eq!(imported.format, ResponseFormat::Questionnaire);
        assert_eq!(imported.respondents.len(), 1);
        assert_eq!(imported.respondents[0].label, "Claire (DG)");
        assert_eq!(imported.respondents[0].group, "Direction");
        assert_eq!(
            imported.sheet,
            expected_sheet("Claire (DG)", &answers),
            "{language}"
        );
    }
}

#[test]
fn a_questionnaire_without_a_name_or_with_a_bad_answer_is_refused_by_cell() {
    let questionnaire = tcm_92();
    let form = write_form(&questionnaire, Language::French, FormFormat::Xlsx).expect("a workbook");
    let filled = fill(
        &form,
        &[
            ("E7".to_owned(), "3 - Déployé et mesuré".to_owned()),
            ("E8".to_owned(), "peut-être".to_owned()),
            ("F9".to_owned(), "sans réponse".to_owned()),
        ],
    );
    let message = read_responses(&filled, FileKind::Xlsx, &questionnaire)
        .expect_err("refused")
        .to_string();
    assert!(
        message.starts_with("cell B1: the respondent is empty\n"),
        "{message}"
    );
    assert!(
        message
            .contains("cell E8: invalid answer `peut-être` to question `cre-02` (accepted: 0 to 4"),
        "{message}"
    );
    assert!(
        message.contains("cell E9: a comment on question `cre-03` without an answer"),
        "{message}"
    );
}

/// The rows of a sheet of a generated workbook, as text.
fn rows(bytes: &[u8], sheet: &str) -> Vec<Vec<String>> {
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("a workbook");
    let range = workbook.worksheet_range(sheet).expect("the sheet");
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::String(text) => text.clone(),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

fn csv_line(cells: &[String], delimiter: char) -> String {
    cells
        .iter()
        .map(|cell| {
            if cell.contains([delimiter, '"', '\n']) {
                format!("\"{}\"", cell.replace('"', "\"\""))
            } else {
                cell.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(&delimiter.to_string())
}

#[test]
fn the_xlsform_export_of_kobotoolbox_imports_back() {
    let questionnaire = tcm_92();
    let form =
        write_form(&questionnaire, Language::French, FormFormat::XlsForm).expect("an XLSForm");
    let survey = rows(&form, "survey");
    assert_eq!(survey[0][..3], ["type", "name", "label"]);
    let names: Vec<&str> = survey[1..]
        .iter()
        .map(|row| row[1].as_str())
        .filter(|name| !name.is_empty())
        .collect();
    let mut unique = names.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), names.len(), "names are unique");
    for name in &names {
        assert!(
            name.starts_with(|c: char| c.is_ascii_alphabetic())
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "{name}"
        );
    }
    let choices_sheet = rows(&form, "choices");
    assert_eq!(choices_sheet.len(), 8);
    let settings = rows(&form, "settings");
    assert_eq!(settings[0][..2], ["form_title", "form_id"]);

    // Kobo's CSV export with XML values and group paths: `grp_creative/cre_01`.
    let answers = answers_of(&questionnaire, Language::French);
    let mut header = vec!["start".to_owned(), "end".to_owned()];
    let mut group = String::new();
    let mut columns = Vec::new();
    for row in &survey[1..] {
        match row[0].as_str() {
            "begin_group" => group = row[1].clone(),
            "end_group" => group.clear(),
            _ if group.is_empty() => {
                header.push(row[1].clone());
                columns.push(row[1].clone());
            }
            _ => {
                header.push(format!("{group}/{}", row[1]));
                columns.push(row[1].clone());
            }
        }
    }
    header.extend(["_id", "_uuid", "_submission_time", "_index"].map(str::to_owned));
    let choices = choices(&questionnaire, Language::French);
    let code = |answer: Answer| {
        choices
            .iter()
            .find(|choice| choice.answer == answer)
            .map(|choice| choice.code.clone())
            .expect("a choice")
    };
    let mut values = vec![
        "2026-11-20T10:00:00".to_owned(),
        "2026-11-20T10:20:00".to_owned(),
    ];
    for column in &columns {
        let value = if column == "nom" {
            "Hélène".to_owned()
        } else if column == "groupe" {
            "Ventes".to_owned()
        } else if let Some(question) = column.strip_suffix("_comment") {
            answers
                .iter()
                .find(|(id, _, _)| id.as_str().replace('-', "_") == question)
                .and_then(|(_, _, comment)| comment.clone())
                .unwrap_or_default()
        } else {
            answers
                .iter()
                .find(|(id, _, _)| id.as_str().replace('-', "_") == *column)
                .and_then(|(_, choice, _)| choice.as_ref().map(|(_, answer)| code(*answer)))
                .unwrap_or_default()
        };
        values.push(value);
    }
    values.extend(["1", "uuid", "2026-11-20T09:20:00", "1"].map(str::to_owned));
    let csv = format!("{}\n{}\n", csv_line(&header, ';'), csv_line(&values, ';'));
    let imported = read_responses(csv.as_bytes(), FileKind::Csv, &questionnaire)
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(imported.respondents[0].group, "Ventes");
    assert_eq!(imported.sheet, expected_sheet("Hélène", &answers));
}

/// The string literals of a line of the generated script.
fn literals(line: &str) -> Vec<String> {
    let mut literals = Vec::new();
    let mut rest = line;
    while let Some(start) = rest.find('"') {
        let mut end = start + 1;
        let bytes = rest.as_bytes();
        while end < bytes.len() && bytes[end] != b'"' {
            end += if bytes[end] == b'\\' { 2 } else { 1 };
        }
        let literal: String = serde_json::from_str(&rest[start..=end]).expect("a JSON string");
        literals.push(literal);
        rest = &rest[end + 1..];
    }
    literals
}

#[test]
fn the_google_forms_export_of_the_apps_script_form_imports_back() {
    let questionnaire = tcm_92();
    for language in [Language::French, Language::English] {
        let script = String::from_utf8(
            write_form(&questionnaire, language, FormFormat::AppsScript).expect("a script"),
        )
        .expect("UTF-8");
        assert!(script.contains("function createForm()"));
        let mut titles = Vec::new();
        for line in script.lines() {
            let line = line.trim();
            if line.starts_with("question(") {
                titles.push((literals(line)[0].clone(), literals(line)[1].clone(), false));
            } else if line.starts_with("comment(") {
                let previous = titles
                    .last()
                    .map(|(id, _, _): &(String, String, bool)| id.clone())
                    .unwrap_or_default();
                titles.push((previous, literals(line)[0].clone(), true));
            }
        }
        assert_eq!(titles.len(), 2 * questionnaire.questions().len());
        // Google's CSV export: timestamp, the name and group items, then every item by title.
        let answers = answers_of(&questionnaire, language);
        let (name, group) = match language {
            Language::French => ("Nom", "Groupe"),
            Language::English => ("Name", "Group"),
        };
        let mut header = vec!["Horodateur".to_owned(), name.to_owned(), group.to_owned()];
        let mut values = vec![
            "20/11/2026 10:15:32".to_owned(),
            "Inès".to_owned(),
            "Service client".to_owned(),
        ];
        for (id, title, is_comment) in &titles {
            header.push(title.clone());
            let (_, choice, comment) = answers
                .iter()
                .find(|(question, _, _)| question.as_str() == id)
                .expect("a question");
            values.push(if *is_comment {
                comment.clone().unwrap_or_default()
            } else {
                choice
                    .as_ref()
                    .map(|(label, _)| label.clone())
                    .unwrap_or_default()
            });
        }
        let csv = format!(
            "{}\r\n{}\r\n",
            csv_line(&header, ','),
            csv_line(&values, ',')
        );
        let imported = read_responses(csv.as_bytes(), FileKind::Csv, &questionnaire)
            .unwrap_or_else(|error| panic!("{language}: {error}"));
        assert_eq!(
            imported.sheet,
            expected_sheet("Inès", &answers),
            "{language}"
        );
        assert!(
            imported.ignored_columns == ["Horodateur"],
            "{:?}",
            imported.ignored_columns
        );
    }
}

#[test]
fn every_choice_label_reads_as_its_answer() {
    let questionnaire = tcm_92();
    for language in [Language::French, Language::English] {
        let text = String::from_utf8(
            write_form(&questionnaire, language, FormFormat::Choices).expect("labels"),
        )
        .expect("UTF-8");
        let labels: Vec<&str> = text.lines().collect();
        assert_eq!(labels.len(), 7);
        let rows: String = labels
            .iter()
            .enumerate()
            .map(|(index, label)| format!("R{index},{label}\n"))
            .collect();
        let imported = read_responses(
            format!("nom,cre-01\n{rows}").as_bytes(),
            FileKind::Csv,
            &questionnaire,
        )
        .unwrap_or_else(|error| panic!("{error}"));
        let read: Vec<Answer> = (0..labels.len())
            .map(|index| {
                imported
                    .sheet
                    .response(
                        &Respondent::new(format!("R{index}")),
                        &QuestionId::new("cre-01"),
                    )
                    .expect("an answer")
                    .answer
            })
            .collect();
        let mut expected: Vec<Answer> = Level::all().map(Answer::Level).collect();
        expected.extend([Answer::DontKnow, Answer::NotApplicable]);
        assert_eq!(read, expected, "{language}");
    }
}

/// `xls2xform` from pyxform (PyPI), the reference XLSForm converter: on `PATH`, or named by
/// `TCM_XLS2XFORM`.
fn xls2xform() -> Option<std::path::PathBuf> {
    if let Some(path) = std::env::var_os("TCM_XLS2XFORM") {
        return Some(path.into());
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("xls2xform"))
            .find(|path| path.is_file())
    })
}

#[test]
fn the_xlsform_passes_pyxform_when_it_is_installed() {
    let Some(converter) = xls2xform() else {
        eprintln!(
            "SKIPPED: pyxform's xls2xform is not installed (pip install pyxform, or set TCM_XLS2XFORM)"
        );
        return;
    };
    let questionnaire = tcm_92();
    let dir = tempfile::tempdir().expect("a temporary folder");
    for language in [Language::French, Language::English] {
        let form = write_form(&questionnaire, language, FormFormat::XlsForm).expect("an XLSForm");
        let input = dir.path().join(format!("form-{language}.xlsx"));
        let output = dir.path().join(format!("form-{language}.xml"));
        std::fs::write(&input, form).expect("written");
        let result = std::process::Command::new(&converter)
            .arg(&input)
            .arg(&output)
            .output()
            .expect("xls2xform runs");
        assert!(
            result.status.success(),
            "{language}: {}{}",
            String::from_utf8_lossy(&result.stdout),
            String::from_utf8_lossy(&result.stderr)
        );
        let xform = std::fs::read_to_string(&output).expect("an XForm");
        assert!(xform.contains("/grp_creative/cre_01"), "{language}");
        assert!(xform.contains("/grp_creative/cre_01_comment"), "{language}");
    }
}

/// The paragraphs of a generated Word document, as text.
fn docx_paragraphs(bytes: &[u8]) -> Vec<String> {
    let xml = sheet_xml(bytes, "word/document.xml");
    xml.split("<w:p")
        .skip(1)
        .map(|paragraph| {
            paragraph
                .split("<w:t xml:space=\"preserve\">")
                .skip(1)
                .filter_map(|run| run.split("</w:t>").next())
                .collect::<String>()
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&")
        })
        .collect()
}

#[test]
fn the_microsoft_forms_workbook_of_the_quick_import_document_imports_back() {
    let questionnaire = tcm_92();
    for language in [Language::French, Language::English] {
        let document =
            write_form(&questionnaire, language, FormFormat::MicrosoftForms).expect("a document");
        let paragraphs = docx_paragraphs(&document);
        // Numbered paragraphs are questions; lettered ones the options of the one before.
        let mut questions: Vec<(String, Vec<String>)> = Vec::new();
        for paragraph in &paragraphs {
            let numbered = paragraph.split_once(". ").filter(|(number, _)| {
                !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())
            });
            let lettered = paragraph.split_once(". ").filter(|(letter, _)| {
                letter.len() == 1 && letter.bytes().all(|b| b.is_ascii_uppercase())
            });
            if let Some((_, title)) = numbered {
                questions.push((title.to_owned(), Vec::new()));
            } else if let (Some((_, option)), Some(last)) = (lettered, questions.last_mut()) {
                last.1.push(option.to_owned());
            }
        }
        assert_eq!(questions.len(), 2 + 2 * questionnaire.questions().len());
        let labels: Vec<String> = choices(&questionnaire, language)
            .into_iter()
            .map(|choice| choice.label)
            .collect();
        // Forms' workbook: its own columns, then one column per question, by title.
        let answers = answers_of(&questionnaire, language);
        let mut header: Vec<String> = ["ID", "Start time", "Completion time", "Email", "Name"]
            .map(str::to_owned)
            .to_vec();
        let mut values: Vec<String> = [
            "1",
            "11/20/26 10:02:11",
            "11/20/26 10:09:54",
            "anonymous",
            "",
        ]
        .map(str::to_owned)
        .to_vec();
        for (index, (title, options)) in questions.iter().enumerate() {
            header.push(title.clone());
            let value = match index {
                0 => "Chloé".to_owned(),
                1 => "Achats".to_owned(),
                _ => {
                    let (id, choice, comment) = &answers[(index - 2) / 2];
                    assert!(title.starts_with(id.as_str()), "{title}");
                    if options.is_empty() {
                        comment.clone().unwrap_or_default()
                    } else {
                        assert_eq!(*options, labels);
                        choice
                            .as_ref()
                            .map(|(label, _)| label.clone())
                            .unwrap_or_default()
                    }
                }
            };
            values.push(value);
        }
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        for (column, (title, value)) in (0u16..).zip(header.iter().zip(&values)) {
            sheet.write_string(0, column, title).expect("a cell");
            if !value.is_empty() {
                sheet.write_string(1, column, value).expect("a cell");
            }
        }
        let bytes = workbook.save_to_buffer().expect("a workbook");
        let imported = read_responses(&bytes, FileKind::Xlsx, &questionnaire)
            .unwrap_or_else(|error| panic!("{language}: {error}"));
        assert_eq!(imported.respondents[0].label, "Chloé");
        assert_eq!(imported.respondents[0].group, "Achats");
        assert_eq!(
            imported.sheet,
            expected_sheet("Chloé", &answers),
            "{language}"
        );
    }
}

/// LibreOffice, when installed: on `PATH` as `soffice`, or named by `TCM_SOFFICE`.
fn soffice() -> Option<std::path::PathBuf> {
    if let Some(path) = std::env::var_os("TCM_SOFFICE") {
        return Some(path.into());
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("soffice"))
            .find(|path| path.is_file())
    })
}

#[test]
fn the_xlsx_questionnaire_opens_in_libreoffice_when_it_is_installed() {
    let Some(soffice) = soffice() else {
        eprintln!("SKIPPED: LibreOffice (soffice) is not installed, or set TCM_SOFFICE");
        return;
    };
    let questionnaire = tcm_92();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let input = dir.path().join("questionnaire.xlsx");
    std::fs::write(
        &input,
        write_form(&questionnaire, Language::French, FormFormat::Xlsx).expect("a workbook"),
    )
    .expect("written");
    let result = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            dir.path().display()
        ))
        .args(["--headless", "--convert-to", "csv", "--outdir"])
        .arg(dir.path())
        .arg(&input)
        .output()
        .expect("soffice runs");
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let csv = std::fs::read_to_string(dir.path().join("questionnaire.csv")).expect("converted");
    assert!(csv.contains("cre-01"), "{csv}");
}

/// The tables of a LimeSurvey structure file: each table's rows as (field, value) pairs, read
/// with a real XML parser (so the file must be well-formed) and checked against the table's
/// declared `<fields>`.
fn lss_tables(bytes: &[u8]) -> std::collections::BTreeMap<String, Vec<Vec<(String, String)>>> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut path: Vec<String> = Vec::new();
    let mut tables: std::collections::BTreeMap<String, Vec<Vec<(String, String)>>> =
        std::collections::BTreeMap::new();
    let mut fields: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    let mut text = String::new();
    let mut buffer = Vec::new();
    loop {
        match reader
            .read_event_into(&mut buffer)
            .expect("well-formed XML")
        {
            Event::Start(start) => {
                path.push(start.name().as_ref().to_owned());
                text.clear();
                if path.len() == 4 && path[2] == "rows" {
                    tables.entry(path[1].clone()).or_default().push(Vec::new());
                }
            }
            Event::Empty(empty) => {
                let name = empty.name().as_ref().to_owned();
                if path.len() == 4 && path[2] == "rows" {
                    let row = tables.get_mut(&path[1]).and_then(|rows| rows.last_mut());
                    row.expect("a row").push((name, String::new()));
                }
            }
            Event::Text(content) => text.push_str(&content.into_inner()),
            Event::GeneralRef(reference) => {
                let name = reference.into_inner();
                text.push_str(match name.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity {other}"),
                });
            }
            Event::End(_) => {
                if path.len() == 4 && path[2] == "fields" {
                    fields
                        .entry(path[1].clone())
                        .or_default()
                        .push(text.clone());
                } else if path.len() == 5 && path[2] == "rows" {
                    let row = tables.get_mut(&path[1]).and_then(|rows| rows.last_mut());
                    row.expect("a row").push((path[4].clone(), text.clone()));
                } else if path.len() == 2
                    && ["LimeSurveyDocType", "DBVersion"].contains(&path[1].as_str())
                {
                    tables.insert(path[1].clone(), vec![vec![(path[1].clone(), text.clone())]]);
                }
                text.clear();
                path.pop();
            }
            Event::Eof => break,
            _ => {}
        }
        buffer.clear();
    }
    for (table, rows) in &tables {
        if let Some(declared) = fields.get(table) {
            for row in rows {
                let names: Vec<&String> = row.iter().map(|(name, _)| name).collect();
                assert_eq!(names, declared.iter().collect::<Vec<_>>(), "{table}");
            }
        }
    }
    tables
}

fn field<'a>(row: &'a [(String, String)], name: &str) -> &'a str {
    row.iter()
        .find(|(field, _)| field == name)
        .map(|(_, value)| value.as_str())
        .unwrap_or_else(|| panic!("field {name}"))
}

/// Text as LimeSurvey's export flattens its HTML.
fn flatten(html: &str) -> String {
    html.replace("<br />", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// A CSV file as LimeSurvey's export writes it: a byte order mark, every field quoted,
/// comma-separated, CRLF line endings and a blank line at the end.
fn limesurvey_csv(lines: &[Vec<String>]) -> Vec<u8> {
    let mut csv = String::from("\u{feff}");
    for line in lines {
        let quoted: Vec<String> = line
            .iter()
            .map(|cell| format!("\"{}\"", cell.replace('"', "\"\"")))
            .collect();
        csv.push_str(&quoted.join(","));
        csv.push_str("\r\n");
    }
    csv.push_str("\r\n");
    csv.into_bytes()
}

#[test]
fn the_limesurvey_structure_file_is_a_survey_whose_response_export_imports_back() {
    let questionnaire = tcm_92();
    for language in [Language::French, Language::English] {
        let lss =
            write_form(&questionnaire, language, FormFormat::LimeSurvey).expect("a structure file");
        let again = write_form(&questionnaire, language, FormFormat::LimeSurvey).expect("again");
        assert_eq!(lss, again, "same questionnaire, same bytes");
        let tables = lss_tables(&lss);
        assert_eq!(
            field(&tables["LimeSurveyDocType"][0], "LimeSurveyDocType"),
            "Survey"
        );
        let survey = &tables["surveys"][0];
        assert_eq!(field(survey, "language"), language.code());
        let sid = field(survey, "sid");
        assert_eq!(tables["surveys_languagesettings"].len(), 1);

        // One group for the respondent, then one per stage in order.
        let groups = &tables["group_l10ns"];
        assert_eq!(groups.len(), 1 + questionnaire.stages().len());
        for (group, stage) in groups[1..].iter().zip(questionnaire.stages()) {
            assert_eq!(field(group, "group_name"), stage.name.get(language));
        }
        let questions = &tables["questions"];
        assert_eq!(questions.len(), 2 + questionnaire.questions().len());
        let texts = &tables["question_l10ns"];
        let answers = &tables["answers"];
        let labels = &tables["answer_l10ns"];
        let mut codes = Vec::new();
        for (row, question) in questions[2..].iter().zip(questionnaire.questions()) {
            let code = field(row, "title");
            assert!(
                code.len() <= 20
                    && code.starts_with(|c: char| c.is_ascii_alphabetic())
                    && code.chars().all(|c| c.is_ascii_alphanumeric()),
                "{code}"
            );
            assert_eq!(code, question.id.as_str().replace('-', ""));
            assert_eq!(field(row, "type"), "O", "list with comment");
            assert_eq!(field(row, "sid"), sid);
            let qid = field(row, "qid");
            let text = texts
                .iter()
                .find(|text| field(text, "qid") == qid)
                .expect("a text");
            assert!(
                flatten(field(text, "question")).starts_with(question.id.as_str()),
                "{}",
                field(text, "question")
            );
            let options: Vec<(String, String)> = answers
                .iter()
                .filter(|answer| field(answer, "qid") == qid)
                .map(|answer| {
                    let aid = field(answer, "aid");
                    let label = labels
                        .iter()
                        .find(|label| field(label, "aid") == aid)
                        .expect("a label");
                    (
                        field(answer, "code").to_owned(),
                        flatten(field(label, "answer")),
                    )
                })
                .collect();
            let expected: Vec<(String, String)> = choices(&questionnaire, language)
                .into_iter()
                .map(|choice| (choice.code, choice.label))
                .collect();
            assert_eq!(options, expected);
            codes.push((code.to_owned(), flatten(field(text, "question"))));
        }
        let (name_code, group_code) =
            (field(&questions[0], "title"), field(&questions[1], "title"));
        assert_eq!(field(&questions[0], "mandatory"), "Y");

        // LimeSurvey's export: its own columns, the name and group, then each question's
        // answer and comment. French: question codes and answer codes; English: "question
        // code & question text" headings and full answers.
        let answers_given = answers_of(&questionnaire, language);
        let options = choices(&questionnaire, language);
        let by_code = language == Language::French;
        let heading = |code: &str, text: &str| {
            if by_code {
                code.to_owned()
            } else {
                format!("{code}. {text}")
            }
        };
        let mut header: Vec<String> = ["id", "submitdate", "lastpage", "startlanguage", "seed"]
            .map(str::to_owned)
            .to_vec();
        header.push(heading(name_code, name_code));
        header.push(heading(group_code, group_code));
        let mut values: Vec<String> = [
            "1",
            "2026-11-20 10:20:11",
            "6",
            language.code(),
            "1418052743",
        ]
        .map(str::to_owned)
        .to_vec();
        values.extend(["Léa « DG »".to_owned(), "Direction".to_owned()]);
        let comment_word = if by_code { "Commentaire" } else { "Comment" };
        for ((code, text), (_, choice, comment)) in codes.iter().zip(&answers_given) {
            header.push(heading(code, text));
            header.push(heading(
                &format!("{code}[comment]"),
                &format!("{text} [{comment_word}]"),
            ));
            let answer = choice.as_ref().map(|(label, answer)| {
                if by_code {
                    options
                        .iter()
                        .find(|option| option.answer == *answer)
                        .map(|option| option.code.clone())
                        .expect("a choice")
                } else {
                    label.clone()
                }
            });
            values.push(answer.unwrap_or_default());
            // LimeSurvey masks a leading `=` with an apostrophe.
            values.push(comment.as_ref().map_or(String::new(), |comment| {
                if comment.starts_with('=') {
                    format!("'{comment}")
                } else {
                    comment.clone()
                }
            }));
        }
        let csv = limesurvey_csv(&[header, values]);
        let imported = read_responses(&csv, FileKind::Csv, &questionnaire)
            .unwrap_or_else(|error| panic!("{language}: {error}"));
        assert_eq!(imported.respondents.len(), 1);
        assert_eq!(imported.respondents[0].label, "Léa « DG »");
        assert_eq!(imported.respondents[0].group, "Direction");
        assert_eq!(
            imported.sheet,
            expected_sheet("Léa « DG »", &answers_given),
            "{language}"
        );
        assert_eq!(
            imported.ignored_columns.len(),
            5,
            "{language}: {:?}",
            imported.ignored_columns
        );
    }
}
