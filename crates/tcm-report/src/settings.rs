//! What the consultant sets for a report: the firm and its logo, the cover's lines, an
//! executive summary written by hand and shown first, and the sections to include. The same
//! settings drive every rendering (PDF, HTML, DOCX).

use crate::logo::Logo;

/// A section of the report that can be left out. The cover is always there; the executive
/// summary appears when one is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    /// The computed summary: key figures, strengths and weaknesses.
    Summary,
    /// The charts (radar, bars, heatmap, dispersion).
    Charts,
    /// The workshop: participation, perception gaps, debated questions, consensus.
    Workshop,
    /// The roadmap and initiatives, or the action plan when no strategy is given.
    Plan,
    /// The details per stage and theme.
    Details,
    /// The appendix: the full list of actions, the scale, the method.
    Appendix,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Summary,
        Section::Charts,
        Section::Workshop,
        Section::Plan,
        Section::Details,
        Section::Appendix,
    ];

    /// The key stored and passed on the command line.
    pub const fn key(self) -> &'static str {
        match self {
            Section::Summary => "summary",
            Section::Charts => "charts",
            Section::Workshop => "workshop",
            Section::Plan => "plan",
            Section::Details => "details",
            Section::Appendix => "appendix",
        }
    }

    pub fn from_key(key: &str) -> Option<Section> {
        Section::ALL
            .into_iter()
            .find(|section| section.key() == key.trim())
    }
}

/// The consultant's settings for one report. The default shows every section with the app's
/// own cover.
#[derive(Debug, Clone, Default)]
pub struct ReportSettings {
    /// The consultant's firm, on the cover and in the running header.
    pub firm_name: String,
    pub logo: Option<Logo>,
    /// The cover's title; empty: the report's kind ("Audit report").
    pub cover_title: String,
    pub prepared_by: String,
    pub prepared_for: String,
    /// A mention such as "Confidential", at the foot of the cover.
    pub confidentiality: String,
    /// Free text, first after the cover; paragraphs separated by blank lines.
    pub executive_summary: String,
    /// The sections left out.
    pub omitted: Vec<Section>,
}

impl ReportSettings {
    pub fn includes(&self, section: Section) -> bool {
        !self.omitted.contains(&section)
    }
}
