//! The application surface: what the desktop shell (and any other front end) may ask for.
//!
//! Architecture invariant: the types that cross to the UI live here, apart from the domain
//! types, and are converted from them. Each derives `ts_rs::TS`; `make bindings` (a test)
//! writes their TypeScript twins into `ui/src/lib/bindings`, which are committed and checked
//! for drift in CI. Handlers take plain inputs and return `Result<_, ApiError>`: the shell
//! only adapts them to Tauri commands.

pub mod assessments;
pub mod benchmark;
pub mod catalogue;
pub mod class_import;
pub mod classroom;
pub mod error;
pub mod files;
pub mod follow_up;
pub mod operation;
pub mod plan;
pub mod questionnaires;
pub mod reaudit;
pub mod report_settings;
pub mod reports;
pub mod results;
pub mod settings;
pub mod strategy;
pub mod transfer;
pub mod transfers;
pub mod workbench;

pub use error::{ApiError, ErrorDetail, ErrorKind, ReadOnlyReason};
pub use workbench::Workbench;
