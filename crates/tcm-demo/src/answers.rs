//! The workshop's answers, the consensus values the group agreed on, and the managing
//! director's self-assessment of the year before.

use tcm_core::{
    Answer, AnswerSheet, Consensus, Level, QuestionId, Questionnaire, Respondent,
    RespondentProfile, Response, StageId,
};

use crate::generator::Generator;

/// Where each stage stands, on the 0–4 scale, before per-question and per-person variation.
fn stage_base(stage: StageId) -> f64 {
    match stage {
        StageId::Creative => 1.9,
        StageId::Active => 2.8,
        StageId::Curative => 2.2,
        StageId::Preventive => 1.5,
        StageId::Proactive => 0.8,
    }
}

/// How each respondent leans: the managing director sees things brighter, the
/// customer-service and quality managers, who hear the complaints, darker.
const LEANING: [f64; 5] = [0.45, 0.2, -0.25, -0.3, 0.0];

/// Questions the group disagreed on: the director sees a practice the service client does not.
const CONTESTED: &[&str] = &["cre-06", "act-06", "act-12", "cur-03", "pre-12", "pro-04"];

/// Questions nobody can answer in this company (a loyalty card makes no sense to its trade).
const NOT_APPLICABLE_FOR_ALL: &[&str] = &["pro-07"];

/// Questions nobody knew the answer to.
const UNKNOWN_TO_ALL: &[&str] = &["pro-12"];

/// Single answers: (question, respondent position, answer).
const SINGLE: &[(&str, usize, Answer)] = &[
    ("pre-05", 2, Answer::NotApplicable),
    ("pre-05", 3, Answer::NotApplicable),
    ("cur-16", 1, Answer::NotApplicable),
    ("cre-14", 4, Answer::NotApplicable),
    ("act-26", 0, Answer::DontKnow),
    ("cre-16", 3, Answer::DontKnow),
    ("cre-17", 3, Answer::DontKnow),
    ("cur-07", 4, Answer::DontKnow),
    ("cur-12", 4, Answer::DontKnow),
    ("cur-13", 1, Answer::DontKnow),
    ("pre-02", 4, Answer::DontKnow),
];

/// Values the group settled after discussion.
const CONSENSUS: &[(&str, u8)] = &[("cre-06", 1), ("act-06", 3), ("cur-03", 2), ("pro-11", 0)];

fn level(value: f64) -> Answer {
    let rounded = value.round().clamp(0.0, 4.0) as u8;
    Level::new(rounded).map_or(Answer::DontKnow, Answer::Level)
}

/// Every respondent answers every question.
pub fn workshop_answers(
    questionnaire: &Questionnaire,
    respondents: &[RespondentProfile],
) -> AnswerSheet {
    let mut generator = Generator::new(0x7C3A_2026);
    let mut sheet = AnswerSheet::new();
    for question in questionnaire.questions() {
        let id = question.id.as_str();
        let practice = stage_base(question.stage) + generator.spread(0.9);
        let contested = CONTESTED.contains(&id);
        for (position, respondent) in respondents.iter().enumerate() {
            let leaning = LEANING.get(position).copied().unwrap_or(0.0);
            let mut value = practice + leaning + generator.spread(0.5);
            if contested {
                value += match position {
                    0 => 1.4,
                    2 => -1.4,
                    _ => 0.0,
                };
            }
            let single = SINGLE
                .iter()
                .find(|(question, at, _)| *question == id && *at == position)
                .map(|(_, _, answer)| *answer);
            let answer = if NOT_APPLICABLE_FOR_ALL.contains(&id) {
                Answer::NotApplicable
            } else if UNKNOWN_TO_ALL.contains(&id) {
                Answer::DontKnow
            } else {
                single.unwrap_or_else(|| level(value))
            };
            sheet.set(
                Respondent::new(&respondent.label),
                question.id.clone(),
                Response {
                    answer,
                    comment: None,
                },
            );
        }
    }
    sheet
}

pub fn add_consensus(questionnaire: &Questionnaire, sheet: &mut AnswerSheet) {
    for (id, value) in CONSENSUS {
        if questionnaire.question(id).is_some() {
            sheet.set_consensus(
                QuestionId::new(*id),
                Level::new(*value).map(Consensus::Level),
            );
        }
    }
}

/// How much the company advanced each year, on the 0–4 scale, before the year of the
/// previous self-assessment.
const YEARLY_PROGRESS: f64 = 0.35;

/// The managing director alone, a year before: the same company, a little less advanced.
pub fn previous_answers(
    questionnaire: &Questionnaire,
    director: &RespondentProfile,
) -> AnswerSheet {
    self_assessment(questionnaire, director, 1)
}

/// The managing director alone, `years_before` years before the workshop (at least one): the
/// further back, the less advanced; one year back is [`previous_answers`].
pub fn self_assessment(
    questionnaire: &Questionnaire,
    director: &RespondentProfile,
    years_before: u32,
) -> AnswerSheet {
    let further = years_before.max(1) - 1;
    let mut generator = Generator::new(0x7C3A_2025 + u64::from(further));
    let lag = 0.7 + YEARLY_PROGRESS * f64::from(further);
    let mut sheet = AnswerSheet::new();
    for question in questionnaire.questions() {
        let value = stage_base(question.stage) - lag + LEANING[0] + generator.spread(1.0);
        sheet.set(
            Respondent::new(&director.label),
            question.id.clone(),
            Response {
                answer: level(value),
                comment: None,
            },
        );
    }
    sheet
}
