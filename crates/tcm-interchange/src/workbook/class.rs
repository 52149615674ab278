//! The class workbook: a case's class graded against the teacher's key, for the teacher's
//! spreadsheet. One sheet for the class (one row per group: every metric, the stage scores,
//! then the group's answer to every question, the key on the first row), then one sheet per
//! group (each question: the key, the group's answer and justification, the key's
//! justification).

use std::collections::HashSet;

use chrono::NaiveDate;
use rust_xlsxwriter::{DocProperties, Workbook, Worksheet, XlsxError};
use tcm_core::case::Case;
use tcm_core::grading::{ClassGrade, GroupGrade, Outcome};
use tcm_core::{AnswerSheet, Language, Questionnaire, Respondent};

use super::WorkbookError;
use super::cells::{self, Formats};
use super::words::{Words, words};

/// Everything the class workbook shows.
#[derive(Debug, Clone, Copy)]
pub struct ClassWorkbookInput<'a> {
    pub case: &'a Case,
    pub questionnaire: &'a Questionnaire,
    pub grade: &'a ClassGrade,
    /// The groups' answers, for their justifications (comments).
    pub answers: &'a AnswerSheet,
    pub class_name: &'a str,
    pub language: Language,
    /// Shown on the class sheet and the document's creation date.
    pub date: NaiveDate,
}

struct ClassWords {
    class_sheet: &'static str,
    group: &'static str,
    rank: &'static str,
    exact: &'static str,
    within_one: &'static str,
    mean_gap: &'static str,
    kappa: &'static str,
    compared: &'static str,
    unanswered: &'static str,
    overall: &'static str,
    key: &'static str,
    question: &'static str,
    stage: &'static str,
    text: &'static str,
    answer: &'static str,
    outcome: &'static str,
    justification: &'static str,
    key_justification: &'static str,
    outcomes: [&'static str; 6],
}

const FRENCH: ClassWords = ClassWords {
    class_sheet: "Classe",
    group: "Groupe",
    rank: "Rang",
    exact: "Réponses exactes",
    within_one: "À un niveau près",
    mean_gap: "Écart moyen",
    kappa: "Kappa pondéré",
    compared: "Questions comparées",
    unanswered: "Sans réponse",
    overall: "Indice global",
    key: "Corrigé",
    question: "Question",
    stage: "Étape",
    text: "Énoncé",
    answer: "Réponse du groupe",
    outcome: "Résultat",
    justification: "Justification du groupe",
    key_justification: "Justification du corrigé",
    outcomes: [
        "exacte",
        "à un niveau",
        "à deux niveaux ou plus",
        "NA comme le corrigé",
        "NA d’un seul côté",
        "sans réponse",
    ],
};

const ENGLISH: ClassWords = ClassWords {
    class_sheet: "Class",
    group: "Group",
    rank: "Rank",
    exact: "Exact answers",
    within_one: "Within one level",
    mean_gap: "Mean gap",
    kappa: "Weighted kappa",
    compared: "Questions compared",
    unanswered: "Unanswered",
    overall: "Overall index",
    key: "Key",
    question: "Question",
    stage: "Stage",
    text: "Question text",
    answer: "Group's answer",
    outcome: "Outcome",
    justification: "Group's justification",
    key_justification: "Key's justification",
    outcomes: [
        "exact",
        "one level off",
        "two levels or more off",
        "NA like the key",
        "NA on one side only",
        "unanswered",
    ],
};

fn class_words(language: Language) -> &'static ClassWords {
    match language {
        Language::French => &FRENCH,
        Language::English => &ENGLISH,
    }
}

fn outcome_text(outcome: Outcome, words: &ClassWords) -> &'static str {
    match outcome {
        Outcome::Exact => words.outcomes[0],
        Outcome::Off(difference) if difference.abs() <= 1 => words.outcomes[1],
        Outcome::Off(_) => words.outcomes[2],
        Outcome::BothNotApplicable => words.outcomes[3],
        Outcome::NotApplicableMismatch => words.outcomes[4],
        Outcome::Unanswered => words.outcomes[5],
    }
}

/// The class workbook as XLSX bytes.
pub fn write_class_workbook(input: &ClassWorkbookInput<'_>) -> Result<Vec<u8>, WorkbookError> {
    let base = words(input.language);
    let class = class_words(input.language);
    let formats = Formats::new(base);
    let mut workbook = Workbook::new();
    let mut properties = DocProperties::new().set_title(cells::fit(&format!(
        "{} — {}",
        input.class_name,
        input.case.title.get(input.language)
    )));
    if let Some(date) = cells::excel_date(input.date) {
        properties = properties.set_creation_datetime(&date);
    }
    workbook.set_properties(&properties);
    let failed = |sheet: &str| {
        let sheet = sheet.to_owned();
        move |error: XlsxError| WorkbookError {
            sheet: sheet.clone(),
            message: error.to_string(),
        }
    };
    let sheet = workbook.add_worksheet();
    sheet
        .set_name(class.class_sheet)
        .map_err(failed(class.class_sheet))?;
    write_class_sheet(sheet, input, base, class, &formats).map_err(failed(class.class_sheet))?;
    let mut names: HashSet<String> = HashSet::from([class.class_sheet.to_lowercase()]);
    let ranks: std::collections::HashMap<String, usize> = input
        .grade
        .ranking()
        .into_iter()
        .map(|ranked| (ranked.group, ranked.rank))
        .collect();
    for group in &input.grade.groups {
        let name = sheet_name(&group.group, &mut names);
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name).map_err(failed(&name))?;
        write_group_sheet(
            sheet,
            input,
            group,
            ranks.get(&group.group).copied(),
            base,
            class,
            &formats,
        )
        .map_err(failed(&name))?;
    }
    workbook.save_to_buffer().map_err(|error| WorkbookError {
        sheet: class.class_sheet.to_owned(),
        message: error.to_string(),
    })
}

/// A worksheet name from a group's name: at most 31 characters, none of `[]:*?/\`, not
/// starting or ending with `'`, unique in the workbook (case-insensitive), never empty.
pub(super) fn sheet_name(group: &str, taken: &mut HashSet<String>) -> String {
    let cleaned: String = group
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim().trim_matches('\'').trim();
    let base: String = if cleaned.is_empty() {
        "Groupe".to_owned()
    } else {
        cleaned.chars().take(31).collect()
    };
    let mut name = base.clone();
    let mut number = 2;
    while !taken.insert(name.to_lowercase()) {
        let suffix = format!(" ({number})");
        let kept: String = base.chars().take(31 - suffix.chars().count()).collect();
        name = format!("{}{suffix}", kept.trim_end());
        number += 1;
    }
    name
}

fn write_class_sheet(
    sheet: &mut Worksheet,
    input: &ClassWorkbookInput<'_>,
    base: &Words,
    class: &ClassWords,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let language = input.language;
    cells::text(
        sheet,
        0,
        0,
        &format!("{} — {}", input.class_name, input.case.title.get(language)),
        Some(&formats.title),
    )?;
    cells::date(sheet, 1, 0, input.date, formats)?;
    let header_row = 3;
    let mut headers: Vec<String> = [
        class.group,
        class.rank,
        class.exact,
        class.within_one,
        class.mean_gap,
        class.kappa,
        class.compared,
        class.unanswered,
        class.overall,
    ]
    .iter()
    .map(|text| (*text).to_owned())
    .collect();
    for stage in input.questionnaire.stages() {
        headers.push(stage.name.get(language).to_owned());
    }
    let first_question = u16::try_from(headers.len()).unwrap_or(u16::MAX);
    for question in input.questionnaire.questions() {
        headers.push(question.id.to_string());
    }
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    cells::headers(sheet, header_row, &header_refs, formats)?;
    sheet.set_freeze_panes(header_row + 1, 1)?;
    sheet.set_column_width(0, 22)?;

    // The key's row: its stage scores, overall index and answers.
    let key_row = header_row + 1;
    cells::text(sheet, key_row, 0, class.key, Some(&formats.label))?;
    let key_card = input.grade.groups.first().map(|group| {
        (
            group.overall.key,
            group.stages.iter().map(|s| s.key).collect::<Vec<_>>(),
        )
    });
    if let Some((overall, stages)) = &key_card {
        cells::score(sheet, key_row, 8, *overall, base, formats)?;
        for (column, score) in (9u16..).zip(stages) {
            cells::score(sheet, key_row, column, *score, base, formats)?;
        }
    }
    for (column, entry) in (first_question..).zip(&input.case.key) {
        cells::text(
            sheet,
            key_row,
            column,
            &entry.answer.to_string(),
            Some(&formats.centered),
        )?;
    }

    let ranks: std::collections::HashMap<String, usize> = input
        .grade
        .ranking()
        .into_iter()
        .map(|ranked| (ranked.group, ranked.rank))
        .collect();
    for (row, group) in (key_row + 1..).zip(&input.grade.groups) {
        cells::text(sheet, row, 0, &group.group, None)?;
        let rank = ranks.get(&group.group).map(|rank| *rank as f64);
        cells::number(sheet, row, 1, rank, &formats.centered, base, formats)?;
        cells::number(
            sheet,
            row,
            2,
            Some(group.exact_match_rate),
            &formats.percent,
            base,
            formats,
        )?;
        cells::number(
            sheet,
            row,
            3,
            Some(group.within_one_rate),
            &formats.percent,
            base,
            formats,
        )?;
        cells::number(
            sheet,
            row,
            4,
            group.mean_absolute_difference,
            &formats.decimal,
            base,
            formats,
        )?;
        cells::number(sheet, row, 5, group.kappa, &formats.decimal, base, formats)?;
        sheet.write_number(row, 6, group.compared as f64)?;
        sheet.write_number(row, 7, group.unanswered as f64)?;
        cells::score(sheet, row, 8, group.overall.group, base, formats)?;
        for (column, stage) in (9u16..).zip(&group.stages) {
            cells::score(sheet, row, column, stage.group, base, formats)?;
        }
        for (column, question) in (first_question..).zip(&group.questions) {
            let given = question
                .given
                .map(|answer| answer.to_string())
                .unwrap_or_default();
            cells::text(sheet, row, column, &given, Some(&formats.centered))?;
        }
    }
    Ok(())
}

fn write_group_sheet(
    sheet: &mut Worksheet,
    input: &ClassWorkbookInput<'_>,
    group: &GroupGrade,
    rank: Option<usize>,
    base: &Words,
    class: &ClassWords,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let language = input.language;
    cells::text(sheet, 0, 0, &group.group, Some(&formats.title))?;
    cells::text(sheet, 1, 0, input.case.title.get(language), None)?;
    let metrics: [(&str, Option<f64>, &rust_xlsxwriter::Format); 5] = [
        (class.exact, Some(group.exact_match_rate), &formats.percent),
        (
            class.within_one,
            Some(group.within_one_rate),
            &formats.percent,
        ),
        (
            class.mean_gap,
            group.mean_absolute_difference,
            &formats.decimal,
        ),
        (class.kappa, group.kappa, &formats.decimal),
        (class.rank, rank.map(|rank| rank as f64), &formats.centered),
    ];
    for (row, (label, value, format)) in (3u32..).zip(metrics) {
        cells::text(sheet, row, 0, label, Some(&formats.label))?;
        cells::number(sheet, row, 1, value, format, base, formats)?;
    }
    let header_row = 9;
    cells::headers(
        sheet,
        header_row,
        &[
            class.question,
            class.stage,
            class.text,
            class.key,
            class.answer,
            class.outcome,
            class.justification,
            class.key_justification,
        ],
        formats,
    )?;
    sheet.set_freeze_panes(header_row + 1, 1)?;
    for (column, width) in [
        (0u16, 10.0),
        (1, 12.0),
        (2, 50.0),
        (3, 8.0),
        (4, 10.0),
        (5, 16.0),
        (6, 45.0),
        (7, 60.0),
    ] {
        sheet.set_column_width(column, width)?;
    }
    let respondent = Respondent::new(&group.group);
    for (row, question) in (header_row + 1..).zip(&group.questions) {
        let found = input.questionnaire.question(question.question.as_str());
        cells::text(sheet, row, 0, question.question.as_str(), None)?;
        let stage = input.questionnaire.stage(question.stage).map_or_else(
            || question.stage.name(language),
            |stage| stage.name.get(language).to_owned(),
        );
        cells::text(sheet, row, 1, &stage, None)?;
        cells::text(
            sheet,
            row,
            2,
            found.map_or("", |q| q.text.get(language)),
            Some(&formats.wrapped),
        )?;
        cells::text(
            sheet,
            row,
            3,
            &question.key.to_string(),
            Some(&formats.centered),
        )?;
        let given = question
            .given
            .map(|answer| answer.to_string())
            .unwrap_or_default();
        cells::text(sheet, row, 4, &given, Some(&formats.centered))?;
        cells::text(sheet, row, 5, outcome_text(question.outcome, class), None)?;
        let comment = input
            .answers
            .response(&respondent, &question.question)
            .and_then(|response| response.comment.as_deref())
            .unwrap_or("");
        cells::text(sheet, row, 6, comment, Some(&formats.wrapped))?;
        let justification = input
            .case
            .entry(question.question.as_str())
            .map_or("", |entry| entry.justification.get(language));
        cells::text(sheet, row, 7, justification, Some(&formats.wrapped))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_legal_unique_and_never_empty() {
        let mut taken = HashSet::from(["classe".to_owned()]);
        assert_eq!(sheet_name("Groupe 1", &mut taken), "Groupe 1");
        assert_eq!(sheet_name("groupe 1", &mut taken), "groupe 1 (2)");
        assert_eq!(sheet_name("A/B: [x]?", &mut taken), "A B   x");
        assert_eq!(sheet_name("  ", &mut taken), "Groupe");
        assert_eq!(sheet_name("Classe", &mut taken), "Classe (2)");
        let long = "Un nom de groupe beaucoup trop long pour Excel";
        let first = sheet_name(long, &mut taken);
        let second = sheet_name(long, &mut taken);
        assert_eq!(first.chars().count(), 31);
        assert!(
            second.chars().count() <= 31 && second.ends_with("(2)"),
            "{second}"
        );
    }
}
