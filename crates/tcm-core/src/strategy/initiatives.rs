//! Initiatives: the open actions of the plan grouped by theme, at most
//! [`MAX_INITIATIVES_PER_STAGE`] per stage.
//!
//! The rule, exactly:
//! - Every open action of the plan (neither done nor dismissed) belongs to exactly one
//!   initiative: an action about a question joins its theme's initiative; actions a user
//!   added to a stage form that stage's own initiative.
//! - When a stage has more initiatives than the limit, its two smallest theme initiatives
//!   (fewest actions, then lowest summed priority, then later in the questionnaire) merge,
//!   until the limit holds. A stage's own initiative never merges.
//! - The **goal** is the theme's description from the questionnaire (merged themes: their
//!   descriptions joined in one sentence); a stage's own initiative takes the stage's purpose.
//!   Nothing is invented.
//! - **Questions moved**: the questions of its actions that have a value below their stage's
//!   target. **Reached**: the stage score if each of them rose to the target level, computed
//!   by the real scoring (see [`super::projection`]).

use std::fmt;

use crate::action_plan::{PlanItem, PlanLabel};
use crate::assessment::ActionLink;
use crate::questionnaire::{QuestionId, Questionnaire, ThemeId};
use crate::scoring::Score;
use crate::stage::StageId;
use crate::text::Localized;

use super::StrategyInput;
use super::projection::{project, target_if_moved};

/// At most this many initiatives per stage.
pub const MAX_INITIATIVES_PER_STAGE: usize = 4;

/// A stable identifier: the theme ids joined by `+`, or `stage:<stage>` for the actions
/// added to a stage. Wave overrides refer to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InitiativeId(String);

impl InitiativeId {
    pub fn new(id: impl Into<String>) -> InitiativeId {
        InitiativeId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn of(stage: StageId, themes: &[ThemeId]) -> InitiativeId {
        if themes.is_empty() {
            InitiativeId(format!("stage:{stage}"))
        } else {
            InitiativeId(
                themes
                    .iter()
                    .map(ThemeId::as_str)
                    .collect::<Vec<_>>()
                    .join("+"),
            )
        }
    }
}

impl fmt::Display for InitiativeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A group of actions pursued together.
#[derive(Debug, Clone, PartialEq)]
pub struct Initiative {
    pub id: InitiativeId,
    pub stage: StageId,
    /// Its themes, in questionnaire order; empty for the actions added to a stage.
    pub themes: Vec<ThemeId>,
    pub title: Localized,
    /// One sentence, from the questionnaire's own words.
    pub goal: Localized,
    /// The questions it would raise to their target, in questionnaire order.
    pub questions: Vec<QuestionId>,
    /// Its actions, in plan order.
    pub actions: Vec<PlanItem>,
    /// Sum of its actions' efforts (1–3 each).
    pub effort: u32,
    /// Sum of its actions' impacts (1–3 each).
    pub impact: u32,
    /// Sum of its actions' priorities (those that have one).
    pub priority: f64,
    /// The stage's score now.
    pub current: Option<Score>,
    /// The stage's score if its actions succeed.
    pub reached: Option<Score>,
}

impl Initiative {
    /// Whether one of its actions is a quick win.
    pub fn has_quick_win(&self) -> bool {
        self.actions
            .iter()
            .any(|item| item.label() == Some(PlanLabel::QuickWin))
    }
}

/// A group being formed: its themes (empty: a stage's own) and its actions.
struct Group<'a> {
    stage: StageId,
    themes: Vec<ThemeId>,
    /// Position of its first theme in the questionnaire (stage groups after every theme).
    order: usize,
    /// Its actions with their position in the plan.
    items: Vec<(usize, &'a PlanItem)>,
}

impl Group<'_> {
    fn priority(&self) -> f64 {
        self.items
            .iter()
            .filter_map(|(_, item)| item.priority())
            .sum()
    }
}

/// Groups the open actions of `input.plan` into initiatives, stage by stage in the order of
/// the cycle, themes in questionnaire order, a stage's own initiative last.
pub fn initiatives(input: &StrategyInput<'_>) -> Vec<Initiative> {
    let questionnaire = input.questionnaire;
    let theme_count = questionnaire.themes().len();
    let mut groups: Vec<Group<'_>> = Vec::new();
    for (position, item) in input
        .plan
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| item.is_open())
    {
        let (themes, order) = match &item.action.link {
            ActionLink::Question(id) => {
                let Some(question) = questionnaire.question(id.as_str()) else {
                    continue;
                };
                let order = questionnaire
                    .themes()
                    .iter()
                    .position(|theme| theme.id == question.theme)
                    .unwrap_or(theme_count);
                (vec![question.theme.clone()], order)
            }
            ActionLink::Stage(_) => (Vec::new(), theme_count),
        };
        match groups
            .iter_mut()
            .find(|group| group.stage == item.stage && group.themes == themes)
        {
            Some(group) => group.items.push((position, item)),
            None => groups.push(Group {
                stage: item.stage,
                themes,
                order,
                items: vec![(position, item)],
            }),
        }
    }

    let mut result = Vec::new();
    for stage in StageId::ALL {
        let mut of_stage: Vec<Group<'_>> = Vec::new();
        let mut own: Option<Group<'_>> = None;
        for group in groups.iter_mut().filter(|group| group.stage == stage) {
            let taken = Group {
                stage,
                themes: std::mem::take(&mut group.themes),
                order: group.order,
                items: std::mem::take(&mut group.items),
            };
            if taken.themes.is_empty() {
                own = Some(taken);
            } else {
                of_stage.push(taken);
            }
        }
        let limit = MAX_INITIATIVES_PER_STAGE.saturating_sub(usize::from(own.is_some()));
        merge_smallest(&mut of_stage, limit.max(1));
        of_stage.sort_by_key(|group| group.order);
        result.extend(
            of_stage
                .into_iter()
                .chain(own)
                .map(|group| build(input, group)),
        );
    }
    result
}

/// Merges the two smallest groups until at most `limit` remain.
fn merge_smallest(groups: &mut Vec<Group<'_>>, limit: usize) {
    while groups.len() > limit {
        // Smallest first: fewest actions, lowest priority, later in the questionnaire.
        groups.sort_by(|a, b| {
            a.items
                .len()
                .cmp(&b.items.len())
                .then(a.priority().total_cmp(&b.priority()))
                .then(b.order.cmp(&a.order))
        });
        let smallest = groups.remove(0);
        let other = &mut groups[0];
        let (first, second) = if smallest.order < other.order {
            (smallest.themes, std::mem::take(&mut other.themes))
        } else {
            (std::mem::take(&mut other.themes), smallest.themes)
        };
        other.themes = first.into_iter().chain(second).collect();
        other.order = other.order.min(smallest.order);
        other.items.extend(smallest.items);
    }
}

fn build(input: &StrategyInput<'_>, mut group: Group<'_>) -> Initiative {
    let questionnaire = input.questionnaire;
    // Merged groups interleave: back to plan order, themes back to questionnaire order.
    group.items.sort_by_key(|(position, _)| *position);
    group.themes.sort_by_key(|theme| {
        questionnaire
            .themes()
            .iter()
            .position(|known| known.id == *theme)
    });
    let items: Vec<PlanItem> = group
        .items
        .into_iter()
        .map(|(_, item)| item.clone())
        .collect();
    let mut questions: Vec<QuestionId> = items
        .iter()
        .filter_map(|item| match &item.action.link {
            ActionLink::Question(id) => Some(id.clone()),
            ActionLink::Stage(_) => None,
        })
        .filter(|id| target_if_moved(input, id).is_some())
        .collect();
    questions.sort_by_key(|id| questionnaire.question_position(id.as_str()));
    questions.dedup();
    let current = input
        .scorecard
        .stage(group.stage)
        .and_then(|stage| stage.result.score);
    let reached = if questions.is_empty() {
        current
    } else {
        project(input, &questions)
            .stage(group.stage)
            .and_then(|stage| stage.result.score)
    };
    Initiative {
        id: InitiativeId::of(group.stage, &group.themes),
        stage: group.stage,
        title: title(questionnaire, group.stage, &group.themes),
        goal: goal(questionnaire, group.stage, &group.themes),
        themes: group.themes,
        questions,
        effort: items.iter().map(|item| u32::from(item.action.effort)).sum(),
        impact: items.iter().map(|item| u32::from(item.action.impact)).sum(),
        priority: items.iter().filter_map(PlanItem::priority).sum(),
        actions: items,
        current,
        reached,
    }
}

fn stage_name(questionnaire: &Questionnaire, stage: StageId) -> Localized {
    questionnaire
        .stage(stage)
        .map(|stage| stage.name.clone())
        .unwrap_or_else(|| stage.default_name())
}

fn title(questionnaire: &Questionnaire, stage: StageId, themes: &[ThemeId]) -> Localized {
    if themes.is_empty() {
        let name = stage_name(questionnaire, stage);
        return Localized::new(
            format!("Actions ajoutées à l’étape {}", name.fr.to_lowercase()),
            format!("Actions added to the {} stage", name.en.to_lowercase()),
        );
    }
    let names: Vec<Localized> = themes
        .iter()
        .map(|theme| {
            questionnaire
                .theme(theme.as_str())
                .map(|theme| theme.name.clone())
                .unwrap_or_else(|| Localized::new(theme.as_str(), theme.as_str()))
        })
        .collect();
    Localized::new(
        enumerate(names.iter().map(|name| name.fr.as_str()), "et"),
        enumerate(names.iter().map(|name| name.en.as_str()), "and"),
    )
}

/// "A", "A et B", "A, B et C".
fn enumerate<'a>(names: impl Iterator<Item = &'a str>, and: &str) -> String {
    let names: Vec<&str> = names.collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
    }
}

fn goal(questionnaire: &Questionnaire, stage: StageId, themes: &[ThemeId]) -> Localized {
    if themes.is_empty() {
        return questionnaire
            .stage(stage)
            .map(|stage| stage.purpose.clone())
            .unwrap_or_default();
    }
    let parts: Vec<Localized> = themes
        .iter()
        .map(|id| match questionnaire.theme(id.as_str()) {
            Some(theme) => theme.description.clone().unwrap_or_else(|| {
                Localized::new(
                    format!("Progresser sur «\u{a0}{}\u{a0}».", theme.name.fr),
                    format!("Make progress on {}.", theme.name.en),
                )
            }),
            None => Localized::new(id.as_str(), id.as_str()),
        })
        .collect();
    Localized::new(
        join_sentences(parts.iter().map(|part| part.fr.as_str()), "\u{202f}; "),
        join_sentences(parts.iter().map(|part| part.en.as_str()), "; "),
    )
}

/// Joins sentences into one: trailing full stops dropped, every part after the first
/// starting in lower case (unless it opens with an acronym), one full stop at the end.
pub(crate) fn join_sentences<'a>(parts: impl Iterator<Item = &'a str>, separator: &str) -> String {
    let mut sentence = String::new();
    for (index, part) in parts.enumerate() {
        let part = part.trim().trim_end_matches('.').trim_end();
        if part.is_empty() {
            continue;
        }
        if !sentence.is_empty() {
            sentence.push_str(separator);
        }
        if index == 0 || sentence.is_empty() {
            sentence.push_str(part);
        } else {
            sentence.push_str(&lower_first(part));
        }
    }
    if !sentence.is_empty() {
        sentence.push('.');
    }
    sentence
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return text.to_owned();
    };
    if second.is_some_and(char::is_uppercase) {
        return text.to_owned();
    }
    first
        .to_lowercase()
        .chain(text[first.len_utf8()..].chars())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_join_into_one() {
        let cases: &[(&[&str], &str, &str)] = &[
            (&[], "; ", ""),
            (&["Mesurer la valeur."], "; ", "Mesurer la valeur."),
            (
                &["Mesurer la valeur.", "Disposer d’une base."],
                "\u{202f}; ",
                "Mesurer la valeur\u{202f}; disposer d’une base.",
            ),
            (&["Use it.", "CRM first."], "; ", "Use it; CRM first."),
            (&["", "Équiper."], "; ", "Équiper."),
            (&["A.", "Élargir."], "; ", "A; élargir."),
        ];
        for (parts, separator, expected) in cases {
            assert_eq!(
                join_sentences(parts.iter().copied(), separator),
                *expected,
                "{parts:?}"
            );
        }
    }

    #[test]
    fn names_are_enumerated() {
        assert_eq!(enumerate(["A"].into_iter(), "et"), "A");
        assert_eq!(enumerate(["A", "B"].into_iter(), "et"), "A et B");
        assert_eq!(enumerate(["A", "B", "C"].into_iter(), "and"), "A, B and C");
    }
}
