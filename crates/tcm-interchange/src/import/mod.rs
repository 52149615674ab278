//! Importing responses from the files people really have: the long format
//! (`respondent,question,answer[,comment]`) or the wide format of online forms (one row per
//! respondent, one column per question), as CSV or XLSX.
//!
//! The format is told by the header. Wide: the respondent column is found by its name
//! (respondent, répondant, nom, name, participant, e-mail…), `role`/`fonction` and
//! `groupe`/`service`/`département` fill the respondent's profile, a column is a question
//! when its header is a question id or starts with one followed by a space, `:`, `-`, `.` or
//! `)`, and `commentaire <question id>` holds comments. Other columns (a form's
//! « Horodateur »…) are ignored and listed. The import is atomic: any problem, and nothing is
//! returned; the error lists the bad lines or cells.

mod columns;
mod spelling;
mod wide;

use tcm_core::{AnswerSheet, QuestionId, Questionnaire, RespondentProfile};

use crate::csv_table::{CsvTableError, read_csv_table};
use crate::location::column_name;
use crate::long_format::{LongColumns, read_long};
use crate::problem::{Problem, ProblemKind, Problems};
use crate::table::Table;
use crate::xlsx_table::{XlsxTableError, read_xlsx_table};
use columns::{Column, classify};
use wide::{WideColumns, read_wide};

/// The container of a responses file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Text with `;`, `,` or tab between fields, in UTF-8 or Windows-1252.
    Csv,
    /// An Excel workbook.
    Xlsx,
}

/// How responses are laid out in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseFormat {
    /// One row per (respondent, question).
    Long,
    /// One row per respondent, one column per question.
    Wide,
}

/// What an import found.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedResponses {
    pub format: ResponseFormat,
    /// Everyone who answered, in file order (roles and groups are empty in long format).
    pub respondents: Vec<RespondentProfile>,
    /// Their answers, with comments.
    pub sheet: AnswerSheet,
    /// Headers of the columns that were not read, in file order.
    pub ignored_columns: Vec<String>,
}

/// Why a file was refused. Nothing of it is kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty: it needs a header row, then the responses")]
    Empty,
    #[error(
        "the sheet `{sheet}` of the workbook is empty: it needs a header row, then the responses"
    )]
    EmptySheet { sheet: String },
    #[error(
        "the file cannot be opened as an XLSX workbook ({reason}); an older .xls or an .ods file must first be saved as .xlsx"
    )]
    UnreadableWorkbook { reason: String },
    #[error(
        "no column of the file is a question of questionnaire `{questionnaire}` (a question column's header starts with a question id, such as `{example}`); headers seen: {}",
        list_headers(.headers)
    )]
    NoQuestionColumn {
        questionnaire: String,
        example: String,
        headers: Vec<String>,
    },
    #[error(
        "no column names the respondents (expected a header such as respondent, répondant, nom, name, participant or e-mail); headers seen: {}",
        list_headers(.headers)
    )]
    NoRespondentColumn { headers: Vec<String> },
    #[error("{0}")]
    Problems(Problems),
}

/// Headers for a message: quoted, long ones cut, at most thirty.
fn list_headers(headers: &[String]) -> String {
    const SHOWN: usize = 30;
    const LENGTH: usize = 40;
    let mut shown: Vec<String> = headers
        .iter()
        .take(SHOWN)
        .map(|header| {
            if header.chars().count() > LENGTH {
                let cut: String = header.chars().take(LENGTH).collect();
                format!("`{cut}…`")
            } else {
                format!("`{header}`")
            }
        })
        .collect();
    if headers.len() > SHOWN {
        shown.push(format!("and {} more", headers.len() - SHOWN));
    }
    if shown.is_empty() {
        "none".to_owned()
    } else {
        shown.join(", ")
    }
}

/// Reads the responses of a CSV or XLSX file against `questionnaire`, in long or wide format
/// (told by the header).
pub fn read_responses(
    bytes: &[u8],
    kind: FileKind,
    questionnaire: &Questionnaire,
) -> Result<ImportedResponses, ImportError> {
    let table = match kind {
        FileKind::Csv => read_csv_table(bytes).map_err(|error| match error {
            CsvTableError::Empty => ImportError::Empty,
            CsvTableError::Header(problem) => ImportError::Problems(Problems::new(vec![problem])),
        })?,
        FileKind::Xlsx => read_xlsx_table(bytes).map_err(|error| match error {
            XlsxTableError::Unreadable(reason) => ImportError::UnreadableWorkbook { reason },
            XlsxTableError::Empty { sheet } => ImportError::EmptySheet { sheet },
        })?,
    };
    match layout(&table, questionnaire)? {
        Layout::Long { columns, ignored } => {
            let responses = read_long(&table, columns, questionnaire).map_err(refused)?;
            Ok(ImportedResponses {
                format: ResponseFormat::Long,
                respondents: responses
                    .respondents
                    .into_iter()
                    .map(|respondent| RespondentProfile {
                        label: respondent.as_str().to_owned(),
                        role: String::new(),
                        group: String::new(),
                    })
                    .collect(),
                sheet: responses.sheet,
                ignored_columns: ignored,
            })
        }
        Layout::Wide { columns, ignored } => {
            let responses = read_wide(&table, &columns, questionnaire).map_err(refused)?;
            Ok(ImportedResponses {
                format: ResponseFormat::Wide,
                respondents: responses.respondents,
                sheet: responses.sheet,
                ignored_columns: ignored,
            })
        }
    }
}

fn refused(problems: Vec<Problem>) -> ImportError {
    ImportError::Problems(Problems::new(problems))
}

/// The format of a table and where its columns are.
enum Layout {
    Long {
        columns: LongColumns,
        ignored: Vec<String>,
    },
    Wide {
        columns: WideColumns,
        ignored: Vec<String>,
    },
}

/// Tells the format from the header: long when it has a `question` and an `answer` column,
/// wide otherwise.
fn layout(table: &Table, questionnaire: &Questionnaire) -> Result<Layout, ImportError> {
    let classified: Vec<Column> = (0..table.header.len())
        .map(|index| classify(table.column(index), questionnaire))
        .collect();
    let has = |wanted: &Column| classified.iter().any(|column| column == wanted);
    let mut choice = Choice::new(table);
    let respondent = classified
        .iter()
        .enumerate()
        .filter_map(|(index, column)| match column {
            Column::Respondent { rank } => Some((*rank, index)),
            _ => None,
        })
        .min()
        .map(|(_, index)| index);
    if has(&Column::QuestionIds) && has(&Column::Answers) {
        let mut question = None;
        let mut answer = None;
        let mut comment = None;
        for (index, column) in classified.iter().enumerate() {
            match column {
                _ if Some(index) == respondent => {}
                Column::QuestionIds => choice.take(&mut question, index, "`question`"),
                Column::Answers => choice.take(&mut answer, index, "`answer`"),
                Column::Comments => choice.take(&mut comment, index, "`comment`"),
                _ => choice.ignore(index),
            }
        }
        let (Some(respondent), Some(question), Some(answer)) = (respondent, question, answer)
        else {
            return Err(ImportError::NoRespondentColumn {
                headers: choice.headers(),
            });
        };
        let columns = LongColumns {
            respondent,
            question,
            answer,
            comment,
        };
        return choice
            .finish()
            .map(|ignored| Layout::Long { columns, ignored });
    }
    let mut role = None;
    let mut group = None;
    let mut questions = Vec::new();
    let mut comments = Vec::new();
    for (index, column) in classified.iter().enumerate() {
        match column {
            _ if Some(index) == respondent => {}
            Column::Role => choice.take_first(&mut role, index),
            Column::Group => choice.take_first(&mut group, index),
            Column::Question(question) => {
                choice.take_question(&mut questions, question, index, "question");
            }
            Column::Comment(question) => {
                choice.take_question(&mut comments, question, index, "comments on question");
            }
            _ => choice.ignore(index),
        }
    }
    if questions.is_empty() {
        return Err(ImportError::NoQuestionColumn {
            questionnaire: questionnaire.id().to_owned(),
            example: questionnaire
                .questions()
                .first()
                .map(|question| question.id.to_string())
                .unwrap_or_default(),
            headers: choice.headers(),
        });
    }
    let Some(respondent) = respondent else {
        return Err(ImportError::NoRespondentColumn {
            headers: choice.headers(),
        });
    };
    let columns = WideColumns {
        respondent,
        role,
        group,
        questions,
        comments,
    };
    choice
        .finish()
        .map(|ignored| Layout::Wide { columns, ignored })
}

/// Collects, while columns are assigned, those left out and the header's problems.
struct Choice<'t> {
    table: &'t Table,
    ignored: Vec<String>,
    problems: Vec<Problem>,
}

impl<'t> Choice<'t> {
    fn new(table: &'t Table) -> Choice<'t> {
        Choice {
            table,
            ignored: Vec::new(),
            problems: Vec::new(),
        }
    }

    /// The header of a column for people: its text, or its letter when it has none.
    fn name(&self, index: usize) -> String {
        match self.table.column(index) {
            "" => format!(
                "(column {})",
                column_name(u32::try_from(index).unwrap_or(u32::MAX))
            ),
            name => name.to_owned(),
        }
    }

    fn headers(&self) -> Vec<String> {
        (0..self.table.header.len())
            .map(|index| self.name(index))
            .collect()
    }

    fn ignore(&mut self, index: usize) {
        if !self.table.column(index).is_empty() || self.table.has_data_in(index) {
            self.ignored.push(self.name(index));
        }
    }

    /// A column that may appear once: a second one is a problem.
    fn take(&mut self, slot: &mut Option<usize>, index: usize, what: &str) {
        match slot {
            Some(first) => {
                let first = self.name(*first);
                self.duplicate(index, what.to_owned(), first);
            }
            None => *slot = Some(index),
        }
    }

    /// A column of which the first is used and the others ignored.
    fn take_first(&mut self, slot: &mut Option<usize>, index: usize) {
        match slot {
            Some(_) => self.ignore(index),
            None => *slot = Some(index),
        }
    }

    /// A question's column (answers or comments): one per question.
    fn take_question(
        &mut self,
        taken: &mut Vec<(QuestionId, usize)>,
        question: &QuestionId,
        index: usize,
        what: &str,
    ) {
        match taken.iter().find(|(taken, _)| taken == question) {
            Some((_, first)) => {
                let first = self.name(*first);
                self.duplicate(index, format!("{what} `{question}`"), first);
            }
            None => taken.push((question.clone(), index)),
        }
    }

    fn duplicate(&mut self, index: usize, what: String, first: String) {
        self.problems.push(Problem::new(
            self.table.header_at.cell(index),
            ProblemKind::DuplicateColumn { what, first },
        ));
    }

    fn finish(self) -> Result<Vec<String>, ImportError> {
        if self.problems.is_empty() {
            Ok(self.ignored)
        } else {
            Err(refused(self.problems))
        }
    }
}
