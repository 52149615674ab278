//! The roadmap section that leads the plan: the initiatives (at most twelve lead), their bars
//! over the quarters, the projected scores, and how the sequence is computed. The full list
//! of actions moves to the appendix.

use tcm_core::strategy::{Strategy, sequence};
use tcm_core::{Language, Score, StageId};

use crate::charts::{self, ChartError};
use crate::document::{Align, Block, ColumnSpec, KeyFigure, Piece, TableRow, Tone};
use crate::input::ReportInput;
use crate::numbers;
use crate::words::fill;

/// The section's fixed words. French typography: no-break spaces before `:`, narrow ones
/// before `;`.
struct RoadmapWords {
    title: &'static str,
    intro: &'static str,
    now: &'static str,
    after_first: &'static str,
    after_all: &'static str,
    chart: &'static str,
    chart_note: &'static str,
    lead: &'static str,
    initiative: &'static str,
    wave: &'static str,
    actions: &'static str,
    effort: &'static str,
    stage_score: &'static str,
    projected: &'static str,
    stage: &'static str,
    target: &'static str,
    others: &'static str,
    how: &'static str,
    waves_rule: &'static str,
}

fn words(language: Language) -> RoadmapWords {
    match language {
        Language::French => RoadmapWords {
            title: "Feuille de route",
            intro: "Les {open} actions ouvertes sont regroupées en {count} initiatives par thème, ordonnées puis réparties en trois vagues. Les {lead} premières mènent le plan\u{202f}; la liste complète des actions figure en annexe.",
            now: "Indice TCM actuel",
            after_first: "Après la vague 1",
            after_all: "Après les trois vagues",
            chart: "Initiatives sur 24 mois, par trimestre",
            chart_note: "Vague 1\u{a0}: 0 à 3 mois\u{202f}; vague 2\u{a0}: 3 à 12 mois\u{202f}; vague 3\u{a0}: 12 à 24 mois. Couleur\u{a0}: l’étape de l’initiative.",
            lead: "Les initiatives qui mènent le plan",
            initiative: "Initiative",
            wave: "Vague",
            actions: "Actions",
            effort: "Effort",
            stage_score: "Score de l’étape",
            projected: "Scores projetés si les initiatives aboutissent",
            stage: "Étape",
            target: "Cible",
            others: "Autres initiatives ({count}), détaillées avec leurs actions en annexe\u{a0}: {names}.",
            how: "Comment la séquence est calculée",
            waves_rule: "Répartition en vagues\u{a0}: en suivant la séquence, chaque initiative tombe dans la vague où se situe le milieu de son effort cumulé (vague 1 jusqu’à 1/8 de l’effort total, vague 2 jusqu’à la moitié, vague 3 ensuite, en proportion des durées 3, 9 et 12 mois)\u{202f}; la première initiative ouvre toujours la vague 1. Une vague ou des dates choisies par l’utilisateur priment toujours.",
        },
        Language::English => RoadmapWords {
            title: "Roadmap",
            intro: "The {open} open actions are grouped into {count} initiatives by theme, sequenced, then spread over three waves. The first {lead} lead the plan; the full list of actions is in the appendix.",
            now: "Current TCM index",
            after_first: "After wave 1",
            after_all: "After the three waves",
            chart: "Initiatives over 24 months, by quarter",
            chart_note: "Wave 1: 0 to 3 months; wave 2: 3 to 12 months; wave 3: 12 to 24 months. Colour: the initiative’s stage.",
            lead: "The initiatives that lead the plan",
            initiative: "Initiative",
            wave: "Wave",
            actions: "Actions",
            effort: "Effort",
            stage_score: "Stage score",
            projected: "Projected scores if the initiatives succeed",
            stage: "Stage",
            target: "Target",
            others: "Other initiatives ({count}), detailed with their actions in the appendix: {names}.",
            how: "How the sequence is computed",
            waves_rule: "Waves: following the sequence, each initiative falls in the wave that holds the midpoint of its cumulative effort (wave 1 up to 1/8 of the total effort, wave 2 up to half, wave 3 after, in proportion to the durations 3, 9 and 12 months); the first initiative always opens wave 1. A wave or dates chosen by the user always win.",
        },
    }
}

fn score_text(score: Option<Score>, language: Language) -> String {
    score.map_or_else(
        || "—".to_owned(),
        |score| numbers::score(score.value(), language),
    )
}

pub fn roadmap(input: &ReportInput<'_>, strategy: &Strategy) -> Result<Vec<Block>, ChartError> {
    let language = input.language;
    let w = words(language);
    let open: usize = strategy
        .sequence
        .iter()
        .map(|sequenced| sequenced.initiative.actions.len())
        .sum();
    let projection = &strategy.projection;
    let mut blocks = vec![
        Block::Section(w.title.to_owned()),
        Block::Paragraph(Piece::new(
            fill(
                w.intro,
                &[
                    ("open", open.to_string()),
                    ("count", strategy.sequence.len().to_string()),
                    ("lead", strategy.focus.lead.len().to_string()),
                ],
            ),
            Tone::Normal,
        )),
        Block::KeyFigures(vec![
            KeyFigure {
                label: w.now.to_owned(),
                value: score_text(projection.current.overall, language),
                note: String::new(),
            },
            KeyFigure {
                label: w.after_first.to_owned(),
                value: score_text(projection.after_first_wave.overall, language),
                note: String::new(),
            },
            KeyFigure {
                label: w.after_all.to_owned(),
                value: score_text(projection.after_all_waves.overall, language),
                note: String::new(),
            },
        ]),
        Block::Chart {
            title: w.chart.to_owned(),
            svg: charts::roadmap_svg(input.questionnaire, strategy, language)?,
            share: 1.0,
            note: Some(w.chart_note.to_owned()),
            alt: super::alt::refer(
                language,
                w.chart,
                Some(w.chart_note),
                super::alt::FiguresIn::LeadTable,
            ),
        },
        Block::Heading(w.lead.to_owned()),
    ];

    let column = |title: &str, share: f32, align: Align| ColumnSpec {
        title: title.to_owned(),
        share,
        align,
    };
    let mut rows = Vec::new();
    for id in &strategy.focus.lead {
        let Some(sequenced) = strategy
            .sequence
            .iter()
            .find(|sequenced| &sequenced.initiative.id == id)
        else {
            continue;
        };
        let initiative = &sequenced.initiative;
        let wave = strategy
            .waves
            .wave_of(id)
            .map_or_else(String::new, |wave| wave.number().to_string());
        rows.push(TableRow::Cells(vec![
            vec![Piece::new(sequenced.rank.to_string(), Tone::Strong)],
            vec![
                Piece::new(initiative.title.get(language), Tone::Strong),
                Piece::new(initiative.goal.get(language), Tone::Small),
                Piece::new(input.stage_name(initiative.stage), Tone::Muted),
            ],
            vec![Piece::new(wave, Tone::Strong)],
            vec![Piece::new(
                initiative.actions.len().to_string(),
                Tone::Normal,
            )],
            vec![Piece::new(initiative.effort.to_string(), Tone::Normal)],
            vec![Piece::new(
                format!(
                    "{} → {}",
                    score_text(initiative.current, language),
                    score_text(initiative.reached, language)
                ),
                Tone::Normal,
            )],
        ]));
    }
    blocks.push(Block::Table {
        columns: vec![
            column("#", 0.05, Align::Centre),
            column(w.initiative, 0.55, Align::Left),
            column(w.wave, 0.08, Align::Centre),
            column(w.actions, 0.09, Align::Centre),
            column(w.effort, 0.08, Align::Centre),
            column(w.stage_score, 0.15, Align::Right),
        ],
        rows,
    });
    if !strategy.focus.others.is_empty() {
        let names: Vec<String> = strategy
            .focus
            .others
            .iter()
            .filter_map(|id| strategy.initiative(id))
            .map(|initiative| initiative.title.get(language).to_owned())
            .collect();
        blocks.push(Block::Paragraph(Piece::new(
            fill(
                w.others,
                &[
                    ("count", names.len().to_string()),
                    ("names", names.join(", ")),
                ],
            ),
            Tone::Muted,
        )));
    }

    blocks.push(Block::Heading(w.projected.to_owned()));
    blocks.push(Block::Table {
        columns: vec![
            column(w.stage, 0.28, Align::Left),
            column(w.now, 0.18, Align::Right),
            column(w.after_first, 0.18, Align::Right),
            column(w.after_all, 0.22, Align::Right),
            column(w.target, 0.14, Align::Right),
        ],
        rows: StageId::ALL
            .into_iter()
            .map(|stage| {
                TableRow::Cells(vec![
                    vec![Piece::new(input.stage_name(stage), Tone::Strong)],
                    vec![Piece::new(
                        score_text(projection.current.stage(stage), language),
                        Tone::Normal,
                    )],
                    vec![Piece::new(
                        score_text(projection.after_first_wave.stage(stage), language),
                        Tone::Normal,
                    )],
                    vec![Piece::new(
                        score_text(projection.after_all_waves.stage(stage), language),
                        Tone::Strong,
                    )],
                    vec![Piece::new(
                        numbers::score(input.assessment.targets.as_score(stage), language),
                        Tone::Normal,
                    )],
                ])
            })
            .collect(),
    });

    blocks.push(Block::Heading(w.how.to_owned()));
    blocks.push(Block::Paragraph(Piece::new(
        sequence::explanation().get(language),
        Tone::Normal,
    )));
    blocks.push(Block::Paragraph(Piece::new(w.waves_rule, Tone::Normal)));
    Ok(blocks)
}
