//! Opening the database the user chose (`--db`, `TCM_DB` or the default), and reading
//! arguments that name stored things.

use std::path::PathBuf;

use anyhow::anyhow;
use chrono::Utc;
use tcm_core::Questionnaire;
use tcm_store::{OrganisationId, Store};

use crate::failure::Failure;
use crate::load;

/// The database file to use.
pub fn path(given: Option<PathBuf>) -> Result<PathBuf, Failure> {
    tcm_store::location::resolve(given).ok_or_else(|| {
        Failure::Error(anyhow!(
            "no data folder was found for the database; pass --db FILE or set TCM_DB"
        ))
    })
}

/// Opens (creating if needed) the database.
pub fn open(given: Option<PathBuf>) -> Result<Store, Failure> {
    let path = path(given)?;
    Store::open(&path, Utc::now()).map_err(store_failure)
}

/// Writes a file the user asked for (`--out`), whole or not at all, never over `database`
/// (the one in use, or the default one), its companion files or its backups.
pub fn write_output(
    database: Option<&std::path::Path>,
    target: &std::path::Path,
    bytes: &[u8],
) -> Result<(), Failure> {
    let default = match database {
        Some(_) => None,
        None => tcm_store::location::resolve(None),
    };
    let protected = database
        .or(default.as_deref())
        .map(tcm_store::output::ProtectedPaths::of_database);
    tcm_store::output::write_output(target, bytes, protected.as_ref()).map_err(store_failure)
}

pub fn store_failure(error: tcm_store::StoreError) -> Failure {
    Failure::Error(anyhow::Error::new(error))
}

/// An organisation named by its id or its name.
pub fn organisation(store: &Store, reference: &str) -> Result<OrganisationId, Failure> {
    if let Ok(id) = reference.trim().parse::<i64>() {
        return store
            .organisation(OrganisationId(id))
            .map(|found| found.id)
            .map_err(store_failure);
    }
    store
        .find_organisation(reference)
        .map_err(store_failure)?
        .map(|found| found.id)
        .ok_or_else(|| {
            Failure::Error(anyhow!(
                "no organisation is named « {reference} »; add it with `tcm org add --name …` or see `tcm org list`"
            ))
        })
}

/// A bundled questionnaire by id (tcm-92, tcm-25-classroom), or a questionnaire file.
pub fn questionnaire(reference: &str) -> Result<Questionnaire, Failure> {
    let bundled = tcm_api::catalogue::bundled()
        .map_err(|invalid| Failure::Error(anyhow!(invalid.report())))?;
    if let Some(found) = bundled
        .iter()
        .find(|questionnaire| questionnaire.id() == reference)
    {
        return Ok(found.clone());
    }
    let path = std::path::Path::new(reference);
    if path.exists() {
        return load::questionnaire(path);
    }
    let known: Vec<&str> = bundled.iter().map(Questionnaire::id).collect();
    Err(Failure::Error(anyhow!(
        "no questionnaire `{reference}`: use one of {} or a questionnaire file",
        known.join(", ")
    )))
}
