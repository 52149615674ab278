//! Writing a command's output to stdout. A closed pipe (`tcm … | head`) ends the output
//! quietly instead of panicking. Control characters that stored texts may hold (an ESC
//! sequence in a label written by an older version) are shown as `\u{1B}`, never sent to
//! the terminal.

use std::io::Write;

use crate::failure::Failure;

/// Writes `text` to stdout. Returns `Ok` when the reader went away.
pub fn emit(text: &str) -> Result<(), Failure> {
    let text = tcm_core::limits::escape_controls(text);
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(Failure::Error(anyhow::anyhow!(
            "writing the output: {error}"
        ))),
    }
}

/// Writes `text` and a newline.
pub fn line(text: &str) -> Result<(), Failure> {
    emit(&format!("{text}\n"))
}
