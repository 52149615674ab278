//! Handlers that read and write the files the user picked in a dialog: exports and imports.

use std::path::Path;

use tcm_interchange::answers_csv::CsvDialect;
use tcm_store::{AssessmentId, PortableImport};

use crate::error::{ApiError, ErrorKind};
use crate::files;
use crate::transfer::{ImportOutcome, ImportView};
use crate::workbench::Workbench;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ExportKind {
    /// Answers, long format, for French Excel (`;`, BOM).
    Csv,
    Xlsx,
    Tcm,
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    // Written next to the target then renamed, so a failure never leaves half a file.
    let partial = path.with_extension("partial");
    std::fs::write(&partial, bytes)
        .and_then(|()| std::fs::rename(&partial, path))
        .map_err(|error| {
            let _ = std::fs::remove_file(&partial);
            ApiError::new(
                ErrorKind::Storage,
                format!("cannot write {}: {error}", path.display()),
            )
        })
}

fn read(path: &Path) -> Result<Vec<u8>, ApiError> {
    std::fs::read(path).map_err(|error| {
        ApiError::new(
            ErrorKind::Storage,
            format!("cannot read {}: {error}", path.display()),
        )
    })
}

pub fn export(
    workbench: &Workbench,
    assessment: i64,
    kind: ExportKind,
    path: &Path,
) -> Result<(), ApiError> {
    let bytes = workbench.with_store(|store, now| {
        let id = AssessmentId(assessment);
        match kind {
            ExportKind::Csv => files::export_csv(store, id, CsvDialect::ExcelFrench),
            ExportKind::Xlsx => files::export_xlsx(store, id, now),
            ExportKind::Tcm => files::export_tcm(store, id, now),
        }
    })?;
    write(path, &bytes)
}

/// Imports a `.tcm` file.
pub fn import_tcm(workbench: &Workbench, path: &Path) -> Result<ImportView, ApiError> {
    let bytes = read(path)?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let outcome =
        workbench.with_store(|store, now| files::import_tcm(store, &bytes, &name, now))?;
    Ok(ImportView {
        assessment_id: outcome.assessment().0,
        outcome: match outcome {
            PortableImport::Created(_) => ImportOutcome::Created,
            PortableImport::Updated(_) => ImportOutcome::Updated,
            PortableImport::AlreadyPresent(_) => ImportOutcome::AlreadyPresent,
        },
        answers_written: 0,
        respondents_added: 0,
        ignored_columns: Vec::new(),
    })
}

/// Imports responses (CSV or XLSX) into an assessment.
pub fn import_responses(
    workbench: &Workbench,
    assessment: i64,
    path: &Path,
) -> Result<ImportView, ApiError> {
    let bytes = read(path)?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let outcome = workbench.with_store(|store, now| {
        files::import_responses(store, AssessmentId(assessment), &bytes, &name, now)
    })?;
    Ok(ImportView {
        assessment_id: assessment,
        outcome: ImportOutcome::Responses,
        answers_written: crate::transfer::count(outcome.answers_written),
        respondents_added: crate::transfer::count(outcome.respondents_added),
        ignored_columns: outcome.ignored_columns,
    })
}
