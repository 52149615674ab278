//! The action plan as a table, grouped by stage; within a stage, by priority. The first
//! column gives each action's rank in the whole plan.

use tcm_core::{ActionLink, PlanOrigin};

use crate::document::{Align, Block, ColumnSpec, Piece, TableRow, Tone};
use crate::input::ReportInput;
use crate::numbers;
use crate::words::{fill, words};

/// Where the plan goes: its own section, or the appendix when the roadmap leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    Section,
    Appendix,
}

pub fn plan(input: &ReportInput<'_>, placement: Placement) -> Vec<Block> {
    let w = words(input.language);
    let language = input.language;
    let plan = input.plan;
    let mut blocks = vec![
        match placement {
            Placement::Section => Block::Section(w.plan.to_owned()),
            Placement::Appendix => Block::Heading(w.plan.to_owned()),
        },
        Block::Paragraph(Piece::new(w.plan_intro, Tone::Normal)),
    ];
    let count = |status: tcm_core::ActionStatus| {
        plan.items
            .iter()
            .filter(|item| item.action.status == status)
            .count()
    };
    blocks.push(Block::Paragraph(Piece::new(
        fill(
            w.plan_counts,
            &[
                ("open", w.plan_open.say(plan.open().count(), language)),
                (
                    "quick",
                    w.plan_quick.say(
                        plan.with_label(tcm_core::PlanLabel::QuickWin).count(),
                        language,
                    ),
                ),
                (
                    "structural",
                    w.plan_structural.say(
                        plan.with_label(tcm_core::PlanLabel::StructuralProject)
                            .count(),
                        language,
                    ),
                ),
                (
                    "done",
                    w.plan_done
                        .say(count(tcm_core::ActionStatus::Done), language),
                ),
                (
                    "dismissed",
                    w.plan_dismissed
                        .say(count(tcm_core::ActionStatus::Dismissed), language),
                ),
            ],
        ),
        Tone::Strong,
    )));

    let columns = vec![
        ColumnSpec {
            title: "#".to_owned(),
            share: 0.04,
            align: Align::Centre,
        },
        ColumnSpec {
            title: w.action.to_owned(),
            share: 0.29,
            align: Align::Left,
        },
        ColumnSpec {
            title: w.questions.to_owned(),
            share: 0.088,
            align: Align::Left,
        },
        ColumnSpec {
            title: w.gap.to_owned(),
            share: 0.058,
            align: Align::Right,
        },
        ColumnSpec {
            title: w.impact.to_owned(),
            share: 0.07,
            align: Align::Centre,
        },
        ColumnSpec {
            title: w.effort.to_owned(),
            share: 0.066,
            align: Align::Centre,
        },
        ColumnSpec {
            title: w.priority.to_owned(),
            share: 0.08,
            align: Align::Right,
        },
        ColumnSpec {
            title: w.owner.to_owned(),
            share: 0.112,
            align: Align::Left,
        },
        ColumnSpec {
            title: w.due.to_owned(),
            share: 0.1,
            align: Align::Left,
        },
        ColumnSpec {
            title: w.status.to_owned(),
            share: 0.096,
            align: Align::Left,
        },
    ];
    let mut rows = Vec::new();
    for (stage, items) in plan.by_stage() {
        rows.push(TableRow::Group {
            text: fill(w.stage_title, &[("name", input.stage_name(stage))]),
            stage,
        });
        for item in items {
            let rank = plan
                .items
                .iter()
                .position(|other| std::ptr::eq(other, item))
                .map_or(0, |position| position + 1);
            let mut note = match item.origin {
                PlanOrigin::Proposal => w.proposal.to_owned(),
                PlanOrigin::Kept => w.kept.to_owned(),
            };
            if let Some(label) = item.label() {
                note.push_str(" · ");
                note.push_str(label.names().get(language));
            }
            let mut action = vec![Piece::new(item.action.title.clone(), Tone::Strong)];
            // The team's own words are shown; a proposal's description is the questionnaire's,
            // given in the summary for the top priorities and in the grid.
            if item.origin == PlanOrigin::Kept && !item.action.description.is_empty() {
                action.push(Piece::new(item.action.description.clone(), Tone::Small));
            }
            action.push(Piece::new(note, Tone::Muted));
            let question = match &item.action.link {
                ActionLink::Question(id) => id.to_string(),
                ActionLink::Stage(_) => w.whole_stage.to_owned(),
            };
            let cells = vec![
                vec![Piece::new(rank.to_string(), Tone::Strong)],
                action,
                vec![Piece::new(question, Tone::Normal)],
                vec![Piece::new(
                    item.gap.map_or_else(
                        || "—".to_owned(),
                        |gap| numbers::decimal(gap.levels, 1, language),
                    ),
                    Tone::Normal,
                )],
                vec![Piece::new(item.action.impact.to_string(), Tone::Normal)],
                vec![Piece::new(item.action.effort.to_string(), Tone::Normal)],
                vec![Piece::new(
                    item.priority()
                        .map_or_else(|| "—".to_owned(), |p| numbers::decimal(p, 1, language)),
                    Tone::Strong,
                )],
                vec![Piece::new(item.action.owner.clone(), Tone::Small)],
                vec![Piece::new(
                    item.action
                        .due
                        .map(|due| numbers::short_date(due, language))
                        .unwrap_or_default(),
                    Tone::Small,
                )],
                vec![Piece::new(item.action.status.name(language), Tone::Small)],
            ];
            rows.push(if item.is_open() {
                TableRow::Cells(cells)
            } else {
                TableRow::Faded(cells)
            });
        }
    }
    blocks.push(Block::Table { columns, rows });
    blocks
}
