//! Long operations — imports, exports, backup, restore — tell how far they are and can be
//! cancelled. A handler receives a [`Progress`]: it reports each unit of work done
//! ([`Progress::advance`]), which also checks the [`Cancel`] token the front end holds. A
//! cancelled write returns [`ErrorKind::Cancelled`] after its transaction rolled back (nothing
//! half-written, nothing saved before lost); a cancelled export writes no file.
//!
//! Reports are thinned out (a new step, a new percent, the last unit) so that a front end
//! receives at most a few hundred per operation however many rows it has.

use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{ApiError, ErrorKind};
use crate::transfer::{OperationStep, ProgressView, count};

/// The user's wish to stop an operation, shared between the front end and the handler.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn new() -> Cancel {
        Cancel::default()
    }

    /// Asks the operation to stop at its next unit of work.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

type Reporter = Box<dyn Fn(ProgressView) + Send + Sync>;

/// Follows one long operation: where its reports go and whether it was cancelled.
pub struct Progress {
    cancel: Cancel,
    report: Option<Reporter>,
    /// The last report sent: (step, percent, done).
    last: Mutex<Option<(OperationStep, u32, u32)>>,
}

impl Progress {
    /// An operation nobody follows and nobody cancels (the CLI, tests).
    pub fn none() -> Progress {
        Progress {
            cancel: Cancel::new(),
            report: None,
            last: Mutex::new(None),
        }
    }

    /// An operation whose reports go to `report` and which stops when `cancel` is cancelled.
    pub fn new(cancel: Cancel, report: impl Fn(ProgressView) + Send + Sync + 'static) -> Progress {
        Progress {
            cancel,
            report: Some(Box::new(report)),
            last: Mutex::new(None),
        }
    }

    /// The error a cancelled operation ends with, naming what was stopped.
    pub fn cancelled(doing: &str) -> ApiError {
        ApiError::new(
            ErrorKind::Cancelled,
            format!(
                "{doing} was cancelled: nothing of it was saved, and what was saved before is intact"
            ),
        )
        .with_detail(crate::error::ErrorDetail::Cancelled)
    }

    /// Whether the user asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.is_cancelled()
    }

    /// Stops with [`ErrorKind::Cancelled`] if the user asked to (`doing` names the operation).
    pub fn check(&self, doing: &str) -> Result<(), ApiError> {
        if self.is_cancelled() {
            Err(Progress::cancelled(doing))
        } else {
            Ok(())
        }
    }

    /// Reports `done` of `total` units of `step`, unless cancelled: then nothing is reported
    /// and the answer is `false`.
    pub fn advance(&self, step: OperationStep, done: usize, total: usize) -> bool {
        if self.is_cancelled() {
            return false;
        }
        let Some(report) = &self.report else {
            return true;
        };
        let (done, total) = (count(done.min(total)), count(total));
        let percent = if total == 0 {
            0
        } else {
            u32::try_from(u64::from(done) * 100 / u64::from(total)).unwrap_or(100)
        };
        let mut last = self
            .last
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let new = match *last {
            None => true,
            Some((last_step, last_percent, last_done)) => {
                last_step != step || (done > last_done && (percent > last_percent || done == total))
            }
        };
        if new {
            *last = Some((step, percent, done));
            report(ProgressView { step, done, total });
        }
        true
    }

    /// [`Progress::advance`] as [`tcm_store::Store::write_watched`] wants it.
    pub fn watch(&self, step: OperationStep) -> impl FnMut(usize, usize) -> bool + '_ {
        move |done, total| self.advance(step, done, total)
    }

    /// Reports a step that cannot be measured (one unit, not yet done), then checks the
    /// cancel token.
    pub fn begin(&self, step: OperationStep, doing: &str) -> Result<(), ApiError> {
        if self.advance(step, 0, 0) {
            Ok(())
        } else {
            Err(Progress::cancelled(doing))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_are_thinned_to_new_percents_and_reach_the_total() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&seen);
        let progress = Progress::new(Cancel::new(), move |view| {
            sink.lock().expect("sink").push(view);
        });
        for done in 0..=10_000 {
            assert!(progress.advance(OperationStep::Writing, done, 10_000));
        }
        let seen = seen.lock().expect("seen");
        assert!(seen.len() <= 102, "{} reports", seen.len());
        assert_eq!(seen.last().map(|view| view.done), Some(10_000));
        assert!(seen.windows(2).all(|pair| pair[0].done < pair[1].done));
    }

    #[test]
    fn a_cancelled_operation_stops_reporting_and_says_so() {
        let cancel = Cancel::new();
        let progress = Progress::new(cancel.clone(), |_| {});
        assert!(progress.advance(OperationStep::Reading, 0, 1));
        cancel.cancel();
        assert!(!progress.advance(OperationStep::Reading, 1, 1));
        let error = progress.check("the import").expect_err("cancelled");
        assert_eq!(error.kind, ErrorKind::Cancelled);
        assert!(error.message.starts_with("the import was cancelled"));
    }
}
