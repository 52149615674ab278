//! What an import tells the user besides the answers: which column named the respondents
//! (or that none did and they were numbered), how each question column was recognised, the
//! columns that only resemble a question (proposed, never applied), and the scale read.

use std::fmt;

use tcm_core::QuestionId;

use super::matching::MatchedBy;
use super::spelling::AnswerScale;

/// The label of the `n`-th respondent (1-based) of a file that names nobody.
pub fn anonymous_label(n: usize) -> String {
    format!("Répondant {n}")
}

/// What the user chose for an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportOptions {
    /// How the file's numbers map to levels; 0–4 unless the user says the form ran 1–5.
    pub scale: AnswerScale,
}

/// A question column and how its header was recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionColumn {
    pub header: String,
    pub question: QuestionId,
    pub by: MatchedBy,
}

/// A column whose header resembles a question without naming it: not read, shown so that
/// the user can fix the header (or the form) and import again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// 1-based position of the column in the file.
    pub column: usize,
    pub header: String,
    pub question: QuestionId,
    /// Whether the header holds the id written loosely (`CRE 1`) or a text close to it.
    pub by: MatchedBy,
}

impl fmt::Display for Proposal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const LENGTH: usize = 40;
        let header: String = self.header.chars().take(LENGTH).collect();
        let ellipsis = if self.header.chars().count() > LENGTH {
            "…"
        } else {
            ""
        };
        let why = match self.by {
            MatchedBy::Id => "its id written differently",
            MatchedBy::Text => "a text close to the question's",
        };
        write!(
            f,
            "column {} `{header}{ellipsis}` looks like {} ({why}); not read",
            self.column, self.question
        )
    }
}

/// How a file was read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportReport {
    /// The header of the column that named the respondents; `None` for an anonymous file.
    pub respondent_column: Option<String>,
    /// Other columns that could have named them (a form's e-mail beside its name, or a
    /// column of `anonymous`), not used.
    pub other_respondent_columns: Vec<String>,
    /// No column named the respondents: they are `Répondant 1…n` in file order.
    pub anonymous: bool,
    /// The question columns read, in file order (wide format; empty for the long format).
    pub question_columns: Vec<QuestionColumn>,
    /// Columns that resemble a question and were not read.
    pub proposals: Vec<Proposal>,
    /// The scale the numbers were read on.
    pub scale: AnswerScale,
}

impl ImportReport {
    /// The report as lines for people, in English (the CLI prints them; the app shows its
    /// own fields).
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        match (&self.respondent_column, self.anonymous) {
            (Some(column), _) if !self.other_respondent_columns.is_empty() => {
                lines.push(format!(
                    "respondents named by column `{column}`, not by {}",
                    quoted(&self.other_respondent_columns)
                ));
            }
            (None, true) => {
                lines.push(format!(
                    "no column names the respondents: they are labelled `{}`, `{}`… in file order",
                    anonymous_label(1),
                    anonymous_label(2)
                ));
                if !self.other_respondent_columns.is_empty() {
                    lines.push(format!(
                        "no name in {}",
                        quoted(&self.other_respondent_columns)
                    ));
                }
            }
            _ => {}
        }
        let by_text = self
            .question_columns
            .iter()
            .filter(|column| column.by == MatchedBy::Text)
            .count();
        if by_text > 0 {
            lines.push(format!(
                "{by_text} question column(s) recognised by the question's text rather than its id"
            ));
        }
        if self.scale == AnswerScale::OneToFive {
            lines.push("answers read on a 1–5 scale: 1 is level 0, 5 is level 4".to_owned());
        }
        lines.extend(self.proposals.iter().map(ToString::to_string));
        lines
    }
}

/// Column headers, quoted and joined.
fn quoted(columns: &[String]) -> String {
    columns
        .iter()
        .map(|column| format!("`{column}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
