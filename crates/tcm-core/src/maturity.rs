//! Maturity levels 1–5, read from a score on the 0–100 scale.

use std::fmt;

use crate::text::{Language, Localized};

/// Where a stage, a theme or the whole relationship stands.
///
/// Thresholds: below 20 → 1, below 40 → 2, below 60 → 3, below 80 → 4, else 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MaturityLevel {
    Embryonic = 1,
    Emerging = 2,
    Structured = 3,
    Managed = 4,
    Partnership = 5,
}

impl MaturityLevel {
    /// The five levels, lowest first.
    pub const ALL: [MaturityLevel; 5] = [
        MaturityLevel::Embryonic,
        MaturityLevel::Emerging,
        MaturityLevel::Structured,
        MaturityLevel::Managed,
        MaturityLevel::Partnership,
    ];

    /// The level of a score on the 0–100 scale.
    pub fn from_score(score: f64) -> MaturityLevel {
        if score < 20.0 {
            MaturityLevel::Embryonic
        } else if score < 40.0 {
            MaturityLevel::Emerging
        } else if score < 60.0 {
            MaturityLevel::Structured
        } else if score < 80.0 {
            MaturityLevel::Managed
        } else {
            MaturityLevel::Partnership
        }
    }

    /// The level as a number from 1 to 5.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The level whose number is `number`, if it is between 1 and 5.
    pub fn from_number(number: u8) -> Option<MaturityLevel> {
        MaturityLevel::ALL
            .get(usize::from(number).checked_sub(1)?)
            .copied()
    }

    /// The lowest score (inclusive) that reaches this level.
    pub fn lower_bound(self) -> f64 {
        f64::from(self.number() - 1) * 20.0
    }

    /// The level's name in both languages.
    pub fn names(self) -> Localized {
        match self {
            MaturityLevel::Embryonic => Localized::new("Embryonnaire", "Embryonic"),
            MaturityLevel::Emerging => Localized::new("Émergente", "Emerging"),
            MaturityLevel::Structured => Localized::new("Structurée", "Structured"),
            MaturityLevel::Managed => Localized::new("Maîtrisée", "Managed"),
            MaturityLevel::Partnership => Localized::new("Partenariale", "Partnership"),
        }
    }

    /// The level's name in one language.
    pub fn name(self, language: Language) -> String {
        self.names().get(language).to_owned()
    }

    /// What the level means for the customer relationship, in both languages.
    pub fn meaning(self) -> Localized {
        match self {
            MaturityLevel::Embryonic => Localized::new(
                "Les pratiques sont absentes ou isolées : la relation client dépend des personnes, pas de l’organisation.",
                "Practices are missing or isolated: the customer relationship depends on individuals, not on the organisation.",
            ),
            MaturityLevel::Emerging => Localized::new(
                "Des initiatives existent mais restent ponctuelles et peu formalisées ; les résultats ne sont pas mesurés.",
                "Initiatives exist but remain occasional and informal; results are not measured.",
            ),
            MaturityLevel::Structured => Localized::new(
                "Les pratiques sont définies et écrites ; leur déploiement et leur mesure restent partiels.",
                "Practices are defined and written down; their roll-out and measurement are still partial.",
            ),
            MaturityLevel::Managed => Localized::new(
                "Les pratiques sont déployées, mesurées et pilotées ; l’entreprise répond aux attentes explicites de ses clients.",
                "Practices are deployed, measured and steered; the company meets its customers’ explicit expectations.",
            ),
            MaturityLevel::Partnership => Localized::new(
                "Les pratiques s’améliorent en continu et se construisent avec les clients, devenus partenaires.",
                "Practices improve continuously and are built with customers, who have become partners.",
            ),
        }
    }
}

impl fmt::Display for MaturityLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.number())
    }
}
