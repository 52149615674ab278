//! The application surface on a temporary database, without a window: what the desktop
//! commands return, and how failures reach the UI.

use tcm_api::transfer::{BackupKind, ImportOutcome};
use tcm_api::transfer::{NewAssessmentInput, OrganisationInput, RespondentInput, SaveAnswerInput};
use tcm_api::{ErrorKind, Workbench, assessments};

#[path = "support/pdf_text.rs"]
mod pdf_text;
use pdf_text::pdf_text;
#[path = "support/workbench.rs"]
mod support_workbench;
use support_workbench::{clock, wire, workbench};

fn new_assessment(name: &str) -> NewAssessmentInput {
    NewAssessmentInput {
        organisation: OrganisationInput::New {
            name: name.to_owned(),
            sector: wire("retail"),
            size: Some(wire("medium")),
            notes: "<img src=x onerror=alert(1)>".to_owned(),
        },
        title: "Audit « 2026 »".to_owned(),
        mode: wire("self"),
        language: wire("fr"),
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
            answer: Some(wire("3")),
            comment: "revu l’an dernier".into(),
            resume_question: None,
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
            answer: Some(wire("NA")),
            comment: String::new(),
            resume_question: None,
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
            resume_question: None,
        },
    )
    .expect("cleared");
    assert_eq!(
        cleared.answered_questions, 1,
        "cre-02 (NA) still counts as answered"
    );

    // The window moved on: the save carries where the respondent now stands.
    let carried = assessments::save_answer(
        &workbench,
        &SaveAnswerInput {
            respondent_id: claire,
            question_id: "cre-03".into(),
            answer: Some(wire("2")),
            comment: String::new(),
            resume_question: Some("cre-04".into()),
        },
    )
    .expect("saved");
    let answers = assessments::respondent_answers(&workbench, claire).expect("answers");
    assert_eq!(answers.resume_question.as_deref(), Some("cre-04"));

    let list = assessments::list_assessments(&workbench).expect("list");
    assert_eq!(list[0].title, "Audit « 2026 »");
    assert_eq!(list[0].respondents, 1);
    assert_eq!(
        (list[0].answered_questions, list[0].overall_score),
        (carried.answered_questions, carried.overall_score),
        "the summary stored is the progress the save answered"
    );
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
                answer: Some(wire("?")),
                comment: String::new(),
                resume_question: None,
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
    // The app runs the full check and the start-up backup in the background after opening.
    workbench
        .check_and_back_up()
        .expect("checked and backed up");
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
    // A mode outside the list cannot even reach the handler: the input type refuses it.
    assert!(serde_json::from_value::<tcm_api::transfer::Mode>(serde_json::json!("solo")).is_err());
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
            question_id: "nope".into(),
            answer: Some(wire("4")),
            comment: String::new(),
            resume_question: None,
        },
    )
    .expect_err("unknown question");
    assert_ne!(error.kind, ErrorKind::Internal);
    // An answer outside the scale cannot even reach the handler: the input type refuses it.
    assert!(
        serde_json::from_value::<tcm_api::transfer::AnswerValue>(serde_json::json!("5")).is_err()
    );
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
    // The UI words it in the user's language from the code and the path.
    let path = dir.path().join("tcm.sqlite").display().to_string();
    assert_eq!(
        error.detail,
        Some(tcm_api::ErrorDetail::DatabaseDamaged { path: path.clone() })
    );
    assert_eq!(
        serde_json::to_value(&error).expect("json")["detail"],
        serde_json::json!({ "code": "databaseDamaged", "path": path })
    );
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

fn answered_assessment(workbench: &Workbench) -> (i64, i64) {
    let id =
        assessments::create_assessment(workbench, &new_assessment("Plan SA")).expect("created");
    let claire = assessments::assessment_detail(workbench, id)
        .expect("detail")
        .respondents[0]
        .id;
    for (question, answer) in [
        ("cre-01", "1"),
        ("cur-01", "0"),
        ("act-01", "4"),
        ("pro-01", "2"),
    ] {
        assessments::save_answer(
            workbench,
            &SaveAnswerInput {
                respondent_id: claire,
                question_id: question.into(),
                answer: Some(wire(answer)),
                comment: String::new(),
                resume_question: None,
            },
        )
        .expect("saved");
    }
    (id, claire)
}

#[test]
fn the_plan_proposes_then_keeps_the_users_edits() {
    use tcm_api::plan;
    use tcm_api::transfer::{ActionInput, PlanOrigin};
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let (id, _) = answered_assessment(&workbench);
    let view = plan::action_plan(&workbench, id, None).expect("plan");
    // act-01 is at its target (4): no proposal. Targets: creative 4, curative 3, proactive 2.
    let questions: Vec<_> = view
        .items
        .iter()
        .filter_map(|item| item.question_id.clone())
        .collect();
    assert!(questions.contains(&"cre-01".to_owned()) && questions.contains(&"cur-01".to_owned()));
    assert!(
        !questions.contains(&"act-01".to_owned()) && !questions.contains(&"pro-01".to_owned()),
        "{questions:?}"
    );
    assert!(
        view.items
            .iter()
            .all(|item| item.origin == PlanOrigin::Proposal)
    );
    let first = &view.items[0];
    assert!(first.priority >= view.items[1].priority);

    let edited = ActionInput {
        question_id: first.question_id.clone(),
        stage: None,
        title: first.title.clone(),
        description: first.description.clone(),
        owner: "Léa <b>Moreau</b>".into(),
        due: Some("2027-03-31".into()),
        status: wire("planned"),
        impact: first.impact,
        effort: first.effort,
    };
    let view = plan::keep_action(&workbench, id, &edited, Some("fr")).expect("kept");
    let kept = view
        .items
        .iter()
        .find(|item| item.question_id == first.question_id)
        .expect("still in the plan");
    assert_eq!(
        (
            kept.origin.as_str(),
            kept.owner.as_str(),
            kept.due.as_deref()
        ),
        ("kept", "Léa <b>Moreau</b>", Some("2027-03-31"))
    );
    let action_id = kept.action_id.expect("stored");
    let dismissed = ActionInput {
        status: wire("dismissed"),
        ..edited
    };
    let view = plan::update_action(&workbench, action_id, &dismissed, None).expect("updated");
    assert_eq!(
        view.items
            .iter()
            .find(|item| item.action_id == Some(action_id))
            .map(|item| item.status.as_str()),
        Some("dismissed")
    );
    let added = ActionInput {
        question_id: None,
        stage: Some(wire("proactive")),
        title: "Créer un club « grands comptes »".into(),
        description: String::new(),
        owner: String::new(),
        due: None,
        status: wire("planned"),
        impact: 2,
        effort: 2,
    };
    let view = plan::keep_action(&workbench, id, &added, None).expect("added");
    assert!(
        view.items
            .iter()
            .any(|item| item.title == "Créer un club « grands comptes »"
                && item.origin == PlanOrigin::Kept)
    );
    let view = plan::delete_action(&workbench, action_id, None).expect("deleted");
    let back = view
        .items
        .iter()
        .find(|item| item.question_id == first.question_id)
        .expect("proposed again");
    assert_eq!(back.origin, PlanOrigin::Proposal);
    let bad = ActionInput {
        due: Some("31/03/2027".into()),
        ..added
    };
    assert_eq!(
        plan::keep_action(&workbench, id, &bad, None)
            .expect_err("date")
            .message,
        "the due date must be a date such as 2027-03-31, found `31/03/2027`"
    );
}

#[test]
fn exports_and_imports_through_files() {
    use tcm_api::transfers::{self, ExportKind};
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let (id, _) = answered_assessment(&workbench);
    let file = dir.path().join("audit.tcm");
    transfers::export(&workbench, id, ExportKind::Tcm, &file).expect("exported");
    transfers::export(
        &workbench,
        id,
        ExportKind::Xlsx,
        &dir.path().join("audit.xlsx"),
    )
    .expect("exported");
    transfers::export(
        &workbench,
        id,
        ExportKind::Csv,
        &dir.path().join("audit.csv"),
    )
    .expect("exported");
    let other = tempfile::tempdir().expect("temp dir");
    let elsewhere = Workbench::start(other.path().join("tcm.sqlite"), clock);
    let imported = transfers::import_tcm(&elsewhere, &file, None).expect("imported");
    assert_eq!(imported.outcome, ImportOutcome::Created);
    assert_eq!(
        transfers::import_tcm(&elsewhere, &file, None)
            .expect("again")
            .outcome,
        ImportOutcome::AlreadyPresent
    );
    let csv = dir.path().join("more.csv");
    std::fs::write(&csv, "respondent;question;answer\nMarc;cre-02;3\n").expect("written");
    let view =
        transfers::import_responses(&elsewhere, imported.assessment_id, &csv).expect("imported");
    assert_eq!((view.answers_written, view.respondents_added), (1, 1));
    let broken = dir.path().join("broken.tcm");
    std::fs::write(&broken, "{\"format\": \"something else\"}").expect("written");
    let error = transfers::import_tcm(&elsewhere, &broken, None).expect_err("refused");
    assert_eq!(error.kind, ErrorKind::InvalidInput);
    assert!(
        error.message.starts_with("broken.tcm cannot be imported:"),
        "{}",
        error.message
    );
}

#[test]
fn backups_are_listed_taken_and_restored() {
    use tcm_api::settings;
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let (id, claire) = answered_assessment(&workbench);
    let backup = settings::backup_now(&workbench).expect("backup");
    assert_eq!(backup.kind, BackupKind::Manual);
    assessments::save_answer(
        &workbench,
        &SaveAnswerInput {
            respondent_id: claire,
            question_id: "cre-05".into(),
            answer: Some(wire("4")),
            comment: String::new(),
            resume_question: None,
        },
    )
    .expect("saved");
    let restored = settings::restore_backup(&workbench, &backup.path).expect("restored");
    assert!(restored.previous_saved_as.is_some());
    assert_eq!(
        assessments::assessment_detail(&workbench, id)
            .expect("detail")
            .answered_questions,
        4,
        "the answer after the backup is gone"
    );
    assert!(
        settings::list_backups(&workbench)
            .iter()
            .any(|backup| backup.kind == BackupKind::BeforeRestore)
    );
    let info = settings::app_info(&workbench);
    assert!(info.database_path.ends_with("tcm.sqlite") && info.opening_error.is_none());
}

#[test]
fn a_damaged_database_can_be_restored_from_the_app() {
    use tcm_api::settings;
    let dir = tempfile::tempdir().expect("temp dir");
    let backup = {
        let workbench = workbench(&dir);
        answered_assessment(&workbench);
        settings::backup_now(&workbench).expect("backup").path
    };
    std::fs::write(dir.path().join("tcm.sqlite"), b"broken").expect("damaged");
    for companion in ["tcm.sqlite-wal", "tcm.sqlite-shm"] {
        let _ = std::fs::remove_file(dir.path().join(companion));
    }
    let workbench = workbench(&dir);
    assert!(settings::app_info(&workbench).opening_error.is_some());
    let restored = settings::restore_backup(&workbench, &backup).expect("restored");
    assert!(restored.damaged_moved_to.is_some());
    assert!(settings::app_info(&workbench).opening_error.is_none());
    assert_eq!(
        assessments::list_assessments(&workbench)
            .expect("list")
            .len(),
        1
    );
}

#[test]
fn the_demo_opens_once_and_its_results_carry_the_charts() {
    use tcm_api::{reports, results};
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let id = reports::open_demo(&workbench).expect("demo");
    assert_eq!(
        reports::open_demo(&workbench).expect("demo again"),
        id,
        "opening the demo twice reuses it"
    );
    assert_eq!(
        assessments::list_assessments(&workbench)
            .expect("list")
            .len(),
        2,
        "the workshop and the earlier self-assessment"
    );
    let view = results::assessment_results(&workbench, id, "fr").expect("results");
    assert_eq!(view.stages.len(), 5);
    assert!(view.overall.is_some() && view.overall_level.is_some());
    assert_eq!(view.respondents, 5);
    assert!(
        view.previous.is_some(),
        "the earlier self-assessment is the previous audit"
    );
    for svg in [
        &view.charts.radar,
        &view.charts.stage_bars,
        &view.charts.theme_bars,
        &view.charts.heatmap,
    ] {
        assert!(svg.starts_with("<svg"), "{}", &svg[..40.min(svg.len())]);
    }
    assert!(
        view.charts.dispersion.is_some(),
        "several respondents: a dispersion chart"
    );
    assert!(view.charts.radar.contains("Préventive"));
    let english = results::assessment_results(&workbench, id, "en").expect("results");
    assert!(english.charts.radar.contains("Preventive"));
    assert_eq!(view.strengths.len(), 3);
    assert_eq!(
        results::assessment_results(&workbench, id, "de")
            .expect_err("language")
            .kind,
        ErrorKind::InvalidInput
    );
}

#[test]
fn the_report_and_the_blank_grid_are_written_where_asked() {
    use tcm_api::reports;
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let id = reports::open_demo(&workbench).expect("demo");
    let report = dir.path().join("rapport.pdf");
    reports::export_report(&workbench, id, "fr", &report).expect("written");
    let text = pdf_text(&report);
    assert!(
        text.contains("Plan d’action") && text.contains("Menuiseries Delorme & Fils"),
        "{}",
        &text[..200]
    );
    let english = dir.path().join("report.pdf");
    reports::export_report(&workbench, id, "en", &english).expect("written");
    assert!(pdf_text(&english).contains("Action plan"));
    let grid = dir.path().join("grille.pdf");
    reports::export_blank_grid(&workbench, "tcm-25-classroom", "fr", &grid).expect("written");
    assert!(pdf_text(&grid).contains("cre-01"));
    let error = reports::export_report(
        &workbench,
        id,
        "fr",
        &dir.path().join("missing-folder/r.pdf"),
    )
    .expect_err("no folder");
    assert_eq!(error.kind, ErrorKind::ForbiddenPath);
    // The app's save dialog and export handlers refuse the database itself, by any path.
    let database = workbench.path().to_owned();
    let dotted = database
        .parent()
        .expect("folder")
        .join(".")
        .join(database.file_name().expect("name"));
    for target in [database.clone(), dotted] {
        let error = reports::export_report(&workbench, id, "fr", &target).expect_err("refused");
        assert_eq!(error.kind, ErrorKind::ForbiddenPath, "{}", error.message);
        let error = tcm_api::files::check_output_path(&database, &target).expect_err("refused");
        assert_eq!(error.kind, ErrorKind::ForbiddenPath);
    }
    assert!(
        reports::open_demo(&workbench).is_ok(),
        "the database still opens"
    );
}

#[test]
fn the_plan_speaks_the_language_asked() {
    use tcm_api::plan;
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let (id, _) = answered_assessment(&workbench);
    let french = plan::action_plan(&workbench, id, Some("fr")).expect("plan");
    let english = plan::action_plan(&workbench, id, Some("en")).expect("plan");
    assert_eq!(french.items.len(), english.items.len());
    assert_ne!(french.items[0].title, english.items[0].title);
    assert_eq!(
        plan::action_plan(&workbench, id, Some("xx"))
            .expect_err("language")
            .kind,
        ErrorKind::InvalidInput
    );
}

#[test]
fn a_workshop_records_its_consensus_values() {
    use tcm_api::transfer::ConsensusInput;
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let (id, _) = answered_assessment(&workbench);
    let marc = assessments::add_respondent(
        &workbench,
        id,
        &RespondentInput {
            label: "Marc".into(),
            role: String::new(),
            group: String::new(),
        },
    )
    .expect("respondent")
    .id;
    assessments::save_answer(
        &workbench,
        &SaveAnswerInput {
            respondent_id: marc,
            question_id: "cre-01".into(),
            answer: Some(wire("3")),
            comment: "« plutôt bien »".into(),
            resume_question: None,
        },
    )
    .expect("saved");
    let sheet = assessments::consensus_sheet(&workbench, id).expect("sheet");
    let cre01 = sheet
        .answers
        .iter()
        .find(|question| question.question_id == "cre-01")
        .expect("answers to compare");
    assert_eq!(cre01.answers.len(), 2);
    assert_eq!(cre01.answers[1].comment, "« plutôt bien »");
    let saved = assessments::set_consensus(
        &workbench,
        &ConsensusInput {
            assessment_id: id,
            question_id: "cre-01".into(),
            value: Some(wire("2")),
            note: "accord en séance".into(),
        },
    )
    .expect("set");
    assert!(saved.overall_score.is_some());
    let sheet = assessments::consensus_sheet(&workbench, id).expect("sheet");
    assert_eq!(sheet.values[0].value, wire("2"));
    assert_eq!(sheet.values[0].note, "accord en séance");
    // `?` is not a consensus: the input type refuses it.
    assert!(
        serde_json::from_value::<tcm_api::transfer::ConsensusValue>(serde_json::json!("?"))
            .is_err()
    );
    assessments::set_consensus(
        &workbench,
        &ConsensusInput {
            assessment_id: id,
            question_id: "cre-01".into(),
            value: None,
            note: String::new(),
        },
    )
    .expect("removed");
    assert!(
        assessments::consensus_sheet(&workbench, id)
            .expect("sheet")
            .values
            .is_empty()
    );
}

#[test]
fn the_strategy_groups_sequences_and_projects_the_plan() {
    use tcm_api::{plan, reports, strategy};
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let (id, _) = answered_assessment(&workbench);
    let view = strategy::strategy(&workbench, id, None).expect("strategy");
    // cre-01 (1, target 4) and cur-01 (0, target 3) move; each stage's only answered question.
    type Row<'a> = (&'a str, Vec<String>, Option<f64>, Option<f64>);
    let summary: Vec<Row<'_>> = view
        .initiatives
        .iter()
        .map(|i| (i.stage.as_str(), i.questions.clone(), i.current, i.reached))
        .collect();
    assert_eq!(
        summary,
        [
            ("curative", vec!["cur-01".to_owned()], Some(0.0), Some(75.0)),
            (
                "creative",
                vec!["cre-01".to_owned()],
                Some(25.0),
                Some(100.0)
            ),
        ]
    );
    assert_eq!(view.start, "2026-11-23");
    assert_eq!(view.waves[0].start, "2026-11-23");
    assert_eq!(view.waves[0].end, "2027-02-23");
    assert_eq!(view.waves[2].end, "2028-11-23");
    assert_eq!(view.initiatives[0].wave, 1);
    assert!(
        view.initiatives
            .iter()
            .all(|i| i.leads && i.wave_source == "derived")
    );
    assert!(view.explanation.contains("poids 2"), "{}", view.explanation);
    let curative = view
        .stages
        .iter()
        .find(|s| s.stage == "curative")
        .expect("stage");
    assert_eq!(curative.target, 75.0);
    assert_eq!(curative.scores.after_all_waves, Some(75.0));
    assert!(view.overall.after_all_waves >= view.overall.current);

    // The demo: every open action of the plan in exactly one initiative, twelve lead at most.
    let demo = reports::open_demo(&workbench).expect("demo");
    let view = strategy::strategy(&workbench, demo, Some("en")).expect("strategy");
    let open = plan::action_plan(&workbench, demo, Some("en"))
        .expect("plan")
        .items
        .into_iter()
        .filter(|item| {
            !matches!(
                item.status,
                tcm_api::transfer::ActionStatus::Done | tcm_api::transfer::ActionStatus::Dismissed
            )
        })
        .count();
    let grouped: usize = view.initiatives.iter().map(|i| i.actions.len()).sum();
    assert_eq!(grouped, open);
    assert!(view.initiatives.iter().filter(|i| i.leads).count() <= 12);
    assert!(view.explanation.contains("weight 2"));
    assert!(matches!(
        strategy::strategy(&workbench, demo, Some("de")),
        Err(error) if error.kind == ErrorKind::InvalidInput
    ));
}

#[test]
fn a_user_s_wave_and_dates_survive_every_re_derivation_until_cleared() {
    use tcm_api::{reports, strategy};
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let demo = reports::open_demo(&workbench).expect("demo");
    let before = strategy::strategy(&workbench, demo, Some("en")).expect("strategy");
    let first = before.initiatives[0].clone();
    assert_eq!((first.wave, first.wave_source.as_str()), (1, "derived"));
    let second = before.initiatives[1].clone();

    let moved =
        strategy::set_initiative_wave(&workbench, demo, &first.id, 3, Some("en")).expect("moved");
    let find = |view: &tcm_api::transfer::StrategyView, id: &str| {
        view.initiatives
            .iter()
            .find(|i| i.id == id)
            .cloned()
            .expect("initiative")
    };
    let placed = find(&moved, &first.id);
    assert_eq!((placed.wave, placed.wave_source.as_str()), (3, "userWave"));
    assert_eq!(
        (placed.start.as_str(), placed.end.as_str()),
        (moved.waves[2].start.as_str(), moved.waves[2].end.as_str())
    );
    // Deriving again (a new read, as after reopening the app) keeps the move.
    let again = strategy::strategy(&workbench, demo, Some("fr")).expect("strategy");
    assert_eq!(find(&again, &first.id).wave, 3);
    // Every other initiative keeps its derived wave.
    for initiative in again.initiatives.iter().filter(|i| i.id != first.id) {
        assert_eq!(initiative.wave_source, "derived", "{}", initiative.id);
    }

    // Dates: the initiative joins the wave whose window holds its end.
    let dated = strategy::set_initiative_dates(
        &workbench,
        demo,
        &second.id,
        &before.waves[1].start,
        &before.waves[1].end,
        None,
    )
    .expect("dated");
    let placed = find(&dated, &second.id);
    assert_eq!((placed.wave, placed.wave_source.as_str()), (2, "userDates"));
    assert_eq!(placed.start, before.waves[1].start);

    // Refused, and nothing changed.
    let refusals = [
        strategy::set_initiative_wave(&workbench, demo, &first.id, 4, None),
        strategy::set_initiative_wave(&workbench, demo, "no-such-theme", 2, None),
        strategy::set_initiative_wave(&workbench, demo, &first.id, 2, Some("de")),
        strategy::set_initiative_dates(
            &workbench,
            demo,
            &first.id,
            "2027-05-01",
            "2027-04-01",
            None,
        ),
        strategy::set_initiative_dates(&workbench, demo, &first.id, "1er mai", "2027-04-01", None),
        strategy::set_initiative_dates(
            &workbench,
            demo,
            &first.id,
            "2027-05-01",
            "2099-01-01",
            None,
        ),
    ];
    for refusal in refusals {
        let error = refusal.expect_err("refused");
        assert_eq!(error.kind, ErrorKind::InvalidInput, "{}", error.message);
    }
    let error = strategy::set_initiative_wave(&workbench, demo + 1000, &first.id, 2, None)
        .expect_err("no such assessment");
    assert_eq!(error.kind, ErrorKind::NotFound, "{}", error.message);
    let unchanged = strategy::strategy(&workbench, demo, None).expect("strategy");
    assert_eq!(find(&unchanged, &first.id).wave, 3);
    assert_eq!(find(&unchanged, &second.id).wave_source, "userDates");

    // Cleared: the derived wave comes back; clearing twice changes nothing.
    strategy::clear_initiative_wave(&workbench, demo, &first.id, None).expect("cleared");
    let cleared =
        strategy::clear_initiative_wave(&workbench, demo, &first.id, None).expect("cleared again");
    let back = find(&cleared, &first.id);
    assert_eq!((back.wave, back.wave_source.as_str()), (1, "derived"));
    assert!(cleared.unmatched_overrides.is_empty());
}

#[test]
fn the_plan_with_milestones_has_one_row_per_action_of_the_roadmap() {
    use calamine::{Data, Reader, Xlsx};
    use tcm_api::{reports, strategy};
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let demo = reports::open_demo(&workbench).expect("demo");
    let view = strategy::strategy(&workbench, demo, Some("fr")).expect("strategy");
    let moved = &view.initiatives[0];
    strategy::set_initiative_wave(&workbench, demo, &moved.id, 3, None).expect("moved");
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("date");
    let bytes = workbench
        .with_store(|store, _| {
            strategy::export_milestones(
                store,
                tcm_store::AssessmentId(demo),
                Some(tcm_core::Language::French),
                date,
            )
        })
        .expect("exported");
    let mut workbook = Xlsx::new(std::io::Cursor::new(bytes.as_slice())).expect("XLSX");
    let sheet = workbook.worksheet_range("Jalons").expect("sheet");
    let actions: usize = view.initiatives.iter().map(|i| i.actions.len()).sum();
    assert_eq!(sheet.height(), actions + 1);
    let cell = |row: u32, column: u32| sheet.get_value((row, column)).cloned();
    // The first rows are the first initiative's actions, in the wave the user moved it to.
    assert_eq!(cell(1, 1), Some(Data::String(moved.title.clone())));
    assert_eq!(
        cell(1, 2),
        Some(Data::String("Vague 3 (12 à 24 mois)".to_owned()))
    );
    assert_eq!(
        cell(1, 5),
        Some(Data::String(moved.actions[0].title.clone()))
    );
    // Every row has a due date.
    for row in 1..=u32::try_from(actions).expect("small") {
        assert!(
            matches!(cell(row, 8), Some(Data::DateTime(_))),
            "row {row}: {:?}",
            cell(row, 8)
        );
    }
    // The app's Export screen writes the same file where the user chose.
    let path = dir.path().join("jalons.xlsx");
    tcm_api::transfers::export(
        &workbench,
        demo,
        tcm_api::transfers::ExportKind::Milestones,
        &path,
    )
    .expect("written");
    let written = std::fs::read(&path).expect("read");
    let mut workbook = Xlsx::new(std::io::Cursor::new(written.as_slice())).expect("XLSX");
    let sheet = workbook.worksheet_range("Jalons").expect("sheet");
    assert_eq!(sheet.height(), actions + 1);
}

#[test]
fn a_previous_audit_on_version_1_is_compared_on_the_questions_that_map() {
    use tcm_api::{catalogue, results};
    use tcm_core::{
        Assessment, AssessmentStatus, Language, Mode, QuestionId, Respondent, RespondentProfile,
        Response, Targets,
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let current = assessments::create_assessment(&workbench, &new_assessment("Maison Durand"))
        .expect("created");
    let detail = assessments::assessment_detail(&workbench, current).expect("detail");
    let v1 = catalogue::previous_versions()
        .expect("bundled")
        .iter()
        .find(|questionnaire| questionnaire.id() == "tcm-92")
        .expect("version 1 is bundled");
    let v2 = catalogue::bundled()
        .expect("bundled")
        .iter()
        .find(|questionnaire| questionnaire.id() == "tcm-92")
        .expect("version 2 is bundled");
    let mapping = &catalogue::mappings().expect("valid")[0];
    let pairs = mapping.comparable_pairs(v1, v2);
    assert!(!pairs.is_empty() && pairs.len() < 92);

    // The earlier audit, on version 1: 4 on every question that maps, 0 on the others.
    let mut sheet = tcm_core::AnswerSheet::new();
    for question in v1.questions() {
        let mapped = pairs.iter().any(|pair| pair.old == question.id);
        sheet
            .record(
                Respondent::new("Paul"),
                QuestionId::new(question.id.as_str()),
                Response {
                    answer: if mapped { "4" } else { "0" }.parse().expect("answer"),
                    comment: None,
                },
            )
            .expect("recorded");
    }
    workbench
        .with_store(|store, now| {
            let earlier = store.create_assessment(
                &tcm_store::NewAssessment {
                    organisation: tcm_store::OrganisationId(detail.organisation.id),
                    questionnaire: v1,
                    assessment: Assessment {
                        title: "Audit 2025".to_owned(),
                        mode: Mode::SelfAssessment,
                        language: Language::French,
                        targets: Targets::default(),
                        status: AssessmentStatus::InProgress,
                    },
                },
                now,
            )?;
            let paul = RespondentProfile {
                label: "Paul".to_owned(),
                role: String::new(),
                group: String::new(),
            };
            store.import_responses(earlier, &[paul], &sheet, now)?;
            Ok(())
        })
        .expect("the version 1 audit is stored");

    // The current audit, on version 2: 2 on every question that maps, 4 on the others.
    for question in v2.questions() {
        let mapped = pairs.iter().any(|pair| pair.new == question.id);
        assessments::save_answer(
            &workbench,
            &SaveAnswerInput {
                respondent_id: detail.respondents[0].id,
                question_id: question.id.to_string(),
                answer: Some(wire(if mapped { "2" } else { "4" })),
                comment: String::new(),
                resume_question: None,
            },
        )
        .expect("saved");
    }

    let view = results::assessment_results(&workbench, current, "fr").expect("results");
    let basis = view.previous_basis.expect("a previous audit");
    assert!(basis.mapped);
    assert_eq!(basis.questions as usize, pairs.len());
    assert_eq!(basis.total, 92);
    let previous = view.previous.expect("previous scores");
    let common = basis
        .current
        .expect("current scores over the common questions");
    for (index, stage) in view.stages.iter().enumerate() {
        assert_eq!(
            previous[index],
            Some(100.0),
            "{:?}: previous over the mapped questions",
            stage.id
        );
        assert_eq!(
            common[index],
            Some(50.0),
            "{:?}: current over the mapped questions",
            stage.id
        );
        assert!(
            stage.score >= Some(50.0),
            "{:?}: the full current score",
            stage.id
        );
    }
    assert!(
        view.stages.iter().any(|stage| stage.score > Some(50.0)),
        "the full current scores count the questions that do not map"
    );
}

#[test]
fn a_questionnaire_that_claims_a_bundled_name_but_differs_is_shown_as_modified() {
    use tcm_api::transfers::{self, ExportKind};
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let (id, _) = answered_assessment(&workbench);
    let file = dir.path().join("audit.tcm");
    transfers::export(&workbench, id, ExportKind::Tcm, &file).expect("exported");
    // Someone edits the weights inside the file, keeping the grid's id and version.
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).expect("read")).expect("json");
    let snapshot = json["questionnaire"]["snapshot"]
        .as_str()
        .expect("snapshot")
        .replacen("weight = 2", "weight = 5", 1);
    json["questionnaire"]["snapshot"] = serde_json::Value::String(snapshot);
    let edited = dir.path().join("edited.tcm");
    std::fs::write(&edited, serde_json::to_vec(&json).expect("json")).expect("written");

    let other = tempfile::tempdir().expect("temp dir");
    let elsewhere = Workbench::start(other.path().join("tcm.sqlite"), clock);
    let imported = transfers::import_tcm(&elsewhere, &edited, None).expect("imported");
    assert!(imported.questionnaire_modified, "flagged on import");
    let listed = assessments::list_assessments(&elsewhere).expect("list");
    assert!(listed[0].questionnaire_modified, "flagged in the list");
    let detail =
        assessments::assessment_detail(&elsewhere, imported.assessment_id).expect("detail");
    assert!(detail.questionnaire_modified, "flagged in the detail");
    let report = other.path().join("rapport.pdf");
    tcm_api::reports::export_report(&elsewhere, imported.assessment_id, "fr", &report)
        .expect("report");
    let text = pdf_text(&report);
    assert!(text.contains("modifié"), "flagged in the report");
    // The original file is not flagged.
    let clean = tempfile::tempdir().expect("temp dir");
    let third = Workbench::start(clean.path().join("tcm.sqlite"), clock);
    let imported = transfers::import_tcm(&third, &file, None).expect("imported");
    assert!(!imported.questionnaire_modified);
    assert!(!assessments::list_assessments(&third).expect("list")[0].questionnaire_modified);
}

#[test]
fn results_set_each_groups_stage_scores_side_by_side_and_withhold_small_groups() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let id = assessments::create_assessment(&workbench, &new_assessment("Maison Durand"))
        .expect("created");
    let view = tcm_api::results::assessment_results(&workbench, id, "fr").expect("results");
    assert!(view.groups.is_empty(), "no respondent has a group");

    // Sales (3) rate cur-01 at 4; customer service (3) at 1, one of them "?"; a lone manager.
    let people = [
        ("Ana", "Ventes", "4"),
        ("Bruno", "Ventes", "4"),
        ("Céline", "Ventes", "4"),
        ("Denis", "Service client", "1"),
        ("Emma", "Service client", "1"),
        ("Farid", "Service client", "?"),
        ("Gaëlle", "Direction", "2"),
        // Three people in no group: the room minus the groups shown gives none of them away.
        ("Hugo", "", "3"),
        ("Inès", "", "3"),
        ("Jules", "", "3"),
    ];
    for (name, group, value) in people {
        let respondent = assessments::add_respondent(
            &workbench,
            id,
            &RespondentInput {
                label: name.to_owned(),
                role: String::new(),
                group: group.to_owned(),
            },
        )
        .expect("respondent");
        assessments::save_answer(
            &workbench,
            &SaveAnswerInput {
                respondent_id: respondent.id,
                question_id: "cur-01".to_owned(),
                answer: Some(wire(value)),
                comment: String::new(),
                resume_question: None,
            },
        )
        .expect("saved");
    }
    let view = tcm_api::results::assessment_results(&workbench, id, "fr").expect("results");
    let names: Vec<&str> = view
        .groups
        .iter()
        .map(|group| group.group.as_str())
        .collect();
    assert_eq!(names, ["Direction", "Service client", "Ventes"]);
    let direction = &view.groups[0];
    assert!(direction.withheld && !direction.shields && direction.stages.is_empty());
    assert!(!view.groups[1].withheld && !view.groups[2].withheld);
    let curative = |group: usize| {
        view.groups[group]
            .stages
            .iter()
            .find(|stage| stage.stage == wire("curative"))
            .cloned()
            .expect("curative stage")
    };
    assert_eq!(curative(2).score, Some(100.0));
    assert_eq!(curative(2).dont_know_share, Some(0.0));
    assert_eq!(curative(1).score, Some(25.0));
    assert_eq!(curative(1).dont_know_share, Some(1.0 / 3.0));
}

/// The figures of the results screen: overall and per stage.
fn figures(workbench: &Workbench, id: i64) -> serde_json::Value {
    let results = tcm_api::results::assessment_results(workbench, id, "fr").expect("results");
    serde_json::json!({
        "overall": results.overall,
        "stages": serde_json::to_value(&results.stages).expect("JSON"),
    })
}

#[test]
fn respondents_are_anonymised_or_erased_and_an_anonymous_tcm_names_nobody() {
    use tcm_api::transfers::{self, ExportKind};
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let (id, claire) = answered_assessment(&workbench);
    let marc = assessments::add_respondent(
        &workbench,
        id,
        &RespondentInput {
            label: "Marc Petit".into(),
            role: "Directeur commercial".into(),
            group: "Ventes".into(),
        },
    )
    .expect("added")
    .id;
    assessments::save_answer(
        &workbench,
        &SaveAnswerInput {
            respondent_id: marc,
            question_id: "cre-01".into(),
            answer: Some(wire("3")),
            comment: "Marc trouve « les segments » flous".into(),
            resume_question: None,
        },
    )
    .expect("saved");
    let before = figures(&workbench, id);

    let anonymous = assessments::anonymise_respondent(&workbench, marc, true).expect("anonymised");
    assert_eq!(
        (anonymous.label.as_str(), anonymous.role.as_str()),
        ("Participant 1", "")
    );
    let answers = assessments::respondent_answers(&workbench, marc).expect("answers");
    assert!(
        serde_json::to_string(&answers)
            .expect("JSON")
            .contains("les segments"),
        "comments kept on request"
    );
    assert_eq!(figures(&workbench, id), before, "scores unchanged");

    let file = dir.path().join("anonyme.tcm");
    transfers::export(&workbench, id, ExportKind::AnonymousTcm, &file).expect("exported");
    let text = std::fs::read_to_string(&file).expect("written");
    for personal in ["Claire Martin", "Marc trouve", "Directeur commercial"] {
        assert!(!text.contains(personal), "{personal} in the anonymous file");
    }
    assert!(
        text.contains("Participant 2"),
        "Claire became Participant 2"
    );

    assessments::erase_respondent(&workbench, claire, true).expect("erased");
    let detail = assessments::assessment_detail(&workbench, id).expect("detail");
    let labels: Vec<&str> = detail
        .respondents
        .iter()
        .map(|respondent| respondent.label.as_str())
        .collect();
    assert_eq!(labels, ["Participant 2", "Participant 1"]);
    assert_eq!(
        figures(&workbench, id),
        before,
        "answers kept: scores unchanged"
    );

    assessments::erase_respondent(&workbench, marc, false).expect("erased");
    assert_ne!(
        figures(&workbench, id),
        before,
        "Marc's answer left with him"
    );
    let error = assessments::erase_respondent(&workbench, marc, false).expect_err("gone");
    assert_eq!(error.kind, ErrorKind::NotFound);
}

#[test]
#[cfg(unix)]
fn an_endless_file_is_refused_after_the_size_bound_in_the_app_too() {
    use tcm_api::transfers;
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let (id, _) = answered_assessment(&workbench);
    let zero = std::path::Path::new("/dev/zero");
    for error in [
        transfers::import_responses(&workbench, id, zero).expect_err("refused"),
        transfers::import_tcm(&workbench, zero, None).expect_err("refused"),
    ] {
        assert_eq!(error.kind, ErrorKind::InvalidInput);
        assert!(
            error.message.contains("/dev/zero is larger than 64 MiB"),
            "{}",
            error.message
        );
    }
}

#[test]
fn answers_saved_together_commit_at_once_and_a_bad_one_fails_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let id = assessments::create_assessment(&workbench, &new_assessment("Maison Durand"))
        .expect("created");
    let claire = assessments::assessment_detail(&workbench, id)
        .expect("detail")
        .respondents[0]
        .id;
    let marc = assessments::add_respondent(
        &workbench,
        id,
        &RespondentInput {
            label: "Marc".into(),
            role: String::new(),
            group: String::new(),
        },
    )
    .expect("respondent")
    .id;
    let input = |respondent: i64, question: &str, value: &str, comment: &str| SaveAnswerInput {
        respondent_id: respondent,
        question_id: question.into(),
        answer: Some(wire(value)),
        comment: comment.into(),
        resume_question: None,
    };
    let batch = [
        input(claire, "cre-01", "3", "« déjà vu »"),
        input(marc, "cre-01", "1", ""),
        input(claire, "no-such-question", "2", ""),
        input(marc, "cre-02", "4", &"x".repeat(10_001)),
        input(marc, "cre-03", "?", ""),
        input(999_999, "cre-01", "2", ""),
    ];
    let outcomes = assessments::save_answers(&workbench, &batch).expect("the batch commits");
    assert_eq!(
        outcomes.len(),
        batch.len(),
        "one outcome per answer, in order"
    );
    let kinds: Vec<Option<ErrorKind>> = outcomes
        .iter()
        .map(|outcome| outcome.as_ref().err().map(|error| error.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            None,
            None,
            Some(ErrorKind::InvalidInput),
            Some(ErrorKind::InvalidInput),
            None,
            Some(ErrorKind::NotFound),
        ],
        "{outcomes:?}"
    );
    let message = |index: usize| {
        outcomes[index]
            .as_ref()
            .err()
            .map(|error| error.message.clone())
            .unwrap_or_default()
    };
    assert!(message(2).contains("no-such-question"), "{}", message(2));
    assert!(message(3).contains("comment"), "{}", message(3));
    // Every saved answer reports where the assessment stands after the whole batch: two
    // questions answered (cre-01 by both, cre-03 by Marc).
    let saved: Vec<_> = outcomes.iter().flatten().collect();
    assert!(
        saved
            .iter()
            .all(|one| one.answered_questions == 2 && one.question_count == 92),
        "{saved:?}"
    );
    let claire_answers = assessments::respondent_answers(&workbench, claire).expect("answers");
    assert_eq!(claire_answers.answers.len(), 1);
    assert_eq!(claire_answers.answers[0].comment, "« déjà vu »");
    assert_eq!(claire_answers.resume_question.as_deref(), Some("cre-01"));
    let marc_answers = assessments::respondent_answers(&workbench, marc).expect("answers");
    assert_eq!(
        marc_answers.answers.len(),
        2,
        "the refused comment left no answer"
    );
    assert_eq!(marc_answers.resume_question.as_deref(), Some("cre-03"));

    // The same answers sent again are stored once; the summary still counts two questions.
    let again = assessments::save_answers(&workbench, &batch[..2]).expect("committed");
    assert!(again.iter().all(Result::is_ok));
    let list = assessments::list_assessments(&workbench).expect("list");
    assert_eq!(list[0].answered_questions, 2);
    assert_eq!(
        assessments::save_answers(&workbench, &[]).expect("nothing to save"),
        Vec::new()
    );
}
