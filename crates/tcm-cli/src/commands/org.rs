//! `tcm org add` and `tcm org list`.

use anyhow::anyhow;
use chrono::Utc;
use tcm_core::{Language, Organisation, OrganisationSize, Sector};

use crate::cli::OrgCommand;
use crate::database::{self, store_failure};
use crate::failure::Failure;
use crate::output::table;

pub fn run(command: &OrgCommand, db: Option<std::path::PathBuf>) -> Result<(), Failure> {
    let mut store = database::open(db)?;
    match command {
        OrgCommand::Add {
            name,
            sector,
            size,
            notes,
        } => {
            let sector: Sector = sector
                .parse()
                .map_err(|error| Failure::Error(anyhow!("{error}")))?;
            let size = size
                .as_deref()
                .map(str::parse::<OrganisationSize>)
                .transpose()
                .map_err(|error| Failure::Error(anyhow!("{error}")))?;
            let organisation = Organisation {
                name: name.clone(),
                sector,
                size,
                notes: notes.clone(),
            };
            let id = store
                .create_organisation(&organisation, Utc::now())
                .map_err(store_failure)?;
            crate::output::emit::line(&format!(
                "organisation {id} added: {}",
                organisation.name.trim()
            ))?;
        }
        OrgCommand::List => {
            let organisations = store.list_organisations().map_err(store_failure)?;
            let mut rows = vec![
                ["id", "name", "sector", "size", "notes"]
                    .map(str::to_owned)
                    .to_vec(),
            ];
            for stored in organisations {
                let organisation = stored.organisation;
                rows.push(vec![
                    stored.id.to_string(),
                    organisation.name,
                    organisation.sector.name(Language::English),
                    organisation
                        .size
                        .map(|size| size.name(Language::English))
                        .unwrap_or_default(),
                    organisation.notes,
                ]);
            }
            crate::output::emit::emit(&table::render(&rows))?;
        }
    }
    Ok(())
}
