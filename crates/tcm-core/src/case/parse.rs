//! Reading a case file (TOML) into a [`CaseSpec`], then checking it against its
//! questionnaire into a [`Case`]. Every problem is reported with its line and column.

use std::cell::RefCell;

use toml::de::{DeTable, DeValue};

use super::{CASE_FORMAT_VERSION, Case, KeyEntry};
use crate::answer::Level;
use crate::grading::KeyAnswer;
use crate::questionnaire::diagnostic::{Diagnostic, DiagnosticSink, InvalidQuestionnaire};
use crate::questionnaire::parse::{check_id, read_id, read_version, read_version_requirement};
use crate::questionnaire::reader::{TableReader, kind_of};
use crate::questionnaire::{QuestionId, Questionnaire};

/// A key entry as written, with where it is.
#[derive(Debug, Clone, PartialEq)]
struct WrittenEntry {
    entry: KeyEntry,
    line: usize,
    column: usize,
}

/// A parsed case file, before it is checked against its questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseSpec {
    file: String,
    case: Case,
    /// Where the `questionnaire` table is, for messages about the questionnaire as a whole.
    questionnaire_line: usize,
    entries: Vec<WrittenEntry>,
}

/// Whether a text is a case file rather than a questionnaire: its root has a
/// `questionnaire` table (questionnaire files never do). Unreadable TOML is not a case.
pub fn is_case_file(text: &str) -> bool {
    let (root, _) = DeTable::parse_recoverable(text);
    matches!(
        root.get_ref()
            .get("questionnaire")
            .map(|value| value.get_ref()),
        Some(DeValue::Table(_))
    )
}

/// Parses a case file. `file` names it in diagnostics. A malformed file never panics.
pub fn parse_case_file(text: &str, file: &str) -> Result<CaseSpec, InvalidQuestionnaire> {
    let sink = RefCell::new(DiagnosticSink::new(file, text));
    let (root, syntax_errors) = DeTable::parse_recoverable(text);
    if !syntax_errors.is_empty() {
        for error in syntax_errors {
            sink.borrow_mut().error(
                error.span().unwrap_or(0..0),
                format!("TOML syntax error: {}", error.message().trim()),
            );
        }
        return Err(failed(sink, file));
    }
    let root = TableReader::new(&sink, root.get_ref(), 0..0, "the case");
    let spec = read_case(&root, file);
    root.finish();
    match (sink.into_inner().finish(), spec) {
        (Ok(()), Some(spec)) => Ok(spec),
        (Err(invalid), _) => Err(invalid),
        (Ok(()), None) => Err(InvalidQuestionnaire {
            file: file.to_owned(),
            diagnostics: Vec::new(),
        }),
    }
}

fn failed(sink: RefCell<DiagnosticSink<'_>>, file: &str) -> InvalidQuestionnaire {
    sink.into_inner()
        .finish()
        .err()
        .unwrap_or_else(|| InvalidQuestionnaire {
            file: file.to_owned(),
            diagnostics: Vec::new(),
        })
}

fn read_case(root: &TableReader<'_, '_, '_>, file: &str) -> Option<CaseSpec> {
    if let Some(format) = root.integer("format")
        && *format.get_ref() != CASE_FORMAT_VERSION
    {
        root.error(
            format.span(),
            format!(
                "unsupported case format {} (this version of TCM Workbench reads format {CASE_FORMAT_VERSION})",
                format.get_ref()
            ),
        );
    }
    let id = read_id(root, "id", "case id");
    let version = read_version(root);
    let title = root.localized("title");
    let questionnaire = root.table("questionnaire").and_then(|mut table| {
        table.set_context("`questionnaire`");
        let id = read_id(&table, "id", "questionnaire id");
        let version = read_version_requirement(&table, "questionnaire", "^2.0");
        table.finish();
        Some((id?, version?, table.line_of(&table.span())))
    });
    let text = root.localized("text");
    let entries = read_key(root);
    let (questionnaire_id, questionnaire_version, questionnaire_line) = questionnaire?;
    let entries = entries?;
    Some(CaseSpec {
        file: file.to_owned(),
        case: Case {
            id: id?,
            version: version?,
            title: title?,
            questionnaire_id,
            questionnaire_version,
            text: text?,
            key: entries
                .iter()
                .map(|written| written.entry.clone())
                .collect(),
        },
        questionnaire_line,
        entries,
    })
}

/// `[[key]]`: one table per question, `question`, `answer` (0–4 or `"NA"`), `justification`.
fn read_key(root: &TableReader<'_, '_, '_>) -> Option<Vec<WrittenEntry>> {
    let (span, items) = root.array("key")?;
    if items.is_empty() {
        root.error(span, "`key` must give an answer for every question");
        return None;
    }
    let mut entries: Vec<WrittenEntry> = Vec::new();
    let mut complete = true;
    for mut table in root.tables_of("key", items, |position| {
        format!("key entry {}", position + 1)
    }) {
        let question = table.string("question").and_then(|id| {
            check_id(&table, id.get_ref(), id.span(), "question id")
                .then(|| (QuestionId::new(*id.get_ref()), id.span()))
        });
        if let Some((question, _)) = &question {
            table.set_context(format!("the key entry for `{question}`"));
        }
        let answer = read_key_answer(&table);
        let justification = table.localized("justification");
        table.finish();
        let (Some((question, span)), Some(answer), Some(justification)) =
            (question, answer, justification)
        else {
            complete = false;
            continue;
        };
        if let Some(first) = entries
            .iter()
            .find(|known| known.entry.question == question)
        {
            table.error(
                span,
                format!(
                    "question `{question}` has two key entries (the first is on line {})",
                    first.line
                ),
            );
            complete = false;
            continue;
        }
        entries.push(WrittenEntry {
            entry: KeyEntry {
                question,
                answer,
                justification,
            },
            line: table.line_of(&span),
            column: table.column_of(&span),
        });
    }
    complete.then_some(entries)
}

/// `answer`: an integer 0–4, or the string `"NA"`.
fn read_key_answer(table: &TableReader<'_, '_, '_>) -> Option<KeyAnswer> {
    let Some(value) = table.get("answer") else {
        table.missing("answer");
        return None;
    };
    let invalid = |found: String| {
        table.error(
            value.span(),
            format!(
                "`answer` in {} must be a level 0 to 4 or \"NA\", found {found}",
                table.context()
            ),
        );
        None
    };
    match value.get_ref() {
        DeValue::Integer(integer) => {
            match u8::from_str_radix(integer.as_str(), integer.radix())
                .ok()
                .and_then(Level::new)
            {
                Some(level) => Some(KeyAnswer::Level(level)),
                None => invalid(integer.as_str().to_owned()),
            }
        }
        DeValue::String(text) if text.trim().eq_ignore_ascii_case("NA") => {
            Some(KeyAnswer::NotApplicable)
        }
        DeValue::String(text) if text.trim() == "?" => {
            invalid("\"?\" (a key must know the answer)".to_owned())
        }
        DeValue::String(text) => invalid(format!("\"{text}\"")),
        other => invalid(kind_of(other).to_owned()),
    }
}

impl CaseSpec {
    /// The case as written, before checking it against its questionnaire.
    pub fn case(&self) -> &Case {
        &self.case
    }

    pub fn questionnaire_id(&self) -> &str {
        &self.case.questionnaire_id
    }

    /// Checks the case against its questionnaire: the right questionnaire and version, every
    /// key entry naming one of its questions, every question with a key entry. The key is
    /// returned in the questionnaire's order.
    pub fn check(&self, questionnaire: &Questionnaire) -> Result<Case, InvalidQuestionnaire> {
        let mut diagnostics = Vec::new();
        let mut at = |line: usize, column: usize, message: String| {
            diagnostics.push(Diagnostic {
                file: self.file.clone(),
                line,
                column,
                message,
            })
        };
        if questionnaire.id() != self.case.questionnaire_id {
            at(
                self.questionnaire_line,
                1,
                format!(
                    "this case is answered with `{}`, but the questionnaire given is `{}`",
                    self.case.questionnaire_id,
                    questionnaire.id()
                ),
            );
        } else if !self
            .case
            .questionnaire_version
            .matches(questionnaire.version())
        {
            at(
                self.questionnaire_line,
                1,
                format!(
                    "this case needs `{}` version {}, but the questionnaire given is version {}",
                    self.case.questionnaire_id,
                    self.case.questionnaire_version,
                    questionnaire.version()
                ),
            );
        }
        for written in &self.entries {
            if questionnaire
                .question(written.entry.question.as_str())
                .is_none()
            {
                at(
                    written.line,
                    written.column,
                    format!(
                        "question `{}` is not in `{}` {}",
                        written.entry.question,
                        questionnaire.id(),
                        questionnaire.version()
                    ),
                );
            }
        }
        let key_line = self.entries.first().map_or(1, |written| written.line);
        for question in questionnaire.questions() {
            if !self
                .entries
                .iter()
                .any(|written| written.entry.question == question.id)
            {
                at(
                    key_line,
                    1,
                    format!("the key has no entry for question `{}`", question.id),
                );
            }
        }
        if !diagnostics.is_empty() {
            return Err(InvalidQuestionnaire {
                file: self.file.clone(),
                diagnostics,
            });
        }
        let mut case = self.case.clone();
        case.key = questionnaire
            .questions()
            .iter()
            .filter_map(|question| {
                self.entries
                    .iter()
                    .find(|written| written.entry.question == question.id)
                    .map(|written| written.entry.clone())
            })
            .collect();
        Ok(case)
    }
}
