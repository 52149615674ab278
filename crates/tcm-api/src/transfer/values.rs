//! The closed lists that cross to the UI: each value is generated as a TypeScript literal
//! union, spelled exactly as the wire has always carried it, and converts from and to its
//! domain type. The UI holds no list of its own.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A transfer enum mirroring a domain enum variant for variant, with its wire spelling.
macro_rules! mirror {
    ($(#[$meta:meta])* $name:ident <=> $krate:ident :: $core:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        #[ts(export)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant,)+
        }

        impl $name {
            /// Every value, in the domain's order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The wire spelling.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl From<$krate::$core> for $name {
            fn from(value: $krate::$core) -> $name {
                match value {
                    $($krate::$core::$variant => $name::$variant,)+
                }
            }
        }

        impl From<$name> for $krate::$core {
            fn from(value: $name) -> $krate::$core {
                match value {
                    $($name::$variant => $krate::$core::$variant,)+
                }
            }
        }
    };
}

mirror! {
    /// How an assessment is run.
    Mode <=> tcm_core::Mode {
        SelfAssessment = "self",
        Workshop = "workshop",
        Classroom = "classroom",
    }
}

mirror! {
    /// Where an assessment stands.
    AssessmentStatus <=> tcm_core::AssessmentStatus {
        InProgress = "in-progress",
        Completed = "completed",
        Archived = "archived",
    }
}

mirror! {
    /// Where an action of the plan stands.
    ActionStatus <=> tcm_core::ActionStatus {
        Proposed = "proposed",
        Planned = "planned",
        InProgress = "in-progress",
        Done = "done",
        Dismissed = "dismissed",
    }
}

mirror! {
    /// An organisation's sector.
    Sector <=> tcm_core::Sector {
        Industry = "industry",
        Services = "services",
        BankInsurance = "bank-insurance",
        Retail = "retail",
        PublicSector = "public-sector",
        Association = "association",
        Other = "other",
    }
}

mirror! {
    /// An organisation's headcount band.
    OrganisationSize <=> tcm_core::OrganisationSize {
        Micro = "micro",
        Small = "small",
        Medium = "medium",
        Large = "large",
    }
}

mirror! {
    /// The language of an assessment, its report and its proposals.
    LanguageCode <=> tcm_core::Language {
        French = "fr",
        English = "en",
    }
}

mirror! {
    /// A section of the report that the consultant may leave out.
    ReportSection <=> tcm_report::Section {
        Summary = "summary",
        Charts = "charts",
        Workshop = "workshop",
        Plan = "plan",
        Details = "details",
        Appendix = "appendix",
    }
}

mirror! {
    /// One of the five stages, in the order of the cycle.
    StageId <=> tcm_core::StageId {
        Creative = "creative",
        Active = "active",
        Curative = "curative",
        Preventive = "preventive",
        Proactive = "proactive",
    }
}

mirror! {
    /// Where a plan item comes from: derived from the scores, or stored by the user.
    PlanOrigin <=> tcm_core::PlanOrigin {
        Proposal = "proposal",
        Kept = "kept",
    }
}

mirror! {
    /// A label that helps choose among actions.
    PlanLabel <=> tcm_core::PlanLabel {
        QuickWin = "quickWin",
        StructuralProject = "structuralProject",
    }
}

/// One respondent's answer: a level `0`–`4`, `NA` (not applicable) or `?` (don't know).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum AnswerValue {
    #[serde(rename = "0")]
    L0,
    #[serde(rename = "1")]
    L1,
    #[serde(rename = "2")]
    L2,
    #[serde(rename = "3")]
    L3,
    #[serde(rename = "4")]
    L4,
    #[serde(rename = "NA")]
    NotApplicable,
    #[serde(rename = "?")]
    DontKnow,
}

/// The levels, in order, as the transfer enum spells them.
const LEVELS: [AnswerValue; 5] = [
    AnswerValue::L0,
    AnswerValue::L1,
    AnswerValue::L2,
    AnswerValue::L3,
    AnswerValue::L4,
];

fn level_of(value: AnswerValue) -> Option<tcm_core::Level> {
    let index = LEVELS.iter().position(|level| *level == value)?;
    tcm_core::Level::new(u8::try_from(index).ok()?)
}

fn answer_of_level(level: tcm_core::Level) -> AnswerValue {
    LEVELS
        .get(usize::from(level.value()))
        .copied()
        .unwrap_or(AnswerValue::L4)
}

impl From<tcm_core::Answer> for AnswerValue {
    fn from(answer: tcm_core::Answer) -> AnswerValue {
        match answer {
            tcm_core::Answer::Level(level) => answer_of_level(level),
            tcm_core::Answer::NotApplicable => AnswerValue::NotApplicable,
            tcm_core::Answer::DontKnow => AnswerValue::DontKnow,
        }
    }
}

impl From<AnswerValue> for tcm_core::Answer {
    fn from(value: AnswerValue) -> tcm_core::Answer {
        match value {
            AnswerValue::NotApplicable => tcm_core::Answer::NotApplicable,
            AnswerValue::DontKnow => tcm_core::Answer::DontKnow,
            level => level_of(level).map_or(tcm_core::Answer::DontKnow, tcm_core::Answer::Level),
        }
    }
}

/// A value a group agreed on: a level `0`–`4` or `NA`; never `?`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum ConsensusValue {
    #[serde(rename = "0")]
    L0,
    #[serde(rename = "1")]
    L1,
    #[serde(rename = "2")]
    L2,
    #[serde(rename = "3")]
    L3,
    #[serde(rename = "4")]
    L4,
    #[serde(rename = "NA")]
    NotApplicable,
}

impl From<tcm_core::Consensus> for ConsensusValue {
    fn from(consensus: tcm_core::Consensus) -> ConsensusValue {
        match consensus {
            tcm_core::Consensus::NotApplicable => ConsensusValue::NotApplicable,
            tcm_core::Consensus::Level(level) => match answer_of_level(level) {
                AnswerValue::L0 => ConsensusValue::L0,
                AnswerValue::L1 => ConsensusValue::L1,
                AnswerValue::L2 => ConsensusValue::L2,
                AnswerValue::L3 => ConsensusValue::L3,
                _ => ConsensusValue::L4,
            },
        }
    }
}

impl From<ConsensusValue> for tcm_core::Consensus {
    fn from(value: ConsensusValue) -> tcm_core::Consensus {
        let level = match value {
            ConsensusValue::NotApplicable => return tcm_core::Consensus::NotApplicable,
            ConsensusValue::L0 => AnswerValue::L0,
            ConsensusValue::L1 => AnswerValue::L1,
            ConsensusValue::L2 => AnswerValue::L2,
            ConsensusValue::L3 => AnswerValue::L3,
            ConsensusValue::L4 => AnswerValue::L4,
        };
        level_of(level).map_or(
            tcm_core::Consensus::NotApplicable,
            tcm_core::Consensus::Level,
        )
    }
}

/// What made a backup, read from its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum BackupKind {
    Auto,
    Manual,
    BeforeMigration,
    BeforeRestore,
    Other,
}

impl BackupKind {
    /// The wire spelling, which is also how backup file names spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            BackupKind::Auto => "auto",
            BackupKind::Manual => "manual",
            BackupKind::BeforeMigration => "before-migration",
            BackupKind::BeforeRestore => "before-restore",
            BackupKind::Other => "other",
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ImportOutcome {
    /// A `.tcm` file: a new assessment.
    Created,
    /// A `.tcm` file of an assessment already here, bringing newer content and missing
    /// nothing of this computer's: updated after a backup.
    Updated,
    /// A `.tcm` file of an assessment already here with the same content: nothing written.
    AlreadyPresent,
    /// A `.tcm` file imported as a separate assessment, as the user chose.
    Copied,
    /// A `.tcm` file that replaced this computer's assessment, as the user chose (backup first).
    Replaced,
    /// A `.tcm` file merged answer by answer, as the user chose (backup first).
    Merged,
    /// Responses from a CSV or XLSX file added to an assessment.
    Responses,
}

use tcm_core::strategy::benchmark;

mirror! {
    /// The audits a benchmark's figures are drawn from, in the client's terms.
    BenchmarkFilter <=> benchmark::Filter {
        MostSpecific = "most-specific",
        SectorAndSize = "sector-and-size",
        Sector = "sector",
        Size = "size",
        All = "all",
    }
}

mirror! {
    /// Where the client stands on a benchmark's distribution.
    BenchmarkPosition <=> benchmark::Position {
        LowerQuartile = "lower-quartile",
        SecondQuartile = "second-quartile",
        ThirdQuartile = "third-quartile",
        UpperQuartile = "upper-quartile",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wire<T: Serialize>(value: T) -> String {
        serde_json::to_value(value)
            .ok()
            .and_then(|value| value.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// The wire format does not change: each value is spelled as the domain spells it.
    #[test]
    fn every_value_is_spelled_as_the_domain_spells_it() {
        for mode in tcm_core::Mode::ALL {
            assert_eq!(wire(Mode::from(*mode)), mode.as_str());
        }
        for status in tcm_core::AssessmentStatus::ALL {
            assert_eq!(wire(AssessmentStatus::from(*status)), status.as_str());
        }
        for status in tcm_core::ActionStatus::ALL {
            assert_eq!(wire(ActionStatus::from(*status)), status.as_str());
        }
        for sector in tcm_core::Sector::ALL {
            assert_eq!(wire(Sector::from(*sector)), sector.as_str());
        }
        for size in tcm_core::OrganisationSize::ALL {
            assert_eq!(wire(OrganisationSize::from(*size)), size.as_str());
        }
        for language in tcm_core::Language::ALL {
            assert_eq!(wire(LanguageCode::from(language)), language.code());
        }
        for stage in tcm_core::StageId::ALL {
            assert_eq!(wire(StageId::from(stage)), stage.as_str());
        }
        for section in tcm_report::Section::ALL {
            assert_eq!(wire(ReportSection::from(section)), section.key());
        }
        for text in ["0", "1", "2", "3", "4", "NA", "?"] {
            let answer: tcm_core::Answer = text.parse().expect("an answer");
            let value = AnswerValue::from(answer);
            assert_eq!(wire(value), text);
            assert_eq!(tcm_core::Answer::from(value), answer);
        }
        for text in ["0", "1", "2", "3", "4", "NA"] {
            let value: ConsensusValue =
                serde_json::from_value(serde_json::json!(text)).expect("a value");
            assert_eq!(wire(value), text);
            assert_eq!(
                ConsensusValue::from(tcm_core::Consensus::from(value)),
                value
            );
        }
        assert_eq!(wire(PlanLabel::QuickWin), "quickWin");
        assert_eq!(wire(PlanOrigin::Proposal), "proposal");
        for kind in [
            BackupKind::Auto,
            BackupKind::Manual,
            BackupKind::BeforeMigration,
            BackupKind::BeforeRestore,
            BackupKind::Other,
        ] {
            assert_eq!(wire(kind), kind.as_str());
        }
        assert_eq!(wire(ImportOutcome::AlreadyPresent), "alreadyPresent");
    }

    #[test]
    fn a_round_trip_through_the_domain_keeps_every_value() {
        for value in Mode::ALL {
            assert_eq!(Mode::from(tcm_core::Mode::from(*value)), *value);
        }
        for value in ActionStatus::ALL {
            assert_eq!(
                ActionStatus::from(tcm_core::ActionStatus::from(*value)),
                *value
            );
        }
        for value in StageId::ALL {
            assert_eq!(StageId::from(tcm_core::StageId::from(*value)), *value);
        }
    }

    #[test]
    fn values_outside_the_lists_are_refused() {
        assert!(serde_json::from_value::<AnswerValue>(serde_json::json!("5")).is_err());
        assert!(serde_json::from_value::<ConsensusValue>(serde_json::json!("?")).is_err());
        assert!(serde_json::from_value::<Mode>(serde_json::json!("solo")).is_err());
    }
}

use tcm_core::strategy::trend;

mirror! {
    /// Which way a figure went between two audits.
    Movement <=> trend::Movement {
        Rose = "rose",
        Fell = "fell",
        Unchanged = "unchanged",
        Unknown = "unknown",
    }
}
