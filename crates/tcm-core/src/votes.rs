//! How a room voted on one question, and which questions divide it: the rule a live
//! session's reveal, its "what divides us" list and the report's workshop section share.
//!
//! A vote is an [`Answer`]: a level 0–4, `NA` or `?`. The mean and the spread are those of
//! the levels only (`NA` and `?` excluded, as in scoring); the share of "?" is taken over
//! every vote, since not knowing is itself a finding.

use std::collections::HashMap;

use crate::answer::{Answer, AnswerSheet};
use crate::questionnaire::{Question, Questionnaire};
use crate::scoring::Dispersion;

/// The fewest votes for a question to be said to divide the room (one vote divides nobody).
pub const FEWEST_VOTES_TO_DIVIDE: usize = 2;

/// The votes on one question, counted.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct VoteDistribution {
    /// Every vote, whatever it says.
    pub votes: usize,
    /// Votes for each level 0–4.
    pub levels: [usize; 5],
    pub not_applicable: usize,
    pub dont_know: usize,
    /// Spread of the levels given; `None` when no vote is a level.
    pub dispersion: Option<Dispersion>,
}

impl VoteDistribution {
    /// Counts some votes.
    pub fn of_votes(votes: impl IntoIterator<Item = Answer>) -> VoteDistribution {
        let mut distribution = VoteDistribution::default();
        let mut given = Vec::new();
        for vote in votes {
            distribution.votes += 1;
            match vote {
                Answer::Level(level) => {
                    let value = level.value();
                    if let Some(slot) = distribution.levels.get_mut(usize::from(value)) {
                        *slot += 1;
                    }
                    given.push(value);
                }
                Answer::NotApplicable => distribution.not_applicable += 1,
                Answer::DontKnow => distribution.dont_know += 1,
            }
        }
        distribution.dispersion = Dispersion::of_levels(&given);
        distribution
    }

    /// Mean of the levels given.
    pub fn mean(&self) -> Option<f64> {
        self.dispersion.map(|spread| spread.mean)
    }

    /// Population standard deviation of the levels given.
    pub fn standard_deviation(&self) -> Option<f64> {
        self.dispersion.map(|spread| spread.standard_deviation)
    }

    /// Highest level given minus the lowest.
    pub fn range(&self) -> Option<u8> {
        self.dispersion.map(|spread| spread.range())
    }

    /// Share of "?" among every vote, 0–1; `None` when nobody voted.
    pub fn dont_know_share(&self) -> Option<f64> {
        (self.votes > 0).then(|| self.dont_know as f64 / self.votes as f64)
    }

    /// Whether the votes differ at all: levels apart, or some "?" (knowledge missing).
    pub fn divides(&self) -> bool {
        self.votes >= FEWEST_VOTES_TO_DIVIDE
            && (self.standard_deviation().unwrap_or(0.0) > 0.0 || self.dont_know > 0)
    }
}

/// The questions with at least [`FEWEST_VOTES_TO_DIVIDE`] votes, the most divided first: the
/// largest standard deviation of the levels, then the largest share of "?", then in the order
/// given (the questionnaire's).
pub fn most_divided<K>(
    questions: impl IntoIterator<Item = (K, VoteDistribution)>,
) -> Vec<(K, VoteDistribution)> {
    let mut divided: Vec<(K, VoteDistribution)> = questions
        .into_iter()
        .filter(|(_, distribution)| distribution.votes >= FEWEST_VOTES_TO_DIVIDE)
        .collect();
    // A stable sort keeps the given order between equals.
    divided.sort_by(|(_, a), (_, b)| {
        let spread = |votes: &VoteDistribution| votes.standard_deviation().unwrap_or(0.0);
        let unknown = |votes: &VoteDistribution| votes.dont_know_share().unwrap_or(0.0);
        spread(b)
            .total_cmp(&spread(a))
            .then(unknown(b).total_cmp(&unknown(a)))
    });
    divided
}

/// The questions on which a sheet's respondents were divided before any discussion: each
/// question's votes are the respondents' own answers (consensus values left out), counted in
/// the questionnaire's order, and only those that [`VoteDistribution::divides`] are kept, the
/// most divided first. The report's workshop section and the results screen list these.
pub fn room_divisions<'q>(
    questionnaire: &'q Questionnaire,
    sheet: &AnswerSheet,
) -> Vec<(&'q Question, VoteDistribution)> {
    let mut votes: HashMap<&str, Vec<Answer>> = HashMap::new();
    for (_, question, response) in sheet.responses() {
        votes
            .entry(question.as_str())
            .or_default()
            .push(response.answer);
    }
    let counted = questionnaire.questions().iter().filter_map(|question| {
        let given = votes.remove(question.id.as_str())?;
        Some((question, VoteDistribution::of_votes(given)))
    });
    most_divided(counted)
        .into_iter()
        .filter(|(_, distribution)| distribution.divides())
        .collect()
}
