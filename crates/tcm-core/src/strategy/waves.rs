//! Waves: when each initiative is carried out — 0–3 months, 3–12 months, 12–24 months from the
//! assessment's date — with the user's moves kept through every re-derivation.
//!
//! The rule, exactly:
//! - Walk the sequence, adding up efforts. An initiative's **midpoint** is the effort before
//!   it plus half its own, over the total effort. Midpoint below 1/8 → first wave, below 1/2
//!   → second wave, else third: each wave's share of the effort follows its share of the 24
//!   months (3, 9 and 12 months). The first initiative of the sequence always starts in the
//!   first wave. Efforts only grow along the sequence, so an initiative is never in an
//!   earlier wave than one it comes after.
//! - A user's **override** wins, always: a wave (the initiative takes that wave's dates), or
//!   explicit dates (the initiative belongs to the wave whose window holds its end date).
//!   Deriving again never changes an overridden initiative; an override naming an initiative
//!   that no longer exists is kept in [`WavePlan::unmatched`], not dropped.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};

use crate::text::Localized;

use super::initiatives::InitiativeId;
use super::sequence::Sequenced;

/// One of the three waves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Wave {
    /// 0–3 months.
    First,
    /// 3–12 months.
    Second,
    /// 12–24 months.
    Third,
}

impl Wave {
    pub const ALL: [Wave; 3] = [Wave::First, Wave::Second, Wave::Third];

    /// 1, 2 or 3.
    pub fn number(self) -> u8 {
        match self {
            Wave::First => 1,
            Wave::Second => 2,
            Wave::Third => 3,
        }
    }

    /// The wave numbered 1, 2 or 3.
    pub fn from_number(number: u8) -> Option<Wave> {
        Wave::ALL.into_iter().find(|wave| wave.number() == number)
    }

    /// Months from the start at which the wave opens and closes.
    pub fn months(self) -> (u32, u32) {
        match self {
            Wave::First => (0, 3),
            Wave::Second => (3, 12),
            Wave::Third => (12, 24),
        }
    }

    /// The wave's dates, counted from `start`.
    pub fn window(self, start: NaiveDate) -> DateRange {
        let (from, to) = self.months();
        DateRange {
            start: add_months(start, from),
            end: add_months(start, to),
        }
    }

    pub fn names(self) -> Localized {
        match self {
            Wave::First => Localized::new("Vague 1 (0 à 3 mois)", "Wave 1 (0 to 3 months)"),
            Wave::Second => Localized::new("Vague 2 (3 à 12 mois)", "Wave 2 (3 to 12 months)"),
            Wave::Third => Localized::new("Vague 3 (12 à 24 mois)", "Wave 3 (12 to 24 months)"),
        }
    }
}

fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// A start and an end, the end never before the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateRange {
    start: NaiveDate,
    end: NaiveDate,
}

/// Dates whose end comes before their start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the end date {end} comes before the start date {start}")]
pub struct InvalidDateRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl DateRange {
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<DateRange, InvalidDateRange> {
        if end < start {
            return Err(InvalidDateRange { start, end });
        }
        Ok(DateRange { start, end })
    }

    pub fn start(&self) -> NaiveDate {
        self.start
    }

    pub fn end(&self) -> NaiveDate {
        self.end
    }
}

/// What the user set for one initiative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaveOverride {
    Wave(Wave),
    Dates(DateRange),
}

/// The user's overrides, by initiative.
pub type WaveOverrides = BTreeMap<InitiativeId, WaveOverride>;

/// Where an initiative's wave comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaveSource {
    Derived,
    /// The user moved it to a wave.
    UserWave,
    /// The user set its dates.
    UserDates,
}

/// One initiative's place in time.
#[derive(Debug, Clone, PartialEq)]
pub struct WaveAssignment {
    pub initiative: InitiativeId,
    pub wave: Wave,
    pub dates: DateRange,
    pub source: WaveSource,
}

/// Every initiative's wave, in the order of the sequence.
#[derive(Debug, Clone, PartialEq)]
pub struct WavePlan {
    /// The assessment's date: wave 1 opens on it.
    pub start: NaiveDate,
    pub assignments: Vec<WaveAssignment>,
    /// Overrides about initiatives the plan no longer has, kept for the user to see.
    pub unmatched: Vec<(InitiativeId, WaveOverride)>,
}

impl WavePlan {
    pub fn assignment(&self, initiative: &InitiativeId) -> Option<&WaveAssignment> {
        self.assignments
            .iter()
            .find(|assignment| &assignment.initiative == initiative)
    }

    pub fn wave_of(&self, initiative: &InitiativeId) -> Option<Wave> {
        self.assignment(initiative)
            .map(|assignment| assignment.wave)
    }

    /// The initiatives of one wave, in the order of the sequence.
    pub fn in_wave(&self, wave: Wave) -> impl Iterator<Item = &WaveAssignment> {
        self.assignments
            .iter()
            .filter(move |assignment| assignment.wave == wave)
    }
}

/// Assigns each sequenced initiative a wave; see the module's documentation for the rule.
pub fn plan_waves(sequence: &[Sequenced], start: NaiveDate, overrides: &WaveOverrides) -> WavePlan {
    let total: u32 = sequence
        .iter()
        .map(|sequenced| sequenced.initiative.effort)
        .sum();
    let mut before: u32 = 0;
    let mut assignments = Vec::with_capacity(sequence.len());
    for (index, sequenced) in sequence.iter().enumerate() {
        let effort = sequenced.initiative.effort;
        let derived = if index == 0 {
            Wave::First
        } else {
            derived_wave(before, effort, total)
        };
        before += effort;
        let id = &sequenced.initiative.id;
        let (wave, dates, source) = match overrides.get(id) {
            None => (derived, derived.window(start), WaveSource::Derived),
            Some(WaveOverride::Wave(wave)) => (*wave, wave.window(start), WaveSource::UserWave),
            Some(WaveOverride::Dates(dates)) => {
                (wave_ending(start, dates.end), *dates, WaveSource::UserDates)
            }
        };
        assignments.push(WaveAssignment {
            initiative: id.clone(),
            wave,
            dates,
            source,
        });
    }
    let unmatched = overrides
        .iter()
        .filter(|(id, _)| {
            !sequence
                .iter()
                .any(|sequenced| &sequenced.initiative.id == *id)
        })
        .map(|(id, value)| (id.clone(), *value))
        .collect();
    WavePlan {
        start,
        assignments,
        unmatched,
    }
}

/// The wave of an initiative whose effort starts after `before` of `total`: by its midpoint,
/// compared in integers (midpoint < 1/8 ⇔ 8 × (2 × before + effort) < 2 × total).
fn derived_wave(before: u32, effort: u32, total: u32) -> Wave {
    let midpoint_twice = u64::from(before) * 2 + u64::from(effort);
    let total = u64::from(total.max(1));
    if midpoint_twice * 8 < total * 2 {
        Wave::First
    } else if midpoint_twice * 2 < total * 2 {
        Wave::Second
    } else {
        Wave::Third
    }
}

/// The wave whose window holds `end`.
fn wave_ending(start: NaiveDate, end: NaiveDate) -> Wave {
    Wave::ALL
        .into_iter()
        .find(|wave| end <= wave.window(start).end)
        .unwrap_or(Wave::Third)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn windows_follow_the_months() {
        let start = date(2026, 3, 12);
        let cases = [
            (Wave::First, date(2026, 3, 12), date(2026, 6, 12)),
            (Wave::Second, date(2026, 6, 12), date(2027, 3, 12)),
            (Wave::Third, date(2027, 3, 12), date(2028, 3, 12)),
        ];
        for (wave, from, to) in cases {
            assert_eq!(
                wave.window(start),
                DateRange {
                    start: from,
                    end: to
                },
                "{wave:?}"
            );
        }
        // The end of a month stays in the month.
        assert_eq!(
            Wave::First.window(date(2026, 11, 30)).end,
            date(2027, 2, 28)
        );
    }

    #[test]
    fn numbers_name_the_waves() {
        for wave in Wave::ALL {
            assert_eq!(Wave::from_number(wave.number()), Some(wave));
        }
        assert_eq!(Wave::from_number(0), None);
        assert_eq!(Wave::from_number(4), None);
    }

    #[test]
    fn midpoints_pick_the_wave() {
        let cases = [
            (0, 1, 16, Wave::First),
            (1, 1, 16, Wave::First),
            (2, 1, 16, Wave::Second),
            (7, 1, 16, Wave::Second),
            (7, 2, 16, Wave::Third),
            (15, 1, 16, Wave::Third),
            (0, 0, 0, Wave::First),
        ];
        for (before, effort, total, expected) in cases {
            assert_eq!(
                derived_wave(before, effort, total),
                expected,
                "{before}+{effort}/{total}"
            );
        }
    }

    #[test]
    fn dates_fall_in_the_wave_holding_their_end() {
        let start = date(2026, 1, 1);
        let cases = [
            (date(2025, 12, 1), Wave::First),
            (date(2026, 4, 1), Wave::First),
            (date(2026, 4, 2), Wave::Second),
            (date(2027, 1, 1), Wave::Second),
            (date(2027, 6, 1), Wave::Third),
            (date(2030, 1, 1), Wave::Third),
        ];
        for (end, expected) in cases {
            assert_eq!(wave_ending(start, end), expected, "{end}");
        }
    }

    #[test]
    fn a_range_ending_before_it_starts_is_refused() {
        let error = DateRange::new(date(2026, 5, 1), date(2026, 4, 1)).expect_err("refused");
        assert_eq!(
            error.to_string(),
            "the end date 2026-04-01 comes before the start date 2026-05-01"
        );
        assert!(DateRange::new(date(2026, 5, 1), date(2026, 5, 1)).is_ok());
    }
}
