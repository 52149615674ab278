//! The unit of work: every write to the database goes through [`Store::write`], which hands
//! out a [`Tx`] — an immediate transaction with one method per change a table accepts — and
//! commits it when the work returns `Ok`. One user action is one call of `write`, so it
//! happens whole or not at all.
//!
//! Each SQL statement that changes a table is written once, in that table's module, as a
//! method of `Tx`. The summary of every assessment the work touched (progress and overall
//! index, see [`crate::summary`]) is refreshed once, just before the commit.
//!
//! A long unit of work (an import) can be watched ([`Store::write_watched`]): it tells the
//! watcher how far it is between units of work ([`Tx::step`]), and the watcher may stop it;
//! the transaction is then rolled back, so a cancelled action leaves nothing half-written.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction, TransactionBehavior};
use tcm_core::Questionnaire;

use crate::error::{Result, StoreError};
use crate::questionnaires::questionnaire_of;
use crate::records::AssessmentId;
use crate::summary::{Progress, refresh};
use crate::{Store, time};

/// Told how far a watched unit of work is (`done` of `total` units of its current part);
/// answers `false` to stop it (see [`Store::write_watched`]).
pub type Watch<'watch> = dyn FnMut(usize, usize) -> bool + 'watch;

/// A write in progress. Dropped without [`Store::write`] finishing it, it rolls back.
pub struct Tx<'store> {
    transaction: Transaction<'store>,
    /// Who follows this unit of work, and may stop it between two units.
    watch: &'store mut Watch<'store>,
    /// What this unit of work does, for the message when it is stopped.
    doing: &'store str,
    path: &'store Path,
    questionnaires: &'store mut HashMap<i64, Arc<Questionnaire>>,
    now: DateTime<Utc>,
    now_text: String,
    /// Assessments whose answers, respondents or consensus changed: their summary is
    /// refreshed at commit.
    touched: BTreeSet<AssessmentId>,
    /// Assessments whose summary is refreshed at commit with another time than `now`
    /// (imports keep the time of the file).
    touched_at: HashMap<AssessmentId, String>,
}

impl Store {
    /// Runs `work` in one immediate transaction and commits it, with the summaries of the
    /// assessments it changed, when `work` returns `Ok`; on `Err` nothing is written. `now`
    /// is the time every row written is stamped with; `doing` names the action in errors.
    pub fn write<T>(
        &mut self,
        now: DateTime<Utc>,
        doing: &str,
        work: impl FnOnce(&mut Tx<'_>) -> Result<T>,
    ) -> Result<T> {
        self.write_watched(now, doing, &mut |_, _| true, work)
    }

    /// [`Store::write`], with `watch` told how far the work is at each [`Tx::step`]; when it
    /// answers `false`, the work stops with [`StoreError::Cancelled`] and nothing is written.
    pub fn write_watched<T>(
        &mut self,
        now: DateTime<Utc>,
        doing: &str,
        watch: &mut Watch<'_>,
        work: impl FnOnce(&mut Tx<'_>) -> Result<T>,
    ) -> Result<T> {
        let path = self.path.as_path();
        if let Some(reason) = &self.read_only {
            return Err(StoreError::ReadOnly {
                path: path.to_owned(),
                context: doing.to_owned(),
                reason: reason.clone(),
            });
        }
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|error| StoreError::from_sqlite(path, doing, error))?;
        let mut tx = Tx {
            transaction,
            watch,
            doing,
            path,
            questionnaires: &mut self.questionnaires,
            now,
            now_text: time::format(now),
            touched: BTreeSet::new(),
            touched_at: HashMap::new(),
        };
        let outcome = work(&mut tx).and_then(|value| tx.finish(doing).map(|()| value));
        if outcome.is_err() {
            // Rolled back: a questionnaire snapshot parsed in it may not exist, and its row id
            // may be given to another; forget what was cached.
            self.questionnaires.clear();
        }
        outcome
    }
}

impl<'store> Tx<'store> {
    /// The connection, inside the transaction.
    pub(crate) fn connection(&self) -> &Connection {
        &self.transaction
    }

    pub(crate) fn path(&self) -> &Path {
        self.path
    }

    /// Tells the watcher that `done` of `total` units of the current part are written;
    /// stops the work with [`StoreError::Cancelled`] (the transaction then rolls back) when
    /// the watcher asks to.
    pub fn step(&mut self, done: usize, total: usize) -> Result<()> {
        if (self.watch)(done, total) {
            Ok(())
        } else {
            Err(StoreError::Cancelled {
                doing: self.doing.to_owned(),
            })
        }
    }

    /// Runs `work` as a part of this unit of work that may fail alone, inside a savepoint:
    /// kept when `work` returns `Ok`; when it returns `Err`, everything it wrote is undone
    /// and the rest of the unit goes on as if it had not run. Independent changes written
    /// together (a batch of answers committed at once) thus keep the good ones and report
    /// each bad one. The inner result is the work's; the outer error means the savepoint
    /// itself failed, and the whole unit of work must stop.
    pub fn attempt<T>(
        &mut self,
        work: impl FnOnce(&mut Tx<'store>) -> Result<T>,
    ) -> Result<Result<T>> {
        let path = self.path;
        // Prepared once per connection: a live session's batch opens one savepoint per answer.
        let run = |tx: &Tx<'_>, sql: &str| {
            tx.transaction
                .prepare_cached(sql)
                .and_then(|mut statement| statement.execute([]))
                .map_err(|error| StoreError::from_sqlite(path, tx.doing.to_owned(), error))
        };
        run(self, "SAVEPOINT attempt")?;
        let (touched, touched_at) = (self.touched.clone(), self.touched_at.clone());
        let outcome = work(self);
        if outcome.is_ok() {
            run(self, "RELEASE attempt")?;
        } else {
            run(self, "ROLLBACK TO attempt")?;
            run(self, "RELEASE attempt")?;
            self.touched = touched;
            self.touched_at = touched_at;
            // A questionnaire snapshot read or written in the undone part may be gone.
            self.questionnaires.clear();
        }
        Ok(outcome)
    }

    /// The time of this unit of work.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The time of this unit of work as stored.
    pub(crate) fn now_text(&self) -> &str {
        &self.now_text
    }

    /// A SQLite error while `doing` something, on this database.
    pub(crate) fn fail(&self, doing: &'static str) -> impl FnOnce(rusqlite::Error) -> StoreError {
        let path = self.path.to_owned();
        move |error| StoreError::from_sqlite(&path, doing, error)
    }

    /// The questionnaire an assessment uses (cached once parsed).
    pub fn questionnaire(&mut self, assessment: AssessmentId) -> Result<Arc<Questionnaire>> {
        questionnaire_of(
            &self.transaction,
            self.questionnaires,
            self.path,
            assessment,
        )
    }

    /// Marks an assessment as changed: its summary is refreshed, stamped `now`, at commit.
    pub(crate) fn touch(&mut self, assessment: AssessmentId) {
        self.touched.insert(assessment);
    }

    /// Marks an assessment as changed, its summary stamped with `updated_at` (an import keeps
    /// the time the file says it was last changed).
    pub(crate) fn touch_at(&mut self, assessment: AssessmentId, updated_at: DateTime<Utc>) {
        self.touched.insert(assessment);
        self.touched_at.insert(assessment, time::format(updated_at));
    }

    /// Where an assessment stands, as this unit of work has left it so far (read from the
    /// per-question tallies: proportional to the number of questions, not of answers). When
    /// the work changed the assessment, its summary is stored now, from this one measure, and
    /// not measured again at commit unless the work changes it again afterwards.
    pub fn progress(&mut self, assessment: AssessmentId) -> Result<Progress> {
        if self.touched.remove(&assessment) {
            return self.refresh(assessment);
        }
        let questionnaire = self.questionnaire(assessment)?;
        crate::summary::measure(self.connection(), self.path, assessment, &questionnaire)
    }

    /// Measures a changed assessment and stores its summary, stamped `now` or the time an
    /// import gave it.
    fn refresh(&mut self, assessment: AssessmentId) -> Result<Progress> {
        let questionnaire = self.questionnaire(assessment)?;
        let stamp = self
            .touched_at
            .get(&assessment)
            .cloned()
            .unwrap_or_else(|| self.now_text.clone());
        refresh(
            &self.transaction,
            self.path,
            assessment,
            &questionnaire,
            &stamp,
        )
    }

    fn finish(mut self, doing: &str) -> Result<()> {
        let touched = std::mem::take(&mut self.touched);
        for assessment in touched {
            self.refresh(assessment)?;
        }
        let path = self.path;
        self.transaction
            .commit()
            .map_err(|error| StoreError::from_sqlite(path, doing.to_owned(), error))
    }
}
