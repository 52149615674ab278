//! The charts section: radar, stage bars, theme bars, heatmap and, when several people
//! answered, the dispersion of their answers.

use super::alt::{self, FiguresIn};
use crate::charts::{self, ChartError};
use crate::document::Block;
use crate::input::ReportInput;
use crate::words::words;

pub fn charts(input: &ReportInput<'_>) -> Result<Vec<Block>, ChartError> {
    let w = words(input.language);
    let language = input.language;
    let (questionnaire, scorecard, targets) = (
        input.questionnaire,
        input.scorecard,
        &input.assessment.targets,
    );
    let previous = input.previous.map(|previous| previous.scorecard);
    let note_heatmap = w.heatmap_note.to_owned();
    let mut blocks = vec![
        Block::Section(w.charts.to_owned()),
        Block::Chart {
            title: w.radar_title.to_owned(),
            svg: charts::radar_svg(
                questionnaire,
                scorecard,
                targets,
                previous,
                input.strategy.map(|strategy| &strategy.projection),
                language,
            )?,
            share: 0.8,
            note: None,
            alt: alt::stage_scores(input, w.radar_title, true),
        },
        Block::Chart {
            title: w.stage_bars_title.to_owned(),
            svg: charts::stage_bars_svg(questionnaire, scorecard, targets, language)?,
            share: 0.84,
            note: None,
            alt: alt::stage_scores(input, w.stage_bars_title, false),
        },
        Block::Chart {
            title: w.theme_bars_title.to_owned(),
            svg: charts::theme_bars_svg(questionnaire, scorecard, language)?,
            share: 1.0,
            note: None,
            alt: alt::theme_scores(input, w.theme_bars_title),
        },
        Block::Chart {
            title: w.heatmap_title.to_owned(),
            svg: charts::heatmap_svg(questionnaire, scorecard, language)?,
            share: 1.0,
            alt: alt::refer(
                language,
                w.heatmap_title,
                Some(&note_heatmap),
                FiguresIn::Details,
            ),
            note: Some(note_heatmap),
        },
    ];
    if scorecard.respondents > 1 {
        blocks.push(Block::Chart {
            title: w.dispersion_title.to_owned(),
            svg: charts::dispersion_svg(questionnaire, scorecard, language)?,
            share: 1.0,
            note: Some(w.dispersion_note.to_owned()),
            alt: alt::refer(
                language,
                w.dispersion_title,
                Some(w.dispersion_note),
                FiguresIn::Details,
            ),
        });
    }
    Ok(blocks)
}
