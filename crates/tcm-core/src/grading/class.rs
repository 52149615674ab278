//! The class as a whole: every group graded, each question's answers against the key, the
//! debrief list of the questions most often wrong, the groups × stages matrix and a ranking.

use super::group::{GroupAnswers, GroupGrade, grade_group};
use super::{Key, KeyAnswer};
use crate::answer::Answer;
use crate::questionnaire::{QuestionId, Questionnaire};
use crate::scoring::Score;
use crate::stage::StageId;

/// How the class answered one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AnswerDistribution {
    /// Groups that gave each level, 0 first.
    pub levels: [usize; 5],
    pub not_applicable: usize,
    pub dont_know: usize,
    /// Groups that gave no answer at all.
    pub unanswered: usize,
}

impl AnswerDistribution {
    fn count(&mut self, given: Option<Answer>) {
        match given {
            Some(Answer::Level(level)) => self.levels[usize::from(level.value())] += 1,
            Some(Answer::NotApplicable) => self.not_applicable += 1,
            Some(Answer::DontKnow) => self.dont_know += 1,
            None => self.unanswered += 1,
        }
    }
}

/// One question across the class, against the key.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionSummary {
    pub question: QuestionId,
    pub stage: StageId,
    pub key: KeyAnswer,
    pub distribution: AnswerDistribution,
    /// Groups whose answer matches the key (see [`super::Outcome::is_match`]).
    pub matches: usize,
    /// Groups graded.
    pub groups: usize,
    /// Mean of |group level − key level| over the groups that gave a level (key with a level).
    pub mean_absolute_difference: Option<f64>,
    /// Mean of (group level − key level): above 0 the class judged the case too kindly.
    pub mean_difference: Option<f64>,
}

impl QuestionSummary {
    /// Groups that did not match the key.
    pub fn misses(&self) -> usize {
        self.groups - self.matches
    }
}

/// Stage scores of every group beside the key's: rows are groups, columns the five stages.
#[derive(Debug, Clone, PartialEq)]
pub struct StageMatrix {
    pub stages: Vec<StageId>,
    pub key: Vec<Option<Score>>,
    /// One row per group, in the order the groups were given.
    pub rows: Vec<(String, Vec<Option<Score>>)>,
}

/// A group's place in the ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedGroup {
    /// 1 for the best; equal metrics share a rank ("1, 2, 2, 4").
    pub rank: usize,
    pub group: String,
    pub kappa: Option<f64>,
    pub exact_match_rate: f64,
    pub mean_absolute_difference: Option<f64>,
}

/// A whole class graded against one key.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassGrade {
    /// Every group, in the order given.
    pub groups: Vec<GroupGrade>,
    /// Every question, in questionnaire order.
    pub questions: Vec<QuestionSummary>,
}

impl ClassGrade {
    /// Grades every group of a class against the key.
    pub fn grade(questionnaire: &Questionnaire, key: &Key, groups: &[GroupAnswers]) -> ClassGrade {
        let groups: Vec<GroupGrade> = groups
            .iter()
            .map(|group| grade_group(questionnaire, key, group))
            .collect();
        let questions = questionnaire
            .questions()
            .iter()
            .enumerate()
            .map(|(position, question)| {
                let mut distribution = AnswerDistribution::default();
                let mut matches = 0;
                let mut differences = Vec::new();
                for grade in &groups {
                    let comparison = &grade.questions[position];
                    distribution.count(comparison.given);
                    if comparison.outcome.is_match() {
                        matches += 1;
                    }
                    differences.extend(comparison.outcome.difference().map(i32::from));
                }
                let mean = |values: &mut dyn Iterator<Item = i32>| {
                    (!differences.is_empty())
                        .then(|| f64::from(values.sum::<i32>()) / differences.len() as f64)
                };
                QuestionSummary {
                    question: question.id.clone(),
                    stage: question.stage,
                    key: key.answers[position],
                    distribution,
                    matches,
                    groups: groups.len(),
                    mean_absolute_difference: mean(&mut differences.iter().map(|d| d.abs())),
                    mean_difference: mean(&mut differences.iter().copied()),
                }
            })
            .collect();
        ClassGrade { groups, questions }
    }

    /// The debrief list: questions that at least one group got wrong, most misses first,
    /// then the largest mean gap, then questionnaire order; at most `limit`.
    pub fn debrief(&self, limit: usize) -> Vec<&QuestionSummary> {
        let mut wrong: Vec<&QuestionSummary> = self
            .questions
            .iter()
            .filter(|question| question.misses() > 0)
            .collect();
        wrong.sort_by(|a, b| {
            b.misses().cmp(&a.misses()).then_with(|| {
                b.mean_absolute_difference
                    .unwrap_or(0.0)
                    .total_cmp(&a.mean_absolute_difference.unwrap_or(0.0))
            })
        });
        wrong.truncate(limit);
        wrong
    }

    /// Stage scores of every group and of the key.
    pub fn stage_matrix(&self) -> StageMatrix {
        let stages: Vec<StageId> = self
            .groups
            .first()
            .map(|grade| grade.stages.iter().map(|stage| stage.stage).collect())
            .unwrap_or_else(|| StageId::ALL.to_vec());
        let key = self
            .groups
            .first()
            .map(|grade| grade.stages.iter().map(|stage| stage.key).collect())
            .unwrap_or_default();
        let rows = self
            .groups
            .iter()
            .map(|grade| {
                (
                    grade.group.clone(),
                    grade.stages.iter().map(|stage| stage.group).collect(),
                )
            })
            .collect();
        StageMatrix { stages, key, rows }
    }

    /// The groups from closest to the key to furthest: highest kappa first (an undefined
    /// kappa last), then highest exact-match rate, then lowest mean absolute difference;
    /// groups equal on all three share a rank and are listed by name. Showing it is the
    /// teacher's choice.
    pub fn ranking(&self) -> Vec<RankedGroup> {
        let mut ranked: Vec<RankedGroup> = self
            .groups
            .iter()
            .map(|grade| RankedGroup {
                rank: 0,
                group: grade.group.clone(),
                kappa: grade.kappa,
                exact_match_rate: grade.exact_match_rate,
                mean_absolute_difference: grade.mean_absolute_difference,
            })
            .collect();
        let order = |a: &RankedGroup, b: &RankedGroup| {
            let kappa = |group: &RankedGroup| group.kappa.unwrap_or(f64::NEG_INFINITY);
            let distance =
                |group: &RankedGroup| group.mean_absolute_difference.unwrap_or(f64::INFINITY);
            kappa(b)
                .total_cmp(&kappa(a))
                .then_with(|| b.exact_match_rate.total_cmp(&a.exact_match_rate))
                .then_with(|| distance(a).total_cmp(&distance(b)))
        };
        ranked.sort_by(|a, b| order(a, b).then_with(|| a.group.cmp(&b.group)));
        for position in 0..ranked.len() {
            ranked[position].rank =
                if position > 0 && order(&ranked[position - 1], &ranked[position]).is_eq() {
                    ranked[position - 1].rank
                } else {
                    position + 1
                };
        }
        ranked
    }
}
