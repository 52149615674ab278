//! Perception gaps: how each group of respondents (a department, a role, chosen by the
//! participants of a live workshop) sees each stage, side by side, and where knowledge is
//! missing — the share of "?" per stage and group is itself a finding. A group smaller than
//! the smallest size allowed (three in an anonymous session) shows no figure, so that nobody's
//! answers can be read off a group of one or two.

use std::collections::BTreeMap;

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

/// One group's view of the five stages.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupPerception {
    pub group: String,
    /// Respondents of the group who answered at least one question.
    pub members: usize,
    /// Too few members to show figures: every stage is then empty.
    pub withheld: bool,
    /// The five stages in the order of the cycle (empty when withheld).
    pub stages: Vec<GroupStage>,
}

/// Each group's stage scores and share of "?", in group order. Respondents that `group_of`
/// places in no group are left out; groups of fewer than `smallest` members are withheld.
/// Consensus values play no part: they belong to the whole room, not to a group.
pub fn perception_gaps(
    questionnaire: &Questionnaire,
    answers: &AnswerSheet,
    group_of: impl Fn(&Respondent) -> Option<String>,
    smallest: usize,
) -> Vec<GroupPerception> {
    let mut groups: BTreeMap<String, Vec<Respondent>> = BTreeMap::new();
    for respondent in answers.respondents() {
        if let Some(group) = group_of(respondent) {
            groups.entry(group).or_default().push(respondent.clone());
        }
    }
    groups
        .into_iter()
        .map(|(group, members)| {
            if members.len() < smallest {
                return GroupPerception {
                    group,
                    members: members.len(),
                    withheld: true,
                    stages: Vec::new(),
                };
            }
            let sheet =
                answers.filter_respondents(|respondent| members.contains(respondent), false);
            let stages = stages_seen_by(questionnaire, &sheet);
            GroupPerception {
                group,
                members: members.len(),
                withheld: false,
                stages,
            }
        })
        .collect()
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
        withheld: false,
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
