//! The private benchmark section, when the caller gives one: the client placed on the
//! distributions of the consultant's other clients (`tcm_core::strategy::benchmark`), per
//! stage and for the index, with the quartiles and how many audits each figure rests on. Never
//! a single client's figure; a figure resting on fewer than five audits is not given at all.

use tcm_core::Language;
use tcm_core::strategy::benchmark::{BenchmarkFigure, MIN_AUDITS, Measure};

use crate::document::{Align, Block, ColumnSpec, Piece, TableRow, Tone};
use crate::input::ReportInput;
use crate::numbers;
use crate::words::fill;

/// The section's fixed words. French typography: no-break spaces before `:`.
struct BenchmarkWords {
    title: &'static str,
    intro: &'static str,
    figure: &'static str,
    client: &'static str,
    first: &'static str,
    median: &'static str,
    third: &'static str,
    position: &'static str,
    audits: &'static str,
    reading: &'static str,
}

fn words(language: Language) -> BenchmarkWords {
    match language {
        Language::French => BenchmarkWords {
            title: "Parmi vos clients",
            intro: "Ce client placé sur la distribution des audits de vos autres clients\u{a0}: le dernier audit de chacun, jamais celui de ce client. Chaque chiffre vient des audits du même secteur et de la même taille quand ils sont au moins {min}, sinon du même secteur, de la même taille, ou de tous. Seuls les quartiles sont donnés, jamais le score d’un client\u{a0}; un chiffre qui reposerait sur moins de {min} audits n’est pas donné.",
            figure: "Étape",
            client: "Ce client",
            first: "1er quartile",
            median: "Médiane",
            third: "3e quartile",
            position: "Position",
            audits: "Audits",
            reading: "En une phrase",
        },
        Language::English => BenchmarkWords {
            title: "Among your clients",
            intro: "This client placed on the distribution of your other clients’ audits: the latest audit of each, never this client’s. Each figure comes from the audits of the same sector and size when there are at least {min}, else of the same sector, the same size, or all of them. Only quartiles are given, never a client’s score; a figure that would rest on fewer than {min} audits is not given.",
            figure: "Stage",
            client: "This client",
            first: "1st quartile",
            median: "Median",
            third: "3rd quartile",
            position: "Position",
            audits: "Audits",
            reading: "In one sentence",
        },
    }
}

fn column(title: &str, share: f32, align: Align) -> ColumnSpec {
    ColumnSpec {
        title: title.to_owned(),
        share,
        align,
    }
}

fn cell(text: String, tone: Tone) -> Vec<Piece> {
    vec![Piece::new(text, tone)]
}

fn row(input: &ReportInput<'_>, figure: &BenchmarkFigure) -> TableRow {
    let language = input.language;
    let score = |value: f64| numbers::score(value, language);
    let (label, label_tone) = match figure.measure {
        Measure::Stage(stage) => (input.stage_name(stage), Tone::Stage(stage)),
        Measure::Overall => (
            figure.measure.names().get(language).to_owned(),
            Tone::Strong,
        ),
    };
    TableRow::Cells(vec![
        cell(label, label_tone),
        cell(
            figure
                .client
                .map_or_else(|| "—".to_owned(), |(value, _)| score(value)),
            Tone::Strong,
        ),
        cell(score(figure.quartiles.first), Tone::Normal),
        cell(score(figure.quartiles.median), Tone::Normal),
        cell(score(figure.quartiles.third), Tone::Normal),
        cell(
            figure.client.map_or_else(
                || "—".to_owned(),
                |(_, position)| position.names().get(language).to_owned(),
            ),
            Tone::Normal,
        ),
        cell(figure.count.to_string(), Tone::Muted),
    ])
}

/// The benchmark section; nothing when the report has no benchmark or no figure in it.
pub fn benchmark(input: &ReportInput<'_>) -> Vec<Block> {
    let figures: Vec<&BenchmarkFigure> = input
        .benchmark
        .unwrap_or_default()
        .iter()
        // The domain never gives a smaller cell; the report does not rely on it alone.
        .filter(|figure| figure.count >= MIN_AUDITS)
        .collect();
    if figures.is_empty() {
        return Vec::new();
    }
    let language = input.language;
    let w = words(language);
    vec![
        Block::Section(w.title.to_owned()),
        Block::Paragraph(Piece::new(
            fill(w.intro, &[("min", MIN_AUDITS.to_string())]),
            Tone::Normal,
        )),
        Block::Table {
            columns: vec![
                column(w.figure, 0.22, Align::Left),
                column(w.client, 0.11, Align::Right),
                column(w.first, 0.12, Align::Right),
                column(w.median, 0.11, Align::Right),
                column(w.third, 0.12, Align::Right),
                column(w.position, 0.22, Align::Left),
                column(w.audits, 0.10, Align::Right),
            ],
            rows: figures.iter().map(|figure| row(input, figure)).collect(),
        },
        Block::Heading(w.reading.to_owned()),
        Block::Bullets(
            figures
                .iter()
                .map(|figure| figure.sentence.get(language).to_owned())
                .collect(),
        ),
    ]
}
