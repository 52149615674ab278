//! Files in and out of the TCM domain. Bytes in, domain values out (and back): this crate
//! never opens a file itself, so every format is tested on in-memory data.
//!
//! - [`answers_csv`]: answers in long format, `respondent,question,answer[,comment]`.
//! - [`text`]: decoding real-world text files (BOM, Windows-1252) and sniffing delimiters.

pub mod answers_csv;
pub mod text;

pub use answers_csv::{AnswersCsvError, RowProblem, read_answers_csv};
