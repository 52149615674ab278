//! The participant page, embedded at build time from `ui-live/dist` (see build.rs).

include!(concat!(env!("OUT_DIR"), "/assets.rs"));

/// A file of the bundle and its content type.
pub(crate) fn file(path: &str) -> Option<(&'static [u8], &'static str)> {
    FILES
        .iter()
        .find(|(name, _)| *name == path)
        .map(|(name, bytes)| (*bytes, content_type(name)))
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}
