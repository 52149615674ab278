//! Text measurement and line wrapping with the embedded font's own metrics, so that what is
//! measured is exactly what the PDF shows. Pure: no PDF here, only widths and lines.

use std::collections::HashMap;

use ab_glyph::{Font, FontRef};

/// A font file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the bundled font `{name}` cannot be read")]
pub struct UnreadableFont {
    pub name: &'static str,
}

/// Advance widths of a font, in font units, for every character the report may use.
#[derive(Debug, Clone)]
pub struct Metrics {
    units_per_em: f32,
    /// Characters below U+0250 (Latin, Latin-1, Latin Extended) by index.
    latin: Vec<f32>,
    /// Other characters met so far (typographic quotes, dashes, spaces, symbols).
    other: HashMap<char, f32>,
}

impl Metrics {
    pub fn from_ttf(bytes: &[u8], name: &'static str) -> Result<Metrics, UnreadableFont> {
        let font = FontRef::try_from_slice(bytes).map_err(|_| UnreadableFont { name })?;
        let units_per_em = font.units_per_em().ok_or(UnreadableFont { name })?;
        let advance = |character: char| font.h_advance_unscaled(font.glyph_id(character));
        let latin = (0u32..0x250)
            .map(|code| char::from_u32(code).map_or(0.0, advance))
            .collect();
        let other = "‘’“”«»–—…•·€‰′″\u{a0}\u{202f}\u{2009}\u{2002}\u{2003}−×÷≥≤→←↑↓■□☐✓✗"
            .chars()
            .map(|character| (character, advance(character)))
            .collect();
        Ok(Metrics {
            units_per_em,
            latin,
            other,
        })
    }

    fn advance(&self, character: char) -> f32 {
        #[cfg(test)]
        work::count();
        let code = character as usize;
        if code < self.latin.len() {
            self.latin[code]
        } else {
            // Unknown characters are measured as wide as an `M`: too wide rather than too narrow.
            self.other
                .get(&character)
                .copied()
                .unwrap_or(self.latin[usize::from(b'M')])
        }
    }

    /// The width of `text` set at `size` points, in points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text.chars().map(|character| self.advance(character)).sum();
        units / self.units_per_em * size
    }

    /// The width of one character set at `size` points, in points.
    fn char_width(&self, character: char, size: f32) -> f32 {
        self.advance(character) / self.units_per_em * size
    }
}

/// Counts the characters measured, so that tests assert on the work the layout does (linear
/// in the text's length) rather than on time.
#[cfg(test)]
mod work {
    use std::cell::Cell;

    thread_local! {
        static MEASURED: Cell<u64> = const { Cell::new(0) };
    }

    pub fn count() {
        MEASURED.with(|measured| measured.set(measured.get() + 1));
    }

    /// Characters measured on this thread by `run`.
    pub fn measured(run: impl FnOnce()) -> u64 {
        let before = MEASURED.with(Cell::get);
        run();
        MEASURED.with(Cell::get) - before
    }
}

/// Breaks `text` into lines no wider than `width` points at `size`. Lines break at ordinary
/// spaces only (never at the no-break spaces of French typography) and at explicit newlines;
/// a word wider than the line is cut between characters. An empty text gives no line.
pub fn wrap(metrics: &Metrics, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let space = metrics.width(" ", size);
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in paragraph.split(' ').filter(|word| !word.is_empty()) {
            let word_width = metrics.width(word, size);
            if !line.is_empty() && line_width + space + word_width <= width {
                line.push(' ');
                line.push_str(word);
                line_width += space + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_width <= width {
                line.push_str(word);
                line_width = word_width;
            } else {
                let mut pieces = cut_word(metrics, word, size, width);
                let last = pieces.pop().unwrap_or_default();
                lines.extend(pieces);
                line_width = metrics.width(&last, size);
                line = last;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// Cuts a word too long for a line into pieces that fit; each character is measured once.
fn cut_word(metrics: &Metrics, word: &str, size: f32, width: f32) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let mut piece_width = 0.0;
    for character in word.chars() {
        let character_width = metrics.char_width(character, size);
        if !piece.is_empty() && piece_width + character_width > width {
            pieces.push(std::mem::take(&mut piece));
            piece_width = 0.0;
        }
        piece.push(character);
        piece_width += character_width;
    }
    pieces.push(piece);
    pieces
}

/// Shortens `text` with an ellipsis so that it fits in `width` points; each character is
/// measured at most once, and no further than what fits.
pub fn ellipsize(metrics: &Metrics, text: &str, size: f32, width: f32) -> String {
    let ellipsis = metrics.width("…", size);
    let mut kept_width = 0.0;
    let mut cut = None;
    for (index, character) in text.char_indices() {
        kept_width += metrics.char_width(character, size);
        if cut.is_none() && kept_width + ellipsis > width {
            cut = Some(index);
        }
        if kept_width > width {
            let kept = &text[..cut.unwrap_or(index)];
            return format!("{}…", kept.trim_end());
        }
    }
    text.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts;

    fn metrics() -> Metrics {
        Metrics::from_ttf(fonts::REGULAR, "DejaVu Sans").expect("the bundled font reads")
    }

    #[test]
    fn widths_add_up_and_scale_with_size() {
        let m = metrics();
        let a = m.width("Créative", 10.0);
        assert!(a > 30.0 && a < 60.0, "{a}");
        assert!((m.width("Créative", 20.0) - 2.0 * a).abs() < 1e-3);
        assert!((m.width("ab", 10.0) - m.width("a", 10.0) - m.width("b", 10.0)).abs() < 1e-4);
        assert!(m.width("«\u{a0}»", 10.0) > m.width("«»", 10.0));
    }

    #[test]
    fn wrapped_lines_never_exceed_the_width() {
        let m = metrics();
        let text = "Les pratiques sont définies et écrites ; leur déploiement et leur mesure \
                    restent partiels. Anticonstitutionnellementdéraisonnablementlongmot final.";
        for width in [40.0, 80.0, 150.0, 300.0, 1000.0] {
            let lines = wrap(&m, text, 9.0, width);
            assert!(!lines.is_empty());
            for line in &lines {
                assert!(
                    m.width(line, 9.0) <= width + 1e-3,
                    "{line:?} wider than {width}"
                );
            }
            let joined: String = lines.concat().chars().filter(|c| *c != ' ').collect();
            let original: String = text.chars().filter(|c| *c != ' ').collect();
            assert_eq!(joined, original, "no character lost at width {width}");
        }
    }

    #[test]
    fn no_break_spaces_keep_words_together_and_newlines_break() {
        let m = metrics();
        let cases: [(&str, f32, Vec<&str>); 4] = [
            ("un deux", 1000.0, vec!["un deux"]),
            ("un\ndeux", 1000.0, vec!["un", "deux"]),
            ("«\u{a0}bonjour\u{a0}»", 1.0, vec![]),
            ("", 100.0, vec![]),
        ];
        for (text, width, expected) in cases {
            let lines = wrap(&m, text, 10.0, width);
            if width > 1.0 {
                assert_eq!(lines, expected, "{text:?}");
            } else {
                // Too narrow for anything: cut between characters, never at a space.
                assert!(lines.iter().all(|line| !line.contains(' ')), "{lines:?}");
            }
        }
        let quoted = "«\u{a0}bonjour\u{a0}» et «\u{a0}au revoir\u{a0}»";
        let lines = wrap(&m, quoted, 10.0, m.width("«\u{a0}bonjour\u{a0}» et", 10.0));
        assert_eq!(lines[0], "«\u{a0}bonjour\u{a0}» et");
    }

    /// 120,000 characters without a space, and 1 MB of combining accents: every character
    /// is measured a small, fixed number of times (the cut was quadratic).
    #[test]
    fn wrapping_and_ellipsis_are_linear_in_the_length() {
        let m = metrics();
        let long_word = "Organisation".repeat(10_000);
        let combining = "e\u{301}\u{308}".repeat(1_000_000 / 5);
        for text in [long_word.as_str(), combining.as_str()] {
            let characters = text.chars().count() as u64;
            let mut lines = Vec::new();
            let measured = work::measured(|| lines = wrap(&m, text, 9.0, 300.0));
            assert!(
                measured <= 3 * characters,
                "{measured} measures for {characters} characters"
            );
            assert_eq!(lines.concat(), text, "nothing lost");
            assert!(lines.iter().all(|line| m.width(line, 9.0) <= 300.0 + 1e-3));
            let mut short = String::new();
            let measured = work::measured(|| short = ellipsize(&m, text, 9.0, 300.0));
            assert!(
                measured <= 200,
                "{measured} measures to shorten a long text"
            );
            assert!(short.ends_with('…') && m.width(&short, 9.0) <= 300.0 + 1e-3);
        }
    }

    #[test]
    fn ellipsis_fits() {
        let m = metrics();
        let short = ellipsize(&m, "Segmentation et choix des clients", 9.0, 60.0);
        assert!(short.ends_with('…'));
        assert!(m.width(&short, 9.0) <= 60.0);
        assert_eq!(ellipsize(&m, "Court", 9.0, 60.0), "Court");
    }
}
