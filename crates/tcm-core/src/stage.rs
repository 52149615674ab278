//! The five stages of Ohana's customer understanding cycle, in their canonical order.

use std::fmt;
use std::str::FromStr;

use crate::text::{Language, Localized};

/// One stage of the understanding cycle. The TCM grid has exactly these five, in this order:
/// before the sale (créative), during the sale (active), after the sale (curative,
/// préventive, proactive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StageId {
    /// Design the customer capital: segment, choose, target, create value.
    Creative,
    /// Serve and satisfy.
    Active,
    /// Repair: complaints, recalls.
    Curative,
    /// Protect the relationship when it weakens.
    Preventive,
    /// Make the customer a partner.
    Proactive,
}

impl StageId {
    /// The five stages in the order of the cycle.
    pub const ALL: [StageId; 5] = [
        StageId::Creative,
        StageId::Active,
        StageId::Curative,
        StageId::Preventive,
        StageId::Proactive,
    ];

    /// The identifier used in questionnaire files and outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            StageId::Creative => "creative",
            StageId::Active => "active",
            StageId::Curative => "curative",
            StageId::Preventive => "preventive",
            StageId::Proactive => "proactive",
        }
    }

    /// Position in the cycle, from 0.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The stage's short name, used when a questionnaire does not give one (reports, charts).
    pub fn default_name(self) -> Localized {
        match self {
            StageId::Creative => Localized::new("Créative", "Creative"),
            StageId::Active => Localized::new("Active", "Active"),
            StageId::Curative => Localized::new("Curative", "Curative"),
            StageId::Preventive => Localized::new("Préventive", "Preventive"),
            StageId::Proactive => Localized::new("Proactive", "Proactive"),
        }
    }

    /// Short name in one language.
    pub fn name(self, language: Language) -> String {
        self.default_name().get(language).to_owned()
    }
}

impl fmt::Display for StageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A stage identifier that is not one of the five.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown stage `{0}` (expected one of creative, active, curative, preventive, proactive)")]
pub struct UnknownStage(pub String);

impl FromStr for StageId {
    type Err = UnknownStage;

    fn from_str(id: &str) -> Result<Self, Self::Err> {
        StageId::ALL
            .into_iter()
            .find(|stage| stage.as_str() == id)
            .ok_or_else(|| UnknownStage(id.to_owned()))
    }
}
