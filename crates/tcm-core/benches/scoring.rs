//! Scoring speed: one respondent × 92 questions, and 200 respondents × 92 questions
//! (a large classroom or an online survey). Goal: 200 × 92 in ≤ 2 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tcm_core::{
    Answer, AnswerSheet, Level, QuestionId, Questionnaire, Respondent, Response, score,
};

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");

/// A 92-question questionnaire: the sample's header, scale, stages and themes, with 92
/// generated questions spread over the stages like the TCM-92 grid (22/22/16/16/16).
fn grid_of_92() -> Questionnaire {
    let header_end = SAMPLE
        .find("[[questions]]")
        .expect("the sample has questions");
    let mut text = SAMPLE[..header_end].to_owned();
    let stages = [
        ("creative", "segmentation", 22),
        ("active", "satisfaction", 22),
        ("curative", "complaints", 16),
        ("preventive", "dormant-customers", 16),
        ("proactive", "co-design", 16),
    ];
    for (stage, theme, count) in stages {
        for number in 0..count {
            let weight = if number % 5 == 0 { 2 } else { 1 };
            let theme = if stage == "creative" && number % 2 == 1 {
                "customer-value"
            } else {
                theme
            };
            text.push_str(&format!(
                "[[questions]]\nid = \"{stage}-{number}\"\nstage = \"{stage}\"\ntheme = \"{theme}\"\nweight = {weight}\n\
                 source = \"bench\"\ntext.fr = \"Q\"\ntext.en = \"Q\"\nhelp.fr = \"H\"\nhelp.en = \"H\"\n\
                 action.title.fr = \"A\"\naction.title.en = \"A\"\naction.description.fr = \"D\"\naction.description.en = \"D\"\n\
                 action.effort = 1\naction.impact = 2\n\n"
            ));
        }
    }
    let questionnaire = Questionnaire::from_toml(&text, "bench.toml").expect("valid bench grid");
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
