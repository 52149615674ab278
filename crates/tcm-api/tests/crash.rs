//! Killing the process in the middle of the handlers the window calls (`save_answer`, and
//! `import_tcm` of a whole assessment) loses no acknowledged write and leaves a sound
//! database whose summaries agree with a full rescore. The test runs itself as the child
//! (`TCM_CRASH_CHILD` set): the child writes in a loop and prints each acknowledgement; the
//! parent kills it (SIGKILL) after delays spread from 1 to 60 ms, 40 times.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use tcm_api::Workbench;
use tcm_api::transfer::{AnswerValue, ImportChoiceInput, NewAssessmentInput, SaveAnswerInput};
use tcm_api::transfers::ExportKind;

const KILLS: u64 = 40;

fn clock() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

fn value(sequence: u64) -> AnswerValue {
    serde_json::from_value(serde_json::json!(((sequence % 5) as u8).to_string())).expect("level")
}

/// The child: saves answers (comment = a sequence number never reused) and, every eighth
/// write, imports the `.tcm` file given as a new copy; prints every acknowledgement.
fn child(db: PathBuf, respondent: i64, start: u64, file: PathBuf) {
    let workbench = Workbench::start(db, clock);
    let questionnaire =
        tcm_api::assessments::assessment_questionnaire(&workbench, 1).expect("questionnaire");
    let questions: Vec<String> = questionnaire
        .stages
        .iter()
        .flat_map(|stage| &stage.themes)
        .flat_map(|theme| &theme.questions)
        .map(|question| question.id.clone())
        .collect();
    let mut out = std::io::stdout();
    for sequence in start.. {
        if sequence % 8 == 0 {
            let imported =
                tcm_api::transfers::import_tcm(&workbench, &file, Some(ImportChoiceInput::AsCopy))
                    .expect("imported");
            writeln!(out, "import {}", imported.assessment_id).expect("stdout");
        } else {
            let question = &questions[(sequence as usize * 7) % questions.len()];
            let input = SaveAnswerInput {
                respondent_id: respondent,
                question_id: question.clone(),
                answer: Some(value(sequence)),
                comment: format!("{sequence}"),
                resume_question: Some(question.clone()),
            };
            tcm_api::assessments::save_answer(&workbench, &input).expect("saved");
            writeln!(out, "ack {question} {sequence}").expect("stdout");
        }
        out.flush().expect("stdout");
    }
}

fn spawn(db: &Path, respondent: i64, start: u64, file: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "killed_in_the_middle_of_a_handler",
            "--exact",
            "--nocapture",
            "--quiet",
        ])
        .env("TCM_CRASH_CHILD", db)
        .env("TCM_CRASH_RESPONDENT", respondent.to_string())
        .env("TCM_CRASH_START", start.to_string())
        .env("TCM_CRASH_FILE", file)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("child runs")
}

#[test]
fn killed_in_the_middle_of_a_handler() {
    if let Ok(db) = std::env::var("TCM_CRASH_CHILD") {
        let number = |name: &str| {
            std::env::var(name)
                .ok()
                .and_then(|text| text.parse::<u64>().ok())
                .expect("number")
        };
        let file = PathBuf::from(std::env::var("TCM_CRASH_FILE").expect("file"));
        let respondent = i64::try_from(number("TCM_CRASH_RESPONDENT")).expect("id");
        child(
            PathBuf::from(db),
            respondent,
            number("TCM_CRASH_START"),
            file,
        );
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("tcm.sqlite");
    let file = dir.path().join("copy.tcm");
    let respondent = {
        let workbench = Workbench::start(db.clone(), clock);
        let input: NewAssessmentInput = serde_json::from_value(serde_json::json!({
            "organisation": { "kind": "new", "name": "Crash SA", "sector": "industry", "size": null, "notes": "" },
            "title": "Kill test", "mode": "self", "language": "fr", "questionnaireId": "tcm-92",
            "targets": [4, 4, 4, 4, 4], "firstRespondent": "Claire",
        }))
        .expect("input");
        let id = tcm_api::assessments::create_assessment(&workbench, &input).expect("created");
        let demo = tcm_api::reports::open_demo(&workbench).expect("demo");
        tcm_api::transfers::export(&workbench, demo, ExportKind::Tcm, &file).expect("exported");
        tcm_api::assessments::assessment_detail(&workbench, id)
            .expect("detail")
            .respondents[0]
            .id
    };

    // question → the last acknowledged sequence number; imports acknowledged.
    let mut acknowledged: std::collections::HashMap<String, u64> = Default::default();
    let mut imports = Vec::new();
    let mut next = 1u64;
    for kill in 0..KILLS {
        let mut process = spawn(&db, respondent, next, &file);
        let stdout = process.stdout.take().expect("piped");
        let (sender, receiver) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        // Wait for the child's first acknowledgement (it has opened the database), then kill it
        // after a delay spread over 1–60 ms.
        let mut first = Vec::new();
        while let Ok(line) = receiver.recv_timeout(Duration::from_secs(30)) {
            let started = line.starts_with("ack ") || line.starts_with("import ");
            first.push(line);
            if started {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(1 + (kill * 37) % 60));
        process.kill().expect("killed");
        process.wait().expect("reaped");
        reader.join().expect("reader");
        for line in first.into_iter().chain(receiver.try_iter()) {
            let parts: Vec<&str> = line.split(' ').collect();
            match parts.as_slice() {
                ["ack", question, sequence] => {
                    let sequence: u64 = sequence.parse().expect("sequence");
                    acknowledged.insert((*question).to_owned(), sequence);
                    next = next.max(sequence + 1);
                }
                ["import", id] => {
                    imports.push(id.parse::<i64>().expect("id"));
                }
                // The test harness's own lines.
                _ => {}
            }
        }
        // A sequence number is never reused, even when its write was not acknowledged.
        next += 16;
    }
    assert!(
        acknowledged.len() > 10,
        "the child wrote ({})",
        acknowledged.len()
    );
    assert!(!imports.is_empty(), "the child imported");

    let workbench = Workbench::start(db.clone(), clock);
    let answers =
        tcm_api::assessments::respondent_answers(&workbench, respondent).expect("answers");
    for (question, sequence) in &acknowledged {
        let stored = answers
            .answers
            .iter()
            .find(|answer| &answer.question_id == question)
            .unwrap_or_else(|| panic!("acknowledged answer to {question} lost"));
        let stored_sequence: u64 = stored.comment.parse().expect("sequence");
        assert!(
            stored_sequence >= *sequence,
            "{question}: {stored_sequence} < {sequence}"
        );
        assert_eq!(
            stored.answer,
            value(stored_sequence),
            "{question}: value and comment agree"
        );
    }
    let listed = tcm_api::assessments::list_assessments(&workbench).expect("list");
    for id in &imports {
        assert!(
            listed.iter().any(|item| item.id == *id),
            "acknowledged import {id} lost"
        );
    }
    drop(workbench);

    // Sound file; every summary (kept from counts, imports recounted) equals a full rescore.
    let mut store = tcm_store::Store::open(&db, clock()).expect("opens");
    store.check().expect("the file is sound");
    for item in &listed {
        let id = tcm_store::AssessmentId(item.id);
        let (_, _, card) = store.score_assessment(id).expect("scored");
        let summary = store.assessment_summary(id).expect("summary");
        assert_eq!(
            summary.overall_score,
            card.overall.map(tcm_core::Score::value),
            "assessment {} « {} »",
            item.id,
            item.title
        );
    }
}
