//! Group commit of a session's answers. Every answer a participant sends is queued to one
//! writer task; while the database commits one batch, the answers that arrive meanwhile
//! queue up and are committed together by the next, in ONE unit of work
//! ([`adapter::save_answers`]). Each request waits for the commit that holds its answer, so
//! an answer is acknowledged only once committed, as before; but 200 phones answering at
//! once cost a few transactions instead of 200 queued one behind the other on the store's
//! lock. Nothing waits for a batch to fill: a lone answer is committed at once.

use tcm_api::transfer::SavedAnswer;
use tcm_api::{ApiError, ErrorKind};
use tokio::sync::{mpsc, oneshot};

use crate::adapter::{self, Answered, SharedWorkbench};

/// The most answers committed in one unit of work (the store's lock is held meanwhile, and
/// the facilitator's window waits for it).
const MAX_BATCH: usize = 256;
/// Answers waiting for the writer; beyond, requests wait for room in the queue.
const QUEUE: usize = 4096;

/// An answer waiting to be committed, and where to tell how it went.
struct Pending {
    answer: Answered,
    reply: oneshot::Sender<Result<SavedAnswer, ApiError>>,
}

/// The queue to a session's writer task. The task ends when the session (the last sender)
/// is dropped, after committing what was queued.
pub(crate) struct AnswerWriter {
    queue: mpsc::Sender<Pending>,
}

impl AnswerWriter {
    /// Starts the writer task of a session. Must run inside a tokio runtime.
    pub fn start(workbench: SharedWorkbench) -> AnswerWriter {
        let (queue, waiting) = mpsc::channel(QUEUE);
        tokio::spawn(write(workbench, waiting));
        AnswerWriter { queue }
    }

    /// Queues an answer and returns once the unit of work holding it is committed (or
    /// refused it: then with that answer's own error).
    pub async fn save(&self, answer: Answered) -> Result<SavedAnswer, ApiError> {
        let (reply, outcome) = oneshot::channel();
        let stopped = || {
            ApiError::new(
                ErrorKind::Internal,
                "the live session's writer has stopped; the answer was not saved",
            )
        };
        self.queue
            .send(Pending { answer, reply })
            .await
            .map_err(|_| stopped())?;
        outcome.await.unwrap_or_else(|_| Err(stopped()))
    }
}

/// The writer task: takes every answer waiting (up to [`MAX_BATCH`]), commits them together,
/// tells each request its outcome, and starts again.
async fn write(workbench: SharedWorkbench, mut waiting: mpsc::Receiver<Pending>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while waiting.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let (answers, replies): (Vec<Answered>, Vec<_>) = batch
            .drain(..)
            .map(|pending| (pending.answer, pending.reply))
            .unzip();
        let committing = workbench.clone();
        let outcomes =
            adapter::blocking(move || adapter::save_answers(&committing, &answers)).await;
        match outcomes {
            Ok(outcomes) => {
                for (reply, outcome) in replies.into_iter().zip(outcomes) {
                    // A request given up (its phone went away) needs no answer: its answer is
                    // committed all the same, and sent again it is acknowledged once.
                    let _ = reply.send(outcome);
                }
            }
            Err(error) => {
                for reply in replies {
                    let _ = reply.send(Err(error.clone()));
                }
            }
        }
    }
}
