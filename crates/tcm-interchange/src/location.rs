//! Where something is in a file people can open: a line of a CSV file, or a row or a cell of
//! a spreadsheet named as Excel names it (`D7`).

use std::fmt;

/// A place in an imported file, as its author would look for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// A row of a CSV file, by the 1-based line where it starts.
    Line(u64),
    /// A row of a spreadsheet, 1-based as Excel numbers them.
    Row(u32),
    /// A cell of a spreadsheet: 1-based row, 0-based column (A is 0).
    Cell { row: u32, column: u32 },
    /// A field of a CSV row: the 1-based line where the row starts, the 0-based column
    /// (named with letters, as a spreadsheet that opens the file shows it).
    Field { line: u64, column: u32 },
}

impl Location {
    /// The line (CSV) or row (spreadsheet) number.
    pub fn line(self) -> u64 {
        match self {
            Location::Line(line) | Location::Field { line, .. } => line,
            Location::Row(row) | Location::Cell { row, .. } => u64::from(row),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Location::Line(line) => write!(f, "line {line}"),
            Location::Row(row) => write!(f, "row {row}"),
            Location::Cell { row, column } => write!(f, "cell {}{row}", column_name(column)),
            Location::Field { line, column } => {
                write!(f, "line {line}, column {}", column_name(column))
            }
        }
    }
}

/// A spreadsheet column's letters: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub(crate) fn column_name(column: u32) -> String {
    let mut letters = Vec::new();
    let mut rest = u64::from(column) + 1;
    while rest > 0 {
        let remainder = (rest - 1) % 26;
        letters.push(char::from(b'A' + remainder as u8));
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::{Location, column_name};

    #[test]
    fn columns_are_named_as_in_excel() {
        for (column, name) in [
            (0, "A"),
            (3, "D"),
            (25, "Z"),
            (26, "AA"),
            (51, "AZ"),
            (701, "ZZ"),
            (702, "AAA"),
        ] {
            assert_eq!(column_name(column), name, "column {column}");
        }
    }

    #[test]
    fn locations_read_as_people_say_them() {
        assert_eq!(Location::Line(12).to_string(), "line 12");
        assert_eq!(Location::Row(7).to_string(), "row 7");
        assert_eq!(Location::Cell { row: 7, column: 3 }.to_string(), "cell D7");
        assert_eq!(
            Location::Field {
                line: 12,
                column: 5
            }
            .to_string(),
            "line 12, column F"
        );
    }
}
