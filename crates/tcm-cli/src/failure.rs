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

impl Failure {
    pub fn report(self) -> ExitCode {
        match self {
            Failure::Problems(lines) => {
                for line in lines {
                    eprintln!("{line}");
                }
            }
            Failure::Error(error) => eprintln!("error: {error:#}"),
        }
        ExitCode::from(1)
    }
}

impl From<anyhow::Error> for Failure {
    fn from(error: anyhow::Error) -> Failure {
        Failure::Error(error)
    }
}
