//! The private benchmark: a consultant's own past audits (from the database or a folder of
//! `.tcm` files, read by the caller) as distributions, and the client placed on them.
//!
//! The rule, exactly:
//! - For each stage and for the overall index, the **cell** is the most specific of: the
//!   client's sector and size, its sector, its size, all audits — the first that holds at
//!   least [`MIN_AUDITS`] audits with a value for that figure. No cell holds five: nothing
//!   is shown for that figure, not even the count.
//! - **Quartiles** by linear interpolation between the sorted values (the method of most
//!   spreadsheets' `QUARTILE.INC`). Minimum and maximum are never given: each is a single
//!   client's score.
//! - **Position**: below the first quartile → lower quartile; below the median → second;
//!   below the third quartile → third; otherwise upper.
//! - Values that are not finite numbers are ignored. The caller leaves the client's own audit
//!   out of the past audits.

use crate::assessment::{OrganisationSize, Sector};
use crate::stage::StageId;
use crate::text::Localized;

/// No figure rests on fewer audits than this.
pub const MIN_AUDITS: usize = 5;

/// What the benchmark knows of one past audit (or of the client).
#[derive(Debug, Clone, PartialEq)]
pub struct AuditFigures {
    pub sector: Sector,
    pub size: Option<OrganisationSize>,
    /// Stage scores 0–100, in the order of the cycle.
    pub stages: [Option<f64>; 5],
    pub overall: Option<f64>,
}

impl AuditFigures {
    fn value(&self, measure: Measure) -> Option<f64> {
        match measure {
            Measure::Stage(stage) => self.stages[stage.index()],
            Measure::Overall => self.overall,
        }
        .filter(|value| value.is_finite())
    }
}

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    Stage(StageId),
    Overall,
}

impl Measure {
    /// The five stages, then the overall index.
    pub const ALL: [Measure; 6] = [
        Measure::Stage(StageId::Creative),
        Measure::Stage(StageId::Active),
        Measure::Stage(StageId::Curative),
        Measure::Stage(StageId::Preventive),
        Measure::Stage(StageId::Proactive),
        Measure::Overall,
    ];

    pub fn names(self) -> Localized {
        match self {
            Measure::Stage(stage) => stage.default_name(),
            Measure::Overall => crate::vocabulary::OVERALL_INDEX.localized(),
        }
    }
}

/// The audits a figure is drawn from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cell {
    SectorAndSize(Sector, OrganisationSize),
    Sector(Sector),
    Size(OrganisationSize),
    All,
}

impl Cell {
    fn holds(self, audit: &AuditFigures) -> bool {
        match self {
            Cell::SectorAndSize(sector, size) => audit.sector == sector && audit.size == Some(size),
            Cell::Sector(sector) => audit.sector == sector,
            Cell::Size(size) => audit.size == Some(size),
            Cell::All => true,
        }
    }

    /// "de vos 14 audits du secteur Industrie" / "of your 14 audits in Industry".
    fn describe(self, count: usize) -> Localized {
        match self {
            Cell::SectorAndSize(sector, size) => Localized::new(
                format!(
                    "de vos {count} audits du secteur {} ({})",
                    sector.names().fr,
                    lower_first(&size.names().fr)
                ),
                format!(
                    "of your {count} audits in {} ({})",
                    sector.names().en,
                    lower_first(&size.names().en)
                ),
            ),
            Cell::Sector(sector) => Localized::new(
                format!("de vos {count} audits du secteur {}", sector.names().fr),
                format!("of your {count} audits in {}", sector.names().en),
            ),
            Cell::Size(size) => Localized::new(
                format!(
                    "de vos {count} audits d’organisations de {}",
                    lower_first(&size.names().fr)
                ),
                format!(
                    "of your {count} audits of organisations of {}",
                    lower_first(&size.names().en)
                ),
            ),
            Cell::All => Localized::new(
                format!("de vos {count} audits"),
                format!("of your {count} audits"),
            ),
        }
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// First quartile, median and third quartile.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quartiles {
    pub first: f64,
    pub median: f64,
    pub third: f64,
}

impl Quartiles {
    /// The quartiles of some values, sorted in place; `None` when there are none.
    pub fn of(values: &mut [f64]) -> Option<Quartiles> {
        if values.is_empty() {
            return None;
        }
        values.sort_by(f64::total_cmp);
        Some(Quartiles {
            first: quantile(values, 1, 4),
            median: quantile(values, 2, 4),
            third: quantile(values, 3, 4),
        })
    }

    pub fn position(&self, value: f64) -> Position {
        if value < self.first {
            Position::LowerQuartile
        } else if value < self.median {
            Position::SecondQuartile
        } else if value < self.third {
            Position::ThirdQuartile
        } else {
            Position::UpperQuartile
        }
    }
}

/// The `numerator/denominator` quantile of sorted, non-empty values, interpolated.
fn quantile(sorted: &[f64], numerator: usize, denominator: usize) -> f64 {
    let last = sorted.len() - 1;
    let scaled = last * numerator;
    let below = scaled / denominator;
    let fraction = (scaled % denominator) as f64 / denominator as f64;
    match sorted.get(below + 1) {
        Some(next) => sorted[below] + (next - sorted[below]) * fraction,
        None => sorted[below],
    }
}

/// Where a value stands on a distribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Position {
    LowerQuartile,
    SecondQuartile,
    ThirdQuartile,
    UpperQuartile,
}

impl Position {
    pub fn names(self) -> Localized {
        match self {
            Position::LowerQuartile => Localized::new("quartile inférieur", "lower quartile"),
            Position::SecondQuartile => Localized::new("deuxième quartile", "second quartile"),
            Position::ThirdQuartile => Localized::new("troisième quartile", "third quartile"),
            Position::UpperQuartile => Localized::new("quartile supérieur", "upper quartile"),
        }
    }
}

/// One figure of the benchmark.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchmarkFigure {
    pub measure: Measure,
    pub cell: Cell,
    /// The audits it rests on: always at least [`MIN_AUDITS`].
    pub count: usize,
    pub quartiles: Quartiles,
    /// The client's value and position, when the client has a value.
    pub client: Option<(f64, Position)>,
    /// "Proactive : quartile inférieur de vos 14 audits du secteur Industrie"; without a
    /// client value, the cell alone ("de vos 14 audits…").
    pub sentence: Localized,
}

/// Places `client` on the distributions of `past` audits: one figure per measure that has a
/// cell of at least [`MIN_AUDITS`] audits, in the order of [`Measure::ALL`].
pub fn benchmark(client: &AuditFigures, past: &[AuditFigures]) -> Vec<BenchmarkFigure> {
    let mut cells = Vec::with_capacity(4);
    if let Some(size) = client.size {
        cells.push(Cell::SectorAndSize(client.sector, size));
    }
    cells.push(Cell::Sector(client.sector));
    if let Some(size) = client.size {
        cells.push(Cell::Size(size));
    }
    cells.push(Cell::All);

    let mut figures = Vec::new();
    let mut values = Vec::with_capacity(past.len());
    for measure in Measure::ALL {
        for &cell in &cells {
            values.clear();
            values.extend(
                past.iter()
                    .filter(|audit| cell.holds(audit))
                    .filter_map(|audit| audit.value(measure)),
            );
            if values.len() < MIN_AUDITS {
                continue;
            }
            let Some(quartiles) = Quartiles::of(&mut values) else {
                continue;
            };
            let count = values.len();
            let client = client
                .value(measure)
                .map(|value| (value, quartiles.position(value)));
            figures.push(BenchmarkFigure {
                measure,
                cell,
                count,
                quartiles,
                client,
                sentence: sentence(measure, cell, count, client.map(|(_, position)| position)),
            });
            break;
        }
    }
    figures
}

fn sentence(measure: Measure, cell: Cell, count: usize, position: Option<Position>) -> Localized {
    let name = measure.names();
    let cell = cell.describe(count);
    match position {
        Some(position) => {
            let position = position.names();
            Localized::new(
                format!("{}\u{a0}: {} {}", name.fr, position.fr, cell.fr),
                format!("{}: {} {}", name.en, position.en, cell.en),
            )
        }
        None => Localized::new(
            format!("{}\u{a0}: distribution {}", name.fr, cell.fr),
            format!("{}: distribution {}", name.en, cell.en),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quartiles_interpolate_as_spreadsheets_do() {
        type Case = (&'static [f64], (f64, f64, f64));
        let cases: &[Case] = &[
            (&[10.0], (10.0, 10.0, 10.0)),
            (&[1.0, 2.0, 3.0, 4.0, 5.0], (2.0, 3.0, 4.0)),
            (&[5.0, 1.0, 4.0, 2.0, 3.0, 6.0], (2.25, 3.5, 4.75)),
            (&[0.0, 100.0], (25.0, 50.0, 75.0)),
        ];
        for (values, (first, median, third)) in cases {
            let mut values = values.to_vec();
            let quartiles = Quartiles::of(&mut values).expect("values");
            assert_eq!(
                (quartiles.first, quartiles.median, quartiles.third),
                (*first, *median, *third),
                "{values:?}"
            );
        }
        assert_eq!(Quartiles::of(&mut []), None);
    }

    #[test]
    fn positions_follow_the_quartiles() {
        let quartiles = Quartiles {
            first: 20.0,
            median: 40.0,
            third: 60.0,
        };
        for (value, expected) in [
            (0.0, Position::LowerQuartile),
            (19.9, Position::LowerQuartile),
            (20.0, Position::SecondQuartile),
            (40.0, Position::ThirdQuartile),
            (59.9, Position::ThirdQuartile),
            (60.0, Position::UpperQuartile),
            (100.0, Position::UpperQuartile),
        ] {
            assert_eq!(quartiles.position(value), expected, "{value}");
        }
    }
}
