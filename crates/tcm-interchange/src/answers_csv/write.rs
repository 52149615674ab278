//! Writing an answer sheet in long format, in the dialect the reader of the file expects.

use tcm_core::AnswerSheet;

use super::COLUMNS;
use crate::formula::neutralise;
use crate::text::{Replacement, Unencodable, encode_windows_1252};

/// How the CSV text is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvDialect {
    /// `,` between fields, LF line ends, UTF-8 with BOM: the plain export (`tcm export`),
    /// read back by every `tcm` command and by spreadsheets, which see the accents thanks to
    /// the BOM.
    #[default]
    Standard,
    /// `;` between fields, CRLF line ends, UTF-8 with BOM: Excel opens it in columns and
    /// every character is kept (the app's CSV export).
    ExcelUtf8,
    /// `;` between fields, CRLF line ends, Windows-1252 without BOM: what French Excel
    /// itself writes, which every version of it opens (`tcm export --excel`). Characters
    /// Windows-1252 lacks are written as their nearest stand-in and listed, or refused.
    ExcelFrench,
}

impl CsvDialect {
    fn delimiter(self) -> u8 {
        match self {
            CsvDialect::Standard => b',',
            CsvDialect::ExcelUtf8 | CsvDialect::ExcelFrench => b';',
        }
    }

    fn terminator(self) -> csv::Terminator {
        match self {
            CsvDialect::Standard => csv::Terminator::Any(b'\n'),
            CsvDialect::ExcelUtf8 | CsvDialect::ExcelFrench => csv::Terminator::CRLF,
        }
    }
}

/// A written answers file: its bytes, and the characters written as others because its
/// encoding lacks them (only in [`CsvDialect::ExcelFrench`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvFile {
    pub bytes: Vec<u8>,
    pub replacements: Vec<Replacement>,
}

/// Why an answers file could not be written: characters its encoding lacks, with nothing
/// near enough to stand for them. Nothing is written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "Windows-1252 (French Excel's encoding) cannot write {}; the UTF-8 CSV export keeps every character",
    .unencodable.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
)]
pub struct CsvEncodingError {
    pub unencodable: Vec<Unencodable>,
}

/// Every answer of `sheet`, one row per (respondent, question), ordered by respondent then
/// question id, under the header `respondent,question,answer,comment`. Fields holding the
/// delimiter, quotes or line breaks are quoted; a respondent or comment that a spreadsheet
/// would run as a formula gets a leading apostrophe ([`crate::formula`]), which the readers
/// take off. Consensus values are not part of this
/// format. [`super::read_answers_csv`] reads the result back as the same answers (fields are
/// read trimmed, so leading and trailing spaces of a comment do not survive; in
/// Windows-1252, replaced characters come back as their stand-in).
pub fn write_answers_csv(
    sheet: &AnswerSheet,
    dialect: CsvDialect,
) -> Result<CsvFile, CsvEncodingError> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter())
        .terminator(dialect.terminator())
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    let written: csv::Result<()> = (|| {
        writer.write_record(COLUMNS)?;
        for (respondent, question, response) in sheet.responses() {
            writer.write_record([
                neutralise(respondent.as_str()).as_ref(),
                question.as_str(),
                &response.answer.to_string(),
                neutralise(response.comment.as_deref().unwrap_or_default()).as_ref(),
            ])?;
        }
        writer.flush()?;
        Ok(())
    })();
    // Writing to memory cannot fail, and every record has the header's four fields.
    written.expect("writing CSV records to memory");
    let utf8 = writer
        .into_inner()
        .map_err(|error| error.into_error())
        .expect("flushing CSV to memory");
    match dialect {
        CsvDialect::Standard | CsvDialect::ExcelUtf8 => {
            let mut bytes = b"\xEF\xBB\xBF".to_vec();
            bytes.extend(utf8);
            Ok(CsvFile {
                bytes,
                replacements: Vec::new(),
            })
        }
        CsvDialect::ExcelFrench => {
            // The csv writer was handed `&str` fields: its output is UTF-8.
            let text = String::from_utf8_lossy(&utf8);
            encode_windows_1252(&text)
                .map(|(bytes, replacements)| CsvFile {
                    bytes,
                    replacements,
                })
                .map_err(|unencodable| CsvEncodingError { unencodable })
        }
    }
}
