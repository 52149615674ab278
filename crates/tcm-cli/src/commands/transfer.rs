//! `tcm import` and `tcm export`.

use anyhow::anyhow;
use chrono::Utc;
use tcm_api::files;
use tcm_interchange::answers_csv::CsvDialect;
use tcm_interchange::import::{AnswerScale, ImportOptions};
use tcm_store::{AssessmentId, ImportChoice, PortableImport};

use crate::cli::{ExportArgs, ExportFormat, ImportArgs, ScaleArg};
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
            let choice = if args.as_copy {
                ImportChoice::AsCopy
            } else if args.replace {
                ImportChoice::Replace
            } else if args.merge {
                ImportChoice::Merge
            } else {
                ImportChoice::Safe
            };
            let imported = files::import_tcm(&mut store, &bytes, &name, choice, Utc::now())
                .map_err(|error| match error.kind {
                    tcm_api::ErrorKind::ImportConflict => Failure::Error(anyhow!(
                        "{}\nRun again with --as-copy, --replace or --merge.",
                        error.message
                    )),
                    _ => api_failure(error),
                })?;
            let id = imported.outcome.assessment();
            let title = store
                .assessment(id)
                .map_err(store_failure)?
                .assessment
                .title;
            if imported.questionnaire_modified {
                line(
                    "warning: the file's questionnaire has the id and version of a bundled one but other content; it is shown as modified",
                )?;
            }
            match &imported.outcome {
                PortableImport::Created(_) => {
                    line(&format!("imported as assessment {id}: {title}"))
                }
                PortableImport::Copied(_) => line(&format!(
                    "imported as a separate copy, assessment {id}: {title}"
                )),
                PortableImport::AlreadyPresent(_) => line(&format!(
                    "assessment {id} ({title}) is already here with the same content: nothing changed"
                )),
                PortableImport::Updated { backup, .. } => line(&format!(
                    "assessment {id} ({title}) updated from the file (nothing here was missing from it); the previous state is in {}",
                    backup.display()
                )),
                PortableImport::Replaced { backup, lost, .. } => line(&format!(
                    "assessment {id} ({title}) replaced by the file; {} change(s) made here and not in the file are kept in {}",
                    lost.len(),
                    backup.display()
                )),
                PortableImport::Merged {
                    backup,
                    brought,
                    conflicts,
                    ..
                } => {
                    line(&format!(
                        "assessment {id} ({title}) merged: {brought} change(s) from the file, {} conflict(s); the previous state is in {}",
                        conflicts.len(),
                        backup.display()
                    ))?;
                    for conflict in conflicts {
                        line(&format!(
                            "  conflict: {}: kept {} ({})",
                            conflict.item,
                            match conflict.kept {
                                tcm_interchange::portable::reconcile::Side::Local =>
                                    "this database's",
                                tcm_interchange::portable::reconcile::Side::File => "the file's",
                            },
                            conflict.reason
                        ))?;
                    }
                    Ok(())
                }
            }
        }
        (false, None) => Err(Failure::Error(anyhow!(
            "say which assessment the responses go to: --assessment ID"
        ))),
        (false, Some(id)) => {
            let options = ImportOptions {
                scale: match args.scale {
                    ScaleArg::ZeroToFour => AnswerScale::ZeroToFour,
                    ScaleArg::OneToFive => AnswerScale::OneToFive,
                },
            };
            let outcome = files::import_responses_with(
                &mut store,
                AssessmentId(id),
                &bytes,
                &name,
                options,
                Utc::now(),
            )
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
            for report_line in outcome.report.lines() {
                line(&report_line)?;
            }
            Ok(())
        }
    }
}

pub fn export(args: &ExportArgs, db: Option<std::path::PathBuf>) -> Result<(), Failure> {
    let mut store = database::open(db)?;
    let id = AssessmentId(args.assessment);
    let now = Utc::now();
    let mut notes = Vec::new();
    let bytes = match args.format {
        ExportFormat::Csv => files::export_csv(
            &mut store,
            id,
            if args.excel {
                CsvDialect::ExcelFrench
            } else {
                CsvDialect::Standard
            },
        )
        .map(|file| {
            notes = file.replacements;
            file.bytes
        }),
        ExportFormat::Xlsx => files::export_xlsx(&mut store, id, now),
        ExportFormat::Tcm => files::export_tcm(&mut store, id, now),
        ExportFormat::AnonymousTcm => files::export_anonymous_tcm(&mut store, id, now),
        ExportFormat::Milestones => {
            tcm_api::strategy::export_milestones(&mut store, id, None, now.date_naive())
        }
    }
    .map_err(api_failure)?;
    database::write_output(Some(store.path()), &args.out, &bytes)?;
    line(&format!("written: {}", args.out.display()))?;
    for replacement in notes {
        line(&format!("note: {replacement}"))?;
    }
    Ok(())
}
