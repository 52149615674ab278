//! The executive summary: the overall index and what its level means, coverage, the strongest
//! and weakest stages, a table of the stages and the five top-priority actions.

use tcm_core::{MaturityLevel, Score, StageId};

use crate::document::{Align, Block, ColumnSpec, KeyFigure, Piece, TableRow, Tone};
use crate::input::ReportInput;
use crate::numbers;
use crate::words::{colon, fill, words};

pub fn summary(input: &ReportInput<'_>) -> Vec<Block> {
    let w = words(input.language);
    let language = input.language;
    let scorecard = input.scorecard;
    let mut blocks = vec![Block::Section(w.summary.to_owned())];

    let overall = scorecard.overall;
    let level = overall.map(Score::level);
    let share = if scorecard.applicable() == 0 {
        0.0
    } else {
        scorecard.answered() as f64 / scorecard.applicable() as f64
    };
    blocks.push(Block::KeyFigures(vec![
        KeyFigure {
            label: w.overall_index.to_owned(),
            value: overall.map_or_else(
                || "—".to_owned(),
                |score| format!("{} / 100", numbers::score(score.value(), language)),
            ),
            note: input
                .previous
                .and_then(|previous| {
                    let before = previous.scorecard.overall?;
                    Some(format!(
                        "{} ({}){} {}",
                        w.previous,
                        numbers::short_date(previous.date, language),
                        colon(language),
                        numbers::score(before.value(), language)
                    ))
                })
                .unwrap_or_default(),
        },
        KeyFigure {
            label: w.maturity.to_owned(),
            value: level.map_or_else(
                || "—".to_owned(),
                |level| format!("{} — {}", level.number(), level.name(language)),
            ),
            note: String::new(),
        },
        KeyFigure {
            label: w.coverage.to_owned(),
            value: numbers::percent(share, language),
            note: String::new(),
        },
    ]));
    if let Some(level) = level {
        blocks.push(Block::Paragraph(Piece::new(
            level.meaning().get(language),
            Tone::Normal,
        )));
    }
    blocks.push(Block::Paragraph(Piece::new(
        fill(
            w.coverage_sentence,
            &[
                ("answered", scorecard.answered().to_string()),
                ("applicable", scorecard.applicable().to_string()),
                ("share", numbers::percent(share, language)),
                ("respondents", scorecard.respondents.to_string()),
            ],
        ),
        Tone::Muted,
    )));
    if let Some((strongest, weakest)) = input.strongest_and_weakest() {
        let describe = |stage: StageId| {
            let score = input.stage_score(stage).unwrap_or(0.0);
            format!(
                "{} ({}, {} {})",
                input.stage_name(stage),
                numbers::score(score, language),
                w.level.to_lowercase(),
                Score::new(score).level().number()
            )
        };
        blocks.push(Block::Bullets(vec![
            format!("{}{} {}", w.strongest, colon(language), describe(strongest)),
            format!("{}{} {}", w.weakest, colon(language), describe(weakest)),
        ]));
    }

    blocks.push(Block::Heading(w.stage.to_owned() + "s"));
    blocks.push(stage_table(input));

    blocks.push(Block::Heading(w.top_actions.to_owned()));
    let top = input.plan.top(5);
    if top.is_empty() {
        blocks.push(Block::Paragraph(Piece::new(w.no_action, Tone::Normal)));
    } else {
        let rows = top
            .iter()
            .enumerate()
            .map(|(index, item)| {
                TableRow::Cells(vec![
                    vec![Piece::new(format!("{}", index + 1), Tone::Strong)],
                    vec![
                        Piece::new(item.action.title.clone(), Tone::Strong),
                        Piece::new(item.action.description.clone(), Tone::Small),
                    ],
                    vec![Piece::new(
                        input.stage_name(item.stage),
                        Tone::Stage(item.stage),
                    )],
                    vec![Piece::new(
                        item.priority()
                            .map_or_else(|| "—".to_owned(), |p| numbers::decimal(p, 1, language)),
                        Tone::Strong,
                    )],
                ])
            })
            .collect();
        blocks.push(Block::Table {
            columns: vec![
                ColumnSpec {
                    title: "#".to_owned(),
                    share: 0.05,
                    align: Align::Centre,
                },
                ColumnSpec {
                    title: w.action.to_owned(),
                    share: 0.67,
                    align: Align::Left,
                },
                ColumnSpec {
                    title: w.stage.to_owned(),
                    share: 0.16,
                    align: Align::Left,
                },
                ColumnSpec {
                    title: w.priority.to_owned(),
                    share: 0.12,
                    align: Align::Right,
                },
            ],
            rows,
        });
    }
    blocks
}

fn stage_table(input: &ReportInput<'_>) -> Block {
    let w = words(input.language);
    let language = input.language;
    let mut columns = vec![
        ColumnSpec {
            title: w.stage.to_owned(),
            share: 0.22,
            align: Align::Left,
        },
        ColumnSpec {
            title: w.score.to_owned(),
            share: 0.12,
            align: Align::Right,
        },
        ColumnSpec {
            title: w.level.to_owned(),
            share: 0.22,
            align: Align::Left,
        },
        ColumnSpec {
            title: w.coverage.to_owned(),
            share: 0.14,
            align: Align::Right,
        },
        ColumnSpec {
            title: w.target.to_owned(),
            share: 0.12,
            align: Align::Right,
        },
    ];
    if input.previous.is_some() {
        columns.push(ColumnSpec {
            title: w.previous.to_owned(),
            share: 0.18,
            align: Align::Right,
        });
    }
    let rows = StageId::ALL
        .into_iter()
        .map(|stage| {
            let result = input.scorecard.stage(stage).map(|found| &found.result);
            let score = result.and_then(|result| result.score);
            let mut cells = vec![
                vec![Piece::new(input.stage_name(stage), Tone::Stage(stage))],
                vec![Piece::new(
                    score.map_or_else(|| "—".to_owned(), |s| numbers::score(s.value(), language)),
                    Tone::Strong,
                )],
                vec![Piece::new(
                    score.map_or_else(
                        || "—".to_owned(),
                        |s| {
                            let level: MaturityLevel = s.level();
                            format!("{} {}", level.number(), level.name(language))
                        },
                    ),
                    Tone::Normal,
                )],
                vec![Piece::new(
                    result
                        .and_then(|result| result.coverage)
                        .map_or_else(|| "—".to_owned(), |c| numbers::percent(c, language)),
                    Tone::Normal,
                )],
                vec![Piece::new(
                    numbers::score(input.assessment.targets.as_score(stage), language),
                    Tone::Normal,
                )],
            ];
            if let Some(previous) = input.previous {
                cells.push(vec![Piece::new(
                    previous
                        .scorecard
                        .stage(stage)
                        .and_then(|found| found.result.score)
                        .map_or_else(|| "—".to_owned(), |s| numbers::score(s.value(), language)),
                    Tone::Muted,
                )]);
            }
            TableRow::Cells(cells)
        })
        .collect();
    Block::Table { columns, rows }
}
