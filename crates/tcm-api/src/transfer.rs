//! Transfer types: plain data shaped for the UI, converted from domain types.

use serde::Serialize;
use ts_rs::TS;

/// A text in French and English; the UI picks the language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LocalizedText {
    pub fr: String,
    pub en: String,
}

impl From<&tcm_core::Localized> for LocalizedText {
    fn from(text: &tcm_core::Localized) -> LocalizedText {
        LocalizedText {
            fr: text.fr.clone(),
            en: text.en.clone(),
        }
    }
}

/// One stage of a questionnaire, as the home screen and the stepper show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StageOverview {
    /// `creative`, `active`, `curative`, `preventive` or `proactive`.
    pub id: String,
    pub name: LocalizedText,
    pub purpose: LocalizedText,
    pub question_count: u32,
    pub theme_count: u32,
}

/// A questionnaire at a glance.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuestionnaireOverview {
    pub id: String,
    pub version: String,
    pub title: LocalizedText,
    pub description: Option<LocalizedText>,
    pub question_count: u32,
    /// The five stages, in the order of the cycle.
    pub stages: Vec<StageOverview>,
    /// The id of the full grid this one is a variant of, if it is one.
    pub variant_of: Option<String>,
}

impl From<&tcm_core::Questionnaire> for QuestionnaireOverview {
    fn from(questionnaire: &tcm_core::Questionnaire) -> QuestionnaireOverview {
        QuestionnaireOverview {
            id: questionnaire.id().to_owned(),
            version: questionnaire.version().to_string(),
            title: questionnaire.title().into(),
            description: questionnaire.description().map(Into::into),
            question_count: count(questionnaire.questions().len()),
            stages: questionnaire
                .stages()
                .iter()
                .map(|stage| StageOverview {
                    id: stage.id.as_str().to_owned(),
                    name: (&stage.name).into(),
                    purpose: (&stage.purpose).into(),
                    question_count: count(questionnaire.questions_of(stage.id).count()),
                    theme_count: count(questionnaire.themes_of(stage.id).count()),
                })
                .collect(),
            variant_of: questionnaire.variant_of().map(|origin| origin.id.clone()),
        }
    }
}

/// Counts shown to the UI fit easily in 32 bits (a questionnaire has ~100 questions).
pub(crate) fn count(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}
