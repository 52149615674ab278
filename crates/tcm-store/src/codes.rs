//! How domain values are written in the database's text columns.

use tcm_core::{Answer, Consensus, Level};

pub fn answer_code(answer: Answer) -> String {
    answer.to_string()
}

/// Reads an answer column; the CHECK constraint guarantees one of the seven codes.
pub fn answer_from_code(code: &str) -> Option<Answer> {
    code.parse().ok()
}

pub fn consensus_code(consensus: Consensus) -> String {
    match consensus {
        Consensus::Level(level) => level.to_string(),
        Consensus::NotApplicable => "NA".to_owned(),
    }
}

pub fn consensus_from_code(code: &str) -> Option<Consensus> {
    match code.parse().ok()? {
        Answer::Level(level) => Some(Consensus::Level(level)),
        Answer::NotApplicable => Some(Consensus::NotApplicable),
        Answer::DontKnow => None,
    }
}

/// The level of a code, for quick checks.
#[allow(dead_code)]
pub fn level_of(code: &str) -> Option<Level> {
    answer_from_code(code).and_then(Answer::level)
}
