//! Handlers that read and write the files the user picked in a dialog: exports and imports.
//! Each has a `_watched` form that reports its progress and can be cancelled (see
//! [`crate::operation`]): a cancelled import writes nothing, a cancelled export no file.

use std::io::Read;
use std::path::Path;

use tcm_interchange::answers_csv::CsvDialect;
use tcm_interchange::forms::FormFormat;
use tcm_interchange::portable::MAX_FILE_BYTES;
use tcm_store::{AssessmentId, ImportChoice, PortableImport};

use crate::error::{ApiError, ErrorKind};
use crate::files;
use crate::operation::Progress;
use crate::transfer::{
    ClassCaseView, ExportView, ImportChoiceInput, ImportOutcome, ImportReportView, ImportView,
    OperationStep,
};
use crate::workbench::Workbench;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ExportKind {
    /// Answers, long format, for Excel (`;`, UTF-8 with BOM: every character kept).
    Csv,
    Xlsx,
    Tcm,
    /// Forms of the questionnaire, in the assessment's language: the XLSX questionnaire to
    /// fill in, the XLSForm (KoboToolbox, ODK), the Google Apps Script, the Word document for
    /// Microsoft Forms' quick import, the LimeSurvey structure file, the choice labels.
    FormXlsx,
    FormXlsform,
    FormScript,
    FormWord,
    FormLimesurvey,
    FormChoices,
    /// The `.tcm` file with respondents anonymised (see [`files::export_anonymous_tcm`]).
    #[serde(rename = "anonymousTcm")]
    AnonymousTcm,
    /// The plan with milestones (XLSX): one row per action of the roadmap.
    Milestones,
    /// The report as an editable Word document, with the organisation's report settings.
    Docx,
}

/// Reads a file the user picked, at most [`MAX_FILE_BYTES`] (64 MiB, the bound of `tcm` too):
/// a larger file or a device is refused after one byte more, never held whole in memory.
fn read(path: &Path) -> Result<Vec<u8>, ApiError> {
    let cannot = |error: std::io::Error| {
        ApiError::new(
            ErrorKind::Storage,
            format!("cannot read {}: {error}", path.display()),
        )
    };
    let file = std::fs::File::open(path).map_err(cannot)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ApiError::invalid(format!(
            "{} is larger than {} MiB, the most the app reads of one file: is it the right file?",
            path.display(),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

pub fn export(
    workbench: &Workbench,
    assessment: i64,
    kind: ExportKind,
    path: &Path,
) -> Result<ExportView, ApiError> {
    export_watched(workbench, assessment, kind, path, &Progress::none())
}

/// [`export`], reporting its steps (for the Word report, the benchmark folder's files read
/// first); cancelled, it writes no file. Answers what the user should know of the file made.
pub fn export_watched(
    workbench: &Workbench,
    assessment: i64,
    kind: ExportKind,
    path: &Path,
    progress: &Progress,
) -> Result<ExportView, ApiError> {
    const DOING: &str = "the export";
    // The Word report reads the benchmark's folder first, as the PDF does: without holding
    // the database, its files counted in the progress, cancellable.
    let folder = match kind {
        ExportKind::Docx => crate::benchmark::FolderReading::remembered(workbench, progress)?,
        _ => crate::benchmark::FolderReading::none(),
    };
    progress.begin(OperationStep::Rendering, DOING)?;
    let bytes = workbench.with_store(|store, now| {
        let id = AssessmentId(assessment);
        match kind {
            ExportKind::Csv => {
                files::export_csv(store, id, CsvDialect::ExcelUtf8).map(|file| file.bytes)
            }
            ExportKind::Xlsx => files::export_xlsx(store, id, now),
            ExportKind::Tcm => files::export_tcm(store, id, now),
            ExportKind::FormXlsx => files::export_form(store, id, FormFormat::Xlsx),
            ExportKind::FormXlsform => files::export_form(store, id, FormFormat::XlsForm),
            ExportKind::FormScript => files::export_form(store, id, FormFormat::AppsScript),
            ExportKind::FormWord => files::export_form(store, id, FormFormat::MicrosoftForms),
            ExportKind::FormLimesurvey => files::export_form(store, id, FormFormat::LimeSurvey),
            ExportKind::FormChoices => files::export_form(store, id, FormFormat::Choices),
            ExportKind::AnonymousTcm => files::export_anonymous_tcm(store, id, now),
            ExportKind::Docx => {
                let (settings, language) = crate::reports::saved_settings(store, id)?;
                crate::reports::report_docx_with(
                    store,
                    id,
                    language,
                    now.date_naive(),
                    &settings,
                    &folder,
                )
            }
            ExportKind::Milestones => {
                crate::strategy::export_milestones(store, id, None, now.date_naive())
            }
        }
    })?;
    progress.begin(OperationStep::Saving, DOING)?;
    crate::files::write_output(&workbench.path(), path, &bytes)?;
    progress.advance(OperationStep::Saving, 1, 1);
    Ok(ExportView::of(&folder))
}

/// Imports a `.tcm` file; `choice` is what the user chose after a first import was refused
/// because of local work the file does not contain (see [`ErrorKind::ImportConflict`]).
pub fn import_tcm(
    workbench: &Workbench,
    path: &Path,
    choice: Option<ImportChoiceInput>,
) -> Result<ImportView, ApiError> {
    import_tcm_watched(workbench, path, choice, &Progress::none())
}

/// [`import_tcm`], reporting the answers written; cancelled, it writes nothing (a backup
/// taken before replacing or merging stays among the backups).
pub fn import_tcm_watched(
    workbench: &Workbench,
    path: &Path,
    choice: Option<ImportChoiceInput>,
    progress: &Progress,
) -> Result<ImportView, ApiError> {
    const DOING: &str = "the import";
    progress.begin(OperationStep::Reading, DOING)?;
    let bytes = read(path)?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let choice = match choice {
        None => ImportChoice::Safe,
        Some(ImportChoiceInput::AsCopy) => ImportChoice::AsCopy,
        Some(ImportChoiceInput::Replace) => ImportChoice::Replace,
        Some(ImportChoiceInput::Merge) => ImportChoice::Merge,
    };
    progress.begin(OperationStep::Checking, DOING)?;
    let imported = workbench.with_store(|store, now| {
        files::import_tcm_watched(store, &bytes, &name, choice, now, progress)
    })?;
    Ok(tcm_import_view(&imported))
}

/// What a `.tcm` import did, as the UI shows it.
pub fn tcm_import_view(imported: &files::TcmImported) -> ImportView {
    let outcome = &imported.outcome;
    let (name, backup, lost, conflicts) = match outcome {
        PortableImport::Created(_) => (ImportOutcome::Created, None, Vec::new(), Vec::new()),
        PortableImport::AlreadyPresent(_) => {
            (ImportOutcome::AlreadyPresent, None, Vec::new(), Vec::new())
        }
        PortableImport::Copied(_) => (ImportOutcome::Copied, None, Vec::new(), Vec::new()),
        PortableImport::Updated { backup, .. } => {
            (ImportOutcome::Updated, Some(backup), Vec::new(), Vec::new())
        }
        PortableImport::Replaced { backup, lost, .. } => (
            ImportOutcome::Replaced,
            Some(backup),
            lost.iter().map(ToString::to_string).collect(),
            Vec::new(),
        ),
        PortableImport::Merged {
            backup, conflicts, ..
        } => (
            ImportOutcome::Merged,
            Some(backup),
            Vec::new(),
            conflicts
                .iter()
                .map(|conflict| {
                    format!(
                        "{}: kept {} ({})",
                        conflict.item,
                        match conflict.kept {
                            tcm_interchange::portable::reconcile::Side::Local => "this computer's",
                            tcm_interchange::portable::reconcile::Side::File => "the file's",
                        },
                        conflict.reason
                    )
                })
                .collect(),
        ),
    };
    ImportView {
        assessment_id: outcome.assessment().0,
        outcome: name,
        answers_written: 0,
        respondents_added: 0,
        ignored_columns: Vec::new(),
        report: None,
        backup: backup.map(|path| path.display().to_string()),
        lost,
        conflicts,
        questionnaire_modified: imported.questionnaire_modified,
        class_case: imported.case.as_ref().map(|link| ClassCaseView {
            case_id: link.id.clone(),
            case_version: link.version.clone(),
            title: crate::catalogue::case(&link.id, &link.version)
                .ok()
                .map(|(case, _)| (&case.title).into()),
        }),
    }
}

/// Imports responses (CSV or XLSX) into an assessment.
pub fn import_responses(
    workbench: &Workbench,
    assessment: i64,
    path: &Path,
) -> Result<ImportView, ApiError> {
    import_responses_watched(workbench, assessment, path, &Progress::none())
}

/// [`import_responses`], reporting the answers written; cancelled, it writes nothing. The
/// file is read and checked without holding the database, so other actions go on meanwhile.
pub fn import_responses_watched(
    workbench: &Workbench,
    assessment: i64,
    path: &Path,
    progress: &Progress,
) -> Result<ImportView, ApiError> {
    const DOING: &str = "the import";
    progress.begin(OperationStep::Reading, DOING)?;
    let bytes = read(path)?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let id = AssessmentId(assessment);
    let questionnaire = workbench.with_store(|store, _| Ok(store.questionnaire(id)?))?;
    progress.begin(OperationStep::Checking, DOING)?;
    let read = files::read_responses(&questionnaire, &bytes, &name, Default::default())?;
    progress.check(DOING)?;
    let outcome = workbench
        .with_store(|store, now| files::write_responses(store, id, read, now, progress))?;
    Ok(ImportView {
        assessment_id: assessment,
        outcome: ImportOutcome::Responses,
        answers_written: crate::transfer::count(outcome.answers_written),
        respondents_added: crate::transfer::count(outcome.respondents_added),
        ignored_columns: outcome.ignored_columns,
        report: Some(ImportReportView::from(&outcome.report)),
        backup: None,
        lost: Vec::new(),
        conflicts: Vec::new(),
        questionnaire_modified: false,
        class_case: None,
    })
}
