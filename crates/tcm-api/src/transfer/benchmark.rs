//! The private benchmark as the UI shows it: for each stage and the index, the quartiles of
//! the consultant's past audits, the client's place on them and how many audits a figure
//! rests on. Never a single client's figure: no minimum, no maximum, no list of audits.

use serde::Serialize;
use ts_rs::TS;

use super::{BenchmarkFilter, BenchmarkPosition, StageId};

/// One figure: a stage's score (or the index) among the past audits of a cell of at least
/// five.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BenchmarkFigureView {
    /// The stage; `null` for the overall index.
    pub stage: Option<StageId>,
    /// The stage's name (from the assessment's grid) or "TCM index", in the language asked.
    pub label: String,
    /// The cell the figure is drawn from, as a filter (never `most-specific`).
    pub cell: BenchmarkFilter,
    /// The audits it rests on: always at least five.
    pub count: u32,
    /// First quartile, median and third quartile, 0–100 rounded to 0.1.
    pub first: f64,
    pub median: f64,
    pub third: f64,
    /// The client's score (rounded to 0.1) and its place; `null` when the client has none.
    pub client: Option<f64>,
    pub position: Option<BenchmarkPosition>,
    /// "Proactive : quartile inférieur de vos 14 audits du secteur Industrie".
    pub sentence: String,
}

/// A filter the user may choose, with the audits its cell holds (at least five).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BenchmarkFilterOption {
    pub filter: BenchmarkFilter,
    pub count: u32,
}

/// The benchmark of one assessment against the consultant's other clients.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BenchmarkView {
    #[ts(type = "number")]
    pub assessment: i64,
    /// The filter applied.
    pub filter: BenchmarkFilter,
    /// The filters worth offering; empty when no cell holds five audits.
    pub filters: Vec<BenchmarkFilterOption>,
    /// In the order of the cycle, then the index; empty when no cell holds five audits.
    pub figures: Vec<BenchmarkFigureView>,
    /// The folder of `.tcm` files added to the database's audits, as remembered in the
    /// database (or given for this report), if one was chosen.
    pub folder: Option<String>,
    /// Why that folder could not be used at all (gone, not a folder, unreadable): the
    /// benchmark then rests on the database's audits alone.
    pub folder_problem: Option<BenchmarkFolderProblem>,
    /// Files of that folder that were read and counted (at most one audit per client).
    pub files_read: u32,
    /// Files of that folder that were not counted (damaged, foreign, too large, a class
    /// exercise…), each in `refused` up to its first [`crate::benchmark::MAX_LISTED_REFUSALS`].
    pub files_refused: u32,
    /// The files not counted, with the reason, in the order of their names.
    pub refused: Vec<RefusedBenchmarkFile>,
    /// `.tcm` files beyond the first [`crate::benchmark::MAX_FOLDER_FILES`] by name, not read.
    pub files_not_read: u32,
}

/// Why the benchmark's folder could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum BenchmarkFolderIssue {
    /// The folder is not there any more (moved, renamed, deleted, its disk not connected).
    Missing,
    /// The path is a file, not a folder.
    NotAFolder,
    /// The folder is there but cannot be listed (permissions, a network share gone…).
    Unreadable,
}

/// The benchmark's folder could not be used: what, and a message naming it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BenchmarkFolderProblem {
    pub issue: BenchmarkFolderIssue,
    /// Says what and where, for people (English; the UI words `issue` itself).
    pub message: String,
}

/// What an export of a file tells the user besides where it went: for the report (PDF or
/// Word), the benchmark's remembered folder when it could not be read — the report was made
/// without its audits. Other exports leave both empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportView {
    /// The benchmark's remembered folder, when the report had to leave it out.
    pub benchmark_folder: Option<String>,
    /// Why that folder was left out of the report, when it was.
    pub benchmark_folder_problem: Option<BenchmarkFolderProblem>,
}

/// Why a file of the benchmark's folder was not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum BenchmarkFileRefusal {
    /// Larger than a `.tcm` file may be.
    TooLarge,
    /// Not a regular file (a folder, a device, a pipe named `.tcm`).
    NotAFile,
    /// The file could not be opened or read.
    Unreadable,
    /// Not a `.tcm` file, or a damaged or newer one.
    NotAnAudit,
    /// A `.tcm` file whose questionnaire cannot be read.
    InvalidQuestionnaire,
    /// A class exercise, not a client's audit.
    ClassExercise,
}

/// A file of the benchmark's folder that was not counted, and why.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RefusedBenchmarkFile {
    /// The file's name in the folder.
    pub file: String,
    pub reason: BenchmarkFileRefusal,
    /// Says what, for people (English; the UI words `reason` itself).
    pub message: String,
}
