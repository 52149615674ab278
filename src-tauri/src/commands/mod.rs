//! Tauri commands: each adapts one `tcm-api` handler and returns its result unchanged. Their
//! TypeScript wrappers are in `ui/src/lib/api.ts` (a test checks both lists match).

pub mod assessments;
pub mod classroom;
pub mod dialogs;
pub mod files;
pub mod live;
pub mod operations;
pub mod plan;
pub mod questionnaires;
pub mod reports;
pub mod settings;
pub mod strategy;

use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use tcm_api::{ApiError, ErrorKind, Workbench};

/// Runs a handler off the main thread (on the blocking pool of Tauri's async runtime), so
/// that no command — a PDF export, a large import, a restore — freezes the window. A panic in
/// the handler, which would be a bug, becomes an `Internal` error instead of closing the
/// window; SQLite rolls back any transaction it left open.
pub(crate) async fn run<T: Send + 'static>(
    workbench: &Arc<Workbench>,
    handler: impl FnOnce(&Workbench) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let workbench = Arc::clone(workbench);
    tauri::async_runtime::spawn_blocking(move || {
        std::panic::catch_unwind(AssertUnwindSafe(|| handler(&workbench)))
            .unwrap_or_else(|panic| Err(internal(&panic_message(panic.as_ref()))))
    })
    .await
    .unwrap_or_else(|error| Err(internal(&error.to_string())))
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown cause".to_owned())
}

fn internal(detail: &str) -> ApiError {
    ApiError::new(
        ErrorKind::Internal,
        format!("an unexpected error stopped this action; nothing was half-saved ({detail})"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_handler_becomes_an_internal_error_and_the_workbench_keeps_working() {
        let dir = tempfile::tempdir().expect("temp dir");
        let workbench = Arc::new(Workbench::start(
            dir.path().join("tcm.sqlite"),
            chrono::Utc::now,
        ));
        let error = tauri::async_runtime::block_on(run(&workbench, |_| -> Result<(), ApiError> {
            panic!("a bug in a handler")
        }))
        .expect_err("an error, not a closed window");
        assert_eq!(error.kind, ErrorKind::Internal);
        assert!(
            error.message.contains("a bug in a handler"),
            "{}",
            error.message
        );
        let listed = tauri::async_runtime::block_on(run(&workbench, |workbench| {
            tcm_api::assessments::list_assessments(workbench)
        }))
        .expect("the next command runs");
        assert!(listed.is_empty());
    }
}
