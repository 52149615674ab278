//! The page composer: places text, rules, tables and charts on A4 pages from the top down,
//! and starts a new page when the next block would cross the bottom margin. It works in
//! points measured from the top of the page and turns them into printpdf operations.

use std::collections::BTreeMap;

use printpdf::{
    Color, DictItem, FontId, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Pt, Rect, Rgb,
    TextItem, XObjectId, XObjectTransform,
};

use super::layout::{self, Metrics};
use super::tagging::{CellAttribute, Tag, Tagging};

pub const PAGE_WIDTH: f32 = 595.276;
pub const PAGE_HEIGHT: f32 = 841.89;
pub const MARGIN_X: f32 = 42.0;
/// Where content starts, below the running header.
pub const CONTENT_TOP: f32 = 64.0;
/// Where content must end, above the running footer.
pub const CONTENT_BOTTOM: f32 = PAGE_HEIGHT - 54.0;
pub const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;

/// A colour as 8-bit red, green, blue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour(pub u8, pub u8, pub u8);

impl Colour {
    pub const INK: Colour = Colour(0x22, 0x2B, 0x38);
    pub const MUTED: Colour = Colour(0x6B, 0x74, 0x80);
    pub const RULE: Colour = Colour(0xC9, 0xCE, 0xD6);
    pub const SHADE: Colour = Colour(0xF2, 0xF4, 0xF7);
    pub const WHITE: Colour = Colour(0xFF, 0xFF, 0xFF);

    fn pdf(self) -> Color {
        Color::Rgb(Rgb {
            r: f32::from(self.0) / 255.0,
            g: f32::from(self.1) / 255.0,
            b: f32::from(self.2) / 255.0,
            icc_profile: None,
        })
    }

    /// A lighter tint, `amount` of the way to white.
    pub fn tint(self, amount: f32) -> Colour {
        let mix = |c: u8| (f32::from(c) + (255.0 - f32::from(c)) * amount).round() as u8;
        Colour(mix(self.0), mix(self.1), mix(self.2))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
}

/// The two embedded fonts: their metrics and the ids they are registered under.
#[derive(Debug, Clone)]
pub struct Fonts {
    pub regular: Metrics,
    pub bold: Metrics,
}

/// Fixed ids, so that the same report is the same bytes.
pub fn font_id(face: Face) -> FontId {
    match face {
        Face::Regular => FontId("FRegular".to_owned()),
        Face::Bold => FontId("FBold".to_owned()),
    }
}

impl Fonts {
    pub fn metrics(&self, face: Face) -> &Metrics {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }
}

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub face: Face,
    pub size: f32,
    pub colour: Colour,
}

impl Style {
    pub const fn new(face: Face, size: f32, colour: Colour) -> Style {
        Style { face, size, colour }
    }

    /// Distance between two baselines.
    pub fn leading(&self) -> f32 {
        self.size * 1.32
    }
}

/// A block of text in a table cell: each block starts on a new line.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

impl Span {
    pub fn new(text: impl Into<String>, style: Style) -> Span {
        Span {
            text: text.into(),
            style,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Centre,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    pub width: f32,
    pub align: Align,
}

/// One row of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// One cell per column, each a list of spans.
    Cells {
        cells: Vec<Vec<Span>>,
        fill: Option<Colour>,
    },
    /// A group heading across the whole table; kept with the row that follows.
    Group { span: Span, fill: Colour },
}

pub const CELL_PADDING: f32 = 3.5;

/// A cell's spans wrapped to `width`: (line, style) pairs.
pub fn cell_lines(fonts: &Fonts, spans: &[Span], width: f32) -> Vec<(String, Style)> {
    let inner = width - 2.0 * CELL_PADDING;
    spans
        .iter()
        .flat_map(|span| {
            layout::wrap(
                fonts.metrics(span.style.face),
                &span.text,
                span.style.size,
                inner,
            )
            .into_iter()
            .map(move |line| (line, span.style))
        })
        .collect()
}

fn lines_height(lines: &[(String, Style)]) -> f32 {
    lines.iter().map(|(_, style)| style.leading()).sum()
}

/// The height a row takes once its cells are wrapped.
pub fn row_height(fonts: &Fonts, columns: &[Column], row: &Row) -> f32 {
    match row {
        Row::Cells { cells, .. } => {
            let tallest = cells
                .iter()
                .zip(columns)
                .map(|(spans, column)| lines_height(&cell_lines(fonts, spans, column.width)))
                .fold(0.0, f32::max);
            tallest + 2.0 * CELL_PADDING
        }
        Row::Group { span, .. } => span.style.leading() + 2.0 * CELL_PADDING,
    }
}

/// Where a table row was drawn: its page (0-based), its top and its height, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub page: usize,
    pub top: f32,
    pub height: f32,
}

/// Pages being composed.
/// One bookmark of the document's outline.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    /// 0 for a section, 1 for a part of it.
    pub level: u8,
    pub title: String,
    /// The page it points to, from 0.
    pub page: usize,
    /// The heading's structure element (its index in the tagging), which the bookmark
    /// names as its `/SE`.
    pub element: Option<usize>,
}

pub struct Composer<'f> {
    fonts: &'f Fonts,
    pages: Vec<Vec<Op>>,
    /// The bookmarks: (level, title, page index), in reading order.
    outline: Vec<OutlineEntry>,
    /// Distance from the top of the page to the top of the next block.
    y: f32,
    /// The structure of what is written, and how each piece is marked.
    tagging: Tagging,
}

impl<'f> Composer<'f> {
    pub fn new(fonts: &'f Fonts) -> Composer<'f> {
        Composer {
            fonts,
            pages: vec![Vec::new()],
            outline: Vec::new(),
            y: CONTENT_TOP,
            tagging: Tagging::new(),
        }
    }

    pub fn fonts(&self) -> &'f Fonts {
        self.fonts
    }

    pub fn y(&self) -> f32 {
        self.y
    }

    pub fn set_y(&mut self, y: f32) {
        self.y = y;
    }

    /// The pages' operations, in order, each page's last marked-content sequence closed;
    /// and the structure they carry.
    pub fn finish(mut self) -> (Vec<Vec<Op>>, Tagging) {
        for (index, page) in self.pages.iter_mut().enumerate() {
            page.extend(self.tagging.end_page(index));
        }
        (self.pages, self.tagging)
    }

    /// Opens a structure element in the current one: what is written until `close` belongs
    /// to it. Returns its index, for `tagging_mut` (`None` inside an artifact region).
    pub fn open(&mut self, tag: Tag) -> Option<usize> {
        self.tagging.open(tag)
    }

    /// Opens a heading element titled `title` (its `/T`).
    pub fn open_titled(&mut self, tag: Tag, title: &str) -> Option<usize> {
        let index = self.tagging.open(tag);
        self.tagging.set_title(index, title);
        index
    }

    /// Closes the innermost element or artifact region.
    pub fn close(&mut self) {
        self.tagging.close();
    }

    /// The structure being recorded (to set a figure's alternate text, a cell's span…).
    pub fn tagging_mut(&mut self) -> &mut Tagging {
        &mut self.tagging
    }

    /// What `draw` writes is layout, not content: marked as an artifact.
    pub fn artifact(&mut self, draw: impl FnOnce(&mut Self)) {
        self.tagging.open_artifact();
        draw(self);
        self.tagging.close();
    }

    /// What `draw` writes is page furniture (running header, footer, page number).
    pub fn pagination(&mut self, draw: impl FnOnce(&mut Self)) {
        self.tagging.open_pagination();
        draw(self);
        self.tagging.close();
    }

    /// Writes `ops` on `page`, marked as the current element's content, or as an artifact
    /// when they are `decoration` (rules, fills, frames).
    fn emit(&mut self, page: usize, decoration: bool, ops: impl IntoIterator<Item = Op>) {
        if page >= self.pages.len() {
            return;
        }
        let marks = self.tagging.before_content(page, decoration);
        let target = &mut self.pages[page];
        target.extend(marks);
        target.extend(ops);
    }

    /// Records a bookmark to the current page: level 0 for a section, 1 inside it;
    /// `heading` the heading element it leads to (what `open_titled` returned).
    pub fn bookmark(&mut self, level: u8, title: &str, heading: Option<usize>) {
        self.outline.push(OutlineEntry {
            level,
            title: title.to_owned(),
            page: self.pages.len() - 1,
            element: heading,
        });
    }

    /// The bookmarks recorded so far, in reading order.
    pub fn outline(&self) -> &[OutlineEntry] {
        &self.outline
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    pub fn new_page(&mut self) {
        let last = self.pages.len() - 1;
        if let Some(end) = self.tagging.end_page(last) {
            self.pages[last].push(end);
        }
        self.pages.push(Vec::new());
        self.y = CONTENT_TOP;
    }

    /// Space left on the page below the cursor.
    pub fn remaining(&self) -> f32 {
        CONTENT_BOTTOM - self.y
    }

    /// Starts a new page unless `height` fits below the cursor (or the page is still empty).
    pub fn ensure(&mut self, height: f32) {
        if height > self.remaining() && self.y > CONTENT_TOP + 0.5 {
            self.new_page();
        }
    }

    pub fn skip(&mut self, height: f32) {
        self.y += height;
    }

    fn last_page(&self) -> usize {
        // `pages` always holds at least one page.
        self.pages.len() - 1
    }

    /// Writes one line of text with its baseline `baseline` points from the top, on page
    /// `page` (0-based).
    pub fn text_on(&mut self, page: usize, x: f32, baseline: f32, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        let actual = actual_text(text);
        let spanned = actual.is_some();
        let ops = actual.into_iter().chain([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(font_id(style.face)),
                size: Pt(style.size),
            },
            Op::SetFillColor {
                col: style.colour.pdf(),
            },
            Op::SetTextCursor {
                pos: Point {
                    x: Pt(x),
                    y: Pt(PAGE_HEIGHT - baseline),
                },
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_owned())],
            },
            Op::EndTextSection,
        ]);
        let ops = ops.chain(spanned.then_some(Op::EndMarkedContent));
        self.emit(page, false, ops);
    }

    /// Writes one line of text on the current page.
    pub fn text(&mut self, x: f32, baseline: f32, text: &str, style: Style) {
        let page = self.pages.len() - 1;
        self.text_on(page, x, baseline, text, style);
    }

    /// Writes one line aligned in a box from `x` of `width`.
    pub fn text_aligned(
        &mut self,
        x: f32,
        width: f32,
        baseline: f32,
        text: &str,
        style: Style,
        align: Align,
    ) {
        let measured = self.fonts.metrics(style.face).width(text, style.size);
        let left = match align {
            Align::Left => x,
            Align::Right => x + width - measured,
            Align::Centre => x + (width - measured) / 2.0,
        };
        self.text(left, baseline, text, style);
    }

    /// A filled rectangle, `top` from the top of the page.
    pub fn rect_on(
        &mut self,
        page: usize,
        x: f32,
        top: f32,
        width: f32,
        height: f32,
        fill: Colour,
    ) {
        let ops = [
            Op::SetFillColor { col: fill.pdf() },
            Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(x),
                    y: Pt(PAGE_HEIGHT - top - height),
                    width: Pt(width),
                    height: Pt(height),
                    mode: Some(PaintMode::Fill),
                    winding_order: None,
                },
            },
        ];
        self.emit(page, true, ops);
    }

    pub fn rect(&mut self, x: f32, top: f32, width: f32, height: f32, fill: Colour) {
        let page = self.pages.len() - 1;
        self.rect_on(page, x, top, width, height, fill);
    }

    /// A stroked rectangle outline (tick boxes).
    pub fn frame(&mut self, x: f32, top: f32, width: f32, height: f32, colour: Colour) {
        let ops = [
            Op::SetOutlineColor { col: colour.pdf() },
            Op::SetOutlineThickness { pt: Pt(0.8) },
            Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(x),
                    y: Pt(PAGE_HEIGHT - top - height),
                    width: Pt(width),
                    height: Pt(height),
                    mode: Some(PaintMode::Stroke),
                    winding_order: None,
                },
            },
        ];
        let page = self.last_page();
        self.emit(page, true, ops);
    }

    /// A straight rule between two points, in points from the top-left corner.
    pub fn rule_on(
        &mut self,
        page: usize,
        from: (f32, f32),
        to: (f32, f32),
        thickness: f32,
        colour: Colour,
    ) {
        let point = |(x, y): (f32, f32)| LinePoint {
            p: Point {
                x: Pt(x),
                y: Pt(PAGE_HEIGHT - y),
            },
            bezier: false,
        };
        let ops = [
            Op::SetOutlineColor { col: colour.pdf() },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine {
                line: Line {
                    points: vec![point(from), point(to)],
                    is_closed: false,
                },
            },
        ];
        self.emit(page, true, ops);
    }

    pub fn rule(&mut self, from: (f32, f32), to: (f32, f32), thickness: f32, colour: Colour) {
        let page = self.pages.len() - 1;
        self.rule_on(page, from, to, thickness, colour);
    }

    /// A wrapped paragraph from `x`, `width` wide; it may continue on the next page, line by
    /// line.
    pub fn paragraph(&mut self, x: f32, width: f32, text: &str, style: Style) {
        let lines = layout::wrap(self.fonts.metrics(style.face), text, style.size, width);
        for line in lines {
            self.ensure(style.leading());
            let baseline = self.y + style.size;
            self.text(x, baseline, &line, style);
            self.y += style.leading();
        }
    }

    /// The height a paragraph would take.
    pub fn paragraph_height(&self, width: f32, text: &str, style: Style) -> f32 {
        layout::wrap(self.fonts.metrics(style.face), text, style.size, width).len() as f32
            * style.leading()
    }

    /// A heading, kept on the same page as at least `keep_with` points of what follows.
    pub fn heading(&mut self, text: &str, style: Style, keep_with: f32) {
        let height = self.paragraph_height(CONTENT_WIDTH, text, style);
        self.ensure(height + keep_with);
        self.paragraph(MARGIN_X, CONTENT_WIDTH, text, style);
    }

    /// A chart: the SVG form `id`, `size` pixels, scaled to `width` points and centred.
    pub fn chart(&mut self, id: &XObjectId, size: (f64, f64), width: f32) {
        let height = (f64::from(width) * size.1 / size.0) as f32;
        self.ensure(height);
        let x = MARGIN_X + (CONTENT_WIDTH - width) / 2.0;
        // The form's natural size is its pixel size at `dpi`: pick the dpi that makes it `width`.
        let dpi = (size.0 * 72.0 / f64::from(width)) as f32;
        let op = Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                translate_x: Some(Pt(x)),
                translate_y: Some(Pt(PAGE_HEIGHT - self.y - height)),
                dpi: Some(dpi),
                ..Default::default()
            },
        };
        let page = self.last_page();
        self.emit(page, false, [op]);
        self.y += height;
    }

    /// An image or form of `size` pixels drawn `width` points wide with its top-left corner at
    /// (`x`, `top`), outside the text flow (the cursor does not move).
    pub fn place(&mut self, id: &XObjectId, size: (f64, f64), x: f32, top: f32, width: f32) {
        let height = (f64::from(width) * size.1 / size.0) as f32;
        let dpi = (size.0 * 72.0 / f64::from(width)) as f32;
        let op = Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                translate_x: Some(Pt(x)),
                translate_y: Some(Pt(PAGE_HEIGHT - top - height)),
                dpi: Some(dpi),
                ..Default::default()
            },
        };
        let page = self.last_page();
        self.emit(page, false, [op]);
    }

    /// A table: its header, then rows that never split across pages; the header is repeated
    /// at the top of each new page. A row taller than a whole page is cut to fit, with an
    /// ellipsis, so that nothing ever overflows.
    pub fn table(
        &mut self,
        columns: &[Column],
        rows: &[Row],
        header_style: Style,
    ) -> Vec<Placement> {
        let header = Row::Cells {
            cells: columns
                .iter()
                .map(|column| vec![Span::new(column.title.clone(), header_style)])
                .collect(),
            fill: Some(Colour::INK),
        };
        let header_height = row_height(self.fonts, columns, &header);
        let next_height = rows
            .first()
            .map_or(0.0, |row| row_height(self.fonts, columns, row));
        self.ensure(header_height + next_height);
        self.open(Tag::Table);
        self.draw_row(columns, &header, header_height, true);
        let mut placements = Vec::with_capacity(rows.len());
        for (index, row) in rows.iter().enumerate() {
            let mut height = row_height(self.fonts, columns, row);
            let mut keep = height;
            if matches!(row, Row::Group { .. }) {
                keep += rows
                    .get(index + 1)
                    .map_or(0.0, |next| row_height(self.fonts, columns, next));
            }
            if keep > self.remaining() {
                self.new_page();
                // The header repeated on a new page is not read a second time.
                self.artifact(|composer| {
                    composer.draw_row(columns, &header, header_height, true);
                });
            }
            let room = self.remaining();
            if height > room {
                height = room;
            }
            placements.push(Placement {
                page: self.pages.len() - 1,
                top: self.y,
                height,
            });
            self.draw_row(columns, row, height, false);
        }
        self.close();
        self.y += 4.0;
        placements
    }

    /// Draws one row as a `TR` of `TH` (a `header`) or `TD` cells.
    fn draw_row(&mut self, columns: &[Column], row: &Row, height: f32, header: bool) {
        let top = self.y;
        let width: f32 = columns.iter().map(|column| column.width).sum();
        self.open(Tag::TR);
        match row {
            Row::Group { span, fill } => {
                self.rect(MARGIN_X, top, width, height, *fill);
                let cell = self.open(Tag::TD);
                self.tagging
                    .set_cell(cell, CellAttribute::ColSpan(columns.len()));
                self.text(
                    MARGIN_X + CELL_PADDING,
                    top + CELL_PADDING + span.style.size,
                    &span.text,
                    span.style,
                );
                self.close();
            }
            Row::Cells { cells, fill } => {
                if let Some(fill) = fill {
                    self.rect(MARGIN_X, top, width, height, *fill);
                }
                let mut x = MARGIN_X;
                for (spans, column) in cells.iter().zip(columns) {
                    if header {
                        let cell = self.open(Tag::TH);
                        self.tagging.set_cell(cell, CellAttribute::ColumnHeader);
                    } else {
                        self.open(Tag::TD);
                    }
                    let lines = cell_lines(self.fonts, spans, column.width);
                    let leadings: Vec<f32> =
                        lines.iter().map(|(_, style)| style.leading()).collect();
                    let mut line_top = top + CELL_PADDING;
                    let bottom = top + height - CELL_PADDING + 0.01;
                    for (index, (line, style)) in lines.into_iter().enumerate() {
                        if line_top + leadings[index] > bottom {
                            break;
                        }
                        // The last line that fits, with more to come: end it with an ellipsis.
                        let cut = leadings
                            .get(index + 1)
                            .is_some_and(|next| line_top + leadings[index] + next > bottom);
                        let text = if cut {
                            layout::ellipsize(
                                self.fonts.metrics(style.face),
                                &format!("{line}…"),
                                style.size,
                                column.width - 2.0 * CELL_PADDING,
                            )
                        } else {
                            line
                        };
                        self.text_aligned(
                            x + CELL_PADDING,
                            column.width - 2.0 * CELL_PADDING,
                            line_top + style.size,
                            &text,
                            style,
                            column.align,
                        );
                        line_top += leadings[index];
                    }
                    self.close();
                    x += column.width;
                }
                self.rule(
                    (MARGIN_X, top + height),
                    (MARGIN_X + width, top + height),
                    0.4,
                    Colour::RULE,
                );
            }
        }
        self.close();
        self.y = top + height;
    }
}

/// The `/Span <</ActualText …>> BDC` that opens a line of text holding a French no-break
/// space (U+00A0, U+202F), so that a reader copies the line as it is written.
///
/// Text extractors drop every space glyph, no-break ones included, and put spaces back from
/// the gaps they measure between words. In a short table cell such as `« ? » 0 %`, every
/// gap is a space of the same width and poppler's `pdftotext` takes them for letter spacing:
/// it gives `«?»0%`. The glyphs, the font's `ToUnicode` map and the line's look are right;
/// what is missing is a statement of the text itself, which is what `/ActualText` is for
/// (ISO 32000-1, 14.9.4): a text string, UTF-16BE after its byte order mark. Lines without a
/// no-break space are left as they are: their words are found from real spaces.
fn actual_text(text: &str) -> Option<Op> {
    if !text.contains(['\u{a0}', '\u{202f}']) {
        return None;
    }
    let mut data = vec![0xFE, 0xFF];
    data.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let mut map = BTreeMap::new();
    map.insert(
        "ActualText".to_owned(),
        DictItem::String {
            data,
            literal: false,
        },
    );
    Some(Op::BeginMarkedContentWithProperties {
        tag: "Span".to_owned(),
        properties: DictItem::Dict { map },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_with_a_no_break_space_states_its_own_text() {
        assert_eq!(actual_text("plain words only"), None);
        let Some(Op::BeginMarkedContentWithProperties { tag, properties }) =
            actual_text("«\u{a0}?\u{a0}» 0\u{a0}%")
        else {
            panic!("a Span is opened");
        };
        assert_eq!(tag, "Span");
        let DictItem::Dict { map } = properties else {
            panic!("a properties dictionary");
        };
        let Some(DictItem::String { data, .. }) = map.get("ActualText") else {
            panic!("/ActualText is given");
        };
        let units: Vec<u16> = data
            .chunks(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
            .collect();
        assert_eq!(units[0], 0xFEFF, "byte order mark first");
        assert_eq!(
            String::from_utf16(&units[1..]).expect("UTF-16"),
            "«\u{a0}?\u{a0}» 0\u{a0}%"
        );
        assert!(
            actual_text("10\u{202f}%").is_some(),
            "narrow no-break space too"
        );
    }

    fn fonts() -> Fonts {
        crate::pdf::load_fonts().expect("the bundled fonts read")
    }

    fn row(text: &str) -> Row {
        let style = Style::new(Face::Regular, 8.0, Colour::INK);
        Row::Cells {
            cells: vec![vec![Span::new("q", style)], vec![Span::new(text, style)]],
            fill: None,
        }
    }

    #[test]
    fn rows_never_split_and_never_cross_the_margins() {
        let fonts = fonts();
        let columns = [
            Column {
                title: "Id".to_owned(),
                width: 60.0,
                align: Align::Left,
            },
            Column {
                title: "Texte".to_owned(),
                width: 200.0,
                align: Align::Left,
            },
        ];
        let long = "Une ligne de commentaire assez longue pour passer à la ligne. ".repeat(6);
        let rows: Vec<Row> = (0..120)
            .map(|index| {
                if index % 7 == 0 {
                    row(&long)
                } else {
                    row("court")
                }
            })
            .collect();
        let mut composer = Composer::new(&fonts);
        composer.skip(300.0);
        let header = Style::new(Face::Bold, 7.0, Colour::WHITE);
        let placements = composer.table(&columns, &rows, header);
        assert_eq!(placements.len(), rows.len());
        assert!(composer.page_count() > 2);
        for (placement, row) in placements.iter().zip(&rows) {
            assert!(placement.top >= CONTENT_TOP, "{placement:?}");
            assert!(
                placement.top + placement.height <= CONTENT_BOTTOM + 0.01,
                "{placement:?}"
            );
            // Never shortened: the whole row is on its page.
            assert!((placement.height - row_height(&fonts, &columns, row)).abs() < 0.01);
        }
        for pair in placements.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            assert!(
                b.page > a.page || b.top >= a.top + a.height - 0.01,
                "{a:?} then {b:?}"
            );
        }
    }

    #[test]
    fn a_row_taller_than_a_page_is_cut_to_fit() {
        let fonts = fonts();
        let columns = [
            Column {
                title: "Id".to_owned(),
                width: 60.0,
                align: Align::Left,
            },
            Column {
                title: "Texte".to_owned(),
                width: 80.0,
                align: Align::Left,
            },
        ];
        let huge = "mot ".repeat(2000);
        let mut composer = Composer::new(&fonts);
        let header = Style::new(Face::Bold, 7.0, Colour::WHITE);
        let placements = composer.table(&columns, &[row(&huge)], header);
        let placement = placements[0];
        assert!(placement.top + placement.height <= CONTENT_BOTTOM + 0.01);
    }

    #[test]
    fn a_group_row_is_kept_with_the_next_row() {
        let fonts = fonts();
        let columns = [
            Column {
                title: "Id".to_owned(),
                width: 60.0,
                align: Align::Left,
            },
            Column {
                title: "Texte".to_owned(),
                width: 200.0,
                align: Align::Left,
            },
        ];
        let style = Style::new(Face::Bold, 8.0, Colour::WHITE);
        let rows = vec![
            Row::Group {
                span: Span::new("Étape", style),
                fill: Colour::INK,
            },
            row("court"),
        ];
        let mut composer = Composer::new(&fonts);
        composer.set_y(CONTENT_BOTTOM - 40.0);
        let placements = composer.table(&columns, &rows, style);
        assert_eq!(placements[0].page, placements[1].page);
    }
}
