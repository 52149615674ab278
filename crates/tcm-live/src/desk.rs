//! The facilitator's desk: the one live session the desktop app runs, if any, driven from its
//! window. It starts a session from the window's choices, shapes the session's state into
//! `tcm-api`'s transfer types, and stops it (on demand, or when the app quits). The shell's
//! commands only forward to it.

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};

use tcm_api::transfer::{
    ConsensusValue, LiveConsensusInput, LiveDistributionView, LiveDivisionView, LiveInterface,
    LivePace, LiveParticipantView, LiveSessionView, LiveStartInput,
};
use tcm_api::{ApiError, ErrorKind, Workbench};

use crate::error::LiveError;
use crate::facilitator::{Distribution, Division};
use crate::follow::Follower;
use crate::options::{Pace, Scope, SessionOptions};
use crate::server::LiveSession;

/// The port a session asked for "any free port" tries first. A phone keeps its participant
/// token per origin (address and port): a session started again on the same port after the
/// app quit or crashed lets every phone resume as the same respondent.
pub const USUAL_PORT: u16 = 47_092;

/// Starts a session; port 0 means [`USUAL_PORT`] when it is free, else any free port.
async fn start_on_usual_port(
    workbench: Arc<Workbench>,
    assessment: i64,
    options: SessionOptions,
) -> Result<LiveSession, LiveError> {
    if options.bind.port() != 0 {
        return LiveSession::start(workbench, assessment, options).await;
    }
    let usual = SessionOptions {
        bind: SocketAddr::new(options.bind.ip(), USUAL_PORT),
        ..options.clone()
    };
    match LiveSession::start(workbench.clone(), assessment, usual).await {
        Err(LiveError::Bind { .. }) => LiveSession::start(workbench, assessment, options).await,
        started => started,
    }
}

/// The addresses a session may listen on: every interface's that is up, loopback last.
pub fn interfaces() -> Result<Vec<LiveInterface>, ApiError> {
    let mut found: Vec<LiveInterface> = if_addrs::get_if_addrs()
        .map_err(|error| {
            ApiError::new(
                ErrorKind::Internal,
                format!("the network interfaces could not be listed: {error}"),
            )
        })?
        .into_iter()
        .filter(|interface| interface.is_loopback() || !interface.is_link_local())
        .map(|interface| LiveInterface {
            loopback: interface.is_loopback(),
            address: interface.ip().to_string(),
            name: interface.name,
        })
        .collect();
    if !found.iter().any(|interface| interface.loopback) {
        found.push(LiveInterface {
            name: "lo".to_owned(),
            address: "127.0.0.1".to_owned(),
            loopback: true,
        });
    }
    // LAN (IPv4 first), then loopback.
    found.sort_by_key(|interface| (interface.loopback, interface.address.contains(':')));
    found.dedup();
    Ok(found)
}

/// What a session is started with, from the window's choices.
pub fn session_options(input: &LiveStartInput) -> Result<SessionOptions, ApiError> {
    let ip: IpAddr = input.address.trim().parse().map_err(|_| {
        ApiError::invalid(format!(
            "« {} » is not an IP address of this computer",
            input.address
        ))
    })?;
    let mut options = SessionOptions::new(SocketAddr::new(ip, input.port));
    options.anonymous = input.anonymous;
    options.groups = input.groups.clone();
    options.pace = match (input.pace, input.stage, input.questions.is_empty()) {
        (LivePace::Facilitated, _, _) => Pace::Facilitated,
        (LivePace::SelfPaced, Some(_), false) => {
            return Err(ApiError::invalid(
                "choose either one stage or a list of questions, not both",
            ));
        }
        (LivePace::SelfPaced, None, false) => Pace::SelfPaced(Scope::Questions(
            input
                .questions
                .iter()
                .map(|question| question.trim().to_owned())
                .collect(),
        )),
        (LivePace::SelfPaced, None, true) => Pace::SelfPaced(Scope::All),
        (LivePace::SelfPaced, Some(stage), true) => Pace::SelfPaced(Scope::Stage(
            tcm_core::StageId::from(stage).as_str().to_owned(),
        )),
    };
    Ok(options)
}

impl From<LiveError> for ApiError {
    fn from(error: LiveError) -> ApiError {
        match error {
            LiveError::Api(error) => error,
            LiveError::Options(_) | LiveError::Refused(_) | LiveError::Stopped => {
                ApiError::invalid(error.to_string())
            }
            LiveError::Bind { .. } | LiveError::Random(_) => {
                ApiError::new(ErrorKind::Internal, error.to_string())
            }
        }
    }
}

fn count(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

fn distribution_view(distribution: Distribution) -> LiveDistributionView {
    LiveDistributionView {
        question: distribution.question,
        votes: count(distribution.votes),
        levels: distribution.levels.iter().copied().map(count).collect(),
        not_applicable: count(distribution.not_applicable),
        dont_know: count(distribution.dont_know),
        mean: distribution.mean,
        standard_deviation: distribution.standard_deviation,
        range: distribution.range,
        comments: distribution.comments,
    }
}

fn division_view(division: Division) -> LiveDivisionView {
    LiveDivisionView {
        question: division.question,
        votes: count(division.votes),
        standard_deviation: division.standard_deviation,
        range: division.range,
        dont_know_share: division.dont_know_share,
    }
}

impl LiveSession {
    /// The session as the facilitator's window shows it.
    pub fn view(&self) -> Result<LiveSessionView, ApiError> {
        let join = self.join_info()?;
        let counts = self.counts();
        let options = self.options();
        let revealed = counts
            .current
            .as_deref()
            .and_then(|question| self.distribution(question))
            .map(distribution_view);
        Ok(LiveSessionView {
            assessment: self.assessment(),
            listening_on: self.address().to_string(),
            loopback: self.address().ip().is_loopback(),
            url: join.url,
            short_url: join.short_url,
            room_code: join.room_code,
            qr_svg: join.qr_svg,
            anonymous: options.anonymous,
            groups: options.groups.clone(),
            pace: match options.pace {
                Pace::Facilitated => LivePace::Facilitated,
                Pace::SelfPaced(_) => LivePace::SelfPaced,
            },
            questions: self.questions().to_vec(),
            current_votes: counts
                .current
                .as_deref()
                .map_or(0, |question| count(counts.voted_on(question))),
            participants: counts
                .participants
                .into_iter()
                .map(|participant| LiveParticipantView {
                    done: participant.done(),
                    label: participant.label,
                    group: participant.group,
                    answered: count(participant.answered),
                    total: count(participant.total),
                })
                .collect(),
            current: counts.current,
            revealed,
            divisions: self.divisions().into_iter().map(division_view).collect(),
        })
    }
}

/// The desktop app's one live session.
#[derive(Default)]
pub struct LiveDesk {
    session: Mutex<Option<Arc<LiveSession>>>,
    /// The number of the latest follower (one window follows the session at a time).
    followers: tokio::sync::watch::Sender<u64>,
}

impl LiveDesk {
    pub fn new() -> LiveDesk {
        LiveDesk::default()
    }

    fn running(&self) -> Option<Arc<LiveSession>> {
        self.session
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn current(&self) -> Result<Arc<LiveSession>, ApiError> {
        self.running()
            .ok_or_else(|| ApiError::invalid("no live session is running"))
    }

    /// Starts a session; refused while another runs. Must run inside a tokio runtime.
    pub async fn start(
        &self,
        workbench: Arc<Workbench>,
        input: &LiveStartInput,
    ) -> Result<LiveSessionView, ApiError> {
        if self.running().is_some() {
            return Err(ApiError::invalid(
                "a live session is already running: stop it first",
            ));
        }
        let options = session_options(input)?;
        let session = Arc::new(start_on_usual_port(workbench, input.assessment, options).await?);
        let view = session.view();
        let raced = {
            let mut slot = self.session.lock().unwrap_or_else(PoisonError::into_inner);
            if slot.is_some() {
                true
            } else {
                *slot = Some(Arc::clone(&session));
                false
            }
        };
        if raced {
            // Another start won the race: this one closes again.
            session.stop().await;
            return Err(ApiError::invalid(
                "a live session is already running: stop it first",
            ));
        }
        view
    }

    /// The running session, if any.
    pub fn status(&self) -> Result<Option<LiveSessionView>, ApiError> {
        self.running().map(|session| session.view()).transpose()
    }

    /// A follower of the running session, if any: it sends the window the session's view
    /// now and as it changes (see [`Follower::run`]). It replaces the previous follower: one
    /// window follows the session, and a reloaded window follows it again.
    pub fn follow(&self) -> Option<Follower> {
        self.running()
            .map(|session| Follower::new(&session, Some(&self.followers)))
    }

    /// Facilitated pace: pushes `question` to every device.
    pub fn push(&self, question: &str) -> Result<LiveSessionView, ApiError> {
        let session = self.current()?;
        session.push_question(question)?;
        session.view()
    }

    /// Reveals the votes on `question` (closing it).
    pub fn reveal(&self, question: &str) -> Result<LiveSessionView, ApiError> {
        let session = self.current()?;
        session.reveal(question)?;
        session.view()
    }

    /// Records the room's consensus on a question.
    pub async fn record_consensus(
        &self,
        input: &LiveConsensusInput,
    ) -> Result<LiveSessionView, ApiError> {
        let session = self.current()?;
        let value = match input.value {
            ConsensusValue::L0 => "0",
            ConsensusValue::L1 => "1",
            ConsensusValue::L2 => "2",
            ConsensusValue::L3 => "3",
            ConsensusValue::L4 => "4",
            ConsensusValue::NotApplicable => "NA",
        };
        session
            .record_consensus(&input.question, value, &input.note)
            .await?;
        session.view()
    }

    /// Stops the running session, if any: the server closes its port.
    pub async fn stop(&self) {
        let taken = self
            .session
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(session) = taken {
            session.stop().await;
        }
    }

    /// Stops without waiting (the app is quitting): every request is refused at once and the
    /// server is told to close.
    pub fn close(&self) {
        let taken = self
            .session
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        drop(taken);
    }
}
