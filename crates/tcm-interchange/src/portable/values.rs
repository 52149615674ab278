//! The values of a `.tcm` file, section by section, checked against the questionnaire
//! snapshot: known questions and respondents, values in their lists, no duplicates. Every
//! bad value is reported with its path.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use tcm_core::strategy::waves::WaveOverrides;
use tcm_core::strategy::{DateRange, InitiativeId, Wave, WaveOverride};
use tcm_core::{
    ActionLink, ActionStatus, Answer, Assessment, AssessmentStatus, Consensus, Language, Mode,
    Organisation, OrganisationSize, PlannedAction, QuestionId, Questionnaire, Respondent,
    RespondentProfile, Sector, StageId, Targets,
};

use super::error::{FieldIssue, FieldProblem};
use super::fields::Fields;
use super::model::{AgreedValue, CaseLink, PortableAssessment, RecordedAnswer, ScoreSnapshot};
use super::transfer::{
    ActionFields, AssessmentFields, File, LinkFields, OrganisationFields, ScoreSnapshotFields,
    WaveOverrideFields,
};

/// The assessment of a structurally sound file, or every problem of its values.
pub(super) fn read_values(
    file: &File,
    questionnaire: &Questionnaire,
) -> Result<PortableAssessment, Vec<FieldProblem>> {
    let mut fields = Fields::default();
    match read_file(&mut fields, file, questionnaire) {
        Some(portable) if fields.problems.is_empty() => Ok(portable),
        _ => Err(fields.problems),
    }
}

fn read_file(
    fields: &mut Fields,
    file: &File,
    questionnaire: &Questionnaire,
) -> Option<PortableAssessment> {
    fields.time("exported_at", &file.exported_at);
    if file.questionnaire.id != questionnaire.id() {
        fields.problem(
            "questionnaire.id",
            FieldIssue::SnapshotMismatch {
                found: questionnaire.id().to_owned(),
            },
        );
    }
    if file.questionnaire.version != questionnaire.version().to_string() {
        fields.problem(
            "questionnaire.version",
            FieldIssue::SnapshotMismatch {
                found: questionnaire.version().to_string(),
            },
        );
    }
    let assessment = read_assessment(fields, &file.assessment);
    let organisation = read_organisation(fields, &file.organisation);
    let respondents = read_respondents(fields, file);
    let answers = read_answers(fields, file, questionnaire);
    let consensus = read_consensus(fields, file, questionnaire);
    let actions = file
        .actions
        .iter()
        .enumerate()
        .filter_map(|(index, action)| {
            read_action(fields, &format!("actions[{index}]"), action, questionnaire)
        })
        .collect();
    let score_snapshots = file
        .score_snapshots
        .iter()
        .enumerate()
        .filter_map(|(index, snapshot)| {
            read_snapshot(fields, &format!("score_snapshots[{index}]"), snapshot)
        })
        .collect();
    let wave_overrides = file
        .wave_overrides
        .as_ref()
        .map(|overrides| read_wave_overrides(fields, overrides));
    let case = file.case.as_ref().and_then(|case| {
        let id = fields.not_empty("case.id", &case.id);
        let version = fields.not_empty("case.version", &case.version);
        (id && version).then(|| CaseLink {
            id: case.id.trim().to_owned(),
            version: case.version.trim().to_owned(),
        })
    });
    let (assessment, created_at, updated_at) = assessment?;
    Some(PortableAssessment {
        uuid: file.assessment.uuid.clone(),
        organisation: organisation?,
        assessment,
        created_at,
        updated_at,
        questionnaire_id: file.questionnaire.id.clone(),
        questionnaire_version: file.questionnaire.version.clone(),
        questionnaire_snapshot: file.questionnaire.snapshot.clone(),
        case,
        respondents,
        answers,
        consensus,
        actions,
        score_snapshots,
        wave_overrides,
    })
}

fn read_assessment(
    fields: &mut Fields,
    assessment: &AssessmentFields,
) -> Option<(Assessment, DateTime<Utc>, DateTime<Utc>)> {
    fields.not_empty("assessment.uuid", &assessment.uuid);
    let mode = fields.known::<Mode>("assessment.mode", "mode", &assessment.mode);
    let status =
        fields.known::<AssessmentStatus>("assessment.status", "status", &assessment.status);
    let language = fields.value(
        "assessment.language",
        "language",
        "fr or en",
        &assessment.language,
        |text| Language::from_str(text).ok(),
    );
    let levels = assessment.targets.to_array();
    for (stage, level) in StageId::ALL.into_iter().zip(levels) {
        if !(1..=4).contains(&level) {
            fields.problem(
                format!("assessment.targets.{stage}"),
                FieldIssue::InvalidValue {
                    what: "target",
                    value: level.to_string(),
                    expected: "a level from 1 to 4".to_owned(),
                },
            );
        }
    }
    let targets = Targets::new(levels).ok();
    let created_at = fields.time("assessment.created_at", &assessment.created_at);
    let updated_at = fields.time("assessment.updated_at", &assessment.updated_at);
    Some((
        Assessment {
            title: assessment.title.clone(),
            mode: mode?,
            language: language?,
            targets: targets?,
            status: status?,
        },
        created_at?,
        updated_at?,
    ))
}

fn read_organisation(
    fields: &mut Fields,
    organisation: &OrganisationFields,
) -> Option<Organisation> {
    let sector = fields.known::<Sector>("organisation.sector", "sector", &organisation.sector);
    let size = match &organisation.size {
        Some(size) => Some(fields.known::<OrganisationSize>("organisation.size", "size", size)?),
        None => None,
    };
    Some(Organisation {
        name: organisation.name.clone(),
        sector: sector?,
        size,
        notes: organisation.notes.clone(),
    })
}

fn read_respondents(fields: &mut Fields, file: &File) -> Vec<RespondentProfile> {
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut respondents = Vec::new();
    for (index, respondent) in file.respondents.iter().enumerate() {
        let path = format!("respondents[{index}].label");
        if !fields.not_empty(&path, &respondent.label) {
            continue;
        }
        if let Some(first) = first.get(respondent.label.as_str()) {
            fields.problem(
                path,
                FieldIssue::DuplicateRespondent {
                    label: respondent.label.clone(),
                    first: *first,
                },
            );
            continue;
        }
        first.insert(&respondent.label, index);
        respondents.push(RespondentProfile {
            label: respondent.label.clone(),
            role: respondent.role.clone(),
            group: respondent.group.clone(),
        });
    }
    respondents
}

fn read_answers(
    fields: &mut Fields,
    file: &File,
    questionnaire: &Questionnaire,
) -> BTreeMap<(Respondent, QuestionId), RecordedAnswer> {
    let known: HashSet<&str> = file
        .respondents
        .iter()
        .map(|respondent| respondent.label.as_str())
        .collect();
    let mut first: HashMap<(&str, &str), usize> = HashMap::new();
    let mut answers = BTreeMap::new();
    for (index, recorded) in file.answers.iter().enumerate() {
        let path = |field: &str| format!("answers[{index}].{field}");
        let respondent = known
            .contains(recorded.respondent.as_str())
            .then(|| Respondent::new(recorded.respondent.as_str()));
        if respondent.is_none() {
            fields.problem(
                path("respondent"),
                FieldIssue::UnknownRespondent {
                    respondent: recorded.respondent.clone(),
                },
            );
        }
        let question = fields.question(path("question"), questionnaire, &recorded.question);
        let answer = fields.value(
            path("answer"),
            "answer",
            "0, 1, 2, 3, 4, NA or ?",
            &recorded.answer,
            |text| Answer::from_str(text).ok(),
        );
        let updated_at = fields.time(path("updated_at"), &recorded.updated_at);
        let key = (recorded.respondent.as_str(), recorded.question.as_str());
        if let Some(first) = first.get(&key) {
            fields.problem(
                path("question"),
                FieldIssue::DuplicateAnswer {
                    respondent: recorded.respondent.clone(),
                    question: recorded.question.clone(),
                    first: *first,
                },
            );
            continue;
        }
        first.insert(key, index);
        if let (Some(respondent), Some(question), Some(answer), Some(updated_at)) =
            (respondent, question, answer, updated_at)
        {
            answers.insert(
                (respondent, question),
                RecordedAnswer {
                    answer,
                    comment: recorded.comment.clone(),
                    updated_at,
                },
            );
        }
    }
    answers
}

fn read_consensus(
    fields: &mut Fields,
    file: &File,
    questionnaire: &Questionnaire,
) -> BTreeMap<QuestionId, AgreedValue> {
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut consensus = BTreeMap::new();
    for (index, agreed) in file.consensus.iter().enumerate() {
        let path = |field: &str| format!("consensus[{index}].{field}");
        let question = fields.question(path("question"), questionnaire, &agreed.question);
        let value = fields.value(
            path("value"),
            "consensus value",
            "0, 1, 2, 3, 4 or NA",
            &agreed.value,
            |text| match Answer::from_str(text).ok()? {
                Answer::Level(level) => Some(Consensus::Level(level)),
                Answer::NotApplicable => Some(Consensus::NotApplicable),
                Answer::DontKnow => None,
            },
        );
        if let Some(first) = first.get(agreed.question.as_str()) {
            fields.problem(
                path("question"),
                FieldIssue::DuplicateConsensus {
                    question: agreed.question.clone(),
                    first: *first,
                },
            );
            continue;
        }
        first.insert(&agreed.question, index);
        if let (Some(question), Some(value)) = (question, value) {
            consensus.insert(
                question,
                AgreedValue {
                    value,
                    note: agreed.note.clone(),
                },
            );
        }
    }
    consensus
}

fn read_action(
    fields: &mut Fields,
    path: &str,
    action: &ActionFields,
    questionnaire: &Questionnaire,
) -> Option<PlannedAction> {
    let link = match &action.link {
        LinkFields::Question(id) => fields
            .question(format!("{path}.link.question"), questionnaire, id)
            .map(ActionLink::Question),
        LinkFields::Stage(id) => fields
            .value(
                format!("{path}.link.stage"),
                "stage",
                "creative, active, curative, preventive or proactive",
                id,
                |text| StageId::from_str(text).ok(),
            )
            .map(ActionLink::Stage),
    };
    let status = fields.known::<ActionStatus>(format!("{path}.status"), "status", &action.status);
    let due = match &action.due {
        Some(due) => Some(fields.value(
            format!("{path}.due"),
            "date",
            "a date such as 2026-06-30",
            due,
            |text| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(),
        )),
        None => Some(None),
    };
    let mut rating = |field: &'static str, value: u8| {
        fields.value(
            format!("{path}.{field}"),
            field,
            "1, 2 or 3",
            &value.to_string(),
            |_| (1..=3).contains(&value).then_some(value),
        )
    };
    let impact = rating("impact", action.impact);
    let effort = rating("effort", action.effort);
    Some(PlannedAction {
        link: link?,
        title: action.title.clone(),
        description: action.description.clone(),
        owner: action.owner.clone(),
        due: due?,
        status: status?,
        impact: impact?,
        effort: effort?,
    })
}

fn read_snapshot(
    fields: &mut Fields,
    path: &str,
    snapshot: &ScoreSnapshotFields,
) -> Option<ScoreSnapshot> {
    let taken_at = fields.time(format!("{path}.taken_at"), &snapshot.taken_at);
    let mut score = |field: String, value: Option<f64>| match value {
        Some(score) if !(0.0..=100.0).contains(&score) => {
            fields.problem(
                field,
                FieldIssue::InvalidValue {
                    what: "score",
                    value: score.to_string(),
                    expected: "a number from 0 to 100, or null".to_owned(),
                },
            );
            false
        }
        _ => true,
    };
    let mut scores_ok = score(format!("{path}.overall"), snapshot.overall);
    let stages = snapshot.stages.to_array();
    for (stage, value) in StageId::ALL.into_iter().zip(stages) {
        scores_ok &= score(format!("{path}.stages.{stage}"), value);
    }
    if !scores_ok {
        return None;
    }
    Some(ScoreSnapshot {
        taken_at: taken_at?,
        overall: snapshot.overall,
        stages,
    })
}

/// The longest initiative id read: ids are theme ids joined by `+` (the store keeps at most
/// as many characters).
const MAX_INITIATIVE_ID_CHARS: usize = 400;

/// The roadmap's overrides: each names an initiative once, with a wave 1–3 or a start and an
/// end date (the end not before the start), never both.
fn read_wave_overrides(fields: &mut Fields, overrides: &[WaveOverrideFields]) -> WaveOverrides {
    let mut read = WaveOverrides::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (index, item) in overrides.iter().enumerate() {
        let path = format!("wave_overrides[{index}]");
        let initiative = item.initiative.trim();
        let length = initiative.chars().count();
        if initiative.is_empty() {
            fields.problem(format!("{path}.initiative"), FieldIssue::Empty);
            continue;
        }
        if length > MAX_INITIATIVE_ID_CHARS {
            fields.problem(
                format!("{path}.initiative"),
                FieldIssue::InvalidValue {
                    what: "initiative",
                    value: initiative.chars().take(40).collect::<String>() + "…",
                    expected: format!("at most {MAX_INITIATIVE_ID_CHARS} characters"),
                },
            );
            continue;
        }
        if let Some(first) = seen.insert(initiative, index) {
            fields.problem(
                format!("{path}.initiative"),
                FieldIssue::DuplicateOverride {
                    initiative: initiative.to_owned(),
                    first,
                },
            );
            continue;
        }
        let value = match (item.wave, &item.start, &item.end) {
            (Some(wave), None, None) => fields
                .value(
                    format!("{path}.wave"),
                    "wave",
                    "1, 2 or 3",
                    &wave.to_string(),
                    |_| Wave::from_number(wave),
                )
                .map(WaveOverride::Wave),
            (None, Some(start), Some(end)) => {
                let start = read_day(fields, format!("{path}.start"), start);
                let end = read_day(fields, format!("{path}.end"), end);
                match (start, end) {
                    (Some(start), Some(end)) => fields
                        .value(
                            format!("{path}.end"),
                            "end date",
                            "a date on or after the start date",
                            &end.to_string(),
                            |_| DateRange::new(start, end).ok(),
                        )
                        .map(WaveOverride::Dates),
                    _ => None,
                }
            }
            _ => {
                fields.problem(
                    path,
                    FieldIssue::InvalidValue {
                        what: "wave override",
                        value: format!(
                            "wave {}, start {}, end {}",
                            item.wave.map_or("none".to_owned(), |wave| wave.to_string()),
                            item.start.as_deref().unwrap_or("none"),
                            item.end.as_deref().unwrap_or("none")
                        ),
                        expected: "either a wave, or a start and an end date".to_owned(),
                    },
                );
                None
            }
        };
        if let Some(value) = value {
            read.insert(InitiativeId::new(initiative), value);
        }
    }
    read
}

fn read_day(fields: &mut Fields, path: String, text: &str) -> Option<NaiveDate> {
    fields.value(path, "date", "a date such as 2026-06-30", text, |text| {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
    })
}
