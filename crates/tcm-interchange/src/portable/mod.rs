//! The portable `.tcm` file: one assessment with its questionnaire snapshot, respondents,
//! answers, consensus values, action plan and finalised scores, in a versioned JSON format
//! documented in `docs/tcm-file-format.md`. It moves an assessment from one computer to
//! another; importing the same assessment twice is recognised by its `uuid`.
//!
//! Domain types stay non-serializable: the JSON shape lives in private transfer structs.

mod anonymise;
mod error;
mod fields;
mod json;
mod model;
mod read;
pub mod reconcile;
mod transfer;
mod values;
mod write;

pub use anonymise::anonymised;
pub use error::{FieldIssue, FieldProblem, PortableError};
pub use model::{AgreedValue, CaseLink, PortableAssessment, RecordedAnswer, ScoreSnapshot};
pub use read::from_json;
pub use write::to_json;

/// The value of the document's `format` field.
pub const FORMAT: &str = "tcm-workbench/assessment";

/// The format version this crate writes, and the newest it reads.
pub const FORMAT_VERSION: u64 = 1;

/// The largest `.tcm` file read: 64 MiB, refused before parsing. A 30-respondent tcm-92
/// assessment with comments is under 2 MB.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// The longest string value read, in bytes: 4 MiB (the tcm-92 snapshot is 160 KB).
pub const MAX_STRING_BYTES: usize = 4 * 1024 * 1024;

/// The name the questionnaire snapshot goes by in diagnostics.
const SNAPSHOT_FILE: &str = "questionnaire.snapshot";
