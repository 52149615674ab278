//! Strict JSON for `.tcm` files: the text parsed into a [`Value`] by `serde_json`, refusing
//! what `serde_json` would let through silently — a key given twice in one object (the last
//! one would win) and a string longer than [`MAX_STRING_BYTES`] — with the path of the
//! offending value. Nesting is bounded by `serde_json`'s own recursion limit (128).

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::MAX_STRING_BYTES;

/// What made the strict reader stop, besides broken JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Refusal {
    /// A key given a second time in the same object, at this path.
    DuplicateKey { key: String, path: String },
    /// A string over [`MAX_STRING_BYTES`] bytes, at this path.
    LongString { path: String, bytes: usize },
}

/// Why a document was not read: broken JSON, or one of the refusals above, with the line and
/// column where reading stopped.
pub(super) struct Failure {
    pub error: serde_json::Error,
    pub refusal: Option<Refusal>,
}

/// Parses `bytes` as one JSON document, refusing duplicate keys and over-long strings.
pub(super) fn parse_strict(bytes: &[u8]) -> Result<Value, Failure> {
    let refusal = RefCell::new(None);
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let parsed = ValueAt {
        path: Path::Root,
        refusal: &refusal,
    }
    .deserialize(&mut deserializer)
    .and_then(|value| deserializer.end().map(|()| value));
    parsed.map_err(|error| Failure {
        error,
        refusal: refusal.into_inner(),
    })
}

/// Where a value is, as written in error messages: `answers[3].comment`.
#[derive(Clone)]
enum Path<'p> {
    Root,
    Key(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => write!(f, "{key}"),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// A value at a path; records the first refusal met.
struct ValueAt<'p, 'r> {
    path: Path<'p>,
    refusal: &'r RefCell<Option<Refusal>>,
}

impl ValueAt<'_, '_> {
    fn refuse<E: de::Error>(&self, refusal: Refusal) -> E {
        let message = match &refusal {
            Refusal::DuplicateKey { key, path } => format!("duplicate key `{key}` at `{path}`"),
            Refusal::LongString { path, bytes } => format!("a string of {bytes} bytes at `{path}`"),
        };
        self.refusal.borrow_mut().get_or_insert(refusal);
        E::custom(message)
    }
}

impl<'de> DeserializeSeed<'de> for ValueAt<'_, '_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueAt<'_, '_> {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        // serde_json never gives a non-finite number; `Null` would be its JSON anyway.
        Ok(Value::from(value))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Value, E> {
        if value.len() > MAX_STRING_BYTES {
            return Err(self.refuse(Refusal::LongString {
                path: self.path.to_string(),
                bytes: value.len(),
            }));
        }
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Value, E> {
        self.visit_str(&value)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Value, A::Error> {
        let mut values = Vec::new();
        loop {
            let seed = ValueAt {
                path: Path::Index(&self.path, values.len()),
                refusal: self.refusal,
            };
            match items.next_element_seed(seed)? {
                Some(value) => values.push(value),
                None => return Ok(Value::Array(values)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = entries.next_key::<String>()? {
            let path = Path::Key(&self.path, &key);
            if key.len() > MAX_STRING_BYTES {
                return Err(self.refuse(Refusal::LongString {
                    path: self.path.to_string(),
                    bytes: key.len(),
                }));
            }
            if object.contains_key(&key) {
                return Err(self.refuse(Refusal::DuplicateKey {
                    key: key.clone(),
                    path: path.to_string(),
                }));
            }
            let value = entries.next_value_seed(ValueAt {
                path,
                refusal: self.refusal,
            })?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::{Refusal, parse_strict};

    fn refusal(text: &str) -> Option<Refusal> {
        parse_strict(text.as_bytes())
            .err()
            .and_then(|failure| failure.refusal)
    }

    #[test]
    fn duplicate_keys_are_found_at_any_depth_with_their_path() {
        assert_eq!(
            refusal(r#"{"format_version":2,"format_version":1}"#),
            Some(Refusal::DuplicateKey {
                key: "format_version".to_owned(),
                path: "format_version".to_owned()
            })
        );
        assert_eq!(
            refusal(r#"{"a":[{"b":1},{"c":{"d":1,"d":2}}]}"#),
            Some(Refusal::DuplicateKey {
                key: "d".to_owned(),
                path: "a[1].c.d".to_owned()
            })
        );
    }

    #[test]
    fn a_document_without_duplicates_reads_as_serde_json_reads_it() {
        let text = r#"{"a":[1,-2,3.5,true,null,"é"],"b":{"a":{}}}"#;
        let strict = parse_strict(text.as_bytes()).ok();
        let plain: Option<serde_json::Value> = serde_json::from_str(text).ok();
        assert_eq!(strict, plain);
        assert!(parse_strict(b"{} x").is_err(), "trailing text is refused");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let failure = parse_strict(text.as_bytes()).err();
        assert!(failure.is_some_and(|failure| failure.refusal.is_none()));
    }
}
