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
//! - every cell, row and range reference (dimension, merged cells, hyperlinks, tables, shared
//!   formulas) within Excel's own grid (`XFD1048576`), so that no row number or column
//!   overflows, and no range that ends before it starts (`calamine` subtracts one from the
//!   other) — read as `calamine` reads them, damaged XML included (see [`scan_xml`]);
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
    #[error(
        "the part `{part}` declares the range `{range}`, which ends before it starts (no Excel file has one)"
    )]
    ReversedRange { part: String, range: String },
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
    /// The XLSX reader failed on the workbook in a way the checks did not foresee (a panic,
    /// caught): the file is damaged or crafted.
    #[error(
        "the XLSX reader stopped on an inconsistency in the workbook: the file is damaged (open it in a spreadsheet and save it again)"
    )]
    ReaderFailed,
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

/// Looks through one XML part for a DOCTYPE, cell references outside Excel's grid or
/// reversed, and an oversized shared-string count.
///
/// The part is read exactly as `calamine` reads it (its `xml_reader`: the same `quick-xml`,
/// end names and comments unchecked) and attributes are split as `calamine` splits them
/// (raw, up to the first malformed one), so that every reference `calamine` will parse has
/// been seen here first, in a damaged part too: a mismatched end tag does not stop
/// `calamine`, so it must not stop this scan. Where `quick-xml` itself gives up, `calamine`
/// does too, and that error stays `calamine`'s to report.
fn scan_xml(reader: &mut impl Read, part: &str, limits: &Limits) -> Result<(), WorkbookRefusal> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(reader));
    let config = xml.config_mut();
    config.check_end_names = false;
    config.check_comments = false;
    config.trim_text(false);
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
        let raw = element.attributes_raw();
        match element.local_name().as_ref() {
            "sst" => {
                for (_, count) in
                    raw_attributes(raw).filter(|(key, _)| matches!(*key, "uniqueCount" | "count"))
                {
                    if count
                        .trim()
                        .parse::<u64>()
                        .map_or(true, |count| count > limits.shared_strings)
                    {
                        return Err(WorkbookRefusal::TooManySharedStrings {
                            declared: count.to_owned(),
                            limit: limits.shared_strings,
                        });
                    }
                }
            }
            // A cell's or a row's position.
            "c" | "row" => {
                for (_, reference) in raw_attributes(raw).filter(|(key, _)| *key == "r") {
                    check_reference(part, reference)?;
                }
            }
            // The ranges calamine reads: the sheet's extent, merged cells, hyperlinks,
            // tables, shared formulas (and filters, which name a range the same way).
            "dimension" | "mergeCell" | "hyperlink" | "table" | "f" | "autoFilter" => {
                for (_, range) in raw_attributes(raw).filter(|(key, _)| *key == "ref") {
                    check_reference(part, range)?;
                }
            }
            _ => {}
        }
    }
}

/// A reference or range within Excel's grid whose end does not come before its start
/// (`calamine` subtracts the start from the end).
fn check_reference(part: &str, reference: &str) -> Result<(), WorkbookRefusal> {
    if !reference.split(':').all(within_excel) {
        return Err(WorkbookRefusal::OutsideExcel {
            part: part.to_owned(),
            reference: reference.to_owned(),
        });
    }
    if let Some((start, end)) = reference.split_once(':')
        && let (Some(start), Some(end)) = (position(start), position(end))
        && (end.0 < start.0 || end.1 < start.1)
    {
        return Err(WorkbookRefusal::ReversedRange {
            part: part.to_owned(),
            range: reference.to_owned(),
        });
    }
    Ok(())
}

/// The attributes of a start tag as `calamine` splits them: each key runs to the next `=`
/// (trailing spaces trimmed), each value is quoted; the first malformed attribute ends the
/// list, as it ends `calamine`'s reading of the element. Values are raw (not unescaped).
fn raw_attributes(raw: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = raw;
    std::iter::from_fn(move || {
        let trimmed = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let (key, after) = trimmed.split_once('=')?;
        let after = after.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let body = &after[1..];
        let (value, next) = body.split_once(quote).unwrap_or((body, ""));
        rest = next;
        Some((
            key.trim_end_matches(|c: char| c.is_ascii_whitespace()),
            value,
        ))
    })
}

/// A reference's column and row, 1-based (`0` for a part left out: `7` is a row, `D` a
/// column), when it is one (`D7`, `$D$7`).
fn position(reference: &str) -> Option<(u64, u64)> {
    let reference = reference.trim().replace('$', "");
    let letters = reference
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let (column, row) = reference.split_at(letters);
    if letters > 3 || row.len() > 7 {
        return None;
    }
    let column = column.bytes().fold(0u64, |value, letter| {
        value * 26 + u64::from(letter.to_ascii_uppercase().saturating_sub(b'A')) + 1
    });
    let row = if row.is_empty() {
        0
    } else {
        row.parse::<u64>().ok()?
    };
    Some((column, row))
}

/// Whether a reference (`D7`, `7` for a row, `$D$7`) stays within `XFD1048576`. Anything
/// else that is not a reference is left for `calamine` to judge.
fn within_excel(reference: &str) -> bool {
    let trimmed = reference.trim().replace('$', "");
    let letters = trimmed.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters > 3 || trimmed.len() - letters > 7 {
        return false;
    }
    match position(reference) {
        Some((column, row)) => column <= EXCEL_COLUMNS && row <= EXCEL_ROWS,
        // Not digits after the letters: calamine refuses it before any overflow.
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::{WorkbookRefusal, check_reference, raw_attributes, within_excel};

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

    #[test]
    fn attributes_are_split_as_calamine_splits_them() {
        let split: Vec<(&str, &str)> = raw_attributes(r#" r="A1"  s = '2' t="s""#).collect();
        assert_eq!(split, [("r", "A1"), ("s", "2"), ("t", "s")]);
        // A key glued to the previous value is still a key; an unquoted value ends the list.
        let split: Vec<(&str, &str)> = raw_attributes(r#"r="C6"$t="s" x=1 r="Z9""#).collect();
        assert_eq!(split, [("r", "C6"), ("$t", "s")]);
        // An unclosed value runs to the end.
        let split: Vec<(&str, &str)> = raw_attributes(r#"r="A99"#).collect();
        assert_eq!(split, [("r", "A99")]);
    }

    #[test]
    fn a_range_that_ends_before_it_starts_is_refused() {
        for range in ["A1:F3", "B2:B2", "A1", "1:3"] {
            assert!(check_reference("p", range).is_ok(), "{range}");
        }
        for range in ["A16:F3", "C1:A1", "$B$2:$A$1"] {
            assert!(
                matches!(
                    check_reference("p", range),
                    Err(WorkbookRefusal::ReversedRange { .. })
                ),
                "{range}"
            );
        }
    }
}
