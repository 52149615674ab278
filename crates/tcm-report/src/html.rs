//! The report as one self-contained HTML page: the same blocks as the PDF, the same SVG
//! charts inline, print styles for A4. Used to compare our PDF with a browser's printing;
//! it names the bundled font family, so a browser uses DejaVu Sans when installed.

use std::fmt::Write;

use crate::charts::ChartError;
use crate::charts::style::stage_rgb;
use crate::content;
use crate::document::{Align, Block, ColumnSpec, Piece, TableRow, Tone};
use crate::input::ReportInput;
use crate::words::words;

const STYLE: &str = "@page { size: A4; margin: 16mm 15mm 18mm; }
body { font-family: 'DejaVu Sans', sans-serif; color: #222b38; font-size: 9.5pt; margin: 0; }
h1 { font-size: 18pt; break-before: page; border-bottom: 2.5pt solid #222b38; padding-bottom: 4pt; }
h2 { font-size: 11.5pt; break-after: avoid; margin: 12pt 0 4pt; }
h3 { font-size: 14pt; break-after: avoid; border-left: 4pt solid; padding-left: 8pt; }
p.muted { color: #6b7480; font-size: 8.5pt; }
p.strong { font-weight: bold; }
table { border-collapse: collapse; width: 100%; font-size: 7.8pt; margin-bottom: 8pt; }
thead { display: table-header-group; }
th { background: #222b38; color: #fff; text-align: left; padding: 3.5pt; }
td { padding: 3.5pt; vertical-align: top; border-bottom: 0.4pt solid #c9ced6; }
tr { break-inside: avoid; }
tr:nth-child(even) td { background: #f2f4f7; }
tr.faded td { color: #9aa1ab; }
tr.group td { color: #fff; font-weight: bold; font-size: 8.5pt; }
.small { font-size: 7pt; display: block; } .muted { color: #6b7480; display: block; }
.strong { font-weight: bold; display: block; } .normal { display: block; }
figure { margin: 8pt 0; break-inside: avoid; text-align: center; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: bold; font-size: 11.5pt; text-align: left; margin-bottom: 4pt; }
.figures { display: flex; gap: 10pt; margin: 8pt 0; }
.figure { flex: 1; background: #f2f4f7; border-left: 3pt solid #2f6db5; padding: 6pt 10pt; }
.figure b { display: block; font-size: 17pt; margin: 4pt 0; }
.cover { break-after: page; padding-top: 120pt; }
.cover .org { font-size: 28pt; font-weight: bold; }
.cover dl { display: grid; grid-template-columns: 120pt 1fr; row-gap: 6pt; }
.cover dt { color: #6b7480; } .cover dd { margin: 0; font-weight: bold; }
";

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn piece(out: &mut String, piece: &Piece) {
    let (class, style) = match piece.tone {
        Tone::Normal => ("normal", String::new()),
        Tone::Strong => ("strong", String::new()),
        Tone::Small => ("small", String::new()),
        Tone::Muted => ("muted small", String::new()),
        Tone::Stage(stage) => (
            "strong",
            format!(" style=\"color:{}\"", hex(stage_rgb(stage))),
        ),
    };
    let _ = write!(
        out,
        "<span class=\"{class}\"{style}>{}</span>",
        escape(&piece.text)
    );
}

fn table(out: &mut String, columns: &[ColumnSpec], rows: &[TableRow]) {
    out.push_str("<table><thead><tr>");
    for column in columns {
        let align = match column.align {
            Align::Left => "left",
            Align::Right => "right",
            Align::Centre => "center",
        };
        let _ = write!(
            out,
            "<th style=\"width:{:.1}%;text-align:{align}\">{}</th>",
            column.share * 100.0,
            escape(&column.title)
        );
    }
    out.push_str("</tr></thead><tbody>");
    for row in rows {
        let (class, cells) = match row {
            TableRow::Cells(cells) => ("", cells),
            TableRow::Faded(cells) => (" class=\"faded\"", cells),
            TableRow::Group { text, stage } => {
                let _ = write!(
                    out,
                    "<tr class=\"group\"><td colspan=\"{}\" style=\"background:{}\">{}</td></tr>",
                    columns.len(),
                    hex(stage_rgb(*stage)),
                    escape(text)
                );
                continue;
            }
        };
        let _ = write!(out, "<tr{class}>");
        for pieces in cells {
            out.push_str("<td>");
            for item in pieces {
                piece(out, item);
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

/// Renders the report as an HTML page.
pub fn render_report_html(input: &ReportInput<'_>) -> Result<String, ChartError> {
    let blocks = content::report_blocks(input)?;
    let w = words(input.language);
    let mut out = String::with_capacity(256 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{} — {}</title><style>{STYLE}</style></head><body>",
        input.language.code(),
        escape(w.report_kind),
        escape(&input.organisation.name)
    );
    for block in &blocks {
        match block {
            Block::Cover(cover) => {
                out.push_str("<section class=\"cover\">");
                if !cover.firm.is_empty() {
                    let _ = write!(out, "<p class=\"firm\">{}</p>", escape(&cover.firm));
                }
                let _ = write!(
                    out,
                    "<p class=\"muted\">{}</p><p class=\"org\">{}</p><p>{}</p><dl>",
                    escape(&cover.kind),
                    escape(&cover.organisation),
                    escape(&cover.title)
                );
                for (label, value) in &cover.facts {
                    let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", escape(label), escape(value));
                }
                let _ = write!(out, "</dl><p class=\"muted\">{}</p>", escape(&cover.notes));
                if !cover.confidentiality.is_empty() {
                    let _ = write!(
                        out,
                        "<p><strong>{}</strong></p>",
                        escape(&cover.confidentiality)
                    );
                }
                out.push_str("</section>");
            }
            Block::Section(title) => {
                let _ = write!(out, "<h1>{}</h1>", escape(title));
            }
            Block::Heading(text) => {
                let _ = write!(out, "<h2>{}</h2>", escape(text));
            }
            Block::StageHeading { text, stage } => {
                let colour = hex(stage_rgb(*stage));
                let _ = write!(
                    out,
                    "<h3 style=\"color:{colour};border-color:{colour}\">{}</h3>",
                    escape(text)
                );
            }
            Block::Paragraph(text) => {
                let class = match text.tone {
                    Tone::Muted | Tone::Small => "muted",
                    Tone::Strong | Tone::Stage(_) => "strong",
                    Tone::Normal => "normal",
                };
                let _ = write!(out, "<p class=\"{class}\">{}</p>", escape(&text.text));
            }
            Block::Bullets(items) => {
                out.push_str("<ul>");
                for item in items {
                    let _ = write!(out, "<li>{}</li>", escape(item));
                }
                out.push_str("</ul>");
            }
            Block::KeyFigures(figures) => {
                out.push_str("<div class=\"figures\">");
                for figure in figures {
                    let _ = write!(
                        out,
                        "<div class=\"figure\"><span class=\"muted\">{}</span><b>{}</b><span class=\"muted\">{}</span></div>",
                        escape(&figure.label),
                        escape(&figure.value),
                        escape(&figure.note)
                    );
                }
                out.push_str("</div>");
            }
            Block::Chart {
                title,
                svg,
                share,
                note,
                ..
            } => {
                let _ = write!(
                    out,
                    "<figure style=\"width:{:.0}%;margin-left:auto;margin-right:auto\"><figcaption>{}</figcaption>{}",
                    share * 100.0,
                    escape(title),
                    svg
                );
                if let Some(note) = note {
                    let _ = write!(out, "<p class=\"muted\">{}</p>", escape(note));
                }
                out.push_str("</figure>");
            }
            Block::Table { columns, rows } => table(&mut out, columns, rows),
        }
    }
    out.push_str("</body></html>");
    Ok(out)
}
