//! How the window's web view renders. On Linux, WebKitGTK composites pages on the GPU by
//! default; for a form-based app that costs about 150 MB of memory in the web process (GL
//! buffers, or Mesa's software rasteriser where there is no GPU) and makes answer-to-saved
//! latency uneven. TCM Workbench therefore draws without accelerated compositing, and keeps
//! WebKit's caches to what a single local document needs. `TCM_HARDWARE_ACCELERATION=1`
//! restores WebKit's default (for a machine where the GPU path is known to be better).

/// The environment variable that keeps WebKit's GPU compositing.
pub const HARDWARE_ACCELERATION_VARIABLE: &str = "TCM_HARDWARE_ACCELERATION";

/// Whether GPU compositing is asked for, from the variable's value.
pub fn hardware_acceleration_requested(value: Option<&str>) -> bool {
    matches!(value.map(str::trim), Some("1" | "true" | "yes" | "on"))
}

/// Applies the rendering choices to a window's web view.
pub fn tune(window: &tauri::WebviewWindow) -> tauri::Result<()> {
    let accelerate = hardware_acceleration_requested(
        std::env::var(HARDWARE_ACCELERATION_VARIABLE)
            .ok()
            .as_deref(),
    );
    window.with_webview(move |webview| {
        #[cfg(target_os = "linux")]
        {
            use webkit2gtk::{
                CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
            };
            let view = webview.inner();
            if let Some(context) = view.context() {
                context.set_cache_model(CacheModel::DocumentViewer);
            }
            if !accelerate && let Some(settings) = WebViewExt::settings(&view) {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        }
        #[cfg(not(target_os = "linux"))]
        let _ = (webview, accelerate);
    })
}

#[cfg(test)]
mod tests {
    use super::hardware_acceleration_requested;

    #[test]
    fn only_an_explicit_yes_keeps_gpu_compositing() {
        for value in ["1", "true", "yes", "on", " 1 "] {
            assert!(hardware_acceleration_requested(Some(value)), "{value}");
        }
        for value in [
            None,
            Some(""),
            Some("0"),
            Some("false"),
            Some("no"),
            Some("gpu"),
        ] {
            assert!(!hardware_acceleration_requested(value), "{value:?}");
        }
    }
}
