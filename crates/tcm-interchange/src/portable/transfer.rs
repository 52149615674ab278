//! The `.tcm` JSON document as serde sees it. These structs are the file format: changing a
//! name or a meaning here changes `docs/tcm-file-format.md` and may need a new format version.
//! Enumerations and dates are kept as text so that the reader can say which value is wrong.

use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct File {
    pub format: String,
    pub format_version: u64,
    pub exported_at: String,
    pub assessment: AssessmentFields,
    pub organisation: OrganisationFields,
    pub questionnaire: QuestionnaireFields,
    /// The case study a class exercise audits; `null` for any other assessment.
    #[serde(default)]
    pub case: Option<CaseFields>,
    #[serde(default)]
    pub respondents: Vec<RespondentFields>,
    #[serde(default)]
    pub answers: Vec<AnswerFields>,
    #[serde(default)]
    pub consensus: Vec<ConsensusFields>,
    #[serde(default)]
    pub actions: Vec<ActionFields>,
    #[serde(default)]
    pub score_snapshots: Vec<ScoreSnapshotFields>,
    /// The roadmap's wave overrides; absent in files written before they travelled (and so
    /// left out when read from such a file and written back, which keeps its bytes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wave_overrides: Option<Vec<WaveOverrideFields>>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct AssessmentFields {
    pub uuid: String,
    pub title: String,
    pub mode: String,
    pub language: String,
    pub status: String,
    pub targets: PerStage<u8>,
    pub created_at: String,
    pub updated_at: String,
}

/// One value per stage, named by the stage ids.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct PerStage<T> {
    pub creative: T,
    pub active: T,
    pub curative: T,
    pub preventive: T,
    pub proactive: T,
}

impl<T: Copy> PerStage<T> {
    pub fn from_array(values: [T; 5]) -> PerStage<T> {
        let [creative, active, curative, preventive, proactive] = values;
        PerStage {
            creative,
            active,
            curative,
            preventive,
            proactive,
        }
    }

    /// The values in the order of the cycle.
    pub fn to_array(&self) -> [T; 5] {
        [
            self.creative,
            self.active,
            self.curative,
            self.preventive,
            self.proactive,
        ]
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct OrganisationFields {
    pub name: String,
    pub sector: String,
    pub size: Option<String>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct QuestionnaireFields {
    pub id: String,
    pub version: String,
    pub snapshot: String,
}

/// A shipped case study, by the id and version its file gives.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct CaseFields {
    pub id: String,
    pub version: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct RespondentFields {
    pub label: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub group: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct AnswerFields {
    pub respondent: String,
    pub question: String,
    pub answer: String,
    pub comment: Option<String>,
    pub updated_at: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct ConsensusFields {
    pub question: String,
    pub value: String,
    #[serde(default)]
    pub note: String,
}

/// What an action is about: `{"question": "cre-01"}` or `{"stage": "creative"}`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum LinkFields {
    Question(String),
    Stage(String),
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct ActionFields {
    pub link: LinkFields,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub owner: String,
    pub due: Option<String>,
    pub status: String,
    pub impact: u8,
    pub effort: u8,
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct ScoreSnapshotFields {
    pub taken_at: String,
    pub overall: Option<f64>,
    pub stages: PerStage<Option<f64>>,
}

/// An initiative moved to a wave (`wave`: 1, 2 or 3) or given dates (`start`, `end`).
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct WaveOverrideFields {
    pub initiative: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wave: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}
