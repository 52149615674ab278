//! Writing an answer sheet in long format, in the dialect the reader of the file expects.

use tcm_core::AnswerSheet;

use super::COLUMNS;
use crate::formula::neutralise;

/// How the CSV text is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvDialect {
    /// `,` between fields, LF line ends, UTF-8 without BOM: what programs expect.
    #[default]
    Standard,
    /// `;` between fields, CRLF line ends, UTF-8 with BOM: French Excel opens it in columns
    /// with its accents intact.
    ExcelFrench,
}

impl CsvDialect {
    fn delimiter(self) -> u8 {
        match self {
            CsvDialect::Standard => b',',
            CsvDialect::ExcelFrench => b';',
        }
    }

    fn terminator(self) -> csv::Terminator {
        match self {
            CsvDialect::Standard => csv::Terminator::Any(b'\n'),
            CsvDialect::ExcelFrench => csv::Terminator::CRLF,
        }
    }

    fn byte_order_mark(self) -> &'static [u8] {
        match self {
            CsvDialect::Standard => b"",
            CsvDialect::ExcelFrench => b"\xEF\xBB\xBF",
        }
    }
}

/// Every answer of `sheet`, one row per (respondent, question), ordered by respondent then
/// question id, under the header `respondent,question,answer,comment`. Fields holding the
/// delimiter, quotes or line breaks are quoted; a respondent or comment that a spreadsheet
/// would run as a formula gets a leading apostrophe ([`crate::formula`]), which the readers
/// take off. Consensus values are not part of this
/// format. [`super::read_answers_csv`] reads the result back as the same answers (fields are
/// read trimmed, so leading and trailing spaces of a comment do not survive).
pub fn write_answers_csv(sheet: &AnswerSheet, dialect: CsvDialect) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter())
        .terminator(dialect.terminator())
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(dialect.byte_order_mark().to_vec());
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
    writer
        .into_inner()
        .map_err(|error| error.into_error())
        .expect("flushing CSV to memory")
}
