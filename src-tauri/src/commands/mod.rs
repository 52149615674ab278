//! Tauri commands: each adapts one `tcm-api` handler and returns its result unchanged. Their
//! TypeScript wrappers are in `ui/src/lib/api.ts` (a test checks both lists match).

pub mod assessments;
pub mod dialogs;
pub mod files;
pub mod plan;
pub mod questionnaires;
pub mod reports;
pub mod settings;
