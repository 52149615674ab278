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
    /// The folder of `.tcm` files added to the database's audits, if one was chosen.
    pub folder: Option<String>,
    /// Files of that folder that were read and counted (at most one audit per client).
    pub files_read: u32,
    /// Files of that folder that could not be read (damaged, foreign, too large).
    pub files_refused: u32,
}
