//! One detail section per stage: each question with the value used, each respondent's answer,
//! the spread and the comments.

use tcm_core::scoring::{QuestionValue, ValueSource};
use tcm_core::{Answer, QuestionId, Respondent, StageId};

use crate::document::{Align, Block, ColumnSpec, Piece, TableRow, Tone};
use crate::input::ReportInput;
use crate::numbers;
use crate::words::{colon, fill, words};

pub fn details(input: &ReportInput<'_>) -> Vec<Block> {
    let w = words(input.language);
    let language = input.language;
    let initials = input.initials();
    let legend: Vec<String> = input
        .respondents
        .iter()
        .zip(&initials)
        .map(|(profile, short)| {
            if profile.role.is_empty() {
                format!("{short} {}", profile.label)
            } else {
                format!("{short} {} ({})", profile.label, profile.role)
            }
        })
        .collect();
    let mut blocks = vec![
        Block::Section(w.details.to_owned()),
        Block::Paragraph(Piece::new(
            fill(w.details_intro, &[("initials", legend.join(", "))]),
            Tone::Muted,
        )),
    ];
    for stage in StageId::ALL {
        let Some(found) = input.questionnaire.stage(stage) else {
            continue;
        };
        let score = input.stage_score(stage).map_or_else(
            || "—".to_owned(),
            |score| {
                let level = tcm_core::Score::new(score).level();
                format!(
                    "{} · {} {}",
                    numbers::score(score, language),
                    level.number(),
                    level.name(language)
                )
            },
        );
        blocks.push(Block::StageHeading {
            text: format!(
                "{} — {score}",
                fill(
                    w.stage_title,
                    &[("name", found.name.get(language).to_owned())]
                )
            ),
            stage,
        });
        blocks.push(Block::Paragraph(Piece::new(
            found.purpose.get(language),
            Tone::Muted,
        )));
        for theme in input.questionnaire.themes_of(stage) {
            let theme_score = input
                .scorecard
                .theme(theme.id.as_str())
                .and_then(|found| found.result.score)
                .map_or_else(|| "—".to_owned(), |s| numbers::score(s.value(), language));
            blocks.push(Block::Heading(format!(
                "{} — {theme_score}",
                theme.name.get(language)
            )));
            let rows = input
                .questionnaire
                .questions_in_theme(&theme.id)
                .map(|question| {
                    TableRow::Cells(vec![
                        vec![
                            Piece::new(question.id.to_string(), Tone::Stage(stage)),
                            Piece::new(question.text.get(language), Tone::Normal),
                        ],
                        answers_cell(input, &question.id, &initials),
                        comments_cell(input, &question.id, &initials),
                    ])
                })
                .collect();
            blocks.push(Block::Table {
                columns: vec![
                    ColumnSpec {
                        title: w.question.to_owned(),
                        share: 0.43,
                        align: Align::Left,
                    },
                    ColumnSpec {
                        title: w.answers.to_owned(),
                        share: 0.22,
                        align: Align::Left,
                    },
                    ColumnSpec {
                        title: w.comments.to_owned(),
                        share: 0.35,
                        align: Align::Left,
                    },
                ],
                rows,
            });
        }
    }
    blocks
}

fn answers_cell(input: &ReportInput<'_>, question: &QuestionId, initials: &[String]) -> Vec<Piece> {
    let w = words(input.language);
    let language = input.language;
    let Some(score) = input.scorecard.question(question.as_str()) else {
        return vec![Piece::new("—", Tone::Muted)];
    };
    let value = match score.value {
        QuestionValue::Value(value) => {
            let source = match score.source {
                ValueSource::Consensus => w.consensus,
                ValueSource::Respondents => w.mean,
            };
            format!("{} ({source})", numbers::decimal(value, 1, language))
        }
        QuestionValue::NotApplicable => format!("NA ({})", w.not_applicable),
        QuestionValue::NoValue => w.no_value.to_owned(),
    };
    let mut pieces = vec![Piece::new(value, Tone::Strong)];
    let given: Vec<String> = input
        .respondents
        .iter()
        .zip(initials)
        .filter_map(|(profile, short)| {
            let response = input
                .answers
                .response(&Respondent::new(&profile.label), question)?;
            let answer = match response.answer {
                Answer::Level(level) => level.to_string(),
                other => other.to_string(),
            };
            Some(format!("{short}\u{a0}{answer}"))
        })
        .collect();
    if !given.is_empty() {
        pieces.push(Piece::new(given.join(" · "), Tone::Small));
    }
    if let Some(spread) = score.dispersion.filter(|spread| spread.count >= 2) {
        pieces.push(Piece::new(
            format!("min {} – max {}", spread.min, spread.max),
            Tone::Muted,
        ));
    }
    pieces
}

fn comments_cell(
    input: &ReportInput<'_>,
    question: &QuestionId,
    initials: &[String],
) -> Vec<Piece> {
    input
        .respondents
        .iter()
        .zip(initials)
        .filter_map(|(profile, short)| {
            let response = input
                .answers
                .response(&Respondent::new(&profile.label), question)?;
            let comment = response.comment.as_deref()?.trim();
            (!comment.is_empty()).then(|| {
                Piece::new(
                    format!("{short}{} {comment}", colon(input.language)),
                    Tone::Small,
                )
            })
        })
        .collect()
}
