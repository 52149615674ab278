//! A live workshop session as the facilitator's window sees it: the interfaces it may listen
//! on, what it is started with, and its state (join screen, who joined, votes counted,
//! distribution once revealed, the questions that divide the room). The session itself runs
//! in `tcm-live`, which fills these types.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ConsensusValue, StageId};

/// A network interface's address the session may listen on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LiveInterface {
    /// The interface's name (`wlan0`, `en0`, `lo`).
    pub name: String,
    /// The IP address, as typed in a URL's host (IPv6 without brackets).
    pub address: String,
    /// Loopback: only this computer reaches it (a rehearsal).
    pub loopback: bool,
}

/// How the room moves through the questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum LivePace {
    /// Each participant at their own speed.
    SelfPaced,
    /// The facilitator pushes one question at a time: blind vote, then reveal.
    Facilitated,
}

/// What the facilitator starts a session with.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LiveStartInput {
    #[ts(type = "number")]
    pub assessment: i64,
    /// One of the addresses of [`LiveInterface`].
    pub address: String,
    /// 0: any free port.
    pub port: u16,
    pub anonymous: bool,
    /// The groups participants pick from; empty: no group asked.
    pub groups: Vec<String>,
    pub pace: LivePace,
    /// Self-paced: one stage only; none: the whole grid.
    pub stage: Option<StageId>,
    /// Self-paced: the chosen questions (ids, in this order), instead of a stage or the whole
    /// grid; empty: not chosen one by one.
    #[serde(default)]
    pub questions: Vec<String>,
}

/// One participant as the facilitator sees them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LiveParticipantView {
    /// The name given, or "Participant N" in an anonymous session.
    pub label: String,
    pub group: String,
    pub answered: u32,
    pub total: u32,
    pub done: bool,
}

/// How the room voted on a question, once revealed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LiveDistributionView {
    pub question: String,
    pub votes: u32,
    /// Votes for each level 0–4, in order.
    pub levels: Vec<u32>,
    pub not_applicable: u32,
    pub dont_know: u32,
    /// Of the levels given (NA and ? excluded).
    pub mean: Option<f64>,
    pub standard_deviation: Option<f64>,
    pub range: Option<u8>,
    /// The comments left, without who wrote them.
    pub comments: Vec<String>,
}

/// A question that divides the room.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LiveDivisionView {
    pub question: String,
    pub votes: u32,
    pub standard_deviation: f64,
    pub range: u8,
    /// Share of "?" among the votes, 0–1.
    pub dont_know_share: f64,
}

/// A running session: the join screen, the room, the vote in progress.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LiveSessionView {
    #[ts(type = "number")]
    pub assessment: i64,
    /// Where the server listens (`192.168.1.10:53017`).
    pub listening_on: String,
    pub loopback: bool,
    /// The join URL with the room secret (what the QR code holds).
    pub url: String,
    /// The short URL where the room code is typed.
    pub short_url: String,
    pub room_code: String,
    /// The QR code of `url`, an SVG document drawn in Rust.
    pub qr_svg: String,
    pub anonymous: bool,
    pub groups: Vec<String>,
    pub pace: LivePace,
    /// The questions of the session, in order.
    pub questions: Vec<String>,
    pub participants: Vec<LiveParticipantView>,
    /// Facilitated pace: the question pushed to every device.
    pub current: Option<String>,
    /// How many voted on the current question (never how).
    pub current_votes: u32,
    /// The current question's votes, once revealed (or once everyone voted).
    pub revealed: Option<LiveDistributionView>,
    /// The questions answered by at least two, the most divided first.
    pub divisions: Vec<LiveDivisionView>,
}

/// The consensus the room agreed on for a question, recorded by the facilitator.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LiveConsensusInput {
    pub question: String,
    pub value: ConsensusValue,
    pub note: String,
}
