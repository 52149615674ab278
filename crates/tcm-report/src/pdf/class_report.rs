//! The class report: a case's class graded against the teacher's key, for the debrief and
//! for the groups. A cover, the groups against the key (agreement metrics, stage scores),
//! the debrief list (the questions the class most often got wrong, with the class's answers,
//! the key and its justification), then one feedback page per group.

use chrono::NaiveDate;
use tcm_core::case::Case;
use tcm_core::grading::{ClassGrade, GroupGrade, KeyAnswer, QuestionSummary};
use tcm_core::{AnswerSheet, Language, Questionnaire, Respondent, Score};

use super::{ReportError, assemble, blocks, load_fonts, page, running};
use crate::document::{Align, Block, ColumnSpec, Cover, KeyFigure, Piece, TableRow, Tone};
use crate::numbers;
use crate::words::words;

/// How many questions the debrief list holds.
pub const DEBRIEF_QUESTIONS: usize = 15;
/// How many of its furthest questions a group's page explains.
const FURTHEST: usize = 5;

/// Everything the class report shows.
#[derive(Debug, Clone, Copy)]
pub struct ClassReportInput<'a> {
    pub case: &'a Case,
    pub questionnaire: &'a Questionnaire,
    pub grade: &'a ClassGrade,
    /// The groups' answers, for their justifications.
    pub answers: &'a AnswerSheet,
    pub class_name: &'a str,
    pub language: Language,
    pub date: NaiveDate,
    /// Whether the groups' ranking is shown (the teacher's choice).
    pub show_ranking: bool,
}

struct Words {
    kind: &'static str,
    groups: &'static str,
    questionnaire: &'static str,
    date: &'static str,
    notes: &'static str,
    groups_title: &'static str,
    group: &'static str,
    rank: &'static str,
    exact: &'static str,
    within_one: &'static str,
    mean_gap: &'static str,
    kappa: &'static str,
    unanswered: &'static str,
    index: &'static str,
    stages_title: &'static str,
    key: &'static str,
    debrief_title: &'static str,
    debrief_intro: &'static str,
    answers_line: &'static str,
    right: &'static str,
    no_answer: &'static str,
    sheet_title: &'static str,
    furthest_title: &'static str,
    none_far: &'static str,
    question: &'static str,
    given: &'static str,
    why: &'static str,
    nothing: &'static str,
}

const FRENCH: Words = Words {
    kind: "Débriefing de la classe",
    groups: "Groupes",
    questionnaire: "Questionnaire",
    date: "Date",
    notes: "Les réponses des groupes comparées au corrigé de l’enseignant. Une question sans réponse compte comme manquée\u{a0}; l’écart moyen et le kappa pondéré ne portent que sur les questions où le groupe et le corrigé donnent un niveau.",
    groups_title: "Les groupes face au corrigé",
    group: "Groupe",
    rank: "Rang",
    exact: "Exact",
    within_one: "À un niveau",
    mean_gap: "Écart moyen",
    kappa: "Kappa",
    unanswered: "Sans réponse",
    index: "Indice (corrigé\u{a0}: {key})",
    stages_title: "Scores par étape",
    key: "Corrigé",
    debrief_title: "Débriefing\u{a0}: les questions les plus souvent manquées",
    debrief_intro: "Dans l’ordre\u{a0}: le plus de groupes en désaccord avec le corrigé d’abord, puis le plus grand écart moyen.",
    answers_line: "Réponses de la classe",
    right: "justes",
    no_answer: "sans réponse",
    sheet_title: "Fiche du groupe\u{a0}: {group}",
    furthest_title: "Les questions les plus éloignées du corrigé",
    none_far: "Aucune réponse à deux niveaux ou plus du corrigé.",
    question: "Question",
    given: "Réponse",
    why: "Ce que dit le corrigé",
    nothing: "Toutes les réponses de la classe correspondent au corrigé.",
};

const ENGLISH: Words = Words {
    kind: "Class debrief",
    groups: "Groups",
    questionnaire: "Questionnaire",
    date: "Date",
    notes: "The groups' answers compared with the teacher's key. An unanswered question counts as missed; the mean gap and the weighted kappa only cover the questions where both the group and the key give a level.",
    groups_title: "The groups against the key",
    group: "Group",
    rank: "Rank",
    exact: "Exact",
    within_one: "Within one",
    mean_gap: "Mean gap",
    kappa: "Kappa",
    unanswered: "Unanswered",
    index: "Index (key: {key})",
    stages_title: "Stage scores",
    key: "Key",
    debrief_title: "Debrief: the questions most often missed",
    debrief_intro: "In order: the most groups disagreeing with the key first, then the largest mean gap.",
    answers_line: "The class's answers",
    right: "right",
    no_answer: "no answer",
    sheet_title: "Group sheet: {group}",
    furthest_title: "The questions furthest from the key",
    none_far: "No answer two levels or more from the key.",
    question: "Question",
    given: "Answer",
    why: "What the key says",
    nothing: "Every answer of the class matches the key.",
};

fn class_words(language: Language) -> &'static Words {
    match language {
        Language::French => &FRENCH,
        Language::English => &ENGLISH,
    }
}

fn cell(text: impl Into<String>) -> Vec<Piece> {
    vec![Piece::new(text, Tone::Normal)]
}

fn column(title: &str, share: f32, align: Align) -> ColumnSpec {
    ColumnSpec {
        title: title.to_owned(),
        share,
        align,
    }
}

fn score_text(score: Option<Score>, language: Language) -> String {
    score.map_or_else(
        || "—".to_owned(),
        |score| numbers::score(score.value(), language),
    )
}

fn optional(value: Option<f64>, language: Language) -> String {
    value.map_or_else(
        || "—".to_owned(),
        |value| numbers::decimal(value, 2, language),
    )
}

fn key_text(key: KeyAnswer) -> String {
    key.to_string()
}

/// The blocks of the class report.
fn report_blocks(input: &ClassReportInput<'_>) -> Vec<Block> {
    let language = input.language;
    let w = class_words(language);
    let title = input.case.title.get(language);
    let mut blocks = vec![Block::Cover(Cover {
        kind: w.kind.to_owned(),
        organisation: input.class_name.to_owned(),
        title: title.to_owned(),
        facts: vec![
            (w.groups.to_owned(), input.grade.groups.len().to_string()),
            (
                w.questionnaire.to_owned(),
                format!(
                    "{} {}",
                    input.questionnaire.id(),
                    input.questionnaire.version()
                ),
            ),
            (w.date.to_owned(), numbers::long_date(input.date, language)),
        ],
        notes: w.notes.to_owned(),
        firm: String::new(),
        logo: None,
        confidentiality: String::new(),
    })];
    let ranks: std::collections::HashMap<String, usize> = input
        .grade
        .ranking()
        .into_iter()
        .map(|ranked| (ranked.group, ranked.rank))
        .collect();
    let key_overall = input
        .grade
        .groups
        .first()
        .and_then(|group| group.overall.key);

    blocks.push(Block::Section(w.groups_title.to_owned()));
    let mut columns = Vec::new();
    if input.show_ranking {
        columns.push(column(w.rank, 0.07, Align::Centre));
    }
    columns.extend([
        column(w.group, 0.25, Align::Left),
        column(w.exact, 0.11, Align::Right),
        column(w.within_one, 0.12, Align::Right),
        column(w.mean_gap, 0.12, Align::Right),
        column(w.kappa, 0.1, Align::Right),
        column(w.unanswered, 0.11, Align::Right),
        column(
            &w.index.replace("{key}", &score_text(key_overall, language)),
            0.12,
            Align::Right,
        ),
    ]);
    let mut groups: Vec<&GroupGrade> = input.grade.groups.iter().collect();
    if input.show_ranking {
        groups.sort_by_key(|group| ranks.get(&group.group).copied().unwrap_or(usize::MAX));
    }
    let rows = groups
        .iter()
        .map(|group| {
            let mut cells = Vec::new();
            if input.show_ranking {
                cells.push(cell(
                    ranks
                        .get(&group.group)
                        .map_or_else(String::new, ToString::to_string),
                ));
            }
            cells.extend([
                cell(group.group.clone()),
                cell(numbers::percent(group.exact_match_rate, language)),
                cell(numbers::percent(group.within_one_rate, language)),
                cell(optional(group.mean_absolute_difference, language)),
                cell(optional(group.kappa, language)),
                cell(group.unanswered.to_string()),
                cell(score_text(group.overall.group, language)),
            ]);
            TableRow::Cells(cells)
        })
        .collect();
    blocks.push(Block::Table { columns, rows });

    blocks.push(Block::Heading(w.stages_title.to_owned()));
    let stage_share = 0.7 / input.questionnaire.stages().len().max(1) as f32;
    let mut columns = vec![column(w.group, 0.3, Align::Left)];
    for stage in input.questionnaire.stages() {
        columns.push(column(stage.name.get(language), stage_share, Align::Right));
    }
    let mut rows = Vec::new();
    if let Some(first) = input.grade.groups.first() {
        let mut cells = vec![vec![Piece::new(w.key, Tone::Strong)]];
        cells.extend(
            first
                .stages
                .iter()
                .map(|stage| vec![Piece::new(score_text(stage.key, language), Tone::Strong)]),
        );
        rows.push(TableRow::Cells(cells));
    }
    for group in &input.grade.groups {
        let mut cells = vec![cell(group.group.clone())];
        cells.extend(
            group
                .stages
                .iter()
                .map(|stage| cell(score_text(stage.group, language))),
        );
        rows.push(TableRow::Cells(cells));
    }
    blocks.push(Block::Table { columns, rows });

    blocks.push(Block::Section(w.debrief_title.to_owned()));
    let debrief = input.grade.debrief(DEBRIEF_QUESTIONS);
    if debrief.is_empty() {
        blocks.push(Block::Paragraph(Piece::new(w.nothing, Tone::Normal)));
    } else {
        blocks.push(Block::Paragraph(Piece::new(w.debrief_intro, Tone::Muted)));
    }
    for summary in debrief {
        debrief_question(&mut blocks, input, summary, w);
    }

    for group in &input.grade.groups {
        group_sheet(&mut blocks, input, group, w);
    }
    blocks
}

fn debrief_question(
    blocks: &mut Vec<Block>,
    input: &ClassReportInput<'_>,
    summary: &QuestionSummary,
    w: &Words,
) {
    let language = input.language;
    let text = input
        .questionnaire
        .question(summary.question.as_str())
        .map_or("", |question| question.text.get(language));
    blocks.push(Block::StageHeading {
        text: format!("{} — {text}", summary.question),
        stage: summary.stage,
    });
    let d = &summary.distribution;
    let mut counts: Vec<String> = d
        .levels
        .iter()
        .enumerate()
        .map(|(level, count)| format!("{level}\u{a0}: {count}"))
        .collect();
    counts.push(format!("NA\u{a0}: {}", d.not_applicable));
    counts.push(format!("?\u{a0}: {}", d.dont_know + d.unanswered));
    let counts = match language {
        Language::French => counts.join(" · "),
        Language::English => counts.join(" · ").replace("\u{a0}:", ":"),
    };
    let colon = crate::words::colon(language);
    blocks.push(Block::Paragraph(Piece::new(
        format!(
            "{}{colon} {counts} — {} {}/{}",
            w.answers_line, w.right, summary.matches, summary.groups
        ),
        Tone::Normal,
    )));
    let justification = input
        .case
        .entry(summary.question.as_str())
        .map_or("", |entry| entry.justification.get(language));
    blocks.push(Block::Paragraph(Piece::new(
        format!(
            "{}{colon} {}. {justification}",
            w.key,
            key_text(summary.key)
        ),
        Tone::Strong,
    )));
}

fn group_sheet(
    blocks: &mut Vec<Block>,
    input: &ClassReportInput<'_>,
    group: &GroupGrade,
    w: &Words,
) {
    let language = input.language;
    blocks.push(Block::Section(
        w.sheet_title.replace("{group}", &group.group),
    ));
    blocks.push(Block::KeyFigures(vec![
        KeyFigure {
            label: w.exact.to_owned(),
            value: numbers::percent(group.exact_match_rate, language),
            note: String::new(),
        },
        KeyFigure {
            label: w.within_one.to_owned(),
            value: numbers::percent(group.within_one_rate, language),
            note: String::new(),
        },
        KeyFigure {
            label: w.mean_gap.to_owned(),
            value: optional(group.mean_absolute_difference, language),
            note: String::new(),
        },
        KeyFigure {
            label: w.kappa.to_owned(),
            value: optional(group.kappa, language),
            note: String::new(),
        },
    ]));
    let stage_share = 0.8 / input.questionnaire.stages().len().max(1) as f32;
    let mut columns = vec![column("", 0.2, Align::Left)];
    for stage in input.questionnaire.stages() {
        columns.push(column(stage.name.get(language), stage_share, Align::Right));
    }
    let mut group_row = vec![cell(group.group.clone())];
    group_row.extend(
        group
            .stages
            .iter()
            .map(|stage| cell(score_text(stage.group, language))),
    );
    let mut key_row = vec![vec![Piece::new(w.key, Tone::Strong)]];
    key_row.extend(
        group
            .stages
            .iter()
            .map(|stage| vec![Piece::new(score_text(stage.key, language), Tone::Strong)]),
    );
    blocks.push(Block::Table {
        columns,
        rows: vec![TableRow::Cells(group_row), TableRow::Cells(key_row)],
    });
    blocks.push(Block::Heading(w.furthest_title.to_owned()));
    let furthest = group.furthest(FURTHEST);
    if furthest.is_empty() {
        blocks.push(Block::Paragraph(Piece::new(w.none_far, Tone::Normal)));
        return;
    }
    let respondent = Respondent::new(&group.group);
    let rows = furthest
        .iter()
        .map(|question| {
            let text = input
                .questionnaire
                .question(question.question.as_str())
                .map_or("", |found| found.text.get(language));
            let mut given = vec![Piece::new(
                question
                    .given
                    .map_or_else(|| w.no_answer.to_owned(), |answer| answer.to_string()),
                Tone::Strong,
            )];
            if let Some(comment) = input
                .answers
                .response(&respondent, &question.question)
                .and_then(|response| response.comment.as_deref())
                .filter(|comment| !comment.trim().is_empty())
            {
                given.push(Piece::new(comment, Tone::Small));
            }
            let justification = input
                .case
                .entry(question.question.as_str())
                .map_or("", |entry| entry.justification.get(language));
            TableRow::Cells(vec![
                vec![
                    Piece::new(question.question.to_string(), Tone::Stage(question.stage)),
                    Piece::new(text, Tone::Small),
                ],
                given,
                vec![
                    Piece::new(key_text(question.key), Tone::Strong),
                    Piece::new(justification, Tone::Small),
                ],
            ])
        })
        .collect();
    blocks.push(Block::Table {
        columns: vec![
            column(w.question, 0.32, Align::Left),
            column(w.given, 0.25, Align::Left),
            column(w.why, 0.43, Align::Left),
        ],
        rows,
    });
}

/// Renders the class report as PDF bytes; the same input gives the same bytes.
pub fn render_class_report(input: &ClassReportInput<'_>) -> Result<Vec<u8>, ReportError> {
    let w = class_words(input.language);
    let base = words(input.language);
    let blocks = report_blocks(input);
    let fonts = load_fonts()?;
    let mut composer = page::Composer::new(&fonts);
    let mut forms = blocks::ChartForms::default();
    blocks::render(&mut composer, &blocks, &mut forms)?;
    let date = numbers::long_date(input.date, input.language);
    let title = input.case.title.get(input.language);
    let footer = format!("{} — {title}", w.kind);
    running::write(
        &mut composer,
        &running::Running {
            left_header: input.class_name,
            right_header: &date,
            left_footer: &footer,
            page: base.page,
            page_separator: base.page_separator,
        },
        true,
    );
    let outline = composer.outline().to_vec();
    assemble::assemble(
        composer.finish(),
        forms.forms,
        forms.images,
        &assemble::Metadata {
            title: &format!("{} — {}", w.kind, input.class_name),
            author: super::AUTHOR,
            subject: title,
            date: input.date,
            language: input.language.code(),
            outline: &outline,
        },
    )
}
