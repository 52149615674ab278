//! Organisations, assessments, respondents, answers, consensus and actions round-trip through
//! the database, and lists show progress without rescoring.

mod common;

use common::*;
use tcm_core::{ActionLink, ActionStatus, Answer, Consensus, Level, PlannedAction, Score, StageId};
use tcm_store::{NewAssessment, Store, StoreError};

fn level(value: u8) -> Answer {
    Answer::Level(Level::new(value).expect("level"))
}

#[test]
fn answers_are_saved_and_scored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, _, assessment, claire) = seeded(&path);
    let progress = store
        .save_answer(
            claire,
            "sample-cre-01",
            level(4),
            Some("Segments « comportementaux »"),
            at(10),
        )
        .expect("saved");
    assert_eq!(
        (progress.answered_questions, progress.question_count),
        (1, 10)
    );
    store
        .save_answer(claire, "sample-cre-02", level(1), None, at(11))
        .expect("saved");
    let marc = store
        .add_respondent(assessment, &profile("Marc"), at(12))
        .expect("respondent");
    store
        .save_answer(marc, "sample-cre-01", Answer::NotApplicable, None, at(13))
        .expect("saved");
    // Replacing an answer keeps one answer per respondent and question.
    store
        .save_answer(claire, "sample-cre-02", level(2), Some("revu"), at(14))
        .expect("saved");

    let (_, sheet, card) = store.score_assessment(assessment).expect("scored");
    assert_eq!(sheet.len(), 3);
    // creative: (2×4 + 1×2) / 12 = 83.3
    assert_eq!(
        card.stage(StageId::Creative)
            .and_then(|s| s.result.score)
            .map(Score::rounded),
        Some(83.3)
    );
    let comment = sheet
        .response(
            &tcm_core::Respondent::new("Claire"),
            &tcm_core::QuestionId::new("sample-cre-01"),
        )
        .and_then(|response| response.comment.clone());
    assert_eq!(comment.as_deref(), Some("Segments « comportementaux »"));

    let list = store.list_assessments().expect("list");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].respondents, 2);
    assert_eq!(list[0].answered_questions, 2);
    assert_eq!(
        list[0]
            .overall_score
            .map(|score| Score::new(score).rounded()),
        Some(83.3)
    );
    assert_eq!(list[0].organisation_name, "Maison Durand");
    assert_eq!(list[0].updated_at, at(14));

    let progress = store
        .clear_answer(claire, "sample-cre-02", at(15))
        .expect("cleared");
    assert_eq!(progress.answered_questions, 1);
}

#[test]
fn everything_survives_closing_and_reopening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, organisation, assessment, claire) = seeded(&path);
    store
        .save_answer(
            claire,
            "sample-pro-01",
            level(3),
            Some("l’équipe « produit »"),
            at(10),
        )
        .expect("saved");
    store
        .set_consensus(
            assessment,
            "sample-pro-02",
            Some((
                Consensus::Level(Level::new(2).expect("level")),
                "accord en atelier",
            )),
            at(11),
        )
        .expect("consensus");
    store
        .set_resume_question(claire, Some("sample-pro-02"), at(30))
        .expect("resume");
    drop(store);

    let mut store = Store::open(&path, at(20)).expect("reopens");
    assert_eq!(
        store
            .organisation(organisation)
            .expect("organisation")
            .organisation,
        common::organisation("Maison Durand")
    );
    let stored = store.assessment(assessment).expect("assessment");
    assert_eq!(stored.assessment, common::assessment("Audit 2026"));
    assert_eq!(stored.questionnaire_id, "sample");
    assert_eq!(stored.uuid.len(), 36);
    let respondents = store.list_respondents(assessment).expect("respondents");
    assert_eq!(respondents[0].profile, profile("Claire"));
    assert_eq!(
        respondents[0].resume_question.as_ref().map(|q| q.as_str()),
        Some("sample-pro-02")
    );
    let notes = store.consensus_notes(assessment).expect("notes");
    assert_eq!(notes[0].note, "accord en atelier");
    let (_, _, card) = store.score_assessment(assessment).expect("scored");
    // proactive: (2×3 + 1×2)/12 = 66.7 with the consensus on pro-02
    assert_eq!(
        card.stage(StageId::Proactive)
            .and_then(|s| s.result.score)
            .map(Score::rounded),
        Some(66.7)
    );
}

#[test]
fn an_assessment_keeps_its_questionnaire_when_the_grid_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, organisation, first, claire) = seeded(&path);
    store
        .save_answer(claire, "sample-cur-02", level(2), None, at(10))
        .expect("saved");
    // Version 2 of the grid drops question sample-cur-02 and rewords another.
    let changed = SAMPLE
        .replacen("version = \"1.0.0\"", "version = \"2.0.0\"", 1)
        .replacen(
            "Suivez-vous le taux de résolution",
            "Mesurez-vous le taux de résolution",
            1,
        );
    let v2 = tcm_core::Questionnaire::from_toml(&changed, "v2").expect("valid");
    let second = store
        .create_assessment(
            &NewAssessment {
                organisation,
                questionnaire: &v2,
                assessment: assessment("Audit 2027"),
            },
            at(11),
        )
        .expect("assessment");
    assert_eq!(
        store
            .questionnaire(first)
            .expect("v1")
            .version()
            .to_string(),
        "1.0.0"
    );
    assert_eq!(
        store
            .questionnaire(second)
            .expect("v2")
            .version()
            .to_string(),
        "2.0.0"
    );
    assert!(
        store
            .questionnaire(first)
            .expect("v1")
            .question("sample-cur-02")
            .expect("q")
            .text
            .fr
            .starts_with("Suivez-vous")
    );
    assert_eq!(
        store.previous_assessment(second).expect("query"),
        Some(first)
    );
    assert_eq!(store.previous_assessment(first).expect("query"), None);
}

#[test]
fn bad_requests_are_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, _, assessment, claire) = seeded(&path);
    let error = store
        .save_answer(claire, "not-a-question", level(1), None, at(10))
        .expect_err("unknown question");
    assert_eq!(
        error.to_string(),
        "question `not-a-question` is not in questionnaire `sample` 1.0.0"
    );
    let error = store
        .add_respondent(assessment, &profile("Claire"), at(11))
        .expect_err("duplicate label");
    assert_eq!(
        error.to_string(),
        "a respondent named « Claire » already exists in this assessment"
    );
    let error = store
        .assessment(tcm_store::AssessmentId(999))
        .expect_err("missing");
    assert!(matches!(
        error,
        StoreError::NotFound {
            what: "assessment",
            ..
        }
    ));
    let error = store
        .create_assessment(
            &NewAssessment {
                organisation: tcm_store::OrganisationId(42),
                questionnaire: &sample(),
                assessment: common::assessment("x"),
            },
            at(12),
        )
        .expect_err("no organisation");
    assert_eq!(error.to_string(), "organisation 42 does not exist");
}

#[test]
fn kept_actions_round_trip_and_one_per_question() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, _, assessment, _) = seeded(&path);
    let edited = PlannedAction {
        link: ActionLink::Question(tcm_core::QuestionId::new("sample-cur-01")),
        title: "Créer un circuit de réclamation".to_owned(),
        description: "Nommer une responsable ; délai de 48 h.".to_owned(),
        owner: "Léa".to_owned(),
        due: chrono::NaiveDate::from_ymd_opt(2027, 3, 31),
        status: ActionStatus::Planned,
        impact: 3,
        effort: 1,
    };
    let id = store.add_action(assessment, &edited, at(10)).expect("kept");
    let custom = PlannedAction {
        link: ActionLink::Stage(StageId::Proactive),
        title: "Club clients".to_owned(),
        ..edited.clone()
    };
    store.add_action(assessment, &custom, at(11)).expect("kept");
    let error = store
        .add_action(assessment, &edited, at(12))
        .expect_err("one per question");
    assert_eq!(
        error.to_string(),
        "the plan already keeps an action for question `sample-cur-01`"
    );
    let done = PlannedAction {
        status: ActionStatus::Done,
        ..edited.clone()
    };
    store.update_action(id, &done, at(13)).expect("updated");
    let actions = store.list_actions(assessment).expect("list");
    assert_eq!(actions.len(), 2);
    assert_eq!(actions[0].action, done);
    assert_eq!(
        actions[1].action.link,
        ActionLink::Stage(StageId::Proactive)
    );
    let bad = PlannedAction {
        impact: 4,
        ..edited
    };
    assert!(store.add_action(assessment, &bad, at(14)).is_err());
}

#[test]
fn deleting_an_assessment_removes_what_belongs_to_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, _, assessment, claire) = seeded(&path);
    store
        .save_answer(claire, "sample-cre-01", level(1), None, at(10))
        .expect("saved");
    store
        .finalise_scores(assessment, at(11))
        .expect("finalised");
    store
        .delete_assessment(assessment, at(40))
        .expect("deleted");
    assert!(store.list_assessments().expect("list").is_empty());
    assert!(matches!(
        store.respondent(claire),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn finalised_scores_are_kept_for_comparisons() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, _, assessment, claire) = seeded(&path);
    store
        .save_answer(claire, "sample-act-01", level(2), None, at(10))
        .expect("saved");
    store
        .finalise_scores(assessment, at(11))
        .expect("finalised");
    store
        .save_answer(claire, "sample-act-02", level(4), None, at(12))
        .expect("saved");
    store
        .finalise_scores(assessment, at(13))
        .expect("finalised");
    let snapshots = store.score_snapshots(assessment).expect("snapshots");
    assert_eq!(snapshots.len(), 2);
    assert_eq!(
        snapshots[0].stages[1].map(|s| Score::new(s).rounded()),
        Some(50.0)
    );
    // (2×2 + 1×4)/12 = 66.7
    assert_eq!(
        snapshots[1].stages[1].map(|s| Score::new(s).rounded()),
        Some(66.7)
    );
    assert_eq!(snapshots[1].taken_at, at(13));
}

#[test]
fn an_import_is_all_or_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, _, assessment, _) = seeded(&path);
    let mut sheet = tcm_core::AnswerSheet::new();
    let response = |value: u8| tcm_core::Response {
        answer: level(value),
        comment: None,
    };
    sheet.set(
        tcm_core::Respondent::new("Nadia"),
        tcm_core::QuestionId::new("sample-cre-01"),
        response(3),
    );
    sheet.set(
        tcm_core::Respondent::new("Nadia"),
        tcm_core::QuestionId::new("nope-01"),
        response(3),
    );
    let error = store
        .import_responses(assessment, &[], &sheet, at(10))
        .expect_err("unknown question");
    assert!(
        error
            .to_string()
            .starts_with("nothing was imported:\nrespondent « Nadia »: question `nope-01`"),
        "{error}"
    );
    assert_eq!(
        store.list_respondents(assessment).expect("list").len(),
        1,
        "nothing written"
    );

    let mut sheet = tcm_core::AnswerSheet::new();
    sheet.set(
        tcm_core::Respondent::new("Nadia"),
        tcm_core::QuestionId::new("sample-cre-01"),
        response(3),
    );
    sheet.set(
        tcm_core::Respondent::new("Claire"),
        tcm_core::QuestionId::new("sample-cre-01"),
        response(1),
    );
    let outcome = store
        .import_responses(
            assessment,
            &[tcm_core::RespondentProfile {
                label: "Nadia".to_owned(),
                role: "Ventes".to_owned(),
                group: String::new(),
            }],
            &sheet,
            at(11),
        )
        .expect("imported");
    assert_eq!(
        (
            outcome.respondents_added,
            outcome.respondents_updated,
            outcome.answers_written
        ),
        (1, 1, 2)
    );
    let again = store
        .import_responses(assessment, &[], &sheet, at(12))
        .expect("imported twice");
    assert_eq!(
        again.respondents_added, 0,
        "importing again does not duplicate respondents"
    );
    assert_eq!(store.answer_sheet(assessment).expect("sheet").len(), 2);
    assert_eq!(
        store
            .find_respondent(assessment, "Nadia")
            .expect("query")
            .expect("found")
            .profile
            .role,
        "Ventes"
    );
}

#[test]
fn an_import_counts_its_answers_once_and_the_counts_stay_right() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, _, assessment, claire) = seeded(&path);
    let questions: Vec<String> = sample()
        .questions()
        .iter()
        .map(|question| question.id.to_string())
        .collect();
    // Answers saved one by one, some of which the import then replaces.
    for (index, question) in questions.iter().enumerate() {
        store
            .save_answer(claire, question, level((index % 5) as u8), None, at(4))
            .expect("saved");
    }
    let mut sheet = tcm_core::AnswerSheet::new();
    for (index, question) in questions.iter().enumerate() {
        for (respondent, answer) in [
            ("Claire", Answer::NotApplicable),
            ("Nadia", level(((index + 2) % 5) as u8)),
            ("Hugo", Answer::DontKnow),
        ] {
            if respondent == "Claire" && index % 2 == 0 {
                continue;
            }
            sheet.set(
                tcm_core::Respondent::new(respondent),
                tcm_core::QuestionId::new(question.as_str()),
                tcm_core::Response {
                    answer,
                    comment: None,
                },
            );
        }
    }
    store
        .import_responses(assessment, &[], &sheet, at(5))
        .expect("imported");
    let agrees = |store: &mut Store| {
        let (_, _, card) = store.score_assessment(assessment).expect("scored");
        let summary = store.assessment_summary(assessment).expect("summary");
        assert_eq!(summary.overall_score, card.overall.map(Score::value));
        assert_eq!(summary.answered_questions, questions.len());
    };
    agrees(&mut store);
    // Counting after the import goes on from the recounted tallies.
    store
        .save_answer(claire, &questions[0], level(4), None, at(6))
        .expect("saved");
    store
        .save_answer(claire, &questions[1], level(0), None, at(6))
        .expect("saved");
    agrees(&mut store);
}

#[test]
fn a_failed_attempt_is_undone_alone_and_the_rest_of_the_unit_commits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database(&dir);
    let (mut store, _, assessment, claire) = seeded(&path);
    let outcomes = store
        .write(at(20), "saving answers", |tx| {
            let first = tx.attempt(|tx| tx.put_answer(claire, "sample-cre-01", level(3), None))?;
            // Writes an answer, then fails: what it wrote is undone.
            let undone = tx.attempt(|tx| {
                tx.put_answer(claire, "sample-cre-02", level(4), Some("annulé"))?;
                tx.put_answer(claire, "no-such-question", level(1), None)
            })?;
            let last = tx.attempt(|tx| tx.put_answer(claire, "sample-act-01", level(1), None))?;
            Ok((first.is_ok(), undone.is_err(), last.is_ok()))
        })
        .expect("the unit commits");
    assert_eq!(outcomes, (true, true, true));
    let (_, sheet, _) = store.score_assessment(assessment).expect("scored");
    assert_eq!(sheet.len(), 2, "the undone answer is not stored");
    let list = store.list_assessments().expect("list");
    // The tallies (and the summary read from them) count the two kept answers only.
    assert_eq!(list[0].answered_questions, 2);
}
