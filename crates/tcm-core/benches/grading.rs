//! Grading speed: a class of 40 groups × 92 questions against a key, on the TCM-92 grid
//! (every metric, stage scores with the real scoring, the debrief list, the matrix and the
//! ranking). Goal: ≤ 10 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tcm_core::grading::{ClassGrade, GroupAnswers, Key, KeyAnswer};
use tcm_core::{Answer, Level, Questionnaire};

const GRID: &str = include_str!("../../../questionnaires/tcm-92.toml");

/// A small deterministic generator, so every run grades the same class.
struct Lcg(u32);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self.0.wrapping_mul(1_103_515_245).wrapping_add(12345);
        self.0 >> 16
    }
}

fn class(questionnaire: &Questionnaire, groups: usize) -> (Key, Vec<GroupAnswers>) {
    let mut random = Lcg(2026);
    let key_answers: Vec<KeyAnswer> = questionnaire
        .questions()
        .iter()
        .map(|_| match random.next() % 16 {
            15 => KeyAnswer::NotApplicable,
            level => KeyAnswer::Level(Level::new((level % 5) as u8).expect("level")),
        })
        .collect();
    let key = Key::new(
        questionnaire,
        questionnaire
            .questions()
            .iter()
            .map(|question| question.id.clone())
            .zip(key_answers.iter().copied()),
    )
    .expect("complete key");
    let groups = (0..groups)
        .map(|group| {
            let mut answers = GroupAnswers::new(format!("Groupe {group:02}"));
            for (question, key_answer) in questionnaire.questions().iter().zip(&key_answers) {
                let answer = match (random.next() % 10, key_answer.level()) {
                    (0, _) => Answer::DontKnow,
                    (1, _) => Answer::NotApplicable,
                    (2..=5, Some(level)) => Answer::Level(level),
                    (other, Some(level)) => {
                        let shifted = i32::from(level.value()) + (other as i32 % 3) - 1;
                        Answer::Level(Level::new(shifted.clamp(0, 4) as u8).expect("level"))
                    }
                    (other, None) => Answer::Level(Level::new((other % 5) as u8).expect("level")),
                };
                answers = answers.answer(question.id.as_str(), answer);
            }
            answers
        })
        .collect();
    (key, groups)
}

fn grading(c: &mut Criterion) {
    let questionnaire = Questionnaire::from_toml(GRID, "tcm-92.toml").expect("valid grid");
    let (key, groups) = class(&questionnaire, 40);
    c.bench_function("grade 40 groups x 92 questions", |b| {
        b.iter(|| {
            let class = ClassGrade::grade(
                black_box(&questionnaire),
                black_box(&key),
                black_box(&groups),
            );
            (
                class.debrief(10).len(),
                class.stage_matrix(),
                class.ranking(),
            )
        })
    });
}

criterion_group!(benches, grading);
criterion_main!(benches);
