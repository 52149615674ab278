//! Cells a spreadsheet would run as a formula (CSV injection, as OWASP describes it): text
//! starting with `=`, `+`, `-`, `@`, a tab or a carriage return. Exports write such text with
//! a leading apostrophe, which spreadsheets show as text; the readers take that apostrophe
//! off again, so an export read back gives the same text.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` as it is safe to write in a CSV cell: with a leading `'` when it starts like a
/// formula, after any apostrophes it already has (so that reading it back is exact).
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if starts_like_formula(text.trim_start_matches('\'')) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The text a neutralised cell stood for: one leading `'` is taken off when what follows
/// the apostrophes starts like a formula.
pub fn restore(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if starts_like_formula(rest.trim_start_matches('\'')) => rest,
        _ => text,
    }
}

fn starts_like_formula(text: &str) -> bool {
    text.starts_with(FORMULA_STARTS)
}

#[cfg(test)]
mod tests {
    use super::{neutralise, restore};

    #[test]
    fn formula_starts_get_an_apostrophe_that_reading_takes_off() {
        for (text, written) in [
            (
                "=HYPERLINK(\"http://x\";\"clic\")",
                "'=HYPERLINK(\"http://x\";\"clic\")",
            ),
            ("+33 6 12", "'+33 6 12"),
            ("-5 % de churn", "'-5 % de churn"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("\rcmd", "'\rcmd"),
            ("'=déjà", "''=déjà"),
            ("''=x", "'''=x"),
            ("Claire (DG)", "Claire (DG)"),
            ("l'équipe", "l'équipe"),
            ("'cité'", "'cité'"),
            ("", ""),
        ] {
            assert_eq!(neutralise(text), written, "{text:?}");
            assert_eq!(restore(written), text, "{text:?}");
        }
    }
}
