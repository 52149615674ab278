//! Organisations: the companies (or schools' case companies) being assessed.

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use tcm_core::{Organisation, OrganisationSize, Sector};

use tcm_core::limits::TextField;

use crate::error::{Result, StoreError};
use crate::records::{OrganisationId, StoredOrganisation};
use crate::text::stored;
use crate::unit::Tx;
use crate::{Store, time};

const COLUMNS: &str = "id, name, sector, size, notes, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<StoredOrganisation> {
    let sector: String = row.get(2)?;
    let size: Option<String> = row.get(3)?;
    Ok(StoredOrganisation {
        id: OrganisationId(row.get(0)?),
        organisation: Organisation {
            name: row.get(1)?,
            sector: sector.parse().unwrap_or(Sector::Other),
            size: size.and_then(|size| size.parse::<OrganisationSize>().ok()),
            notes: row.get(4)?,
        },
        created_at: time::parse(&row.get::<_, String>(5)?),
        updated_at: time::parse(&row.get::<_, String>(6)?),
    })
}

/// The name and notes stored for `organisation`.
fn check(organisation: &Organisation) -> Result<(String, String)> {
    let name = stored(TextField::OrganisationName, &organisation.name)?;
    if name.is_empty() {
        return Err(StoreError::Invalid(
            "an organisation needs a name".to_owned(),
        ));
    }
    let notes = stored(TextField::OrganisationNotes, &organisation.notes)?;
    Ok((name, notes))
}

impl Tx<'_> {
    pub fn create_organisation(&mut self, organisation: &Organisation) -> Result<OrganisationId> {
        let (name, notes) = check(organisation)?;
        self.connection()
            .execute(
                "INSERT INTO organisation (name, sector, size, notes, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                params![
                    name,
                    organisation.sector.as_str(),
                    organisation.size.map(OrganisationSize::as_str),
                    notes,
                    self.now_text()
                ],
            )
            .map_err(self.fail("saving the organisation"))?;
        Ok(OrganisationId(self.connection().last_insert_rowid()))
    }

    pub fn update_organisation(
        &mut self,
        id: OrganisationId,
        organisation: &Organisation,
    ) -> Result<()> {
        let (name, notes) = check(organisation)?;
        let changed = self
            .connection()
            .execute(
                "UPDATE organisation SET name = ?2, sector = ?3, size = ?4, notes = ?5, updated_at = ?6 WHERE id = ?1",
                params![
                    id.0,
                    name,
                    organisation.sector.as_str(),
                    organisation.size.map(OrganisationSize::as_str),
                    notes,
                    self.now_text()
                ],
            )
            .map_err(self.fail("saving the organisation"))?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "organisation",
                id: id.to_string(),
            });
        }
        Ok(())
    }

    /// The organisation with this name (case-insensitive), if there is one.
    pub fn find_organisation(&self, name: &str) -> Result<Option<StoredOrganisation>> {
        find_by_name(self.connection(), self.path(), name)
    }

    /// The organisation with this name, added when there is none.
    pub fn organisation_named(&mut self, organisation: &Organisation) -> Result<OrganisationId> {
        match self.find_organisation(&organisation.name)? {
            Some(existing) => Ok(existing.id),
            None => self.create_organisation(organisation),
        }
    }
}

fn find_by_name(
    connection: &Connection,
    path: &Path,
    name: &str,
) -> Result<Option<StoredOrganisation>> {
    connection
        .query_row(
            &format!("SELECT {COLUMNS} FROM organisation WHERE lower(name) = lower(?1) ORDER BY id LIMIT 1"),
            [name.trim()],
            from_row,
        )
        .optional()
        .map_err(|error| StoreError::from_sqlite(path, "looking for the organisation", error))
}

impl Store {
    pub fn create_organisation(
        &mut self,
        organisation: &Organisation,
        now: DateTime<Utc>,
    ) -> Result<OrganisationId> {
        self.write(now, "saving the organisation", |tx| {
            tx.create_organisation(organisation)
        })
    }

    pub fn update_organisation(
        &mut self,
        id: OrganisationId,
        organisation: &Organisation,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(now, "saving the organisation", |tx| {
            tx.update_organisation(id, organisation)
        })
    }

    pub fn organisation(&self, id: OrganisationId) -> Result<StoredOrganisation> {
        self.connection
            .query_row(
                &format!("SELECT {COLUMNS} FROM organisation WHERE id = ?1"),
                [id.0],
                from_row,
            )
            .optional()
            .map_err(self.fail("reading the organisation"))?
            .ok_or(StoreError::NotFound {
                what: "organisation",
                id: id.to_string(),
            })
    }

    /// The organisation with this name (case-insensitive), if there is one.
    pub fn find_organisation(&self, name: &str) -> Result<Option<StoredOrganisation>> {
        find_by_name(&self.connection, &self.path, name)
    }

    /// Every organisation, by name.
    pub fn list_organisations(&self) -> Result<Vec<StoredOrganisation>> {
        let mut statement = self
            .connection
            .prepare(&format!(
                "SELECT {COLUMNS} FROM organisation ORDER BY name COLLATE NOCASE, id"
            ))
            .map_err(self.fail("listing organisations"))?;
        let rows = statement
            .query_map([], from_row)
            .map_err(self.fail("listing organisations"))?
            .collect::<rusqlite::Result<Vec<_>>>();
        rows.map_err(self.fail("listing organisations"))
    }
}
