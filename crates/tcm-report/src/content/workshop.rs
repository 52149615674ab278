//! The workshop section of a workshop or classroom assessment answered by several people:
//! participation, how each group sees each stage (perception gaps, with the share of "?"),
//! the questions that divided the room most before discussion, and the consensus recorded
//! with its effect on each stage score (before → after discussion).

use std::collections::HashMap;

use tcm_core::perception::{
    ANONYMOUS_SMALLEST_GROUP, Withheld, group_order, perception_gaps, whole_room,
};
use tcm_core::votes::{VoteDistribution, room_divisions};
use tcm_core::{Consensus, Language, Mode, StageId, score};

use crate::document::{Align, Block, ColumnSpec, Piece, TableRow, Tone};
use crate::input::ReportInput;
use crate::numbers;
use crate::words::fill;

/// The most divided questions listed.
const MOST_DIVIDED: usize = 8;

/// This section's own words.
struct Words {
    title: &'static str,
    participation: &'static str,
    groups: &'static str,
    groups_intro: &'static str,
    room: &'static str,
    room_heading: &'static str,
    room_intro: &'static str,
    group: &'static str,
    withheld: &'static str,
    shields: &'static str,
    dont_know: &'static str,
    divided: &'static str,
    divided_intro: &'static str,
    question: &'static str,
    spread: &'static str,
    range: &'static str,
    consensus: &'static str,
    consensus_intro: &'static str,
    no_consensus: &'static str,
    stage: &'static str,
    before: &'static str,
    after: &'static str,
    effect: &'static str,
    values: &'static str,
    values_intro: &'static str,
    answers_before: &'static str,
    agreed: &'static str,
    mean: &'static str,
}

fn words(language: Language) -> Words {
    match language {
        Language::French => Words {
            title: "Atelier",
            participation: "{people} participants ont donné {answers} réponses{groups}.",
            groups: "Écarts de perception entre groupes",
            groups_intro: "Score de chaque étape vu par toute la salle puis par chaque groupe (réponses avant consensus), puis la part de «\u{a0}?\u{a0}» (ne sait pas)\u{a0}: là où la connaissance manque est aussi un constat. Aucun chiffre pour un groupe de moins de trois personnes, ni pour un groupe qui permettrait de les déduire de la salle entière.",
            room: "Toute la salle",
            room_heading: "Ce que la salle ne sait pas",
            room_intro: "Score de chaque étape d’après les réponses des participants (avant consensus), puis la part de «\u{a0}?\u{a0}» (ne sait pas)\u{a0}: là où la connaissance manque est aussi un constat.",
            group: "Groupe",
            withheld: "Moins de trois personnes\u{a0}: aucun chiffre.",
            shields: "Masqué\u{a0}: avec les chiffres de la salle, il révélerait ceux d’un groupe plus petit.",
            dont_know: "«\u{a0}?\u{a0}»",
            divided: "Les questions les plus discutées",
            divided_intro: "Les questions où les réponses des participants divergeaient le plus avant la discussion (écart type des niveaux donnés, puis part de «\u{a0}?\u{a0}»), et la valeur retenue ensuite.",
            question: "Question",
            spread: "Écart type",
            range: "Étendue",
            consensus: "Consensus enregistré",
            consensus_intro: "{count} valeurs de consensus enregistrées. Effet sur le score de chaque étape, avant discussion (réponses seules) puis après (consensus compris)\u{a0}:",
            no_consensus: "Aucune valeur de consensus n’a été enregistrée.",
            stage: "Étape",
            before: "Avant discussion",
            after: "Après discussion",
            effect: "Effet",
            values: "Valeurs retenues",
            values_intro: "Chaque valeur de consensus, à côté des réponses des participants avant la discussion.",
            answers_before: "Réponses avant",
            agreed: "Consensus",
            mean: "moyenne",
        },
        Language::English => Words {
            title: "Workshop",
            participation: "{people} participants gave {answers} answers{groups}.",
            groups: "Perception gaps between groups",
            groups_intro: "Each stage’s score as the whole room and each group see it (answers before consensus), then the share of “?” (don’t know): where knowledge is missing is a finding too. No figure for a group of fewer than three people, nor for a group that would let theirs be worked out from the whole room’s.",
            room: "Whole room",
            room_heading: "What the room does not know",
            room_intro: "Each stage’s score from the participants’ answers (before consensus), then the share of “?” (don’t know): where knowledge is missing is a finding too.",
            group: "Group",
            withheld: "Fewer than three people: no figure.",
            shields: "Hidden: with the room’s figures it would reveal a smaller group’s.",
            dont_know: "“?”",
            divided: "The most debated questions",
            divided_intro: "The questions where participants’ answers differed most before the discussion (standard deviation of the levels given, then share of “?”), and the value agreed afterwards.",
            question: "Question",
            spread: "Std. dev.",
            range: "Range",
            consensus: "Consensus recorded",
            consensus_intro: "{count} consensus values recorded. Their effect on each stage’s score, before the discussion (answers only) and after (consensus included):",
            no_consensus: "No consensus value was recorded.",
            stage: "Stage",
            before: "Before discussion",
            after: "After discussion",
            effect: "Effect",
            values: "Values agreed",
            values_intro: "Each consensus value, beside the participants’ answers before the discussion.",
            answers_before: "Answers before",
            agreed: "Consensus",
            mean: "mean",
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

/// The section, for a workshop or classroom answered by at least two people; nothing else.
pub fn workshop(input: &ReportInput<'_>) -> Vec<Block> {
    let people = input.answers.respondents().len();
    if input.assessment.mode == Mode::SelfAssessment || people < 2 {
        return Vec::new();
    }
    let w = words(input.language);
    let language = input.language;
    let groups: HashMap<&str, &str> = input
        .respondents
        .iter()
        .filter(|profile| !profile.group.trim().is_empty())
        .map(|profile| (profile.label.as_str(), profile.group.as_str()))
        .collect();
    let mut group_names: Vec<&str> = groups.values().copied().collect();
    group_names.sort_by_cached_key(|name| group_order(name));
    group_names.dedup();
    let answers = input.answers.responses().count();
    let mut blocks = vec![
        Block::Section(w.title.to_owned()),
        Block::Paragraph(Piece::new(
            fill(
                w.participation,
                &[
                    ("people", people.to_string()),
                    ("answers", answers.to_string()),
                    (
                        "groups",
                        if group_names.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", group_names.join(", "))
                        },
                    ),
                ],
            ),
            Tone::Normal,
        )),
    ];
    blocks.extend(perception(input, &groups, &w));
    blocks.extend(divided(input, &w));
    blocks.extend(consensus(input, &w, language));
    blocks
}

fn perception(input: &ReportInput<'_>, groups: &HashMap<&str, &str>, w: &Words) -> Vec<Block> {
    let language = input.language;
    // The whole room first, then each group (none when nobody picked one).
    let mut gaps = vec![whole_room(input.questionnaire, input.answers, w.room)];
    gaps.extend(perception_gaps(
        input.questionnaire,
        input.answers,
        |respondent| {
            groups
                .get(respondent.as_str())
                .map(|group| (*group).to_owned())
        },
        ANONYMOUS_SMALLEST_GROUP,
    ));
    let mut columns = vec![column(w.group, 0.25, Align::Left)];
    columns.extend(
        StageId::ALL
            .into_iter()
            .map(|stage| column(&input.stage_name(stage), 0.15, Align::Right)),
    );
    let rows = gaps
        .iter()
        .map(|group| {
            let mut name = vec![
                Piece::new(group.group.clone(), Tone::Strong),
                Piece::new(format!("n\u{a0}=\u{a0}{}", group.members), Tone::Small),
            ];
            let mut cells = Vec::new();
            if let Some(why) = group.withheld {
                // Said once, under the group's name; no figure in the stages' cells.
                name.push(Piece::new(
                    match why {
                        Withheld::TooFew => w.withheld,
                        Withheld::WouldReveal => w.shields,
                    },
                    Tone::Muted,
                ));
                cells.push(name);
                cells.extend(StageId::ALL.map(|_| vec![Piece::new("—", Tone::Muted)]));
            } else {
                cells.push(name);
                cells.extend(group.stages.iter().map(|stage| {
                    vec![
                        Piece::new(
                            stage.score.map_or_else(
                                || "—".to_owned(),
                                |score| numbers::score(score.value(), language),
                            ),
                            Tone::Strong,
                        ),
                        Piece::new(
                            format!(
                                "{} {}",
                                w.dont_know,
                                stage.dont_know_share.map_or_else(
                                    || "—".to_owned(),
                                    |share| numbers::percent(share, language)
                                )
                            ),
                            Tone::Small,
                        ),
                    ]
                }));
            }
            TableRow::Cells(cells)
        })
        .collect();
    let (heading, intro) = if groups.is_empty() {
        (w.room_heading, w.room_intro)
    } else {
        (w.groups, w.groups_intro)
    };
    vec![
        Block::Heading(heading.to_owned()),
        Block::Paragraph(Piece::new(intro, Tone::Muted)),
        Block::Table { columns, rows },
    ]
}

fn divided(input: &ReportInput<'_>, w: &Words) -> Vec<Block> {
    let language = input.language;
    // Before discussion: the participants' own votes.
    let spread: Vec<_> = room_divisions(input.questionnaire, input.answers)
        .into_iter()
        .take(MOST_DIVIDED)
        .collect();
    if spread.is_empty() {
        return Vec::new();
    }
    let rows = spread
        .into_iter()
        .map(|(question, distribution)| {
            let agreed = input
                .answers
                .consensus(&question.id)
                .map_or_else(|| "—".to_owned(), agreed_value);
            TableRow::Cells(vec![
                vec![
                    Piece::new(question.id.to_string(), Tone::Stage(question.stage)),
                    Piece::new(question.text.get(language).to_owned(), Tone::Normal),
                ],
                vec![Piece::new(
                    distribution.standard_deviation().map_or_else(
                        || "—".to_owned(),
                        |deviation| numbers::decimal(deviation, 2, language),
                    ),
                    Tone::Strong,
                )],
                vec![Piece::new(
                    distribution.dispersion.map_or_else(
                        || "—".to_owned(),
                        |spread| format!("{}–{}", spread.min, spread.max),
                    ),
                    Tone::Normal,
                )],
                vec![Piece::new(
                    distribution
                        .dont_know_share()
                        .map_or_else(|| "—".to_owned(), |share| numbers::percent(share, language)),
                    Tone::Normal,
                )],
                vec![Piece::new(agreed, Tone::Strong)],
            ])
        })
        .collect();
    vec![
        Block::Heading(w.divided.to_owned()),
        Block::Paragraph(Piece::new(w.divided_intro, Tone::Muted)),
        Block::Table {
            columns: vec![
                column(w.question, 0.5, Align::Left),
                column(w.spread, 0.13, Align::Right),
                column(w.range, 0.12, Align::Right),
                column(w.dont_know, 0.11, Align::Right),
                column(w.consensus, 0.14, Align::Right),
            ],
            rows,
        },
    ]
}

fn consensus(input: &ReportInput<'_>, w: &Words, language: Language) -> Vec<Block> {
    let recorded = input.answers.consensus_values().count();
    let mut blocks = vec![Block::Heading(w.consensus.to_owned())];
    if recorded == 0 {
        blocks.push(Block::Paragraph(Piece::new(w.no_consensus, Tone::Muted)));
        return blocks;
    }
    let before = score(
        input.questionnaire,
        &input.answers.filter_respondents(|_| true, false),
    );
    // Rounded as shown, so that the effect is the difference of the figures printed.
    let rounded = |value: Option<f64>| value.map(|v| tcm_core::Score::new(v).rounded());
    let shown =
        |value: Option<f64>| value.map_or_else(|| "—".to_owned(), |v| numbers::score(v, language));
    let rows = StageId::ALL
        .into_iter()
        .map(|stage| {
            let earlier = rounded(
                before
                    .stage(stage)
                    .and_then(|found| found.result.score)
                    .map(|score| score.value()),
            );
            let later = rounded(input.stage_score(stage));
            TableRow::Cells(vec![
                vec![Piece::new(input.stage_name(stage), Tone::Stage(stage))],
                vec![Piece::new(shown(earlier), Tone::Normal)],
                vec![Piece::new(shown(later), Tone::Strong)],
                vec![Piece::new(
                    numbers::change(earlier, later, 1, language),
                    Tone::Normal,
                )],
            ])
        })
        .collect();
    blocks.push(Block::Paragraph(Piece::new(
        fill(w.consensus_intro, &[("count", recorded.to_string())]),
        Tone::Normal,
    )));
    blocks.push(Block::Table {
        columns: vec![
            column(w.stage, 0.4, Align::Left),
            column(w.before, 0.2, Align::Right),
            column(w.after, 0.2, Align::Right),
            column(w.effect, 0.2, Align::Right),
        ],
        rows,
    });
    blocks.extend(values_agreed(input, w));
    blocks
}

/// Every consensus value, in questionnaire order, beside the room's answers before it.
fn values_agreed(input: &ReportInput<'_>, w: &Words) -> Vec<Block> {
    let language = input.language;
    let rows: Vec<TableRow> = input
        .questionnaire
        .questions()
        .iter()
        .filter_map(|question| {
            let value = input.answers.consensus(&question.id)?;
            let votes = VoteDistribution::of_votes(
                input
                    .answers
                    .responses()
                    .filter(|(_, id, _)| **id == question.id)
                    .map(|(_, _, response)| response.answer),
            );
            let mut answers = vec![Piece::new(
                votes.dispersion.map_or_else(
                    || "—".to_owned(),
                    |spread| format!("{} {}", w.mean, numbers::decimal(spread.mean, 1, language)),
                ),
                Tone::Normal,
            )];
            if let Some(spread) = votes.dispersion {
                answers.push(Piece::new(
                    format!("{}–{}", spread.min, spread.max),
                    Tone::Small,
                ));
            }
            if votes.dont_know > 0 || votes.not_applicable > 0 {
                let mut others = Vec::new();
                if votes.dont_know > 0 {
                    others.push(format!("{}\u{a0}×\u{a0}?", votes.dont_know));
                }
                if votes.not_applicable > 0 {
                    others.push(format!("{}\u{a0}×\u{a0}NA", votes.not_applicable));
                }
                answers.push(Piece::new(others.join(", "), Tone::Small));
            }
            Some(TableRow::Cells(vec![
                vec![
                    Piece::new(question.id.to_string(), Tone::Stage(question.stage)),
                    Piece::new(question.text.get(language).to_owned(), Tone::Normal),
                ],
                answers,
                vec![Piece::new(agreed_value(value), Tone::Strong)],
            ]))
        })
        .collect();
    if rows.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Heading(w.values.to_owned()),
        Block::Paragraph(Piece::new(w.values_intro, Tone::Muted)),
        Block::Table {
            columns: vec![
                column(w.question, 0.6, Align::Left),
                column(w.answers_before, 0.25, Align::Right),
                column(w.agreed, 0.15, Align::Right),
            ],
            rows,
        },
    ]
}

/// A consensus value as the tables show it: its level, or `NA`.
fn agreed_value(value: Consensus) -> String {
    match value {
        Consensus::Level(level) => level.value().to_string(),
        Consensus::NotApplicable => "NA".to_owned(),
    }
}
