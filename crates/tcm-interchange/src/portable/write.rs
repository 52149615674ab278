//! Writing a `.tcm` document: the assessment through the transfer structs, pretty-printed.
//! Deterministic: answers by respondent then question, consensus by question, lists in the
//! order given, times in UTC with only the fractional digits they need.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use tcm_core::strategy::{InitiativeId, WaveOverride};
use tcm_core::{ActionLink, Consensus, PlannedAction};

use super::model::{PortableAssessment, ScoreSnapshot};
use super::transfer::{
    ActionFields, AnswerFields, AssessmentFields, CaseFields, ConsensusFields, File, LinkFields,
    OrganisationFields, PerStage, QuestionnaireFields, RespondentFields, ScoreSnapshotFields,
    WaveOverrideFields,
};
use super::{FORMAT, FORMAT_VERSION};

/// A time as written in the file: RFC 3339, UTC, `Z`.
pub(super) fn time_text(time: &DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// A date as written in the file: `YYYY-MM-DD`.
pub(super) fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// The consensus value as written in the file: `0`–`4` or `NA`.
pub(super) fn consensus_text(value: Consensus) -> String {
    match value {
        Consensus::Level(level) => level.to_string(),
        Consensus::NotApplicable => "NA".to_owned(),
    }
}

fn file(portable: &PortableAssessment, exported_at: &DateTime<Utc>) -> File {
    let assessment = &portable.assessment;
    let organisation = &portable.organisation;
    File {
        format: FORMAT.to_owned(),
        format_version: FORMAT_VERSION,
        exported_at: time_text(exported_at),
        assessment: AssessmentFields {
            uuid: portable.uuid.clone(),
            title: assessment.title.clone(),
            mode: assessment.mode.as_str().to_owned(),
            language: assessment.language.code().to_owned(),
            status: assessment.status.as_str().to_owned(),
            targets: PerStage::from_array(assessment.targets.levels()),
            created_at: time_text(&portable.created_at),
            updated_at: time_text(&portable.updated_at),
        },
        organisation: OrganisationFields {
            name: organisation.name.clone(),
            sector: organisation.sector.as_str().to_owned(),
            size: organisation.size.map(|size| size.as_str().to_owned()),
            notes: organisation.notes.clone(),
        },
        questionnaire: QuestionnaireFields {
            id: portable.questionnaire_id.clone(),
            version: portable.questionnaire_version.clone(),
            snapshot: portable.questionnaire_snapshot.clone(),
        },
        case: portable.case.as_ref().map(|case| CaseFields {
            id: case.id.clone(),
            version: case.version.clone(),
        }),
        respondents: portable
            .respondents
            .iter()
            .map(|profile| RespondentFields {
                label: profile.label.clone(),
                role: profile.role.clone(),
                group: profile.group.clone(),
            })
            .collect(),
        answers: portable
            .answers
            .iter()
            .map(|((respondent, question), recorded)| AnswerFields {
                respondent: respondent.as_str().to_owned(),
                question: question.as_str().to_owned(),
                answer: recorded.answer.to_string(),
                comment: recorded.comment.clone(),
                updated_at: time_text(&recorded.updated_at),
            })
            .collect(),
        consensus: portable
            .consensus
            .iter()
            .map(|(question, agreed)| ConsensusFields {
                question: question.as_str().to_owned(),
                value: consensus_text(agreed.value),
                note: agreed.note.clone(),
            })
            .collect(),
        actions: portable.actions.iter().map(action).collect(),
        score_snapshots: portable.score_snapshots.iter().map(snapshot).collect(),
        wave_overrides: portable.wave_overrides.as_ref().map(|overrides| {
            overrides
                .iter()
                .map(|(initiative, value)| wave_override(initiative, value))
                .collect()
        }),
    }
}

fn wave_override(initiative: &InitiativeId, value: &WaveOverride) -> WaveOverrideFields {
    let (wave, start, end) = match value {
        WaveOverride::Wave(wave) => (Some(wave.number()), None, None),
        WaveOverride::Dates(dates) => (
            None,
            Some(date_text(dates.start())),
            Some(date_text(dates.end())),
        ),
    };
    WaveOverrideFields {
        initiative: initiative.as_str().to_owned(),
        wave,
        start,
        end,
    }
}

fn action(action: &PlannedAction) -> ActionFields {
    ActionFields {
        link: match &action.link {
            ActionLink::Question(question) => LinkFields::Question(question.as_str().to_owned()),
            ActionLink::Stage(stage) => LinkFields::Stage(stage.as_str().to_owned()),
        },
        title: action.title.clone(),
        description: action.description.clone(),
        owner: action.owner.clone(),
        due: action.due.map(date_text),
        status: action.status.as_str().to_owned(),
        impact: action.impact,
        effort: action.effort,
    }
}

fn snapshot(snapshot: &ScoreSnapshot) -> ScoreSnapshotFields {
    ScoreSnapshotFields {
        taken_at: time_text(&snapshot.taken_at),
        overall: snapshot.overall,
        stages: PerStage::from_array(snapshot.stages),
    }
}

/// The assessment as a `.tcm` document: pretty-printed UTF-8 JSON without BOM, ending with a
/// newline. The same assessment and time always give the same bytes. Scores that are not
/// finite numbers are written as `null`.
pub fn to_json(portable: &PortableAssessment, exported_at: DateTime<Utc>) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(&file(portable, &exported_at))
        .expect("the transfer structs have string keys only, so they always serialize");
    bytes.push(b'\n');
    bytes
}
