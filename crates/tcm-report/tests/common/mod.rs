//! The demo assessment on the TCM-92 grid, ready to render (`demo.rs`, also used by the
//! benchmark and the example), and the PDF tools the tests run.

// Each test binary uses part of these helpers.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

mod demo;
pub mod tagged;

#[allow(unused_imports)] // as with dead_code above: each test binary uses part
pub use demo::{Demo, GRID, date};

/// Runs a tool on a file and returns its standard output; the test fails if it cannot run
/// or exits with an error.
pub fn run(tool: &str, args: &[&str], file: &Path) -> String {
    let output = Command::new(tool)
        .args(args)
        .arg(file)
        .output()
        .unwrap_or_else(|error| {
            panic!("cannot run {tool} (install poppler-utils and qpdf): {error}")
        });
    assert!(
        output.status.success(),
        "{tool} failed on {}: {}",
        file.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// The text of a PDF, as `pdftotext` reads it (UTF-8, reading order).
pub fn text_of(file: &Path) -> String {
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(file)
        .arg("-")
        .output()
        .expect("cannot run pdftotext (install poppler-utils)");
    assert!(output.status.success());
    String::from_utf8(output.stdout).expect("UTF-8 text")
}

/// Collapses every kind of whitespace to one plain space, so that text wrapped over lines
/// or cells compares with the original.
pub fn flat(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn page_count(file: &Path) -> usize {
    run("pdfinfo", &[], file)
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|count| count.trim().parse().ok())
        .expect("pdfinfo gives a page count")
}
