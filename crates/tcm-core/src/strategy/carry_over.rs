//! Carry-over into a re-audit: what a follow-up audit of the same organisation takes from the
//! previous one — the targets, the plan's open actions and the user's wave overrides — so
//! the consultant picks up the plan where it stood instead of retyping it.
//!
//! The rule, exactly:
//! - **Targets**: the previous audit's five targets, unchanged.
//! - **Actions**: every open action (status proposed, planned or in progress — a kept
//!   action that is neither done nor dismissed) is carried with everything the user wrote:
//!   title, description, owner, due date, status, impact and effort, in the order they were
//!   stored. Done and dismissed actions stay with the previous audit: they are its history,
//!   and the follow-up across audits reads them there ("did what we did work?"). A dismissed
//!   action's question may be proposed again if the new answers still show a gap: a re-audit
//!   is a new look.
//! - **Where a carried action belongs** in the re-audit's questionnaire (which may be a newer
//!   version of the grid): its own question when that question id is still there; else the
//!   question the version mapping sends it to (merged into → that question; split into → the
//!   first of its successors present); else — the question was removed, or no mapping says —
//!   the action is carried **as an action of its former stage**, so nothing the user wrote
//!   is lost, and the carry-over names the question it was about. A plan keeps at most one
//!   action per question: an action whose question is kept claims it first; a mapped action
//!   that finds its successor taken also goes to its former stage. An action whose question
//!   neither questionnaire holds (an action the previous plan itself could not place) has no
//!   stage to go to and is listed in [`CarryOver::unplaced`], not carried.
//! - **Wave overrides** (the user's move of an initiative to a wave, or its dates) are carried
//!   for the initiatives that still hold a carried action: an initiative id names themes
//!   joined by `+` (or `stage:<stage>`), and an override is carried when one of those themes
//!   (or that stage) holds a carried action in the re-audit's questionnaire. A wave is kept
//!   as the user chose it and counts from the re-audit's date; dates are kept as they are,
//!   unless they ended before the re-audit's date (that schedule is over: the initiative
//!   takes its derived wave again). Overrides not carried are listed with the reason.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::assessment::{ActionLink, ActionStatus, PlannedAction, Targets};
use crate::questionnaire::{QuestionChange, QuestionId, QuestionMapping, Questionnaire};
use crate::stage::StageId;

use super::initiatives::InitiativeId;
use super::waves::{WaveOverride, WaveOverrides};

/// What the re-audit starts from: the previous audit as stored.
#[derive(Debug, Clone, Copy)]
pub struct PreviousAudit<'a> {
    pub questionnaire: &'a Questionnaire,
    pub targets: Targets,
    /// Its kept actions, in the order they were stored.
    pub actions: &'a [PlannedAction],
    pub overrides: &'a WaveOverrides,
}

/// Where a carried action lands in the re-audit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement {
    /// As it was: the same question, or the same stage for an action added to a stage.
    Unchanged,
    /// The version mapping sent its question to another one (the action's link names it).
    Mapped { from: QuestionId },
    /// Its question is gone from the re-audit's questionnaire (or its successor already has
    /// an action): carried as an action of the question's former stage.
    ToStage { from: QuestionId },
}

/// One action taken into the re-audit.
#[derive(Debug, Clone, PartialEq)]
pub struct CarriedAction {
    pub action: PlannedAction,
    pub placement: Placement,
}

/// Why a wave override is not carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DroppedOverride {
    /// No carried action belongs to the initiative's themes or stage: its work is closed.
    NothingCarried,
    /// Its dates ended before the re-audit's date.
    Ended,
}

/// What a re-audit takes from the previous audit.
#[derive(Debug, Clone, PartialEq)]
pub struct CarryOver {
    pub targets: Targets,
    /// In the order they were stored.
    pub actions: Vec<CarriedAction>,
    pub overrides: WaveOverrides,
    /// Done or dismissed actions, left with the previous audit.
    pub closed: usize,
    /// Open actions about a question neither questionnaire holds.
    pub unplaced: Vec<PlannedAction>,
    pub dropped_overrides: Vec<(InitiativeId, DroppedOverride)>,
}

fn is_open(action: &PlannedAction) -> bool {
    !matches!(action.status, ActionStatus::Done | ActionStatus::Dismissed)
}

/// Where an open action about `question` should go, before a plan's one-action-per-question
/// rule is applied: `Ok(Some(successor))` through the mapping, `Ok(None)` the question itself,
/// `Err(stage)` its former stage, `Err(None)` nowhere.
fn resolve(
    question: &QuestionId,
    previous: &Questionnaire,
    next: &Questionnaire,
    mapping: Option<&QuestionMapping>,
) -> Result<Option<QuestionId>, Option<StageId>> {
    if next.question(question.as_str()).is_some() {
        return Ok(None);
    }
    let successor = mapping.and_then(|mapping| match mapping.change(question.as_str())? {
        QuestionChange::MergedInto(into) => Some(into.clone()),
        QuestionChange::SplitInto(parts) => parts
            .iter()
            .find(|part| next.question(part.as_str()).is_some())
            .cloned(),
        QuestionChange::Same | QuestionChange::Reworded | QuestionChange::Removed => None,
    });
    match successor.filter(|successor| next.question(successor.as_str()).is_some()) {
        Some(successor) => Ok(Some(successor)),
        None => Err(previous
            .question(question.as_str())
            .map(|found| found.stage)),
    }
}

/// What a re-audit on `questionnaire`, opening on `start`, takes from `previous`; `mapping`
/// links the previous audit's grid version to this one when they differ. See the module's
/// documentation for the rule.
pub fn carry_over(
    previous: &PreviousAudit<'_>,
    questionnaire: &Questionnaire,
    mapping: Option<&QuestionMapping>,
    start: NaiveDate,
) -> CarryOver {
    let open: Vec<&PlannedAction> = previous
        .actions
        .iter()
        .filter(|action| is_open(action))
        .collect();
    let closed = previous.actions.len() - open.len();

    // First pass: the actions whose question is still there claim it.
    let mut claimed: BTreeSet<QuestionId> = BTreeSet::new();
    let resolved: Vec<_> = open
        .iter()
        .map(|action| match &action.link {
            ActionLink::Question(question) => {
                let place = resolve(question, previous.questionnaire, questionnaire, mapping);
                if let Ok(None) = place {
                    claimed.insert(question.clone());
                }
                Some(place)
            }
            ActionLink::Stage(_) => None,
        })
        .collect();

    // Second pass, in stored order: mapped actions take a free successor or their stage.
    let mut actions = Vec::with_capacity(open.len());
    let mut unplaced = Vec::new();
    for (action, place) in open.into_iter().zip(resolved) {
        let (ActionLink::Question(question), Some(place)) = (&action.link, place) else {
            actions.push(CarriedAction {
                action: action.clone(),
                placement: Placement::Unchanged,
            });
            continue;
        };
        let to_stage = |stage: StageId| CarriedAction {
            action: PlannedAction {
                link: ActionLink::Stage(stage),
                ..action.clone()
            },
            placement: Placement::ToStage {
                from: question.clone(),
            },
        };
        match place {
            Ok(None) => actions.push(CarriedAction {
                action: action.clone(),
                placement: Placement::Unchanged,
            }),
            Ok(Some(successor)) => {
                if claimed.insert(successor.clone()) {
                    actions.push(CarriedAction {
                        action: PlannedAction {
                            link: ActionLink::Question(successor),
                            ..action.clone()
                        },
                        placement: Placement::Mapped {
                            from: question.clone(),
                        },
                    });
                } else if let Some(stage) = previous
                    .questionnaire
                    .question(question.as_str())
                    .map(|found| found.stage)
                    .or_else(|| {
                        questionnaire
                            .question(successor.as_str())
                            .map(|found| found.stage)
                    })
                {
                    actions.push(to_stage(stage));
                } else {
                    unplaced.push(action.clone());
                }
            }
            Err(Some(stage)) => actions.push(to_stage(stage)),
            Err(None) => unplaced.push(action.clone()),
        }
    }

    let (overrides, dropped_overrides) =
        carried_overrides(previous.overrides, &actions, questionnaire, start);
    CarryOver {
        targets: previous.targets,
        actions,
        overrides,
        closed,
        unplaced,
        dropped_overrides,
    }
}

/// The overrides whose initiative still holds a carried action and whose dates, if any, have
/// not ended before `start`.
fn carried_overrides(
    overrides: &WaveOverrides,
    actions: &[CarriedAction],
    questionnaire: &Questionnaire,
    start: NaiveDate,
) -> (WaveOverrides, Vec<(InitiativeId, DroppedOverride)>) {
    let mut holders: BTreeSet<String> = BTreeSet::new();
    for carried in actions {
        match &carried.action.link {
            ActionLink::Question(question) => {
                if let Some(found) = questionnaire.question(question.as_str()) {
                    holders.insert(found.theme.as_str().to_owned());
                }
            }
            ActionLink::Stage(stage) => {
                holders.insert(format!("stage:{stage}"));
            }
        }
    }
    let mut kept = WaveOverrides::new();
    let mut dropped = Vec::new();
    for (initiative, value) in overrides {
        let id = initiative.as_str();
        let holds = holders.contains(id) || id.split('+').any(|theme| holders.contains(theme));
        let reason = match value {
            _ if !holds => Some(DroppedOverride::NothingCarried),
            WaveOverride::Dates(dates) if dates.end() < start => Some(DroppedOverride::Ended),
            WaveOverride::Wave(_) | WaveOverride::Dates(_) => None,
        };
        match reason {
            None => {
                kept.insert(initiative.clone(), *value);
            }
            Some(reason) => dropped.push((initiative.clone(), reason)),
        }
    }
    (kept, dropped)
}
