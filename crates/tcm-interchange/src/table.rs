//! A responses file once its container is read: a header and rows of text cells, whatever
//! the file was (CSV or spreadsheet), each row knowing where it is in the file.

use tcm_core::limits::TextField;

use crate::location::Location;
use crate::problem::{Problem, ProblemKind};

/// Where a row of a table is in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowAt {
    /// A CSV record, by the 1-based line where it starts.
    Line(u64),
    /// A spreadsheet row (1-based) whose first cell is in column `first_column` (0-based).
    Sheet { row: u32, first_column: u32 },
}

impl RowAt {
    /// The row as a whole.
    pub fn row(self) -> Location {
        match self {
            RowAt::Line(line) => Location::Line(line),
            RowAt::Sheet { row, .. } => Location::Row(row),
        }
    }

    /// One cell of the row: the cell itself in a spreadsheet, the line in a CSV file.
    pub fn cell(self, index: usize) -> Location {
        match self {
            RowAt::Line(line) => Location::Line(line),
            RowAt::Sheet { row, first_column } => Location::Cell {
                row,
                column: first_column.saturating_add(u32::try_from(index).unwrap_or(u32::MAX)),
            },
        }
    }
}

impl RowAt {
    /// One cell of the row, named precisely in a CSV file too (`line 12, column F`): for
    /// problems about the cell's text itself.
    pub fn field(self, index: usize) -> Location {
        let column = u32::try_from(index).unwrap_or(u32::MAX);
        match self {
            RowAt::Line(line) => Location::Field { line, column },
            RowAt::Sheet { .. } => self.cell(index),
        }
    }
}

/// One row of cells, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TableRow {
    pub at: RowAt,
    pub cells: Vec<String>,
}

impl TableRow {
    /// The cell at `index`, trimmed; empty when the row is shorter.
    pub fn cell(&self, index: usize) -> &str {
        self.cells.get(index).map_or("", |cell| cell.trim())
    }

    /// The cell at `index` as the text of `field`, pushing a located problem to `problems`
    /// when it is longer than the field holds (see [`tcm_core::limits`]).
    pub fn text(&self, index: usize, field: TextField, problems: &mut Vec<Problem>) -> &str {
        let text = self.cell(index);
        let limit = field.max_chars();
        // Bytes bound characters from above: most cells need no count.
        if text.len() > limit {
            let chars = text.chars().count();
            if chars > limit {
                problems.push(Problem::new(
                    self.at.field(index),
                    ProblemKind::TextTooLong {
                        field,
                        chars,
                        limit,
                    },
                ));
            }
        }
        text
    }
}

/// A header and its rows. Rows whose cells are all blank are left out; a row that could not
/// be read at all is kept as its problem, in its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Table {
    pub header: Vec<String>,
    pub header_at: RowAt,
    pub rows: Vec<Result<TableRow, Problem>>,
}

impl Table {
    /// The header of column `index`, trimmed (without a byte-order mark).
    pub fn column(&self, index: usize) -> &str {
        self.header
            .get(index)
            .map_or("", |name| name.trim().trim_start_matches('\u{feff}').trim())
    }

    /// Whether any row has text in column `index`.
    pub fn has_data_in(&self, index: usize) -> bool {
        self.rows
            .iter()
            .flatten()
            .any(|row| !row.cell(index).is_empty())
    }

    /// Whether every cell of a row is blank.
    pub fn is_blank(cells: &[String]) -> bool {
        cells.iter().all(|cell| cell.trim().is_empty())
    }
}
