//! One assessment as a `.tcm` file carries it: everything needed to open it on another
//! computer, in domain types. The store builds it on export and takes it apart on import.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use tcm_core::strategy::waves::WaveOverrides;
use tcm_core::{
    AnswerSheet, Assessment, Consensus, InvalidQuestionnaire, Organisation, PlannedAction,
    QuestionId, Questionnaire, Respondent, RespondentProfile, Response, StageId,
};

/// An assessment with its questionnaire snapshot, respondents, answers, consensus values,
/// action plan and finalised scores.
#[derive(Debug, Clone, PartialEq)]
pub struct PortableAssessment {
    /// The assessment's stable global id, given by the store that created it. An import
    /// recognises "the same assessment" by it, so that importing twice does not duplicate.
    pub uuid: String,
    pub organisation: Organisation,
    pub assessment: Assessment,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The id of the questionnaire the assessment was run with.
    pub questionnaire_id: String,
    /// Its version (semver), as in the snapshot.
    pub questionnaire_version: String,
    /// The questionnaire as it was, written by [`Questionnaire::to_toml`].
    pub questionnaire_snapshot: String,
    /// The case study this assessment audits, when it is a class exercise: a student's app
    /// opening the teacher's starter file finds the case among its shipped ones by this.
    pub case: Option<CaseLink>,
    /// Who answered, in the store's order; labels are unique.
    pub respondents: Vec<RespondentProfile>,
    /// Each respondent's answers, by (respondent label, question id).
    pub answers: BTreeMap<(Respondent, QuestionId), RecordedAnswer>,
    /// The values the group agreed on, by question.
    pub consensus: BTreeMap<QuestionId, AgreedValue>,
    /// The action plan as the user keeps it.
    pub actions: Vec<PlannedAction>,
    /// Scores taken when the assessment was finalised, oldest first; may be empty.
    pub score_snapshots: Vec<ScoreSnapshot>,
    /// The user's wave or dates for initiatives of the roadmap. `None` for a file written
    /// before overrides travelled: importing it leaves the overrides already here alone.
    pub wave_overrides: Option<WaveOverrides>,
}

/// The case study of a class exercise, by the id and version of its case file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseLink {
    pub id: String,
    pub version: String,
}

/// One answer as recorded, with when it was last changed.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordedAnswer {
    pub answer: tcm_core::Answer,
    pub comment: Option<String>,
    pub updated_at: DateTime<Utc>,
}

/// A consensus value and the note that explains it.
#[derive(Debug, Clone, PartialEq)]
pub struct AgreedValue {
    pub value: Consensus,
    /// May be empty.
    pub note: String,
}

/// Scores as they were when the assessment was finalised, on the 0–100 scale; `None` where
/// there was no score.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreSnapshot {
    pub taken_at: DateTime<Utc>,
    pub overall: Option<f64>,
    /// The five stages, in the order of the cycle ([`StageId::index`]).
    pub stages: [Option<f64>; 5],
}

impl ScoreSnapshot {
    /// One stage's score.
    pub fn stage(&self, stage: StageId) -> Option<f64> {
        self.stages[stage.index()]
    }
}

impl PortableAssessment {
    /// The answers and consensus values as an answer sheet, ready to score.
    pub fn answer_sheet(&self) -> AnswerSheet {
        let mut sheet = AnswerSheet::new();
        for ((respondent, question), recorded) in &self.answers {
            sheet.set(
                respondent.clone(),
                question.clone(),
                Response {
                    answer: recorded.answer,
                    comment: recorded.comment.clone(),
                },
            );
        }
        for (question, agreed) in &self.consensus {
            sheet.set_consensus(question.clone(), Some(agreed.value));
        }
        sheet
    }

    /// The questionnaire of the snapshot. A file read by [`super::from_json`] always has one
    /// that parses.
    pub fn questionnaire(&self) -> Result<Questionnaire, InvalidQuestionnaire> {
        Questionnaire::from_toml(&self.questionnaire_snapshot, super::SNAPSHOT_FILE)
    }
}
