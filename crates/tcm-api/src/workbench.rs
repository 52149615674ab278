//! The application's state: the database it works on, opened once, and the clock.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use tcm_store::Store;

use crate::error::{ApiError, ErrorKind};

/// The clock handlers read, passed in so that tests fix it.
pub type Clock = fn() -> DateTime<Utc>;

/// The open database, or why it could not be opened (the UI then offers to restore a backup).
enum Database {
    Open(Box<Store>),
    Unusable(ApiError),
}

/// Everything handlers work with.
pub struct Workbench {
    /// The database file: the one the app started on, or another the user opened since.
    path: Mutex<PathBuf>,
    database: Mutex<Database>,
    clock: Clock,
    /// Where a database the user opens instead is remembered for the next start
    /// (`tcm_store::location::choice_file`); `None`: nothing is remembered (tests, the CLI).
    choice: Option<PathBuf>,
}

impl Workbench {
    /// Opens the database at `path` (cheaply: the full check and the start-up backup are
    /// [`Workbench::check_and_back_up`], which the app runs in the background). A database
    /// that cannot be opened leaves the workbench running, with every data handler answering
    /// why.
    pub fn start(path: PathBuf, clock: Clock) -> Workbench {
        let database = match Store::open(&path, clock()) {
            Ok(store) => Database::Open(Box::new(store)),
            Err(error) => Database::Unusable(error.into()),
        };
        Workbench {
            path: Mutex::new(path),
            database: Mutex::new(database),
            clock,
            choice: None,
        }
    }

    /// Opens the database the user chose in an earlier session (remembered by
    /// [`Workbench::remember_choice`]). When it is no longer there — moved, deleted, on a drive
    /// not plugged in — no empty database is made in its place: every data handler says so,
    /// and the recovery screen lets the user open another file.
    pub fn start_chosen(path: PathBuf, clock: Clock) -> Workbench {
        match std::fs::symlink_metadata(&path) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Workbench {
                database: Mutex::new(Database::Unusable(
                    ApiError::new(
                        ErrorKind::Storage,
                        format!(
                            "{} was opened last time but is no longer there (moved, deleted or on a drive that is not connected); open another database file",
                            path.display()
                        ),
                    )
                    .with_detail(crate::error::ErrorDetail::ChosenDatabaseMissing {
                        path: path.display().to_string(),
                    }),
                )),
                path: Mutex::new(path),
                clock,
                choice: None,
            },
            _ => Workbench::start(path, clock),
        }
    }

    /// The same workbench, remembering in `file` the database the user opens instead of this
    /// one ([`Workbench::open_other`]), so that the next start opens it.
    pub fn remembering(mut self, file: PathBuf) -> Workbench {
        self.choice = Some(file);
        self
    }

    /// Remembers the database in use as the one to open at the next start, when this
    /// workbench remembers ([`Workbench::remembering`]). Only the small choice file is
    /// written: no database is moved, replaced or deleted.
    pub fn remember_choice(&self) -> Result<(), ApiError> {
        match &self.choice {
            Some(file) => Ok(tcm_store::location::remember_choice(file, &self.path())?),
            None => Ok(()),
        }
    }

    /// The full check of the database file and the start-up backup. A damaged file found
    /// then makes every data handler refuse from then on, as if it had been found on opening.
    pub fn check_and_back_up(&self) -> Result<(), ApiError> {
        let now = self.now();
        let mut database = self.lock();
        let outcome = match &*database {
            Database::Open(store) => store.check_and_back_up(now),
            Database::Unusable(error) => return Err(error.clone()),
        };
        match outcome {
            Ok(_) => Ok(()),
            Err(error) if error.is_unusable_file() => {
                let error = ApiError::from(error);
                *database = Database::Unusable(error.clone());
                Err(error)
            }
            Err(error) => Err(error.into()),
        }
    }

    /// A workbench with no database, when no data folder was found: every data handler says
    /// so (and how to choose a database) instead of a database being made somewhere unexpected.
    pub fn without_database(clock: Clock) -> Workbench {
        Workbench {
            path: Mutex::new(PathBuf::new()),
            database: Mutex::new(Database::Unusable(
                ApiError::new(
                    ErrorKind::Storage,
                    "no data folder was found for the database; start the app with --db FILE or set TCM_DB",
                )
                .with_detail(crate::error::ErrorDetail::NoDataFolder),
            )),
            clock,
            choice: None,
        }
    }

    /// The database file in use.
    pub fn path(&self) -> PathBuf {
        self.path
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Works on another database file from now on (the user opened it instead of one that
    /// could not be opened): opened, then fully checked. When it cannot be opened or is
    /// damaged, the workbench stays on the database it had and the error says why. The file
    /// it leaves is not touched. (Remembering it for the next start is
    /// [`Workbench::remember_choice`].)
    pub fn open_other(&self, path: PathBuf) -> Result<(), ApiError> {
        let now = self.now();
        let store = Store::open(&path, now)?;
        if let Err(error) = store.check_and_back_up(now) {
            return Err(error.into());
        }
        let mut database = self.lock();
        *database = Database::Open(Box::new(store));
        *self
            .path
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = path;
        Ok(())
    }

    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    /// Why the database could not be opened, if it could not.
    pub fn opening_error(&self) -> Option<ApiError> {
        match &*self.lock() {
            Database::Open(_) => None,
            Database::Unusable(error) => Some(error.clone()),
        }
    }

    /// Why the open database is read-only, if it is.
    pub fn read_only(&self) -> Option<crate::transfer::ReadOnlyView> {
        match &*self.lock() {
            Database::Open(store) => store.read_only().map(|reason| {
                let (reason, path) = crate::error::ReadOnlyReason::of(reason, &self.path());
                crate::transfer::ReadOnlyView { reason, path }
            }),
            Database::Unusable(_) => None,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Database> {
        // A handler that panicked cannot have left a half transaction: SQLite rolls it back.
        self.database
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Runs `work` on the open store.
    pub fn with_store<T>(
        &self,
        work: impl FnOnce(&mut Store, DateTime<Utc>) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let now = self.now();
        match &mut *self.lock() {
            Database::Open(store) => work(store, now),
            Database::Unusable(error) => Err(error.clone()),
        }
    }

    /// Closes the database, runs `work` on its path (restore), and opens it again.
    pub fn reopen_after<T>(
        &self,
        work: impl FnOnce(&Path, DateTime<Utc>) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let now = self.now();
        let mut database = self.lock();
        *database = Database::Unusable(ApiError::new(
            ErrorKind::Storage,
            "the database is being replaced",
        ));
        let path = self.path();
        let outcome = work(&path, now);
        *database = match Store::open(&path, now) {
            Ok(store) => Database::Open(Box::new(store)),
            Err(error) => Database::Unusable(error.into()),
        };
        outcome
    }
}
