//! What can go wrong when starting or driving a live session (the facilitator's side).

use tcm_api::ApiError;

#[derive(Debug, thiserror::Error)]
pub enum LiveError {
    // The system's reason is in the message itself (the window shows the message alone), so
    // it is not also a `source`: a front end printing the chain would say it twice.
    #[error("cannot listen on {address}: {reason}")]
    Bind {
        address: std::net::SocketAddr,
        reason: std::io::Error,
    },
    #[error("live session options: {0}")]
    Options(String),
    #[error(transparent)]
    Api(#[from] ApiError),
    #[error("the system's random number generator failed: {0}")]
    Random(String),
    #[error("the live session has stopped")]
    Stopped,
    #[error("{0}")]
    Refused(String),
}
