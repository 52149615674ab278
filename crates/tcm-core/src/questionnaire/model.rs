//! The questionnaire as the rest of the product sees it: validated, indexed, immutable.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use crate::level::Level;
use crate::stage::StageId;
use crate::text::Localized;

/// Identifier of a question, unique within a questionnaire (for example `cre-seg-01`).
/// Shared text: a clone costs no allocation (an answer sheet holds one per answer, a million
/// in the largest imports).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuestionId(Arc<str>);

impl QuestionId {
    pub fn new(id: impl Into<String>) -> QuestionId {
        QuestionId(Arc::from(id.into()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for QuestionId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

/// Identifier of a theme, unique within a questionnaire (for example `segmentation`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ThemeId(String);

impl ThemeId {
    pub fn new(id: impl Into<String>) -> ThemeId {
        ThemeId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ThemeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for ThemeId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

/// One level of the answer scale, with what it means in this questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleLevel {
    pub level: Level,
    pub label: Localized,
    pub description: Localized,
}

/// A stage as a questionnaire presents it.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub id: StageId,
    pub name: Localized,
    /// One or two sentences: what the stage means in Ohana's model.
    pub purpose: Localized,
}

/// A group of questions within one stage.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub id: ThemeId,
    pub stage: StageId,
    pub name: Localized,
    pub description: Option<Localized>,
}

/// What a company scoring low on a question should do.
#[derive(Debug, Clone, PartialEq)]
pub struct RecommendedAction {
    pub title: Localized,
    pub description: Localized,
    /// 1 (light) to 3 (structural project).
    pub effort: u8,
    /// 1 (marginal) to 3 (decisive).
    pub impact: u8,
}

/// What each level of the 0–4 scale looks like for one question: five observable sentences,
/// cumulative (a level includes the ones below it).
#[derive(Debug, Clone, PartialEq)]
pub struct Rubric {
    levels: [Localized; 5],
}

impl Rubric {
    /// Builds a rubric from the descriptions of levels 0 to 4, in that order.
    pub fn new(levels: [Localized; 5]) -> Rubric {
        Rubric { levels }
    }

    /// The description of one level.
    pub fn level(&self, level: Level) -> &Localized {
        &self.levels[usize::from(level.value()).min(4)]
    }

    /// The five descriptions, level 0 first.
    pub fn levels(&self) -> &[Localized; 5] {
        &self.levels
    }
}

/// One audit question: an observable practice or fact, answered on the 0–4 scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: QuestionId,
    pub stage: StageId,
    pub theme: ThemeId,
    pub text: Localized,
    pub help: Localized,
    /// Strictly positive; 1 by default, 2 for the foundations of a stage.
    pub weight: f64,
    /// The concept and where it comes from, e.g. "Ohana, ch. 6 — gestion des réclamations".
    pub source: String,
    /// A short verbatim quotation of the source document that `source` names (format 2).
    pub quote: Option<String>,
    /// What each level looks like for this question; required from format 2 on.
    pub rubric: Option<Rubric>,
    /// Questions whose practice this one presupposes (the action plan sequences them first).
    /// Validated: every id exists, no question depends on itself, no cycle.
    pub depends_on: Vec<QuestionId>,
    /// When set, the practice may not exist in some sectors; the note says when to answer N/A.
    pub may_not_apply: Option<Localized>,
    pub action: RecommendedAction,
    /// For students auditing a case from outside the company: what to look for in the case
    /// to answer (set by the classroom variant; optional in any questionnaire).
    pub look_for: Option<Localized>,
}

/// The questionnaire a classroom variant was cut from.
#[derive(Debug, Clone, PartialEq)]
pub struct VariantOrigin {
    pub id: String,
    pub version: semver::Version,
}

/// A validated questionnaire: the scale, the five stages, themes and questions.
///
/// Invariants, checked when it is built: ids are unique; every theme belongs to a declared
/// stage; every question's theme belongs to the question's stage; weights are > 0.
#[derive(Debug, Clone)]
pub struct Questionnaire {
    pub(crate) id: String,
    pub(crate) version: semver::Version,
    pub(crate) title: Localized,
    pub(crate) description: Option<Localized>,
    pub(crate) scale: Vec<ScaleLevel>,
    pub(crate) stages: Vec<Stage>,
    pub(crate) themes: Vec<Theme>,
    pub(crate) questions: Vec<Question>,
    pub(crate) variant_of: Option<VariantOrigin>,
    pub(crate) question_index: HashMap<QuestionId, usize>,
}

impl PartialEq for Questionnaire {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.version == other.version
            && self.title == other.title
            && self.description == other.description
            && self.scale == other.scale
            && self.stages == other.stages
            && self.themes == other.themes
            && self.questions == other.questions
            && self.variant_of == other.variant_of
    }
}

impl Questionnaire {
    /// Builds the index over parts that the parser already validated.
    pub(crate) fn assemble(parts: QuestionnaireParts) -> Questionnaire {
        let question_index = parts
            .questions
            .iter()
            .enumerate()
            .map(|(position, question)| (question.id.clone(), position))
            .collect();
        Questionnaire {
            id: parts.id,
            version: parts.version,
            title: parts.title,
            description: parts.description,
            scale: parts.scale,
            stages: parts.stages,
            themes: parts.themes,
            questions: parts.questions,
            variant_of: parts.variant_of,
            question_index,
        }
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn version(&self) -> &semver::Version {
        &self.version
    }

    pub fn title(&self) -> &Localized {
        &self.title
    }

    pub fn description(&self) -> Option<&Localized> {
        self.description.as_ref()
    }

    /// The five scale levels, 0 first.
    pub fn scale(&self) -> &[ScaleLevel] {
        &self.scale
    }

    /// The five stages, in the order of the cycle.
    pub fn stages(&self) -> &[Stage] {
        &self.stages
    }

    pub fn stage(&self, id: StageId) -> Option<&Stage> {
        self.stages.iter().find(|stage| stage.id == id)
    }

    /// Every theme, in file order.
    pub fn themes(&self) -> &[Theme] {
        &self.themes
    }

    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|theme| theme.id.as_str() == id)
    }

    /// The themes of one stage, in file order.
    pub fn themes_of(&self, stage: StageId) -> impl Iterator<Item = &Theme> {
        self.themes.iter().filter(move |theme| theme.stage == stage)
    }

    /// Every question, in file order.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index
            .get(id)
            .map(|&position| &self.questions[position])
    }

    /// Position of a question in [`Questionnaire::questions`].
    pub fn question_position(&self, id: &str) -> Option<usize> {
        self.question_index.get(id).copied()
    }

    /// The questions of one stage, in file order.
    pub fn questions_of(&self, stage: StageId) -> impl Iterator<Item = &Question> {
        self.questions
            .iter()
            .filter(move |question| question.stage == stage)
    }

    /// The questions of one theme, in file order.
    pub fn questions_in_theme<'a>(
        &'a self,
        theme: &'a ThemeId,
    ) -> impl Iterator<Item = &'a Question> {
        self.questions
            .iter()
            .filter(move |question| &question.theme == theme)
    }

    /// Set when this questionnaire is a variant (a subset of another one's questions).
    pub fn variant_of(&self) -> Option<&VariantOrigin> {
        self.variant_of.as_ref()
    }

    /// Number of questions per stage, in the order of the cycle.
    pub fn counts_per_stage(&self) -> Vec<(StageId, usize)> {
        self.stages
            .iter()
            .map(|stage| (stage.id, self.questions_of(stage.id).count()))
            .collect()
    }
}

/// The pieces of a questionnaire, before indexing. Built only by the parser.
pub(crate) struct QuestionnaireParts {
    pub id: String,
    pub version: semver::Version,
    pub title: Localized,
    pub description: Option<Localized>,
    pub scale: Vec<ScaleLevel>,
    pub stages: Vec<Stage>,
    pub themes: Vec<Theme>,
    pub questions: Vec<Question>,
    pub variant_of: Option<VariantOrigin>,
}
