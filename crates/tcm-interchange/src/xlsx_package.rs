//! The XLSX package checked before `calamine` opens it, so that a crafted file is refused
//! with a message instead of exhausting memory or crashing the process. An XLSX file is a ZIP
//! archive of XML parts; `calamine` trusts what they say (it reserves room for as many shared
//! strings as `uniqueCount` declares, parses cell references without overflow checks) and
//! reads whole parts into memory. Bounds, all refused with [`WorkbookRefusal`]:
//!
//! - at most [`Limits::entries`] (1,000) entries in the archive;
//! - no part larger than [`Limits::part_bytes`] (64 MiB) uncompressed, by the size its header
//!   declares **and** by the bytes it really inflates to (read through a reader that stops
//!   one byte past the bound: a header that lies does not get round it, and the `zip` crate
//!   also refuses a part that inflates past its declared size);
//! - at most [`Limits::total_bytes`] (256 MiB) uncompressed in all;
//! - no XML part with a `<!DOCTYPE` (OOXML has none; entity definitions could expand);
//! - every cell, row and dimension reference of a worksheet within Excel's own grid
//!   (`XFD1048576`), so that no row number or column overflows;
//! - a shared-string table declaring at most [`Limits::shared_strings`] (2,000,000) strings.
//!
//! Reading the cells themselves is bounded in [`crate::xlsx_table`].

use std::io::{self, BufReader, Cursor, Read};

use quick_xml::events::Event;

use crate::location::column_name;

/// Excel's last row (1-based) and column count: `XFD1048576`.
pub(crate) const EXCEL_ROWS: u64 = 1_048_576;
pub(crate) const EXCEL_COLUMNS: u64 = 16_384;

/// What a workbook may hold before it is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limits {
    /// Entries (parts, folders) in the ZIP archive.
    pub entries: usize,
    /// Uncompressed bytes of one part.
    pub part_bytes: u64,
    /// Uncompressed bytes of all parts together.
    pub total_bytes: u64,
    /// Strings the shared-string table may declare.
    pub shared_strings: u64,
    /// Cells read from the responses sheet (see [`crate::xlsx_table`]).
    pub cells: usize,
    /// Last row (1-based) and number of columns read from the responses sheet.
    pub rows: u32,
    pub columns: u32,
    /// Characters in one cell: Excel's own limit.
    pub cell_chars: usize,
}

impl Limits {
    /// The bounds of every import.
    pub const IMPORT: Limits = Limits {
        entries: 1_000,
        part_bytes: 64 * 1024 * 1024,
        total_bytes: 256 * 1024 * 1024,
        shared_strings: 2_000_000,
        cells: 2_000_000,
        rows: 200_000,
        columns: 1_024,
        cell_chars: 32_767,
    };
}

/// Why a workbook was refused before or while its cells were read: what and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkbookRefusal {
    #[error(
        "the archive holds {entries} entries; a workbook has a few dozen (at most {limit} are read)"
    )]
    TooManyEntries { entries: usize, limit: usize },
    #[error(
        "the part `{part}` would expand to {} (the limit is {} MiB a part): the file may be a zip bomb",
        expansion(*.bytes, *.more),
        .limit / (1024 * 1024)
    )]
    PartTooLarge {
        part: String,
        bytes: u64,
        /// Whether it was cut short at `bytes`: it is larger still.
        more: bool,
        limit: u64,
    },
    #[error(
        "the workbook would expand to more than {} MiB in all: the file may be a zip bomb",
        .limit / (1024 * 1024)
    )]
    TooLarge { limit: u64 },
    #[error(
        "the part `{part}` declares a DOCTYPE, which no Excel file has (entity definitions could expand without bound)"
    )]
    Doctype { part: String },
    #[error(
        "the part `{part}` refers to `{reference}`, outside Excel's grid (rows 1 to 1048576, columns A to XFD)"
    )]
    OutsideExcel { part: String, reference: String },
    #[error("the shared-string table declares {declared} strings (at most {limit} are read)")]
    TooManySharedStrings { declared: String, limit: u64 },
    #[error(
        "cell {cell} of sheet `{sheet}` is outside the part of a sheet an import reads (rows 1 to {rows}, columns A to {}): is something far down or right of the responses?",
        column_name(.columns.saturating_sub(1))
    )]
    CellOutOfBounds {
        sheet: String,
        cell: String,
        rows: u32,
        columns: u32,
    },
    #[error(
        "cell {cell} of sheet `{sheet}` holds {chars} characters (a cell holds at most {limit})"
    )]
    CellTooLong {
        sheet: String,
        cell: String,
        chars: usize,
        limit: usize,
    },
    #[error(
        "the sheet `{sheet}` spans more than {limit} cells (rows × columns used): an import reads at most that"
    )]
    TooManyCells { sheet: String, limit: usize },
    #[error("the part `{part}` cannot be read ({reason})")]
    Damaged { part: String, reason: String },
}

fn expansion(bytes: u64, more: bool) -> String {
    let mib = bytes / (1024 * 1024);
    if more {
        format!("more than {mib} MiB")
    } else {
        format!("{mib} MiB")
    }
}

/// Checks the package of `bytes` against `limits`. `Err(None)` when it is not a ZIP archive
/// at all (the caller lets `calamine` say so).
pub(crate) fn check_package(bytes: &[u8], limits: &Limits) -> Result<(), Option<WorkbookRefusal>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| None)?;
    if archive.len() > limits.entries {
        return Err(Some(WorkbookRefusal::TooManyEntries {
            entries: archive.len(),
            limit: limits.entries,
        }));
    }
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).map_err(|error| {
            Some(WorkbookRefusal::Damaged {
                part: format!("#{index}"),
                reason: error.to_string(),
            })
        })?;
        let part = file
            .name()
            .map_or_else(|_| format!("#{index}"), |name| name.into_owned());
        if file.is_dir() {
            continue;
        }
        let too_large = |bytes: u64, more: bool| WorkbookRefusal::PartTooLarge {
            part: part.clone(),
            bytes,
            more,
            limit: limits.part_bytes,
        };
        let declared = file.size();
        if declared > limits.part_bytes {
            return Err(Some(too_large(declared, false)));
        }
        let mut counted = Counted {
            inner: (&mut file).take(limits.part_bytes.saturating_add(1)),
            bytes: 0,
        };
        let scanned = if is_xml(&part) {
            scan_xml(&mut counted, &part, limits)
        } else {
            Ok(())
        };
        // Whatever the scan left unread still counts (and a broken part stays calamine's to
        // report, unless it is too large).
        let drained = io::copy(&mut counted, &mut io::sink());
        if counted.bytes > limits.part_bytes {
            return Err(Some(too_large(counted.bytes, true)));
        }
        scanned.map_err(Some)?;
        if let Err(error) = drained {
            return Err(Some(WorkbookRefusal::Damaged {
                part,
                reason: error.to_string(),
            }));
        }
        total = total.saturating_add(counted.bytes);
        if total > limits.total_bytes {
            return Err(Some(WorkbookRefusal::TooLarge {
                limit: limits.total_bytes,
            }));
        }
    }
    Ok(())
}

fn is_xml(part: &str) -> bool {
    let lower = part.to_ascii_lowercase();
    lower.ends_with(".xml") || lower.ends_with(".rels") || lower.ends_with(".vml")
}

/// A reader that counts the bytes it gives.
struct Counted<R> {
    inner: R,
    bytes: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buffer)?;
        self.bytes = self.bytes.saturating_add(read as u64);
        Ok(read)
    }
}

/// Looks through one XML part for a DOCTYPE, cell references outside Excel's grid and an
/// oversized shared-string count. XML errors are left for `calamine` to report.
fn scan_xml(reader: &mut impl Read, part: &str, limits: &Limits) -> Result<(), WorkbookRefusal> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(reader));
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        let event = match xml.read_event_into(&mut buffer) {
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(event) => event,
        };
        let element = match &event {
            Event::DocType(_) => {
                return Err(WorkbookRefusal::Doctype {
                    part: part.to_owned(),
                });
            }
            Event::Start(element) | Event::Empty(element) => element,
            _ => continue,
        };
        let attribute = match element.local_name().as_ref() {
            "c" | "row" => "r",
            "dimension" => "ref",
            "sst" => {
                for name in ["uniqueCount", "count"] {
                    if let Ok(Some(count)) = element.try_get_attribute(name) {
                        let text = count.value.to_string();
                        if text
                            .trim()
                            .parse::<u64>()
                            .map_or(true, |count| count > limits.shared_strings)
                        {
                            return Err(WorkbookRefusal::TooManySharedStrings {
                                declared: text,
                                limit: limits.shared_strings,
                            });
                        }
                    }
                }
                continue;
            }
            _ => continue,
        };
        if let Ok(Some(reference)) = element.try_get_attribute(attribute) {
            let text = reference.value.to_string();
            if !text.split(':').all(within_excel) {
                return Err(WorkbookRefusal::OutsideExcel {
                    part: part.to_owned(),
                    reference: text,
                });
            }
        }
    }
}

/// Whether a reference (`D7`, `7` for a row, `$D$7`) stays within `XFD1048576`. Anything
/// else that is not a reference is left for `calamine` to judge.
fn within_excel(reference: &str) -> bool {
    let reference = reference.trim().replace('$', "");
    let letters = reference
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let (column, row) = reference.split_at(letters);
    if letters > 3 || row.len() > 7 {
        return false;
    }
    let column = column.bytes().fold(0u64, |value, letter| {
        value * 26 + u64::from(letter.to_ascii_uppercase().saturating_sub(b'A')) + 1
    });
    let row = if row.is_empty() {
        0
    } else {
        match row.parse::<u64>() {
            Ok(row) => row,
            Err(_) => return true,
        }
    };
    column <= EXCEL_COLUMNS && row <= EXCEL_ROWS
}

#[cfg(test)]
mod tests {
    use super::within_excel;

    #[test]
    fn references_within_excel_pass_and_others_do_not() {
        for reference in ["A1", "XFD1048576", "$D$7", "12", "A1:XFD1048576", "Z"] {
            assert!(
                reference.split(':').all(within_excel),
                "{reference} is within Excel"
            );
        }
        for reference in [
            "XFE1",
            "A1048577",
            "A4294967295",
            "AAAA1",
            "A99999999999999",
        ] {
            assert!(!within_excel(reference), "{reference} is outside Excel");
        }
    }
}
