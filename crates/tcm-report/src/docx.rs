//! The report as an editable Word document (.docx), from the same blocks as the PDF: sections
//! and headings in Word's own heading styles (so the navigation pane and a table of contents
//! find them), tables as real tables (a shaded header row, stage group rows across), bullets
//! as a Word list, charts and the logo as PNG pictures, the firm and page number in the footer.
//! For consultants who edit before delivering; the PDF stays the reference.

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, Footer, IndentLevel, Level, LevelJc,
    LevelText, LineSpacing, NumberFormat, Numbering, NumberingId, PageMargin, PageNum, Paragraph,
    Pic, Run, RunFonts, Shading, ShdType, SpecialIndentType, Start, Style, StyleType, Table,
    TableCell, TableRow, WidthType,
};
use tcm_core::StageId;

use crate::charts::style::stage_rgb;
use crate::content;
use crate::document::{self, Block, Cover, KeyFigure, Piece, TableRow as Row, Tone};
use crate::input::ReportInput;
use crate::logo::{Logo, LogoFormat};
use crate::pdf::ReportError;
use crate::raster;
use crate::words::words;

/// A4 in twentieths of a point, with 2 cm margins.
const PAGE: (u32, u32) = (11_906, 16_838);
const MARGIN: i32 = 1_134;
/// The text width, in twentieths of a point.
const CONTENT_TWIPS: usize = PAGE.0 as usize - 2 * MARGIN as usize;
/// English Metric Units per twentieth of a point.
const EMU_PER_TWIP: u32 = 635;
/// Charts are drawn at this many pixels per SVG pixel (sharp when printed).
const CHART_SCALE: f32 = 2.0;
const BULLETS: usize = 1;

const INK: &str = "222B38";
const MUTED: &str = "6B7480";
const SHADE: &str = "F2F4F7";
const FADED: &str = "9AA1AB";

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("{r:02X}{g:02X}{b:02X}")
}

fn stage_hex(stage: StageId) -> String {
    hex(stage_rgb(stage))
}

fn styles(docx: Docx) -> Docx {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(size)
            .color(INK)
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(240).after(120))
    };
    docx.add_style(
        Style::new("Normal", StyleType::Paragraph)
            .name("Normal")
            .q_format(true)
            .size(19)
            .color(INK)
            .line_spacing(LineSpacing::new().after(100)),
    )
    .add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .q_format(true)
            .bold()
            .size(56)
            .color(INK),
    )
    .add_style(
        Style::new("Subtitle", StyleType::Paragraph)
            .name("Subtitle")
            .based_on("Normal")
            .q_format(true)
            .size(30)
            .color(INK),
    )
    .add_style(heading("Heading1", "heading 1", 36, 0))
    .add_style(heading("Heading2", "heading 2", 24, 1))
    .add_style(heading("Heading3", "heading 3", 26, 2))
    .add_style(
        Style::new("Caption", StyleType::Paragraph)
            .name("caption")
            .based_on("Normal")
            .q_format(true)
            .size(16)
            .color(MUTED),
    )
    .add_style(
        Style::new("ListBullet", StyleType::Paragraph)
            .name("List Bullet")
            .based_on("Normal")
            .q_format(true),
    )
}

fn bullets(docx: Docx) -> Docx {
    docx.add_abstract_numbering(
        AbstractNumbering::new(BULLETS).add_level(
            Level::new(
                0,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new("•"),
                LevelJc::new("left"),
            )
            .indent(Some(360), Some(SpecialIndentType::Hanging(240)), None, None),
        ),
    )
    .add_numbering(Numbering::new(BULLETS, BULLETS))
}

/// A run of text in a tone, at `size` half-points for normal text.
fn run(text: &str, tone: Tone, size: usize, faded: bool) -> Run {
    let run = Run::new().add_text(text);
    let run = match tone {
        Tone::Normal => run.size(size),
        Tone::Strong => run.size(size).bold(),
        Tone::Small => run.size(size.saturating_sub(2)),
        Tone::Muted => run.size(size.saturating_sub(2)).color(MUTED),
        Tone::Stage(stage) => run.size(size).bold().color(stage_hex(stage)),
    };
    if faded { run.color(FADED) } else { run }
}

fn picture(png: Vec<u8>, pixels: (u32, u32), width_twips: usize) -> Pic {
    let (width, height) = pixels;
    let width_emu = (width_twips as u32).saturating_mul(EMU_PER_TWIP);
    let height_emu = (u64::from(width_emu) * u64::from(height) / u64::from(width.max(1))) as u32;
    Pic::new_with_dimensions(png, width, height).size(width_emu, height_emu)
}

/// The logo as a PNG picture: a PNG as it was given, an SVG drawn at print resolution.
fn logo_picture(logo: &Logo) -> Result<Pic, ReportError> {
    let (width, height) = logo.size();
    // At most 8.5 cm × 3.5 cm on the cover, in proportion.
    let box_twips = (4_800.0_f64, 2_000.0_f64);
    let width_twips = box_twips.0.min(box_twips.1 * width / height);
    let (png, pixels) = match logo.format() {
        LogoFormat::Png => (
            logo.bytes().to_vec(),
            (width.round() as u32, height.round() as u32),
        ),
        LogoFormat::Svg => {
            let text = std::str::from_utf8(logo.bytes())
                .map_err(|error| ReportError::Write(error.to_string()))?;
            let scale = (900.0 / width).min(900.0 / height).max(1.0) as f32;
            let drawn =
                raster::svg_to_png(text, scale).map_err(|message| ReportError::ChartForm {
                    chart: "logo".to_owned(),
                    message,
                })?;
            (drawn.png, (drawn.width, drawn.height))
        }
    };
    Ok(picture(png, pixels, width_twips as usize))
}

fn cover(mut docx: Docx, cover: &Cover) -> Result<Docx, ReportError> {
    if let Some(logo) = &cover.logo {
        docx =
            docx.add_paragraph(Paragraph::new().add_run(Run::new().add_image(logo_picture(logo)?)));
    }
    if !cover.firm.is_empty() {
        docx = docx.add_paragraph(
            Paragraph::new().add_run(Run::new().add_text(&cover.firm).bold().size(24)),
        );
    }
    docx = docx
        .add_paragraph(
            Paragraph::new()
                .line_spacing(LineSpacing::new().before(1_600))
                .add_run(Run::new().add_text(&cover.kind).size(26).color(MUTED)),
        )
        .add_paragraph(
            Paragraph::new()
                .style("Title")
                .add_run(Run::new().add_text(&cover.organisation)),
        )
        .add_paragraph(
            Paragraph::new()
                .style("Subtitle")
                .add_run(Run::new().add_text(&cover.title)),
        );
    let label_width = CONTENT_TWIPS / 4;
    let rows = cover
        .facts
        .iter()
        .map(|(label, value)| {
            TableRow::new(vec![
                TableCell::new()
                    .width(label_width, WidthType::Dxa)
                    .add_paragraph(
                        Paragraph::new().add_run(Run::new().add_text(label).color(MUTED).size(20)),
                    ),
                TableCell::new()
                    .width(CONTENT_TWIPS - label_width, WidthType::Dxa)
                    .add_paragraph(
                        Paragraph::new().add_run(Run::new().add_text(value).bold().size(20)),
                    ),
            ])
        })
        .collect();
    docx = docx.add_table(
        Table::without_borders(rows)
            .set_grid(vec![label_width, CONTENT_TWIPS - label_width])
            .width(CONTENT_TWIPS, WidthType::Dxa),
    );
    if !cover.notes.is_empty() {
        docx = docx.add_paragraph(
            Paragraph::new().add_run(Run::new().add_text(&cover.notes).size(17).color(MUTED)),
        );
    }
    if !cover.confidentiality.is_empty() {
        docx = docx.add_paragraph(
            Paragraph::new()
                .line_spacing(LineSpacing::new().before(360))
                .add_run(
                    Run::new()
                        .add_text(&cover.confidentiality)
                        .bold()
                        .size(18)
                        .color(MUTED),
                ),
        );
    }
    Ok(docx)
}

fn key_figures(figures: &[KeyFigure]) -> Table {
    let count = figures.len().max(1);
    let width = CONTENT_TWIPS / count;
    let cells = figures
        .iter()
        .map(|figure| {
            TableCell::new()
                .width(width, WidthType::Dxa)
                .shading(Shading::new().shd_type(ShdType::Clear).fill(SHADE))
                .add_paragraph(
                    Paragraph::new()
                        .add_run(Run::new().add_text(&figure.label).size(16).color(MUTED)),
                )
                .add_paragraph(
                    Paragraph::new().add_run(Run::new().add_text(&figure.value).size(32).bold()),
                )
                .add_paragraph(
                    Paragraph::new()
                        .add_run(Run::new().add_text(&figure.note).size(15).color(MUTED)),
                )
        })
        .collect();
    Table::new(vec![TableRow::new(cells)])
        .set_grid(vec![width; count])
        .width(CONTENT_TWIPS, WidthType::Dxa)
}

fn alignment(align: document::Align) -> AlignmentType {
    match align {
        document::Align::Left => AlignmentType::Left,
        document::Align::Right => AlignmentType::Right,
        document::Align::Centre => AlignmentType::Center,
    }
}

fn table(columns: &[document::ColumnSpec], rows: &[Row]) -> Table {
    let total: f32 = columns
        .iter()
        .map(|column| column.share)
        .sum::<f32>()
        .max(0.01);
    let widths: Vec<usize> = columns
        .iter()
        .map(|column| ((column.share / total) * CONTENT_TWIPS as f32) as usize)
        .collect();
    let header = TableRow::new(
        columns
            .iter()
            .zip(&widths)
            .map(|(column, width)| {
                TableCell::new()
                    .width(*width, WidthType::Dxa)
                    .shading(Shading::new().shd_type(ShdType::Clear).fill(INK))
                    .add_paragraph(
                        Paragraph::new().align(alignment(column.align)).add_run(
                            Run::new()
                                .add_text(&column.title)
                                .bold()
                                .size(15)
                                .color("FFFFFF"),
                        ),
                    )
            })
            .collect(),
    )
    .cant_split();
    let mut table_rows = vec![header];
    for (index, row) in rows.iter().enumerate() {
        let built = match row {
            Row::Cells(cells) | Row::Faded(cells) => {
                let faded = matches!(row, Row::Faded(_));
                TableRow::new(
                    cells
                        .iter()
                        .zip(columns.iter().zip(&widths))
                        .map(|(pieces, (column, width))| {
                            let mut cell = TableCell::new().width(*width, WidthType::Dxa);
                            if index % 2 == 1 && !faded {
                                cell = cell
                                    .shading(Shading::new().shd_type(ShdType::Clear).fill(SHADE));
                            }
                            if pieces.is_empty() {
                                return cell.add_paragraph(Paragraph::new());
                            }
                            for piece in pieces {
                                cell = cell.add_paragraph(
                                    Paragraph::new()
                                        .align(alignment(column.align))
                                        .line_spacing(LineSpacing::new().after(0))
                                        .add_run(run(&piece.text, piece.tone, 16, faded)),
                                );
                            }
                            cell
                        })
                        .collect(),
                )
                .cant_split()
            }
            Row::Group { text, stage } => TableRow::new(vec![
                TableCell::new()
                    .grid_span(columns.len().max(1))
                    .width(CONTENT_TWIPS, WidthType::Dxa)
                    .shading(
                        Shading::new()
                            .shd_type(ShdType::Clear)
                            .fill(stage_hex(*stage)),
                    )
                    .add_paragraph(
                        Paragraph::new()
                            .add_run(Run::new().add_text(text).bold().size(17).color("FFFFFF")),
                    ),
            ]),
        };
        table_rows.push(built);
    }
    Table::new(table_rows)
        .set_grid(widths)
        .width(CONTENT_TWIPS, WidthType::Dxa)
}

fn chart(
    docx: Docx,
    title: &str,
    svg: &str,
    share: f32,
    note: Option<&str>,
) -> Result<Docx, ReportError> {
    let drawn = raster::svg_to_png(svg, CHART_SCALE).map_err(|message| ReportError::ChartForm {
        chart: title.to_owned(),
        message,
    })?;
    let width = (share.clamp(0.1, 1.0) * CONTENT_TWIPS as f32) as usize;
    let mut docx = docx
        .add_paragraph(
            Paragraph::new()
                .style("Heading2")
                .keep_next(true)
                .add_run(Run::new().add_text(title)),
        )
        .add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_image(picture(
                    drawn.png,
                    (drawn.width, drawn.height),
                    width,
                ))),
        );
    if let Some(note) = note {
        docx = docx.add_paragraph(
            Paragraph::new()
                .style("Caption")
                .add_run(Run::new().add_text(note)),
        );
    }
    Ok(docx)
}

fn paragraph(piece: &Piece) -> Paragraph {
    Paragraph::new().add_run(run(&piece.text, piece.tone, 19, false))
}

/// Renders the full report as a Word document.
pub fn render_report_docx(input: &ReportInput<'_>) -> Result<Vec<u8>, ReportError> {
    let w = words(input.language);
    let blocks = content::report_blocks(input)?;
    let firm = input
        .settings
        .map(|settings| settings.firm_name.trim())
        .unwrap_or_default();
    let footer_text = if firm.is_empty() {
        format!("{} — {}", w.report_kind, input.assessment.title)
    } else {
        format!("{firm} — {} — {}", w.report_kind, input.assessment.title)
    };
    let mut docx = Docx::new()
        .page_size(PAGE.0, PAGE.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .header(600)
                .footer(600),
        )
        .default_fonts(
            RunFonts::new()
                .ascii("DejaVu Sans")
                .hi_ansi("DejaVu Sans")
                .cs("DejaVu Sans"),
        )
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .add_run(
                        Run::new()
                            .add_text(format!("{footer_text} — {} ", w.page))
                            .size(15)
                            .color(MUTED),
                    )
                    .add_page_num(PageNum::new()),
            ),
        );
    docx = bullets(styles(docx));
    let mut first_section = true;
    for block in &blocks {
        docx = match block {
            Block::Cover(found) => cover(docx, found)?,
            Block::Section(title) => {
                // The cover ends on its own page; each section starts a new one.
                let heading = Paragraph::new()
                    .style("Heading1")
                    .page_break_before(true)
                    .add_run(Run::new().add_text(title));
                first_section = false;
                docx.add_paragraph(heading)
            }
            Block::Heading(text) => docx.add_paragraph(
                Paragraph::new()
                    .style("Heading2")
                    .keep_next(true)
                    .add_run(Run::new().add_text(text)),
            ),
            Block::StageHeading { text, stage } => docx.add_paragraph(
                Paragraph::new()
                    .style("Heading3")
                    .keep_next(true)
                    .add_run(Run::new().add_text(text).color(stage_hex(*stage))),
            ),
            Block::Paragraph(piece) => docx.add_paragraph(paragraph(piece)),
            Block::Bullets(items) => items.iter().fold(docx, |docx, item| {
                docx.add_paragraph(
                    Paragraph::new()
                        .style("ListBullet")
                        .numbering(NumberingId::new(BULLETS), IndentLevel::new(0))
                        .add_run(Run::new().add_text(item)),
                )
            }),
            Block::KeyFigures(figures) => docx
                .add_table(key_figures(figures))
                .add_paragraph(Paragraph::new()),
            Block::Chart {
                title,
                svg,
                share,
                note,
                ..
            } => chart(docx, title, svg, *share, note.as_deref())?,
            Block::Table { columns, rows } => docx
                .add_table(table(columns, rows))
                .add_paragraph(Paragraph::new()),
        };
    }
    if first_section {
        // A report of a cover alone still ends its page.
        docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut bytes)
        .map_err(|error| ReportError::Write(error.to_string()))?;
    Ok(bytes.into_inner())
}
