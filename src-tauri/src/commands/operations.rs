//! Long commands — imports, exports, backup, restore — stream their progress to the window
//! through a Tauri channel and can be cancelled with `cancel_operation`. The window names
//! each such call with an operation number of its choosing; the shell keeps that call's
//! cancel token until it ends. What a cancelled call leaves (nothing) is `tcm-api`'s affair.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tauri::ipc::{Channel, CommandArg, CommandItem, InvokeBody, InvokeError, JavaScriptChannelId};
use tauri::{Manager, Runtime, State, Webview};
use tcm_api::operation::{Cancel, Progress};
use tcm_api::transfer::ProgressView;
use tcm_api::{ApiError, Workbench};

use super::run;

/// The cancel tokens of the long commands under way, by the window's operation number.
#[derive(Default)]
pub struct Operations(Mutex<HashMap<u32, Cancel>>);

impl Operations {
    fn tokens(&self) -> std::sync::MutexGuard<'_, HashMap<u32, Cancel>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// A token for a new operation, kept under its number (when the window gave one).
    fn begin(&self, operation: Option<u32>) -> Cancel {
        let cancel = Cancel::new();
        if let Some(operation) = operation {
            self.tokens().insert(operation, cancel.clone());
        }
        cancel
    }

    fn end(&self, operation: Option<u32>) {
        if let Some(operation) = operation {
            self.tokens().remove(&operation);
        }
    }

    /// Asks an operation under way to stop; an operation already finished is left alone.
    pub fn cancel(&self, operation: u32) -> bool {
        match self.tokens().get(&operation) {
            Some(cancel) => {
                cancel.cancel();
                true
            }
            None => false,
        }
    }
}

/// What a long command receives from the window besides its own arguments: the operation
/// number it may be cancelled by and the channel its progress goes to (both optional, read
/// from the call's `operation` and `onProgress` arguments), with the webview they belong to.
/// Taken as one command argument so each long command declares it once.
pub struct Watched<R: Runtime> {
    webview: Webview<R>,
    operation: Option<u32>,
    channel: Option<JavaScriptChannelId>,
}

impl<'de, R: Runtime> CommandArg<'de, R> for Watched<R> {
    fn from_command(command: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        let argument = |key: &str| match command.message.payload() {
            InvokeBody::Json(arguments) => arguments.get(key).filter(|value| !value.is_null()),
            InvokeBody::Raw(_) => None,
        };
        let operation = argument("operation")
            .map(|value| {
                value
                    .as_u64()
                    .and_then(|number| u32::try_from(number).ok())
                    .ok_or_else(|| {
                        InvokeError::from(format!(
                            "{}: `operation` must be a whole number, not {value}",
                            command.name
                        ))
                    })
            })
            .transpose()?;
        let channel = argument("onProgress")
            .map(|value| {
                value
                    .as_str()
                    .and_then(|text| text.parse::<JavaScriptChannelId>().ok())
                    .ok_or_else(|| {
                        InvokeError::from(format!(
                            "{}: `onProgress` is not a channel ({value})",
                            command.name
                        ))
                    })
            })
            .transpose()?;
        Ok(Self {
            webview: command.message.webview(),
            operation,
            channel,
        })
    }
}

impl<R: Runtime> Watched<R> {
    /// Runs a long handler off the main thread (see [`run`]), its progress sent to the
    /// window's channel and its cancel token kept under the operation number while it runs.
    pub(crate) async fn run<T: Send + 'static>(
        self,
        workbench: &Arc<Workbench>,
        handler: impl FnOnce(&Workbench, &Progress) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let operations = self.webview.state::<Operations>();
        let cancel = operations.begin(self.operation);
        let progress = match self.channel {
            Some(channel) => {
                let channel: Channel<ProgressView> = channel.channel_on(self.webview.clone());
                Progress::new(cancel, move |view| {
                    // A window that went away no longer listens: the work goes on.
                    let _ = channel.send(view);
                })
            }
            None => Progress::new(cancel, |_| {}),
        };
        let outcome = run(workbench, move |workbench| handler(workbench, &progress)).await;
        operations.end(self.operation);
        outcome
    }
}

/// Asks the long command the window numbered `operation` to stop; answers whether it was
/// still running. It stops at its next unit of work, and its own call answers `cancelled`.
#[tauri::command]
pub async fn cancel_operation(
    operations: State<'_, Operations>,
    operation: u32,
) -> Result<bool, ApiError> {
    Ok(operations.cancel(operation))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cancel_reaches_the_running_operation_only() {
        let operations = Operations::default();
        let cancel = operations.begin(Some(7));
        assert!(!operations.cancel(8), "no such operation");
        assert!(!cancel.is_cancelled());
        assert!(operations.cancel(7));
        assert!(cancel.is_cancelled());
        operations.end(Some(7));
        assert!(!operations.cancel(7), "finished");
    }
}
