//! Decoding the text files people really have: UTF-8 with or without a byte-order mark, or
//! Windows-1252 (what French Excel writes for "CSV (séparateur : point-virgule)").

use std::borrow::Cow;

/// How a file's bytes were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Windows1252,
}

/// Decodes `bytes` as UTF-8 (dropping a BOM), or as Windows-1252 when they are not valid
/// UTF-8. Windows-1252 maps every byte, so decoding never fails.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, Encoding) {
    let without_bom = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(without_bom) {
        Ok(text) => (Cow::Borrowed(text), Encoding::Utf8),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text, Encoding::Windows1252)
        }
    }
}

/// The delimiter of a CSV file, guessed from its first line outside quotes: the most
/// frequent of `;`, `,` and tab; `,` when none appears.
pub fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some(entry) = counts.iter_mut().find(|(delimiter, _)| *delimiter == byte) {
                    entry.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .filter(|(_, count)| *count > 0)
        .max_by_key(|(delimiter, count)| (*count, *delimiter == b','))
        .map_or(b',', |(delimiter, _)| *delimiter)
}
