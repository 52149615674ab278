//! Perception gaps: how each group of respondents (a department, a role, chosen by the
//! participants of a live workshop) sees each stage, side by side, and where knowledge is
//! missing — the share of "?" per stage and group is itself a finding. A group smaller than
//! the smallest size allowed (three in an anonymous session) shows no figure, so that nobody's
//! answers can be read off a group of one or two. Nor can they be worked out by subtraction:
//! the whole room's figures are shown too (and are the audit's scores), so when the people in
//! no shown group would number one or two, the smallest shown group is withheld as well.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;

use crate::answer::{AnswerSheet, Respondent};
use crate::questionnaire::Questionnaire;
use crate::scoring::{Score, Scorecard, score};
use crate::stage::StageId;

/// The smallest group whose figures an anonymous session shows.
pub const ANONYMOUS_SMALLEST_GROUP: usize = 3;

/// One stage as one group sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupStage {
    pub stage: StageId,
    /// The group's stage score; null when the group gave no level on the stage.
    pub score: Option<Score>,
    /// Share of "?" among the group's answers to the stage's questions, 0–1; null when the
    /// group did not answer any of them.
    pub dont_know_share: Option<f64>,
}

/// Why a group shows no figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Withheld {
    /// Fewer members than the smallest group allowed.
    TooFew,
    /// Large enough, but shown it would give away the answers of the people left out: the
    /// whole room minus the groups shown would be one or two people (a smaller group, or
    /// respondents in no group), whose figures anyone could work out by subtraction.
    WouldReveal,
}

/// One group's view of the five stages.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupPerception {
    pub group: String,
    /// Respondents of the group who answered at least one question.
    pub members: usize,
    /// Why no figure is shown, if none is: every stage is then empty.
    pub withheld: Option<Withheld>,
    /// The five stages in the order of the cycle (empty when withheld).
    pub stages: Vec<GroupStage>,
}

/// Where a group's name sorts among the others, as a reader expects in French or English:
/// case and accents folded first ("Réception" before "Restauration", "ventes" beside
/// "Ventes"), then the name itself so that the order is total.
pub fn group_order(name: &str) -> (String, String) {
    let folded = name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    (folded, name.to_owned())
}

/// Each group's stage scores and share of "?", in group order ([`group_order`]). Respondents that `group_of`
/// places in no group are left out; groups of fewer than `smallest` members are withheld, and
/// so are the smallest others (the first in group order among equals) until the respondents
/// outside the groups shown number none or at least `smallest` ([`Withheld::WouldReveal`]).
/// Consensus values play no part: they belong to the whole room, not to a group.
pub fn perception_gaps(
    questionnaire: &Questionnaire,
    answers: &AnswerSheet,
    group_of: impl Fn(&Respondent) -> Option<String>,
    smallest: usize,
) -> Vec<GroupPerception> {
    let mut groups: BTreeMap<(String, String), Vec<Respondent>> = BTreeMap::new();
    for respondent in answers.respondents() {
        if let Some(group) = group_of(respondent) {
            groups
                .entry(group_order(&group))
                .or_default()
                .push(respondent.clone());
        }
    }
    let withheld = withholding(
        answers.respondents().len(),
        groups.values().map(Vec::len),
        smallest,
    );
    groups
        .into_iter()
        .zip(withheld)
        .map(|(((_, group), members), withheld)| {
            if withheld.is_some() {
                return GroupPerception {
                    group,
                    members: members.len(),
                    withheld,
                    stages: Vec::new(),
                };
            }
            let sheet =
                answers.filter_respondents(|respondent| members.contains(respondent), false);
            let stages = stages_seen_by(questionnaire, &sheet);
            GroupPerception {
                group,
                members: members.len(),
                withheld: None,
                stages,
            }
        })
        .collect()
}

/// Which groups (given by size, in group order, out of `everyone` respondents) show no
/// figure: those under `smallest`, then the smallest shown ones until the rest of the room —
/// everyone outside the groups shown — is nobody or at least `smallest` people.
fn withholding(
    everyone: usize,
    sizes: impl Iterator<Item = usize>,
    smallest: usize,
) -> Vec<Option<Withheld>> {
    let sizes: Vec<usize> = sizes.collect();
    let mut withheld: Vec<Option<Withheld>> = sizes
        .iter()
        .map(|size| (*size < smallest).then_some(Withheld::TooFew))
        .collect();
    loop {
        let shown: usize = sizes
            .iter()
            .zip(&withheld)
            .filter(|(_, withheld)| withheld.is_none())
            .map(|(size, _)| size)
            .sum();
        let rest = everyone.saturating_sub(shown);
        if rest == 0 || rest >= smallest {
            return withheld;
        }
        // `min_by_key` keeps the first of equals: the first in group order.
        let next = sizes
            .iter()
            .zip(&withheld)
            .enumerate()
            .filter(|(_, (_, withheld))| withheld.is_none())
            .min_by_key(|(_, (size, _))| **size)
            .map(|(index, _)| index);
        match next.and_then(|index| withheld.get_mut(index)) {
            Some(slot) => *slot = Some(Withheld::WouldReveal),
            None => return withheld,
        }
    }
}

/// Every respondent together, as one more row beside the groups: each stage's score from the
/// respondents' own answers (consensus left out, like the groups') and the share of "?" —
/// what the room as a whole does not know. Never withheld: it is everyone's figure.
pub fn whole_room(
    questionnaire: &Questionnaire,
    answers: &AnswerSheet,
    label: impl Into<String>,
) -> GroupPerception {
    let sheet = answers.filter_respondents(|_| true, false);
    GroupPerception {
        group: label.into(),
        members: sheet.respondents().len(),
        withheld: None,
        stages: stages_seen_by(questionnaire, &sheet),
    }
}

/// The five stages' scores and shares of "?" over an answer sheet.
fn stages_seen_by(questionnaire: &Questionnaire, sheet: &AnswerSheet) -> Vec<GroupStage> {
    let card = score(questionnaire, sheet);
    StageId::ALL
        .into_iter()
        .map(|stage| GroupStage {
            stage,
            score: card.stage(stage).and_then(|scored| scored.result.score),
            dont_know_share: dont_know_share(&card, stage),
        })
        .collect()
}

/// Share of "?" among every answer given to a stage's questions, 0–1; `None` when none of
/// them was answered.
pub fn dont_know_share(card: &Scorecard, stage: StageId) -> Option<f64> {
    let (given, dont_know) = card
        .questions
        .iter()
        .filter(|question| question.stage == stage)
        .fold((0usize, 0usize), |(given, dont_know), question| {
            let levels = question.dispersion.map_or(0, |spread| spread.count);
            (
                given + levels + question.not_applicable + question.dont_know,
                dont_know + question.dont_know,
            )
        });
    (given > 0).then(|| dont_know as f64 / given as f64)
}
