//! The blank printable grid, for workshops on paper: the answer scale, then every question
//! with tick boxes 0–4, NA and ?, and lines for remarks. A question never splits across pages.

use chrono::NaiveDate;
use tcm_core::{Language, Questionnaire};

use super::blocks::{self, BODY, BODY_MUTED, HEADING, TITLE, stage_colour};
use super::page::{CONTENT_WIDTH, Colour, Composer, Face, MARGIN_X, Style};
use super::tagging::Tag;
use super::{ReportError, assemble, load_fonts, running};
use crate::content::scale_table;
use crate::numbers;
use crate::words::{colon, fill, words};

const BOX: f32 = 9.0;
const REMARK_LINES: usize = 2;
const LINE_GAP: f32 = 15.0;

/// Renders `questionnaire` as a blank form to print, dated `date`.
pub fn render_blank_grid(
    questionnaire: &Questionnaire,
    language: Language,
    date: NaiveDate,
) -> Result<Vec<u8>, ReportError> {
    let w = words(language);
    let fonts = load_fonts()?;
    let mut composer = Composer::new(&fonts);
    let title = questionnaire.title().get(language);

    composer.open(Tag::Sect);
    composer.open(Tag::P);
    composer.paragraph(MARGIN_X, CONTENT_WIDTH, w.grid_title, BODY_MUTED);
    composer.close();
    composer.open_titled(Tag::H1, title);
    composer.paragraph(MARGIN_X, CONTENT_WIDTH, title, TITLE);
    composer.close();
    composer.skip(10.0);
    for label in [w.participant, w.company, w.date] {
        let top = composer.y();
        let text = format!("{label}{}", colon(language));
        composer.open(Tag::P);
        composer.text(MARGIN_X, top + 12.0, &text, BODY_STRONG_GRID);
        composer.close();
        let start = MARGIN_X
            + fonts
                .metrics(Face::Bold)
                .width(&text, BODY_STRONG_GRID.size)
            + 8.0;
        composer.rule(
            (start, top + 14.0),
            (MARGIN_X + 300.0, top + 14.0),
            0.6,
            Colour::MUTED,
        );
        composer.skip(22.0);
    }
    composer.skip(4.0);
    composer.open(Tag::P);
    composer.paragraph(MARGIN_X, CONTENT_WIDTH, w.grid_instructions, BODY);
    composer.close();
    composer.skip(6.0);
    let mut forms = blocks::ChartForms::default();
    blocks::render(
        &mut composer,
        &[scale_table(questionnaire, language, [])],
        &mut forms,
    )?;
    composer.close();

    for stage in questionnaire.stages() {
        composer.new_page();
        let colour = stage_colour(stage.id);
        let style = Style::new(Face::Bold, 15.0, colour);
        let top = composer.y();
        composer.rect(MARGIN_X, top, 4.0, style.leading(), colour);
        let stage_title = fill(
            w.stage_title,
            &[("name", stage.name.get(language).to_owned())],
        );
        composer.open_titled(Tag::Sect, &stage_title);
        let heading = composer.open_titled(Tag::H1, &stage_title);
        composer.bookmark(0, &stage_title, heading);
        composer.paragraph(MARGIN_X + 10.0, CONTENT_WIDTH - 10.0, &stage_title, style);
        composer.close();
        composer.open(Tag::P);
        composer.paragraph(
            MARGIN_X,
            CONTENT_WIDTH,
            stage.purpose.get(language),
            BODY_MUTED,
        );
        composer.close();
        composer.skip(6.0);
        for theme in questionnaire.themes_of(stage.id) {
            composer.skip(4.0);
            let heading = composer.open_titled(Tag::H2, theme.name.get(language));
            composer.heading(theme.name.get(language), HEADING, 90.0);
            composer.close();
            composer.bookmark(1, theme.name.get(language), heading);
            composer.skip(2.0);
            for question in questionnaire.questions_in_theme(&theme.id) {
                question_block(
                    &mut composer,
                    &question.id.to_string(),
                    question.text.get(language),
                    colour,
                    language,
                );
            }
        }
        composer.close();
    }

    let date_text = numbers::long_date(date, language);
    let footer = format!(
        "{} — {} {}",
        title,
        questionnaire.id(),
        questionnaire.version()
    );
    running::write(
        &mut composer,
        &running::Running {
            left_header: title,
            right_header: &date_text,
            left_footer: &footer,
            page: w.page,
            page_separator: w.page_separator,
        },
        true,
    );
    let outline = composer.outline().to_vec();
    assemble::assemble(
        composer.finish(),
        forms.forms,
        forms.images,
        &assemble::Metadata {
            title: &format!("{} — {title}", w.grid_title),
            author: super::AUTHOR,
            subject: title,
            date,
            language: language.code(),
            outline: &outline,
        },
    )
}

const BODY_STRONG_GRID: Style = Style::new(Face::Bold, 10.0, Colour::INK);
const QUESTION: Style = Style::new(Face::Regular, 9.5, Colour::INK);
const QUESTION_ID: Style = Style::new(Face::Bold, 8.5, Colour::INK);

/// One question: its id and text, the boxes, the remark lines; kept on one page.
fn question_block(
    composer: &mut Composer<'_>,
    id: &str,
    text: &str,
    colour: Colour,
    language: Language,
) {
    let indent = 52.0;
    let text_height = composer.paragraph_height(CONTENT_WIDTH - indent, text, QUESTION);
    let height = text_height + 6.0 + BOX + 6.0 + REMARK_LINES as f32 * LINE_GAP + 10.0;
    composer.ensure(height);
    let top = composer.y();
    // Read as: the question (id and text), its choices, the remarks line.
    composer.open(Tag::P);
    composer.text(
        MARGIN_X,
        top + QUESTION.size,
        id,
        Style {
            colour,
            ..QUESTION_ID
        },
    );
    composer.paragraph(MARGIN_X + indent, CONTENT_WIDTH - indent, text, QUESTION);
    composer.close();
    composer.skip(6.0);
    let boxes_top = composer.y();
    let mut x = MARGIN_X + indent;
    let label_style = Style::new(Face::Regular, 8.5, Colour::INK);
    let choices = ["0", "1", "2", "3", "4", "NA", "?"];
    composer.open(Tag::P);
    for choice in choices {
        composer.frame(x, boxes_top, BOX, BOX, Colour::INK);
        composer.text(x + BOX + 3.0, boxes_top + BOX - 1.0, choice, label_style);
        x += BOX
            + 3.0
            + composer
                .fonts()
                .metrics(Face::Regular)
                .width(choice, label_style.size)
            + 14.0;
    }
    composer.close();
    composer.skip(BOX + 6.0);
    let remarks = words(language).comment_lines;
    let small = Style::new(Face::Regular, 7.0, Colour::MUTED);
    for line in 0..REMARK_LINES {
        let y = composer.y() + LINE_GAP;
        if line == 0 {
            composer.open(Tag::P);
            composer.text(MARGIN_X + indent, y - 3.0, remarks, small);
            composer.close();
            let start = MARGIN_X
                + indent
                + composer
                    .fonts()
                    .metrics(Face::Regular)
                    .width(remarks, small.size)
                + 4.0;
            composer.rule((start, y), (MARGIN_X + CONTENT_WIDTH, y), 0.4, Colour::RULE);
        } else {
            composer.rule(
                (MARGIN_X + indent, y),
                (MARGIN_X + CONTENT_WIDTH, y),
                0.4,
                Colour::RULE,
            );
        }
        composer.skip(LINE_GAP);
    }
    composer.skip(10.0);
}
