//! Variants: a questionnaire defined as a subset of another one's question ids (the classroom
//! variant of the full grid). A variant shares the base's scale, stages, themes and questions,
//! so its scores stay comparable with the full grid.

use std::collections::HashSet;

use toml::de::DeValue;

use super::diagnostic::{Diagnostic, InvalidQuestionnaire};
use super::model::{QuestionId, Questionnaire, QuestionnaireParts, VariantOrigin};
use super::parse::{Header, check_id, read_header, read_id, read_version_requirement};
use super::reader::TableReader;
use crate::text::Localized;

/// A question id cited by a variant, with where it is cited.
#[derive(Debug, Clone, PartialEq)]
struct CitedQuestion {
    id: QuestionId,
    /// What students should look for in a case to answer; replaces the base's, if any.
    look_for: Option<Localized>,
    line: usize,
    column: usize,
}

/// A parsed variant file, before it is resolved against its base.
#[derive(Debug, Clone, PartialEq)]
pub struct VariantSpec {
    file: String,
    id: String,
    version: semver::Version,
    title: Localized,
    description: Option<Localized>,
    base_id: String,
    base_version: semver::VersionReq,
    base_line: usize,
    questions: Vec<CitedQuestion>,
}

impl VariantSpec {
    /// The id of the questionnaire this variant is cut from.
    pub fn base_id(&self) -> &str {
        &self.base_id
    }

    /// The versions of the base this variant accepts (a semver requirement such as `^1.0`).
    pub fn base_version(&self) -> &semver::VersionReq {
        &self.base_version
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// Reads the variant-specific keys of a file whose root has a `base` table.
    pub(crate) fn read(root: &TableReader<'_, '_, '_>, file: &str) -> Option<VariantSpec> {
        let header = read_header(root);
        let base = root.table("base").and_then(|mut base| {
            base.set_context("`base`");
            let id = read_id(&base, "id", "base questionnaire id");
            let version = read_version_requirement(&base, "base", "^1.0");
            base.finish();
            Some((id?, version?, base.line_of(&base.span())))
        });
        let questions = read_cited_questions(root);
        let Header {
            id,
            version,
            title,
            description,
            ..
        } = header?;
        let (base_id, base_version, base_line) = base?;
        Some(VariantSpec {
            file: file.to_owned(),
            id,
            version,
            title,
            description,
            base_id,
            base_version,
            base_line,
            questions: questions?,
        })
    }

    /// Builds the variant's questionnaire from its base: the cited questions in the variant's
    /// order, the themes they use, and the base's scale and stages.
    pub fn resolve(&self, base: &Questionnaire) -> Result<Questionnaire, InvalidQuestionnaire> {
        let mut diagnostics = Vec::new();
        let mut at = |line: usize, column: usize, message: String| {
            diagnostics.push(Diagnostic {
                file: self.file.clone(),
                line,
                column,
                message,
            })
        };
        if base.id() != self.base_id {
            at(
                self.base_line,
                1,
                format!(
                    "this variant is cut from `{}`, but the base given is `{}`",
                    self.base_id,
                    base.id()
                ),
            );
        } else if !self.base_version.matches(base.version()) {
            at(
                self.base_line,
                1,
                format!(
                    "this variant needs `{}` version {}, but the base given is version {}",
                    self.base_id,
                    self.base_version,
                    base.version()
                ),
            );
        }
        let mut questions = Vec::new();
        for cited in &self.questions {
            match base.question(cited.id.as_str()) {
                Some(question) => {
                    let mut question = question.clone();
                    if let Some(look_for) = &cited.look_for {
                        question.look_for = Some(look_for.clone());
                    }
                    questions.push(question);
                }
                None => at(
                    cited.line,
                    cited.column,
                    format!("question `{}` is not in `{}`", cited.id, base.id()),
                ),
            }
        }
        if diagnostics.is_empty() {
            for stage in base.stages() {
                if !questions.iter().any(|question| question.stage == stage.id) {
                    diagnostics.push(Diagnostic {
                        file: self.file.clone(),
                        line: self.questions.first().map_or(1, |cited| cited.line),
                        column: 1,
                        message: format!("the variant has no question in stage `{}`", stage.id),
                    });
                }
            }
        }
        if !diagnostics.is_empty() {
            return Err(InvalidQuestionnaire {
                file: self.file.clone(),
                diagnostics,
            });
        }
        // A dependency on a question the variant leaves out cannot be sequenced: drop it.
        let kept: HashSet<QuestionId> = questions
            .iter()
            .map(|question| question.id.clone())
            .collect();
        for question in &mut questions {
            question
                .depends_on
                .retain(|dependency| kept.contains(dependency));
        }
        let used_themes: HashSet<_> = questions.iter().map(|question| &question.theme).collect();
        let themes = base
            .themes()
            .iter()
            .filter(|theme| used_themes.contains(&theme.id))
            .cloned()
            .collect();
        Ok(Questionnaire::assemble(QuestionnaireParts {
            id: self.id.clone(),
            version: self.version.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            scale: base.scale().to_vec(),
            stages: base.stages().to_vec(),
            themes,
            questions,
            variant_of: Some(VariantOrigin {
                id: base.id().to_owned(),
                version: base.version().clone(),
            }),
        }))
    }
}

/// `questions`: a non-empty array of distinct question ids, each given as a string or as a
/// table `{ id = "…", look_for = { fr = "…", en = "…" } }` (written `[[questions]]`).
fn read_cited_questions(root: &TableReader<'_, '_, '_>) -> Option<Vec<CitedQuestion>> {
    let (span, items) = root.array("questions")?;
    if items.is_empty() {
        root.error(
            span,
            "`questions` of a variant must list at least one question id",
        );
        return None;
    }
    let mut cited: Vec<CitedQuestion> = Vec::new();
    let mut complete = true;
    for item in items {
        let (id, id_span, look_for) = match item.get_ref() {
            DeValue::String(id) => (id.as_ref(), item.span(), None),
            DeValue::Table(table) => {
                let entry =
                    TableReader::new(root.sink(), table, item.span(), "an entry of `questions`");
                let id = entry.string("id");
                let look_for = entry.optional_localized("look_for");
                entry.finish();
                let Some(id) = id else {
                    complete = false;
                    continue;
                };
                (*id.get_ref(), id.span(), look_for)
            }
            other => {
                root.error(
                    item.span(),
                    format!(
                        "each entry of `questions` in a variant must be a question id (a string) or a table with `id`, found {}",
                        super::reader::kind_of(other)
                    ),
                );
                complete = false;
                continue;
            }
        };
        if !check_id(root, id, id_span.clone(), "question id") {
            complete = false;
            continue;
        }
        if cited.iter().any(|known| known.id.as_str() == id) {
            root.error(id_span, format!("question `{id}` is listed twice"));
            complete = false;
            continue;
        }
        cited.push(CitedQuestion {
            id: QuestionId::new(id),
            look_for,
            line: root.line_of(&id_span),
            column: root.column_of(&id_span),
        });
    }
    complete.then_some(cited)
}
