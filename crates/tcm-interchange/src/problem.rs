//! What can be wrong in a row or a cell of a responses file, with where it is. Readers collect
//! every problem before refusing a file, so that people can fix them all at once.

use std::fmt;

use tcm_core::limits::TextField;
use tcm_core::{QuestionId, Respondent};

use crate::location::Location;

/// What is wrong in one row, cell or header.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    #[error("unreadable header: {0}")]
    UnreadableHeader(String),
    #[error("unreadable row: {0}")]
    UnreadableRow(String),
    #[error(
        "a quoted field opens on this line and is never closed: every line after it would be read into that field (add the closing `\"`)"
    )]
    UnclosedQuote,
    #[error(
        "expected {expected} fields as in the header, found {found} (is a comment with a delimiter missing its quotes?)"
    )]
    FieldCount { expected: usize, found: usize },
    #[error("the respondent is empty")]
    EmptyRespondent,
    #[error("unknown question id `{}` (not in questionnaire `{questionnaire}`)", excerpt(.question))]
    UnknownQuestion {
        question: String,
        questionnaire: String,
    },
    #[error("invalid answer `{}`{} (expected 0, 1, 2, 3, 4, NA or ?)", excerpt(.text), to_question(.question.as_ref()))]
    InvalidAnswer {
        text: String,
        /// Set when the row does not say which question it is (wide format).
        question: Option<QuestionId>,
    },
    /// An answer of a form's export that none of the accepted spellings reads.
    #[error("invalid answer `{}` to question `{question}` ({accepted})", excerpt(.text))]
    UnreadableAnswer {
        text: String,
        question: QuestionId,
        /// The spellings that are read, listed for the user.
        accepted: String,
    },
    #[error("respondent `{respondent}` already answered question `{question}` at {first}")]
    DuplicateAnswer {
        respondent: Respondent,
        question: QuestionId,
        first: Location,
    },
    #[error("respondent `{respondent}` already has a row at {first}")]
    DuplicateRespondent {
        respondent: Respondent,
        first: Location,
    },
    #[error(
        "a comment on question `{question}` without an answer (give an answer, `?` if unknown, or clear the comment)"
    )]
    CommentWithoutAnswer { question: QuestionId },
    #[error("a second column for {what} (the first is `{first}`)")]
    DuplicateColumn { what: String, first: String },
    /// A text longer than its field holds (tcm-core's `limits`): refused here, where the
    /// user can find it, rather than by the store without a place.
    #[error(
        "{} of {chars} characters; the limit is {limit} (shorten it in the file)",
        .field.name()
    )]
    TextTooLong {
        field: TextField,
        chars: usize,
        limit: usize,
    },
}

/// What the user wrote, quoted in a message: at most 80 characters (a 10 MB question id must
/// not make a 10 MB message).
fn excerpt(text: &str) -> std::borrow::Cow<'_, str> {
    tcm_core::limits::quoted_excerpt(text, 80)
}

fn to_question(question: Option<&QuestionId>) -> String {
    question.map_or_else(String::new, |question| format!(" to question `{question}`"))
}

/// One problem and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub location: Location,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn new(location: Location, kind: ProblemKind) -> Problem {
        Problem { location, kind }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.kind)
    }
}

/// The problems of a refused file: the first [`Problems::LISTED`] of them, and how many more
/// there are, so that a file wrong on every line still gives a readable message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems {
    listed: Vec<Problem>,
    more: usize,
}

impl Problems {
    /// How many problems are kept and shown.
    pub const LISTED: usize = 20;

    /// Keeps the first [`Problems::LISTED`] problems and counts the others.
    pub fn new(mut problems: Vec<Problem>) -> Problems {
        let more = problems.len().saturating_sub(Problems::LISTED);
        problems.truncate(Problems::LISTED);
        Problems {
            listed: problems,
            more,
        }
    }

    /// The problems kept, in file order.
    pub fn listed(&self) -> &[Problem] {
        &self.listed
    }

    /// How many problems were found beyond those listed.
    pub fn more(&self) -> usize {
        self.more
    }

    /// Every problem found, listed or not.
    pub fn total(&self) -> usize {
        self.listed.len() + self.more
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, problem) in self.listed.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        if self.more > 0 {
            write!(f, "\nand {} more", self.more)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{Problem, ProblemKind, Problems};
    use crate::location::Location;

    #[test]
    fn at_most_twenty_problems_are_listed_then_the_rest_is_counted() {
        let problems: Vec<Problem> = (2..=31)
            .map(|line| Problem::new(Location::Line(line), ProblemKind::EmptyRespondent))
            .collect();
        let problems = Problems::new(problems);
        assert_eq!(problems.listed().len(), 20);
        assert_eq!(problems.more(), 10);
        assert_eq!(problems.total(), 30);
        let text = problems.to_string();
        assert!(
            text.starts_with("line 2: the respondent is empty\nline 3:"),
            "{text}"
        );
        assert!(
            text.ends_with("line 21: the respondent is empty\nand 10 more"),
            "{text}"
        );
    }

    #[test]
    fn a_short_list_has_no_tail() {
        let problems = Problems::new(vec![Problem::new(
            Location::Cell { row: 7, column: 3 },
            ProblemKind::InvalidAnswer {
                text: "7".to_owned(),
                question: Some(tcm_core::QuestionId::new("cre-02")),
            },
        )]);
        assert_eq!(
            problems.to_string(),
            "cell D7: invalid answer `7` to question `cre-02` (expected 0, 1, 2, 3, 4, NA or ?)"
        );
    }
}
