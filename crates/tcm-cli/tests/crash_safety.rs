//! Killing the writing process (SIGKILL) at arbitrary moments loses no acknowledged answer and
//! never damages the file. 100 kills, each after a pseudo-random delay; bounded in time.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use tcm_core::{Answer, QuestionId, Respondent};
use tcm_store::{AssessmentId, Store};

const KILLS: u32 = 100;

fn tcm() -> Command {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("tcm"));
    command.env_remove("TCM_DB");
    command
}

fn run(db: &Path, args: &[&str]) {
    let status = tcm()
        .arg("--db")
        .arg(db)
        .args(args)
        .stdout(Stdio::null())
        .status()
        .expect("runs");
    assert!(status.success(), "tcm {args:?}");
}

#[test]
fn acknowledged_answers_survive_sigkill() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("tcm.sqlite");
    let grid = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../questionnaires/tcm-92.toml");
    run(&db, &["org", "add", "--name", "Crash SA"]);
    run(
        &db,
        &[
            "assessment",
            "new",
            "--org",
            "Crash SA",
            "--title",
            "Kill test",
            "--questionnaire",
            grid.to_str().expect("utf-8"),
        ],
    );
    let questions: Vec<String> =
        tcm_core::Questionnaire::from_toml(&std::fs::read_to_string(&grid).expect("grid"), "grid")
            .expect("valid")
            .questions()
            .iter()
            .map(|question| question.id.to_string())
            .collect();

    let started = Instant::now();
    let mut acknowledged: Vec<(String, String, String)> = Vec::new();
    let mut random: u64 = 0x2545_F491_4F6C_DD1D;
    for kill in 0..KILLS {
        random ^= random << 13;
        random ^= random >> 7;
        random ^= random << 17;
        let delay = Duration::from_millis(10 + random % 250);
        let mut child = tcm()
            .arg("--db")
            .arg(&db)
            .args(["answer", "--assessment", "1", "--stdin"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawns");
        let mut stdin = child.stdin.take().expect("stdin");
        let respondent = format!("r{kill:03}");
        let lines: Vec<String> = questions
            .iter()
            .enumerate()
            .map(|(index, question)| {
                format!(
                    "{respondent},{question},{}\n",
                    ["0", "1", "2", "3", "4", "NA", "?"][index % 7]
                )
            })
            .collect();
        let writer = std::thread::spawn(move || {
            for line in lines {
                if stdin.write_all(line.as_bytes()).is_err() {
                    break;
                }
            }
        });
        let stdout = child.stdout.take().expect("stdout");
        let (sender, receiver) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        std::thread::sleep(delay);
        child.kill().expect("SIGKILL");
        let _ = child.wait();
        let _ = writer.join();
        let _ = reader.join();
        for line in receiver.try_iter() {
            let mut parts = line.splitn(4, ' ');
            assert_eq!(parts.next(), Some("saved"), "{line}");
            let (Some(who), Some(question), Some(value)) =
                (parts.next(), parts.next(), parts.next())
            else {
                panic!("malformed acknowledgement `{line}`");
            };
            acknowledged.push((who.to_owned(), question.to_owned(), value.to_owned()));
        }
        assert!(
            started.elapsed() < Duration::from_secs(240),
            "the test stays bounded"
        );
    }
    assert!(
        acknowledged.len() > 100,
        "enough answers were acknowledged to mean something: {}",
        acknowledged.len()
    );

    let store = Store::open(&db, chrono::Utc::now()).expect("the database opens after 100 kills");
    assert_eq!(store.integrity_check().expect("checked"), "ok");
    let sheet = store.answer_sheet(AssessmentId(1)).expect("answers");
    for (who, question, value) in &acknowledged {
        let response = sheet
            .response(
                &Respondent::new(who.as_str()),
                &QuestionId::new(question.as_str()),
            )
            .unwrap_or_else(|| panic!("acknowledged answer {who} {question} {value} is missing"));
        assert_eq!(
            response.answer,
            value.parse::<Answer>().expect("answer"),
            "{who} {question}"
        );
    }
    eprintln!(
        "{} kills, {} acknowledged answers all present, in {:?}",
        KILLS,
        acknowledged.len(),
        started.elapsed()
    );
}
