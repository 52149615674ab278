//! Moving assessments in and out of the database: exports (CSV, XLSX, portable `.tcm`) and
//! imports (`.tcm` files, responses from CSV or XLSX). Bytes in and out; the callers (the
//! CLI, the desktop shell) read and write the files.

use chrono::{DateTime, Utc};
use tcm_core::action_plan::{ActionPlan, action_plan};
use tcm_core::{ActionLink, Language, Scorecard};
use tcm_interchange::answers_csv::{CsvDialect, CsvFile, write_answers_csv};
use tcm_interchange::import::{
    FileKind, ImportOptions, ImportReport, ImportedResponses, read_responses_with,
};
use tcm_interchange::portable;
use tcm_interchange::workbook::{ActionRow, WorkbookInput, write_workbook};
use tcm_store::{AssessmentId, ImportChoice, PortableImport, Store, StoredAction};

use crate::catalogue;
use crate::operation::Progress;
use crate::transfer::OperationStep;

use crate::error::{ApiError, ErrorKind};

/// The assessment's action plan: proposals from its scores merged with the kept actions.
/// Proposals are worded in `language`, the assessment's own when `None`.
pub fn plan_of(
    store: &mut Store,
    id: AssessmentId,
    language: Option<Language>,
) -> Result<(ActionPlan, Scorecard), ApiError> {
    let (plan, card, _) = plan_with_kept(store, id, language)?;
    Ok((plan, card))
}

/// [`plan_of`], with the stored actions it merged: a kept item's `kept` position indexes them.
pub fn plan_with_kept(
    store: &mut Store,
    id: AssessmentId,
    language: Option<Language>,
) -> Result<(ActionPlan, Scorecard, Vec<StoredAction>), ApiError> {
    let stored = store.assessment(id)?;
    let (questionnaire, _, card) = store.score_assessment(id)?;
    let kept = store.list_actions(id)?;
    let actions: Vec<_> = kept.iter().map(|stored| stored.action.clone()).collect();
    let plan = action_plan(
        &questionnaire,
        &card,
        &stored.assessment.targets,
        &actions,
        language.unwrap_or(stored.assessment.language),
    );
    Ok((plan, card, kept))
}

/// Answers in long format, as `tcm score` reads them. In Windows-1252, the characters it
/// lacks are written as their nearest stand-in (listed in the file's `replacements`) or, with
/// none near, refused with their lines.
pub fn export_csv(
    store: &mut Store,
    id: AssessmentId,
    dialect: CsvDialect,
) -> Result<CsvFile, ApiError> {
    write_answers_csv(&store.answer_sheet(id)?, dialect)
        .map_err(|error| ApiError::invalid(error.to_string()))
}

/// A form of the assessment's questionnaire in its language, to send out before a workshop
/// (see `docs/forms.md`); its answers import back with [`import_responses`].
pub fn export_form(
    store: &mut Store,
    id: AssessmentId,
    format: tcm_interchange::forms::FormFormat,
) -> Result<Vec<u8>, ApiError> {
    let language = store.assessment(id)?.assessment.language;
    let questionnaire = store.questionnaire(id)?;
    tcm_interchange::forms::write_form(&questionnaire, language, format)
        .map_err(|error| ApiError::invalid(error.to_string()))
}

/// The workbook: scores, answers matrix, comments, action plan.
pub fn export_xlsx(
    store: &mut Store,
    id: AssessmentId,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, ApiError> {
    let stored = store.assessment(id)?;
    let organisation = store.organisation(stored.organisation)?.organisation;
    let respondents: Vec<_> = store
        .list_respondents(id)?
        .into_iter()
        .map(|respondent| respondent.profile)
        .collect();
    let (questionnaire, sheet, _) = store.score_assessment(id)?;
    let (plan, card) = plan_of(store, id, None)?;
    let actions: Vec<ActionRow> = plan
        .items
        .iter()
        .map(|item| ActionRow {
            title: item.action.title.clone(),
            stage: item.stage,
            question: match &item.action.link {
                ActionLink::Question(question) => Some(question.clone()),
                ActionLink::Stage(_) => None,
            },
            gap: item.gap.map(|gap| gap.levels),
            impact: item.action.impact,
            effort: item.action.effort,
            priority: item.priority(),
            owner: item.action.owner.clone(),
            due: item.action.due,
            status: item.action.status,
        })
        .collect();
    write_workbook(&WorkbookInput {
        questionnaire: &questionnaire,
        organisation: &organisation,
        assessment: &stored.assessment,
        scorecard: &card,
        respondents: &respondents,
        answers: &sheet,
        actions: &actions,
        date: now.date_naive(),
    })
    .map_err(|error| ApiError::new(ErrorKind::Internal, error.to_string()))
}

/// The portable `.tcm` file of an assessment.
pub fn export_tcm(
    store: &mut Store,
    id: AssessmentId,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, ApiError> {
    Ok(portable::to_json(&store.export_portable(id)?, now))
}

/// The anonymised `.tcm` file of an assessment, for sharing or benchmarking (see
/// [`portable::anonymised`]).
pub fn export_anonymous_tcm(
    store: &mut Store,
    id: AssessmentId,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, ApiError> {
    let copy = portable::anonymised(&store.export_portable(id)?);
    Ok(portable::to_json(&copy, now))
}

/// Writes a file the user asked for, whole or not at all, never over the database at
/// `database`, its companion files or its backups (see [`tcm_store::output`]).
pub fn write_output(
    database: &std::path::Path,
    path: &std::path::Path,
    bytes: &[u8],
) -> Result<(), ApiError> {
    let protected = tcm_store::output::ProtectedPaths::of_database(database);
    Ok(tcm_store::output::write_output(
        path,
        bytes,
        Some(&protected),
    )?)
}

/// Checks, before anything is written, that `path` may receive a file the user asked for
/// (see [`tcm_store::output::check_output`]).
pub fn check_output_path(
    database: &std::path::Path,
    path: &std::path::Path,
) -> Result<(), ApiError> {
    let protected = tcm_store::output::ProtectedPaths::of_database(database);
    tcm_store::output::check_output(path, Some(&protected))?;
    Ok(())
}

/// What importing a `.tcm` file did.
#[derive(Debug, Clone, PartialEq)]
pub struct TcmImported {
    pub outcome: PortableImport,
    /// The file's questionnaire has the id and version of a bundled one but other content:
    /// it is shown everywhere as modified.
    pub questionnaire_modified: bool,
    /// The case study the file's class exercise audits.
    pub case: Option<portable::CaseLink>,
}

/// Imports a `.tcm` file; `choice` says what to do when its assessment is already here with
/// local work the file does not contain.
pub fn import_tcm(
    store: &mut Store,
    bytes: &[u8],
    file: &str,
    choice: ImportChoice,
    now: DateTime<Utc>,
) -> Result<TcmImported, ApiError> {
    import_tcm_watched(store, bytes, file, choice, now, &Progress::none())
}

/// [`import_tcm`], reporting the answers written and stopped, writing nothing, when
/// `progress` is cancelled.
pub fn import_tcm_watched(
    store: &mut Store,
    bytes: &[u8],
    file: &str,
    choice: ImportChoice,
    now: DateTime<Utc>,
    progress: &Progress,
) -> Result<TcmImported, ApiError> {
    let portable = portable::from_json(bytes)
        .map_err(|error| ApiError::invalid(format!("{file} cannot be imported: {error}")))?;
    let questionnaire_modified = portable
        .questionnaire()
        .map(|questionnaire| catalogue::is_modified(&questionnaire))
        .unwrap_or(false);
    progress.check("the import")?;
    let outcome = store.import_portable_watched(
        &portable,
        choice,
        now,
        &mut progress.watch(OperationStep::Writing),
    )?;
    Ok(TcmImported {
        outcome,
        questionnaire_modified,
        case: portable.case,
    })
}

/// What a response import did.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponsesImported {
    pub respondents_added: usize,
    pub respondents_updated: usize,
    pub answers_written: usize,
    /// Columns of a wide file that were not questions (timestamps, e-mail…).
    pub ignored_columns: Vec<String>,
    /// How the file was read: the respondents' column, question columns, proposals.
    pub report: ImportReport,
}

/// The kind of a responses file, from its name.
pub fn file_kind(name: &str) -> Result<FileKind, ApiError> {
    let lower = name.to_lowercase();
    if lower.ends_with(".xlsx") {
        Ok(FileKind::Xlsx)
    } else if lower.ends_with(".csv") || lower.ends_with(".txt") {
        Ok(FileKind::Csv)
    } else {
        Err(ApiError::invalid(format!(
            "{name}: responses are read from .csv or .xlsx files"
        )))
    }
}

/// Imports responses (long or wide, CSV or XLSX) into an assessment: all or nothing.
pub fn import_responses(
    store: &mut Store,
    id: AssessmentId,
    bytes: &[u8],
    file: &str,
    now: DateTime<Utc>,
) -> Result<ResponsesImported, ApiError> {
    import_responses_with(store, id, bytes, file, ImportOptions::default(), now)
}

/// [`import_responses`] with the user's choices (a 1–5 scale).
pub fn import_responses_with(
    store: &mut Store,
    id: AssessmentId,
    bytes: &[u8],
    file: &str,
    options: ImportOptions,
    now: DateTime<Utc>,
) -> Result<ResponsesImported, ApiError> {
    let questionnaire = store.questionnaire(id)?;
    let imported = read_responses(&questionnaire, bytes, file, options)?;
    write_responses(store, id, imported, now, &Progress::none())
}

/// Reads and checks a responses file against the assessment's questionnaire, before
/// anything is written (the first half of [`import_responses_with`]).
pub fn read_responses(
    questionnaire: &tcm_core::Questionnaire,
    bytes: &[u8],
    file: &str,
    options: ImportOptions,
) -> Result<ImportedResponses, ApiError> {
    read_responses_with(bytes, file_kind(file)?, questionnaire, options)
        .map_err(|error| ApiError::invalid(format!("{file}: nothing was imported.\n{error}")))
}

/// Writes responses read by [`read_responses`] in one unit of work, reporting the answers
/// written; cancelled through `progress`, it writes nothing.
pub fn write_responses(
    store: &mut Store,
    id: AssessmentId,
    imported: ImportedResponses,
    now: DateTime<Utc>,
    progress: &Progress,
) -> Result<ResponsesImported, ApiError> {
    let outcome = store.import_responses_watched(
        id,
        &imported.respondents,
        &imported.sheet,
        now,
        &mut progress.watch(OperationStep::Writing),
    )?;
    Ok(ResponsesImported {
        respondents_added: outcome.respondents_added,
        respondents_updated: outcome.respondents_updated,
        answers_written: outcome.answers_written,
        ignored_columns: imported.ignored_columns,
        report: imported.report,
    })
}
