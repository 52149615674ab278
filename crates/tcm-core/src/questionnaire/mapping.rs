//! The correspondence between two versions of a questionnaire (for example TCM-92 1.0.0 and
//! 2.0.0): what became of each old question, which questions are new, and which pairs of
//! questions an audit on one version and an audit on the other can be compared on.

use std::collections::{BTreeMap, BTreeSet};

use super::model::{QuestionId, Questionnaire};

/// What became of one question of the older version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionChange {
    /// Same question, same wording.
    Same,
    /// Same question and id, new wording (or a new stage); answers stay comparable.
    Reworded,
    /// Its content now lives in several questions of the newer version.
    SplitInto(Vec<QuestionId>),
    /// Its content was folded into another question (which keeps its own id).
    MergedInto(QuestionId),
    /// Dropped without successor.
    Removed,
}

/// A parsed mapping file, before it is checked against the two questionnaires.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionMapping {
    questionnaire: String,
    from: semver::Version,
    to: semver::Version,
    changes: BTreeMap<QuestionId, QuestionChange>,
    new: Vec<QuestionId>,
}

/// Every problem found in a mapping file or between it and its questionnaires.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file} is not a valid question mapping: {}", .problems.join("; "))]
pub struct InvalidMapping {
    pub file: String,
    pub problems: Vec<String>,
}

/// A question of the older version and the question of the newer one its answers compare to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparablePair {
    pub old: QuestionId,
    pub new: QuestionId,
}

impl QuestionMapping {
    /// Reads a mapping file:
    ///
    /// ```toml
    /// questionnaire = "tcm-92"
    /// from = "1.0.0"
    /// to = "2.0.0"
    /// new = ["cre-25"]
    /// [questions]
    /// cre-01 = "same"                      # or "reworded", "removed"
    /// cre-12 = { merged_into = "cre-15" }
    /// act-06 = { split_into = ["act-06", "act-27"] }
    /// ```
    pub fn from_toml(text: &str, file: &str) -> Result<QuestionMapping, InvalidMapping> {
        let invalid = |problems: Vec<String>| InvalidMapping {
            file: file.to_owned(),
            problems,
        };
        let table: toml::Table = text
            .parse()
            .map_err(|error: toml::de::Error| invalid(vec![error.message().trim().to_owned()]))?;
        let mut problems = Vec::new();
        let string = |key: &str, problems: &mut Vec<String>| match table.get(key) {
            Some(toml::Value::String(value)) => Some(value.clone()),
            _ => {
                problems.push(format!("`{key}` must be a string"));
                None
            }
        };
        let version = |key: &str, problems: &mut Vec<String>| {
            string(key, problems).and_then(|text| {
                semver::Version::parse(&text)
                    .map_err(|error| problems.push(format!("`{key}` = `{text}`: {error}")))
                    .ok()
            })
        };
        let questionnaire = string("questionnaire", &mut problems);
        let from = version("from", &mut problems);
        let to = version("to", &mut problems);
        let new = match table.get("new") {
            None => Vec::new(),
            Some(value) => id_list(value, "`new`", &mut problems),
        };
        let mut changes = BTreeMap::new();
        match table.get("questions") {
            Some(toml::Value::Table(entries)) => {
                for (id, value) in entries {
                    if let Some(change) = read_change(id, value, &mut problems) {
                        changes.insert(QuestionId::new(id.as_str()), change);
                    }
                }
            }
            _ => problems.push("`questions` must be a table of question ids".to_owned()),
        }
        for key in table.keys() {
            if !["questionnaire", "from", "to", "new", "questions"].contains(&key.as_str()) {
                problems.push(format!("unknown key `{key}`"));
            }
        }
        match (questionnaire, from, to) {
            (Some(questionnaire), Some(from), Some(to)) if problems.is_empty() => {
                Ok(QuestionMapping {
                    questionnaire,
                    from,
                    to,
                    changes,
                    new,
                })
            }
            _ => Err(invalid(problems)),
        }
    }

    pub fn questionnaire(&self) -> &str {
        &self.questionnaire
    }

    pub fn from_version(&self) -> &semver::Version {
        &self.from
    }

    pub fn to_version(&self) -> &semver::Version {
        &self.to
    }

    /// What became of an old question, if the mapping says.
    pub fn change(&self, old: &str) -> Option<&QuestionChange> {
        self.changes.get(old)
    }

    /// Questions of the newer version with no predecessor.
    pub fn new_questions(&self) -> &[QuestionId] {
        &self.new
    }

    /// Checks the mapping against the two questionnaires it links: it covers every old and
    /// every new question, names only questions that exist, and never gives a removed,
    /// merged or split id to a question of the newer version.
    pub fn check(&self, old: &Questionnaire, new: &Questionnaire) -> Result<(), InvalidMapping> {
        let mut problems = Vec::new();
        for (questionnaire, version, role) in [(old, &self.from, "older"), (new, &self.to, "newer")]
        {
            if questionnaire.id() != self.questionnaire || questionnaire.version() != version {
                problems.push(format!(
                    "the {role} questionnaire is `{}` {}, the mapping expects `{}` {version}",
                    questionnaire.id(),
                    questionnaire.version(),
                    self.questionnaire
                ));
            }
        }
        let in_new = |id: &QuestionId| new.question(id.as_str()).is_some();
        let mut covered: BTreeSet<&QuestionId> = BTreeSet::new();
        for question in old.questions() {
            if !self.changes.contains_key(&question.id) {
                problems.push(format!(
                    "`{}` of the older version is not mapped",
                    question.id
                ));
            }
        }
        for (id, change) in &self.changes {
            if old.question(id.as_str()).is_none() {
                problems.push(format!("`{id}` is not a question of the older version"));
            }
            match change {
                QuestionChange::Same | QuestionChange::Reworded => {
                    if in_new(id) {
                        covered.insert(id);
                    } else {
                        problems.push(format!("`{id}` is kept but missing from the newer version"));
                    }
                }
                QuestionChange::MergedInto(target) => {
                    if !in_new(target) {
                        problems.push(format!(
                            "`{id}` is merged into `{target}`, which does not exist"
                        ));
                    }
                }
                QuestionChange::SplitInto(targets) => {
                    for target in targets {
                        if in_new(target) {
                            covered.insert(target);
                        } else {
                            problems.push(format!(
                                "`{id}` is split into `{target}`, which does not exist"
                            ));
                        }
                    }
                }
                QuestionChange::Removed => {}
            }
            let gone = matches!(
                change,
                QuestionChange::Removed | QuestionChange::MergedInto(_)
            ) || matches!(change, QuestionChange::SplitInto(targets) if !targets.contains(id));
            if gone && in_new(id) {
                problems.push(format!(
                    "`{id}` was removed, merged or split, yet the newer version reuses its id"
                ));
            }
        }
        for id in &self.new {
            if old.question(id.as_str()).is_some() {
                problems.push(format!(
                    "`{id}` is listed as new but exists in the older version"
                ));
            }
            if in_new(id) {
                covered.insert(id);
            } else {
                problems.push(format!(
                    "`{id}` is listed as new but missing from the newer version"
                ));
            }
        }
        for question in new.questions() {
            if !covered.contains(&question.id) {
                problems.push(format!(
                    "`{}` of the newer version is neither kept, split into, nor listed as new",
                    question.id
                ));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(InvalidMapping {
                file: format!("mapping {} {} → {}", self.questionnaire, self.from, self.to),
                problems,
            })
        }
    }

    /// The pairs of questions an audit on the older version and one on the newer version can
    /// be compared on: questions kept the same or reworded, present in both. A merged, split,
    /// removed or new question has no pair. The length is how many questions a comparison
    /// across versions rests on.
    pub fn comparable_pairs(
        &self,
        old: &Questionnaire,
        new: &Questionnaire,
    ) -> Vec<ComparablePair> {
        old.questions()
            .iter()
            .filter(|question| {
                matches!(
                    self.changes.get(&question.id),
                    Some(QuestionChange::Same | QuestionChange::Reworded)
                ) && new.question(question.id.as_str()).is_some()
            })
            .map(|question| ComparablePair {
                old: question.id.clone(),
                new: question.id.clone(),
            })
            .collect()
    }
}

fn id_list(value: &toml::Value, what: &str, problems: &mut Vec<String>) -> Vec<QuestionId> {
    match value {
        toml::Value::Array(items) => items
            .iter()
            .filter_map(|item| match item {
                toml::Value::String(id) => Some(QuestionId::new(id.as_str())),
                other => {
                    problems.push(format!(
                        "{what} lists a {}, not a question id",
                        other.type_str()
                    ));
                    None
                }
            })
            .collect(),
        _ => {
            problems.push(format!("{what} must be an array of question ids"));
            Vec::new()
        }
    }
}

fn read_change(
    id: &str,
    value: &toml::Value,
    problems: &mut Vec<String>,
) -> Option<QuestionChange> {
    match value {
        toml::Value::String(kind) => match kind.as_str() {
            "same" => Some(QuestionChange::Same),
            "reworded" => Some(QuestionChange::Reworded),
            "removed" => Some(QuestionChange::Removed),
            other => {
                problems.push(format!(
                    "`{id}` = `{other}`: expected same, reworded, removed, {{ merged_into = … }} or {{ split_into = […] }}"
                ));
                None
            }
        },
        toml::Value::Table(table) if table.len() == 1 => {
            match (table.get("merged_into"), table.get("split_into")) {
                (Some(toml::Value::String(target)), None) => {
                    Some(QuestionChange::MergedInto(QuestionId::new(target.as_str())))
                }
                (None, Some(targets)) => {
                    let targets = id_list(targets, &format!("`split_into` of `{id}`"), problems);
                    if targets.len() < 2 {
                        problems.push(format!("`{id}` must be split into at least two questions"));
                        None
                    } else {
                        Some(QuestionChange::SplitInto(targets))
                    }
                }
                _ => {
                    problems.push(format!(
                        "`{id}`: expected {{ merged_into = \"id\" }} or {{ split_into = [\"id\", …] }}"
                    ));
                    None
                }
            }
        }
        _ => {
            problems.push(format!(
                "`{id}`: expected a string (same, reworded, removed) or a table (merged_into, split_into)"
            ));
            None
        }
    }
}
