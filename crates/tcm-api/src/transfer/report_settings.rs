//! The report settings of an organisation as the Export screen's dialog shows and sends them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{LanguageCode, ReportSection};

/// A logo's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum LogoFormatCode {
    Png,
    Svg,
}

/// The stored logo, described (its bytes stay in the store).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LogoView {
    pub format: LogoFormatCode,
    #[ts(type = "number")]
    pub size_bytes: u64,
    /// Width and height in pixels (an SVG's user units), rounded.
    pub width: u32,
    pub height: u32,
}

/// What the consultant set for the reports of one organisation.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReportSettingsView {
    #[ts(type = "number")]
    pub organisation_id: i64,
    pub firm_name: String,
    pub logo: Option<LogoView>,
    pub cover_title: String,
    pub prepared_by: String,
    pub prepared_for: String,
    pub confidentiality: String,
    pub executive_summary: String,
    /// Every section, in the report's order, and whether it is included.
    pub sections: Vec<ReportSectionChoice>,
    /// None: the assessment's language.
    pub language: Option<LanguageCode>,
    /// The largest logo file accepted, in bytes.
    #[ts(type = "number")]
    pub max_logo_bytes: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReportSectionChoice {
    pub section: ReportSection,
    pub included: bool,
}

/// The settings the dialog saves; the logo is set and cleared by its own commands.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReportSettingsInput {
    pub firm_name: String,
    pub cover_title: String,
    pub prepared_by: String,
    pub prepared_for: String,
    pub confidentiality: String,
    pub executive_summary: String,
    /// The sections left out.
    pub omitted_sections: Vec<ReportSection>,
    pub language: Option<LanguageCode>,
}
