//! The PDF report of an assessment, the blank printable grid, and the demo company.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use tcm_core::{Assessment, AssessmentStatus, Language, Mode};
use tcm_report::{
    History, PreviousAssessment, ReportInput, ReportSettings, render_blank_grid, render_report,
};
use tcm_store::{AssessmentId, NewAssessment, Store};

use crate::benchmark::{FolderReading, FolderSource};
use crate::catalogue;
use crate::error::{ApiError, ErrorKind};
use crate::files::plan_of;
use crate::operation::Progress;
use crate::results::previous_scorecard;
use crate::transfer::{ExportView, OperationStep};
use crate::workbench::Workbench;

/// The global ids of the demo's two assessments: opening the demo twice reuses them.
const DEMO_CURRENT: &str = "tcm-demo-workshop";
const DEMO_PREVIOUS: &str = "tcm-demo-self-assessment";

fn report_error(error: tcm_report::ReportError) -> ApiError {
    ApiError::new(
        ErrorKind::Internal,
        format!("the report could not be made: {error}"),
    )
}

/// The settings a report of `id` uses when the caller gives none: its organisation's saved
/// ones, and their language.
pub fn saved_settings(
    store: &Store,
    id: AssessmentId,
) -> Result<(ReportSettings, Option<Language>), ApiError> {
    let stored = store.assessment(id)?;
    let record = store.report_settings(stored.organisation)?;
    Ok((
        crate::report_settings::report_settings_of(&record)?,
        record.language,
    ))
}

/// Builds an assessment's report input and hands it to `render`. `language`: the one asked
/// for, else the one of the settings, else the assessment's own.
fn with_report_input<T>(
    store: &mut Store,
    id: AssessmentId,
    language: Option<Language>,
    date: NaiveDate,
    settings: &ReportSettings,
    folder: &FolderReading,
    render: impl FnOnce(&ReportInput<'_>) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let stored = store.assessment(id)?;
    let language = language.unwrap_or(stored.assessment.language);
    let organisation = store.organisation(stored.organisation)?.organisation;
    let respondents: Vec<_> = store
        .list_respondents(id)?
        .into_iter()
        .map(|respondent| respondent.profile)
        .collect();
    let (questionnaire, sheet, _) = store.score_assessment(id)?;
    let (plan, card) = plan_of(store, id, Some(language))?;
    let previous = previous_scorecard(store, id)?;
    let strategy = crate::strategy::derive_strategy(
        &questionnaire,
        &sheet,
        &card,
        &stored.assessment.targets,
        &plan,
        stored.created_at.date_naive(),
        &store.wave_overrides(id)?,
    );
    let follow_up = crate::follow_up::follow_up_of(store, id, None)?;
    let history = follow_up
        .comparison
        .as_ref()
        .map(|(before, deltas, closed)| History {
            trend: &follow_up.trend,
            since: follow_up.audits[*before].date,
            deltas,
            closed,
        });
    // The database's other clients and the folder's audits (none when it could not be read).
    let benchmark = crate::benchmark::benchmark_of(
        store,
        id,
        tcm_core::strategy::benchmark::Filter::MostSpecific,
        folder.audits(),
    )?;
    let input = ReportInput {
        organisation: &organisation,
        assessment: &stored.assessment,
        questionnaire: &questionnaire,
        questionnaire_modified: catalogue::is_modified(&questionnaire),
        scorecard: &card,
        respondents: &respondents,
        answers: &sheet,
        plan: &plan,
        previous: previous
            .as_ref()
            .map(|(scorecard, date)| PreviousAssessment {
                scorecard,
                date: *date,
            }),
        strategy: Some(&strategy),
        history,
        benchmark: Some(&benchmark.figures),
        date,
        language,
        settings: Some(settings),
    };
    render(&input)
}

/// An assessment's report as PDF bytes, dated `date`, with its organisation's saved report
/// settings and the benchmark's remembered folder (left out, never failing the report, when
/// it cannot be read); in `language`, else the settings' language, else the assessment's.
pub fn report_pdf(
    store: &mut Store,
    id: AssessmentId,
    language: Option<Language>,
    date: NaiveDate,
) -> Result<Vec<u8>, ApiError> {
    let (settings, saved_language) = saved_settings(store, id)?;
    let folder = FolderReading::of(FolderSource::Remembered, store, &Progress::none())?;
    report_pdf_with(
        store,
        id,
        language.or(saved_language),
        date,
        &settings,
        &folder,
    )
}

/// An assessment's report as PDF bytes with the given settings and benchmark folder (read
/// by [`FolderReading::of`], which says when it could not be).
pub fn report_pdf_with(
    store: &mut Store,
    id: AssessmentId,
    language: Option<Language>,
    date: NaiveDate,
    settings: &ReportSettings,
    folder: &FolderReading,
) -> Result<Vec<u8>, ApiError> {
    with_report_input(store, id, language, date, settings, folder, |input| {
        render_report(input).map_err(report_error)
    })
}

/// An assessment's report as an editable Word document (.docx), with its organisation's
/// saved report settings and the benchmark's remembered folder; the language as for
/// [`report_pdf`].
pub fn report_docx(
    store: &mut Store,
    id: AssessmentId,
    language: Option<Language>,
    date: NaiveDate,
) -> Result<Vec<u8>, ApiError> {
    let (settings, saved_language) = saved_settings(store, id)?;
    let folder = FolderReading::of(FolderSource::Remembered, store, &Progress::none())?;
    report_docx_with(
        store,
        id,
        language.or(saved_language),
        date,
        &settings,
        &folder,
    )
}

/// An assessment's report as a Word document with the given settings and benchmark folder.
pub fn report_docx_with(
    store: &mut Store,
    id: AssessmentId,
    language: Option<Language>,
    date: NaiveDate,
    settings: &ReportSettings,
    folder: &FolderReading,
) -> Result<Vec<u8>, ApiError> {
    with_report_input(store, id, language, date, settings, folder, |input| {
        tcm_report::render_report_docx(input).map_err(report_error)
    })
}

/// Creates the demo company in `store` — a self-assessment of a year before, then a workshop
/// with five managers, comments, consensus values and kept actions — and returns the
/// workshop's id. When the demo is already there, returns it as it is.
pub fn create_demo(store: &mut Store, now: DateTime<Utc>) -> Result<AssessmentId, ApiError> {
    if let Some(existing) = store.find_assessment_by_uuid(DEMO_CURRENT)? {
        return Ok(existing);
    }
    let questionnaire = catalogue::bundled()?
        .iter()
        .find(|questionnaire| questionnaire.id() == catalogue::DEFAULT_QUESTIONNAIRE)
        .ok_or_else(|| ApiError::not_found("the full grid is not bundled"))?;
    let demo = tcm_demo::demo_assessment(questionnaire, now.date_naive());
    let previous_time = demo
        .previous_date
        .and_hms_opt(9, 0, 0)
        .map_or(now, |time| time.and_utc());
    let previous = Assessment {
        title: match demo.assessment.language {
            Language::French => "Auto-évaluation du dirigeant".to_owned(),
            Language::English => "Managing director's self-assessment".to_owned(),
        },
        mode: Mode::SelfAssessment,
        status: AssessmentStatus::Completed,
        ..demo.assessment.clone()
    };
    let id = store.write(now, "creating the demo", |tx| {
        let organisation = tx.organisation_named(&demo.organisation)?;
        let previous_id = tx.create_assessment_with_uuid(
            &NewAssessment {
                organisation,
                questionnaire,
                assessment: previous,
            },
            DEMO_PREVIOUS,
            previous_time,
            previous_time,
        )?;
        if let Some(director) = demo.respondents.first() {
            tx.import_responses_at(
                previous_id,
                std::slice::from_ref(director),
                &demo.previous_answers,
                previous_time,
            )?;
        }
        let id = tx.create_assessment_with_uuid(
            &NewAssessment {
                organisation,
                questionnaire,
                assessment: demo.assessment.clone(),
            },
            DEMO_CURRENT,
            now,
            now,
        )?;
        tx.import_responses(id, &demo.respondents, &demo.answers)?;
        for action in &demo.actions {
            tx.add_action(id, action)?;
        }
        Ok(id)
    })?;
    Ok(id)
}

/// Opens the demo (creating it on first use); returns the workshop's id.
pub fn open_demo(workbench: &Workbench) -> Result<i64, ApiError> {
    workbench.with_store(|store, now| Ok(create_demo(store, now)?.0))
}

fn language(code: &str) -> Result<Language, ApiError> {
    code.parse()
        .map_err(|error: tcm_core::text::UnknownLanguage| ApiError::invalid(error.to_string()))
}

/// Writes an assessment's PDF report to `path`; answers what the user should know of it (the
/// benchmark's folder left out).
pub fn export_report(
    workbench: &Workbench,
    assessment: i64,
    language_code: &str,
    path: &Path,
) -> Result<ExportView, ApiError> {
    export_report_watched(
        workbench,
        assessment,
        language_code,
        path,
        &Progress::none(),
    )
}

/// [`export_report`], reporting its steps (the benchmark folder's files read, then rendering
/// and saving); cancelled, it writes no file.
pub fn export_report_watched(
    workbench: &Workbench,
    assessment: i64,
    language_code: &str,
    path: &Path,
    progress: &Progress,
) -> Result<ExportView, ApiError> {
    const DOING: &str = "the report";
    let language = language(language_code)?;
    let folder = FolderReading::remembered(workbench, progress)?;
    progress.begin(OperationStep::Rendering, DOING)?;
    let bytes = workbench.with_store(|store, now| {
        let id = AssessmentId(assessment);
        let (settings, _) = saved_settings(store, id)?;
        report_pdf_with(
            store,
            id,
            Some(language),
            now.date_naive(),
            &settings,
            &folder,
        )
    })?;
    progress.begin(OperationStep::Saving, DOING)?;
    crate::files::write_output(&workbench.path(), path, &bytes)?;
    progress.advance(OperationStep::Saving, 1, 1);
    Ok(ExportView::of(&folder))
}

impl ExportView {
    /// What the user is told of the benchmark's folder a report was made with.
    pub fn of(folder: &FolderReading) -> ExportView {
        ExportView {
            benchmark_folder_problem: folder.problem().cloned(),
            benchmark_folder: folder.problem().and(folder.folder.clone()),
        }
    }
}

/// Writes a bundled questionnaire as a blank form to print, to `path`.
pub fn export_blank_grid(
    workbench: &Workbench,
    questionnaire_id: &str,
    language_code: &str,
    path: &Path,
) -> Result<(), ApiError> {
    let language = language(language_code)?;
    let questionnaire = catalogue::bundled()?
        .iter()
        .find(|questionnaire| questionnaire.id() == questionnaire_id)
        .ok_or_else(|| {
            ApiError::not_found(format!("no questionnaire `{questionnaire_id}` is bundled"))
        })?;
    let bytes = render_blank_grid(questionnaire, language, workbench.now().date_naive())
        .map_err(report_error)?;
    crate::files::write_output(&workbench.path(), path, &bytes)
}
