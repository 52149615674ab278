//! A Word document laid out as Microsoft Forms' quick import reads a form: the title, then
//! numbered questions, each choice question followed by its lettered options
//! (`A. 0 - Absent` …), and a numbered comment question without options after each
//! (`cre-01 — Commentaire`), plus the name and group questions. Titles keep the question's
//! id, so the responses workbook Forms gives back imports as it is.
//!
//! The document is the smallest valid WordprocessingML package: content types, the package
//! relationship and one `document.xml` of plain paragraphs.

use std::io::{Cursor, Write};

use tcm_core::{Language, Questionnaire};
use zip::write::SimpleFileOptions;

use super::choices::choices;
use super::{FormError, comment_title, question_title};

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const RELATIONSHIPS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// Text as XML character data.
pub(super) fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            // Characters XML 1.0 forbids are left out.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// The document's paragraphs, as text: what the quick import reads.
pub(crate) fn paragraphs(questionnaire: &Questionnaire, language: Language) -> Vec<String> {
    let (name, group) = match language {
        Language::French => ("Nom", "Groupe"),
        Language::English => ("Name", "Group"),
    };
    let options: Vec<String> = choices(questionnaire, language)
        .iter()
        .zip('A'..='Z')
        .map(|(choice, letter)| format!("{letter}. {}", choice.label))
        .collect();
    let mut paragraphs = vec![
        questionnaire.title().get(language).to_owned(),
        String::new(),
    ];
    let mut number = 0usize;
    let mut numbered = |text: &str| {
        number += 1;
        format!("{number}. {text}")
    };
    paragraphs.push(numbered(name));
    paragraphs.push(numbered(group));
    for question in questionnaire.questions() {
        let id = question.id.as_str();
        paragraphs.push(String::new());
        paragraphs.push(numbered(&question_title(id, question.text.get(language))));
        paragraphs.extend(options.iter().cloned());
        paragraphs.push(numbered(&comment_title(id, language)));
    }
    paragraphs
}

pub(super) fn write(
    questionnaire: &Questionnaire,
    language: Language,
) -> Result<Vec<u8>, FormError> {
    let mut body = String::new();
    for paragraph in paragraphs(questionnaire, language) {
        if paragraph.is_empty() {
            body.push_str("<w:p/>");
        } else {
            body.push_str(&format!(
                "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                escape(&paragraph)
            ));
        }
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let failed = |error: &dyn std::fmt::Display| FormError {
        what: "Word document",
        message: error.to_string(),
    };
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELATIONSHIPS),
        ("word/document.xml", document.as_str()),
    ] {
        zip.start_file(name, SimpleFileOptions::default())
            .map_err(|error| failed(&error))?;
        zip.write_all(content.as_bytes())
            .map_err(|error| failed(&error))?;
    }
    zip.finish()
        .map(Cursor::into_inner)
        .map_err(|error| failed(&error))
}
