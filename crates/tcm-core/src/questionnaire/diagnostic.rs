//! Problems found in a questionnaire file, each located as `file:line:column`.

use std::fmt;
use std::ops::Range;

/// One problem in a file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file's name as the user gave it.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// Every problem found in a questionnaire file, in the order they appear in it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} has {} problem(s); first: {}", .file, .diagnostics.len(), .diagnostics.first().map(ToString::to_string).unwrap_or_default())]
pub struct InvalidQuestionnaire {
    pub file: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl InvalidQuestionnaire {
    /// Every problem, one `file:line:column: message` per line.
    pub fn report(&self) -> String {
        self.diagnostics
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Turns byte offsets of a text into lines and columns.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex<'t> {
    text: &'t str,
    line_starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> LineIndex<'t> {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(offset, _)| offset + 1))
            .collect();
        LineIndex { text, line_starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1);
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |prefix| prefix.chars().count());
        (line + 1, column + 1)
    }
}

/// Collects diagnostics for one file.
#[derive(Debug)]
pub(crate) struct DiagnosticSink<'t> {
    file: String,
    lines: LineIndex<'t>,
    diagnostics: Vec<(usize, Diagnostic)>,
}

impl<'t> DiagnosticSink<'t> {
    pub fn new(file: &str, text: &'t str) -> DiagnosticSink<'t> {
        DiagnosticSink {
            file: file.to_owned(),
            lines: LineIndex::new(text),
            diagnostics: Vec::new(),
        }
    }

    /// Records a problem at the start of `span`.
    pub fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        let (line, column) = self.lines.locate(span.start);
        self.diagnostics.push((
            span.start,
            Diagnostic {
                file: self.file.clone(),
                line,
                column,
                message: message.into(),
            },
        ));
    }

    /// The 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines.locate(offset).0
    }

    /// The 1-based column of a byte offset.
    pub fn column_of(&self, offset: usize) -> usize {
        self.lines.locate(offset).1
    }

    /// The problems found, sorted by position; `Ok(())` when there are none.
    pub fn finish(self) -> Result<(), InvalidQuestionnaire> {
        if self.diagnostics.is_empty() {
            return Ok(());
        }
        let mut diagnostics = self.diagnostics;
        diagnostics.sort_by_key(|(offset, _)| *offset);
        Err(InvalidQuestionnaire {
            file: self.file,
            diagnostics: diagnostics
                .into_iter()
                .map(|(_, diagnostic)| diagnostic)
                .collect(),
        })
    }
}
