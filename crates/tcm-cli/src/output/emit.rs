//! Writing a command's output to stdout. A closed pipe (`tcm … | head`) ends the output
//! quietly instead of panicking.

use std::io::Write;

use crate::failure::Failure;

/// Writes `text` to stdout. Returns `Ok` when the reader went away.
pub fn emit(text: &str) -> Result<(), Failure> {
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
