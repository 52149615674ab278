//! XLSX bytes to a [`Table`], through `calamine`: the sheet named `answers` or `réponses`
//! when there is one, else the first sheet; its first used row is the header. Numbers are
//! read as people typed them: `3.0` is `3`.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use crate::names::fold;
use crate::table::{RowAt, Table, TableRow};

/// Sheet names (folded) that hold responses, whatever their position.
const RESPONSE_SHEETS: [&str; 3] = ["answers", "reponses", "responses"];

/// Why a spreadsheet gave no table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum XlsxTableError {
    /// Not an XLSX workbook, or a damaged one.
    Unreadable(String),
    /// The chosen sheet has no cell with text.
    Empty { sheet: String },
}

/// Reads the responses sheet of an XLSX workbook.
pub(crate) fn read_xlsx_table(bytes: &[u8]) -> Result<Table, XlsxTableError> {
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|error| XlsxTableError::Unreadable(error.to_string()))?;
    let names = workbook.sheet_names();
    let sheet = names
        .iter()
        .find(|name| RESPONSE_SHEETS.contains(&fold(name).as_str()))
        .or_else(|| names.first())
        .cloned()
        .ok_or_else(|| XlsxTableError::Unreadable("the workbook has no sheet".to_owned()))?;
    let range = workbook
        .worksheet_range(&sheet)
        .map_err(|error| XlsxTableError::Unreadable(format!("sheet `{sheet}`: {error}")))?;
    let Some((first_row, first_column)) = range.start() else {
        return Err(XlsxTableError::Empty { sheet });
    };
    let mut rows = range
        .rows()
        .enumerate()
        .map(|(index, cells)| {
            let row = first_row
                .saturating_add(u32::try_from(index).unwrap_or(u32::MAX))
                .saturating_add(1);
            let at = RowAt::Sheet { row, first_column };
            (at, cells.iter().map(cell_text).collect::<Vec<String>>())
        })
        .filter(|(_, cells)| !Table::is_blank(cells));
    let Some((header_at, header)) = rows.next() else {
        return Err(XlsxTableError::Empty { sheet });
    };
    Ok(Table {
        header,
        header_at,
        rows: rows.map(|(at, cells)| Ok(TableRow { at, cells })).collect(),
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

    use super::cell_text;

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
