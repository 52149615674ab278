//! The report settings a consultant keeps per organisation (migration 007): the firm's name
//! and logo, the cover's lines, the executive summary, the sections left out and the
//! report's language. The logo's bytes are checked by the caller (tcm-report reads them as a
//! bounded PNG or a self-contained SVG) before they come here; the store bounds their size
//! and keeps them as they are.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};
use tcm_core::Language;
use tcm_core::limits::TextField;

use crate::Store;
use crate::error::{Result, StoreError};
use crate::records::OrganisationId;
use crate::text::stored;
use crate::unit::Tx;

/// The largest logo kept, in bytes (1 MiB): a cover logo needs far less.
pub const MAX_LOGO_BYTES: usize = 1024 * 1024;

/// The format of a stored logo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoFormat {
    Png,
    Svg,
}

impl LogoFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            LogoFormat::Png => "png",
            LogoFormat::Svg => "svg",
        }
    }
}

/// A logo's bytes and format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredLogo {
    pub format: LogoFormat,
    pub bytes: Vec<u8>,
}

/// What a consultant set for the reports of one organisation. The default is what a report
/// shows when nothing was set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReportSettingsRecord {
    pub firm_name: String,
    pub logo: Option<StoredLogo>,
    /// The cover's title (empty: the report's kind, "Audit report").
    pub cover_title: String,
    pub prepared_by: String,
    pub prepared_for: String,
    pub confidentiality: String,
    /// Free text, shown first; empty: no executive summary.
    pub executive_summary: String,
    /// The keys of the sections left out (the report names them; unknown keys are kept).
    pub omitted_sections: Vec<String>,
    /// None: the assessment's language.
    pub language: Option<Language>,
}

/// The longest list of omitted section keys, in characters once joined.
const MAX_SECTIONS_CHARS: usize = 400;

fn check_sections(sections: &[String]) -> Result<String> {
    for key in sections {
        if key.is_empty()
            || key.len() > 40
            || !key.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        {
            return Err(StoreError::Invalid(format!(
                "a report section key is made of 1 to 40 lower-case letters or dashes, not `{}`",
                key.escape_debug()
            )));
        }
    }
    let joined = sections.join(",");
    if joined.len() > MAX_SECTIONS_CHARS {
        return Err(StoreError::Invalid(format!(
            "the list of sections left out is {} characters long; it holds at most {MAX_SECTIONS_CHARS}",
            joined.len()
        )));
    }
    Ok(joined)
}

impl Tx<'_> {
    /// Keeps `settings` for an organisation, replacing what was there.
    pub fn save_report_settings(
        &mut self,
        organisation: OrganisationId,
        settings: &ReportSettingsRecord,
    ) -> Result<()> {
        let firm_name = stored(TextField::FirmName, &settings.firm_name)?;
        let cover_title = stored(TextField::CoverField, &settings.cover_title)?;
        let prepared_by = stored(TextField::CoverField, &settings.prepared_by)?;
        let prepared_for = stored(TextField::CoverField, &settings.prepared_for)?;
        let confidentiality = stored(TextField::CoverField, &settings.confidentiality)?;
        let summary = stored(TextField::ExecutiveSummary, &settings.executive_summary)?;
        let sections = check_sections(&settings.omitted_sections)?;
        if let Some(logo) = &settings.logo
            && (logo.bytes.is_empty() || logo.bytes.len() > MAX_LOGO_BYTES)
        {
            return Err(StoreError::Invalid(format!(
                "the logo is {} bytes; it must hold between 1 byte and {MAX_LOGO_BYTES} bytes (1 MiB)",
                logo.bytes.len()
            )));
        }
        let found: i64 = self
            .connection()
            .query_row(
                "SELECT count(*) FROM organisation WHERE id = ?1",
                [organisation.0],
                |row| row.get(0),
            )
            .map_err(self.fail("reading the organisation"))?;
        if found == 0 {
            return Err(StoreError::NotFound {
                what: "organisation",
                id: organisation.to_string(),
            });
        }
        self.connection()
            .execute(
                "INSERT INTO report_settings (organisation_id, firm_name, logo, logo_format,
                    cover_title, prepared_by, prepared_for, confidentiality, executive_summary,
                    omitted_sections, language, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                 ON CONFLICT (organisation_id) DO UPDATE SET
                    firm_name = excluded.firm_name, logo = excluded.logo,
                    logo_format = excluded.logo_format, cover_title = excluded.cover_title,
                    prepared_by = excluded.prepared_by, prepared_for = excluded.prepared_for,
                    confidentiality = excluded.confidentiality,
                    executive_summary = excluded.executive_summary,
                    omitted_sections = excluded.omitted_sections,
                    language = excluded.language, updated_at = excluded.updated_at",
                params![
                    organisation.0,
                    firm_name,
                    settings.logo.as_ref().map(|logo| logo.bytes.as_slice()),
                    settings.logo.as_ref().map(|logo| logo.format.as_str()),
                    cover_title,
                    prepared_by,
                    prepared_for,
                    confidentiality,
                    summary,
                    sections,
                    settings.language.map(Language::code),
                    self.now_text()
                ],
            )
            .map_err(self.fail("saving the report settings"))?;
        Ok(())
    }
}

type Row = (
    String,
    Option<Vec<u8>>,
    Option<String>,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
);

impl Store {
    /// Keeps an organisation's report settings, in their own unit of work.
    pub fn save_report_settings(
        &mut self,
        organisation: OrganisationId,
        settings: &ReportSettingsRecord,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(now, "saving the report settings", |tx| {
            tx.save_report_settings(organisation, settings)
        })
    }

    /// An organisation's report settings; the defaults when none were saved.
    pub fn report_settings(&self, organisation: OrganisationId) -> Result<ReportSettingsRecord> {
        let row: Option<Row> = self
            .connection
            .query_row(
                "SELECT firm_name, logo, logo_format, cover_title, prepared_by, prepared_for,
                        confidentiality, executive_summary, omitted_sections, language
                   FROM report_settings WHERE organisation_id = ?1",
                [organisation.0],
                |row| {
                    Ok((
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                        row.get(5)?,
                        row.get(6)?,
                        row.get(7)?,
                        row.get(8)?,
                        row.get(9)?,
                    ))
                },
            )
            .optional()
            .map_err(self.fail("reading the report settings"))?;
        let Some((
            firm_name,
            logo,
            format,
            title,
            by,
            for_,
            confidentiality,
            summary,
            sections,
            language,
        )) = row
        else {
            return Ok(ReportSettingsRecord::default());
        };
        let format = match format.as_deref() {
            Some("png") => Some(LogoFormat::Png),
            Some("svg") => Some(LogoFormat::Svg),
            _ => None,
        };
        Ok(ReportSettingsRecord {
            firm_name,
            logo: logo
                .zip(format)
                .map(|(bytes, format)| StoredLogo { format, bytes }),
            cover_title: title,
            prepared_by: by,
            prepared_for: for_,
            confidentiality,
            executive_summary: summary,
            omitted_sections: sections
                .split(',')
                .filter(|key| !key.is_empty())
                .map(str::to_owned)
                .collect(),
            language: language.and_then(|code| code.parse().ok()),
        })
    }
}
