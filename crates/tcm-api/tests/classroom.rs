//! The classroom handlers on a temporary database: a class exercise created from a shipped
//! case, groups answering on this machine and returning `.tcm` files, grading against the
//! key, the debrief and a folder import with good, foreign, damaged and duplicate files.

use chrono::{DateTime, TimeZone, Utc};
use tcm_api::transfer::{GradeOutcome, NewClassExerciseInput, RefusalReason, SaveAnswerInput};
use tcm_api::{ErrorKind, Workbench, assessments, class_import, classroom, files};
use tcm_core::{Answer, Level, Respondent, RespondentProfile};
use tcm_interchange::portable::{self, RecordedAnswer};

fn clock() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0)
        .single()
        .expect("date")
}

fn workbench(dir: &tempfile::TempDir, name: &str) -> Workbench {
    Workbench::start(dir.path().join(name), clock)
}

fn wire<T: serde::de::DeserializeOwned>(text: &str) -> T {
    serde_json::from_value(serde_json::json!(text)).expect("a value of the list")
}

fn new_exercise(case: &str, groups: &[&str]) -> NewClassExerciseInput {
    let cases = classroom::list_cases().expect("cases");
    let case = cases.iter().find(|c| c.id == case).expect("shipped case");
    NewClassExerciseInput {
        case_id: case.id.clone(),
        case_version: case.version.clone(),
        class_name: "M2 Marketing « 2026 »".to_owned(),
        language: wire("fr"),
        groups: groups.iter().map(|g| (*g).to_owned()).collect(),
    }
}

/// A group's returned file: the starter file with one group's answers added, as the app on a
/// student's machine would export it. `shift` moves every key level by that much.
fn group_file(starter: &[u8], group: &str, case_key: &[(String, Answer)], shift: i8) -> Vec<u8> {
    let mut file = portable::from_json(starter).expect("starter readable");
    if !file
        .respondents
        .iter()
        .any(|profile| profile.label == group)
    {
        file.respondents.push(RespondentProfile {
            label: group.to_owned(),
            role: String::new(),
            group: group.to_owned(),
        });
    }
    for (question, key) in case_key {
        let answer = match key {
            Answer::Level(level) => {
                let moved = (i16::from(level.value()) + i16::from(shift)).clamp(0, 4);
                Answer::Level(Level::new(u8::try_from(moved).expect("0–4")).expect("level"))
            }
            other => *other,
        };
        file.answers.insert(
            (Respondent::new(group), tcm_core::QuestionId::new(question)),
            RecordedAnswer {
                answer,
                comment: Some(format!("{group} : d’après le cas, § 2")),
                updated_at: clock(),
            },
        );
    }
    portable::to_json(&file, clock())
}

fn key_of(workbench: &Workbench, id: i64) -> Vec<(String, Answer)> {
    let grade = classroom::grade_class(workbench, id).expect("graded");
    grade
        .questions
        .iter()
        .map(|question| {
            let answer: Answer = question.key.into();
            (question.question_id.clone(), answer)
        })
        .collect()
}

#[test]
fn a_class_exercise_shows_the_case_beside_its_questions_and_grades_a_group() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir, "teacher.sqlite");
    let cases = classroom::list_cases().expect("cases");
    assert_eq!(cases.len(), 3);
    let exercise = classroom::create_class_exercise(
        &workbench,
        &new_exercise("bledina-pas-a-pas", &["Groupe 1", "Groupe 2"]),
    )
    .expect("created");
    assert_eq!(exercise.class_name, "M2 Marketing « 2026 »");
    assert!(exercise.text.fr.contains("Blédina") && exercise.text.en.contains("Blédina"));
    assert_eq!(exercise.questions.len(), 25);
    assert!(exercise.questions.iter().all(|q| q.look_for.is_some()));
    assert_eq!(exercise.groups.len(), 2);
    let detail =
        assessments::assessment_detail(&workbench, exercise.assessment_id).expect("detail");
    assert_eq!(detail.mode, wire("classroom"));
    let listed = classroom::list_class_exercises(&workbench).expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].groups, 2);

    // Groupe 1 answers exactly the key on the first question, with a justification.
    let key = key_of(&workbench, exercise.assessment_id);
    let (first, first_key) = &key[0];
    assessments::save_answer(
        &workbench,
        &SaveAnswerInput {
            respondent_id: exercise.groups[0].id,
            question_id: first.clone(),
            answer: Some((*first_key).into()),
            comment: "la Boîte Rose, § 2".into(),
            resume_question: None,
        },
    )
    .expect("saved");
    let grade = classroom::grade_class(&workbench, exercise.assessment_id).expect("graded");
    assert_eq!(grade.groups.len(), 2);
    assert_eq!(grade.questions.len(), 25);
    let group = &grade.groups[0];
    assert!((group.exact_match_rate - 1.0 / 25.0).abs() < 1e-9);
    assert_eq!(group.unanswered, 24);
    let answer = &grade.questions[0].answers[0];
    assert_eq!(answer.comment, "la Boîte Rose, § 2");
    assert!(matches!(
        answer.outcome,
        GradeOutcome::Exact | GradeOutcome::BothNotApplicable
    ));
    assert!(!grade.questions[0].justification.fr.is_empty());

    let sheet =
        classroom::group_sheet(&workbench, exercise.assessment_id, "Groupe 1").expect("sheet");
    assert_eq!(sheet.questions.len(), 25);
    assert_eq!(sheet.questions[0].comment, "la Boîte Rose, § 2");
    let missing = classroom::group_sheet(&workbench, exercise.assessment_id, "Groupe 9")
        .expect_err("no such group");
    assert_eq!(missing.kind, ErrorKind::NotFound);

    let debrief = classroom::debrief(&workbench, exercise.assessment_id, 5).expect("debrief");
    assert_eq!(debrief.len(), 5);
    assert!(
        debrief
            .windows(2)
            .all(|pair| pair[0].groups - pair[0].matches >= pair[1].groups - pair[1].matches)
    );
}

#[test]
fn a_class_exercise_refuses_an_unknown_case_and_an_empty_class_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir, "teacher.sqlite");
    let mut input = new_exercise("aurore-rappel", &[]);
    input.case_version = "0.0.1".into();
    let error = classroom::create_class_exercise(&workbench, &input).expect_err("unknown");
    assert_eq!(error.kind, ErrorKind::NotFound);
    let mut input = new_exercise("aurore-rappel", &[]);
    input.class_name = "  ".into();
    let error = classroom::create_class_exercise(&workbench, &input).expect_err("no name");
    assert_eq!(error.kind, ErrorKind::InvalidInput);
    let input = new_exercise("aurore-rappel", &["A", " A "]);
    let error = classroom::create_class_exercise(&workbench, &input).expect_err("twice");
    assert!(error.message.contains("« A »"), "{}", error.message);
    // An ordinary assessment is not a class exercise.
    let error = classroom::grade_class(&workbench, 999).expect_err("none");
    assert_eq!(error.kind, ErrorKind::NotFound);
}

#[test]
fn a_folder_of_group_files_is_imported_and_every_refusal_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir, "teacher.sqlite");
    let exercise = classroom::create_class_exercise(
        &workbench,
        &new_exercise("banque-riviere-en-ligne", &["Groupe 1"]),
    )
    .expect("created");
    let id = exercise.assessment_id;
    let key = key_of(&workbench, id);
    let starter = workbench
        .with_store(|store, now| files::export_tcm(store, tcm_store::AssessmentId(id), now))
        .expect("starter");
    let other = classroom::create_class_exercise(&workbench, &new_exercise("aurore-rappel", &[]))
        .expect("another class");
    let other_starter = workbench
        .with_store(|store, now| {
            files::export_tcm(store, tcm_store::AssessmentId(other.assessment_id), now)
        })
        .expect("other starter");

    let folder = dir.path().join("rendus");
    std::fs::create_dir(&folder).expect("folder");
    let write = |name: &str, bytes: &[u8]| std::fs::write(folder.join(name), bytes).expect("write");
    write("g01.tcm", &group_file(&starter, "Groupe 1", &key, 0));
    write("g02.tcm", &group_file(&starter, "Groupe 2", &key, 1));
    write("g03.tcm", &group_file(&starter, "Groupe 3", &key, -2));
    write("g09-copie.tcm", &group_file(&starter, "Groupe 2", &key, 0));
    write(
        "autre-cas.tcm",
        &group_file(&other_starter, "Groupe 4", &key, 0),
    );
    write("vide.tcm", &starter);
    write("abime.tcm", b"{\"format\": \"tcm-workbench\", ");
    write("notes.txt", b"not a group file");
    // A file that claims another questionnaire version.
    let mut wrong_version =
        portable::from_json(&group_file(&starter, "Groupe 5", &key, 0)).expect("readable");
    let snapshot_version = format!("version = \"{}\"", wrong_version.questionnaire_version);
    assert!(
        wrong_version
            .questionnaire_snapshot
            .contains(&snapshot_version)
    );
    wrong_version.questionnaire_snapshot =
        wrong_version
            .questionnaire_snapshot
            .replacen(&snapshot_version, "version = \"1.9.0\"", 1);
    wrong_version.questionnaire_version = "1.9.0".into();
    write("ancienne.tcm", &portable::to_json(&wrong_version, clock()));

    let outcome =
        class_import::import_group_folder(&workbench, id, &folder).expect("folder imported");
    let imported: Vec<&str> = outcome.imported.iter().map(|f| f.file.as_str()).collect();
    assert_eq!(imported, ["g01.tcm", "g02.tcm", "g03.tcm"]);
    assert!(outcome.imported.iter().all(|f| f.answers == 25));
    let reasons: Vec<(&str, RefusalReason)> = outcome
        .refused
        .iter()
        .map(|f| (f.file.as_str(), f.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            ("abime.tcm", RefusalReason::Unreadable),
            ("ancienne.tcm", RefusalReason::WrongQuestionnaire),
            ("autre-cas.tcm", RefusalReason::WrongCase),
            ("g09-copie.tcm", RefusalReason::DuplicateGroup),
            ("vide.tcm", RefusalReason::NoAnswers),
        ]
    );
    assert!(
        outcome
            .refused
            .iter()
            .all(|f| f.message.starts_with(&f.file))
    );
    assert!(
        outcome.refused[3].message.contains("« Groupe 2 »"),
        "{}",
        outcome.refused[3].message
    );
    assert_eq!(outcome.skipped, 1);

    let grade = classroom::grade_class(&workbench, id).expect("graded");
    let names: Vec<&str> = grade.groups.iter().map(|g| g.group.as_str()).collect();
    assert_eq!(
        names,
        ["Groupe 1", "Groupe 2", "Groupe 3"],
        "the empty Groupe 1 was filled"
    );
    assert_eq!(grade.groups[0].rank, 1);
    assert!((grade.groups[0].exact_match_rate - 1.0).abs() < 1e-9);
    assert!(
        !grade.groups[2].furthest.is_empty(),
        "two levels off somewhere"
    );
    assert!(grade.questions[0].answers[1].comment.contains("Groupe 2"));

    // Importing the same folder again refuses every group as a duplicate and writes nothing.
    let again = class_import::import_group_folder(&workbench, id, &folder).expect("again");
    assert!(again.imported.is_empty());
    assert_eq!(
        again
            .refused
            .iter()
            .filter(|f| f.reason == RefusalReason::DuplicateGroup)
            .count(),
        4
    );
}

#[test]
fn the_class_exports_as_a_workbook_and_a_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir, "teacher.sqlite");
    let exercise = classroom::create_class_exercise(
        &workbench,
        &new_exercise("aurore-rappel", &["Groupe 1", "Groupe 2"]),
    )
    .expect("created");
    for group in &exercise.groups {
        for question in exercise.questions.iter().take(5) {
            assessments::save_answer(
                &workbench,
                &SaveAnswerInput {
                    respondent_id: group.id,
                    question_id: question.id.clone(),
                    answer: Some(wire("2")),
                    comment: "vu au § 4".into(),
                    resume_question: None,
                },
            )
            .expect("saved");
        }
    }
    let xlsx = dir.path().join("classe.xlsx");
    let pdf = dir.path().join("classe.pdf");
    classroom::export_class(
        &workbench,
        exercise.assessment_id,
        wire("xlsx"),
        false,
        &xlsx,
    )
    .expect("workbook");
    classroom::export_class(&workbench, exercise.assessment_id, wire("pdf"), true, &pdf)
        .expect("report");
    let bytes = std::fs::read(&xlsx).expect("written");
    assert!(bytes.starts_with(b"PK"), "an XLSX is a ZIP package");
    let bytes = std::fs::read(&pdf).expect("written");
    assert!(bytes.starts_with(b"%PDF"));
    let database = dir.path().join("teacher.sqlite");
    let refused = classroom::export_class(
        &workbench,
        exercise.assessment_id,
        wire("pdf"),
        true,
        &database,
    )
    .expect_err("never over the database");
    assert_eq!(refused.kind, ErrorKind::ForbiddenPath);
}

/// The student's machine: another database opening the teacher's starter file.
fn student_opens(
    starter: &[u8],
    dir: &tempfile::TempDir,
) -> (Workbench, tcm_api::transfer::ImportView) {
    let student = workbench(dir, "student.sqlite");
    let view = student
        .with_store(|store, now| {
            files::import_tcm(
                store,
                starter,
                "exercice.tcm",
                tcm_store::ImportChoice::Safe,
                now,
            )
        })
        .map(|imported| tcm_api::transfers::tcm_import_view(&imported))
        .expect("the starter file opens");
    (student, view)
}

#[test]
fn a_student_opening_the_starter_file_reads_the_case_beside_the_questions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let teacher = workbench(&dir, "teacher.sqlite");
    let exercise = classroom::create_class_exercise(&teacher, &new_exercise("aurore-rappel", &[]))
        .expect("created");
    let starter = teacher
        .with_store(|store, now| {
            files::export_tcm(store, tcm_store::AssessmentId(exercise.assessment_id), now)
        })
        .expect("starter");
    let text = String::from_utf8(starter.clone()).expect("UTF-8");
    assert!(text.contains("\"case\": {"), "the starter names its case");

    let (student, view) = student_opens(&starter, &dir);
    let case = view.class_case.expect("the file is a class exercise's");
    assert_eq!(case.case_id, "aurore-rappel");
    assert_eq!(case.case_version, exercise.case_version);
    assert_eq!(case.title.expect("shipped").fr, exercise.title.fr);
    let opened = classroom::class_exercise(&student, view.assessment_id).expect("the reader opens");
    assert_eq!(opened.text.fr, exercise.text.fr);
    assert_eq!(opened.questions.len(), exercise.questions.len());
    assert_eq!(
        classroom::list_class_exercises(&student)
            .expect("list")
            .len(),
        1
    );

    // The group's file, returned from the student's machine, still names the case.
    let returned = student
        .with_store(|store, now| {
            files::export_tcm(store, tcm_store::AssessmentId(view.assessment_id), now)
        })
        .expect("returned file");
    let read = portable::from_json(&returned).expect("readable");
    assert_eq!(
        read.case.map(|case| case.id),
        Some("aurore-rappel".to_owned())
    );

    // An ordinary assessment's file names no case.
    let other = tempfile::tempdir().expect("temp dir");
    let demo = workbench(&other, "demo.sqlite");
    let id = tcm_api::reports::open_demo(&demo).expect("demo");
    let plain = demo
        .with_store(|store, now| files::export_tcm(store, tcm_store::AssessmentId(id), now))
        .expect("exported");
    assert!(
        String::from_utf8(plain)
            .expect("UTF-8")
            .contains("\"case\": null")
    );
}

#[test]
fn a_student_whose_app_does_not_ship_the_case_is_told_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let teacher = workbench(&dir, "teacher.sqlite");
    let exercise =
        classroom::create_class_exercise(&teacher, &new_exercise("bledina-pas-a-pas", &[]))
            .expect("created");
    let starter = teacher
        .with_store(|store, now| {
            files::export_tcm(store, tcm_store::AssessmentId(exercise.assessment_id), now)
        })
        .expect("starter");
    // A case this app does not ship (a teacher's own, or a newer version).
    let mut file = portable::from_json(&starter).expect("readable");
    file.case = Some(portable::CaseLink {
        id: "cas-de-l-enseignant".into(),
        version: "3.0.0".into(),
    });
    let (student, view) = student_opens(&portable::to_json(&file, clock()), &dir);
    let case = view.class_case.expect("still a class exercise");
    assert_eq!(case.case_id, "cas-de-l-enseignant");
    assert_eq!(case.title, None);
    let error = classroom::class_exercise(&student, view.assessment_id).expect_err("no case text");
    assert_eq!(error.kind, ErrorKind::NotFound);
    assert!(
        error.message.contains("cas-de-l-enseignant"),
        "{}",
        error.message
    );
    assert!(error.message.contains("not shipped"), "{}", error.message);
}
