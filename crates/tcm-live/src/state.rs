//! The state of a running session, shared by the routes and the facilitator: the questions,
//! who joined, what each participant answered (kept in memory as acknowledged), the pace,
//! and the channels that tell the page (pace) and the facilitator (counts) about changes.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Utc};
use serde::Serialize;
use tcm_api::Workbench;
use tcm_api::transfer::{LocalizedText, QuestionnaireDetail, ScaleLevelDetail};
use tokio::sync::watch;

use crate::error::LiveError;
use crate::options::{Pace, Scope, SessionOptions};
use crate::rate_limit::RateLimiter;
use crate::writer::AnswerWriter;

/// A question as the participant page shows it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Question {
    pub id: String,
    pub stage_id: String,
    pub stage: LocalizedText,
    pub theme: LocalizedText,
    pub text: LocalizedText,
    pub help: LocalizedText,
}

/// What a participant answered to a question, as acknowledged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Given {
    pub value: String,
    pub comment: String,
}

impl Given {
    /// The vote as a domain answer (values are kept in their canonical spelling).
    pub fn answer(&self) -> Option<tcm_core::Answer> {
        self.value.parse().ok()
    }
}

/// The acknowledgement of an answer: sent again, unchanged, for the same answer id.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Ack {
    pub answer_id: String,
    pub question_id: String,
    pub value: String,
    pub comment: String,
    /// Questions of the participant's scope they answered, and how many there are.
    pub answered: usize,
    pub total: usize,
    pub saved_at: String,
}

/// A device that joined: the respondent it answers as.
#[derive(Debug, Clone)]
pub(crate) struct Participant {
    pub respondent: i64,
    pub label: String,
    pub group: String,
    pub issued_at: DateTime<Utc>,
    /// Acknowledgements by answer id (an answer sent twice is saved once).
    pub acked: HashMap<String, Ack>,
    pub resume: Option<String>,
}

/// The pace as every page sees it, pushed by Server-Sent Events.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Broadcast {
    /// Grows with every change.
    pub version: u64,
    /// `self` or `facilitated`.
    pub pace: &'static str,
    /// The question pushed to every device (facilitated pace).
    pub current: Option<String>,
    /// Whether the current question's votes are revealed (voting on it is closed).
    pub revealed: bool,
    pub stopped: bool,
}

#[derive(Debug, Default)]
pub(crate) struct Inner {
    /// By token hash.
    pub participants: HashMap<String, Participant>,
    /// Token hashes in the order participants joined (or came back).
    pub order: Vec<String>,
    /// By respondent, then question.
    pub answers: HashMap<i64, HashMap<String, Given>>,
    /// Participants who answered each question (kept as answers arrive: counts stay cheap).
    pub voted: HashMap<String, usize>,
    /// Questions of the scope each respondent answered.
    pub answered: HashMap<i64, usize>,
    pub current: Option<String>,
    pub revealed: HashSet<String>,
    pub stopped: bool,
}

impl Inner {
    /// Whether every participant in the room has answered `question`.
    pub fn everyone_voted(&self, question: &str) -> bool {
        !self.participants.is_empty()
            && self.participants.values().all(|participant| {
                self.answers
                    .get(&participant.respondent)
                    .is_some_and(|given| given.contains_key(question))
            })
    }

    /// The facilitated pace's rule, kept here only: once every participant in the room has
    /// answered the pushed question, its votes are revealed and it closes on every device, as
    /// after Reveal. Applied when a vote is acknowledged and when the facilitator pushes a
    /// question (after a restart, the participants back in the room may have answered it
    /// before); not when a phone comes back, since the room is still filling up then.
    /// Answers whether the question was revealed now (the pace is then to be published).
    pub fn reveal_when_everyone_voted(&mut self) -> bool {
        match &self.current {
            Some(question)
                if !self.revealed.contains(question) && self.everyone_voted(question) =>
            {
                let question = question.clone();
                self.revealed.insert(question)
            }
            _ => false,
        }
    }

    /// Keeps an acknowledged answer, and the counts with it.
    pub fn record(&mut self, respondent: i64, question: &str, given: Given, in_scope: bool) {
        let answers = self.answers.entry(respondent).or_default();
        if answers.insert(question.to_owned(), given).is_none() {
            *self.voted.entry(question.to_owned()).or_default() += 1;
            if in_scope {
                *self.answered.entry(respondent).or_default() += 1;
            }
        }
    }
}

/// Everything a running session holds.
pub(crate) struct Session {
    pub workbench: Arc<Workbench>,
    pub assessment: i64,
    pub title: String,
    pub language: String,
    pub scale: Vec<ScaleLevelDetail>,
    /// Every question of the questionnaire, in order.
    pub questions: Vec<Question>,
    /// The questions participants answer (self-paced), in order.
    pub scope: Vec<String>,
    pub options: SessionOptions,
    pub secret: String,
    pub code: String,
    pub accepted_hosts: Vec<String>,
    pub token_limiter: RateLimiter,
    pub address_limiter: RateLimiter,
    pub inner: Mutex<Inner>,
    pub broadcast: watch::Sender<Broadcast>,
    pub counts: watch::Sender<u64>,
    /// Commits the answers that arrive together in one unit of work.
    pub writer: AnswerWriter,
}

impl Session {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        workbench: Arc<Workbench>,
        assessment: i64,
        title: String,
        language: String,
        questionnaire: &QuestionnaireDetail,
        options: SessionOptions,
        secret: String,
        code: String,
        accepted_hosts: Vec<String>,
    ) -> Result<Session, LiveError> {
        let questions: Vec<Question> = questionnaire
            .stages
            .iter()
            .flat_map(|stage| {
                stage.themes.iter().flat_map(move |theme| {
                    theme.questions.iter().map(move |question| Question {
                        id: question.id.clone(),
                        stage_id: stage.id.as_str().to_owned(),
                        stage: stage.name.clone(),
                        theme: theme.name.clone(),
                        text: question.text.clone(),
                        help: question.help.clone(),
                    })
                })
            })
            .collect();
        let scope = match &options.pace {
            Pace::SelfPaced(Scope::All) | Pace::Facilitated => questions
                .iter()
                .map(|question| question.id.clone())
                .collect(),
            Pace::SelfPaced(Scope::Stage(stage)) => {
                let chosen: Vec<String> = questions
                    .iter()
                    .filter(|question| &question.stage_id == stage)
                    .map(|question| question.id.clone())
                    .collect();
                if chosen.is_empty() {
                    return Err(LiveError::Options(format!(
                        "the questionnaire has no stage « {stage} »"
                    )));
                }
                chosen
            }
            Pace::SelfPaced(Scope::Questions(ids)) => {
                if ids.is_empty() {
                    return Err(LiveError::Options(
                        "the list of questions is empty".to_owned(),
                    ));
                }
                let mut seen = HashSet::new();
                for id in ids {
                    if !questions.iter().any(|question| &question.id == id) {
                        return Err(LiveError::Options(format!(
                            "the questionnaire has no question « {id} »"
                        )));
                    }
                    if !seen.insert(id) {
                        return Err(LiveError::Options(format!(
                            "question « {id} » is listed twice"
                        )));
                    }
                }
                ids.clone()
            }
        };
        let limits = options.limits.clone();
        let pace = match options.pace {
            Pace::Facilitated => "facilitated",
            Pace::SelfPaced(_) => "self",
        };
        Ok(Session {
            assessment,
            title,
            language,
            scale: questionnaire.scale.clone(),
            questions,
            scope,
            options,
            secret,
            code,
            accepted_hosts,
            token_limiter: RateLimiter::new(limits.per_token_burst, limits.per_token_per_second),
            address_limiter: RateLimiter::new(
                limits.per_address_burst,
                limits.per_address_per_second,
            ),
            inner: Mutex::new(Inner::default()),
            broadcast: watch::Sender::new(Broadcast {
                version: 0,
                pace,
                current: None,
                revealed: false,
                stopped: false,
            }),
            counts: watch::Sender::new(0),
            writer: AnswerWriter::start(workbench.clone()),
            workbench,
        })
    }

    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn facilitated(&self) -> bool {
        matches!(self.options.pace, Pace::Facilitated)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|question| question.id == id)
    }

    /// How many questions of the scope a respondent answered.
    pub fn answered_in_scope(&self, inner: &Inner, respondent: i64) -> usize {
        inner.answered.get(&respondent).copied().unwrap_or(0)
    }

    pub fn in_scope(&self, question: &str) -> bool {
        self.scope.iter().any(|id| id == question)
    }

    /// Tells every page the pace changed.
    pub fn publish(&self, inner: &Inner) {
        let revealed = inner
            .current
            .as_ref()
            .is_some_and(|question| inner.revealed.contains(question));
        self.broadcast.send_modify(|state| {
            state.version += 1;
            state.current = inner.current.clone();
            state.revealed = revealed;
            state.stopped = inner.stopped;
        });
    }

    /// Tells the facilitator the counts changed.
    pub fn counts_changed(&self) {
        self.counts.send_modify(|version| *version += 1);
    }
}
