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

/// A character written as another because Windows-1252 lacks it (`U+202F` as a no-break
/// space), and the lines where it stood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    pub character: char,
    pub written: char,
    /// 1-based lines of the text, in order (a line once however often it stood there).
    pub lines: Vec<u64>,
}

impl std::fmt::Display for Replacement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "U+{:04X} written as U+{:04X} (Windows-1252 has no U+{:04X}) on {}",
            u32::from(self.character),
            u32::from(self.written),
            u32::from(self.character),
            lines_text(&self.lines)
        )
    }
}

/// A character Windows-1252 cannot write, nor anything near it, and the lines where it stood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unencodable {
    pub character: char,
    pub lines: Vec<u64>,
}

impl std::fmt::Display for Unencodable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "`{}` (U+{:04X}) on {}",
            self.character,
            u32::from(self.character),
            lines_text(&self.lines)
        )
    }
}

/// How many lines a message names before counting the rest.
const LINES_NAMED: usize = 5;

fn lines_text(lines: &[u64]) -> String {
    let named: Vec<String> = lines.iter().take(LINES_NAMED).map(u64::to_string).collect();
    let word = if lines.len() == 1 { "line" } else { "lines" };
    match lines.len().saturating_sub(LINES_NAMED) {
        0 => format!("{word} {}", named.join(", ")),
        rest => format!("{word} {} and {rest} more", named.join(", ")),
    }
}

/// The Windows-1252 character written for one it lacks: spaces French typography uses
/// become the no-break or plain space they stand for, typographic hyphens and the minus
/// sign a hyphen-minus. Anything else has no stand-in.
fn nearest_in_windows_1252(character: char) -> Option<char> {
    match character {
        // Narrow no-break space (before ? ! ; in French), figure space.
        '\u{202F}' | '\u{2007}' => Some('\u{A0}'),
        // En, em, three- to six-per-em, thin and hair spaces.
        '\u{2002}'..='\u{2006}' | '\u{2009}' | '\u{200A}' => Some(' '),
        // Hyphen, non-breaking hyphen, figure dash, minus sign.
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' => Some('-'),
        _ => None,
    }
}

/// The Windows-1252 byte of `character`, when it has one.
fn windows_1252_byte(character: char) -> Option<u8> {
    if character.is_ascii() {
        return u8::try_from(u32::from(character)).ok();
    }
    let mut buffer = [0u8; 4];
    let (bytes, _, had_errors) =
        encoding_rs::WINDOWS_1252.encode(character.encode_utf8(&mut buffer));
    match (had_errors, bytes.as_ref()) {
        (false, [byte]) => Some(*byte),
        _ => None,
    }
}

/// `text` in Windows-1252, what French Excel writes: the characters it lacks written as
/// their nearest stand-in (listed in the `Ok` value) or, when none is near, listed in the
/// `Err` value with their lines — nothing is dropped silently.
pub fn encode_windows_1252(text: &str) -> Result<(Vec<u8>, Vec<Replacement>), Vec<Unencodable>> {
    fn note(list: &mut Vec<(char, char, Vec<u64>)>, character: char, written: char, line: u64) {
        match list.iter_mut().find(|(seen, _, _)| *seen == character) {
            Some((_, _, lines)) => {
                if lines.last() != Some(&line) {
                    lines.push(line);
                }
            }
            None => list.push((character, written, vec![line])),
        }
    }
    let mut bytes = Vec::with_capacity(text.len());
    let mut replaced = Vec::new();
    let mut unencodable = Vec::new();
    let mut line = 1u64;
    for character in text.chars() {
        if let Some(byte) = windows_1252_byte(character) {
            bytes.push(byte);
        } else if let Some((near, byte)) = nearest_in_windows_1252(character)
            .and_then(|near| windows_1252_byte(near).map(|byte| (near, byte)))
        {
            bytes.push(byte);
            note(&mut replaced, character, near, line);
        } else {
            note(&mut unencodable, character, character, line);
        }
        if character == '\n' {
            line += 1;
        }
    }
    if unencodable.is_empty() {
        let replacements = replaced
            .into_iter()
            .map(|(character, written, lines)| Replacement {
                character,
                written,
                lines,
            })
            .collect();
        Ok((bytes, replacements))
    } else {
        Err(unencodable
            .into_iter()
            .map(|(character, _, lines)| Unencodable { character, lines })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::{Encoding, decode, encode_windows_1252};

    #[test]
    fn french_text_goes_to_windows_1252_and_back_exactly() {
        let text = "Élodie ; « déjà vu » — l’œuvre coûte 5\u{a0}€…\r\nÇa va\u{a0}?";
        let (bytes, replaced) = encode_windows_1252(text).expect("encodable");
        assert!(replaced.is_empty());
        assert!(std::str::from_utf8(&bytes).is_err(), "not UTF-8");
        assert_eq!(decode(&bytes), (text.into(), Encoding::Windows1252));
    }

    #[test]
    fn narrow_spaces_become_no_break_spaces_and_the_rest_is_refused_by_line() {
        let (bytes, replaced) =
            encode_windows_1252("a\u{202f}?\nb\nc\u{202f}! d\u{2011}e").expect("near");
        assert_eq!(decode(&bytes).0, "a\u{a0}?\nb\nc\u{a0}! d-e");
        assert_eq!(replaced.len(), 2);
        assert_eq!(
            replaced[0].to_string(),
            "U+202F written as U+00A0 (Windows-1252 has no U+202F) on lines 1, 3"
        );
        let refused = encode_windows_1252("ok\nça 😀\n\n😀 ✓").expect_err("refused");
        let refused: Vec<String> = refused.iter().map(ToString::to_string).collect();
        assert_eq!(
            refused,
            ["`😀` (U+1F600) on lines 2, 4", "`✓` (U+2713) on line 4"]
        );
    }
}
