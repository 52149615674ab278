//! Live workshop sessions: while a session runs, the facilitator's machine serves a small
//! page on the local network where every participant answers the assessment's questions from
//! their own phone or laptop, and the facilitator paces the room, counts the votes, reveals
//! and records the consensus through [`LiveSession`].
//!
//! - Nothing listens unless a session runs; [`LiveSession::stop`] closes the server.
//! - The server offers only the participant endpoints ([`routes`]): the page, join, the
//!   current question(s), answer, comment and a Server-Sent Events stream of the pace.
//! - Every answer is saved through `tcm-api`'s handlers ([`adapter`], the only module that
//!   calls them) and acknowledged once committed; answers arriving together are committed
//!   together, in one unit of work (`writer`: group commit).
//! - Security: a random room secret in the join URL, a per-participant token ([`tokens`]),
//!   the Host header checked ([`host_check`]), body and rate limits ([`rate_limit`]), a strict
//!   CSP; see SECURITY.md, "Live sessions".

pub mod adapter;
mod assets;
mod desk;
mod error;
mod facilitator;
mod follow;
pub mod host_check;
mod options;
pub mod qr;
pub mod rate_limit;
pub mod routes;
mod server;
mod state;
pub mod tokens;
mod writer;

pub use desk::{LiveDesk, USUAL_PORT, interfaces, session_options};
pub use error::LiveError;
pub use facilitator::{Counts, Distribution, Division, JoinInfo, ParticipantStatus};
pub use follow::{FOLLOW_INTERVAL, Follower};
pub use options::{Limits, Pace, Scope, SessionOptions};
pub use server::LiveSession;
