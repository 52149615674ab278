//! `tcm live`: a live workshop session without a window. Prints how to join, reports who
//! joined and how far they are, and stops on Ctrl-C (or SIGTERM).

use std::sync::Arc;

use anyhow::anyhow;
use chrono::Utc;
use tcm_api::Workbench;
use tcm_live::{LiveSession, Pace, Scope, SessionOptions};

use crate::cli::LiveArgs;
use crate::database;
use crate::failure::Failure;
use crate::output::emit::line;

fn options(args: &LiveArgs) -> SessionOptions {
    let scope = match (&args.stage, args.questions.is_empty()) {
        (Some(stage), _) => Scope::Stage(stage.trim().to_owned()),
        (None, false) => Scope::Questions(
            args.questions
                .iter()
                .map(|id| id.trim().to_owned())
                .collect(),
        ),
        (None, true) => Scope::All,
    };
    SessionOptions {
        anonymous: args.anonymous,
        groups: args
            .groups
            .iter()
            .map(|group| group.trim().to_owned())
            .filter(|group| !group.is_empty())
            .collect(),
        pace: Pace::SelfPaced(scope),
        ..SessionOptions::new(args.bind)
    }
}

pub fn run(args: &LiveArgs, db: Option<std::path::PathBuf>) -> Result<(), Failure> {
    let path = database::path(db)?;
    let workbench = Arc::new(Workbench::start(path, Utc::now));
    if let Some(error) = workbench.opening_error() {
        return Err(Failure::Error(anyhow!(error.message)));
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|error| Failure::Error(anyhow!("cannot start the server's runtime: {error}")))?;
    runtime.block_on(serve(workbench, args))
}

async fn serve(workbench: Arc<Workbench>, args: &LiveArgs) -> Result<(), Failure> {
    let session = LiveSession::start(workbench, args.assessment, options(args))
        .await
        .map_err(|error| Failure::Error(anyhow!(error)))?;
    let info = session
        .join_info()
        .map_err(|error| Failure::Error(anyhow!(error)))?;
    line(&info.qr_terminal)?;
    line(&format!("Join: {}", info.url))?;
    line(&format!(
        "Or open {} and type the room code {}",
        info.short_url, info.room_code
    ))?;
    line(
        "Plain HTTP: anyone on this network can read the answers in transit. For a sensitive audit, use this laptop's own hotspot.",
    )?;
    line("Listening. Ctrl-C stops the session.")?;
    let mut counts = session.subscribe_counts();
    let mut reported = (0, 0);
    let stop = stop_signal();
    tokio::pin!(stop);
    loop {
        tokio::select! {
            () = &mut stop => break,
            changed = counts.changed() => {
                if changed.is_err() {
                    break;
                }
                let now = session.counts();
                let answers: usize = now.participants.iter().map(|one| one.answered).sum();
                let done = now.participants.iter().filter(|one| one.done()).count();
                if (now.joined, done) != reported {
                    reported = (now.joined, done);
                    line(&format!("{} joined, {done} done, {answers} answers", now.joined))?;
                }
            }
        }
    }
    session.stop().await;
    line("Session stopped.")
}

/// Ctrl-C, or SIGTERM on Unix.
async fn stop_signal() {
    #[cfg(unix)]
    {
        let mut terminate =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(signal) => signal,
                Err(_) => {
                    let _ = tokio::signal::ctrl_c().await;
                    return;
                }
            };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
