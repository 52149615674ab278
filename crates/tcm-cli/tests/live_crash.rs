//! A live session killed with SIGKILL while participants are answering loses no acknowledged
//! answer, leaves no half-written one, and the participants resume with their tokens once a
//! session is started again.
//!
//! `tcm live` runs as a child process on 127.0.0.1 (any free port). Participants (HTTP
//! clients, as the participant page sends its requests) join once, then send answers
//! concurrently, one request at a time each, as fast as the server acknowledges them. After a
//! pseudo-random delay the process is killed (SIGKILL); the database is then read directly:
//! it passes SQLite's integrity check, every acknowledged answer is there with its own comment,
//! and the only other value a question may hold is the one request each participant had in
//! flight when the process died. `tcm live` starts again (a new room secret); every participant
//! reads its saved answers back through the new URL with its old token, as the same respondent,
//! and goes on answering. After the last kill, answers all acknowledged before the kill are all
//! there, exactly.

mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tcm_core::{QuestionId, Respondent};
use tcm_store::{AssessmentId, Store};

const PARTICIPANTS: usize = 6;
const KILLS: u64 = 20;
/// The values participants cycle through, so that a question's value changes between rounds.
const VALUES: [&str; 7] = ["0", "1", "2", "3", "4", "NA", "?"];

/// A running `tcm live`, and where participants reach it.
struct Live {
    child: Child,
    /// `http://127.0.0.1:port/j/<secret>`
    base: String,
}

/// Starts `tcm live` on the database and waits until it listens. Its output is read to the end
/// by a thread, so that the server never blocks on a full pipe.
fn start_live(db: &Path) -> Live {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("tcm"))
        .env_remove("TCM_DB")
        .arg("--db")
        .arg(db)
        .args(["live", "--assessment", "1", "--bind", "127.0.0.1:0"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("tcm live starts");
    let stdout = child.stdout.take().expect("stdout");
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = sender.send(line);
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut base = None;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let line = receiver
            .recv_timeout(left)
            .expect("tcm live printed `Listening.` in time");
        if let Some(url) = line.strip_prefix("Join: ") {
            base = Some(url.trim().to_owned());
        }
        if line.starts_with("Listening.") {
            break;
        }
    }
    let base = base.expect("tcm live printed its join URL");
    assert!(
        base.starts_with("http://127.0.0.1:"),
        "loopback only: {base}"
    );
    Live { child, base }
}

/// One participant's device: its token, and what it sent.
struct Participant {
    label: String,
    token: String,
    /// How many answers it has had acknowledged; the next one to send.
    sent: usize,
    /// The last acknowledged (value, comment) of each question.
    acknowledged: HashMap<String, (String, String)>,
    /// The request it had in flight when the server died: question, value, comment.
    in_flight: Option<(String, String, String)>,
}

impl Participant {
    /// Its `n`-th answer: the question, the value and a comment naming the answer, so that an
    /// answer stored with another answer's comment shows as half-written.
    fn answer(&self, index: usize, questions: &[String]) -> (String, String, String, String) {
        let question = questions[self.sent % questions.len()].clone();
        let value = VALUES[(self.sent / questions.len() + index + self.sent) % VALUES.len()];
        let id = format!("p{index}-a{:05}", self.sent);
        let comment = format!("{} — réponse n°{} de {}", value, self.sent, self.label);
        (id, question, value.to_owned(), comment)
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("HTTP client")
}

/// Sends answers one after the other until `limit` are acknowledged or the server is gone
/// (a connection error: the request then stays in flight). A 429 waits and sends the same
/// answer id again, as the participant page does.
async fn answer_until(
    http: reqwest::Client,
    base: String,
    index: usize,
    mut participant: Participant,
    questions: Vec<String>,
    limit: usize,
    acks: Arc<AtomicUsize>,
) -> Participant {
    while participant.sent < limit {
        let (id, question, value, comment) = participant.answer(index, &questions);
        let sent = http
            .post(format!("{base}/answer"))
            .bearer_auth(&participant.token)
            .json(&json!({ "answerId": id, "questionId": question, "value": value, "comment": comment }))
            .send()
            .await;
        let response = match sent {
            Ok(response) => response,
            Err(_) => {
                participant.in_flight = Some((question, value, comment));
                return participant;
            }
        };
        let status = response.status().as_u16();
        if status == 429 {
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        }
        let Ok(body) = response.json::<Value>().await else {
            // The process died between the status line and the body: not acknowledged.
            participant.in_flight = Some((question, value, comment));
            return participant;
        };
        assert_eq!(
            status, 200,
            "{} answering {question}: {body}",
            participant.label
        );
        assert_eq!(body["value"], value.as_str(), "{body}");
        assert_eq!(body["comment"], comment.as_str(), "{body}");
        participant.acknowledged.insert(question, (value, comment));
        participant.sent += 1;
        acks.fetch_add(1, Ordering::SeqCst);
    }
    participant
}

/// Everyone answers concurrently until `limit` answers each, or the server dies.
fn answer_all(
    runtime: &tokio::runtime::Runtime,
    base: &str,
    participants: Vec<Participant>,
    questions: &[String],
    limit: usize,
    acks: &Arc<AtomicUsize>,
) -> Vec<Participant> {
    let http = client();
    runtime.block_on(async {
        let tasks: Vec<_> = participants
            .into_iter()
            .enumerate()
            .map(|(index, participant)| {
                tokio::spawn(answer_until(
                    http.clone(),
                    base.to_owned(),
                    index,
                    participant,
                    questions.to_vec(),
                    limit,
                    acks.clone(),
                ))
            })
            .collect();
        let mut done = Vec::new();
        for task in tasks {
            done.push(task.await.expect("participant task"));
        }
        done
    })
}

/// Reads the database after a kill and checks every participant's answers against what they
/// had acknowledged; each participant's in-flight request is settled by what was stored.
fn check_database(db: &Path, participants: &mut [Participant], questions: &[String]) -> usize {
    let store = Store::open(db, chrono::Utc::now()).expect("the database opens after SIGKILL");
    assert_eq!(store.integrity_check().expect("checked"), "ok");
    let sheet = store.answer_sheet(AssessmentId(1)).expect("answers");
    assert_eq!(
        sheet.respondents().len(),
        participants.len(),
        "one respondent per participant, resumed or not"
    );
    let mut checked = 0;
    for participant in participants.iter_mut() {
        let in_flight = participant.in_flight.take();
        for question in questions {
            let stored = sheet
                .response(
                    &Respondent::new(participant.label.as_str()),
                    &QuestionId::new(question.as_str()),
                )
                .map(|response| {
                    (
                        response.answer.to_string(),
                        response.comment.clone().unwrap_or_default(),
                    )
                });
            let acknowledged = participant.acknowledged.get(question).cloned();
            let flying = in_flight
                .as_ref()
                .filter(|(asked, _, _)| asked == question)
                .map(|(_, value, comment)| (value.clone(), comment.clone()));
            match (&stored, &acknowledged, &flying) {
                (Some(stored), _, Some(flying)) if stored == flying => {
                    // Committed, but the process died before acknowledging it: it stands.
                    participant
                        .acknowledged
                        .insert(question.clone(), stored.clone());
                }
                (Some(stored), Some(acknowledged), _) => {
                    assert_eq!(stored, acknowledged, "{} {question}", participant.label);
                    checked += 1;
                }
                (None, None, _) => {}
                _ => panic!(
                    "{} {question}: stored {stored:?}, acknowledged {acknowledged:?}, in flight {flying:?}",
                    participant.label
                ),
            }
        }
    }
    // Every stored row holds a value with the comment sent with it: nothing half-written.
    for (who, question, response) in sheet.responses() {
        let comment = response.comment.clone().unwrap_or_default();
        assert!(
            comment.starts_with(&format!("{} — ", response.answer)),
            "{} {question}: {} stored with « {comment} »",
            who.as_str(),
            response.answer
        );
    }
    checked
}

/// After a restart: each participant reads its answers back through the new URL with its old
/// token, as the same respondent; the old URL leads nowhere.
fn resume_all(
    runtime: &tokio::runtime::Runtime,
    old_base: &str,
    base: &str,
    participants: &[Participant],
) {
    let http = client();
    runtime.block_on(async {
        for participant in participants {
            let old = http
                .get(format!("{old_base}/questions"))
                .bearer_auth(&participant.token)
                .send()
                .await;
            if let Ok(old) = old {
                assert_ne!(old.status().as_u16(), 200, "the old room's URL is closed");
            }
            let response = http
                .get(format!("{base}/questions"))
                .bearer_auth(&participant.token)
                .send()
                .await
                .expect("the new session answers");
            assert_eq!(
                response.status().as_u16(),
                200,
                "{} resumes",
                participant.label
            );
            let body: Value = response.json().await.expect("questions");
            assert_eq!(body["label"], participant.label.as_str());
            let answers = body["answers"].as_object().expect("answers");
            assert_eq!(
                answers.len(),
                participant.acknowledged.len(),
                "{}",
                participant.label
            );
            for (question, (value, comment)) in &participant.acknowledged {
                assert_eq!(answers[question]["value"], value.as_str(), "{question}");
                assert_eq!(answers[question]["comment"], comment.as_str(), "{question}");
            }
        }
    });
}

fn kill(mut live: Live) {
    live.child.kill().expect("SIGKILL");
    let _ = live.child.wait();
}

#[test]
fn a_killed_live_session_keeps_every_acknowledged_answer_and_participants_resume() {
    let started = Instant::now();
    let (_dir, db, _) = common::database_with_assessment(
        &[],
        &["--title", "Atelier « crash »", "--mode", "workshop"],
    );
    let grid = std::fs::read_to_string(common::sample()).expect("questionnaire");
    let questions: Vec<String> = tcm_core::Questionnaire::from_toml(&grid, "sample")
        .expect("valid")
        .questions()
        .iter()
        .map(|question| question.id.to_string())
        .collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");

    // Everyone joins the first session.
    let mut live = start_live(&db);
    let mut participants: Vec<Participant> = runtime.block_on(async {
        let http = client();
        let mut joined = Vec::new();
        for index in 0..PARTICIPANTS {
            let name = format!("Zoé n°{index}");
            let response = http
                .post(format!("{}/join", live.base))
                .json(&json!({ "name": name, "group": "" }))
                .send()
                .await
                .expect("join sent");
            assert_eq!(response.status().as_u16(), 200);
            let body: Value = response.json().await.expect("joined");
            joined.push(Participant {
                label: body["label"].as_str().expect("label").to_owned(),
                token: body["token"].as_str().expect("token").to_owned(),
                sent: 0,
                acknowledged: HashMap::new(),
                in_flight: None,
            });
        }
        joined
    });

    let mut random: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut acknowledged_total = 0;
    for round in 0..KILLS {
        random ^= random << 13;
        random ^= random >> 7;
        random ^= random << 17;
        // Killed at a pseudo-random moment once answers are flowing.
        let delay = Duration::from_millis(random % 500);
        let acks = Arc::new(AtomicUsize::new(0));
        let flowing = acks.clone();
        let base = live.base.clone();
        let killer = std::thread::spawn(move || {
            let waited = Instant::now();
            while flowing.load(Ordering::SeqCst) < PARTICIPANTS
                && waited.elapsed() < Duration::from_secs(60)
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            std::thread::sleep(delay);
            kill(live);
        });
        let before: usize = participants.iter().map(|one| one.sent).sum();
        participants = answer_all(&runtime, &base, participants, &questions, usize::MAX, &acks);
        killer.join().expect("killed");
        let after: usize = participants.iter().map(|one| one.sent).sum();
        acknowledged_total += after - before;
        let checked = check_database(&db, &mut participants, &questions);
        assert!(
            checked > 0,
            "round {round}: some answers were acknowledged before the kill"
        );

        live = start_live(&db);
        resume_all(&runtime, &base, &live.base, &participants);
    }

    // A last stretch acknowledged whole, then a kill: everything is there, exactly.
    let limit = participants.iter().map(|one| one.sent).max().unwrap_or(0) + 25;
    let acks = Arc::new(AtomicUsize::new(0));
    participants = answer_all(&runtime, &live.base, participants, &questions, limit, &acks);
    assert!(
        participants
            .iter()
            .all(|one| one.sent == limit && one.in_flight.is_none())
    );
    kill(live);
    check_database(&db, &mut participants, &questions);
    let store = Store::open(&db, chrono::Utc::now()).expect("opens");
    let sheet = store.answer_sheet(AssessmentId(1)).expect("answers");
    assert_eq!(
        sheet.len(),
        participants
            .iter()
            .map(|one| one.acknowledged.len())
            .sum::<usize>()
    );
    assert!(
        acknowledged_total > 50,
        "enough answers were acknowledged between kills to mean something: {acknowledged_total}"
    );
    eprintln!(
        "{KILLS} kills of tcm live, {PARTICIPANTS} participants, {acknowledged_total} answers acknowledged before kills, all present; in {:?}",
        started.elapsed()
    );
}

/// A session that cannot start says why once: an unknown assessment, an address this machine
/// does not have (the system's reason was printed twice, as the message and as its cause).
#[test]
fn a_session_that_cannot_start_says_why_once() {
    let (_dir, db, _) =
        common::database_with_assessment(&[], &["--title", "Atelier", "--mode", "workshop"]);
    for (args, reason) in [
        (
            ["--assessment", "99", "--bind", "127.0.0.1:0"],
            "assessment 99 does not exist",
        ),
        (
            ["--assessment", "1", "--bind", "192.0.2.1:47093"],
            "cannot listen on 192.0.2.1:47093",
        ),
    ] {
        let output = common::tcm(&db)
            .arg("live")
            .args(args)
            .output()
            .expect("tcm runs");
        assert!(!output.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert_eq!(stderr.matches(reason).count(), 1, "{stderr}");
        if reason.starts_with("cannot listen") {
            assert_eq!(stderr.matches("os error").count(), 1, "{stderr}");
        }
    }
}
