//! Case studies for the classroom: a company described in French and English, the
//! questionnaire students answer about it, and the teacher's key (a reference answer and a
//! justification for every question). A case is data, read from TOML like a questionnaire,
//! with every problem located as `file:line:column`; format in `cases/README.md`.

mod parse;

pub use parse::{CaseSpec, is_case_file, parse_case_file};

use crate::grading::{Key, KeyAnswer, KeyMismatch};
use crate::questionnaire::{QuestionId, Questionnaire};
use crate::text::Localized;

/// The version of the case file format this code reads (the `format` key).
pub const CASE_FORMAT_VERSION: i64 = 1;

/// The key's entry for one question.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyEntry {
    pub question: QuestionId,
    pub answer: KeyAnswer,
    /// Two or three sentences pointing at the evidence in the case text.
    pub justification: Localized,
}

/// A case checked against its questionnaire: every question has exactly one key entry, in
/// the questionnaire's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub id: String,
    pub version: semver::Version,
    pub title: Localized,
    /// The questionnaire students answer, as the case names it.
    pub questionnaire_id: String,
    pub questionnaire_version: semver::VersionReq,
    /// The case as students read it: Markdown, French and English.
    pub text: Localized,
    /// One entry per question of the questionnaire, in its order.
    pub key: Vec<KeyEntry>,
}

impl Case {
    /// The key as grading uses it.
    pub fn grading_key(&self, questionnaire: &Questionnaire) -> Result<Key, KeyMismatch> {
        Key::new(
            questionnaire,
            self.key
                .iter()
                .map(|entry| (entry.question.clone(), entry.answer)),
        )
    }

    /// The key's entry for one question.
    pub fn entry(&self, question: &str) -> Option<&KeyEntry> {
        self.key
            .iter()
            .find(|entry| entry.question.as_str() == question)
    }
}
