//! The application surface on a temporary database, without a window: what the desktop
//! commands return, and how failures reach the UI.

use chrono::{DateTime, TimeZone, Utc};
use tcm_api::transfer::{NewAssessmentInput, OrganisationInput, RespondentInput, SaveAnswerInput};
use tcm_api::{ErrorKind, Workbench, assessments};

fn clock() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0)
        .single()
        .expect("date")
}

fn workbench(dir: &tempfile::TempDir) -> Workbench {
    Workbench::start(dir.path().join("tcm.sqlite"), clock)
}

fn new_assessment(name: &str) -> NewAssessmentInput {
    NewAssessmentInput {
        organisation: OrganisationInput::New {
            name: name.to_owned(),
            sector: "retail".to_owned(),
            size: Some("medium".to_owned()),
            notes: "<img src=x onerror=alert(1)>".to_owned(),
        },
        title: "Audit « 2026 »".to_owned(),
        mode: "self".to_owned(),
        language: "fr".to_owned(),
        questionnaire_id: "tcm-92".to_owned(),
        targets: vec![4, 4, 3, 3, 2],
        first_respondent: Some("Claire Martin".to_owned()),
    }
}

#[test]
fn an_assessment_is_created_answered_and_resumed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    assert_eq!(workbench.opening_error(), None);
    let id = assessments::create_assessment(&workbench, &new_assessment("Maison Durand"))
        .expect("created");
    let detail = assessments::assessment_detail(&workbench, id).expect("detail");
    assert_eq!(detail.organisation.name, "Maison Durand");
    assert_eq!(
        detail.organisation.notes, "<img src=x onerror=alert(1)>",
        "text is kept as typed"
    );
    assert_eq!(detail.targets, [4, 4, 3, 3, 2]);
    assert_eq!(detail.question_count, 92);
    let claire = detail.respondents[0].id;

    let saved = assessments::save_answer(
        &workbench,
        &SaveAnswerInput {
            respondent_id: claire,
            question_id: "cre-01".into(),
            answer: Some("3".into()),
            comment: "revu l’an dernier".into(),
        },
    )
    .expect("saved");
    assert_eq!((saved.answered_questions, saved.question_count), (1, 92));
    assert_eq!(saved.overall_score, Some(75.0));
    assessments::save_answer(
        &workbench,
        &SaveAnswerInput {
            respondent_id: claire,
            question_id: "cre-02".into(),
            answer: Some("NA".into()),
            comment: String::new(),
        },
    )
    .expect("saved");
    let answers = assessments::respondent_answers(&workbench, claire).expect("answers");
    assert_eq!(answers.resume_question.as_deref(), Some("cre-02"));
    assert_eq!(answers.answers.len(), 2);
    assert_eq!(answers.answers[0].comment, "revu l’an dernier");

    // Clearing an answer.
    let cleared = assessments::save_answer(
        &workbench,
        &SaveAnswerInput {
            respondent_id: claire,
            question_id: "cre-01".into(),
            answer: None,
            comment: String::new(),
        },
    )
    .expect("cleared");
    assert_eq!(cleared.answered_questions, 0);

    let list = assessments::list_assessments(&workbench).expect("list");
    assert_eq!(list[0].title, "Audit « 2026 »");
    assert_eq!(list[0].respondents, 1);
}

#[test]
fn a_restarted_workbench_finds_everything_and_backs_up_at_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = {
        let workbench = workbench(&dir);
        let id = assessments::create_assessment(&workbench, &new_assessment("Éts Lemoine"))
            .expect("created");
        let claire = assessments::assessment_detail(&workbench, id)
            .expect("detail")
            .respondents[0]
            .id;
        assessments::save_answer(
            &workbench,
            &SaveAnswerInput {
                respondent_id: claire,
                question_id: "pro-13".into(),
                answer: Some("?".into()),
                comment: String::new(),
            },
        )
        .expect("saved");
        id
    };
    let workbench = workbench(&dir);
    let detail = assessments::assessment_detail(&workbench, id).expect("detail");
    assert_eq!(
        detail.respondents[0].resume_question.as_deref(),
        Some("pro-13")
    );
    assert!(
        dir.path()
            .join("backups")
            .read_dir()
            .expect("backups")
            .count()
            >= 1
    );
}

#[test]
fn failures_reach_the_ui_as_kinds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let mut input = new_assessment("X");
    input.title = "  ".into();
    assert_eq!(
        assessments::create_assessment(&workbench, &input)
            .expect_err("no title")
            .kind,
        ErrorKind::InvalidInput
    );
    input = new_assessment("X");
    input.targets = vec![4, 4];
    let error = assessments::create_assessment(&workbench, &input).expect_err("targets");
    assert_eq!(
        error.message,
        "five targets are expected (one per stage), found 2"
    );
    input = new_assessment("X");
    input.mode = "solo".into();
    assert!(
        assessments::create_assessment(&workbench, &input)
            .expect_err("mode")
            .message
            .starts_with("unknown mode `solo`")
    );
    assert_eq!(
        assessments::assessment_detail(&workbench, 77)
            .expect_err("missing")
            .kind,
        ErrorKind::NotFound
    );
    let id = assessments::create_assessment(&workbench, &new_assessment("Y")).expect("created");
    let claire = assessments::assessment_detail(&workbench, id)
        .expect("detail")
        .respondents[0]
        .id;
    let error = assessments::save_answer(
        &workbench,
        &SaveAnswerInput {
            respondent_id: claire,
            question_id: "cre-01".into(),
            answer: Some("5".into()),
            comment: String::new(),
        },
    )
    .expect_err("invalid answer");
    assert_eq!(error.kind, ErrorKind::InvalidInput);
    let error = assessments::add_respondent(
        &workbench,
        id,
        &RespondentInput {
            label: "Claire Martin".into(),
            role: String::new(),
            group: String::new(),
        },
    )
    .expect_err("duplicate");
    assert_eq!(
        error.message,
        "a respondent named « Claire Martin » already exists in this assessment"
    );
}

#[test]
fn a_damaged_database_keeps_the_app_running_and_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("tcm.sqlite"), b"not a database").expect("written");
    let workbench = workbench(&dir);
    let error = workbench.opening_error().expect("unusable");
    assert_eq!(error.kind, ErrorKind::Storage);
    assert!(error.message.contains("is damaged"), "{}", error.message);
    assert_eq!(
        assessments::list_assessments(&workbench)
            .expect_err("unusable")
            .kind,
        ErrorKind::Storage
    );
    assert_eq!(
        std::fs::read(dir.path().join("tcm.sqlite")).expect("kept"),
        b"not a database"
    );
}
