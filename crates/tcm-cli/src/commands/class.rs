//! `tcm class new|list|import|grade`: class exercises on a shipped case, the folder import of
//! the groups' `.tcm` files, grading against the key, the class workbook and report. Each
//! runs the app's own handler (`tcm_api::classroom`, `tcm_api::class_import`) on the database.

use anyhow::anyhow;
use chrono::Utc;
use tcm_api::transfer::{ClassExportKind, NewClassExerciseInput};
use tcm_api::{Workbench, class_import, classroom};

use crate::cli::ClassCommand;
use crate::database;
use crate::failure::Failure;
use crate::output::emit::{emit, line};
use crate::output::table;

fn api_failure(error: tcm_api::ApiError) -> Failure {
    Failure::Error(anyhow!(error.message))
}

fn percent(share: f64) -> String {
    format!("{:.0} %", share * 100.0)
}

fn optional(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |value| format!("{value:.2}"))
}

pub fn run(command: &ClassCommand, db: Option<std::path::PathBuf>) -> Result<(), Failure> {
    let workbench = Workbench::start(database::path(db)?, Utc::now);
    if let Some(error) = workbench.opening_error() {
        return Err(api_failure(error));
    }
    match command {
        ClassCommand::New {
            case,
            class,
            lang,
            group,
        } => {
            let shipped = classroom::list_cases().map_err(api_failure)?;
            let found = shipped
                .iter()
                .find(|item| item.id == *case)
                .ok_or_else(|| {
                    let ids: Vec<&str> = shipped.iter().map(|item| item.id.as_str()).collect();
                    Failure::Error(anyhow!(
                        "no case `{case}` is shipped; the cases are: {}",
                        ids.join(", ")
                    ))
                })?;
            let language = serde_json::from_value(serde_json::json!(lang))
                .map_err(|_| Failure::Error(anyhow!("--lang is fr or en, not `{lang}`")))?;
            let exercise = classroom::create_class_exercise(
                &workbench,
                &NewClassExerciseInput {
                    case_id: found.id.clone(),
                    case_version: found.version.clone(),
                    class_name: class.clone(),
                    language,
                    groups: group.clone(),
                },
            )
            .map_err(api_failure)?;
            line(&exercise.assessment_id.to_string())
        }
        ClassCommand::List => {
            let mut rows = vec![vec![
                "id".to_owned(),
                "class".to_owned(),
                "case".to_owned(),
                "groups".to_owned(),
            ]];
            for item in classroom::list_class_exercises(&workbench).map_err(api_failure)? {
                rows.push(vec![
                    item.assessment_id.to_string(),
                    item.class_name,
                    item.case_id,
                    item.groups.to_string(),
                ]);
            }
            emit(&table::render(&rows))
        }
        ClassCommand::Import { exercise, folder } => {
            let outcome = class_import::import_group_folder(&workbench, *exercise, folder)
                .map_err(api_failure)?;
            for file in &outcome.imported {
                line(&format!(
                    "imported  {}: {} ({} answers)",
                    file.file,
                    file.groups.join(", "),
                    file.answers
                ))?;
            }
            for file in &outcome.refused {
                line(&format!("refused   {}", file.message))?;
            }
            line(&format!(
                "{} imported, {} refused, {} other files left alone",
                outcome.imported.len(),
                outcome.refused.len(),
                outcome.skipped
            ))
        }
        ClassCommand::Grade {
            exercise,
            xlsx,
            pdf,
            ranking,
        } => {
            let grade = classroom::grade_class(&workbench, *exercise).map_err(api_failure)?;
            let mut header = vec![
                "group",
                "exact",
                "within one",
                "mean gap",
                "kappa",
                "unanswered",
            ];
            if *ranking {
                header.insert(0, "rank");
            }
            let mut rows = vec![header.iter().map(|text| (*text).to_owned()).collect()];
            let mut groups = grade.groups.clone();
            if *ranking {
                groups.sort_by_key(|group| group.rank);
            }
            for group in &groups {
                let mut row = vec![
                    group.group.clone(),
                    percent(group.exact_match_rate),
                    percent(group.within_one_rate),
                    optional(group.mean_absolute_difference),
                    optional(group.kappa),
                    group.unanswered.to_string(),
                ];
                if *ranking {
                    row.insert(0, group.rank.to_string());
                }
                rows.push(row);
            }
            emit(&table::render(&rows))?;
            line(&format!(
                "most often missed: {}",
                grade
                    .debrief
                    .iter()
                    .take(10)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            ))?;
            if let Some(path) = xlsx {
                classroom::export_class(
                    &workbench,
                    *exercise,
                    ClassExportKind::Xlsx,
                    *ranking,
                    path,
                )
                .map_err(api_failure)?;
                line(&format!("wrote {}", path.display()))?;
            }
            if let Some(path) = pdf {
                classroom::export_class(
                    &workbench,
                    *exercise,
                    ClassExportKind::Pdf,
                    *ranking,
                    path,
                )
                .map_err(api_failure)?;
                line(&format!("wrote {}", path.display()))?;
            }
            Ok(())
        }
    }
}
