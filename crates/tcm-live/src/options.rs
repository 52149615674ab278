//! How a live session is set up: where it listens, who joins, how the room is paced.

use std::net::SocketAddr;
use std::time::Duration;

/// Which questions a self-paced participant goes through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// The whole questionnaire.
    All,
    /// One stage (`creative`, `active`, `curative`, `preventive` or `proactive`).
    Stage(String),
    /// A chosen list of question ids, in this order.
    Questions(Vec<String>),
}

/// How the room moves through the questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pace {
    /// Each participant at their own speed over the scope.
    SelfPaced(Scope),
    /// The facilitator pushes one question at a time; blind vote, then reveal.
    Facilitated,
}

/// Request limits. The per-address limits apply to the requests without a token (the page,
/// the room code, join): all simulated phones of a benchmark share one address, so it raises them.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Largest request body accepted, in bytes.
    pub body_bytes: usize,
    /// Requests a participant token may burst, and refill per second.
    pub per_token_burst: u32,
    pub per_token_per_second: f64,
    /// Requests without a token one address may burst, and refill per second.
    pub per_address_burst: u32,
    pub per_address_per_second: f64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            body_bytes: 8 * 1024,
            per_token_burst: 150,
            per_token_per_second: 10.0,
            per_address_burst: 40,
            per_address_per_second: 1.0,
        }
    }
}

/// Everything a session is started with.
#[derive(Debug, Clone)]
pub struct SessionOptions {
    /// The interface and port to listen on (port 0: any free port). Must be one interface's
    /// address, not 0.0.0.0 or ::, so that the Host header can be checked against it.
    pub bind: SocketAddr,
    /// Participants give no name and appear as "Participant N".
    pub anonymous: bool,
    /// The groups participants pick from (department, role); none: no group asked.
    pub groups: Vec<String>,
    pub pace: Pace,
    /// How long a participant's token stays valid after join.
    pub token_lifetime: Duration,
    pub limits: Limits,
}

impl SessionOptions {
    /// A self-paced session over the whole grid, with the default limits and a 12-hour token.
    pub fn new(bind: SocketAddr) -> SessionOptions {
        SessionOptions {
            bind,
            anonymous: false,
            groups: Vec::new(),
            pace: Pace::SelfPaced(Scope::All),
            token_lifetime: Duration::from_secs(12 * 3600),
            limits: Limits::default(),
        }
    }
}
