//! How far respondents agree on a question.

/// Spread of the levels respondents gave to one question (`NA` and `?` excluded).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dispersion {
    /// Number of levels given.
    pub count: usize,
    pub min: u8,
    pub max: u8,
    pub mean: f64,
    /// Population standard deviation (divides by the count, not count − 1).
    pub standard_deviation: f64,
}

impl Dispersion {
    /// The spread of some levels; `None` when there are none.
    pub fn of_levels(levels: &[u8]) -> Option<Dispersion> {
        let min = *levels.iter().min()?;
        let max = *levels.iter().max()?;
        let count = levels.len();
        let mean = levels.iter().map(|&level| f64::from(level)).sum::<f64>() / count as f64;
        let variance = levels
            .iter()
            .map(|&level| (f64::from(level) - mean).powi(2))
            .sum::<f64>()
            / count as f64;
        Some(Dispersion {
            count,
            min,
            max,
            mean,
            standard_deviation: variance.sqrt(),
        })
    }

    /// Levels from lowest to highest: the range respondents disagree over.
    pub fn range(&self) -> u8 {
        self.max - self.min
    }
}
