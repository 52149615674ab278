//! Reading a parsed TOML tree field by field, recording every problem instead of stopping
//! at the first one. This is what lets `tcm validate` list all errors of a file at once.

use std::cell::RefCell;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::DiagnosticSink;
use crate::text::{Language, Localized};

/// A spanned TOML value.
pub(crate) type Value<'i> = Spanned<DeValue<'i>>;

/// The kind of a TOML value, for "expected a string, found an integer" messages.
pub(crate) fn kind_of(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// The diagnostics of the file being read, shared by every table view.
pub(crate) type Sink<'t> = RefCell<DiagnosticSink<'t>>;

/// One TOML table being read. Records which keys were read so that [`TableReader::finish`]
/// can report the unknown ones (usually typos).
pub(crate) struct TableReader<'a, 'i, 't> {
    sink: &'a Sink<'t>,
    table: &'a DeTable<'i>,
    span: Range<usize>,
    /// What the table is, for messages: "question `cre-01`", "the scale level 2".
    context: String,
    read: RefCell<Vec<&'a str>>,
}

impl<'a, 'i, 't> TableReader<'a, 'i, 't> {
    pub fn new(
        sink: &'a Sink<'t>,
        table: &'a DeTable<'i>,
        span: Range<usize>,
        context: impl Into<String>,
    ) -> Self {
        TableReader {
            sink,
            table,
            span,
            context: context.into(),
            read: RefCell::new(Vec::new()),
        }
    }

    /// The diagnostics of the file, to read a nested table that is not under a key.
    pub fn sink(&self) -> &'a Sink<'t> {
        self.sink
    }

    pub fn context(&self) -> &str {
        &self.context
    }

    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    pub fn set_context(&mut self, context: impl Into<String>) {
        self.context = context.into();
    }

    /// The 1-based line where `span` starts, to point back to an earlier definition.
    pub fn line_of(&self, span: &Range<usize>) -> usize {
        self.sink.borrow().line_of(span.start)
    }

    /// The 1-based column where `span` starts.
    pub fn column_of(&self, span: &Range<usize>) -> usize {
        self.sink.borrow().column_of(span.start)
    }

    pub fn error(&self, span: Range<usize>, message: impl Into<String>) {
        self.sink.borrow_mut().error(span, message);
    }

    /// The value of `key`, marking it read.
    pub fn get(&self, key: &str) -> Option<&'a Value<'i>> {
        let (stored_key, value) = self.table.get_key_value(key)?;
        self.read.borrow_mut().push(stored_key.get_ref().as_ref());
        Some(value)
    }

    /// Reports a missing key at the table's position.
    pub fn missing(&self, key: &str) {
        self.error(
            self.span.clone(),
            format!("missing `{key}` in {}", self.context),
        );
    }

    fn wrong_kind(&self, key: &str, value: &Value<'_>, expected: &str) {
        self.error(
            value.span(),
            format!(
                "`{key}` in {} must be {expected}, found {}",
                self.context,
                kind_of(value.get_ref())
            ),
        );
    }

    /// A string, required. Empty or blank strings are refused.
    pub fn string(&self, key: &str) -> Option<Spanned<&'a str>> {
        match self.get(key) {
            None => {
                self.missing(key);
                None
            }
            Some(value) => self.as_string(key, value),
        }
    }

    fn as_string(&self, key: &str, value: &'a Value<'i>) -> Option<Spanned<&'a str>> {
        match value.get_ref() {
            DeValue::String(text) if text.trim().is_empty() => {
                self.error(
                    value.span(),
                    format!("`{key}` in {} is empty", self.context),
                );
                None
            }
            DeValue::String(text) => Some(Spanned::new(value.span(), text.as_ref())),
            _ => {
                self.wrong_kind(key, value, "a string");
                None
            }
        }
    }

    /// An integer, required.
    pub fn integer(&self, key: &str) -> Option<Spanned<i64>> {
        match self.get(key) {
            None => {
                self.missing(key);
                None
            }
            Some(value) => self.as_integer(key, value),
        }
    }

    fn as_integer(&self, key: &str, value: &Value<'_>) -> Option<Spanned<i64>> {
        match value.get_ref() {
            DeValue::Integer(integer) => {
                match i64::from_str_radix(integer.as_str(), integer.radix()) {
                    Ok(number) => Some(Spanned::new(value.span(), number)),
                    Err(_) => {
                        self.error(
                            value.span(),
                            format!("`{key}` in {} is too large", self.context),
                        );
                        None
                    }
                }
            }
            _ => {
                self.wrong_kind(key, value, "an integer");
                None
            }
        }
    }

    /// An integer between `min` and `max`, required.
    pub fn integer_in(&self, key: &str, min: i64, max: i64) -> Option<Spanned<i64>> {
        let number = self.integer(key)?;
        if (min..=max).contains(number.get_ref()) {
            Some(number)
        } else {
            self.error(
                number.span(),
                format!(
                    "`{key}` in {} must be between {min} and {max}, found {}",
                    self.context,
                    number.get_ref()
                ),
            );
            None
        }
    }

    /// A number (integer or decimal), optional.
    pub fn optional_number(&self, key: &str) -> Option<Spanned<f64>> {
        let value = self.get(key)?;
        let number = match value.get_ref() {
            DeValue::Integer(_) => self
                .as_integer(key, value)
                .map(|integer| *integer.get_ref() as f64),
            DeValue::Float(float) => float.as_str().replace('_', "").parse::<f64>().ok(),
            _ => {
                self.wrong_kind(key, value, "a number");
                return None;
            }
        };
        number.map(|number| Spanned::new(value.span(), number))
    }

    /// A sub-table, required.
    pub fn table(&self, key: &str) -> Option<TableReader<'a, 'i, 't>> {
        match self.get(key) {
            None => {
                self.missing(key);
                None
            }
            Some(value) => self.as_table(key, value),
        }
    }

    fn as_table(&self, key: &str, value: &'a Value<'i>) -> Option<TableReader<'a, 'i, 't>> {
        match value.get_ref() {
            DeValue::Table(table) => Some(TableReader::new(
                self.sink,
                table,
                value.span(),
                format!("`{key}` of {}", self.context),
            )),
            _ => {
                self.wrong_kind(key, value, "a table");
                None
            }
        }
    }

    /// A sub-table, optional.
    pub fn optional_table(&self, key: &str) -> Option<TableReader<'a, 'i, 't>> {
        self.get(key).and_then(|value| self.as_table(key, value))
    }

    /// An array, required; `None` (with a diagnostic) if missing or of another kind.
    pub fn array(&self, key: &str) -> Option<(Range<usize>, &'a [Value<'i>])> {
        match self.get(key) {
            None => {
                self.missing(key);
                None
            }
            Some(value) => match value.get_ref() {
                DeValue::Array(items) => Some((value.span(), &items[..])),
                _ => {
                    self.wrong_kind(key, value, "an array");
                    None
                }
            },
        }
    }

    /// Each element of an array of tables, as a reader; other elements are reported.
    pub fn tables_of(
        &self,
        key: &str,
        items: &'a [Value<'i>],
        context: impl Fn(usize) -> String,
    ) -> Vec<TableReader<'a, 'i, 't>> {
        items
            .iter()
            .enumerate()
            .filter_map(|(position, item)| match item.get_ref() {
                DeValue::Table(table) => Some(TableReader::new(
                    self.sink,
                    table,
                    item.span(),
                    context(position),
                )),
                other => {
                    self.error(
                        item.span(),
                        format!(
                            "each entry of `{key}` must be a table, found {}",
                            kind_of(other)
                        ),
                    );
                    None
                }
            })
            .collect()
    }

    /// A text in both languages: a table with non-empty `fr` and `en` strings.
    pub fn localized(&self, key: &str) -> Option<Localized> {
        match self.get(key) {
            None => {
                self.error(
                    self.span.clone(),
                    format!(
                        "missing `{key}` (French and English text) in {}",
                        self.context
                    ),
                );
                None
            }
            Some(value) => self.as_localized(key, value),
        }
    }

    /// A text in both languages, optional as a whole (but complete when given).
    pub fn optional_localized(&self, key: &str) -> Option<Localized> {
        self.get(key)
            .and_then(|value| self.as_localized(key, value))
    }

    fn as_localized(&self, key: &str, value: &'a Value<'i>) -> Option<Localized> {
        let DeValue::Table(table) = value.get_ref() else {
            self.wrong_kind(key, value, "a table with `fr` and `en` texts");
            return None;
        };
        let reader = TableReader::new(self.sink, table, value.span(), self.context.clone());
        let mut texts = Language::ALL.map(|language| {
            let path = format!("{key}.{}", language.code());
            match reader.get(language.code()) {
                None => {
                    reader.error(
                        value.span(),
                        format!(
                            "missing {} text `{path}` in {}",
                            language.name_en(),
                            self.context
                        ),
                    );
                    None
                }
                Some(text) => reader
                    .as_string(&path, text)
                    .map(|text| text.into_inner().to_owned()),
            }
        });
        reader.finish_with_prefix(key);
        let [fr, en] = &mut texts;
        Some(Localized::new(fr.take()?, en.take()?))
    }

    /// Reports every key of the table that was never read.
    pub fn finish(&self) {
        self.report_unknown(None);
    }

    fn finish_with_prefix(&self, prefix: &str) {
        self.report_unknown(Some(prefix));
    }

    fn report_unknown(&self, prefix: Option<&str>) {
        let read = self.read.borrow();
        for (key, _) in self.table.iter() {
            let name: &str = key.get_ref().as_ref();
            if !read.contains(&name) {
                let shown = match prefix {
                    Some(prefix) => format!("{prefix}.{name}"),
                    None => name.to_owned(),
                };
                self.error(
                    key.span(),
                    format!("unknown key `{shown}` in {}", self.context),
                );
            }
        }
    }
}
