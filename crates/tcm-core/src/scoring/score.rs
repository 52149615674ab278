//! A score on the 0–100 scale, and how it is rounded and read as a maturity level.

use crate::maturity::MaturityLevel;

/// A score between 0 and 100, kept exact; reported rounded to 0.1.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Score(f64);

impl Score {
    /// A score, held within 0–100 whatever it is handed: a value outside is brought to the
    /// nearest bound (floating-point sums can land a hair above 100), and NaN, which no
    /// scoring path produces, becomes 0 rather than reading as level 5.
    pub fn new(value: f64) -> Score {
        if value.is_nan() {
            Score(0.0)
        } else {
            Score(value.clamp(0.0, 100.0))
        }
    }

    /// The exact value, used for any further computation (the overall index uses exact
    /// stage scores, not rounded ones).
    pub fn value(self) -> f64 {
        self.0
    }

    /// The value rounded to one decimal, halves away from zero: what every output shows.
    pub fn rounded(self) -> f64 {
        round_to_tenth(self.0)
    }

    /// The maturity level of the score as reported (rounded to 0.1), so that a score shown
    /// as 20.0 is always level 2, whatever its hidden decimals.
    pub fn level(self) -> MaturityLevel {
        MaturityLevel::from_score(self.rounded())
    }

    /// Arithmetic mean of some scores; `None` when there are none.
    pub fn mean(scores: impl Iterator<Item = Score>) -> Option<Score> {
        let (sum, count) = scores.fold((0.0, 0usize), |(sum, count), score| {
            (sum + score.0, count + 1)
        });
        (count > 0).then(|| Score::new(sum / count as f64))
    }
}

/// Rounds to one decimal, halves away from zero. The tiny epsilon absorbs binary
/// representation error, so that 12.25 (stored as 12.2499999…) rounds up as written.
pub fn round_to_tenth(value: f64) -> f64 {
    let scaled = value * 10.0;
    let nudged = scaled + scaled.signum() * 1e-9;
    nudged.round() / 10.0
}
