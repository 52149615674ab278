//! Texts the store refuses or cleans: lengths over each field's limit, labels made only of
//! control characters (a NUL label used to fail on a CHECK constraint), control characters
//! stripped from what is stored. Nothing is written when a text is refused.

mod common;

use common::*;
use tcm_core::limits::{TextField, TextRefusal};
use tcm_core::{Answer, Level, QuestionId, Respondent};
use tcm_store::{Store, StoreError};

#[test]
fn a_label_of_nul_characters_gets_a_clear_message_not_a_constraint_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, _, assessment, _) = seeded(&database(&dir));
    let error = store
        .add_respondent(assessment, &profile("\0\0\0"), at(10))
        .expect_err("refused");
    assert!(
        matches!(
            error,
            StoreError::Text(TextRefusal::OnlyControlCharacters {
                field: TextField::RespondentLabel
            })
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("type a visible name"), "{error}");
    assert_eq!(store.list_respondents(assessment).expect("list").len(), 1);
}

#[test]
fn texts_over_their_limit_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, organisation, assessment, respondent) = seeded(&database(&dir));
    let huge = "x".repeat(1_000_000);
    let error = store
        .create_organisation(&common::organisation(&huge), at(10))
        .expect_err("refused");
    assert_eq!(
        error.to_string(),
        "the organisation's name is 1000000 characters long; it holds at most 200: shorten it"
    );
    assert_eq!(store.list_organisations().expect("list").len(), 1);
    let combining = "e\u{301}".repeat(6_000);
    let error = store
        .save_answer(
            respondent,
            "sample-cre-01",
            Answer::Level(Level::new(3).expect("a level")),
            Some(&combining),
            at(11),
        )
        .expect_err("refused");
    assert!(error.to_string().contains("at most 10000"), "{error}");
    assert!(
        store.answer_sheet(assessment).expect("sheet").is_empty(),
        "nothing saved"
    );
    assert_eq!(
        store
            .organisation(organisation)
            .expect("read")
            .organisation
            .name,
        "Maison Durand"
    );
}

#[test]
fn control_characters_are_stripped_from_what_is_stored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, _, assessment, _) = seeded(&path);
    let added = store
        .add_respondent(assessment, &profile("An\u{1b}[2Jne\u{7}"), at(10))
        .expect("added");
    assert_eq!(
        store.respondent(added).expect("read").profile.label,
        "An[2Jne"
    );
    store
        .save_answer(
            added,
            "sample-cre-01",
            Answer::Level(Level::new(2).expect("a level")),
            Some("ligne 1\nligne\t2\u{0}\u{1b}"),
            at(11),
        )
        .expect("saved");
    drop(store);
    let store = Store::open(&path, at(12)).expect("reopens");
    let sheet = store.answer_sheet(assessment).expect("sheet");
    let response = sheet
        .response(
            &Respondent::new("An[2Jne"),
            &QuestionId::new("sample-cre-01"),
        )
        .expect("the answer");
    assert_eq!(response.comment.as_deref(), Some("ligne 1\nligne\t2"));
}
