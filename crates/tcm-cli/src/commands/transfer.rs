//! `tcm import` and `tcm export`.

use anyhow::{Context, anyhow};
use chrono::Utc;
use tcm_api::files;
use tcm_interchange::answers_csv::CsvDialect;
use tcm_store::{AssessmentId, PortableImport};

use crate::cli::{ExportArgs, ExportFormat, ImportArgs};
use crate::database::{self, store_failure};
use crate::failure::Failure;
use crate::output::emit::line;

fn api_failure(error: tcm_api::ApiError) -> Failure {
    Failure::Error(anyhow!(error.message))
}

pub fn import(args: &ImportArgs, db: Option<std::path::PathBuf>) -> Result<(), Failure> {
    let bytes = crate::load::read_bounded(&args.file, "file")?;
    let name = args.file.display().to_string();
    let mut store = database::open(db)?;
    let is_portable = args
        .file
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("tcm"));
    match (is_portable, args.assessment) {
        (true, Some(_)) => Err(Failure::Error(anyhow!(
            "a .tcm file holds a whole assessment: import it without --assessment"
        ))),
        (true, None) => {
            let outcome =
                files::import_tcm(&mut store, &bytes, &name, Utc::now()).map_err(api_failure)?;
            let id = outcome.assessment();
            let title = store
                .assessment(id)
                .map_err(store_failure)?
                .assessment
                .title;
            line(&match outcome {
                PortableImport::Created(_) => format!("imported as assessment {id}: {title}"),
                PortableImport::Updated(_) => {
                    format!("assessment {id} ({title}) updated from the file, which was newer")
                }
                PortableImport::AlreadyPresent(_) => format!(
                    "assessment {id} ({title}) is already here and up to date: nothing changed"
                ),
            })
        }
        (false, None) => Err(Failure::Error(anyhow!(
            "say which assessment the responses go to: --assessment ID"
        ))),
        (false, Some(id)) => {
            let outcome =
                files::import_responses(&mut store, AssessmentId(id), &bytes, &name, Utc::now())
                    .map_err(api_failure)?;
            line(&format!(
                "{} answers imported into assessment {id} ({} respondents added, {} updated)",
                outcome.answers_written, outcome.respondents_added, outcome.respondents_updated
            ))?;
            if !outcome.ignored_columns.is_empty() {
                line(&format!(
                    "columns ignored: {}",
                    outcome.ignored_columns.join(", ")
                ))?;
            }
            Ok(())
        }
    }
}

pub fn export(args: &ExportArgs, db: Option<std::path::PathBuf>) -> Result<(), Failure> {
    let mut store = database::open(db)?;
    let id = AssessmentId(args.assessment);
    let now = Utc::now();
    let bytes = match args.format {
        ExportFormat::Csv => files::export_csv(
            &mut store,
            id,
            if args.excel {
                CsvDialect::ExcelFrench
            } else {
                CsvDialect::Standard
            },
        ),
        ExportFormat::Xlsx => files::export_xlsx(&mut store, id, now),
        ExportFormat::Tcm => files::export_tcm(&mut store, id, now),
    }
    .map_err(api_failure)?;
    std::fs::write(&args.out, bytes)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    line(&format!("written: {}", args.out.display()))
}
