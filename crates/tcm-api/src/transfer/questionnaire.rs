//! Questionnaires as the UI shows them: at a glance, and in full for the questionnaire screen.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{StageId, count};

/// A text in French and English; the UI picks the language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
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
    pub id: StageId,
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
                    id: stage.id.into(),
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

/// One level of the answer scale.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ScaleLevelDetail {
    pub level: u8,
    pub label: LocalizedText,
    pub description: LocalizedText,
}

/// One question, with what a respondent needs to answer it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuestionDetail {
    pub id: String,
    pub text: LocalizedText,
    pub help: LocalizedText,
    pub weight: f64,
    pub source: String,
    /// What each level 0–4 looks like for this question, level 0 first; absent on version 1
    /// snapshots, which have none.
    pub rubric: Option<Vec<LocalizedText>>,
    /// When set, the practice may not exist in some sectors; says when to answer N/A.
    pub may_not_apply: Option<LocalizedText>,
    /// Ids of the questions whose practice this one builds on.
    pub depends_on: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ThemeDetail {
    pub id: String,
    pub name: LocalizedText,
    pub description: Option<LocalizedText>,
    pub questions: Vec<QuestionDetail>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct StageDetail {
    pub id: StageId,
    pub name: LocalizedText,
    pub purpose: LocalizedText,
    pub themes: Vec<ThemeDetail>,
}

/// A whole questionnaire, stage by stage and theme by theme, in questionnaire order.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuestionnaireDetail {
    pub id: String,
    pub version: String,
    pub title: LocalizedText,
    pub scale: Vec<ScaleLevelDetail>,
    pub stages: Vec<StageDetail>,
    pub question_count: u32,
}

impl From<&tcm_core::Questionnaire> for QuestionnaireDetail {
    fn from(questionnaire: &tcm_core::Questionnaire) -> QuestionnaireDetail {
        QuestionnaireDetail {
            id: questionnaire.id().to_owned(),
            version: questionnaire.version().to_string(),
            title: questionnaire.title().into(),
            scale: questionnaire
                .scale()
                .iter()
                .map(|level| ScaleLevelDetail {
                    level: level.level.value(),
                    label: (&level.label).into(),
                    description: (&level.description).into(),
                })
                .collect(),
            stages: questionnaire
                .stages()
                .iter()
                .map(|stage| StageDetail {
                    id: stage.id.into(),
                    name: (&stage.name).into(),
                    purpose: (&stage.purpose).into(),
                    themes: questionnaire
                        .themes_of(stage.id)
                        .map(|theme| ThemeDetail {
                            id: theme.id.to_string(),
                            name: (&theme.name).into(),
                            description: theme.description.as_ref().map(Into::into),
                            questions: questionnaire
                                .questions_in_theme(&theme.id)
                                .map(|question| QuestionDetail {
                                    id: question.id.to_string(),
                                    text: (&question.text).into(),
                                    help: (&question.help).into(),
                                    weight: question.weight,
                                    source: question.source.clone(),
                                    rubric: question.rubric.as_ref().map(|rubric| {
                                        rubric.levels().iter().map(Into::into).collect()
                                    }),
                                    may_not_apply: question.may_not_apply.as_ref().map(Into::into),
                                    depends_on: question
                                        .depends_on
                                        .iter()
                                        .map(ToString::to_string)
                                        .collect(),
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
            question_count: count(questionnaire.questions().len()),
        }
    }
}
