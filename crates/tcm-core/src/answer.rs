//! Answers: what respondents said about each question, and consensus values agreed in a workshop.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

pub use crate::level::Level;
use crate::questionnaire::QuestionId;

/// One respondent's answer to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    /// A level of the scale.
    Level(Level),
    /// The question does not apply to this organisation (`NA`).
    NotApplicable,
    /// The respondent does not know (`?`).
    DontKnow,
}

impl Answer {
    /// The level, when the answer is one.
    pub fn level(self) -> Option<Level> {
        match self {
            Answer::Level(level) => Some(level),
            Answer::NotApplicable | Answer::DontKnow => None,
        }
    }
}

impl fmt::Display for Answer {
    /// The canonical spelling, as written in answer files: `0`–`4`, `NA` or `?`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Answer::Level(level) => write!(f, "{level}"),
            Answer::NotApplicable => f.write_str("NA"),
            Answer::DontKnow => f.write_str("?"),
        }
    }
}

/// Text that is not an answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid answer `{0}` (expected 0, 1, 2, 3, 4, NA or ?)")]
pub struct InvalidAnswer(pub String);

impl FromStr for Answer {
    type Err = InvalidAnswer;

    /// Reads `0`–`4`, `NA` (also `N/A`, `na`, `n/a`) and `?`, ignoring surrounding spaces.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        match trimmed {
            "?" => Ok(Answer::DontKnow),
            _ if trimmed.eq_ignore_ascii_case("na") || trimmed.eq_ignore_ascii_case("n/a") => {
                Ok(Answer::NotApplicable)
            }
            _ => trimmed
                .parse::<u8>()
                .ok()
                .filter(|_| trimmed.len() == 1)
                .and_then(Level::new)
                .map(Answer::Level)
                .ok_or_else(|| InvalidAnswer(text.to_owned())),
        }
    }
}

/// The value a group agreed on for a question, which overrides the respondents' mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Consensus {
    Level(Level),
    NotApplicable,
}

/// Who answered: a display name or an anonymous label, unique within an answer sheet.
/// Shared text: a clone costs no allocation (an answer sheet holds one per answer).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Respondent(Arc<str>);

impl Respondent {
    pub fn new(label: impl Into<String>) -> Respondent {
        Respondent(Arc::from(label.into()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Respondent {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Respondent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One answer with the comment that came with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub answer: Answer,
    pub comment: Option<String>,
}

/// A respondent answered the same question twice.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("respondent `{respondent}` already answered question `{question}`")]
pub struct DuplicateAnswer {
    pub respondent: Respondent,
    pub question: QuestionId,
}

/// Every answer of an assessment: respondents × questions, plus consensus values.
///
/// A respondent answers a question at most once. Answers to question ids that the
/// questionnaire does not hold are kept but play no part in scoring.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnswerSheet {
    responses: BTreeMap<(Respondent, QuestionId), Response>,
    consensus: BTreeMap<QuestionId, Consensus>,
}

impl AnswerSheet {
    pub fn new() -> AnswerSheet {
        AnswerSheet::default()
    }

    /// Records a respondent's answer; a second answer to the same question is refused.
    pub fn record(
        &mut self,
        respondent: Respondent,
        question: QuestionId,
        response: Response,
    ) -> Result<(), DuplicateAnswer> {
        match self.responses.entry((respondent, question)) {
            Entry::Occupied(entry) => {
                let (respondent, question) = entry.key().clone();
                Err(DuplicateAnswer {
                    respondent,
                    question,
                })
            }
            Entry::Vacant(entry) => {
                entry.insert(response);
                Ok(())
            }
        }
    }

    /// Records or replaces a respondent's answer (what autosave does).
    pub fn set(&mut self, respondent: Respondent, question: QuestionId, response: Response) {
        self.responses.insert((respondent, question), response);
    }

    /// Sets the consensus value of a question, or clears it with `None`.
    pub fn set_consensus(&mut self, question: QuestionId, consensus: Option<Consensus>) {
        match consensus {
            Some(value) => {
                self.consensus.insert(question, value);
            }
            None => {
                self.consensus.remove(&question);
            }
        }
    }

    /// The consensus value of a question, if one is set.
    pub fn consensus(&self, question: &QuestionId) -> Option<Consensus> {
        self.consensus.get(question).copied()
    }

    /// Every consensus value, by question id.
    pub fn consensus_values(&self) -> impl Iterator<Item = (&QuestionId, Consensus)> {
        self.consensus
            .iter()
            .map(|(question, value)| (question, *value))
    }

    /// One respondent's answer to one question.
    pub fn response(&self, respondent: &Respondent, question: &QuestionId) -> Option<&Response> {
        self.responses.get(&(respondent.clone(), question.clone()))
    }

    /// Every answer, ordered by respondent then question id.
    pub fn responses(&self) -> impl Iterator<Item = (&Respondent, &QuestionId, &Response)> {
        self.responses
            .iter()
            .map(|((respondent, question), response)| (respondent, question, response))
    }

    /// The distinct respondents, in order.
    pub fn respondents(&self) -> Vec<&Respondent> {
        let mut respondents: Vec<&Respondent> = self
            .responses
            .keys()
            .map(|(respondent, _)| respondent)
            .collect();
        respondents.dedup();
        respondents
    }

    /// Number of answers recorded (all respondents).
    pub fn len(&self) -> usize {
        self.responses.len()
    }

    pub fn is_empty(&self) -> bool {
        self.responses.is_empty() && self.consensus.is_empty()
    }

    /// The sheet restricted to the respondents `keep` accepts; consensus values are kept
    /// only when `keep_consensus` is true (scoring one respondent alone ignores them).
    pub fn filter_respondents(
        &self,
        mut keep: impl FnMut(&Respondent) -> bool,
        keep_consensus: bool,
    ) -> AnswerSheet {
        AnswerSheet {
            responses: self
                .responses
                .iter()
                .filter(|((respondent, _), _)| keep(respondent))
                .map(|(key, response)| (key.clone(), response.clone()))
                .collect(),
            consensus: if keep_consensus {
                self.consensus.clone()
            } else {
                BTreeMap::new()
            },
        }
    }
}
