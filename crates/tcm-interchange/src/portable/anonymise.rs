//! An anonymised copy of a portable assessment, for sharing or benchmarking: what names or
//! describes a person goes, what the scores rest on stays.
//!
//! Respondents become "Participant 1", "Participant 2"… in their order, with no role; their
//! groups stay (they carry the per-group comparisons) when at least three of the group answered
//! (`tcm_core::perception::ANONYMOUS_SMALLEST_GROUP`, the rule of the results and reports):
//! otherwise each member's answers, labelled with a group of one or two, would name them to
//! anyone who knows who sits in that department, so the group is left blank (scores do not
//! depend on groups). Every comment they wrote and the
//! owners of the plan's actions (people of the audited company) are removed. Answers,
//! consensus values, the plan's contents and finalised scores are kept, so the copy scores
//! exactly as the original. The organisation, the consensus notes and the plan's texts are
//! kept as the consultant wrote them: they are about the company, and the consultant decides
//! what to share.

use std::collections::{BTreeMap, BTreeSet};

use tcm_core::perception::ANONYMOUS_SMALLEST_GROUP;
use tcm_core::{Respondent, RespondentProfile};

use super::model::PortableAssessment;

/// The anonymised copy of `assessment`.
pub fn anonymised(assessment: &PortableAssessment) -> PortableAssessment {
    let labels: BTreeMap<&str, String> = assessment
        .respondents
        .iter()
        .enumerate()
        .map(|(index, respondent)| {
            (
                respondent.label.as_str(),
                format!("Participant {}", index + 1),
            )
        })
        .collect();
    // How many respondents of each group answered something.
    let answering: BTreeSet<&str> = assessment
        .answers
        .keys()
        .map(|(respondent, _)| respondent.as_str())
        .collect();
    let mut sizes: BTreeMap<&str, usize> = BTreeMap::new();
    for respondent in &assessment.respondents {
        if answering.contains(respondent.label.as_str()) {
            *sizes.entry(respondent.group.trim()).or_default() += 1;
        }
    }
    let respondents = assessment
        .respondents
        .iter()
        .map(|respondent| RespondentProfile {
            label: labels[respondent.label.as_str()].clone(),
            role: String::new(),
            group: if sizes
                .get(respondent.group.trim())
                .is_some_and(|size| *size >= ANONYMOUS_SMALLEST_GROUP)
            {
                respondent.group.clone()
            } else {
                String::new()
            },
        })
        .collect();
    let answers = assessment
        .answers
        .iter()
        .filter_map(|((respondent, question), recorded)| {
            let label = labels.get(respondent.as_str())?;
            let mut recorded = recorded.clone();
            recorded.comment = None;
            Some(((Respondent::new(label.clone()), question.clone()), recorded))
        })
        .collect();
    let actions = assessment
        .actions
        .iter()
        .map(|action| {
            let mut action = action.clone();
            action.owner = String::new();
            action
        })
        .collect();
    PortableAssessment {
        respondents,
        answers,
        actions,
        ..assessment.clone()
    }
}
