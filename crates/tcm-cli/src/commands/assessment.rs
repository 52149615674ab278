//! `tcm assessment new|reaudit|list|show`.

use anyhow::anyhow;
use chrono::Utc;
use tcm_core::{Assessment, AssessmentStatus, Mode, Score, StageId, Targets};
use tcm_store::{AssessmentId, NewAssessment};

use crate::cli::AssessmentCommand;
use crate::database::{self, store_failure};
use crate::failure::Failure;
use crate::output::{score_table, table};

/// Reads `stage=level` target arguments over the defaults.
fn targets(arguments: &[String]) -> Result<Targets, Failure> {
    let mut targets = Targets::default();
    for argument in arguments {
        let (stage, level) = argument.split_once('=').ok_or_else(|| {
            Failure::Error(anyhow!(
                "a target is written stage=level, such as curative=3; found `{argument}`"
            ))
        })?;
        let stage: StageId = stage
            .trim()
            .parse()
            .map_err(|error| Failure::Error(anyhow!("{error}")))?;
        let level: u8 = level.trim().parse().map_err(|_| {
            Failure::Error(anyhow!(
                "the target of `{stage}` must be a level from 1 to 4, found `{level}`"
            ))
        })?;
        targets = targets
            .with(stage, level)
            .map_err(|error| Failure::Error(anyhow!("{error}")))?;
    }
    Ok(targets)
}

pub fn run(command: &AssessmentCommand, db: Option<std::path::PathBuf>) -> Result<(), Failure> {
    let mut store = database::open(db)?;
    match command {
        AssessmentCommand::New {
            org,
            title,
            mode,
            lang,
            questionnaire,
            targets: target_arguments,
        } => {
            let organisation = database::organisation(&store, org)?;
            let questionnaire = database::questionnaire(questionnaire)?;
            let mode: Mode = mode
                .parse()
                .map_err(|error| Failure::Error(anyhow!("{error}")))?;
            let assessment = Assessment {
                title: title.clone(),
                mode,
                language: *lang,
                targets: targets(target_arguments)?,
                status: AssessmentStatus::InProgress,
            };
            let id = store
                .create_assessment(
                    &NewAssessment {
                        organisation,
                        questionnaire: &questionnaire,
                        assessment,
                    },
                    Utc::now(),
                )
                .map_err(store_failure)?;
            crate::output::emit::line(&format!(
                "assessment {id} started: {} ({} {}, {} questions)",
                title.trim(),
                questionnaire.id(),
                questionnaire.version(),
                questionnaire.questions().len()
            ))?;
        }
        AssessmentCommand::Reaudit { from, title } => {
            let view = tcm_api::reaudit::start_reaudit(
                &mut store,
                &tcm_api::transfer::ReauditInput {
                    from: *from,
                    title: title.clone(),
                },
                Utc::now(),
            )
            .map_err(|error| Failure::Error(anyhow!(error.message)))?;
            reaudit_report(&view, title)?;
        }
        AssessmentCommand::List => {
            let mut rows = vec![
                [
                    "id",
                    "organisation",
                    "title",
                    "mode",
                    "questionnaire",
                    "respondents",
                    "answered",
                    "index",
                    "updated",
                ]
                .map(str::to_owned)
                .to_vec(),
            ];
            for summary in store.list_assessments().map_err(store_failure)? {
                rows.push(vec![
                    summary.id.to_string(),
                    summary.organisation_name,
                    summary.title,
                    summary.mode.as_str().to_owned(),
                    format!(
                        "{} {}{}",
                        summary.questionnaire_id,
                        summary.questionnaire_version,
                        if store
                            .snapshot_questionnaire(summary.questionnaire_snapshot)
                            .is_ok_and(|questionnaire| tcm_api::catalogue::is_modified(
                                &questionnaire
                            ))
                        {
                            " (modified)"
                        } else {
                            ""
                        }
                    ),
                    summary.respondents.to_string(),
                    format!("{}/{}", summary.answered_questions, summary.question_count),
                    summary.overall_score.map_or_else(
                        || "—".to_owned(),
                        |score| format!("{:.1}", Score::new(score).rounded()),
                    ),
                    summary.updated_at.format("%Y-%m-%d %H:%M").to_string(),
                ]);
            }
            crate::output::emit::emit(&table::render(&rows))?;
        }
        AssessmentCommand::Show { id, lang } => {
            let id = AssessmentId(*id);
            let stored = store.assessment(id).map_err(store_failure)?;
            let respondents = store.list_respondents(id).map_err(store_failure)?;
            let (questionnaire, _, card) = store.score_assessment(id).map_err(store_failure)?;
            let assessment = &stored.assessment;
            crate::output::emit::line(&format!("Assessment {id}: {}", assessment.title))?;
            crate::output::emit::line(&format!(
                "Organisation: {} (id {})",
                stored.organisation_name, stored.organisation
            ))?;
            crate::output::emit::line(&format!(
                "Mode: {} · language: {} · status: {} · questionnaire: {} {}{}",
                assessment.mode.as_str(),
                assessment.language.code(),
                assessment.status.as_str(),
                stored.questionnaire_id,
                stored.questionnaire_version,
                if tcm_api::catalogue::is_modified(&questionnaire) {
                    " (modified)"
                } else {
                    ""
                }
            ))?;
            let targets: Vec<String> = StageId::ALL
                .iter()
                .map(|stage| format!("{stage} {}", assessment.targets.of(*stage)))
                .collect();
            crate::output::emit::line(&format!("Targets: {}", targets.join(", ")))?;
            crate::output::emit::line(&format!(
                "Global id: {} · created {} · updated {}",
                stored.uuid,
                stored.created_at.format("%Y-%m-%d %H:%M"),
                stored.updated_at.format("%Y-%m-%d %H:%M")
            ))?;
            let names: Vec<String> = respondents
                .iter()
                .map(|respondent| {
                    let profile = &respondent.profile;
                    let details: Vec<&str> = [profile.role.as_str(), profile.group.as_str()]
                        .into_iter()
                        .filter(|text| !text.is_empty())
                        .collect();
                    if details.is_empty() {
                        profile.label.clone()
                    } else {
                        format!("{} ({})", profile.label, details.join(", "))
                    }
                })
                .collect();
            crate::output::emit::line(&format!(
                "Respondents ({}): {}",
                names.len(),
                if names.is_empty() {
                    "none yet".to_owned()
                } else {
                    names.join("; ")
                }
            ))?;
            crate::output::emit::line("")?;
            crate::output::emit::line(&score_table::render(&questionnaire, &card, *lang))?;
        }
    }
    Ok(())
}

/// What a follow-up audit took from the audit it follows, and what it left.
fn reaudit_report(view: &tcm_api::transfer::ReauditView, title: &str) -> Result<(), Failure> {
    use crate::output::emit::line;
    line(&format!(
        "assessment {} started: {} (follow-up of assessment {}; {} {})",
        view.assessment,
        title.trim(),
        view.from,
        view.questionnaire_id,
        view.questionnaire_version
    ))?;
    let targets: Vec<String> = StageId::ALL
        .iter()
        .zip(&view.targets)
        .map(|(stage, level)| format!("{stage} {level}"))
        .collect();
    line(&format!("Targets carried: {}", targets.join(", ")))?;
    line(&format!(
        "Open actions carried: {}; done or dismissed left with assessment {}: {}",
        view.carried_actions, view.from, view.closed_actions
    ))?;
    for moved in &view.moved_actions {
        line(&format!(
            "  « {} » was about {}: now {}",
            moved.title,
            moved.from_question,
            moved.to_question.as_ref().map_or_else(
                || format!("an action of the {} stage", moved.stage.as_str()),
                |question| format!("about {question}")
            )
        ))?;
    }
    for unplaced in &view.unplaced_actions {
        line(&format!(
            "  « {unplaced} » is about a question neither grid holds: not carried"
        ))?;
    }
    line(&format!(
        "Roadmap overrides carried: {}",
        view.carried_overrides
    ))?;
    for dropped in &view.dropped_overrides {
        line(&format!(
            "  {}: not carried ({})",
            dropped.initiative,
            match dropped.reason {
                tcm_api::transfer::DroppedOverrideReason::NothingCarried =>
                    "no open action left in it",
                tcm_api::transfer::DroppedOverrideReason::Ended =>
                    "its dates ended before the follow-up",
            }
        ))?;
    }
    Ok(())
}
