//! The TCM domain, pure: questionnaires and their validation, answers, scoring, aggregation.
//!
//! Architecture invariant: this crate does no I/O. It never touches files, the network, a
//! database or the clock; callers pass text in and get values out, and pass time in when a
//! result depends on it. That is what makes every result reproducible and testable.

pub mod action_plan;
pub mod aggregate;
pub mod answer;
pub mod assessment;
pub mod case;
pub mod grading;
pub mod level;
pub mod limits;
pub mod maturity;
pub mod perception;
pub mod questionnaire;
pub mod ranking;
pub mod scoring;
pub mod stage;
pub mod strategy;
pub mod text;
pub mod vocabulary;
pub mod votes;

pub use action_plan::{ActionPlan, PlanItem, PlanLabel, PlanOrigin, action_plan};
pub use answer::{Answer, AnswerSheet, Consensus, Level, Respondent, Response};
pub use assessment::{
    ActionLink, ActionStatus, Assessment, AssessmentStatus, Mode, Organisation, OrganisationSize,
    PlannedAction, RespondentProfile, Sector, Targets, next_participant_label,
};
pub use maturity::MaturityLevel;
pub use questionnaire::{
    Diagnostic, InvalidQuestionnaire, Question, QuestionId, Questionnaire, QuestionnaireFile,
    Stage, Theme, ThemeId, parse_questionnaire_file,
};
pub use ranking::{STANDOUT_THEMES, ThemeRanking, rank_themes};
pub use scoring::{Score, Scorecard, score};
pub use stage::StageId;
pub use text::{Language, Localized};
