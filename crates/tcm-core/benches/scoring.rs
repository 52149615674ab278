//! Scoring speed: one respondent × 92 questions, and 200 respondents × 92 questions
//! (a large classroom or an online survey) on the TCM-92 grid. Goal: 200 × 92 in ≤ 2 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tcm_core::{
    Answer, AnswerSheet, Level, QuestionId, Questionnaire, Respondent, Response, score,
};

const GRID: &str = include_str!("../../../questionnaires/tcm-92.toml");

/// The TCM-92 grid itself.
fn grid_of_92() -> Questionnaire {
    let questionnaire = Questionnaire::from_toml(GRID, "tcm-92.toml").expect("valid grid");
    assert_eq!(questionnaire.questions().len(), 92);
    questionnaire
}

/// Answers from `respondents` people to every question, with some `NA` and `?`, varied by a
/// small deterministic generator.
fn answers(questionnaire: &Questionnaire, respondents: usize) -> AnswerSheet {
    let mut sheet = AnswerSheet::new();
    let mut state: u32 = 12345;
    for respondent in 0..respondents {
        for question in questionnaire.questions() {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let answer = match (state >> 16) % 12 {
                10 => Answer::NotApplicable,
                11 => Answer::DontKnow,
                level => Answer::Level(Level::new((level % 5) as u8).expect("level")),
            };
            sheet.set(
                Respondent::new(format!("respondent-{respondent:03}")),
                QuestionId::new(question.id.as_str()),
                Response {
                    answer,
                    comment: None,
                },
            );
        }
    }
    sheet
}

fn scoring(c: &mut Criterion) {
    let questionnaire = grid_of_92();
    let one = answers(&questionnaire, 1);
    let class = answers(&questionnaire, 200);
    c.bench_function("score 1 x 92", |b| {
        b.iter(|| score(black_box(&questionnaire), black_box(&one)))
    });
    c.bench_function("score 200 x 92", |b| {
        b.iter(|| score(black_box(&questionnaire), black_box(&class)))
    });
}

criterion_group!(benches, scoring);
criterion_main!(benches);
