//! Aggregation across respondents, groups and time: score each respondent or each group
//! apart, and compare two scorecards stage by stage.

use std::collections::BTreeMap;

use crate::answer::{AnswerSheet, Respondent};
use crate::questionnaire::Questionnaire;
use crate::scoring::{Score, Scorecard, score};
use crate::stage::StageId;

/// Each respondent's own scorecard (consensus values play no part: they belong to the group).
pub fn score_each_respondent(
    questionnaire: &Questionnaire,
    answers: &AnswerSheet,
) -> Vec<(Respondent, Scorecard)> {
    answers
        .respondents()
        .into_iter()
        .map(|respondent| {
            let alone = answers.filter_respondents(|other| other == respondent, false);
            (respondent.clone(), score(questionnaire, &alone))
        })
        .collect()
}

/// One scorecard per group (a classroom team, a department), in group order. Respondents
/// that `group_of` does not place in a group are left out.
pub fn score_each_group(
    questionnaire: &Questionnaire,
    answers: &AnswerSheet,
    group_of: impl Fn(&Respondent) -> Option<String>,
) -> Vec<(String, Scorecard)> {
    let mut groups: BTreeMap<String, Vec<Respondent>> = BTreeMap::new();
    for respondent in answers.respondents() {
        if let Some(group) = group_of(respondent) {
            groups.entry(group).or_default().push(respondent.clone());
        }
    }
    groups
        .into_iter()
        .map(|(group, members)| {
            let sheet =
                answers.filter_respondents(|respondent| members.contains(respondent), false);
            (group, score(questionnaire, &sheet))
        })
        .collect()
}

/// How one stage moved between two scorecards.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StageChange {
    pub stage: StageId,
    pub before: Option<Score>,
    pub after: Option<Score>,
}

impl StageChange {
    /// After − before, in points on the 0–100 scale; null when either side is null.
    pub fn delta(&self) -> Option<f64> {
        Some(self.after?.value() - self.before?.value())
    }
}

/// Stage-by-stage comparison of two scorecards of the same questionnaire family (two audits
/// of one organisation, two respondents, a group against the class).
pub fn compare(before: &Scorecard, after: &Scorecard) -> Vec<StageChange> {
    StageId::ALL
        .into_iter()
        .map(|stage| StageChange {
            stage,
            before: before.stage(stage).and_then(|score| score.result.score),
            after: after.stage(stage).and_then(|score| score.result.score),
        })
        .collect()
}
