//! The report settings remembered per organisation: read, saved, the logo set from a file the
//! user picked (read within a bound, checked by `tcm_report::Logo` as a hostile file) or
//! cleared; and the settings a report is rendered with.

use std::io::Read;
use std::path::Path;

use tcm_report::{Logo, ReportSettings, Section};
use tcm_store::{LogoFormat, OrganisationId, ReportSettingsRecord, Store, StoredLogo};

use crate::error::{ApiError, ErrorKind};
use crate::transfer::{
    LogoFormatCode, LogoView, ReportSection, ReportSectionChoice, ReportSettingsInput,
    ReportSettingsView,
};
use crate::workbench::Workbench;

/// The largest logo file read, in bytes (1 MiB; the store keeps no larger one).
pub const MAX_LOGO_BYTES: usize = tcm_report::logo::MAX_LOGO_BYTES;

/// Reads a logo file without reading more than [`MAX_LOGO_BYTES`] + 1 bytes of it, then
/// checks it. The message names the file.
pub fn read_logo_file(path: &Path) -> Result<Logo, ApiError> {
    let shown = path.display();
    let file = std::fs::File::open(path).map_err(|error| {
        ApiError::new(
            ErrorKind::Storage,
            format!("cannot read the logo {shown}: {error}"),
        )
    })?;
    let mut bytes = Vec::new();
    file.take(MAX_LOGO_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| {
            ApiError::new(
                ErrorKind::Storage,
                format!("cannot read the logo {shown}: {error}"),
            )
        })?;
    Logo::read(&bytes).map_err(|error| {
        let error = match error {
            // Only MAX + 1 bytes were read: say "more than" rather than a wrong size.
            tcm_report::LogoError::TooLarge { .. } => format!(
                "the logo file is larger than {MAX_LOGO_BYTES} bytes (1 MiB): export a smaller one"
            ),
            other => other.to_string(),
        };
        ApiError::invalid(format!("{shown}: {error}"))
    })
}

fn stored_logo(logo: &Logo) -> StoredLogo {
    StoredLogo {
        format: match logo.format() {
            tcm_report::logo::LogoFormat::Png => LogoFormat::Png,
            tcm_report::logo::LogoFormat::Svg => LogoFormat::Svg,
        },
        bytes: logo.bytes().to_vec(),
    }
}

/// The settings a report is rendered with, from the stored record. A stored logo that no
/// longer reads (it passed the checks when it was saved) is an error, not a silent omission.
pub fn report_settings_of(record: &ReportSettingsRecord) -> Result<ReportSettings, ApiError> {
    let logo = record
        .logo
        .as_ref()
        .map(|logo| {
            Logo::read(&logo.bytes).map_err(|error| {
                ApiError::invalid(format!(
                    "the logo saved in the report settings cannot be used ({error}): choose it again"
                ))
            })
        })
        .transpose()?;
    Ok(ReportSettings {
        firm_name: record.firm_name.clone(),
        logo,
        cover_title: record.cover_title.clone(),
        prepared_by: record.prepared_by.clone(),
        prepared_for: record.prepared_for.clone(),
        confidentiality: record.confidentiality.clone(),
        executive_summary: record.executive_summary.clone(),
        omitted: record
            .omitted_sections
            .iter()
            .filter_map(|key| Section::from_key(key))
            .collect(),
    })
}

fn view(organisation: OrganisationId, record: &ReportSettingsRecord) -> ReportSettingsView {
    let logo = record.logo.as_ref().map(|stored| {
        let (width, height) = Logo::read(&stored.bytes)
            .map(|logo| logo.size())
            .unwrap_or((0.0, 0.0));
        LogoView {
            format: match stored.format {
                LogoFormat::Png => LogoFormatCode::Png,
                LogoFormat::Svg => LogoFormatCode::Svg,
            },
            size_bytes: stored.bytes.len() as u64,
            width: width.round() as u32,
            height: height.round() as u32,
        }
    });
    ReportSettingsView {
        organisation_id: organisation.0,
        firm_name: record.firm_name.clone(),
        logo,
        cover_title: record.cover_title.clone(),
        prepared_by: record.prepared_by.clone(),
        prepared_for: record.prepared_for.clone(),
        confidentiality: record.confidentiality.clone(),
        executive_summary: record.executive_summary.clone(),
        sections: Section::ALL
            .into_iter()
            .map(|section| ReportSectionChoice {
                section: ReportSection::from(section),
                included: !record
                    .omitted_sections
                    .iter()
                    .any(|key| key == section.key()),
            })
            .collect(),
        language: record.language.map(Into::into),
        max_logo_bytes: MAX_LOGO_BYTES as u64,
    }
}

fn checked_organisation(store: &Store, organisation: i64) -> Result<OrganisationId, ApiError> {
    let id = OrganisationId(organisation);
    store.organisation(id)?;
    Ok(id)
}

/// An organisation's report settings (the defaults when none were saved).
pub fn report_settings(
    workbench: &Workbench,
    organisation: i64,
) -> Result<ReportSettingsView, ApiError> {
    workbench.with_store(|store, _| {
        let id = checked_organisation(store, organisation)?;
        Ok(view(id, &store.report_settings(id)?))
    })
}

/// Saves an organisation's report settings; the logo stays as it was.
pub fn save_report_settings(
    workbench: &Workbench,
    organisation: i64,
    input: ReportSettingsInput,
) -> Result<ReportSettingsView, ApiError> {
    workbench.with_store(|store, now| {
        let id = checked_organisation(store, organisation)?;
        let current = store.report_settings(id)?;
        let record = ReportSettingsRecord {
            firm_name: input.firm_name,
            logo: current.logo,
            cover_title: input.cover_title,
            prepared_by: input.prepared_by,
            prepared_for: input.prepared_for,
            confidentiality: input.confidentiality,
            executive_summary: input.executive_summary,
            omitted_sections: Section::ALL
                .into_iter()
                .filter(|section| {
                    input
                        .omitted_sections
                        .contains(&ReportSection::from(*section))
                })
                .map(|section| section.key().to_owned())
                .collect(),
            language: input.language.map(Into::into),
        };
        store.save_report_settings(id, &record, now)?;
        Ok(view(id, &store.report_settings(id)?))
    })
}

/// Sets an organisation's logo from a file; a refused file leaves the saved logo as it was.
pub fn set_report_logo(
    workbench: &Workbench,
    organisation: i64,
    path: &Path,
) -> Result<ReportSettingsView, ApiError> {
    let logo = read_logo_file(path)?;
    workbench.with_store(|store, now| {
        let id = checked_organisation(store, organisation)?;
        let record = ReportSettingsRecord {
            logo: Some(stored_logo(&logo)),
            ..store.report_settings(id)?
        };
        store.save_report_settings(id, &record, now)?;
        Ok(view(id, &store.report_settings(id)?))
    })
}

/// Removes an organisation's logo.
pub fn clear_report_logo(
    workbench: &Workbench,
    organisation: i64,
) -> Result<ReportSettingsView, ApiError> {
    workbench.with_store(|store, now| {
        let id = checked_organisation(store, organisation)?;
        let record = ReportSettingsRecord {
            logo: None,
            ..store.report_settings(id)?
        };
        store.save_report_settings(id, &record, now)?;
        Ok(view(id, &store.report_settings(id)?))
    })
}

/// Saves `settings` (with their logo) as an organisation's report settings: what the CLI's
/// `--remember` does.
pub fn remember(
    store: &mut Store,
    organisation: OrganisationId,
    settings: &ReportSettings,
    language: Option<tcm_core::Language>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), ApiError> {
    let record = ReportSettingsRecord {
        firm_name: settings.firm_name.clone(),
        logo: settings.logo.as_ref().map(stored_logo),
        cover_title: settings.cover_title.clone(),
        prepared_by: settings.prepared_by.clone(),
        prepared_for: settings.prepared_for.clone(),
        confidentiality: settings.confidentiality.clone(),
        executive_summary: settings.executive_summary.clone(),
        omitted_sections: settings
            .omitted
            .iter()
            .map(|section| section.key().to_owned())
            .collect(),
        language,
    };
    store.save_report_settings(organisation, &record, now)?;
    Ok(())
}
