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

/// One row of cells, as text. The cells are kept one after the other in a single string, with
/// where each ends: a row costs two allocations whatever its width, not one per cell (a
/// 60 MB CSV of 1.2 million rows held 300 MB more as a `Vec<String>` per row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TableRow {
    pub at: RowAt,
    /// Every cell's text, in order.
    text: Box<str>,
    /// The byte offset in `text` where each cell ends.
    ends: Box<[usize]>,
}

impl TableRow {
    /// A row of these cells, found at `at`.
    pub fn new<'c>(at: RowAt, cells: impl IntoIterator<Item = &'c str>) -> TableRow {
        let mut text = String::new();
        let mut ends = Vec::new();
        for cell in cells {
            text.push_str(cell);
            ends.push(text.len());
        }
        TableRow {
            at,
            text: text.into_boxed_str(),
            ends: ends.into_boxed_slice(),
        }
    }

    /// How many cells the row has.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The cell at `index` as it is in the file, or None when the row is shorter.
    fn raw(&self, index: usize) -> Option<&str> {
        let end = *self.ends.get(index)?;
        let start = index
            .checked_sub(1)
            .and_then(|before| self.ends.get(before))
            .copied()
            .unwrap_or(0);
        self.text.get(start..end)
    }

    /// The cell at `index`, trimmed; empty when the row is shorter.
    pub fn cell(&self, index: usize) -> &str {
        self.raw(index).map_or("", str::trim)
    }

    /// Whether every cell of the row is blank.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
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
    /// A problem is boxed: rows are many and problems rare, and a row's slot is then the size of
    /// a row, not of a problem (half as much).
    pub rows: Vec<Result<TableRow, Box<Problem>>>,
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

#[cfg(test)]
mod tests {
    use super::{RowAt, TableRow};

    #[test]
    fn a_row_gives_back_each_cell_trimmed_whatever_its_width() {
        let row = TableRow::new(
            RowAt::Line(3),
            ["  Élise ", "", "cre-01", "« très » bien’", " "],
        );
        assert_eq!(row.len(), 5);
        assert_eq!(row.cell(0), "Élise");
        assert_eq!(row.cell(1), "");
        assert_eq!(row.cell(2), "cre-01");
        assert_eq!(row.cell(3), "« très » bien’");
        assert_eq!(row.cell(4), "");
        assert_eq!(row.cell(5), "", "a cell past the row's end is empty");
        assert!(!row.is_blank());
        assert!(TableRow::new(RowAt::Line(4), [" ", "\t", ""]).is_blank());
        assert!(TableRow::new(RowAt::Line(5), []).is_blank());
        assert_eq!(TableRow::new(RowAt::Line(5), []).len(), 0);
    }
}
