//! Starting and stopping the session server: bind one interface, serve the participant
//! routes until stopped (or the handle is dropped, as when the app quits).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tcm_api::Workbench;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::adapter;
use crate::error::LiveError;
use crate::facilitator::{self, JoinInfo};
use crate::host_check;
use crate::options::SessionOptions;
use crate::routes;
use crate::state::Session;
use crate::tokens;

const MAX_GROUPS: usize = 20;
const MAX_GROUP_NAME: usize = 40;

/// A running live session: the server and the facilitator's handle on it.
pub struct LiveSession {
    pub(crate) session: Arc<Session>,
    address: SocketAddr,
    pub(crate) join: JoinInfo,
    /// Taken by the first `stop` (or the drop).
    shutdown: Mutex<Option<oneshot::Sender<()>>>,
    task: Mutex<Option<JoinHandle<std::io::Result<()>>>>,
}

fn check(options: &SessionOptions) -> Result<(), LiveError> {
    if options.bind.ip().is_unspecified() {
        return Err(LiveError::Options(format!(
            "listen on one interface's address (such as 192.168.1.10 or 127.0.0.1), not on {}",
            options.bind.ip()
        )));
    }
    if options.groups.len() > MAX_GROUPS {
        return Err(LiveError::Options(format!("at most {MAX_GROUPS} groups")));
    }
    for (index, group) in options.groups.iter().enumerate() {
        if group.trim().is_empty() || group.trim() != group {
            return Err(LiveError::Options(format!(
                "group {} is empty or has spaces around it",
                index + 1
            )));
        }
        if group.chars().count() > MAX_GROUP_NAME || group.chars().any(char::is_control) {
            return Err(LiveError::Options(format!(
                "group « {group} » is longer than {MAX_GROUP_NAME} characters or has control characters"
            )));
        }
        if options.groups[..index].contains(group) {
            return Err(LiveError::Options(format!(
                "group « {group} » is listed twice"
            )));
        }
    }
    Ok(())
}

fn take<T>(slot: &Mutex<Option<T>>) -> Option<T> {
    slot.lock().unwrap_or_else(PoisonError::into_inner).take()
}

impl LiveSession {
    /// Starts a session on `assessment`: listens on `options.bind` and returns once the
    /// server accepts connections. Must run inside a tokio runtime.
    pub async fn start(
        workbench: Arc<Workbench>,
        assessment: i64,
        options: SessionOptions,
    ) -> Result<LiveSession, LiveError> {
        check(&options)?;
        let loading = workbench.clone();
        let (detail, questionnaire) =
            adapter::blocking(move || adapter::load(&loading, assessment)).await?;
        let listener = tokio::net::TcpListener::bind(options.bind)
            .await
            .map_err(|reason| LiveError::Bind {
                address: options.bind,
                reason,
            })?;
        let address = listener.local_addr().map_err(|reason| LiveError::Bind {
            address: options.bind,
            reason,
        })?;
        let session = Arc::new(Session::new(
            workbench,
            assessment,
            detail.title,
            detail.language.as_str().to_owned(),
            &questionnaire,
            options,
            tokens::room_secret()?,
            tokens::room_code()?,
            host_check::accepted_hosts(address),
        )?);
        let join = facilitator::join_info(address, &session.secret, &session.code)?;
        let app =
            routes::router(session.clone()).into_make_service_with_connect_info::<SocketAddr>();
        let (shutdown, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await
        });
        Ok(LiveSession {
            session,
            address,
            join,
            shutdown: Mutex::new(Some(shutdown)),
            task: Mutex::new(Some(task)),
        })
    }

    /// The address the server listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Whether the session was stopped.
    pub fn stopped(&self) -> bool {
        self.session.lock().stopped
    }

    pub(crate) fn options(&self) -> &SessionOptions {
        &self.session.options
    }

    /// The questions of the session, in order.
    pub fn questions(&self) -> &[String] {
        &self.session.scope
    }

    /// The assessment the session is on.
    pub fn assessment(&self) -> i64 {
        self.session.assessment
    }

    fn mark_stopped(&self) {
        let mut inner = self.session.lock();
        if !inner.stopped {
            inner.stopped = true;
            self.session.publish(&inner);
        }
    }

    /// Stops the session: every request is refused from now on, open streams end, and the
    /// server closes its port.
    pub async fn stop(&self) {
        self.mark_stopped();
        if let Some(shutdown) = take(&self.shutdown) {
            let _ = shutdown.send(());
        }
        if let Some(mut task) = take(&self.task) {
            // Connections still busy after a few seconds are cut.
            if tokio::time::timeout(Duration::from_secs(3), &mut task)
                .await
                .is_err()
            {
                task.abort();
                let _ = task.await;
            }
        }
    }
}

impl Drop for LiveSession {
    /// A session dropped without `stop` (the app quits) refuses everything and closes too.
    fn drop(&mut self) {
        self.mark_stopped();
        if let Some(shutdown) = take(&self.shutdown) {
            let _ = shutdown.send(());
        }
        if let Some(task) = take(&self.task) {
            task.abort();
        }
    }
}
