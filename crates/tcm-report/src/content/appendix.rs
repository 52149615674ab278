//! The appendix: the answer scale, the maturity levels, the scoring and action-plan formulas,
//! and the sources the questions draw on.

use std::collections::BTreeMap;

use tcm_core::{Language, MaturityLevel, Questionnaire};

use crate::document::{Align, Block, ColumnSpec, Piece, TableRow, Tone};
use crate::input::ReportInput;
use crate::words::{plan_model, scoring_model, words};

/// The answer scale as a table: each level with its label and description, then `more` rows
/// (the report adds NA and ?; the blank grid shows its own boxes for them).
pub(crate) fn scale_table(
    questionnaire: &Questionnaire,
    language: Language,
    more: impl IntoIterator<Item = TableRow>,
) -> Block {
    let w = words(language);
    Block::Table {
        columns: vec![
            ColumnSpec {
                title: w.level.to_owned(),
                share: 0.1,
                align: Align::Centre,
            },
            ColumnSpec {
                title: String::new(),
                share: 0.25,
                align: Align::Left,
            },
            ColumnSpec {
                title: String::new(),
                share: 0.65,
                align: Align::Left,
            },
        ],
        rows: questionnaire
            .scale()
            .iter()
            .map(|level| {
                TableRow::Cells(vec![
                    vec![Piece::new(level.level.to_string(), Tone::Strong)],
                    vec![Piece::new(level.label.get(language), Tone::Strong)],
                    vec![Piece::new(level.description.get(language), Tone::Normal)],
                ])
            })
            .chain(more)
            .collect(),
    }
}

pub fn appendix(input: &ReportInput<'_>) -> Vec<Block> {
    let w = words(input.language);
    let language = input.language;
    let mut blocks = vec![
        Block::Section(w.appendix.to_owned()),
        Block::Heading(w.scale.to_owned()),
    ];
    blocks.push(scale_table(
        input.questionnaire,
        language,
        [
            TableRow::Cells(vec![
                vec![Piece::new("NA", Tone::Strong)],
                vec![Piece::new(w.not_applicable, Tone::Strong)],
                vec![],
            ]),
            TableRow::Cells(vec![
                vec![Piece::new("?", Tone::Strong)],
                vec![Piece::new(w.dont_know, Tone::Strong)],
                vec![],
            ]),
        ],
    ));

    blocks.push(Block::Heading(w.maturity_levels.to_owned()));
    blocks.push(Block::Table {
        columns: vec![
            ColumnSpec {
                title: w.level.to_owned(),
                share: 0.1,
                align: Align::Centre,
            },
            ColumnSpec {
                title: w.score.to_owned(),
                share: 0.12,
                align: Align::Left,
            },
            ColumnSpec {
                title: String::new(),
                share: 0.18,
                align: Align::Left,
            },
            ColumnSpec {
                title: String::new(),
                share: 0.6,
                align: Align::Left,
            },
        ],
        rows: MaturityLevel::ALL
            .iter()
            .map(|level| {
                let low = level.lower_bound();
                let range = if *level == MaturityLevel::Partnership {
                    format!("≥ {low}")
                } else {
                    format!("{low}–{}", low + 20.0)
                };
                TableRow::Cells(vec![
                    vec![Piece::new(level.number().to_string(), Tone::Strong)],
                    vec![Piece::new(range, Tone::Normal)],
                    vec![Piece::new(level.name(language), Tone::Strong)],
                    vec![Piece::new(level.meaning().get(language), Tone::Normal)],
                ])
            })
            .collect(),
    });

    blocks.push(Block::Heading(w.scoring_formula.to_owned()));
    blocks.push(Block::Bullets(scoring_model(language)));
    blocks.push(Block::Heading(w.plan_formula.to_owned()));
    blocks.push(Block::Bullets(
        plan_model(language)
            .iter()
            .map(|line| (*line).to_owned())
            .collect(),
    ));

    blocks.push(Block::Heading(w.sources.to_owned()));
    blocks.push(Block::Paragraph(Piece::new(w.sources_intro, Tone::Muted)));
    let mut sources: BTreeMap<&str, usize> = BTreeMap::new();
    for question in input.questionnaire.questions() {
        let work = question
            .source
            .split(" — ")
            .next()
            .unwrap_or(&question.source)
            .trim();
        if !work.is_empty() {
            *sources.entry(work).or_default() += 1;
        }
    }
    blocks.push(Block::Bullets(
        sources
            .into_iter()
            .map(|(work, count)| format!("{work} ({count})"))
            .collect(),
    ));
    blocks
}
