//! The PDF renderings: the full report and the blank printable grid. A4, the bundled DejaVu
//! fonts embedded, charts as vector forms, page numbers, a running header; the same data
//! and the same date always give the same bytes.

mod assemble;
mod blocks;
mod chart_labels;
mod class_report;
mod finish;
mod grid;
pub mod layout;
mod page;
mod running;
mod tagging;

pub use class_report::{ClassReportInput, DEBRIEF_QUESTIONS, render_class_report};
pub use grid::render_blank_grid;

use crate::charts::ChartError;
use crate::content;
use crate::fonts;
use crate::input::ReportInput;
use crate::numbers;
use crate::words::words;

/// A document that could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Chart(#[from] ChartError),
    #[error("the chart `{chart}` could not be embedded in the PDF: {message}")]
    ChartForm { chart: String, message: String },
    #[error("the bundled font `{name}` could not be read")]
    Font { name: &'static str },
    #[error("the report date cannot be written into the PDF metadata")]
    Date,
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// The author written into every document's metadata: the app that wrote it. The audited
/// organisation is the report's subject, never its author.
pub const AUTHOR: &str = "TCM Workbench";
/// The application that made the document, and the library that wrote its bytes.
const CREATOR: &str = "TCM Workbench";
const PRODUCER: &str = "TCM Workbench (printpdf)";

impl From<layout::UnreadableFont> for ReportError {
    fn from(error: layout::UnreadableFont) -> ReportError {
        ReportError::Font { name: error.name }
    }
}

/// The embedded fonts' metrics.
pub(crate) fn load_fonts() -> Result<page::Fonts, ReportError> {
    Ok(page::Fonts {
        regular: layout::Metrics::from_ttf(fonts::REGULAR, "DejaVu Sans")?,
        bold: layout::Metrics::from_ttf(fonts::BOLD, "DejaVu Sans Bold")?,
    })
}

/// Renders the full report as PDF bytes.
pub fn render_report(input: &ReportInput<'_>) -> Result<Vec<u8>, ReportError> {
    let w = words(input.language);
    let blocks = content::report_blocks(input)?;
    let fonts = load_fonts()?;
    let mut composer = page::Composer::new(&fonts);
    let mut forms = blocks::ChartForms::default();
    blocks::render(&mut composer, &blocks, &mut forms)?;
    let date = numbers::long_date(input.date, input.language);
    let firm = input
        .settings
        .map(|settings| settings.firm_name.trim())
        .unwrap_or_default();
    let footer = if firm.is_empty() {
        format!("{} — {}", w.report_kind, input.assessment.title)
    } else {
        format!("{firm} — {} — {}", w.report_kind, input.assessment.title)
    };
    running::write(
        &mut composer,
        &running::Running {
            left_header: &input.organisation.name,
            right_header: &date,
            left_footer: &footer,
            page: w.page,
            page_separator: w.page_separator,
        },
        true,
    );
    let title = format!("{} — {}", w.report_kind, input.organisation.name);
    let outline = composer.outline().to_vec();
    assemble::assemble(
        composer.finish(),
        forms.forms,
        forms.images,
        &assemble::Metadata {
            title: &title,
            // The audited company is the subject of the report, not its author.
            author: if firm.is_empty() { AUTHOR } else { firm },
            subject: &input.assessment.title,
            date: input.date,
            language: input.language.code(),
            outline: &outline,
        },
    )
}
