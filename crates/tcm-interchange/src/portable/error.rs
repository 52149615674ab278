//! Why a `.tcm` file was refused, said with where: a line and column for broken JSON, the
//! path of a field (`answers[12].answer`) for a bad value.

use std::fmt;

use tcm_core::InvalidQuestionnaire;

/// What is wrong with one field of a `.tcm` file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldIssue {
    #[error("invalid {what} \"{value}\" (expected {expected})")]
    InvalidValue {
        what: &'static str,
        value: String,
        expected: String,
    },
    #[error("question `{question}` is not in the questionnaire snapshot")]
    UnknownQuestion { question: String },
    #[error("respondent `{respondent}` is not in `respondents`")]
    UnknownRespondent { respondent: String },
    #[error("it is empty")]
    Empty,
    #[error("respondent `{label}` is already listed at respondents[{first}]")]
    DuplicateRespondent { label: String, first: usize },
    #[error("respondent `{respondent}` already answered question `{question}` at answers[{first}]")]
    DuplicateAnswer {
        respondent: String,
        question: String,
        first: usize,
    },
    #[error("question `{question}` already has a consensus value at consensus[{first}]")]
    DuplicateConsensus { question: String, first: usize },
    #[error("initiative `{initiative}` already has an override at wave_overrides[{first}]")]
    DuplicateOverride { initiative: String, first: usize },
    #[error("the questionnaire snapshot says `{found}`")]
    SnapshotMismatch { found: String },
}

/// A bad field and its path in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    /// Where the field is: `assessment.targets.creative`, `answers[12].answer`.
    pub path: String,
    pub issue: FieldIssue,
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.issue)
    }
}

/// Why a `.tcm` file could not be read. Nothing of it is kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PortableError {
    #[error("the file is not valid JSON (line {line}, column {column}): {message}")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "the file is too large to be a TCM Workbench assessment file ({} bytes; the limit is {} MiB)",
        .bytes,
        .limit / (1024 * 1024)
    )]
    TooLarge { bytes: usize, limit: usize },
    #[error(
        "the key `{key}` is given twice in the same object, at `{path}` (line {line}, column {column}); a .tcm file gives each field once"
    )]
    DuplicateKey {
        key: String,
        path: String,
        line: usize,
        column: usize,
    },
    #[error(
        "the text at `{path}` is too long ({bytes} bytes; the limit is {} MiB)",
        .limit / (1024 * 1024)
    )]
    LongString {
        path: String,
        bytes: usize,
        limit: usize,
    },
    #[error("this is not a TCM Workbench assessment file: {reason}")]
    NotTcmFile { reason: String },
    #[error(
        "this file was made by a newer version of TCM Workbench (format version {found}; this version reads up to {supported}); update TCM Workbench to open it"
    )]
    NewerFormat { found: u64, supported: u64 },
    /// A field is missing or has the wrong type.
    #[error("{path}: {message}")]
    Malformed { path: String, message: String },
    #[error("the questionnaire snapshot does not parse:\n{}", .0.report())]
    InvalidSnapshot(InvalidQuestionnaire),
    #[error("{}", list(.0))]
    InvalidFields(Vec<FieldProblem>),
}

/// The first twenty problems, then how many more.
fn list(problems: &[FieldProblem]) -> String {
    const LISTED: usize = 20;
    let mut lines: Vec<String> = problems
        .iter()
        .take(LISTED)
        .map(ToString::to_string)
        .collect();
    if problems.len() > LISTED {
        lines.push(format!("and {} more", problems.len() - LISTED));
    }
    lines.join("\n")
}
