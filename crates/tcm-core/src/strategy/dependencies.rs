//! Which questions build on which: the prerequisites the sequence puts first. Passed in as a
//! value so that the sequence works with any source — none today, the grid's `depends_on`
//! field when a questionnaire carries it (`Dependencies::from_questionnaire(q, |question|
//! &question.depends_on)`), or a map written by hand.

use std::collections::{BTreeMap, BTreeSet};

use crate::questionnaire::{Question, QuestionId, Questionnaire};

/// For each question, the questions it depends on (its prerequisites).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dependencies {
    prerequisites: BTreeMap<QuestionId, Vec<QuestionId>>,
    depended_on: BTreeSet<QuestionId>,
}

impl Dependencies {
    /// No question depends on another.
    pub fn none() -> Dependencies {
        Dependencies::default()
    }

    /// Reads each question's prerequisites with `prerequisites_of`.
    pub fn from_questionnaire<F>(questionnaire: &Questionnaire, prerequisites_of: F) -> Dependencies
    where
        F: for<'a> Fn(&'a Question) -> &'a [QuestionId],
    {
        Dependencies::from_pairs(
            questionnaire
                .questions()
                .iter()
                .map(|question| (question.id.clone(), prerequisites_of(question).to_vec())),
        )
    }

    /// From `(question, its prerequisites)` pairs; a question listed twice keeps every
    /// prerequisite given, a question listed as its own prerequisite is ignored.
    pub fn from_pairs(
        pairs: impl IntoIterator<Item = (QuestionId, Vec<QuestionId>)>,
    ) -> Dependencies {
        let mut dependencies = Dependencies::default();
        for (question, prerequisites) in pairs {
            for prerequisite in prerequisites {
                if prerequisite == question {
                    continue;
                }
                let list = dependencies
                    .prerequisites
                    .entry(question.clone())
                    .or_default();
                if !list.contains(&prerequisite) {
                    list.push(prerequisite.clone());
                    dependencies.depended_on.insert(prerequisite);
                }
            }
        }
        dependencies
    }

    /// The questions `question` depends on.
    pub fn prerequisites(&self, question: &QuestionId) -> &[QuestionId] {
        self.prerequisites
            .get(question)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Whether another question depends on `question`.
    pub fn is_prerequisite(&self, question: &QuestionId) -> bool {
        self.depended_on.contains(question)
    }

    pub fn is_empty(&self) -> bool {
        self.prerequisites.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> QuestionId {
        QuestionId::new(text)
    }

    #[test]
    fn pairs_are_merged_and_self_dependencies_ignored() {
        let dependencies = Dependencies::from_pairs([
            (id("b"), vec![id("a"), id("b")]),
            (id("b"), vec![id("a"), id("c")]),
        ]);
        assert_eq!(dependencies.prerequisites(&id("b")), &[id("a"), id("c")]);
        assert!(dependencies.prerequisites(&id("a")).is_empty());
        assert!(dependencies.is_prerequisite(&id("a")));
        assert!(dependencies.is_prerequisite(&id("c")));
        assert!(!dependencies.is_prerequisite(&id("b")));
        assert!(Dependencies::none().is_empty());
    }
}
