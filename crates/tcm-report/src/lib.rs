//! Documents made from TCM data. Data in, text or bytes out: this crate writes no file.
//!
//! - [`render_report`]: the audit report as PDF bytes, from a [`ReportInput`].
//! - [`render_report_docx`]: the same report as an editable Word document.
//! - [`render_report_html`]: the same content as one HTML page (used to compare with a
//!   browser's printing).
//! - [`render_blank_grid`]: a questionnaire as a printable PDF form for paper workshops.
//! - [`charts`]: the report's charts as SVG documents (radar, bars, heatmap, dispersion).
//! - [`Logo`], [`ReportSettings`]: the consultant's logo (checked as a hostile file), cover and
//!   sections.
//! - [`grid_markdown`]: a questionnaire as Markdown, for teachers and consultants to review.

pub mod case_markdown;
pub mod charts;
mod content;
mod document;
mod docx;
mod fonts;
pub mod grid_markdown;
mod html;
mod input;
pub mod logo;
mod markdown;
mod numbers;
mod pdf;
mod raster;
mod settings;
mod words;

pub use docx::render_report_docx;
pub use html::render_report_html;
pub use input::{History, PreviousAssessment, ReportInput};
pub use logo::{Logo, LogoError};
pub use pdf::{
    ClassReportInput, DEBRIEF_QUESTIONS, ReportError, render_blank_grid, render_class_report,
    render_report,
};
pub use settings::{ReportSettings, Section};
