//! CSV bytes to a [`Table`]: the text decoded (UTF-8 with or without BOM, or Windows-1252),
//! the delimiter sniffed (`,`, `;` or tab), CRLF or LF, quoted fields with delimiters, quotes
//! and newlines.

use crate::location::Location;
use crate::problem::{Problem, ProblemKind};
use crate::table::{RowAt, Table, TableRow};
use crate::text::{decode, sniff_delimiter};

/// Why a CSV file gave no table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CsvTableError {
    /// Nothing but blanks.
    Empty,
    /// The header itself could not be read.
    Header(Problem),
}

/// Reads a CSV file. Every record must have as many fields as the header; a record that has
/// not is kept as a problem, in its place.
pub(crate) fn read_csv_table(bytes: &[u8]) -> Result<Table, CsvTableError> {
    let (text, _) = decode(bytes);
    if text.trim().is_empty() {
        return Err(CsvTableError::Empty);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(&text))
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
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |position| position.line());
                rows.push(Err(Problem::new(
                    Location::Line(line),
                    ProblemKind::UnreadableRow(error.to_string()),
                )));
                continue;
            }
        };
        let line = record.position().map_or(0, |position| position.line());
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if Table::is_blank(&cells) {
            continue;
        }
        if cells.len() != width {
            rows.push(Err(Problem::new(
                Location::Line(line),
                ProblemKind::FieldCount {
                    expected: width,
                    found: cells.len(),
                },
            )));
            continue;
        }
        rows.push(Ok(TableRow {
            at: RowAt::Line(line),
            cells,
        }));
    }
    Ok(Table {
        header,
        header_at: RowAt::Line(1),
        rows,
    })
}
