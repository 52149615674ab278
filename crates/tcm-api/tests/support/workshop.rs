//! A realistic anonymous workshop, built through the window's handlers as a live session
//! writes it: eight participants in three groups — Ventes (3), Service client (3) and a
//! Direction of two —, every question answered with spread between and within the groups,
//! "?" where a group does not know, and six consensus values recorded after discussion.
#![allow(dead_code)]

use tcm_api::transfer::{
    ConsensusInput, NewAssessmentInput, OrganisationInput, RespondentInput, SaveAnswerInput,
};
use tcm_api::{Workbench, assessments};

use super::support_workbench::wire;

/// The groups and how many participants each has.
pub const GROUPS: [(&str, usize); 3] = [("Ventes", 3), ("Service client", 3), ("Direction", 2)];

/// The questions whose consensus the room recorded, with the value and the facilitator's note.
pub const CONSENSUS: [(&str, &str, &str); 6] = [
    (
        "cur-03",
        "2",
        "Les réclamations sont suivies, mais pas «\u{a0}analysées\u{a0}»",
    ),
    ("act-05", "3", "Accord après l’exemple du salon de mars"),
    ("pro-02", "1", "Personne ne pilote l’anticipation"),
    ("cre-07", "NA", "Pas de réseau de distribution"),
    ("pre-04", "2", "Deux procédures écrites sur cinq"),
    ("cur-08", "1", "Le délai de réponse n’est pas mesuré"),
];

/// How each group sees each stage, créative to proactive: sales see the company better
/// than customer service does on the curative stage; the direction rates it all higher.
fn base_level(group: &str, stage: usize) -> i32 {
    let levels = match group {
        "Ventes" => [3, 3, 3, 2, 2],
        "Service client" => [2, 2, 1, 1, 1],
        _ => [3, 4, 3, 3, 3],
    };
    levels.get(stage).copied().unwrap_or(2)
}

/// One participant's answer to one question: the group's view, a participant's own shade,
/// and "?" where the group lacks the knowledge (customer service on what the company
/// anticipates, sales on its procedures).
fn answer(group: &str, participant: usize, stage: usize, number: usize, id: &str) -> String {
    match (id, group) {
        ("cur-03", "Ventes") | ("act-05", "Direction") => return "4".to_owned(),
        ("cur-03", "Service client") | ("act-05", "Service client") => return "0".to_owned(),
        ("cre-07", "Ventes") => return "NA".to_owned(),
        _ => {}
    }
    let unknown = match group {
        "Service client" => stage == 4 && (number + participant).is_multiple_of(3),
        "Ventes" => stage == 3 && (number + participant).is_multiple_of(5),
        _ => stage == 2 && participant == 7 && number.is_multiple_of(4),
    };
    if unknown {
        return "?".to_owned();
    }
    let shade = ((number * 7 + participant * 3) % 3) as i32 - 1;
    (base_level(group, stage) + shade).clamp(0, 4).to_string()
}

/// The workshop: its assessment id. Participants are "Participant 1" to "Participant 8", as
/// an anonymous live session labels them.
pub fn anonymous_workshop(workbench: &Workbench) -> i64 {
    let id = assessments::create_assessment(
        workbench,
        &NewAssessmentInput {
            organisation: OrganisationInput::New {
                name: "Boulangeries Martin & Fils".to_owned(),
                sector: wire("retail"),
                size: Some(wire("medium")),
                notes: String::new(),
            },
            title: "Atelier «\u{a0}relation client\u{a0}» — comité élargi".to_owned(),
            mode: wire("workshop"),
            language: wire("fr"),
            questionnaire_id: "tcm-92".to_owned(),
            targets: vec![4, 4, 3, 3, 3],
            first_respondent: None,
        },
    )
    .expect("created");
    // Each stage's question ids, in questionnaire order.
    let stages: Vec<Vec<String>> = assessments::assessment_questionnaire(workbench, id)
        .expect("questionnaire")
        .stages
        .into_iter()
        .map(|stage| {
            stage
                .themes
                .into_iter()
                .flat_map(|theme| theme.questions)
                .map(|question| question.id)
                .collect()
        })
        .collect();
    let mut participant = 0;
    let mut inputs = Vec::new();
    for (group, size) in GROUPS {
        for _ in 0..size {
            participant += 1;
            let respondent = assessments::add_respondent(
                workbench,
                id,
                &RespondentInput {
                    label: format!("Participant {participant}"),
                    role: String::new(),
                    group: group.to_owned(),
                },
            )
            .expect("participant")
            .id;
            for (stage, questions) in stages.iter().enumerate() {
                for (number, question) in questions.iter().enumerate() {
                    inputs.push(SaveAnswerInput {
                        respondent_id: respondent,
                        answer: Some(wire(&answer(group, participant, stage, number, question))),
                        question_id: question.clone(),
                        comment: String::new(),
                        resume_question: None,
                    });
                }
            }
        }
    }
    for outcome in assessments::save_answers(workbench, &inputs).expect("saved") {
        outcome.expect("answer saved");
    }
    for (question, value, note) in CONSENSUS {
        assessments::set_consensus(
            workbench,
            &ConsensusInput {
                assessment_id: id,
                question_id: question.to_owned(),
                value: Some(wire(value)),
                note: note.to_owned(),
            },
        )
        .expect("consensus");
    }
    id
}
