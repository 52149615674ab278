//! The records of an audit: the organisation assessed, the assessment itself, who answered,
//! and the actions of its plan. Plain values; the store gives them ids and keeps them.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use crate::questionnaire::QuestionId;
use crate::stage::StageId;
use crate::text::{Language, Localized};

/// A value read from text that is not one of the known ones.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{value}` (expected one of: {expected})")]
pub struct UnknownValue {
    pub what: &'static str,
    pub value: String,
    pub expected: String,
}

/// Declares a closed list of values with a stable text id and names in both languages.
macro_rules! closed_list {
    ($(#[$meta:meta])* $name:ident, $what:literal, { $($(#[$vmeta:meta])* $variant:ident => $id:literal, $fr:literal, $en:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant,)+ }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stable id used in files, the database and the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $id,)+ }
            }

            /// The name shown to people.
            pub fn names(self) -> Localized {
                match self { $($name::$variant => Localized::new($fr, $en),)+ }
            }

            pub fn name(self, language: Language) -> String {
                self.names().get(language).to_owned()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownValue;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                let wanted = text.trim();
                $name::ALL
                    .iter()
                    .copied()
                    .find(|value| value.as_str().eq_ignore_ascii_case(wanted))
                    .ok_or_else(|| UnknownValue {
                        what: $what,
                        value: text.to_owned(),
                        expected: $name::ALL.iter().map(|value| value.as_str()).collect::<Vec<_>>().join(", "),
                    })
            }
        }
    };
}

closed_list!(
    /// The sector an organisation works in.
    Sector, "sector", {
        Industry => "industry", "Industrie", "Industry";
        Services => "services", "Services", "Services";
        BankInsurance => "bank-insurance", "Banque et assurance", "Banking and insurance";
        Retail => "retail", "Commerce et distribution", "Retail";
        PublicSector => "public-sector", "Secteur public", "Public sector";
        Association => "association", "Association", "Non-profit";
        Other => "other", "Autre", "Other";
    }
);

closed_list!(
    /// The size of an organisation, by headcount (the European SME bands).
    OrganisationSize, "size", {
        /// Fewer than 10 people.
        Micro => "micro", "Moins de 10 personnes", "Fewer than 10 people";
        /// 10 to 49 people.
        Small => "small", "10 à 49 personnes", "10 to 49 people";
        /// 50 to 249 people.
        Medium => "medium", "50 à 249 personnes", "50 to 249 people";
        /// 250 people or more.
        Large => "large", "250 personnes ou plus", "250 people or more";
    }
);

closed_list!(
    /// How an assessment is run.
    Mode, "mode", {
        /// One person (an executive) answers alone.
        SelfAssessment => "self", "Auto-évaluation", "Self-assessment";
        /// A consultant runs a workshop with several managers.
        Workshop => "workshop", "Atelier", "Workshop";
        /// A teacher runs an exercise with groups of students.
        Classroom => "classroom", "Classe", "Classroom";
    }
);

closed_list!(
    /// Where an assessment stands.
    AssessmentStatus, "status", {
        InProgress => "in-progress", "En cours", "In progress";
        Completed => "completed", "Terminée", "Completed";
        Archived => "archived", "Archivée", "Archived";
    }
);

closed_list!(
    /// Where an action of the plan stands.
    ActionStatus, "action status", {
        /// Derived from the scores, not yet taken up by anyone.
        Proposed => "proposed", "Proposée", "Proposed";
        /// Accepted into the plan.
        Planned => "planned", "Planifiée", "Planned";
        InProgress => "in-progress", "En cours", "In progress";
        Done => "done", "Terminée", "Done";
        /// Set aside on purpose; kept so that it is not proposed again.
        Dismissed => "dismissed", "Écartée", "Dismissed";
    }
);

/// The organisation an assessment is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    pub name: String,
    pub sector: Sector,
    pub size: Option<OrganisationSize>,
    pub notes: String,
}

/// The answer level each practice of a stage should reach: an integer on the 0–4 answer
/// scale, from 1 to 4. The action plan measures gaps against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Targets([u8; 5]);

/// A target outside 1–4.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the target of stage `{stage}` must be a level from 1 to 4, found {value}")]
pub struct InvalidTarget {
    pub stage: StageId,
    pub value: u8,
}

impl Targets {
    /// The default: level 4 for every stage.
    pub const DEFAULT_LEVEL: u8 = 4;

    /// Targets for the five stages, in the order of the cycle.
    pub fn new(levels: [u8; 5]) -> Result<Targets, InvalidTarget> {
        for (stage, value) in StageId::ALL.into_iter().zip(levels) {
            if !(1..=4).contains(&value) {
                return Err(InvalidTarget { stage, value });
            }
        }
        Ok(Targets(levels))
    }

    pub fn of(&self, stage: StageId) -> u8 {
        self.0[stage.index()]
    }

    /// Sets one stage's target.
    pub fn with(mut self, stage: StageId, value: u8) -> Result<Targets, InvalidTarget> {
        if !(1..=4).contains(&value) {
            return Err(InvalidTarget { stage, value });
        }
        self.0[stage.index()] = value;
        Ok(self)
    }

    /// The five levels, in the order of the cycle.
    pub fn levels(&self) -> [u8; 5] {
        self.0
    }

    /// A target as a score on the 0–100 scale (level 4 is 100), for charts against scores.
    pub fn as_score(&self, stage: StageId) -> f64 {
        f64::from(self.of(stage)) * 25.0
    }
}

impl Default for Targets {
    fn default() -> Targets {
        Targets([Targets::DEFAULT_LEVEL; 5])
    }
}

/// An audit of one organisation with one questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub title: String,
    pub mode: Mode,
    /// The language of its reports.
    pub language: Language,
    pub targets: Targets,
    pub status: AssessmentStatus,
}

/// Who answers in an assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RespondentProfile {
    /// A display name or an anonymous label ("Répondant 3"); unique within an assessment.
    pub label: String,
    /// Their role, e.g. "Directrice commerciale"; may be empty.
    pub role: String,
    /// Their department, or their group in a classroom; may be empty.
    pub group: String,
}

/// The label an anonymised respondent takes: "Participant N", N one more than the highest
/// number among the `labels` already in the assessment that have that form (the rule live
/// sessions use for participants who give no name), so it never collides with one of them.
pub fn next_participant_label<'a>(labels: impl IntoIterator<Item = &'a str>) -> String {
    let highest = labels
        .into_iter()
        .filter_map(|label| label.strip_prefix("Participant "))
        .filter_map(|number| number.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("Participant {}", highest.saturating_add(1))
}

/// What an action of the plan is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ActionLink {
    /// The recommended action of one question.
    Question(QuestionId),
    /// A stage as a whole (an action the user added).
    Stage(StageId),
}

/// An action of the plan as the user keeps it: a proposal they took up, edited, closed or
/// dismissed, or one they added. Proposals derived from scores never overwrite these.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedAction {
    pub link: ActionLink,
    pub title: String,
    pub description: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    /// 1–3.
    pub impact: u8,
    /// 1–3.
    pub effort: u8,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_anonymised_respondent_takes_the_next_free_participant_number() {
        assert_eq!(next_participant_label([]), "Participant 1");
        assert_eq!(
            next_participant_label(["Claire", "Participant 2", "Participant 7", "Marc"]),
            "Participant 8"
        );
        assert_eq!(
            next_participant_label(["Participant x", "Participant -3", "Participants 9"]),
            "Participant 1",
            "only the exact form counts"
        );
        assert_eq!(
            next_participant_label(["Participant 4294967295"]),
            "Participant 4294967295",
            "saturates rather than overflowing"
        );
    }
}
