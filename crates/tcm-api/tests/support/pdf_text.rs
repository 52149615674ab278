//! The text of a PDF as a reader sees it, for tests: poppler's `pdftotext`, with the French
//! no-break spaces (U+00A0, U+202F) read as plain spaces so expectations stay readable.

use std::path::Path;
use std::process::Command;

/// The text of the PDF at `path`; fails the test when `pdftotext` is missing or fails.
pub fn pdf_text(path: &Path) -> String {
    let output = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    assert!(
        output.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    String::from_utf8(output.stdout)
        .expect("utf-8")
        .replace(['\u{a0}', '\u{202f}'], " ")
}
