//! `tcm report` and `tcm demo`.

use anyhow::{Context, anyhow};
use chrono::Utc;
use std::io::Read;

use tcm_api::benchmark::{FolderReading, FolderSource};
use tcm_api::{report_settings, reports};
use tcm_core::limits::{TextField, clean_text};
use tcm_report::{ReportSettings, Section};
use tcm_store::{AssessmentId, Store};

use crate::cli::{DemoArgs, ReportArgs};
use crate::database::{self, store_failure};
use crate::failure::Failure;
use crate::output::emit::line;

fn api_failure(error: tcm_api::ApiError) -> Failure {
    Failure::Error(anyhow!(error.message))
}

/// The longest summary file read, in bytes (the summary holds at most 20 000 characters).
const MAX_SUMMARY_FILE_BYTES: u64 = 200 * 1024;

/// A flag's text, cleaned and checked against its field's limit as the store would.
fn checked(field: TextField, flag: &str, text: &str) -> Result<String, Failure> {
    clean_text(field, text)
        .map(|cleaned| cleaned.trim().to_owned())
        .map_err(|refusal| Failure::Error(anyhow!("{flag}: {refusal}")))
}

fn read_summary(path: &std::path::Path) -> Result<String, Failure> {
    let shown = path.display();
    let file = std::fs::File::open(path).with_context(|| format!("cannot read {shown}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_SUMMARY_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {shown}"))?;
    if bytes.len() as u64 > MAX_SUMMARY_FILE_BYTES {
        return Err(Failure::Error(anyhow!(
            "{shown}: the summary file is larger than {MAX_SUMMARY_FILE_BYTES} bytes; a summary holds at most 20000 characters"
        )));
    }
    let text = String::from_utf8(bytes).map_err(|error| {
        Failure::Error(anyhow!(
            "{shown}: the summary file is not UTF-8 text (byte {}): save it as UTF-8",
            error.utf8_error().valid_up_to()
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    checked(TextField::ExecutiveSummary, "--summary-file", text)
}

/// The organisation's saved settings with the flags applied.
fn settings_from(args: &ReportArgs, saved: ReportSettings) -> Result<ReportSettings, Failure> {
    let mut settings = saved;
    if let Some(firm) = &args.firm {
        settings.firm_name = checked(TextField::FirmName, "--firm", firm)?;
    }
    for (value, flag, target) in [
        (
            &args.cover_title,
            "--cover-title",
            &mut settings.cover_title,
        ),
        (
            &args.prepared_by,
            "--prepared-by",
            &mut settings.prepared_by,
        ),
        (
            &args.prepared_for,
            "--prepared-for",
            &mut settings.prepared_for,
        ),
        (
            &args.confidentiality,
            "--confidentiality",
            &mut settings.confidentiality,
        ),
    ] {
        if let Some(value) = value {
            *target = checked(TextField::CoverField, flag, value)?;
        }
    }
    if let Some(path) = &args.summary_file {
        settings.executive_summary = read_summary(path)?;
    }
    if let Some(path) = &args.logo {
        settings.logo = Some(report_settings::read_logo_file(path).map_err(api_failure)?);
    }
    if args.no_logo {
        settings.logo = None;
    }
    if let Some(included) = &args.sections {
        settings.omitted = Section::ALL
            .into_iter()
            .filter(|section| !included.contains(section))
            .collect();
    }
    Ok(settings)
}

pub fn report(args: &ReportArgs, db: Option<std::path::PathBuf>) -> Result<(), Failure> {
    let mut store = database::open(db)?;
    let id = AssessmentId(args.assessment);
    let (saved, saved_language) = reports::saved_settings(&store, id).map_err(api_failure)?;
    let settings = settings_from(args, saved)?;
    let language = args.lang.or(saved_language);
    let now = Utc::now();
    let source = match (&args.benchmark_folder, args.no_benchmark_folder) {
        (Some(folder), _) => FolderSource::Given(folder),
        (None, true) => FolderSource::Without,
        (None, false) => FolderSource::Remembered,
    };
    // A wrong --out (the database itself, a folder) is refused before the folder is read.
    let protected = tcm_store::output::ProtectedPaths::of_database(store.path());
    tcm_store::output::check_output(&args.out, Some(&protected))
        .map_err(database::store_failure)?;
    let folder = FolderReading::of(source, &store, &tcm_api::operation::Progress::none())
        .map_err(api_failure)?;
    tell_folder(&folder)?;
    let bytes = if args.format == "docx" {
        reports::report_docx_with(
            &mut store,
            id,
            language,
            now.date_naive(),
            &settings,
            &folder,
        )
    } else {
        reports::report_pdf_with(
            &mut store,
            id,
            language,
            now.date_naive(),
            &settings,
            &folder,
        )
    }
    .map_err(api_failure)?;
    database::write_output(Some(store.path()), &args.out, &bytes)?;
    line(&format!(
        "report written: {} ({} KB)",
        args.out.display(),
        bytes.len().div_ceil(1024)
    ))?;
    if args.remember {
        let organisation = store.assessment(id).map_err(store_failure)?.organisation;
        report_settings::remember(&mut store, organisation, &settings, language, now)
            .map_err(api_failure)?;
        line("report settings saved for the organisation's next reports")?;
        remember_folder(args, &mut store, &folder, now)?;
    }
    Ok(())
}

/// Says what the benchmark's folder gave: its audits and refused files, or why it was left
/// out (the report is written all the same).
fn tell_folder(folder: &FolderReading) -> Result<(), Failure> {
    let Some(shown) = &folder.folder else {
        return Ok(());
    };
    if let Some(problem) = folder.problem() {
        return line(&format!("warning: {}", problem.message));
    }
    if let Some(audits) = folder.audits() {
        line(&format!(
            "benchmark folder {shown}: {} audit(s) read, {} file(s) not counted",
            audits.audits_read(),
            audits.refused_count() + audits.not_read()
        ))?;
        for refused in audits.refused() {
            line(&format!("  not counted: {}", refused.message))?;
        }
        if audits.not_read() > 0 {
            line(&format!(
                "  not read: {} .tcm file(s) beyond the first {} by name",
                audits.not_read(),
                tcm_api::benchmark::MAX_FOLDER_FILES
            ))?;
        }
    }
    Ok(())
}

/// With `--remember`, `--benchmark-folder` becomes the database's benchmark folder and
/// `--no-benchmark-folder` forgets it.
fn remember_folder(
    args: &ReportArgs,
    store: &mut Store,
    folder: &FolderReading,
    now: chrono::DateTime<Utc>,
) -> Result<(), Failure> {
    if let Some(given) = &args.benchmark_folder {
        if folder.problem().is_some() {
            return line("the benchmark folder was not remembered: it could not be read");
        }
        let text = given.to_str().ok_or_else(|| {
            Failure::Error(anyhow!(
                "--benchmark-folder: {} is not valid Unicode: it cannot be remembered",
                given.display()
            ))
        })?;
        store
            .set_benchmark_folder(Some(text), now)
            .map_err(store_failure)?;
        line(&format!("benchmark folder remembered: {text}"))?;
    } else if args.no_benchmark_folder {
        store
            .set_benchmark_folder(None, now)
            .map_err(store_failure)?;
        line("benchmark folder forgotten")?;
    }
    Ok(())
}

pub fn demo(args: &DemoArgs, db: Option<std::path::PathBuf>) -> Result<(), Failure> {
    let now = Utc::now();
    // A given database (--db or TCM_DB) keeps the demo; otherwise it lives in a temporary one.
    let explicit = db.or_else(|| {
        std::env::var_os(tcm_store::location::DATABASE_VARIABLE)
            .filter(|v| !v.is_empty())
            .map(Into::into)
    });
    let temporary = tempfile_dir()?;
    let path = explicit
        .clone()
        .unwrap_or_else(|| temporary.join("demo.sqlite"));
    let mut store = Store::open(&path, now).map_err(store_failure)?;
    let id = reports::create_demo(&mut store, now).map_err(api_failure)?;
    let bytes =
        reports::report_pdf(&mut store, id, args.lang, now.date_naive()).map_err(api_failure)?;
    drop(store);
    let written = database::write_output(Some(&path), &args.out, &bytes);
    let _ = std::fs::remove_dir_all(&temporary);
    written?;
    let summary = match &explicit {
        Some(path) => format!("demo assessment {id} kept in {}", path.display()),
        None => "the temporary demo database was removed".to_owned(),
    };
    line(&format!(
        "demo report written: {} ({} KB); {summary}",
        args.out.display(),
        bytes.len().div_ceil(1024)
    ))
}

/// A new private folder under the system's temporary folder.
fn tempfile_dir() -> Result<std::path::PathBuf, Failure> {
    let dir = std::env::temp_dir().join(format!(
        "tcm-demo-{}-{}",
        std::process::id(),
        Utc::now().timestamp_nanos_opt().unwrap_or(0)
    ));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(dir)
}
