//! The follow-up section, when the organisation has earlier audits: the overall index and
//! each stage over every audit (a line chart), what rose and what fell since the earlier
//! audit compared with (by stage, theme and question), and the actions closed between the
//! two audits beside the movement of what they were meant to move.

use tcm_core::strategy::trend::{Delta, Movement};
use tcm_core::{ActionLink, Language, StageId};

use crate::charts::{self, ChartError};
use crate::document::{Align, Block, ColumnSpec, Piece, TableRow, Tone};
use crate::input::{History, ReportInput};
use crate::numbers;
use crate::words::fill;

/// The section's fixed words. French typography: no-break spaces before `:`, narrow ones
/// before `;`.
struct TrendWords {
    title: &'static str,
    intro: &'static str,
    chart: &'static str,
    chart_note: &'static str,
    stages: &'static str,
    index: &'static str,
    stage: &'static str,
    theme: &'static str,
    question: &'static str,
    before: &'static str,
    after: &'static str,
    change: &'static str,
    themes: &'static str,
    questions: &'static str,
    questions_note: &'static str,
    no_question: &'static str,
    closed: &'static str,
    closed_intro: &'static str,
    no_closed: &'static str,
    action: &'static str,
    moved: &'static str,
    whole_stage: &'static str,
}

fn words(language: Language) -> TrendWords {
    match language {
        Language::French => TrendWords {
            title: "Suivi d’un audit à l’autre",
            intro: "{count} audits de l’organisation, du {first} au {last}. Les écarts ci-dessous comparent cet audit à celui du {since}.",
            chart: "Indice TCM et étapes à chaque audit",
            chart_note: "Scores de 0 à 100, placés à la date de chaque audit. Trait épais\u{a0}: l’indice TCM.",
            stages: "Ce qui a bougé, par étape",
            index: "Indice TCM",
            stage: "Étape",
            theme: "Thème",
            question: "Question",
            before: "Avant",
            after: "Après",
            change: "Écart",
            themes: "Thèmes en hausse et en baisse",
            questions: "Les questions qui ont le plus bougé (valeurs 0 à 4)",
            questions_note: "{rose} questions en hausse, {fell} en baisse\u{a0}; au plus {shown} de chaque sens figurent ici, par écart décroissant. L’application les liste toutes.",
            no_question: "Aucune question n’a changé de valeur.",
            closed: "Ce que nous avons fait a-t-il marché\u{202f}?",
            closed_intro: "Les actions closes entre les deux audits, à côté du mouvement de la question qu’elles devaient faire progresser (ou de leur étape).",
            no_closed: "Aucune action n’a été close entre les deux audits.",
            action: "Action",
            moved: "Mouvement",
            whole_stage: "étape entière",
        },
        Language::English => TrendWords {
            title: "Follow-up across audits",
            intro: "{count} audits of the organisation, from {first} to {last}. The deltas below compare this audit with the one of {since}.",
            chart: "TCM index and stages at each audit",
            chart_note: "Scores from 0 to 100, placed at each audit’s date. Thick line: the TCM index.",
            stages: "What moved, by stage",
            index: "TCM index",
            stage: "Stage",
            theme: "Theme",
            question: "Question",
            before: "Before",
            after: "After",
            change: "Change",
            themes: "Themes that rose and fell",
            questions: "The questions that moved most (values 0 to 4)",
            questions_note: "{rose} questions rose, {fell} fell; at most {shown} each way are listed here, largest change first. The app lists them all.",
            no_question: "No question changed value.",
            closed: "Did what we did work?",
            closed_intro: "The actions closed between the two audits, beside the movement of the question they were meant to move (or of their stage).",
            no_closed: "No action was closed between the two audits.",
            action: "Action",
            moved: "Movement",
            whole_stage: "whole stage",
        },
    }
}

fn value_text(value: Option<f64>, digits: usize, language: Language) -> String {
    value.map_or_else(
        || "—".to_owned(),
        |value| numbers::decimal(value, digits, language),
    )
}

fn movement_tone(movement: Movement) -> Tone {
    match movement {
        Movement::Rose | Movement::Fell => Tone::Strong,
        Movement::Unchanged | Movement::Unknown => Tone::Muted,
    }
}

fn column(title: &str, share: f32, align: Align) -> ColumnSpec {
    ColumnSpec {
        title: title.to_owned(),
        share,
        align,
    }
}

/// A row's figures: before, after, change and movement.
fn figures<K>(delta: &Delta<K>, digits: usize, language: Language) -> Vec<Vec<Piece>> {
    vec![
        vec![Piece::new(
            value_text(delta.before, digits, language),
            Tone::Normal,
        )],
        vec![Piece::new(
            value_text(delta.after, digits, language),
            Tone::Normal,
        )],
        vec![Piece::new(
            numbers::change(delta.before, delta.after, digits, language),
            movement_tone(delta.movement),
        )],
        vec![Piece::new(
            delta.movement.names().get(language),
            movement_tone(delta.movement),
        )],
    ]
}

fn figure_columns(w: &TrendWords, first: &str, first_share: f32) -> Vec<ColumnSpec> {
    let rest = (1.0 - first_share) / 4.0;
    vec![
        column(first, first_share, Align::Left),
        column(w.before, rest, Align::Right),
        column(w.after, rest, Align::Right),
        column(w.change, rest, Align::Right),
        column(w.moved, rest, Align::Left),
    ]
}

/// The follow-up section; nothing when the report has no history of two audits or more.
pub fn trend(input: &ReportInput<'_>) -> Result<Vec<Block>, ChartError> {
    let Some(history) = input.history else {
        return Ok(Vec::new());
    };
    let (Some(first), Some(last)) = (history.trend.dates.first(), history.trend.dates.last())
    else {
        return Ok(Vec::new());
    };
    if history.trend.dates.len() < 2 {
        return Ok(Vec::new());
    }
    let language = input.language;
    let w = words(language);
    let mut blocks = vec![
        Block::Section(w.title.to_owned()),
        Block::Paragraph(Piece::new(
            fill(
                w.intro,
                &[
                    ("count", history.trend.dates.len().to_string()),
                    ("first", numbers::long_date(*first, language)),
                    ("last", numbers::long_date(*last, language)),
                    ("since", numbers::long_date(history.since, language)),
                ],
            ),
            Tone::Normal,
        )),
        Block::Chart {
            title: w.chart.to_owned(),
            svg: charts::trend_svg(history.trend, &|stage| input.stage_name(stage), language)?,
            share: 1.0,
            note: Some(w.chart_note.to_owned()),
            alt: super::alt::refer(
                language,
                w.chart,
                Some(w.chart_note),
                super::alt::FiguresIn::StageTable,
            ),
        },
        Block::Heading(w.stages.to_owned()),
    ];
    blocks.extend(stage_table(input, &history, &w));
    blocks.extend(theme_table(input, &history, &w));
    blocks.extend(question_table(input, &history, &w));
    blocks.extend(closed_table(input, &history, &w));
    Ok(blocks)
}

fn stage_table(input: &ReportInput<'_>, history: &History<'_>, w: &TrendWords) -> Vec<Block> {
    let language = input.language;
    let mut rows = Vec::new();
    let mut overall = vec![vec![Piece::new(w.index, Tone::Strong)]];
    overall.extend(figures(&history.deltas.overall, 1, language));
    rows.push(TableRow::Cells(overall));
    for delta in &history.deltas.stages {
        let mut cells = vec![vec![Piece::new(
            input.stage_name(delta.subject),
            Tone::Stage(delta.subject),
        )]];
        cells.extend(figures(delta, 1, language));
        rows.push(TableRow::Cells(cells));
    }
    vec![Block::Table {
        columns: figure_columns(w, w.stage, 0.32),
        rows,
    }]
}

fn theme_table(input: &ReportInput<'_>, history: &History<'_>, w: &TrendWords) -> Vec<Block> {
    let language = input.language;
    let moved = |movement: Movement| {
        history
            .deltas
            .themes
            .iter()
            .filter(move |delta| delta.movement == movement)
    };
    let rows: Vec<TableRow> = moved(Movement::Rose)
        .chain(moved(Movement::Fell))
        .map(|delta| {
            let (stage, theme) = &delta.subject;
            let name = input.questionnaire.theme(theme.as_str()).map_or_else(
                || theme.to_string(),
                |found| found.name.get(language).to_owned(),
            );
            let mut cells = vec![vec![
                Piece::new(name, Tone::Normal),
                Piece::new(input.stage_name(*stage), Tone::Stage(*stage)),
            ]];
            cells.extend(figures(delta, 1, language));
            TableRow::Cells(cells)
        })
        .collect();
    if rows.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Heading(w.themes.to_owned()),
        Block::Table {
            columns: figure_columns(w, w.theme, 0.44),
            rows,
        },
    ]
}

/// How many questions the report lists each way; the app lists them all.
const QUESTIONS_EACH_WAY: usize = 10;

/// The questions that moved most: the largest rises, then the largest falls.
fn question_table(input: &ReportInput<'_>, history: &History<'_>, w: &TrendWords) -> Vec<Block> {
    let language = input.language;
    let largest = |movement: Movement| {
        let mut moved: Vec<_> = history
            .deltas
            .questions
            .iter()
            .filter(|delta| delta.movement == movement)
            .collect();
        moved.sort_by(|a, b| {
            let (a, b) = (
                a.change().unwrap_or(0.0).abs(),
                b.change().unwrap_or(0.0).abs(),
            );
            b.total_cmp(&a)
        });
        let total = moved.len();
        moved.truncate(QUESTIONS_EACH_WAY);
        (moved, total)
    };
    let (rose, rose_total) = largest(Movement::Rose);
    let (fell, fell_total) = largest(Movement::Fell);
    let rows: Vec<TableRow> = rose
        .iter()
        .chain(fell.iter())
        .map(|delta| {
            let (stage, question) = &delta.subject;
            let mut first = vec![Piece::new(question.to_string(), Tone::Stage(*stage))];
            if let Some(found) = input.questionnaire.question(question.as_str()) {
                first.push(Piece::new(found.text.get(language), Tone::Small));
            }
            let mut cells = vec![first];
            cells.extend(figures(delta, 1, language));
            TableRow::Cells(cells)
        })
        .collect();
    let mut blocks = vec![Block::Heading(w.questions.to_owned())];
    if rows.is_empty() {
        blocks.push(Block::Paragraph(Piece::new(w.no_question, Tone::Muted)));
        return blocks;
    }
    blocks.push(Block::Paragraph(Piece::new(
        fill(
            w.questions_note,
            &[
                ("rose", rose_total.to_string()),
                ("fell", fell_total.to_string()),
                ("shown", QUESTIONS_EACH_WAY.to_string()),
            ],
        ),
        Tone::Muted,
    )));
    blocks.push(Block::Table {
        columns: figure_columns(w, w.question, 0.56),
        rows,
    });
    blocks
}

fn closed_table(input: &ReportInput<'_>, history: &History<'_>, w: &TrendWords) -> Vec<Block> {
    let language = input.language;
    let mut blocks = vec![
        Block::Heading(w.closed.to_owned()),
        Block::Paragraph(Piece::new(w.closed_intro, Tone::Normal)),
    ];
    if history.closed.is_empty() {
        blocks.push(Block::Paragraph(Piece::new(w.no_closed, Tone::Muted)));
        return blocks;
    }
    let rows = history
        .closed
        .iter()
        .map(|closed| {
            let (subject, stage, digits): (String, StageId, usize) = match &closed.action.link {
                ActionLink::Question(question) => (
                    question.to_string(),
                    input
                        .questionnaire
                        .question(question.as_str())
                        .map_or(StageId::Creative, |found| found.stage),
                    1,
                ),
                ActionLink::Stage(stage) => (
                    format!("{} ({})", input.stage_name(*stage), w.whole_stage),
                    *stage,
                    1,
                ),
            };
            let mut cells = vec![
                vec![Piece::new(closed.action.title.clone(), Tone::Normal)],
                vec![Piece::new(subject, Tone::Stage(stage))],
            ];
            cells.push(vec![Piece::new(
                format!(
                    "{} → {}",
                    value_text(closed.before, digits, language),
                    value_text(closed.after, digits, language)
                ),
                Tone::Normal,
            )]);
            cells.push(vec![Piece::new(
                numbers::change(closed.before, closed.after, digits, language),
                movement_tone(closed.movement),
            )]);
            cells.push(vec![Piece::new(
                closed.movement.names().get(language),
                movement_tone(closed.movement),
            )]);
            TableRow::Cells(cells)
        })
        .collect();
    blocks.push(Block::Table {
        columns: vec![
            column(w.action, 0.38, Align::Left),
            column(w.question, 0.16, Align::Left),
            column(&format!("{} → {}", w.before, w.after), 0.18, Align::Right),
            column(w.change, 0.12, Align::Right),
            column(w.moved, 0.16, Align::Left),
        ],
        rows,
    });
    blocks
}
