//! A level on the answer scale, on its own so that questionnaires (whose scale names levels)
//! and answers (which give one) both depend on it without depending on each other.

use std::fmt;

/// A level on the answer scale, from 0 (absent) to 4 (optimised, built with customers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Level(u8);

impl Level {
    /// The highest level of the scale.
    pub const MAX: Level = Level(4);

    /// The level `value`, if it is between 0 and 4.
    pub const fn new(value: u8) -> Option<Level> {
        if value <= Self::MAX.0 {
            Some(Level(value))
        } else {
            None
        }
    }

    pub fn value(self) -> u8 {
        self.0
    }

    /// All five levels, 0 first.
    pub fn all() -> impl Iterator<Item = Level> {
        (0..=Self::MAX.0).map(Level)
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}
