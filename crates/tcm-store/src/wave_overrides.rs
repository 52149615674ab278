//! The user's wave overrides in an assessment's roadmap: an initiative moved to another wave
//! or given its own dates. Only the user's actions write these rows; deriving the strategy
//! reads them ([`Store::wave_overrides`]) and never changes them, so a re-derivation cannot
//! overwrite a user's edit.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::params;
use tcm_core::strategy::waves::WaveOverrides;
use tcm_core::strategy::{DateRange, InitiativeId, Wave, WaveOverride};

use crate::Store;
use crate::error::{Result, StoreError};
use crate::records::AssessmentId;
use crate::unit::Tx;

/// The longest initiative id kept (ids are made of theme ids joined by `+`).
pub const MAX_INITIATIVE_ID_CHARS: usize = 400;

const DAY: &str = "%Y-%m-%d";

fn check_initiative(initiative: &InitiativeId) -> Result<()> {
    let length = initiative.as_str().chars().count();
    if initiative.as_str().trim().is_empty() || length > MAX_INITIATIVE_ID_CHARS {
        return Err(StoreError::Invalid(format!(
            "an initiative id has 1 to {MAX_INITIATIVE_ID_CHARS} characters, not {length}"
        )));
    }
    Ok(())
}

impl Tx<'_> {
    fn check_assessment_exists(&self, assessment: AssessmentId) -> Result<()> {
        let found: i64 = self
            .connection()
            .query_row(
                "SELECT count(*) FROM assessment WHERE id = ?1",
                [assessment.0],
                |row| row.get(0),
            )
            .map_err(self.fail("reading the assessment"))?;
        if found == 0 {
            return Err(StoreError::NotFound {
                what: "assessment",
                id: assessment.to_string(),
            });
        }
        Ok(())
    }

    /// Keeps the user's choice for one initiative, replacing any earlier one.
    pub fn set_wave_override(
        &mut self,
        assessment: AssessmentId,
        initiative: &InitiativeId,
        value: WaveOverride,
    ) -> Result<()> {
        check_initiative(initiative)?;
        self.check_assessment_exists(assessment)?;
        let (wave, start, end) = match value {
            WaveOverride::Wave(wave) => (Some(wave.number()), None, None),
            WaveOverride::Dates(dates) => (
                None,
                Some(dates.start().format(DAY).to_string()),
                Some(dates.end().format(DAY).to_string()),
            ),
        };
        self.connection()
            .execute(
                "INSERT INTO wave_override (assessment_id, initiative_id, wave, start_date, end_date, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (assessment_id, initiative_id) DO UPDATE SET
                    wave = excluded.wave, start_date = excluded.start_date,
                    end_date = excluded.end_date, updated_at = excluded.updated_at",
                params![
                    assessment.0,
                    initiative.as_str(),
                    wave,
                    start,
                    end,
                    self.now_text()
                ],
            )
            .map_err(self.fail("saving the initiative's wave"))?;
        Ok(())
    }

    /// Forgets every override of an assessment (an import replacing them by its file's).
    pub(crate) fn clear_wave_overrides(&mut self, assessment: AssessmentId) -> Result<()> {
        self.connection()
            .execute(
                "DELETE FROM wave_override WHERE assessment_id = ?1",
                [assessment.0],
            )
            .map_err(self.fail("clearing the roadmap's overrides"))?;
        Ok(())
    }

    /// Forgets the user's choice for one initiative, which takes its derived wave again.
    /// Whether there was one.
    pub fn clear_wave_override(
        &mut self,
        assessment: AssessmentId,
        initiative: &InitiativeId,
    ) -> Result<bool> {
        self.check_assessment_exists(assessment)?;
        let removed = self
            .connection()
            .execute(
                "DELETE FROM wave_override WHERE assessment_id = ?1 AND initiative_id = ?2",
                params![assessment.0, initiative.as_str()],
            )
            .map_err(self.fail("clearing the initiative's wave"))?;
        Ok(removed > 0)
    }
}

fn parse_day(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|text| NaiveDate::parse_from_str(&text, DAY).ok())
}

impl Store {
    /// Moves an initiative to a wave or gives it dates, in its own unit of work.
    pub fn set_wave_override(
        &mut self,
        assessment: AssessmentId,
        initiative: &InitiativeId,
        value: WaveOverride,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(now, "saving the initiative's wave", |tx| {
            tx.set_wave_override(assessment, initiative, value)
        })
    }

    /// Gives an initiative back its derived wave, in its own unit of work. Whether it had an
    /// override.
    pub fn clear_wave_override(
        &mut self,
        assessment: AssessmentId,
        initiative: &InitiativeId,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        self.write(now, "clearing the initiative's wave", |tx| {
            tx.clear_wave_override(assessment, initiative)
        })
    }

    /// Every override the user set in an assessment, by initiative. A row the schema let
    /// through but that no longer reads as a wave or a valid range is left out (and left in
    /// the file).
    pub fn wave_overrides(&self, assessment: AssessmentId) -> Result<WaveOverrides> {
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT initiative_id, wave, start_date, end_date FROM wave_override
                  WHERE assessment_id = ?1 ORDER BY initiative_id",
            )
            .map_err(self.fail("reading the roadmap's overrides"))?;
        let rows = statement
            .query_map([assessment.0], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, Option<u8>>(1)?,
                    row.get::<_, Option<String>>(2)?,
                    row.get::<_, Option<String>>(3)?,
                ))
            })
            .map_err(self.fail("reading the roadmap's overrides"))?;
        let mut overrides = WaveOverrides::new();
        for row in rows {
            let (initiative, wave, start, end) =
                row.map_err(self.fail("reading the roadmap's overrides"))?;
            let value = match (
                wave.and_then(Wave::from_number),
                parse_day(start),
                parse_day(end),
            ) {
                (Some(wave), _, _) => Some(WaveOverride::Wave(wave)),
                (None, Some(start), Some(end)) => {
                    DateRange::new(start, end).ok().map(WaveOverride::Dates)
                }
                _ => None,
            };
            if let Some(value) = value {
                overrides.insert(InitiativeId::new(initiative), value);
            }
        }
        Ok(overrides)
    }
}
