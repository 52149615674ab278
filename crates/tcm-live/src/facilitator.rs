//! The facilitator's side of a session, as a Rust API (never over the network): how to join,
//! who joined and how many voted, pushing a question, revealing it, the distribution after
//! reveal, the questions that divide the room, and recording the consensus.

use std::collections::HashMap;

use tcm_core::Answer;
use tcm_core::votes::{VoteDistribution, most_divided};
use tokio::sync::watch;

use crate::adapter;
use crate::error::LiveError;
use crate::qr;
use crate::server::LiveSession;
use crate::state::Given;

/// What the projector shows for people to join.
#[derive(Debug, Clone, PartialEq)]
pub struct JoinInfo {
    /// The full join URL, with the room secret (what the QR code holds).
    pub url: String,
    /// The short URL where the room code is typed.
    pub short_url: String,
    /// Six characters, no ambiguous ones.
    pub room_code: String,
    pub qr_svg: String,
    pub qr_terminal: String,
}

/// One participant as the facilitator sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct ParticipantStatus {
    pub label: String,
    pub group: String,
    /// Questions of the session's scope answered, and their number.
    pub answered: usize,
    pub total: usize,
}

impl ParticipantStatus {
    pub fn done(&self) -> bool {
        self.answered >= self.total
    }
}

/// Who joined and how many voted on each question; never how they voted.
#[derive(Debug, Clone, PartialEq)]
pub struct Counts {
    pub joined: usize,
    pub participants: Vec<ParticipantStatus>,
    /// Per question of the scope, in order: how many participants answered it.
    pub voted: Vec<(String, usize)>,
    /// The question pushed to every device (facilitated pace).
    pub current: Option<String>,
}

impl Counts {
    pub fn voted_on(&self, question: &str) -> usize {
        self.voted
            .iter()
            .find(|(id, _)| id == question)
            .map_or(0, |(_, count)| *count)
    }
}

/// How the room voted on a question, once revealed.
#[derive(Debug, Clone, PartialEq)]
pub struct Distribution {
    pub question: String,
    pub votes: usize,
    /// Votes for each level 0–4.
    pub levels: [usize; 5],
    pub not_applicable: usize,
    pub dont_know: usize,
    /// Of the levels given (NA and ? excluded).
    pub mean: Option<f64>,
    pub standard_deviation: Option<f64>,
    pub range: Option<u8>,
    /// The comments left, without who wrote them.
    pub comments: Vec<String>,
}

/// A question that divides the room: the spread of its levels and the share of "?".
#[derive(Debug, Clone, PartialEq)]
pub struct Division {
    pub question: String,
    pub votes: usize,
    pub standard_deviation: f64,
    pub range: u8,
    /// Share of "?" among the votes, 0–1.
    pub dont_know_share: f64,
}

/// How to join a session listening on `address` with this secret and room code.
pub(crate) fn join_info(
    address: std::net::SocketAddr,
    secret: &str,
    room_code: &str,
) -> Result<JoinInfo, LiveError> {
    let short_url = format!("http://{address}/");
    let url = format!("{short_url}j/{secret}");
    Ok(JoinInfo {
        qr_svg: qr::svg(&url)?,
        qr_terminal: qr::terminal(&url)?,
        url,
        short_url,
        room_code: room_code.to_owned(),
    })
}

impl LiveSession {
    /// The join URL, short URL, room code and QR codes (drawn once, when the session
    /// started: the window asks for them with every refresh).
    pub fn join_info(&self) -> Result<JoinInfo, LiveError> {
        Ok(self.join.clone())
    }

    /// A channel whose value changes whenever a count changes (a join, an acknowledged vote).
    pub fn subscribe_counts(&self) -> watch::Receiver<u64> {
        self.session.counts.subscribe()
    }

    pub fn counts(&self) -> Counts {
        let session = &self.session;
        let inner = session.lock();
        let participants: Vec<ParticipantStatus> = inner
            .order
            .iter()
            .filter_map(|hash| inner.participants.get(hash))
            .map(|participant| ParticipantStatus {
                label: participant.label.clone(),
                group: participant.group.clone(),
                answered: session.answered_in_scope(&inner, participant.respondent),
                total: session.scope.len(),
            })
            .collect();
        let voted = session
            .scope
            .iter()
            .map(|question| {
                (
                    question.clone(),
                    inner.voted.get(question).copied().unwrap_or(0),
                )
            })
            .collect();
        Counts {
            joined: participants.len(),
            participants,
            voted,
            current: inner.current.clone(),
        }
    }

    fn check_question(&self, question: &str) -> Result<(), LiveError> {
        if self.session.scope.iter().any(|id| id == question) {
            Ok(())
        } else {
            Err(LiveError::Refused(format!(
                "question « {question} » is not part of this session"
            )))
        }
    }

    /// Facilitated pace: shows `question` on every device, open for a blind vote — or
    /// revealed at once when every participant in the room has answered it already (a
    /// question pushed again, or answered before the app restarted), as the last vote does.
    pub fn push_question(&self, question: &str) -> Result<(), LiveError> {
        if !self.session.facilitated() {
            return Err(LiveError::Refused(
                "this session is self-paced: questions are not pushed".to_owned(),
            ));
        }
        self.check_question(question)?;
        let mut inner = self.session.lock();
        if inner.stopped {
            return Err(LiveError::Stopped);
        }
        inner.current = Some(question.to_owned());
        inner.reveal_when_everyone_voted();
        self.session.publish(&inner);
        drop(inner);
        self.session.counts_changed();
        Ok(())
    }

    /// Reveals the votes on `question` and closes it to further answers.
    pub fn reveal(&self, question: &str) -> Result<Distribution, LiveError> {
        self.check_question(question)?;
        let mut inner = self.session.lock();
        inner.revealed.insert(question.to_owned());
        self.session.publish(&inner);
        drop(inner);
        self.distribution(question)
            .ok_or_else(|| LiveError::Refused("nothing to reveal".to_owned()))
    }

    /// The votes on `question`, only once revealed (by Reveal, or because every participant
    /// voted: `Inner::reveal_when_everyone_voted`), so the window shows them exactly when the
    /// vote is closed on the phones.
    pub fn distribution(&self, question: &str) -> Option<Distribution> {
        let inner = self.session.lock();
        let votes: Vec<&Given> = inner
            .participants
            .values()
            .filter_map(|participant| inner.answers.get(&participant.respondent))
            .filter_map(|given| given.get(question))
            .collect();
        if !inner.revealed.contains(question) {
            return None;
        }
        let counted = VoteDistribution::of_votes(votes.iter().filter_map(|vote| vote.answer()));
        let mut comments: Vec<String> = votes
            .iter()
            .map(|vote| vote.comment.trim().to_owned())
            .filter(|comment| !comment.is_empty())
            .collect();
        comments.sort();
        Some(Distribution {
            question: question.to_owned(),
            votes: counted.votes,
            levels: counted.levels,
            not_applicable: counted.not_applicable,
            dont_know: counted.dont_know,
            mean: counted.mean(),
            standard_deviation: counted.standard_deviation(),
            range: counted.range(),
            comments,
        })
    }

    /// The questions of the scope answered by at least two participants, the most divided
    /// first (tcm-core's [`most_divided`]: standard deviation, then share of "?").
    pub fn divisions(&self) -> Vec<Division> {
        let session = &self.session;
        let inner = session.lock();
        let mut by_question: HashMap<&str, Vec<Answer>> = HashMap::new();
        for participant in inner.participants.values() {
            if let Some(given) = inner.answers.get(&participant.respondent) {
                for (question, vote) in given {
                    if let Some(answer) = vote.answer() {
                        by_question.entry(question).or_default().push(answer);
                    }
                }
            }
        }
        let counted = session.scope.iter().filter_map(|question| {
            let votes = by_question.remove(question.as_str())?;
            Some((question, VoteDistribution::of_votes(votes)))
        });
        most_divided(counted)
            .into_iter()
            .map(|(question, counted)| Division {
                question: question.clone(),
                votes: counted.votes,
                standard_deviation: counted.standard_deviation().unwrap_or(0.0),
                range: counted.range().unwrap_or(0),
                dont_know_share: counted.dont_know_share().unwrap_or(0.0),
            })
            .collect()
    }

    /// Records the value the room agreed on (`0`–`4` or `NA`) with a note.
    pub async fn record_consensus(
        &self,
        question: &str,
        value: &str,
        note: &str,
    ) -> Result<(), LiveError> {
        self.check_question(question)?;
        let (workbench, assessment) = (self.session.workbench.clone(), self.session.assessment);
        let (question, value, note) = (question.to_owned(), value.to_owned(), note.to_owned());
        adapter::blocking(move || {
            adapter::record_consensus(&workbench, assessment, &question, &value, &note)
        })
        .await?;
        Ok(())
    }
}
