//! CSV bytes to a [`Table`]: the text decoded (UTF-8 with or without BOM, or Windows-1252),
//! the delimiter sniffed (`,`, `;` or tab), CRLF or LF, quoted fields with delimiters, quotes
//! and newlines. A quote still open at the end of the file is refused at the line where it
//! opened (the CSV reader would silently read every following line into that field).

use crate::formula::restore;
use crate::location::Location;
use crate::problem::{Problem, ProblemKind};
use crate::table::{RowAt, Table, TableRow};
use crate::text::{decode, sniff_delimiter};

/// Why a CSV file gave no table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CsvTableError {
    /// Nothing but blanks.
    Empty,
    /// The header itself could not be read, or a quote opened somewhere is never closed.
    Header(Problem),
}

/// Reads a CSV file. Every record must have as many fields as the header; a record that has
/// not is kept as a problem, in its place.
pub(crate) fn read_csv_table(bytes: &[u8]) -> Result<Table, CsvTableError> {
    let (text, _) = decode(bytes);
    if text.trim().is_empty() {
        return Err(CsvTableError::Empty);
    }
    let delimiter = sniff_delimiter(&text);
    if let Some(line) = unclosed_quote(&text, delimiter) {
        return Err(CsvTableError::Header(Problem::new(
            Location::Line(line),
            ProblemKind::UnclosedQuote,
        )));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(header) => header.iter().map(str::to_owned).collect(),
        Err(error) => {
            return Err(CsvTableError::Header(Problem::new(
                Location::Line(1),
                ProblemKind::UnreadableHeader(error.to_string()),
            )));
        }
    };
    let width = header.len();
    let mut lines = LineCounter::new(&text);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error
                    .position()
                    .map_or(0, |position| lines.line_at(position.byte()));
                rows.push(Err(Box::new(Problem::new(
                    Location::Line(line),
                    ProblemKind::UnreadableRow(error.to_string()),
                ))));
                continue;
            }
        };
        let line = record
            .position()
            .map_or(0, |position| lines.line_at(position.byte()));
        let row = TableRow::new(RowAt::Line(line), record.iter().map(restore));
        if row.is_blank() {
            continue;
        }
        if row.len() != width {
            rows.push(Err(Box::new(Problem::new(
                Location::Line(line),
                ProblemKind::FieldCount {
                    expected: width,
                    found: row.len(),
                },
            ))));
            continue;
        }
        rows.push(Ok(row));
    }
    // The rows outlive the reading (until the answers are taken from them): without the room
    // the vector kept to grow into, up to half its size.
    rows.shrink_to_fit();
    Ok(Table {
        header,
        header_at: RowAt::Line(1),
        rows,
    })
}

/// The 1-based line of a byte offset, counting LF, CRLF and a lone CR as one line end each.
/// The `csv` crate's own line count starts a record that follows a CRLF one line too early
/// (it ends the record at the CR and counts the line at the LF), so lines are counted here
/// from the record's byte offset. Offsets are asked in increasing order, so the text is
/// walked once.
struct LineCounter<'t> {
    text: &'t [u8],
    offset: usize,
    line: u64,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> LineCounter<'t> {
        LineCounter {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line where a record starting at byte `offset` has its first field: the reader
    /// gives the offset where it started looking, so the line ends of skipped blank lines
    /// (or the LF of a CRLF pair) are passed over first.
    fn line_at(&mut self, offset: u64) -> u64 {
        let mut offset = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while self
            .text
            .get(offset)
            .is_some_and(|byte| *byte == b'\r' || *byte == b'\n')
        {
            offset += 1;
        }
        if offset < self.offset {
            self.offset = 0;
            self.line = 1;
        }
        while self.offset < offset {
            let byte = self.text[self.offset];
            let after_cr = self.offset > 0 && self.text[self.offset - 1] == b'\r';
            if byte == b'\r' || (byte == b'\n' && !after_cr) {
                self.line = self.line.saturating_add(1);
            }
            self.offset += 1;
        }
        self.line
    }
}

/// Where a CSV reader is within a record, for [`unclosed_quote`].
#[derive(Clone, Copy)]
enum QuoteState {
    /// At the start of a field: a quote here opens a quoted field.
    FieldStart,
    /// Inside an unquoted field: quotes are plain text.
    Unquoted,
    /// Inside a quoted field opened on this 1-based line.
    Quoted(u64),
    /// Just after a quote inside a quoted field opened on this line: a second quote is an
    /// escaped one.
    QuoteInQuoted(u64),
}

/// The 1-based line where a quoted field opens and is never closed, read as the `csv` crate
/// reads quotes (only at the start of a field, `""` inside one). Lines end with LF, CRLF or
/// a lone CR.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<u64> {
    let mut line: u64 = 1;
    let mut state = QuoteState::FieldStart;
    let mut previous = 0u8;
    for byte in text.bytes() {
        let is_line_end = byte == b'\r' || (byte == b'\n' && previous != b'\r');
        if is_line_end {
            line = line.saturating_add(1);
        }
        let ends_field = byte == delimiter || byte == b'\r' || byte == b'\n';
        state = match (state, byte) {
            (QuoteState::FieldStart, b'"') => QuoteState::Quoted(line),
            (QuoteState::FieldStart | QuoteState::Unquoted | QuoteState::QuoteInQuoted(_), _)
                if ends_field =>
            {
                QuoteState::FieldStart
            }
            (QuoteState::FieldStart | QuoteState::Unquoted, _) => QuoteState::Unquoted,
            (QuoteState::Quoted(opened), b'"') => QuoteState::QuoteInQuoted(opened),
            (QuoteState::Quoted(opened), _) => QuoteState::Quoted(opened),
            (QuoteState::QuoteInQuoted(opened), b'"') => QuoteState::Quoted(opened),
            (QuoteState::QuoteInQuoted(_), _) => QuoteState::Unquoted,
        };
        previous = byte;
    }
    match state {
        QuoteState::Quoted(opened) => Some(opened),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{read_csv_table, unclosed_quote};
    use crate::location::Location;
    use crate::table::RowAt;

    #[test]
    fn rows_are_numbered_by_their_first_line_whatever_the_line_endings() {
        for ending in ["\n", "\r\n", "\r"] {
            let text = ["a,b", "1,\"two", "lines\"", "", "3,x", "4,y,z", ""].join(ending);
            let table = read_csv_table(text.as_bytes()).expect("a table");
            let lines: Vec<u64> = table
                .rows
                .iter()
                .map(|row| match row {
                    Ok(row) => match row.at {
                        RowAt::Line(line) => line,
                        RowAt::Sheet { .. } => 0,
                    },
                    Err(problem) => problem.location.line(),
                })
                .collect();
            assert_eq!(lines, [2, 5, 6], "{ending:?}");
            assert!(
                matches!(&table.rows[2], Err(problem) if problem.location == Location::Line(6)),
                "{ending:?}"
            );
        }
    }

    #[test]
    fn a_byte_order_mark_does_not_shift_lines_or_stick_to_the_first_header() {
        let table = read_csv_table("\u{feff}a,b\r\n1,2\r\n".as_bytes()).expect("a table");
        assert_eq!(table.header, ["a", "b"]);
        assert!(matches!(&table.rows[0], Ok(row) if row.at == RowAt::Line(2)));
    }

    #[test]
    fn an_open_quote_is_found_at_its_line_whatever_the_line_endings() {
        for ending in ["\n", "\r\n", "\r"] {
            let text = ["a,b", "1,\"x", "2,y", ""].join(ending);
            assert_eq!(unclosed_quote(&text, b','), Some(2), "{ending:?}");
        }
    }

    #[test]
    fn closed_escaped_and_mid_field_quotes_are_not_open() {
        assert_eq!(unclosed_quote("a,b\n1,\"x\ny\"\n2,z\n", b','), None);
        assert_eq!(unclosed_quote("a,b\n1,\"x \"\"q\"\"\"\n", b','), None);
        assert_eq!(unclosed_quote("a;b\n1;5\" disk\n", b';'), None);
        assert_eq!(unclosed_quote("a,b\n1,\"x\"\"\n", b','), Some(2));
        assert_eq!(unclosed_quote("a,b\n1,\"x\n\"\"y\n", b','), Some(2));
        assert_eq!(unclosed_quote("", b','), None);
    }
}
