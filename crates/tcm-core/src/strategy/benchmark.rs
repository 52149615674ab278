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
//! - Values that are not finite numbers are ignored.
//! - **One audit per client** ([`one_per_client`]): the client's own audits are left out, and
//!   of every other client only the latest audit that has a score counts, so that five cells
//!   never hide a single client audited five times. Clients are told apart by their
//!   organisation's name, case and spacing aside.
//! - The user may ask for one cell ([`Filter`]); a cell under five audits then shows nothing.

use std::collections::HashMap;

use chrono::NaiveDateTime;

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

/// The audits the user asks the figures to be drawn from, in the client's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Filter {
    /// For each figure, the most specific cell of at least [`MIN_AUDITS`] audits.
    MostSpecific,
    /// The client's sector and size.
    SectorAndSize,
    /// The client's sector.
    Sector,
    /// The client's size.
    Size,
    /// Every audit.
    All,
}

impl Filter {
    /// The filters a user can choose, most specific first.
    pub const ALL: [Filter; 5] = [
        Filter::MostSpecific,
        Filter::SectorAndSize,
        Filter::Sector,
        Filter::Size,
        Filter::All,
    ];

    /// The cells tried for each figure, in order; empty when the filter needs a size the
    /// client lacks.
    fn cells(self, client: &AuditFigures) -> Vec<Cell> {
        match (self, client.size) {
            (Filter::MostSpecific, size) => {
                let mut cells = Vec::with_capacity(4);
                if let Some(size) = size {
                    cells.push(Cell::SectorAndSize(client.sector, size));
                }
                cells.push(Cell::Sector(client.sector));
                if let Some(size) = size {
                    cells.push(Cell::Size(size));
                }
                cells.push(Cell::All);
                cells
            }
            (Filter::SectorAndSize, Some(size)) => vec![Cell::SectorAndSize(client.sector, size)],
            (Filter::Sector, _) => vec![Cell::Sector(client.sector)],
            (Filter::Size, Some(size)) => vec![Cell::Size(size)],
            (Filter::All, _) => vec![Cell::All],
            (Filter::SectorAndSize | Filter::Size, None) => Vec::new(),
        }
    }

    /// The one cell of a filter other than [`Filter::MostSpecific`].
    pub fn cell(self, client: &AuditFigures) -> Option<Cell> {
        match self {
            Filter::MostSpecific => None,
            _ => self.cells(client).first().copied(),
        }
    }
}

/// The filters worth offering: [`Filter::MostSpecific`] when any figure exists, and each
/// single-cell filter whose cell holds at least [`MIN_AUDITS`] audits with an overall index,
/// with that count.
pub fn available_filters(client: &AuditFigures, past: &[AuditFigures]) -> Vec<(Filter, usize)> {
    Filter::ALL
        .into_iter()
        .filter_map(|filter| {
            let count = match filter.cell(client) {
                Some(cell) => past
                    .iter()
                    .filter(|audit| cell.holds(audit))
                    .filter(|audit| audit.value(Measure::Overall).is_some())
                    .count(),
                None if filter == Filter::MostSpecific => {
                    let figures = benchmark(client, past);
                    figures
                        .iter()
                        .find(|figure| figure.measure == Measure::Overall)
                        .or(figures.first())
                        .map_or(0, |figure| figure.count)
                }
                None => 0,
            };
            (count >= MIN_AUDITS).then_some((filter, count))
        })
        .collect()
}

/// One past audit before the benchmark picks among them.
#[derive(Debug, Clone, PartialEq)]
pub struct PastAudit {
    /// The audited organisation's name.
    pub client: String,
    /// When the audit was made: the latest of a client's audits counts.
    pub made_at: NaiveDateTime,
    pub figures: AuditFigures,
}

/// How clients are told apart: the name with case and spacing folded.
fn client_key(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The audits the benchmark rests on: of every client other than `client` (by name), its
/// latest audit with at least one finite figure (of two made at the same time, the later in
/// `audits`' order); in the order of their first appearance.
pub fn one_per_client(audits: Vec<PastAudit>, client: &str) -> Vec<AuditFigures> {
    let excluded = client_key(client);
    let mut latest: HashMap<String, usize> = HashMap::new();
    let mut kept: Vec<PastAudit> = Vec::new();
    for audit in audits {
        let has_figure = Measure::ALL
            .iter()
            .any(|measure| audit.figures.value(*measure).is_some());
        let key = client_key(&audit.client);
        if !has_figure || key == excluded {
            continue;
        }
        match latest.get(&key) {
            Some(&index) => {
                if audit.made_at >= kept[index].made_at {
                    kept[index] = audit;
                }
            }
            None => {
                latest.insert(key, kept.len());
                kept.push(audit);
            }
        }
    }
    kept.into_iter().map(|audit| audit.figures).collect()
}

/// Places `client` on the distributions of `past` audits: one figure per measure that has a
/// cell of at least [`MIN_AUDITS`] audits, in the order of [`Measure::ALL`].
pub fn benchmark(client: &AuditFigures, past: &[AuditFigures]) -> Vec<BenchmarkFigure> {
    benchmark_filtered(client, past, Filter::MostSpecific)
}

/// [`benchmark`] drawn from the cells of `filter` only.
pub fn benchmark_filtered(
    client: &AuditFigures,
    past: &[AuditFigures],
    filter: Filter,
) -> Vec<BenchmarkFigure> {
    let cells = filter.cells(client);

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

    fn audit(sector: Sector, size: Option<OrganisationSize>, value: f64) -> AuditFigures {
        AuditFigures {
            sector,
            size,
            stages: [Some(value); 5],
            overall: Some(value),
        }
    }

    fn past(client: &str, day: u32, figures: AuditFigures) -> PastAudit {
        PastAudit {
            client: client.to_owned(),
            made_at: chrono::NaiveDate::from_ymd_opt(2026, 1, day)
                .and_then(|date| date.and_hms_opt(9, 0, 0))
                .expect("valid date"),
            figures,
        }
    }

    #[test]
    fn one_audit_per_client_the_latest_with_a_score_and_never_the_client() {
        let empty = AuditFigures {
            sector: Sector::Industry,
            size: None,
            stages: [None; 5],
            overall: None,
        };
        let audits = vec![
            past("Acme", 1, audit(Sector::Industry, None, 10.0)),
            past("  ACME ", 5, audit(Sector::Industry, None, 30.0)),
            past("acme", 3, audit(Sector::Industry, None, 20.0)),
            // A newer audit without any score does not hide the scored one.
            past("Bolt", 1, audit(Sector::Retail, None, 40.0)),
            past("Bolt", 9, empty),
            past("Client  Co", 1, audit(Sector::Retail, None, 50.0)),
            past("Dune", 2, audit(Sector::Retail, None, f64::NAN)),
        ];
        let kept = one_per_client(audits, "client co");
        let values: Vec<Option<f64>> = kept.iter().map(|figures| figures.overall).collect();
        assert_eq!(values, vec![Some(30.0), Some(40.0)]);
    }

    #[test]
    fn a_filter_draws_from_its_one_cell_or_shows_nothing() {
        let small = Some(OrganisationSize::Small);
        let mut audits: Vec<AuditFigures> = (0..4)
            .map(|n| audit(Sector::Industry, small, f64::from(n)))
            .collect();
        audits.extend((0..4).map(|n| audit(Sector::Services, small, 50.0 + f64::from(n))));
        audits.extend((0..2).map(|n| audit(Sector::Industry, None, 90.0 + f64::from(n))));
        let client = audit(Sector::Industry, small, 20.0);
        // Industry 6, small 8, all 10; industry and small 4 only.
        let available = available_filters(&client, &audits);
        assert_eq!(
            available,
            vec![
                (Filter::MostSpecific, 6),
                (Filter::Sector, 6),
                (Filter::Size, 8),
                (Filter::All, 10),
            ]
        );
        assert!(benchmark_filtered(&client, &audits, Filter::SectorAndSize).is_empty());
        let by_size = benchmark_filtered(&client, &audits, Filter::Size);
        assert_eq!(by_size.len(), 6);
        assert!(
            by_size
                .iter()
                .all(|figure| figure.cell == Cell::Size(OrganisationSize::Small)
                    && figure.count == 8)
        );
        // Without a size, the size filters have no cell.
        let sizeless = audit(Sector::Industry, None, 20.0);
        assert!(benchmark_filtered(&sizeless, &audits, Filter::Size).is_empty());
        assert_eq!(Filter::Size.cell(&sizeless), None);
        assert_eq!(
            benchmark_filtered(&client, &audits, Filter::MostSpecific),
            benchmark(&client, &audits)
        );
    }
}
