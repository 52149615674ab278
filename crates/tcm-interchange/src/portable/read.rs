//! Reading a `.tcm` document: its size, strict JSON (no key twice, no huge string), then the header (is it ours, is it too new), then the
//! structure and the questionnaire snapshot; the values themselves are checked in
//! [`super::values`]. Nothing is returned unless the whole file is good.

use serde_json::Value;
use tcm_core::Questionnaire;

use super::error::{FieldIssue, FieldProblem, PortableError};
use super::json::{Failure, Refusal, parse_strict};
use super::model::PortableAssessment;
use super::transfer::File;
use super::values::read_values;
use super::{FORMAT, FORMAT_VERSION, MAX_FILE_BYTES, MAX_STRING_BYTES, SNAPSHOT_FILE};

/// Reads a `.tcm` document. A leading byte-order mark is tolerated; unknown fields are
/// ignored (later versions of format 1 may add some). A document over [`MAX_FILE_BYTES`] is
/// refused before it is parsed; a key given twice in an object, or a string over
/// [`MAX_STRING_BYTES`], is refused with its path.
pub fn from_json(bytes: &[u8]) -> Result<PortableAssessment, PortableError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(PortableError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value: Value = parse_strict(bytes).map_err(refused)?;
    check_header(&value)?;
    let file: File =
        serde_path_to_error::deserialize(value).map_err(|error| PortableError::Malformed {
            path: error.path().to_string(),
            message: error.inner().to_string(),
        })?;
    let questionnaire = Questionnaire::from_toml(&file.questionnaire.snapshot, SNAPSHOT_FILE)
        .map_err(PortableError::InvalidSnapshot)?;
    read_values(&file, &questionnaire).map_err(PortableError::InvalidFields)
}

fn refused(failure: Failure) -> PortableError {
    let Failure { error, refusal } = failure;
    match refusal {
        Some(Refusal::DuplicateKey { key, path }) => PortableError::DuplicateKey {
            key,
            path,
            line: error.line(),
            column: error.column(),
        },
        Some(Refusal::LongString { path, bytes }) => PortableError::LongString {
            path,
            bytes,
            limit: MAX_STRING_BYTES,
        },
        None => not_json(error),
    }
}

fn not_json(error: serde_json::Error) -> PortableError {
    let message = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    PortableError::NotJson {
        line: error.line(),
        column: error.column(),
        message: message
            .strip_suffix(&position)
            .unwrap_or(&message)
            .to_owned(),
    }
}

/// `format` must be ours and `format_version` one this version reads.
fn check_header(value: &Value) -> Result<(), PortableError> {
    let Value::Object(document) = value else {
        return Err(PortableError::NotTcmFile {
            reason: "the document is not a JSON object".to_owned(),
        });
    };
    match document.get("format") {
        Some(Value::String(format)) if format == FORMAT => {}
        Some(Value::String(format)) => {
            return Err(PortableError::NotTcmFile {
                reason: format!("its format is `{format}`, not `{FORMAT}`"),
            });
        }
        _ => {
            return Err(PortableError::NotTcmFile {
                reason: format!("it has no `\"format\": \"{FORMAT}\"`"),
            });
        }
    }
    match document.get("format_version").map(Value::as_u64) {
        Some(Some(version)) if version > FORMAT_VERSION => Err(PortableError::NewerFormat {
            found: version,
            supported: FORMAT_VERSION,
        }),
        Some(Some(0)) => Err(PortableError::InvalidFields(vec![FieldProblem {
            path: "format_version".to_owned(),
            issue: FieldIssue::InvalidValue {
                what: "format version",
                value: "0".to_owned(),
                expected: format!("a whole number from 1 to {FORMAT_VERSION}"),
            },
        }])),
        Some(Some(_)) => Ok(()),
        Some(None) => Err(PortableError::Malformed {
            path: "format_version".to_owned(),
            message: "expected a whole number".to_owned(),
        }),
        None => Err(PortableError::Malformed {
            path: "format_version".to_owned(),
            message: "missing field `format_version`".to_owned(),
        }),
    }
}
