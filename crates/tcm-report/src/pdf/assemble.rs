//! Turns composed pages into PDF bytes: registers the embedded fonts and chart forms under
//! fixed ids, sets the metadata from the report date, and makes the output reproducible.
//!
//! printpdf draws the trailer's two `/ID` strings from a process-wide counter, so two renders
//! in one process would differ there. They are overwritten afterwards with an id derived
//! from the document's own bytes, same length, so that every offset stays valid: the same
//! data and the same date give byte-identical files.

use chrono::NaiveDate;
use printpdf::{
    ExternalXObject, Mm, OffsetDateTime, Op, ParsedFont, PdfDocument, PdfFont, PdfPage,
    PdfSaveOptions, RawImage, XObject, XObjectId,
};

use super::ReportError;
use super::page::{Face, OutlineEntry, font_id};
use super::tagging::Tagging;
use crate::fonts;

pub struct Metadata<'a> {
    pub title: &'a str,
    /// Who wrote the document: the consultant, or the app; never the audited company.
    pub author: &'a str,
    pub subject: &'a str,
    pub date: NaiveDate,
    /// The document's language, as `/Lang` (`fr`, `en`).
    pub language: &'a str,
    /// The bookmarks, in reading order.
    pub outline: &'a [OutlineEntry],
}

fn parsed(bytes: &[u8], name: &'static str) -> Result<ParsedFont, ReportError> {
    let mut warnings = Vec::new();
    ParsedFont::from_bytes(bytes, 0, &mut warnings).ok_or(ReportError::Font { name })
}

pub fn assemble(
    (pages, tagging): (Vec<Vec<Op>>, Tagging),
    forms: Vec<(XObjectId, ExternalXObject)>,
    images: Vec<(XObjectId, RawImage)>,
    metadata: &Metadata<'_>,
) -> Result<Vec<u8>, ReportError> {
    let mut document = PdfDocument::new(metadata.title);
    for (face, bytes, name) in [
        (Face::Regular, fonts::REGULAR, "DejaVu Sans"),
        (Face::Bold, fonts::BOLD, "DejaVu Sans Bold"),
    ] {
        document
            .resources
            .fonts
            .map
            .insert(font_id(face), PdfFont::new(parsed(bytes, name)?));
    }
    for (id, form) in forms {
        document
            .resources
            .xobjects
            .map
            .insert(id, XObject::External(form));
    }
    for (id, image) in images {
        document
            .resources
            .xobjects
            .map
            .insert(id, XObject::Image(image));
    }
    let timestamp = metadata
        .date
        .and_hms_opt(12, 0, 0)
        .map_or(0, |moment| moment.and_utc().timestamp());
    let when = OffsetDateTime::from_unix_timestamp(timestamp).map_err(|_| ReportError::Date)?;
    let info = &mut document.metadata.info;
    info.creation_date = when;
    info.modification_date = when;
    info.metadata_date = when;
    info.author = metadata.author.to_owned();
    info.subject = metadata.subject.to_owned();
    info.creator = super::CREATOR.to_owned();
    info.producer = super::PRODUCER.to_owned();
    let pages = pages
        .into_iter()
        .map(|ops| PdfPage::new(Mm(210.0), Mm(297.0), ops))
        .collect();
    document.with_pages(pages);
    let mut warnings = Vec::new();
    let options = PdfSaveOptions::default();
    let mut finished = document.to_lopdf_document(&options, &mut warnings);
    super::finish::finish(&mut finished, metadata, &tagging);
    if options.optimize {
        finished.compress();
    }
    let mut bytes = Vec::new();
    finished
        .save_to(&mut bytes)
        .map_err(|error| ReportError::Write(error.to_string()))?;
    stable_trailer_id(&mut bytes);
    Ok(bytes)
}

/// FNV-1a, 64 bits: a small, stable hash (not for security).
fn fnv1a(bytes: &[u8], seed: u64) -> u64 {
    bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325 ^ seed, |hash, byte| {
            (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01B3)
        })
}

/// Overwrites the two strings of the last `/ID` array with ones derived from the bytes
/// before it. Strings of another length than printpdf's 32 are left alone.
pub fn stable_trailer_id(bytes: &mut [u8]) {
    let Some(at) = find_last(bytes, b"/ID") else {
        return;
    };
    let digest = |seed: u64| {
        let a = fnv1a(&bytes[..at], seed);
        let b = fnv1a(&bytes[..at], seed ^ 0x5bd1_e995);
        format!("{a:016x}{b:016x}").into_bytes()
    };
    let ids = [digest(1), digest(2)];
    let mut cursor = at;
    for id in ids {
        let Some(open) = bytes[cursor..]
            .iter()
            .position(|b| *b == b'(')
            .map(|p| p + cursor)
        else {
            return;
        };
        let Some(close) = bytes[open..]
            .iter()
            .position(|b| *b == b')')
            .map(|p| p + open)
        else {
            return;
        };
        if close - open - 1 == id.len() {
            bytes[open + 1..close].copy_from_slice(&id);
        }
        cursor = close + 1;
    }
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::stable_trailer_id;

    #[test]
    fn the_trailer_id_depends_on_the_content_only() {
        let mut a = b"%PDF body one trailer<</ID[(AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA)(BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB)]>>".to_vec();
        let mut b = b"%PDF body one trailer<</ID[(CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC)(DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD)]>>".to_vec();
        let length = a.len();
        stable_trailer_id(&mut a);
        stable_trailer_id(&mut b);
        assert_eq!(a, b);
        assert_eq!(a.len(), length);
        assert!(!a.windows(4).any(|w| w == b"AAAA"));
    }
}
