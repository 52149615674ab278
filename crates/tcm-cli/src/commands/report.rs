//! `tcm report` and `tcm demo`.

use anyhow::{Context, anyhow};
use chrono::Utc;
use tcm_api::reports;
use tcm_store::{AssessmentId, Store};

use crate::cli::{DemoArgs, ReportArgs};
use crate::database::{self, store_failure};
use crate::failure::Failure;
use crate::output::emit::line;

fn api_failure(error: tcm_api::ApiError) -> Failure {
    Failure::Error(anyhow!(error.message))
}

pub fn report(args: &ReportArgs, db: Option<std::path::PathBuf>) -> Result<(), Failure> {
    let mut store = database::open(db)?;
    let bytes = reports::report_pdf(
        &mut store,
        AssessmentId(args.assessment),
        args.lang,
        Utc::now().date_naive(),
    )
    .map_err(api_failure)?;
    database::write_output(Some(store.path()), &args.out, &bytes)?;
    line(&format!(
        "report written: {} ({} KB)",
        args.out.display(),
        bytes.len().div_ceil(1024)
    ))
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
