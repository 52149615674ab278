//! Comparing an audit on one version of a questionnaire with an audit on another: both sides
//! rescored over the questions a mapping pairs, so the stage scores measure the same things.

use std::collections::HashSet;

use super::mapping::QuestionMapping;
use super::model::Questionnaire;
use crate::scoring::{Score, Scorecard, StageScore, score_group};
use crate::stage::StageId;

/// The stage scores of both sides of a comparison across versions, over the mapped questions.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionComparison {
    /// The audit on the older version, over the mapped questions; the five stages in order.
    pub old: Vec<StageScore>,
    /// The audit on the newer version, over the same questions; the five stages in order.
    pub new: Vec<StageScore>,
    /// How many questions the comparison rests on (pairs of questions that map).
    pub questions: usize,
}

impl VersionComparison {
    /// The mean of the non-null stage scores of one side, as the overall index is computed.
    pub fn overall(stages: &[StageScore]) -> Option<Score> {
        Score::mean(stages.iter().filter_map(|stage| stage.result.score))
    }
}

/// Rescores both scorecards over the questions `mapping` pairs between `old` and `new`
/// (kept or reworded questions present in both). Each side keeps its own stage for a
/// question (a reworded question may have moved stage). `old_card` must be the scorecard of
/// an answer sheet on `old`, and `new_card` one on `new`.
pub fn compare_across_versions(
    old: &Questionnaire,
    old_card: &Scorecard,
    new: &Questionnaire,
    new_card: &Scorecard,
    mapping: &QuestionMapping,
) -> VersionComparison {
    let pairs = mapping.comparable_pairs(old, new);
    let old_ids: HashSet<&str> = pairs.iter().map(|pair| pair.old.as_str()).collect();
    let new_ids: HashSet<&str> = pairs.iter().map(|pair| pair.new.as_str()).collect();
    VersionComparison {
        old: restricted_stages(old_card, &old_ids),
        new: restricted_stages(new_card, &new_ids),
        questions: pairs.len(),
    }
}

fn restricted_stages(card: &Scorecard, kept: &HashSet<&str>) -> Vec<StageScore> {
    StageId::ALL
        .iter()
        .map(|stage| StageScore {
            stage: *stage,
            result: score_group(card.questions.iter().filter(|question| {
                question.stage == *stage && kept.contains(question.question.as_str())
            })),
        })
        .collect()
}
