//! XLSX bytes to a [`Table`], through `calamine`: the sheet named `answers` or `réponses`
//! when there is one, else the first sheet; its first used row is the header. Numbers are
//! read as people typed them: `3.0` is `3`.
//!
//! The package is checked first ([`crate::xlsx_package`]: entries, part sizes, DOCTYPE,
//! references within Excel's grid), then cells are read one by one from the sheet's XML
//! (never as a dense range sized from the sheet's last cell), within these bounds of
//! [`Limits::IMPORT`], each refused with the sheet and cell:
//!
//! - a cell with a value beyond row 200,000 or column 1,024 (`AMJ`);
//! - a cell of more than 32,767 characters (Excel's own limit);
//! - more than 2,000,000 cells, counting the blanks between the first column and a row's
//!   last cell.
//!
//! The package check is meant to leave `calamine` nothing to panic on. As a last line of
//! defence only, a panic inside `calamine` all the same is caught and the workbook refused
//! ([`WorkbookRefusal::ReaderFailed`]), so that an unforeseen file cannot end the app or the
//! `tcm` command; the fuzz target counts that refusal as a finding.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use calamine::{Data, DataRef, Reader, Xlsx};

use crate::location::Location;
use crate::names::fold;
use crate::table::{RowAt, Table, TableRow};
use crate::xlsx_package::{Limits, WorkbookRefusal, check_package};

/// Sheet names (folded) that hold responses, whatever their position.
const RESPONSE_SHEETS: [&str; 3] = ["answers", "reponses", "responses"];

/// Why a spreadsheet gave no table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum XlsxTableError {
    /// Not an XLSX workbook, or a damaged one.
    Unreadable(String),
    /// A crafted or oversized workbook, refused before it could exhaust memory.
    Refused(WorkbookRefusal),
    /// The chosen sheet has no cell with text.
    Empty { sheet: String },
}

/// Reads the responses sheet of an XLSX workbook.
pub(crate) fn read_xlsx_table(bytes: &[u8]) -> Result<Table, XlsxTableError> {
    read_xlsx_table_within(bytes, &Limits::IMPORT)
}

/// [`read_xlsx_table`] within other bounds (tests use small ones).
pub(crate) fn read_xlsx_table_within(
    bytes: &[u8],
    limits: &Limits,
) -> Result<Table, XlsxTableError> {
    if let Err(Some(refusal)) = check_package(bytes, limits) {
        return Err(XlsxTableError::Refused(refusal));
    }
    guarded(|| {
        let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
            .map_err(|error| XlsxTableError::Unreadable(error.to_string()))?;
        let names = workbook.sheet_names();
        let sheet = names
            .iter()
            .find(|name| RESPONSE_SHEETS.contains(&fold(name).as_str()))
            .or_else(|| names.first())
            .cloned()
            .ok_or_else(|| XlsxTableError::Unreadable("the workbook has no sheet".to_owned()))?;
        read_sheet(&mut workbook, sheet, limits)
    })
}

/// Runs `calamine` on a checked package; a panic inside it becomes a refusal (see the module
/// documentation: the last line of defence, not the way files are checked).
fn guarded<T>(read: impl FnOnce() -> Result<T, XlsxTableError>) -> Result<T, XlsxTableError> {
    // The workbook reader lives inside the closure and is dropped with it: nothing it left
    // half-changed is used after a panic.
    catch_unwind(AssertUnwindSafe(read))
        .unwrap_or(Err(XlsxTableError::Refused(WorkbookRefusal::ReaderFailed)))
}

/// The sheet of a workbook whose name (folded) is one of `wanted`, as a table: `None` when
/// there is no such sheet or it is empty. Read within the same bounds as the responses.
pub(crate) fn read_xlsx_other_sheet(
    bytes: &[u8],
    wanted: &[&str],
) -> Result<Option<Table>, XlsxTableError> {
    let limits = &Limits::IMPORT;
    if let Err(Some(refusal)) = check_package(bytes, limits) {
        return Err(XlsxTableError::Refused(refusal));
    }
    guarded(|| {
        let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
            .map_err(|error| XlsxTableError::Unreadable(error.to_string()))?;
        let Some(sheet) = workbook
            .sheet_names()
            .iter()
            .find(|name| wanted.contains(&fold(name).as_str()))
            .cloned()
        else {
            return Ok(None);
        };
        match read_sheet(&mut workbook, sheet, limits) {
            Ok(table) => Ok(Some(table)),
            Err(XlsxTableError::Empty { .. }) => Ok(None),
            Err(error) => Err(error),
        }
    })
}

/// One sheet's cells, read one by one within `limits`, as a table.
fn read_sheet(
    workbook: &mut Xlsx<Cursor<&[u8]>>,
    sheet: String,
    limits: &Limits,
) -> Result<Table, XlsxTableError> {
    let unreadable = |error: calamine::XlsxError| {
        XlsxTableError::Unreadable(format!("sheet `{sheet}`: {error}"))
    };
    let mut reader = workbook
        .worksheet_cells_reader(&sheet)
        .map_err(unreadable)?;
    let mut cells: BTreeMap<u32, Vec<(u32, String)>> = BTreeMap::new();
    let mut count = 0usize;
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        let (row, column) = cell.get_position();
        let name = || {
            Location::Cell {
                row: row.saturating_add(1),
                column,
            }
            .to_string()
            .trim_start_matches("cell ")
            .to_owned()
        };
        if row >= limits.rows || column >= limits.columns {
            return Err(XlsxTableError::Refused(WorkbookRefusal::CellOutOfBounds {
                sheet: sheet.clone(),
                cell: name(),
                rows: limits.rows,
                columns: limits.columns,
            }));
        }
        let text = cell_text(&Data::from(cell.get_value().clone()));
        let chars = text.chars().count();
        if chars > limits.cell_chars {
            return Err(XlsxTableError::Refused(WorkbookRefusal::CellTooLong {
                sheet: sheet.clone(),
                cell: name(),
                chars,
                limit: limits.cell_chars,
            }));
        }
        count += 1;
        if count > limits.cells {
            return Err(too_many_cells(&sheet, limits));
        }
        cells.entry(row).or_default().push((column, text));
    }
    drop(reader);
    let Some(first_column) = cells.values().flatten().map(|(column, _)| *column).min() else {
        return Err(XlsxTableError::Empty { sheet });
    };
    let width = |row: &[(u32, String)]| {
        row.iter()
            .map(|(column, _)| (column - first_column) as usize + 1)
            .max()
            .unwrap_or(0)
    };
    if cells.values().map(|row| width(row)).sum::<usize>() > limits.cells {
        return Err(too_many_cells(&sheet, limits));
    }
    let mut rows = cells
        .into_iter()
        .map(|(row, row_cells)| {
            let mut texts = vec![String::new(); width(&row_cells)];
            for (column, text) in row_cells {
                texts[(column - first_column) as usize] = text;
            }
            let at = RowAt::Sheet {
                row: row.saturating_add(1),
                first_column,
            };
            (at, texts)
        })
        .filter(|(_, cells)| !Table::is_blank(cells));
    let Some((header_at, header)) = rows.next() else {
        return Err(XlsxTableError::Empty { sheet });
    };
    Ok(Table {
        header,
        header_at,
        rows: rows
            .map(|(at, cells)| Ok(TableRow::new(at, cells.iter().map(String::as_str))))
            .collect(),
    })
}

fn too_many_cells(sheet: &str, limits: &Limits) -> XlsxTableError {
    XlsxTableError::Refused(WorkbookRefusal::TooManyCells {
        sheet: sheet.to_owned(),
        limit: limits.cells,
    })
}

/// A cell as text: whole numbers without decimals (`3.0` → `3`), other values as displayed.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Float(value) if value.fract() == 0.0 && value.abs() < 1e15 => {
            format!("{}", *value as i64)
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use calamine::Data;

    use super::{XlsxTableError, cell_text, guarded, read_xlsx_table_within};
    use crate::hostile_support::{archive, bomb_workbook, header_row, text_cell, workbook};
    use crate::xlsx_package::{Limits, WorkbookRefusal};

    const SMALL: Limits = Limits {
        entries: 20,
        part_bytes: 64 * 1024,
        total_bytes: 100 * 1024,
        shared_strings: 1_000,
        cells: 50,
        rows: 100,
        columns: 10,
        cell_chars: 100,
    };

    fn refusal(bytes: &[u8]) -> WorkbookRefusal {
        match read_xlsx_table_within(bytes, &SMALL) {
            Err(XlsxTableError::Refused(refusal)) => refusal,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn every_bound_is_refused_with_what_and_where() {
        assert!(matches!(
            refusal(&bomb_workbook(65 * 1024)),
            WorkbookRefusal::PartTooLarge { part, .. } if part == "xl/sharedStrings.xml"
        ));
        let parts: Vec<(String, Vec<u8>)> = (0..3)
            .map(|index| (format!("part{index}.bin"), vec![b'x'; 40 * 1024]))
            .collect();
        let parts: Vec<(&str, &[u8])> = parts
            .iter()
            .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
            .collect();
        assert!(matches!(
            refusal(&archive(&parts)),
            WorkbookRefusal::TooLarge { .. }
        ));
        let far = format!(
            "{}<row r=\"101\">{}</row>",
            header_row(),
            text_cell("A101", "x")
        );
        assert!(matches!(
            refusal(&workbook(&far, None)),
            WorkbookRefusal::CellOutOfBounds { cell, .. } if cell == "A101"
        ));
        let wide = format!(
            "{}<row r=\"2\">{}</row>",
            header_row(),
            text_cell("K2", "x")
        );
        assert!(matches!(
            refusal(&workbook(&wide, None)),
            WorkbookRefusal::CellOutOfBounds { cell, .. } if cell == "K2"
        ));
        // Few cells, but a row's last cell far right on many rows: too many slots.
        let rows: String = (2..=20)
            .map(|row| {
                format!(
                    "<row r=\"{row}\">{}</row>",
                    text_cell(&format!("J{row}"), "x")
                )
            })
            .collect();
        assert!(matches!(
            refusal(&workbook(&format!("{}{rows}", header_row()), None)),
            WorkbookRefusal::TooManyCells { sheet, limit: 50 } if sheet == "answers"
        ));
        let long = format!(
            "{}<row r=\"2\">{}</row>",
            header_row(),
            text_cell("B2", &"é".repeat(101))
        );
        assert!(matches!(
            refusal(&workbook(&long, None)),
            WorkbookRefusal::CellTooLong { cell, chars: 101, .. } if cell == "B2"
        ));
    }

    #[test]
    fn a_workbook_within_the_bounds_is_read() {
        let rows = format!(
            "{}<row r=\"2\">{}{}{}</row>",
            header_row(),
            text_cell("A2", "Ann"),
            text_cell("B2", "q"),
            text_cell("C2", "3")
        );
        let table = read_xlsx_table_within(&workbook(&rows, None), &SMALL).expect("a table");
        assert_eq!(table.header, ["respondent", "question", "answer"]);
        assert_eq!(table.rows.len(), 1);
    }

    #[test]
    fn a_panic_in_the_reader_becomes_a_refusal() {
        let caught: Result<(), XlsxTableError> = guarded(|| panic!("an overflow in calamine"));
        assert_eq!(
            caught,
            Err(XlsxTableError::Refused(WorkbookRefusal::ReaderFailed))
        );
        assert_eq!(guarded(|| Ok(3)), Ok(3));
    }

    #[test]
    fn whole_numbers_lose_their_decimals_and_others_keep_them() {
        assert_eq!(cell_text(&Data::Float(3.0)), "3");
        assert_eq!(cell_text(&Data::Float(-0.0)), "0");
        assert_eq!(cell_text(&Data::Float(2.5)), "2.5");
        assert_eq!(cell_text(&Data::Int(4)), "4");
        assert_eq!(cell_text(&Data::String(" NSP ".to_owned())), " NSP ");
        assert_eq!(cell_text(&Data::Empty), "");
    }
}
