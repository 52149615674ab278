//! What the store hands out: domain values with their ids and times.

use std::fmt;

use chrono::{DateTime, Utc};
use tcm_core::{
    Assessment, AssessmentStatus, Language, Mode, Organisation, PlannedAction, QuestionId,
    Questionnaire, RespondentProfile,
};

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// The id of an organisation in this database.
    OrganisationId
);
id_type!(
    /// The id of an assessment in this database (its portable identity is its uuid).
    AssessmentId
);
id_type!(
    /// The id of a respondent in this database.
    RespondentId
);
id_type!(
    /// The id of a kept action in this database.
    ActionId
);

#[derive(Debug, Clone, PartialEq)]
pub struct StoredOrganisation {
    pub id: OrganisationId,
    pub organisation: Organisation,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What it takes to start an assessment.
#[derive(Debug, Clone)]
pub struct NewAssessment<'a> {
    pub organisation: OrganisationId,
    /// Kept whole with the assessment.
    pub questionnaire: &'a Questionnaire,
    pub assessment: Assessment,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StoredAssessment {
    pub id: AssessmentId,
    pub uuid: String,
    pub organisation: OrganisationId,
    pub organisation_name: String,
    pub assessment: Assessment,
    pub questionnaire_id: String,
    pub questionnaire_version: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One line of the list of assessments, read without rescoring anything.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentSummary {
    pub id: AssessmentId,
    pub uuid: String,
    pub organisation: OrganisationId,
    pub organisation_name: String,
    pub title: String,
    pub mode: Mode,
    pub language: Language,
    pub status: AssessmentStatus,
    pub questionnaire_id: String,
    pub questionnaire_version: String,
    /// The row of the questionnaire snapshot the assessment uses (shared by assessments that
    /// use the same one); see [`crate::Store::snapshot_questionnaire`].
    pub questionnaire_snapshot: i64,
    pub respondents: usize,
    /// Questions with a value, out of `question_count`.
    pub answered_questions: usize,
    pub question_count: usize,
    /// The overall TCM index, exact (round it for display); `None` until a question has a value.
    pub overall_score: Option<f64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRespondent {
    pub id: RespondentId,
    pub assessment: AssessmentId,
    pub profile: RespondentProfile,
    /// The question this respondent was on when they left, to resume there.
    pub resume_question: Option<QuestionId>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StoredAction {
    pub id: ActionId,
    pub assessment: AssessmentId,
    pub action: PlannedAction,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Scores finalised at a moment, for comparisons over time.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreSnapshot {
    pub assessment: AssessmentId,
    pub taken_at: DateTime<Utc>,
    pub respondents: usize,
    pub overall: Option<f64>,
    /// In the order of the cycle.
    pub stages: [Option<f64>; 5],
}
