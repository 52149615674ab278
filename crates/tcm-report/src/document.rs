//! The report as a list of blocks, independent of the output: the PDF and the HTML renderings
//! lay out the same blocks, so that they always say the same thing.

use tcm_core::StageId;

use crate::logo::Logo;

/// How a piece of text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Normal,
    Strong,
    Small,
    Muted,
    /// Small bold text in a stage's colour.
    Stage(StageId),
}

/// Text with its tone; in a table cell, each piece starts on a new line.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    pub tone: Tone,
}

impl Piece {
    pub fn new(text: impl Into<String>, tone: Tone) -> Piece {
        Piece {
            text: text.into(),
            tone,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Centre,
}

/// A table column: its title, its share of the page width, its alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnSpec {
    pub title: String,
    pub share: f32,
    pub align: Align,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TableRow {
    Cells(Vec<Vec<Piece>>),
    /// A row greyed out (a dismissed or done action).
    Faded(Vec<Vec<Piece>>),
    /// A group heading across the table, in a stage's colour.
    Group {
        text: String,
        stage: StageId,
    },
}

/// The cover page's facts.
#[derive(Debug, Clone, PartialEq)]
pub struct Cover {
    pub kind: String,
    pub organisation: String,
    pub title: String,
    /// (label, value) lines.
    pub facts: Vec<(String, String)>,
    pub notes: String,
    /// The consultant's firm; empty when none was set.
    pub firm: String,
    pub logo: Option<Logo>,
    /// A mention at the foot of the cover ("Confidential").
    pub confidentiality: String,
}

/// A big figure of the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyFigure {
    pub label: String,
    pub value: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Cover(Cover),
    /// A section title; starts a new page in the PDF.
    Section(String),
    Heading(String),
    /// A heading in a stage's colour.
    StageHeading {
        text: String,
        stage: StageId,
    },
    Paragraph(Piece),
    Bullets(Vec<String>),
    KeyFigures(Vec<KeyFigure>),
    /// A chart: its title, the SVG document, the share of the page width it takes, a note,
    /// and its alternate text (what it shows, said in words, for readers who cannot see it).
    Chart {
        title: String,
        svg: String,
        share: f32,
        note: Option<String>,
        alt: String,
    },
    Table {
        columns: Vec<ColumnSpec>,
        rows: Vec<TableRow>,
    },
}
