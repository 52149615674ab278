//! Times are stored as RFC 3339 texts in UTC, to the millisecond, so they sort as text.

use chrono::{DateTime, SecondsFormat, Utc};

pub fn format(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Reads a stored time; a malformed one (only possible if the file was edited by hand) reads
/// as the epoch rather than failing a whole list.
pub fn parse(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&Utc))
        .unwrap_or_default()
}
