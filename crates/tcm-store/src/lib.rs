//! Local-first storage of TCM assessments: one SQLite file per user.
//!
//! - The file lives in the platform's data folder (`tcm-workbench/tcm.sqlite`) unless told
//!   otherwise ([`location`]); WAL mode (`synchronous=NORMAL`: committed work survives a crash
//!   or a kill of the app; a power cut can lose the last commits, never the file), foreign keys on, a
//!   busy timeout, so that two processes on the same file do not corrupt it.
//! - The schema is migrated by numbered, embedded migrations ([`migrations`]); a database made
//!   by a newer version is refused and left untouched; an older one is backed up first.
//! - Every write goes through one unit of work ([`Store::write`] and its [`Tx`]): one user
//!   action is one immediate transaction, committed when the call returns.
//! - A database in a read-only place is opened read-only ([`access`]): reads, exports and
//!   backups elsewhere work, every write is refused saying why.
//! - A damaged file is reported with its name and the way out (restore a backup), and is never
//!   written to ([`open`]); backups rotate ([`backup`]).
//!
//! Time is passed in (`now`); the store never reads the clock.

mod access;
pub mod backup;
mod codes;
mod error;
pub mod location;
pub mod migrations;
mod open;
pub mod output;
mod records;
mod summary;
mod tally;
mod text;
mod time;
mod unit;

mod actions;
mod answers;
mod assessments;
mod audit_figures;
mod class_exercises;
mod database_settings;
mod live_participants;
mod organisations;
mod portable;
mod questionnaires;
mod reaudit;
mod report_settings;
mod respondents;
mod snapshots;
mod wave_overrides;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::Connection;
use tcm_core::Questionnaire;

pub use access::ReadOnlyReason;
pub use answers::{ConsensusNote, ImportOutcome};
pub use audit_figures::{AuditFigureList, AuditFigureRecord};
pub use backup::{RestoreOutcome, restore, restore_watched};
pub use class_exercises::ClassExercise;
pub use database_settings::MAX_FOLDER_PATH_CHARS;
pub use error::{Result, StoreError};
pub use live_participants::{LiveJoin, LiveParticipant};
pub use portable::{ImportChoice, PortableImport};
pub use reaudit::NewReaudit;
pub use records::{
    ActionId, AssessmentId, AssessmentSummary, NewAssessment, OrganisationId, RespondentId,
    ScoreSnapshot, StoredAction, StoredAssessment, StoredOrganisation, StoredRespondent,
};
pub use report_settings::{LogoFormat, MAX_LOGO_BYTES, ReportSettingsRecord, StoredLogo};
pub use respondents::{ErasedAnswers, KeptComments};
pub use summary::Progress;
pub use unit::{Tx, Watch};
pub use wave_overrides::MAX_INITIATIVE_ID_CHARS;

/// An open TCM Workbench database.
pub struct Store {
    connection: Connection,
    path: PathBuf,
    /// Questionnaire snapshots already parsed, by snapshot id.
    questionnaires: HashMap<i64, Arc<Questionnaire>>,
    /// Why the database was opened read-only (its file, folder or disk cannot be written).
    read_only: Option<ReadOnlyReason>,
}

impl Store {
    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The folder where backups of this database go.
    pub fn backups_dir(&self) -> PathBuf {
        backup::backups_dir(&self.path)
    }

    /// SQLite's full integrity check: `"ok"`, or the first problems found.
    pub fn integrity_check(&self) -> Result<String> {
        let mut statement = self
            .connection
            .prepare("PRAGMA integrity_check")
            .map_err(self.fail("checking the database"))?;
        let lines = statement
            .query_map([], |row| row.get::<_, String>(0))
            .map_err(self.fail("checking the database"))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.fail("checking the database"))?;
        Ok(lines.join("\n"))
    }

    /// Turns a SQLite error into a store error, recognising a damaged file.
    pub(crate) fn fail(
        &self,
        context: impl Into<String>,
    ) -> impl FnOnce(rusqlite::Error) -> StoreError + '_ {
        let context = context.into();
        move |source| StoreError::from_sqlite(&self.path, context, source)
    }
}
