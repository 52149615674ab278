//! Many writers on one database (the app and `tcm answer`, a live session's participants):
//! every acknowledged write is there, none fails with "database is locked", and the counts
//! the summary is read from stay exact.

mod common;

use common::*;
use tcm_core::{Answer, Level};
use tcm_store::Store;

const WRITERS: usize = 2;
const ANSWERS_PER_WRITER: usize = 1_000;

#[test]
fn two_writers_save_a_thousand_answers_each_and_none_is_lost() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, _, assessment, _) = seeded(&path);
    let questions: Vec<String> = sample()
        .questions()
        .iter()
        .map(|q| q.id.to_string())
        .collect();
    let respondents_per_writer = ANSWERS_PER_WRITER / questions.len();
    let mut writers = Vec::new();
    for writer in 0..WRITERS {
        let respondents: Vec<_> = (0..respondents_per_writer)
            .map(|number| {
                store
                    .add_respondent(assessment, &profile(&format!("w{writer}-r{number}")), at(4))
                    .expect("respondent")
            })
            .collect();
        writers.push(respondents);
    }
    drop(store);
    let handles: Vec<_> = writers
        .into_iter()
        .enumerate()
        .map(|(writer, respondents)| {
            let path = path.clone();
            let questions = questions.clone();
            std::thread::spawn(move || {
                // Each writer has its own connection, as two processes would.
                let mut store = Store::open(&path, at(5)).expect("opens");
                let mut acknowledged = 0;
                for (number, respondent) in respondents.iter().enumerate() {
                    for (index, question) in questions.iter().enumerate() {
                        let level =
                            Level::new(((number + index + writer) % 5) as u8).expect("level");
                        match store.save_answer(
                            *respondent,
                            question,
                            Answer::Level(level),
                            None,
                            at(6),
                        ) {
                            Ok(_) => acknowledged += 1,
                            Err(error) => panic!("writer {writer} failed: {error}"),
                        }
                    }
                }
                acknowledged
            })
        })
        .collect();
    let acknowledged: usize = handles
        .into_iter()
        .map(|handle| handle.join().expect("writer finished"))
        .sum();
    assert_eq!(acknowledged, WRITERS * ANSWERS_PER_WRITER);
    let mut store = Store::open(&path, at(7)).expect("opens");
    let sheet = store.answer_sheet(assessment).expect("sheet");
    assert_eq!(
        sheet.len(),
        WRITERS * ANSWERS_PER_WRITER,
        "every acknowledged answer is there"
    );
    // The summary, kept from per-question counts by both writers, equals a full rescore.
    let (_, _, card) = store.score_assessment(assessment).expect("scored");
    let summary = store.assessment_summary(assessment).expect("summary");
    assert_eq!(
        summary.overall_score,
        card.overall.map(tcm_core::Score::value)
    );
    assert_eq!(summary.answered_questions, questions.len());
    store.check().expect("the file is sound");
}

#[test]
fn removing_a_respondent_takes_their_answers_out_of_the_counts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, _, assessment, claire) = seeded(&path);
    let marc = store
        .add_respondent(assessment, &profile("Marc"), at(4))
        .expect("respondent");
    for (respondent, level) in [(claire, 4), (marc, 0)] {
        for question in ["sample-cre-01", "sample-act-01"] {
            store
                .save_answer(
                    respondent,
                    question,
                    Answer::Level(Level::new(level).expect("level")),
                    None,
                    at(5),
                )
                .expect("saved");
        }
    }
    store
        .save_answer(marc, "sample-cur-01", Answer::NotApplicable, None, at(5))
        .expect("saved");
    store
        .clear_answer(claire, "sample-act-01", at(6))
        .expect("cleared");
    store.remove_respondent(marc, at(7)).expect("removed");
    let (_, _, card) = store.score_assessment(assessment).expect("scored");
    let summary = store.assessment_summary(assessment).expect("summary");
    assert_eq!(
        summary.overall_score,
        card.overall.map(tcm_core::Score::value)
    );
    assert_eq!(
        summary.answered_questions, 1,
        "only Claire's cre-01 is left"
    );
}
