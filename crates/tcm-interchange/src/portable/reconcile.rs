//! The same assessment twice — as this computer holds it, and as a `.tcm` file carries it —
//! compared item by item, and merged answer by answer. Pure: the time is passed in.
//!
//! The rules, exactly:
//! - Items are matched by key: an answer by (respondent, question); a consensus value by
//!   question; a kept action by its question, or by stage and title when it belongs to a
//!   stage; a respondent by label; finalised scores by the time they were taken; the
//!   assessment's own details (title, mode, language, targets, status) as one item.
//! - An item on one side only belongs to that side. An item on both sides with different
//!   content belongs to the side changed later: an answer by its own `updated_at`, everything
//!   else by the assessment's `updated_at`; on a tie, this computer's side.
//! - A time later than `now` is not trusted: the file's item is then taken as older than any
//!   local one (a file dated in the future never wins by its date).
//! - The roadmap's wave overrides (an initiative moved to a wave or given dates) are matched
//!   by initiative, and have no date of their own: a merge keeps this computer's and adds the
//!   file's for initiatives this computer has none for, so one this computer set differently
//!   is a conflict kept here. A file written before overrides travelled says nothing about
//!   them: none is compared, and an import leaves this computer's alone.
//! - **Local work the file does not contain** = the items that belong to this computer's
//!   side; replacing the assessment by the file would lose them.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{DateTime, Utc};
use tcm_core::{ActionLink, PlannedAction, QuestionId, Respondent};

use super::model::{PortableAssessment, RecordedAnswer};

/// One item of an assessment, named as a person would.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Item {
    Details,
    Respondent(String),
    Answer {
        respondent: String,
        question: String,
    },
    Consensus(String),
    Action(String),
    ScoreSnapshot(String),
    /// An initiative of the roadmap moved to another wave or given dates, by its id.
    WaveOverride(String),
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Details => write!(f, "the assessment's title, targets or status"),
            Item::Respondent(label) => write!(f, "respondent « {label} »"),
            Item::Answer {
                respondent,
                question,
            } => write!(f, "the answer of « {respondent} » to {question}"),
            Item::Consensus(question) => write!(f, "the consensus on {question}"),
            Item::Action(key) => write!(f, "the action « {key} »"),
            Item::ScoreSnapshot(taken_at) => write!(f, "the scores finalised on {taken_at}"),
            Item::WaveOverride(initiative) => write!(
                f,
                "the roadmap's wave or dates of initiative « {initiative} »"
            ),
        }
    }
}

/// Which copy an item was kept from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Local,
    File,
}

/// An item both copies hold with different content, and which one the merge kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub item: Item,
    pub kept: Side,
    /// Why: "changed later here", "changed later in the file", "the file's date is in the
    /// future".
    pub reason: &'static str,
}

/// How the two copies differ.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Comparison {
    /// Items only the file has, or that the file changed later: importing brings them.
    pub from_file: Vec<Item>,
    /// Items only this computer has, or that it changed later: replacing would lose them.
    pub local_only: Vec<Item>,
    /// Items both hold with different content, with the side the rules keep.
    pub conflicts: Vec<Conflict>,
    /// The file says it was changed after `now`: its dates are not trusted.
    pub file_dated_in_future: bool,
}

impl Comparison {
    /// Both copies hold the same content.
    pub fn is_same(&self) -> bool {
        self.from_file.is_empty() && self.local_only.is_empty()
    }
}

/// Two versions of one item and their dates.
struct Pair<'a, T> {
    local: Option<(&'a T, DateTime<Utc>)>,
    file: Option<(&'a T, DateTime<Utc>)>,
}

/// Which side an item belongs to, and whether both held different content.
fn decide<T: PartialEq>(
    pair: &Pair<'_, T>,
    now: DateTime<Utc>,
) -> Option<(Side, Option<&'static str>)> {
    match (pair.local, pair.file) {
        (Some(_), None) => Some((Side::Local, None)),
        (None, Some(_)) => Some((Side::File, None)),
        (None, None) => None,
        (Some((local, _)), Some((file, _))) if local == file => None,
        (Some((_, local_at)), Some((_, file_at))) => Some(if file_at > now {
            (Side::Local, Some("the file's date is in the future"))
        } else if file_at > local_at {
            (Side::File, Some("changed later in the file"))
        } else {
            (Side::Local, Some("changed later here"))
        }),
    }
}

fn action_key(action: &PlannedAction) -> String {
    match &action.link {
        ActionLink::Question(question) => question.to_string(),
        ActionLink::Stage(stage) => format!("{}: {}", stage.as_str(), action.title.trim()),
    }
}

/// What walking both copies has found so far.
struct Walk {
    now: DateTime<Utc>,
    comparison: Comparison,
}

impl Walk {
    fn record<T: PartialEq>(&mut self, item: Item, pair: &Pair<'_, T>) -> Option<Side> {
        let (side, conflict) = decide(pair, self.now)?;
        match side {
            Side::Local => self.comparison.local_only.push(item.clone()),
            Side::File => self.comparison.from_file.push(item.clone()),
        }
        if let Some(reason) = conflict {
            self.comparison.conflicts.push(Conflict {
                item,
                kept: side,
                reason,
            });
        }
        Some(side)
    }
}

/// The assessment's own details, compared as one item.
#[derive(PartialEq)]
struct Details<'a> {
    assessment: &'a tcm_core::Assessment,
}

/// Merges a file's copy into this computer's, item by item by the rules of this module.
/// Returns the merged assessment (this computer's uuid and creation time) and how the copies
/// compared, conflicts included.
pub fn merge(
    local: &PortableAssessment,
    file: &PortableAssessment,
    now: DateTime<Utc>,
) -> (PortableAssessment, Comparison) {
    let (comparison, merged) = walk(local, file, now);
    (merged, comparison)
}

fn walk(
    local: &PortableAssessment,
    file: &PortableAssessment,
    now: DateTime<Utc>,
) -> (Comparison, PortableAssessment) {
    let mut walk = Walk {
        now,
        comparison: Comparison {
            file_dated_in_future: file.updated_at > now,
            ..Comparison::default()
        },
    };
    let mut merged = local.clone();

    // The assessment's details.
    let details = Pair {
        local: Some((
            &Details {
                assessment: &local.assessment,
            },
            local.updated_at,
        )),
        file: Some((
            &Details {
                assessment: &file.assessment,
            },
            file.updated_at,
        )),
    };
    if walk.record(Item::Details, &details) == Some(Side::File) {
        merged.assessment = file.assessment.clone();
    }

    // Respondents, this computer's order first, then the file's new ones.
    let local_profiles: BTreeMap<&str, _> = local
        .respondents
        .iter()
        .map(|profile| (profile.label.as_str(), profile))
        .collect();
    let file_profiles: BTreeMap<&str, _> = file
        .respondents
        .iter()
        .map(|profile| (profile.label.as_str(), profile))
        .collect();
    let mut respondents = Vec::new();
    for label in local.respondents.iter().map(|p| p.label.as_str()).chain(
        file.respondents
            .iter()
            .map(|p| p.label.as_str())
            .filter(|label| !local_profiles.contains_key(label)),
    ) {
        let pair = Pair {
            local: local_profiles.get(label).map(|p| (*p, local.updated_at)),
            file: file_profiles.get(label).map(|p| (*p, file.updated_at)),
        };
        let side = walk.record(Item::Respondent(label.to_owned()), &pair);
        let chosen = match side {
            Some(Side::File) => file_profiles.get(label),
            _ => local_profiles
                .get(label)
                .or_else(|| file_profiles.get(label)),
        };
        if let Some(profile) = chosen {
            respondents.push((*profile).clone());
        }
    }
    merged.respondents = respondents;

    // Answers, each by its own date.
    let keys: BTreeSet<&(Respondent, QuestionId)> =
        local.answers.keys().chain(file.answers.keys()).collect();
    let mut answers = BTreeMap::new();
    for key in keys {
        let content = |recorded: &RecordedAnswer| (recorded.answer, recorded.comment.clone());
        let local_answer = local.answers.get(key);
        let file_answer = file.answers.get(key);
        let local_content = local_answer.map(content);
        let file_content = file_answer.map(content);
        let pair = Pair {
            local: local_content
                .as_ref()
                .zip(local_answer.map(|recorded| recorded.updated_at)),
            file: file_content
                .as_ref()
                .zip(file_answer.map(|recorded| recorded.updated_at)),
        };
        let item = Item::Answer {
            respondent: key.0.to_string(),
            question: key.1.to_string(),
        };
        let chosen = match walk.record(item, &pair) {
            Some(Side::File) => file_answer,
            _ => local_answer.or(file_answer),
        };
        if let Some(recorded) = chosen {
            let mut recorded = recorded.clone();
            recorded.updated_at = recorded.updated_at.min(now);
            answers.insert(key.clone(), recorded);
        }
    }
    merged.answers = answers;

    // Consensus values, by the assessments' dates.
    let questions: BTreeSet<&QuestionId> = local
        .consensus
        .keys()
        .chain(file.consensus.keys())
        .collect();
    let mut consensus = BTreeMap::new();
    for question in questions {
        let pair = Pair {
            local: local.consensus.get(question).map(|v| (v, local.updated_at)),
            file: file.consensus.get(question).map(|v| (v, file.updated_at)),
        };
        let chosen = match walk.record(Item::Consensus(question.to_string()), &pair) {
            Some(Side::File) => file.consensus.get(question),
            _ => local
                .consensus
                .get(question)
                .or_else(|| file.consensus.get(question)),
        };
        if let Some(agreed) = chosen {
            consensus.insert(question.clone(), agreed.clone());
        }
    }
    merged.consensus = consensus;

    // Kept actions, by the assessments' dates; this computer's order, then the file's new.
    let local_actions: BTreeMap<String, &PlannedAction> =
        local.actions.iter().map(|a| (action_key(a), a)).collect();
    let file_actions: BTreeMap<String, &PlannedAction> =
        file.actions.iter().map(|a| (action_key(a), a)).collect();
    let mut actions = Vec::new();
    let mut seen = BTreeSet::new();
    for key in local.actions.iter().chain(&file.actions).map(action_key) {
        if !seen.insert(key.clone()) {
            continue;
        }
        let pair = Pair {
            local: local_actions.get(&key).map(|a| (*a, local.updated_at)),
            file: file_actions.get(&key).map(|a| (*a, file.updated_at)),
        };
        let chosen = match walk.record(Item::Action(key.clone()), &pair) {
            Some(Side::File) => file_actions.get(&key),
            _ => local_actions.get(&key).or_else(|| file_actions.get(&key)),
        };
        if let Some(action) = chosen {
            actions.push((*action).clone());
        }
    }
    merged.actions = actions;

    // Finalised scores: both copies' kept, by the time they were taken.
    let mut snapshots = local.score_snapshots.clone();
    for snapshot in &file.score_snapshots {
        let key = snapshot.taken_at;
        let on_both = local.score_snapshots.iter().find(|s| s.taken_at == key);
        let pair = Pair {
            local: on_both.map(|s| (s, local.updated_at)),
            file: Some((snapshot, file.updated_at)),
        };
        let item = Item::ScoreSnapshot(key.format("%Y-%m-%d %H:%M").to_string());
        if walk.record(item, &pair) == Some(Side::File) && on_both.is_none() {
            snapshots.push(snapshot.clone());
        }
    }
    for snapshot in &local.score_snapshots {
        if !file
            .score_snapshots
            .iter()
            .any(|s| s.taken_at == snapshot.taken_at)
        {
            walk.comparison.local_only.push(Item::ScoreSnapshot(
                snapshot.taken_at.format("%Y-%m-%d %H:%M").to_string(),
            ));
        }
    }
    snapshots.sort_by_key(|snapshot| snapshot.taken_at);
    merged.score_snapshots = snapshots;

    // The roadmap's overrides: this computer's stand; the file's fill the initiatives this
    // computer has none for. A file written before overrides travelled brings none and is
    // not compared on them (an import leaves this computer's alone).
    if let Some(from_file) = &file.wave_overrides {
        let here = local.wave_overrides.clone().unwrap_or_default();
        let initiatives: BTreeSet<_> = here.keys().chain(from_file.keys()).collect();
        for initiative in initiatives {
            let item = Item::WaveOverride(initiative.as_str().to_owned());
            match (here.get(initiative), from_file.get(initiative)) {
                (Some(_), None) => walk.comparison.local_only.push(item),
                (None, Some(_)) => walk.comparison.from_file.push(item),
                (Some(mine), Some(theirs)) if mine != theirs => {
                    walk.comparison.local_only.push(item.clone());
                    walk.comparison.conflicts.push(Conflict {
                        item,
                        kept: Side::Local,
                        reason: "a roadmap move made here stands",
                    });
                }
                _ => {}
            }
        }
        let mut overrides = here;
        for (initiative, value) in from_file {
            overrides.entry(initiative.clone()).or_insert(*value);
        }
        merged.wave_overrides = Some(overrides);
    }

    merged.updated_at = local.updated_at.max(file.updated_at.min(now));
    (walk.comparison, merged)
}
