//! What can go wrong when starting or driving a live session (the facilitator's side).

use tcm_api::ApiError;

#[derive(Debug, thiserror::Error)]
pub enum LiveError {
    #[error("cannot listen on {address}: {source}")]
    Bind {
        address: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("live session options: {0}")]
    Options(String),
    #[error("{0}")]
    Api(#[from] ApiError),
    #[error("the system's random number generator failed: {0}")]
    Random(String),
    #[error("the live session has stopped")]
    Stopped,
    #[error("{0}")]
    Refused(String),
}
