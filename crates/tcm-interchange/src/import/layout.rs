//! Telling the format of a responses file from its header, and where each of its columns
//! is: long when it has a `question` and an `answer` column, wide otherwise. Columns that
//! are not read are listed; two columns for one thing are a problem.

use tcm_core::{QuestionId, Questionnaire};

use super::columns::{Column, classify};
use super::matching::{NEAR_HEADERS_CHECKED, QuestionMatcher};
use super::report::{ImportReport, Proposal, QuestionColumn};
use super::wide::WideColumns;
use super::{ImportError, refused};
use crate::location::column_name;
use crate::long_format::LongColumns;
use crate::names::fold;
use crate::problem::{Problem, ProblemKind};
use crate::table::Table;

/// The format of a table and where its columns are.
pub(super) enum Layout {
    Long {
        columns: LongColumns,
        ignored: Vec<String>,
    },
    Wide {
        columns: WideColumns,
        ignored: Vec<String>,
        report: ImportReport,
    },
}

/// Folded cell values that do not name anyone (Microsoft Forms writes `anonymous` in the
/// e-mail column of an anonymous form).
const NOBODY: [&str; 3] = ["anonymous", "anonyme", "anonymous user"];

/// Tells the format from the header: long when it has a `question` and an `answer` column,
/// wide otherwise.
pub(super) fn layout(table: &Table, questionnaire: &Questionnaire) -> Result<Layout, ImportError> {
    let matcher = QuestionMatcher::new(questionnaire);
    let classified: Vec<Column> = (0..table.header.len())
        .map(|index| classify(table.column(index), &matcher))
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
    // Wide: the best-ranked column that names someone in some row; the others are reported.
    let mut candidates: Vec<(usize, usize)> = classified
        .iter()
        .enumerate()
        .filter_map(|(index, column)| match column {
            Column::Respondent { rank } => Some((*rank, index)),
            _ => None,
        })
        .collect();
    candidates.sort_unstable();
    let respondent = candidates
        .iter()
        .map(|(_, index)| *index)
        .find(|index| names_someone(table, *index));
    let mut report = ImportReport {
        respondent_column: respondent.map(|index| choice.name(index)),
        other_respondent_columns: candidates
            .iter()
            .filter(|(_, index)| Some(*index) != respondent)
            .map(|(_, index)| choice.name(*index))
            .collect(),
        anonymous: respondent.is_none(),
        ..ImportReport::default()
    };
    let mut role = None;
    let mut group = None;
    let mut questions = Vec::new();
    let mut comments = Vec::new();
    let mut others = Vec::new();
    for (index, column) in classified.iter().enumerate() {
        match column {
            _ if Some(index) == respondent => {}
            Column::Role => choice.take_first(&mut role, index),
            Column::Group => choice.take_first(&mut group, index),
            Column::Question(question, by) => {
                if choice.take_question(&mut questions, question, index, "question") {
                    report.question_columns.push(QuestionColumn {
                        header: choice.name(index),
                        question: question.clone(),
                        by: *by,
                    });
                }
            }
            Column::Comment(question) => {
                choice.take_question(&mut comments, question, index, "comments on question");
            }
            Column::Other => {
                others.push(index);
                choice.ignore(index);
            }
            _ => choice.ignore(index),
        }
    }
    report.proposals = others
        .into_iter()
        .filter(|index| !table.column(*index).is_empty())
        .take(NEAR_HEADERS_CHECKED)
        .filter_map(|index| {
            let near = matcher.near(table.column(index))?;
            let taken = questions
                .iter()
                .any(|(question, _)| *question == near.question);
            (!taken).then(|| Proposal {
                column: index + 1,
                header: choice.name(index),
                question: near.question,
                by: near.by,
            })
        })
        .collect();
    if questions.is_empty() {
        return Err(ImportError::NoQuestionColumn {
            questionnaire: questionnaire.id().to_owned(),
            example: questionnaire
                .questions()
                .first()
                .map(|question| question.id.to_string())
                .unwrap_or_default(),
            headers: choice.headers(),
            near_misses: report.proposals,
        });
    }
    let columns = WideColumns {
        respondent,
        role,
        group,
        questions,
        comments,
    };
    choice.finish().map(|ignored| Layout::Wide {
        columns,
        ignored,
        report,
    })
}

/// Whether some cell of column `index` names someone (not blank, not `anonymous`).
fn names_someone(table: &Table, index: usize) -> bool {
    table.rows.iter().flatten().any(|row| {
        let cell = row.cell(index);
        !cell.is_empty() && !NOBODY.contains(&fold(cell).as_str())
    })
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

    /// A question's column (answers or comments): one per question. Whether it was taken.
    fn take_question(
        &mut self,
        taken: &mut Vec<(QuestionId, usize)>,
        question: &QuestionId,
        index: usize,
        what: &str,
    ) -> bool {
        match taken.iter().find(|(taken, _)| taken == question) {
            Some((_, first)) => {
                let first = self.name(*first);
                self.duplicate(index, format!("{what} `{question}`"), first);
                false
            }
            None => {
                taken.push((question.clone(), index));
                true
            }
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
