//! Every text the store writes goes through [`stored`]: control characters stripped, spaces
//! around trimmed, the field's length limit enforced (tcm-core's `limits`), so that no path —
//! window, CLI, import, live session — stores a 1 MB name or a label made of NUL characters.

use tcm_core::limits::{TextField, clean_text};

use crate::error::{Result, StoreError};

/// The text stored for `value` in `field`, or why it is refused.
pub(crate) fn stored(field: TextField, value: &str) -> Result<String> {
    clean_text(field, value)
        .map(|cleaned| cleaned.trim().to_owned())
        .map_err(StoreError::Text)
}
