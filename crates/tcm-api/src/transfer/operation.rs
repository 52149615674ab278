//! How far a long operation is, as the progress dialog shows it.

use serde::Serialize;
use ts_rs::TS;

/// The part of a long operation under way, in the order an operation goes through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum OperationStep {
    /// Reading the file or files the user chose.
    Reading,
    /// Checking what they hold (every row, every group's file).
    Checking,
    /// Gathering the assessment's data and scores for an export.
    Gathering,
    /// Making the document (PDF, workbook, file).
    Rendering,
    /// Copying the database (backup, restore), in pages.
    Copying,
    /// Writing into the database, in answers: cancelling still writes nothing.
    Writing,
    /// Writing the finished file the user asked for.
    Saving,
}

/// One report of a long operation: `done` of `total` units of its current step (`total` 0:
/// a step that cannot be measured).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProgressView {
    pub step: OperationStep,
    pub done: u32,
    pub total: u32,
}
