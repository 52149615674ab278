//! How a command fails: what it prints on stderr and the exit code.

use std::process::ExitCode;

/// A command's failure. Every variant is printed in full on stderr; the exit code is 1
/// (usage errors, handled by clap, exit with 2).
#[derive(Debug)]
pub enum Failure {
    /// Located problems, one per line, already formatted (`file:line:col: message`,
    /// `file: line N: message`).
    Problems(Vec<String>),
    /// A single error with its causes.
    Error(anyhow::Error),
}

/// The longest line of a message printed, in characters: a 10 MB question id quoted in a
/// message must not print 10 MB.
const MAX_LINE: usize = 2_000;

/// A line of a message as printed: control characters escaped, cut at [`MAX_LINE`].
fn printable(line: &str) -> String {
    let excerpt = tcm_core::limits::quoted_excerpt(line, MAX_LINE);
    tcm_core::limits::escape_controls(&excerpt).into_owned()
}

impl Failure {
    pub fn report(self) -> ExitCode {
        match self {
            Failure::Problems(lines) => {
                for line in lines {
                    eprintln!("{}", printable(&line));
                }
            }
            Failure::Error(error) => {
                let message = format!("error: {error:#}");
                for line in message.lines() {
                    eprintln!("{}", printable(line));
                }
            }
        }
        ExitCode::from(1)
    }
}

impl From<anyhow::Error> for Failure {
    fn from(error: anyhow::Error) -> Failure {
        Failure::Error(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_lines_are_bounded_and_escaped() {
        let line = printable(&format!("question `{}` unknown", "q".repeat(10_000_000)));
        assert!(line.chars().count() <= MAX_LINE + 1, "{}", line.len());
        assert!(line.ends_with('…'));
        assert_eq!(printable("label « A\u{1b}[2J »"), "label « A\\u{1B}[2J »");
    }
}
