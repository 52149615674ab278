//! Lays the report's blocks out on pages: styles for each kind of text, tables, key figures,
//! charts (their drawing as a vector form, their labels as real text) and the cover.

use std::collections::BTreeMap;

use printpdf::{ExternalXObject, RawImage, Svg, XObjectId};
use tcm_core::StageId;

use super::ReportError;
use super::chart_labels::{self, Anchor};
use super::page::{
    self, Align, CONTENT_WIDTH, Colour, Column, Composer, Face, MARGIN_X, Row, Span, Style,
};
use super::tagging::Tag;
use crate::charts::{self, style::stage_rgb};
use crate::document::{self, Block, Cover, KeyFigure, Piece, TableRow, Tone};
use crate::logo::{Logo, Placed};

pub const TITLE: Style = Style::new(Face::Bold, 18.0, Colour::INK);
pub const HEADING: Style = Style::new(Face::Bold, 11.5, Colour::INK);
pub const BODY: Style = Style::new(Face::Regular, 9.5, Colour::INK);
pub const BODY_STRONG: Style = Style::new(Face::Bold, 9.5, Colour::INK);
pub const BODY_MUTED: Style = Style::new(Face::Regular, 8.5, Colour::MUTED);
pub const TABLE_HEADER: Style = Style::new(Face::Bold, 6.8, Colour::WHITE);

pub fn stage_colour(stage: StageId) -> Colour {
    let (r, g, b) = stage_rgb(stage);
    Colour(r, g, b)
}

/// The style of a piece of text in a table cell.
fn cell_style(tone: Tone, faded: bool) -> Style {
    let style = match tone {
        Tone::Normal => Style::new(Face::Regular, 7.8, Colour::INK),
        Tone::Strong => Style::new(Face::Bold, 7.8, Colour::INK),
        Tone::Small => Style::new(Face::Regular, 7.0, Colour::INK),
        Tone::Muted => Style::new(Face::Regular, 6.8, Colour::MUTED),
        Tone::Stage(stage) => Style::new(Face::Bold, 7.8, stage_colour(stage)),
    };
    if faded {
        Style {
            colour: style.colour.tint(0.45),
            ..style
        }
    } else {
        style
    }
}

/// The style of a paragraph.
fn paragraph_style(tone: Tone) -> Style {
    match tone {
        Tone::Normal => BODY,
        Tone::Strong => BODY_STRONG,
        Tone::Small => Style::new(Face::Regular, 8.5, Colour::INK),
        Tone::Muted => BODY_MUTED,
        Tone::Stage(stage) => Style::new(Face::Bold, 9.5, stage_colour(stage)),
    }
}

/// The charts (and the logo) met so far, to be registered with the document.
#[derive(Default)]
pub struct ChartForms {
    pub forms: Vec<(XObjectId, ExternalXObject)>,
    pub images: Vec<(XObjectId, RawImage)>,
}

/// Lays `blocks` out, each tagged: a section (`Sect`) from each section title to the next,
/// headings `H1` (section), `H2` (heading or stage), `H3` (heading inside a stage), paragraphs
/// `P`, bullets and key figures as lists, tables, charts as figures with their alternate text.
pub fn render(
    composer: &mut Composer<'_>,
    blocks: &[Block],
    forms: &mut ChartForms,
) -> Result<(), ReportError> {
    let mut section_open = false;
    let mut in_stage = false;
    let heading_tag = |in_stage: bool| if in_stage { Tag::H3 } else { Tag::H2 };
    for block in blocks {
        match block {
            Block::Cover(cover) => {
                composer.open(Tag::Sect);
                render_cover(composer, forms, cover);
                composer.close();
            }
            Block::Section(title) => {
                if section_open {
                    composer.close();
                }
                section_open = true;
                in_stage = false;
                if composer.y() > page::CONTENT_TOP + 0.5 {
                    composer.new_page();
                }
                composer.open_titled(Tag::Sect, title);
                let heading = composer.open_titled(Tag::H1, title);
                composer.bookmark(0, title, heading);
                composer.paragraph(MARGIN_X, CONTENT_WIDTH, title, TITLE);
                composer.close();
                let y = composer.y() + 4.0;
                composer.rule((MARGIN_X, y), (MARGIN_X + 60.0, y), 2.5, Colour::INK);
                composer.skip(16.0);
            }
            Block::Heading(text) => {
                composer.skip(6.0);
                composer.open_titled(heading_tag(in_stage), text);
                composer.heading(text, HEADING, 40.0);
                composer.close();
                composer.skip(3.0);
            }
            Block::StageHeading { text, stage } => {
                in_stage = true;
                composer.skip(8.0);
                let style = Style::new(Face::Bold, 14.0, stage_colour(*stage));
                composer.ensure(style.leading() + 80.0);
                let top = composer.y();
                composer.rect(MARGIN_X, top, 4.0, style.leading(), stage_colour(*stage));
                let heading = composer.open_titled(Tag::H2, text);
                composer.bookmark(1, text, heading);
                composer.paragraph(MARGIN_X + 10.0, CONTENT_WIDTH - 10.0, text, style);
                composer.close();
                composer.skip(3.0);
            }
            Block::Paragraph(piece) => {
                let style = paragraph_style(piece.tone);
                composer.open(Tag::P);
                composer.paragraph(MARGIN_X, CONTENT_WIDTH, &piece.text, style);
                composer.close();
                composer.skip(5.0);
            }
            Block::Bullets(items) => {
                composer.open(Tag::L);
                for item in items {
                    let height = composer.paragraph_height(CONTENT_WIDTH - 14.0, item, BODY);
                    composer.ensure(height.min(3.0 * BODY.leading()));
                    let top = composer.y();
                    composer.open(Tag::LI);
                    composer.open(Tag::Lbl);
                    composer.text(MARGIN_X + 2.0, top + BODY.size, "•", BODY);
                    composer.close();
                    composer.open(Tag::LBody);
                    composer.paragraph(MARGIN_X + 14.0, CONTENT_WIDTH - 14.0, item, BODY);
                    composer.close();
                    composer.close();
                    composer.skip(2.0);
                }
                composer.close();
                composer.skip(4.0);
            }
            Block::KeyFigures(figures) => render_key_figures(composer, figures),
            Block::Chart {
                title,
                svg,
                share,
                note,
                alt,
            } => render_chart(
                composer,
                forms,
                &Chart {
                    title,
                    svg,
                    share: *share,
                    note: note.as_deref(),
                    alt,
                    heading: heading_tag(in_stage),
                },
            )?,
            Block::Table { columns, rows } => render_table(composer, columns, rows),
        }
    }
    if section_open {
        composer.close();
    }
    Ok(())
}

fn render_table(composer: &mut Composer<'_>, columns: &[document::ColumnSpec], rows: &[TableRow]) {
    let columns: Vec<Column> = columns
        .iter()
        .map(|column| Column {
            title: column.title.clone(),
            width: column.share * CONTENT_WIDTH,
            align: match column.align {
                document::Align::Left => Align::Left,
                document::Align::Right => Align::Right,
                document::Align::Centre => Align::Centre,
            },
        })
        .collect();
    let spans = |cells: &[Vec<Piece>], faded: bool| -> Vec<Vec<Span>> {
        cells
            .iter()
            .map(|pieces| {
                pieces
                    .iter()
                    .map(|piece| Span::new(piece.text.clone(), cell_style(piece.tone, faded)))
                    .collect()
            })
            .collect()
    };
    let rows: Vec<Row> = rows
        .iter()
        .enumerate()
        .map(|(index, row)| match row {
            TableRow::Cells(cells) => Row::Cells {
                cells: spans(cells, false),
                fill: (index % 2 == 1).then_some(Colour::SHADE),
            },
            TableRow::Faded(cells) => Row::Cells {
                cells: spans(cells, true),
                fill: None,
            },
            TableRow::Group { text, stage } => Row::Group {
                span: Span::new(text.clone(), Style::new(Face::Bold, 8.5, Colour::WHITE)),
                fill: stage_colour(*stage),
            },
        })
        .collect();
    composer.table(&columns, &rows, TABLE_HEADER);
    composer.skip(6.0);
}

fn render_key_figures(composer: &mut Composer<'_>, figures: &[KeyFigure]) {
    let count = figures.len().max(1) as f32;
    let gap = 10.0;
    let width = (CONTENT_WIDTH - gap * (count - 1.0)) / count;
    let height = 66.0;
    composer.ensure(height + 8.0);
    let top = composer.y();
    let value_style = Style::new(Face::Bold, 17.0, Colour::INK);
    // Read as a list: each figure's label, value and note.
    composer.open(Tag::L);
    for (index, figure) in figures.iter().enumerate() {
        let x = MARGIN_X + index as f32 * (width + gap);
        composer.rect(x, top, width, height, Colour::SHADE);
        composer.rect(x, top, 3.0, height, stage_colour(StageId::Creative));
        composer.open(Tag::LI);
        composer.open(Tag::LBody);
        composer.text(x + 10.0, top + 15.0, &figure.label, BODY_MUTED);
        let value = super::layout::ellipsize(
            composer.fonts().metrics(Face::Bold),
            &figure.value,
            value_style.size,
            width - 16.0,
        );
        composer.text(x + 10.0, top + 38.0, &value, value_style);
        let note_style = Style::new(Face::Regular, 7.5, Colour::MUTED);
        let note = super::layout::ellipsize(
            composer.fonts().metrics(Face::Regular),
            &figure.note,
            note_style.size,
            width - 16.0,
        );
        composer.text(x + 10.0, top + 55.0, &note, note_style);
        composer.close();
        composer.close();
    }
    composer.close();
    composer.set_y(top + height + 10.0);
}

/// A chart to lay out: its title (a heading of the level `heading`), its SVG, the share of
/// the page width it takes, its note.
struct Chart<'a> {
    title: &'a str,
    svg: &'a str,
    share: f32,
    note: Option<&'a str>,
    /// Said in place of the drawing and its labels.
    alt: &'a str,
    heading: Tag,
}

fn render_chart(
    composer: &mut Composer<'_>,
    forms: &mut ChartForms,
    chart: &Chart<'_>,
) -> Result<(), ReportError> {
    let Chart {
        title,
        svg,
        share,
        note,
        alt,
        heading,
    } = *chart;
    let (width_px, height_px) = charts::svg_size(svg).ok_or_else(|| ReportError::ChartForm {
        chart: title.to_owned(),
        message: "the SVG document declares no size".to_owned(),
    })?;
    let (drawing, labels) = chart_labels::split(svg);
    let mut warnings = Vec::new();
    let form =
        Svg::parse_with_fonts(&drawing, &BTreeMap::new(), &mut warnings).map_err(|message| {
            ReportError::ChartForm {
                chart: title.to_owned(),
                message,
            }
        })?;
    let id = XObjectId(format!("Chart{}", forms.forms.len() + 1));
    forms.forms.push((id.clone(), form));

    let width = share * CONTENT_WIDTH;
    let scale = width / width_px as f32;
    let height = height_px as f32 * scale;
    let title_height = composer.paragraph_height(CONTENT_WIDTH, title, HEADING);
    composer.skip(4.0);
    composer.ensure(title_height + 4.0 + height);
    composer.open_titled(heading, title);
    composer.paragraph(MARGIN_X, CONTENT_WIDTH, title, HEADING);
    composer.close();
    composer.skip(4.0);
    let top = composer.y();
    let left = MARGIN_X + (CONTENT_WIDTH - width) / 2.0;
    // The drawing and its labels are one figure, read as its alternate text.
    let figure = composer.open(Tag::Figure);
    composer.tagging_mut().set_alt(figure, alt);
    composer.chart(&id, (width_px, height_px), width);
    for label in labels {
        let face = if label.bold {
            Face::Bold
        } else {
            Face::Regular
        };
        let size = label.size * scale;
        let measured = composer.fonts().metrics(face).width(&label.text, size);
        let x = left + label.x * scale
            - match label.anchor {
                Anchor::Start => 0.0,
                Anchor::Middle => measured / 2.0,
                Anchor::End => measured,
            };
        composer.text(
            x,
            top + label.baseline * scale,
            &label.text,
            Style::new(face, size, label.colour),
        );
    }
    composer.close();
    if let Some(note) = note {
        composer.skip(2.0);
        composer.open(Tag::P);
        composer.paragraph(MARGIN_X, CONTENT_WIDTH, note, BODY_MUTED);
        composer.close();
    }
    composer.skip(8.0);
    Ok(())
}

/// The logo's box on the cover, in points: it keeps its proportions within it.
const LOGO_BOX: (f32, f32) = (170.0, 70.0);

/// Draws the logo in the cover's top-left corner; its height, in points.
fn render_logo(composer: &mut Composer<'_>, forms: &mut ChartForms, logo: &Logo, top: f32) -> f32 {
    let (width_px, height_px) = logo.size();
    let ratio = (height_px / width_px) as f32;
    let width = LOGO_BOX.0.min(LOGO_BOX.1 / ratio);
    let id = XObjectId("Logo".to_owned());
    match logo.placed() {
        Placed::Png(image) => forms.images.push((id.clone(), image.clone())),
        Placed::Svg(form) => forms.forms.push((id.clone(), form.clone())),
    }
    // Decoration: the firm's name, when set, is written as text beside it.
    composer.artifact(|composer| composer.place(&id, (width_px, height_px), MARGIN_X, top, width));
    width * ratio
}

fn render_cover(composer: &mut Composer<'_>, forms: &mut ChartForms, cover: &Cover) {
    // A band of the five stage colours across the top of the page.
    let band = page::PAGE_WIDTH / 5.0;
    for (index, stage) in StageId::ALL.iter().enumerate() {
        composer.rect(
            index as f32 * band,
            0.0,
            band + 0.5,
            14.0,
            stage_colour(*stage),
        );
    }
    // The consultant's logo and firm, top left.
    let mut top = 48.0;
    if let Some(logo) = &cover.logo {
        top += render_logo(composer, forms, logo, top) + 10.0;
    }
    if !cover.firm.is_empty() {
        composer.set_y(top);
        composer.open(Tag::P);
        composer.paragraph(
            MARGIN_X,
            CONTENT_WIDTH,
            &cover.firm,
            Style::new(Face::Bold, 12.0, Colour::INK),
        );
        composer.close();
        top = composer.y();
    }
    composer.set_y(top.max(150.0));
    composer.open(Tag::P);
    composer.paragraph(
        MARGIN_X,
        CONTENT_WIDTH,
        &cover.kind,
        Style::new(Face::Regular, 13.0, Colour::MUTED),
    );
    composer.close();
    composer.skip(10.0);
    // The organisation is the cover's title: the document's first heading.
    composer.open_titled(Tag::H1, &cover.organisation);
    composer.paragraph(
        MARGIN_X,
        CONTENT_WIDTH,
        &cover.organisation,
        Style::new(Face::Bold, 28.0, Colour::INK),
    );
    composer.close();
    composer.skip(8.0);
    composer.open(Tag::P);
    composer.paragraph(
        MARGIN_X,
        CONTENT_WIDTH,
        &cover.title,
        Style::new(Face::Regular, 15.0, Colour::INK),
    );
    composer.close();
    composer.skip(20.0);
    let y = composer.y();
    composer.rule(
        (MARGIN_X, y),
        (MARGIN_X + CONTENT_WIDTH, y),
        0.8,
        Colour::RULE,
    );
    composer.skip(16.0);
    let label_width = 120.0;
    for (label, value) in &cover.facts {
        let top = composer.y();
        composer.open(Tag::P);
        composer.text(
            MARGIN_X,
            top + 10.0,
            label,
            Style::new(Face::Regular, 10.0, Colour::MUTED),
        );
        composer.paragraph(
            MARGIN_X + label_width,
            CONTENT_WIDTH - label_width,
            value,
            Style::new(Face::Bold, 10.0, Colour::INK),
        );
        composer.close();
        composer.skip(6.0);
    }
    composer.skip(14.0);
    if !cover.notes.is_empty() {
        composer.open(Tag::P);
        composer.paragraph(MARGIN_X, CONTENT_WIDTH, &cover.notes, BODY_MUTED);
        composer.close();
    }
    if !cover.confidentiality.is_empty() {
        composer.skip(18.0);
        composer.open(Tag::P);
        composer.paragraph(
            MARGIN_X,
            CONTENT_WIDTH,
            &cover.confidentiality,
            Style::new(Face::Bold, 9.0, Colour::MUTED),
        );
        composer.close();
    }
}
