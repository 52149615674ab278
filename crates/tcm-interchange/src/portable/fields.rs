//! Collecting the problems of a `.tcm` file's values, each with its path, while reading
//! them: a value that does not read is `None` and leaves a problem behind.

use std::str::FromStr;

use chrono::{DateTime, Utc};
use tcm_core::{QuestionId, Questionnaire};

use super::error::{FieldIssue, FieldProblem};

const TIME: &str = "an RFC 3339 time such as 2026-03-01T09:30:00Z";

/// The problems found so far.
#[derive(Default)]
pub(super) struct Fields {
    pub problems: Vec<FieldProblem>,
}

impl Fields {
    pub fn problem(&mut self, path: impl Into<String>, issue: FieldIssue) {
        self.problems.push(FieldProblem {
            path: path.into(),
            issue,
        });
    }

    /// `text` read by `read`, or a problem naming `what` was expected.
    pub fn value<T>(
        &mut self,
        path: impl Into<String>,
        what: &'static str,
        expected: &str,
        text: &str,
        read: impl FnOnce(&str) -> Option<T>,
    ) -> Option<T> {
        let value = read(text);
        if value.is_none() {
            self.problem(
                path,
                FieldIssue::InvalidValue {
                    what,
                    value: text.to_owned(),
                    expected: expected.to_owned(),
                },
            );
        }
        value
    }

    /// One of a closed list of ids (mode, sector…), with the list as what was expected.
    pub fn known<T: FromStr<Err = tcm_core::assessment::UnknownValue>>(
        &mut self,
        path: impl Into<String>,
        what: &'static str,
        text: &str,
    ) -> Option<T> {
        match text.parse() {
            Ok(value) => Some(value),
            Err(unknown) => {
                self.problem(
                    path,
                    FieldIssue::InvalidValue {
                        what,
                        value: text.to_owned(),
                        expected: format!("one of: {}", unknown.expected),
                    },
                );
                None
            }
        }
    }

    pub fn time(&mut self, path: impl Into<String>, text: &str) -> Option<DateTime<Utc>> {
        self.value(path, "time", TIME, text, |text| {
            DateTime::parse_from_rfc3339(text)
                .ok()
                .map(|time| time.with_timezone(&Utc))
        })
    }

    pub fn not_empty(&mut self, path: impl Into<String>, text: &str) -> bool {
        let empty = text.trim().is_empty();
        if empty {
            self.problem(path, FieldIssue::Empty);
        }
        !empty
    }

    pub fn question(
        &mut self,
        path: impl Into<String>,
        questionnaire: &Questionnaire,
        id: &str,
    ) -> Option<QuestionId> {
        if questionnaire.question(id).is_some() {
            Some(QuestionId::new(id))
        } else {
            self.problem(
                path,
                FieldIssue::UnknownQuestion {
                    question: id.to_owned(),
                },
            );
            None
        }
    }
}
