//! The session server on 127.0.0.1: join, answer, reconnect, idempotent answers, tokens,
//! Host check, limits, stop, anonymous labels, groups, blind vote then reveal.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};
use tcm_api::transfer::{NewAssessmentInput, OrganisationInput};
use tcm_api::{Workbench, assessments};
use tcm_live::{LiveError, LiveSession, Pace, Scope, SessionOptions};

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

struct Fixture {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    workbench: Arc<Workbench>,
    assessment: i64,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tcm.sqlite");
    let workbench = Arc::new(Workbench::start(path.clone(), now));
    let assessment = assessments::create_assessment(
        &workbench,
        &NewAssessmentInput {
            organisation: OrganisationInput::New {
                name: "Maison Durand".to_owned(),
                sector: tcm_api::transfer::Sector::Retail,
                size: None,
                notes: String::new(),
            },
            title: "Atelier « direction » <b>2026</b>".to_owned(),
            mode: tcm_api::transfer::Mode::Workshop,
            language: tcm_api::transfer::LanguageCode::French,
            questionnaire_id: "tcm-92".to_owned(),
            targets: vec![4, 4, 4, 4, 4],
            first_respondent: None,
        },
    )
    .expect("assessment");
    Fixture {
        _dir: dir,
        path,
        workbench,
        assessment,
    }
}

fn options() -> SessionOptions {
    SessionOptions::new("127.0.0.1:0".parse().expect("address"))
}

async fn start(fixture: &Fixture, options: SessionOptions) -> (LiveSession, Client) {
    let session = LiveSession::start(fixture.workbench.clone(), fixture.assessment, options)
        .await
        .expect("session starts");
    let info = session.join_info().expect("join info");
    let client = Client {
        http: reqwest::Client::new(),
        base: info.url.clone(),
        root: info.short_url.clone(),
    };
    (session, client)
}

struct Client {
    http: reqwest::Client,
    /// `http://127.0.0.1:port/j/<secret>`
    base: String,
    root: String,
}

impl Client {
    async fn join(&self, name: &str, group: &str) -> (u16, Value) {
        let response = self
            .http
            .post(format!("{}/join", self.base))
            .json(&json!({ "name": name, "group": group }))
            .send()
            .await
            .expect("sent");
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    async fn token(&self, name: &str) -> String {
        let (status, body) = self.join(name, "").await;
        assert_eq!(status, 200, "{body}");
        body["token"].as_str().expect("token").to_owned()
    }

    async fn questions(&self, token: &str) -> (u16, Value) {
        let response = self
            .http
            .get(format!("{}/questions", self.base))
            .bearer_auth(token)
            .send()
            .await
            .expect("sent");
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    async fn answer(&self, token: &str, id: &str, question: &str, value: &str) -> (u16, Value) {
        let response = self
            .http
            .post(format!("{}/answer", self.base))
            .bearer_auth(token)
            .json(&json!({ "answerId": id, "questionId": question, "value": value, "comment": "" }))
            .send()
            .await
            .expect("sent");
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }
}

/// A raw HTTP/1.1 request (to send what a browser would not): the status code. Runs off the
/// test's runtime, which also serves the request.
async fn raw(address: SocketAddr, request: &str) -> u16 {
    let request = request.to_owned();
    tokio::task::spawn_blocking(move || raw_blocking(address, &request))
        .await
        .expect("request thread")
}

fn raw_blocking(address: SocketAddr, request: &str) -> u16 {
    let mut stream = TcpStream::connect(address).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    stream.write_all(request.as_bytes()).expect("written");
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let text = String::from_utf8_lossy(&response);
    text.split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0)
}

fn stage_options(stage: &str) -> SessionOptions {
    SessionOptions {
        pace: Pace::SelfPaced(Scope::Stage(stage.to_owned())),
        ..options()
    }
}

#[tokio::test]
async fn a_participant_joins_answers_and_the_answer_is_in_the_assessment() {
    let fixture = fixture();
    let (session, client) = start(&fixture, stage_options("creative")).await;
    let token = client.token("Claire Martin").await;

    let (status, questions) = client.questions(&token).await;
    assert_eq!(status, 200);
    let total = questions["total"].as_u64().expect("total");
    assert!(total > 5 && total < 92, "one stage: {total}");
    assert_eq!(questions["label"], "Claire Martin");
    assert_eq!(questions["language"], "fr");
    assert_eq!(questions["questions"][0]["id"], "cre-01");
    assert_eq!(questions["scale"].as_array().map(Vec::len), Some(5));

    let (status, ack) = client.answer(&token, "answer-0001", "cre-01", "3").await;
    assert_eq!(status, 200, "{ack}");
    assert_eq!(ack["answered"], 1);
    assert_eq!(ack["total"], total);

    // Committed through the handler the window uses.
    let detail =
        assessments::assessment_detail(&fixture.workbench, fixture.assessment).expect("detail");
    let claire = detail
        .respondents
        .iter()
        .find(|one| one.label == "Claire Martin")
        .expect("respondent");
    let answers = assessments::respondent_answers(&fixture.workbench, claire.id).expect("answers");
    assert_eq!(answers.answers.len(), 1);
    assert_eq!(
        tcm_core::Answer::from(answers.answers[0].answer).to_string(),
        "3"
    );
    assert_eq!(answers.resume_question.as_deref(), Some("cre-01"));

    // Outside the session's stage: refused.
    let (status, _) = client.answer(&token, "answer-0002", "pro-01", "3").await;
    assert_eq!(status, 409);
    let (status, _) = client.answer(&token, "answer-0003", "cre-02", "5").await;
    assert_eq!(status, 400);

    let counts = session.counts();
    assert_eq!(counts.joined, 1);
    assert_eq!(counts.voted_on("cre-01"), 1);
    assert_eq!(counts.participants[0].answered, 1);
    session.stop().await;
}

#[tokio::test]
async fn the_same_answer_sent_twice_counts_once() {
    let fixture = fixture();
    let (session, client) = start(&fixture, options()).await;
    let token = client.token("Marc").await;
    let (first_status, first) = client.answer(&token, "same-answer-id", "cre-01", "2").await;
    let (second_status, second) = client.answer(&token, "same-answer-id", "cre-01", "2").await;
    assert_eq!((first_status, second_status), (200, 200));
    assert_eq!(first, second, "the same acknowledgement, not a second save");
    assert_eq!(session.counts().voted_on("cre-01"), 1);
    let detail =
        assessments::assessment_detail(&fixture.workbench, fixture.assessment).expect("detail");
    assert_eq!(detail.answered_questions, 1);
    // The id reused for another question is a mistake, not a save.
    let (status, _) = client.answer(&token, "same-answer-id", "cre-02", "2").await;
    assert_eq!(status, 409);
    // A new answer to the same question replaces the value, and still counts once.
    let (status, ack) = client
        .answer(&token, "other-answer-id", "cre-01", "4")
        .await;
    assert_eq!(status, 200);
    assert_eq!(ack["answered"], 1);
    assert_eq!(session.counts().voted_on("cre-01"), 1);
    session.stop().await;
}

#[tokio::test]
async fn a_token_resumes_on_another_connection_and_after_a_restart() {
    let fixture = fixture();
    let (session, client) = start(&fixture, options()).await;
    let token = client.token("Sophie").await;
    let (status, _) = client.answer(&token, "answer-before", "cre-01", "1").await;
    assert_eq!(status, 200);
    // A reloaded page: a new client, the same token.
    let reloaded = Client {
        http: reqwest::Client::new(),
        base: client.base.clone(),
        root: client.root.clone(),
    };
    let (status, questions) = reloaded.questions(&token).await;
    assert_eq!(status, 200);
    assert_eq!(questions["answers"]["cre-01"]["value"], "1");
    assert_eq!(questions["resume"], "cre-01");
    session.stop().await;

    // The app restarts (a new workbench on the same file) and starts a new session.
    let restarted = Arc::new(Workbench::start(fixture.path.clone(), now));
    let again = LiveSession::start(restarted, fixture.assessment, options())
        .await
        .expect("starts again");
    let base = again.join_info().expect("info").url;
    let client = Client {
        http: reqwest::Client::new(),
        base,
        root: String::new(),
    };
    let (status, questions) = client.questions(&token).await;
    assert_eq!(status, 200, "{questions}");
    assert_eq!(questions["label"], "Sophie");
    assert_eq!(questions["answers"]["cre-01"]["value"], "1");
    assert_eq!(questions["resume"], "cre-01");
    let (status, ack) = client.answer(&token, "answer-after", "cre-02", "2").await;
    assert_eq!(status, 200);
    assert_eq!(ack["answered"], 2);
    assert_eq!(again.counts().joined, 1);
    again.stop().await;
}

#[tokio::test]
async fn wrong_malformed_and_expired_tokens_and_wrong_secrets_are_refused() {
    let fixture = fixture();
    let (session, client) = start(&fixture, options()).await;
    let _ = client.token("Paul").await;
    let (status, body) = client.questions(&"0".repeat(64)).await;
    assert_eq!((status, body["kind"].as_str()), (401, Some("unauthorized")));
    let (status, _) = client.questions("not-a-token").await;
    assert_eq!(status, 401);
    let wrong_room = Client {
        http: reqwest::Client::new(),
        base: format!("{}j/{}", client.root, "f".repeat(40)),
        root: client.root.clone(),
    };
    let (status, _) = wrong_room.join("Paul", "").await;
    assert_eq!(status, 404);
    session.stop().await;

    let expiring = SessionOptions {
        token_lifetime: Duration::ZERO,
        ..options()
    };
    let (session, client) = start(&fixture, expiring).await;
    let token = client.token("Léa").await;
    let (status, body) = client.questions(&token).await;
    assert_eq!((status, body["kind"].as_str()), (401, Some("expired")));
    session.stop().await;
}

#[tokio::test]
async fn a_wrong_host_header_is_refused() {
    let fixture = fixture();
    let (session, _) = start(&fixture, options()).await;
    let address = session.address();
    let good = format!("GET / HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    assert_eq!(raw(address, &good).await, 200);
    for host in [
        "evil.example",
        "localhost",
        &format!("evil.example:{}", address.port()),
    ] {
        let request = format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        assert_eq!(raw(address, &request).await, 421, "{host}");
    }
    session.stop().await;
}

#[tokio::test]
async fn an_oversized_body_is_refused() {
    let fixture = fixture();
    let (session, client) = start(&fixture, options()).await;
    let huge = "x".repeat(20_000);
    let response = client
        .http
        .post(format!("{}/join", client.base))
        .json(&json!({ "name": huge }))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status().as_u16(), 413);
    assert_eq!(session.counts().joined, 0);
    session.stop().await;
}

#[tokio::test]
async fn requests_beyond_the_rate_limits_are_refused() {
    let fixture = fixture();
    let mut limited = options();
    limited.limits.per_token_burst = 5;
    limited.limits.per_token_per_second = 0.01;
    limited.limits.per_address_burst = 4;
    limited.limits.per_address_per_second = 0.01;
    let (session, client) = start(&fixture, limited).await;
    let token = client.token("Nina").await; // one of the address's four
    let mut statuses = Vec::new();
    for _ in 0..6 {
        statuses.push(client.questions(&token).await.0);
    }
    assert_eq!(statuses, [200, 200, 200, 200, 200, 429]);
    let mut pages = Vec::new();
    for _ in 0..4 {
        pages.push(
            client
                .http
                .get(&client.root)
                .send()
                .await
                .expect("sent")
                .status()
                .as_u16(),
        );
    }
    assert_eq!(pages, [200, 200, 200, 429]);
    // A token header does not lift the address's limit off the room code, nor do unknown tokens.
    let room = client
        .http
        .post(format!("{}room", client.root))
        .bearer_auth(&token)
        .json(&json!({ "code": "AAAAAA" }))
        .send()
        .await
        .expect("sent");
    assert_eq!(room.status().as_u16(), 429);
    assert_eq!(client.questions(&"1".repeat(64)).await.0, 429);
    session.stop().await;
}

#[tokio::test]
async fn a_stopped_session_accepts_nothing() {
    let fixture = fixture();
    let (session, client) = start(&fixture, options()).await;
    let token = client.token("Hugo").await;
    let address = session.address();
    session.stop().await;
    let outcome = client
        .http
        .post(format!("{}/answer", client.base))
        .bearer_auth(&token)
        .json(&json!({ "answerId": "after-stop-1", "questionId": "cre-01", "value": "3" }))
        .send()
        .await;
    assert!(outcome.is_err(), "the port is closed: {outcome:?}");
    assert!(TcpStream::connect(address).is_err());
    let detail =
        assessments::assessment_detail(&fixture.workbench, fixture.assessment).expect("detail");
    assert_eq!(detail.answered_questions, 0);
}

#[tokio::test]
async fn anonymous_participants_are_numbered_and_give_no_name() {
    let fixture = fixture();
    let anonymous = SessionOptions {
        anonymous: true,
        ..options()
    };
    let (session, client) = start(&fixture, anonymous).await;
    let (_, first) = client.join("Ignored Name", "").await;
    let (_, second) = client.join("", "").await;
    assert_eq!(first["label"], "Participant 1");
    assert_eq!(second["label"], "Participant 2");
    let detail =
        assessments::assessment_detail(&fixture.workbench, fixture.assessment).expect("detail");
    let labels: Vec<&str> = detail
        .respondents
        .iter()
        .map(|one| one.label.as_str())
        .collect();
    assert_eq!(labels, ["Participant 1", "Participant 2"]);
    session.stop().await;
}

#[tokio::test]
async fn named_sessions_need_a_free_name() {
    let fixture = fixture();
    let (session, client) = start(&fixture, options()).await;
    assert_eq!(client.join("", "").await.0, 400);
    assert_eq!(client.join("Zoé", "").await.0, 200);
    assert_eq!(
        client.join("Zoé", "").await.0,
        409,
        "a name cannot be taken over"
    );
    assert_eq!(client.join("bad\u{7}name", "").await.0, 400);
    session.stop().await;
}

#[tokio::test]
async fn participants_pick_one_of_the_groups() {
    let fixture = fixture();
    let grouped = SessionOptions {
        groups: vec!["Ventes".to_owned(), "Service client".to_owned()],
        ..options()
    };
    let (session, client) = start(&fixture, grouped).await;
    assert_eq!(client.join("Anne", "").await.0, 400);
    assert_eq!(client.join("Anne", "Marketing").await.0, 400);
    let (status, joined) = client.join("Anne", "Service client").await;
    assert_eq!(status, 200);
    assert_eq!(joined["group"], "Service client");
    assert_eq!(session.counts().participants[0].group, "Service client");
    let detail =
        assessments::assessment_detail(&fixture.workbench, fixture.assessment).expect("detail");
    assert_eq!(detail.respondents[0].group, "Service client");
    session.stop().await;

    let (session, client) = start(&fixture, options()).await;
    assert_eq!(
        client.join("Bruno", "Ventes").await.0,
        400,
        "no groups in this session"
    );
    session.stop().await;
}

#[tokio::test]
async fn a_blind_vote_shows_counts_only_until_reveal() {
    let fixture = fixture();
    let facilitated = SessionOptions {
        pace: Pace::Facilitated,
        ..options()
    };
    let (session, client) = start(&fixture, facilitated).await;
    let tokens = [
        client.token("Alice").await,
        client.token("Bob").await,
        client.token("Chloé").await,
    ];
    // Nothing pushed yet: nothing to answer.
    let (_, questions) = client.questions(&tokens[0]).await;
    assert_eq!(questions["total"], 0);
    assert_eq!(
        client
            .answer(&tokens[0], "vote-a-0001", "cre-01", "1")
            .await
            .0,
        409
    );

    session.push_question("cre-01").expect("pushed");
    let (_, questions) = client.questions(&tokens[0]).await;
    assert_eq!(questions["questions"][0]["id"], "cre-01");
    assert_eq!(questions["pace"]["current"], "cre-01");
    assert_eq!(
        client
            .answer(&tokens[0], "vote-a-0002", "cre-02", "1")
            .await
            .0,
        409,
        "not the pushed question"
    );

    assert_eq!(
        client
            .answer(&tokens[0], "vote-a-0003", "cre-01", "1")
            .await
            .0,
        200
    );
    assert_eq!(
        client
            .answer(&tokens[1], "vote-b-0001", "cre-01", "3")
            .await
            .0,
        200
    );
    let counts = session.counts();
    assert_eq!((counts.joined, counts.voted_on("cre-01")), (3, 2));
    assert_eq!(session.distribution("cre-01"), None, "blind until reveal");

    let revealed = session.reveal("cre-01").expect("revealed");
    assert_eq!(revealed.votes, 2);
    assert_eq!(revealed.levels, [0, 1, 0, 1, 0]);
    assert_eq!(revealed.mean, Some(2.0));
    assert_eq!(revealed.standard_deviation, Some(1.0));
    assert_eq!(revealed.range, Some(2));
    assert_eq!(
        client
            .answer(&tokens[2], "vote-c-0001", "cre-01", "4")
            .await
            .0,
        409,
        "closed once revealed"
    );
    assert_eq!(session.divisions()[0].question, "cre-01");

    session
        .record_consensus("cre-01", "2", "après discussion")
        .await
        .expect("recorded");
    let sheet =
        assessments::consensus_sheet(&fixture.workbench, fixture.assessment).expect("sheet");
    assert_eq!(sheet.values[0].question_id, "cre-01");
    assert_eq!(
        serde_json::to_value(sheet.values[0].value).expect("json"),
        "2"
    );

    // Everyone voted: the distribution shows without reveal.
    session.push_question("cre-02").expect("pushed");
    for (token, id) in tokens
        .iter()
        .zip(["all-vote-01", "all-vote-02", "all-vote-03"])
    {
        assert_eq!(client.answer(token, id, "cre-02", "?").await.0, 200);
    }
    let everyone = session.distribution("cre-02").expect("everyone voted");
    assert_eq!(everyone.dont_know, 3);
    assert_eq!(everyone.mean, None);
    // The last vote revealed it: the vote is closed on every device.
    let (status, shown) = client.questions(&tokens[0]).await;
    assert_eq!(status, 200, "{shown}");
    assert_eq!(shown["pace"]["revealed"], true, "everyone voted: revealed");
    assert_eq!(
        client
            .answer(&tokens[0], "all-vote-04", "cre-02", "2")
            .await
            .0,
        409,
        "closed once everyone voted"
    );
    session.stop().await;
}

#[tokio::test]
async fn the_pace_is_pushed_as_server_sent_events() {
    let fixture = fixture();
    let facilitated = SessionOptions {
        pace: Pace::Facilitated,
        ..options()
    };
    let (session, client) = start(&fixture, facilitated).await;
    let token = client.token("Eve").await;
    let mut stream = client
        .http
        .get(format!("{}/events", client.base))
        .bearer_auth(&token)
        .send()
        .await
        .expect("stream");
    assert_eq!(stream.status().as_u16(), 200);
    let first = stream.chunk().await.expect("chunk").expect("data");
    assert!(String::from_utf8_lossy(&first).contains("\"current\":null"));
    session.push_question("cre-03").expect("pushed");
    let mut seen = String::new();
    while !seen.contains("cre-03") {
        let chunk = tokio::time::timeout(Duration::from_secs(5), stream.chunk())
            .await
            .expect("in time")
            .expect("chunk")
            .expect("data");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert!(seen.starts_with("event: state"));
    let stopping = tokio::spawn(async move { session.stop().await });
    let mut rest = String::new();
    while let Ok(Some(chunk)) = stream.chunk().await {
        rest.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert!(rest.contains("\"stopped\":true"), "{rest}");
    stopping.await.expect("stopped");
}

#[tokio::test]
async fn the_page_has_a_strict_policy_no_cors_and_the_room_as_text() {
    let fixture = fixture();
    let (session, client) = start(&fixture, options()).await;
    let response = client.http.get(&client.base).send().await.expect("page");
    assert_eq!(response.status().as_u16(), 200);
    let headers = response.headers().clone();
    let policy = headers["content-security-policy"].to_str().expect("text");
    assert!(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"));
    assert!(!policy.contains("unsafe-inline"));
    assert!(headers.get("access-control-allow-origin").is_none());
    assert_eq!(headers["x-content-type-options"], "nosniff");
    let page = response.text().await.expect("html");
    assert!(page.contains("name=\"tcm-room\""));
    assert!(
        page.contains("&lt;b&gt;2026&lt;/b&gt;"),
        "the title is escaped"
    );
    assert!(!page.contains("<b>2026"));
    // The short URL's page carries no room.
    let short = client.http.get(&client.root).send().await.expect("page");
    assert!(!short.text().await.expect("html").contains("tcm-room"));
    // Nothing else is served.
    for path in ["j/x/export", "api/assessments", "assets/nope.js"] {
        let status = client
            .http
            .get(format!("{}{path}", client.root))
            .send()
            .await
            .expect("sent")
            .status();
        assert_eq!(status.as_u16(), 404, "{path}");
    }
    session.stop().await;
}

/// A phone that kept the link of an earlier session (the facilitator started it again: a new
/// secret) reloads it: it gets the page, which asks for the room code, not a JSON error.
#[tokio::test]
async fn a_link_to_no_open_room_gets_the_page_without_the_room() {
    let fixture = fixture();
    let (session, client) = start(&fixture, options()).await;
    let stale = format!("{}j/{}", client.root, "f".repeat(40));
    let response = client.http.get(&stale).send().await.expect("page");
    assert_eq!(response.status().as_u16(), 404);
    let headers = response.headers().clone();
    assert!(
        headers["content-type"]
            .to_str()
            .expect("text")
            .starts_with("text/html"),
        "{headers:?}"
    );
    assert!(headers.contains_key("content-security-policy"));
    let page = response.text().await.expect("html");
    assert!(page.contains("<script"), "the page itself: {page}");
    assert!(!page.contains("tcm-room"), "no room's description");
    assert!(!page.contains("Atelier"), "nothing of the open room");
    session.stop().await;
}

#[tokio::test]
async fn the_room_code_leads_to_the_room() {
    let fixture = fixture();
    let (session, client) = start(&fixture, options()).await;
    let info = session.join_info().expect("info");
    assert_eq!(info.room_code.len(), 6);
    let typed = info.room_code.to_lowercase();
    let found: Value = client
        .http
        .post(format!("{}room", client.root))
        .json(&json!({ "code": typed }))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    assert!(
        info.url
            .ends_with(found["secret"].as_str().expect("secret"))
    );
    let wrong = client
        .http
        .post(format!("{}room", client.root))
        .json(&json!({ "code": "AAAAAA" }))
        .send()
        .await
        .expect("sent");
    assert_eq!(wrong.status().as_u16(), 404);
    assert!(info.qr_svg.contains("<svg"));
    session.stop().await;
}

#[tokio::test]
async fn a_session_listens_on_one_interface_only() {
    let fixture = fixture();
    let everywhere = SessionOptions::new("0.0.0.0:0".parse().expect("address"));
    let outcome =
        LiveSession::start(fixture.workbench.clone(), fixture.assessment, everywhere).await;
    assert!(matches!(outcome, Err(LiveError::Options(_))));
    let twice = SessionOptions {
        groups: vec!["A".to_owned(), "A".to_owned()],
        ..options()
    };
    let outcome = LiveSession::start(fixture.workbench.clone(), fixture.assessment, twice).await;
    assert!(matches!(outcome, Err(LiveError::Options(_))));
}

/// The stored answers of every respondent of the assessment, by label: (question, value).
fn stored_answers(fixture: &Fixture) -> std::collections::HashMap<String, Vec<(String, String)>> {
    assessments::assessment_detail(&fixture.workbench, fixture.assessment)
        .expect("detail")
        .respondents
        .into_iter()
        .map(|respondent| {
            let mut answers: Vec<(String, String)> =
                assessments::respondent_answers(&fixture.workbench, respondent.id)
                    .expect("answers")
                    .answers
                    .into_iter()
                    .map(|answer| {
                        (
                            answer.question_id,
                            tcm_core::Answer::from(answer.answer).to_string(),
                        )
                    })
                    .collect();
            answers.sort();
            (respondent.label, answers)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_answers_from_many_participants_are_all_stored_once() {
    let fixture = fixture();
    let (session, client) = start(&fixture, options()).await;
    let client = Arc::new(client);
    let questions: Vec<String> = session.questions()[..12].to_vec();
    let mut tokens = Vec::new();
    for index in 0..24 {
        tokens.push(client.token(&format!("Participant {index:02}")).await);
    }
    // Every participant sends every answer at once, and its first answer twice (a phone
    // that sent again before the acknowledgement came back).
    let mut sent = Vec::new();
    for (index, token) in tokens.iter().enumerate() {
        for (number, question) in questions.iter().enumerate() {
            let copies = if number == 0 { 2 } else { 1 };
            for _ in 0..copies {
                let (client, token, question) = (client.clone(), token.clone(), question.clone());
                let value = ((index + number) % 5).to_string();
                sent.push(tokio::spawn(async move {
                    let id = format!("answer-p{index:02}-q{number:02}");
                    client.answer(&token, &id, &question, &value).await
                }));
            }
        }
    }
    for request in sent {
        let (status, ack) = request.await.expect("request task");
        assert_eq!(status, 200, "{ack}");
    }
    let stored = stored_answers(&fixture);
    assert_eq!(stored.len(), 24);
    for index in 0..24 {
        let mut expected: Vec<(String, String)> = questions
            .iter()
            .enumerate()
            .map(|(number, question)| (question.clone(), ((index + number) % 5).to_string()))
            .collect();
        expected.sort();
        assert_eq!(stored[&format!("Participant {index:02}")], expected);
    }
    let counts = session.counts();
    for question in &questions {
        assert_eq!(counts.voted_on(question), 24, "{question}");
    }
    assert!(
        counts
            .participants
            .iter()
            .all(|participant| participant.answered == 12)
    );
    let detail =
        assessments::assessment_detail(&fixture.workbench, fixture.assessment).expect("detail");
    assert_eq!(detail.answered_questions, 12);
    session.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_bad_answer_in_a_concurrent_burst_is_refused_alone() {
    let fixture = fixture();
    let (session, client) = start(&fixture, options()).await;
    let client = Arc::new(client);
    let questions: Vec<String> = session.questions()[..6].to_vec();
    let mut tokens = Vec::new();
    for index in 0..10 {
        tokens.push(client.token(&format!("Participant {index}")).await);
    }
    // The facilitator removes participant 3 from the assessment in the window meanwhile:
    // what that phone sends can no longer be saved.
    let removed = assessments::assessment_detail(&fixture.workbench, fixture.assessment)
        .expect("detail")
        .respondents
        .into_iter()
        .find(|respondent| respondent.label == "Participant 3")
        .expect("participant 3");
    assessments::remove_respondent(&fixture.workbench, removed.id).expect("removed");

    let mut sent = Vec::new();
    for (index, token) in tokens.iter().enumerate() {
        for (number, question) in questions.iter().enumerate() {
            let (client, token, question) = (client.clone(), token.clone(), question.clone());
            sent.push(tokio::spawn(async move {
                let outcome = client
                    .answer(
                        &token,
                        &format!("answer-p{index}-q{number}"),
                        &question,
                        "2",
                    )
                    .await;
                (index, outcome)
            }));
        }
    }
    for request in sent {
        let (index, (status, body)) = request.await.expect("request task");
        if index == 3 {
            assert_eq!(status, 404, "{body}");
            assert_eq!(body["kind"], "notFound");
            assert!(
                body["message"]
                    .as_str()
                    .is_some_and(|message| message.contains("respondent")),
                "its own clear error: {body}"
            );
        } else {
            assert_eq!(status, 200, "participant {index}: {body}");
        }
    }
    let stored = stored_answers(&fixture);
    assert_eq!(stored.len(), 9, "participant 3 stays removed");
    assert!(stored.values().all(|answers| answers.len() == 6));
    for question in &questions {
        assert_eq!(session.counts().voted_on(question), 9);
    }
    session.stop().await;
}

/// A GET on the server, with or without `Accept-Encoding: gzip`: status, headers and the
/// bytes as they travelled.
async fn fetch(
    client: &Client,
    url: &str,
    gzip: bool,
) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
    let mut request = client.http.get(url);
    if gzip {
        request = request.header("accept-encoding", "gzip, deflate, br");
    }
    let response = request.send().await.expect("sent");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (
        status,
        headers,
        response.bytes().await.expect("body").to_vec(),
    )
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Read as _;
    let mut plain = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut plain)
        .expect("valid gzip");
    plain
}

/// The files the page loads: `src="/assets/…"` and `href="/assets/…"`.
fn page_assets(html: &str) -> Vec<String> {
    html.split(['"', '\''])
        .filter(|part| part.starts_with("/assets/"))
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn the_page_and_its_assets_travel_compressed_when_the_browser_accepts_it() {
    let fixture = fixture();
    let (session, client) = start(&fixture, options()).await;
    let (status, headers, page) = fetch(&client, &client.base, false).await;
    assert_eq!(status, 200);
    assert!(
        headers.get("content-encoding").is_none(),
        "plain without Accept-Encoding"
    );
    let html = String::from_utf8(page.clone()).expect("html");
    let assets = page_assets(&html);
    assert!(assets.iter().any(|asset| asset.ends_with(".js")), "{html}");

    let mut files = vec![(client.base.clone(), page)];
    for asset in &assets {
        let url = format!("{}{asset}", client.root.trim_end_matches('/'));
        let (status, headers, bytes) = fetch(&client, &url, false).await;
        assert_eq!(status, 200, "{url}");
        assert!(headers.get("content-encoding").is_none(), "{url}");
        files.push((url, bytes));
    }
    let plain_bytes: usize = files.iter().map(|(_, bytes)| bytes.len()).sum();
    let mut first_load = 0;
    for (url, plain) in files {
        let (status, headers, compressed) = fetch(&client, &url, true).await;
        assert_eq!(status, 200, "{url}");
        assert_eq!(headers["content-encoding"], "gzip", "{url}");
        assert!(
            headers["vary"]
                .to_str()
                .expect("text")
                .to_ascii_lowercase()
                .contains("accept-encoding"),
            "{url}"
        );
        // The security headers are kept on compressed responses.
        let policy = headers["content-security-policy"].to_str().expect("text");
        assert!(policy.contains("default-src 'none'"), "{url}");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(
            gunzip(&compressed),
            plain,
            "{url}: the same bytes once inflated"
        );
        assert!(compressed.len() < plain.len(), "{url}");
        first_load += compressed.len();
    }
    assert!(
        first_load <= 150 * 1024,
        "first load {first_load} bytes compressed ({plain_bytes} plain)"
    );
    // The questions a participant loads after joining (the largest answer) travel compressed
    // too; the answers' acknowledgements do not (small, and sent as soon as committed).
    let token = client.token("Claire").await;
    let questions = client
        .http
        .get(format!("{}/questions", client.base))
        .bearer_auth(&token)
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("sent");
    assert_eq!(questions.status().as_u16(), 200);
    assert_eq!(questions.headers()["content-encoding"], "gzip");
    let compressed = questions.bytes().await.expect("body");
    let inflated: serde_json::Value =
        serde_json::from_slice(&gunzip(&compressed)).expect("the questions' JSON once inflated");
    assert!(
        inflated["questions"]
            .as_array()
            .is_some_and(|all| !all.is_empty()),
        "{inflated}"
    );
    let response = client
        .http
        .post(format!("{}/answer", client.base))
        .bearer_auth(&token)
        .header("accept-encoding", "gzip")
        .json(&json!({ "answerId": "answer-0001", "questionId": "cre-01", "value": "3" }))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.headers().get("content-encoding").is_none());
    session.stop().await;
}

#[tokio::test]
async fn a_question_the_room_answered_before_a_restart_is_revealed_when_pushed_again() {
    let fixture = fixture();
    let facilitated = || SessionOptions {
        pace: Pace::Facilitated,
        ..options()
    };
    let (session, client) = start(&fixture, facilitated()).await;
    let tokens = [
        client.token("Alice").await,
        client.token("Bob").await,
        client.token("Chloé").await,
    ];
    // The whole room votes on cre-01; two of three on cre-02; then the app goes away.
    session.push_question("cre-01").expect("pushed");
    for (token, (id, value)) in tokens.iter().zip([
        ("vote-a-0001", "1"),
        ("vote-b-0001", "2"),
        ("vote-c-0001", "4"),
    ]) {
        assert_eq!(client.answer(token, id, "cre-01", value).await.0, 200);
    }
    session.push_question("cre-02").expect("pushed");
    for (token, id) in tokens[..2].iter().zip(["vote-a-0002", "vote-b-0002"]) {
        assert_eq!(client.answer(token, id, "cre-02", "3").await.0, 200);
    }
    drop(session);

    // The app restarts and starts the session again; the three phones come back.
    let restarted = Arc::new(Workbench::start(fixture.path.clone(), now));
    let again = LiveSession::start(restarted, fixture.assessment, facilitated())
        .await
        .expect("starts again");
    let client = Client {
        http: reqwest::Client::new(),
        base: again.join_info().expect("info").url,
        root: String::new(),
    };
    // Pushed to a room nobody is back in yet: open.
    again.push_question("cre-01").expect("pushed");
    assert_eq!(again.distribution("cre-01"), None);
    for token in &tokens {
        assert_eq!(client.questions(token).await.0, 200, "resumed");
    }
    assert_eq!(again.counts().joined, 3);
    assert_eq!(
        again.distribution("cre-01"),
        None,
        "a phone coming back reveals nothing"
    );

    // Pushed again when everyone in the room answered it: revealed at once, on the
    // facilitator's side and on every phone alike, and closed.
    again.push_question("cre-02").expect("pushed");
    again.push_question("cre-01").expect("pushed");
    let revealed = again.distribution("cre-01").expect("revealed at once");
    assert_eq!((revealed.votes, revealed.levels), (3, [0, 1, 1, 0, 1]));
    let (_, shown) = client.questions(&tokens[0]).await;
    assert_eq!(shown["pace"]["current"], "cre-01");
    assert_eq!(shown["pace"]["revealed"], true);
    assert_eq!(
        client
            .answer(&tokens[0], "vote-a-0003", "cre-01", "0")
            .await
            .0,
        409
    );

    // A question one of them had not answered opens as usual, and the last vote reveals it.
    again.push_question("cre-02").expect("pushed");
    assert_eq!(again.distribution("cre-02"), None, "Chloé has not voted");
    let (_, shown) = client.questions(&tokens[2]).await;
    assert_eq!(shown["pace"]["revealed"], false);
    assert_eq!(
        client
            .answer(&tokens[2], "vote-c-0002", "cre-02", "1")
            .await
            .0,
        200
    );
    assert_eq!(again.distribution("cre-02").expect("revealed").votes, 3);
    let (_, shown) = client.questions(&tokens[0]).await;
    assert_eq!(shown["pace"]["revealed"], true);
    again.stop().await;
}
