//! The facilitator's desk as the desktop window drives it, with three simulated phones on
//! 127.0.0.1: start from the window's choices, join with groups, self-paced answers (one sent
//! twice), who is done, what divides the room, the blind vote through the desk, stop → every
//! phone refused.

use std::sync::Arc;

use serde_json::{Value, json};
use tcm_api::transfer::{
    ConsensusValue, LiveConsensusInput, LivePace, LiveStartInput, NewAssessmentInput,
    OrganisationInput, StageId,
};
use tcm_api::{ErrorKind, Workbench, assessments};
use tcm_live::LiveDesk;

struct Fixture {
    _dir: tempfile::TempDir,
    workbench: Arc<Workbench>,
    assessment: i64,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = Arc::new(Workbench::start(
        dir.path().join("tcm.sqlite"),
        chrono::Utc::now,
    ));
    let assessment = assessments::create_assessment(
        &workbench,
        &NewAssessmentInput {
            organisation: OrganisationInput::New {
                name: "Maison Durand".to_owned(),
                sector: tcm_api::transfer::Sector::Retail,
                size: None,
                notes: String::new(),
            },
            title: "Atelier".to_owned(),
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
        workbench,
        assessment,
    }
}

fn input(fixture: &Fixture, pace: LivePace, stage: Option<StageId>) -> LiveStartInput {
    LiveStartInput {
        assessment: fixture.assessment,
        address: "127.0.0.1".to_owned(),
        port: 0,
        anonymous: true,
        groups: vec!["Ventes".to_owned(), "Service client".to_owned()],
        pace,
        stage,
        questions: Vec::new(),
    }
}

/// A simulated phone.
struct Phone {
    http: reqwest::Client,
    base: String,
    token: String,
}

impl Phone {
    async fn join(url: &str, group: &str) -> Phone {
        let http = reqwest::Client::new();
        let joined: Value = http
            .post(format!("{url}/join"))
            .json(&json!({ "group": group }))
            .send()
            .await
            .expect("sent")
            .json()
            .await
            .expect("joined");
        Phone {
            http,
            base: url.to_owned(),
            token: joined["token"].as_str().expect("a token").to_owned(),
        }
    }

    async fn answer(&self, id: &str, question: &str, value: &str) -> (u16, Value) {
        let response = self
            .http
            .post(format!("{}/answer", self.base))
            .bearer_auth(&self.token)
            .json(&json!({ "answerId": id, "questionId": question, "value": value, "comment": "" }))
            .send()
            .await
            .expect("sent");
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }
}

#[tokio::test]
async fn three_phones_answer_at_their_pace_and_the_desk_sees_who_is_done() {
    let fixture = fixture();
    let desk = LiveDesk::new();
    let view = desk
        .start(
            fixture.workbench.clone(),
            &input(&fixture, LivePace::SelfPaced, Some(StageId::Creative)),
        )
        .await
        .expect("started");
    assert!(view.loopback && view.listening_on.starts_with("127.0.0.1:"));
    assert_eq!(view.room_code.chars().count(), 6);
    assert!(view.qr_svg.contains("<svg"));
    assert!(view.url.starts_with(&view.short_url));
    let creative = view.questions.clone();
    assert!(creative.iter().all(|id| id.starts_with("cre-")));

    // A second session is refused while one runs.
    let again = desk
        .start(
            fixture.workbench.clone(),
            &input(&fixture, LivePace::SelfPaced, None),
        )
        .await
        .expect_err("one session at a time");
    assert_eq!(again.kind, ErrorKind::InvalidInput);

    let phones = [
        Phone::join(&view.url, "Ventes").await,
        Phone::join(&view.url, "Ventes").await,
        Phone::join(&view.url, "Service client").await,
    ];
    // The first phone answers the whole stage, its last answer sent twice (a lost ack).
    for (index, question) in creative.iter().enumerate() {
        let id = format!("phone-a-{index:04}");
        assert_eq!(phones[0].answer(&id, question, "3").await.0, 200);
    }
    let last = creative.last().expect("questions");
    let (status, resent) = phones[0]
        .answer(&format!("phone-a-{:04}", creative.len() - 1), last, "3")
        .await;
    assert_eq!(status, 200);
    assert_eq!(resent["answered"], creative.len());
    // The others answer the first question, far apart, and one says "?".
    assert_eq!(
        phones[1].answer("phone-b-0000", &creative[0], "0").await.0,
        200
    );
    assert_eq!(
        phones[2].answer("phone-c-0000", &creative[0], "?").await.0,
        200
    );

    let view = desk.status().expect("status").expect("running");
    let labels: Vec<(&str, &str, bool)> = view
        .participants
        .iter()
        .map(|participant| {
            (
                participant.label.as_str(),
                participant.group.as_str(),
                participant.done,
            )
        })
        .collect();
    assert_eq!(
        labels,
        [
            ("Participant 1", "Ventes", true),
            ("Participant 2", "Ventes", false),
            ("Participant 3", "Service client", false),
        ]
    );
    // What divides the room: the first question (levels 3 and 0, one "?"), first.
    let first = &view.divisions[0];
    assert_eq!(first.question, creative[0]);
    assert_eq!((first.votes, first.range), (3, 3));
    assert!((first.standard_deviation - 1.5).abs() < 1e-9);
    assert!((first.dont_know_share - 1.0 / 3.0).abs() < 1e-9);
    // Saved once each: the respondents' answers in the assessment.
    let detail =
        assessments::assessment_detail(&fixture.workbench, fixture.assessment).expect("detail");
    assert_eq!(detail.respondents.len(), 3);
    let answers = assessments::respondent_answers(&fixture.workbench, detail.respondents[0].id)
        .expect("answers");
    assert_eq!(answers.answers.len(), creative.len());

    desk.stop().await;
    assert_eq!(desk.status().expect("status"), None);
    for (index, phone) in phones.iter().enumerate() {
        let refused = phone
            .http
            .post(format!("{}/answer", phone.base))
            .bearer_auth(&phone.token)
            .json(&json!({ "answerId": format!("after-stop-{index}"), "questionId": creative[1], "value": "1" }))
            .send()
            .await;
        assert!(
            refused.is_err() || refused.is_ok_and(|response| !response.status().is_success()),
            "phone {index} was not refused after stop"
        );
    }
}

#[tokio::test]
async fn the_desk_runs_a_blind_vote_reveals_and_records_the_consensus() {
    let fixture = fixture();
    let desk = LiveDesk::new();
    let view = desk
        .start(
            fixture.workbench.clone(),
            &input(&fixture, LivePace::Facilitated, None),
        )
        .await
        .expect("started");
    let phones = [
        Phone::join(&view.url, "Ventes").await,
        Phone::join(&view.url, "Ventes").await,
        Phone::join(&view.url, "Service client").await,
    ];
    let view = desk.push("cur-01").expect("pushed");
    assert_eq!(view.current.as_deref(), Some("cur-01"));
    assert_eq!(phones[0].answer("vote-a-0001", "cur-01", "1").await.0, 200);
    assert_eq!(phones[1].answer("vote-b-0001", "cur-01", "3").await.0, 200);
    let view = desk.status().expect("status").expect("running");
    assert_eq!(view.current_votes, 2);
    assert_eq!(view.revealed, None, "how they voted stays hidden");

    let view = desk.reveal("cur-01").expect("revealed");
    let revealed = view.revealed.expect("distribution");
    assert_eq!(revealed.levels, [0, 1, 0, 1, 0]);
    assert_eq!(revealed.mean, Some(2.0));
    assert_eq!(phones[2].answer("vote-c-0001", "cur-01", "4").await.0, 409);

    desk.record_consensus(&LiveConsensusInput {
        question: "cur-01".to_owned(),
        value: ConsensusValue::L2,
        note: "après discussion".to_owned(),
    })
    .await
    .expect("recorded");
    let sheet =
        assessments::consensus_sheet(&fixture.workbench, fixture.assessment).expect("sheet");
    assert_eq!(sheet.values[0].question_id, "cur-01");
    assert_eq!(sheet.values[0].value, ConsensusValue::L2);

    assert!(desk.push("no-such-question").is_err());
    desk.stop().await;
    assert!(desk.push("cur-02").is_err(), "no session after stop");
}

#[tokio::test]
async fn a_start_on_no_address_of_this_computer_is_refused_clearly() {
    let fixture = fixture();
    let desk = LiveDesk::new();
    let mut bad = input(&fixture, LivePace::SelfPaced, None);
    bad.address = "not an address".to_owned();
    let error = desk
        .start(fixture.workbench.clone(), &bad)
        .await
        .expect_err("refused");
    assert_eq!(error.kind, ErrorKind::InvalidInput);
    assert!(
        error.message.contains("not an address"),
        "{}",
        error.message
    );
    bad.address = "0.0.0.0".to_owned();
    assert!(desk.start(fixture.workbench.clone(), &bad).await.is_err());
    assert_eq!(desk.status().expect("status"), None);
}

#[tokio::test]
async fn any_port_is_the_usual_one_when_free_and_another_one_when_busy() {
    let fixture = fixture();
    // Held here for the whole test; when another program holds it, the case is not tested.
    let Ok(held) = std::net::TcpListener::bind(("127.0.0.1", tcm_live::USUAL_PORT)) else {
        return;
    };
    let desk = LiveDesk::new();
    let view = desk
        .start(
            fixture.workbench.clone(),
            &input(&fixture, LivePace::Facilitated, None),
        )
        .await
        .expect("started on another port");
    let port: u16 = view
        .listening_on
        .rsplit(':')
        .next()
        .and_then(|port| port.parse().ok())
        .expect("a port");
    assert_ne!(port, tcm_live::USUAL_PORT, "{}", view.listening_on);
    assert_ne!(port, 0);
    desk.stop().await;
    drop(held);
}

#[test]
fn the_interfaces_include_loopback_last() {
    let interfaces = tcm_live::interfaces().expect("listed");
    let last = interfaces.last().expect("at least loopback");
    assert!(last.loopback);
    assert!(
        interfaces
            .iter()
            .all(|interface| !interface.address.is_empty())
    );
}

#[tokio::test]
async fn a_self_paced_session_on_chosen_questions_serves_and_counts_only_those() {
    let fixture = fixture();
    let desk = LiveDesk::new();
    let chosen = ["cur-03", "cre-01", "pro-02"];
    let mut start = input(&fixture, LivePace::SelfPaced, None);
    start.questions = chosen.iter().map(|id| (*id).to_owned()).collect();

    // A stage and a list together, an unknown id or one listed twice: refused, nothing runs.
    for (stage, questions) in [
        (Some(StageId::Creative), vec!["cre-01"]),
        (None, vec!["cre-01", "zzz-99"]),
        (None, vec!["cre-01", "cre-01"]),
    ] {
        let mut refused = input(&fixture, LivePace::SelfPaced, stage);
        refused.questions = questions.into_iter().map(str::to_owned).collect();
        let error = desk
            .start(fixture.workbench.clone(), &refused)
            .await
            .expect_err("refused");
        assert_eq!(error.kind, ErrorKind::InvalidInput, "{}", error.message);
        assert!(desk.status().expect("status").is_none());
    }

    let view = desk
        .start(fixture.workbench.clone(), &start)
        .await
        .expect("started");
    assert_eq!(view.questions, chosen);
    let phone = Phone::join(&view.url, "Ventes").await;

    // The page gets the chosen questions only, in the facilitator's order.
    let served: Value = phone
        .http
        .get(format!("{}/questions", phone.base))
        .bearer_auth(&phone.token)
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("questions");
    let ids: Vec<&str> = served["questions"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|question| question["id"].as_str().expect("an id"))
        .collect();
    assert_eq!(ids, chosen);
    assert_eq!(served["total"], 3);

    // A question outside the list is closed; progress counts the chosen ones only.
    let (status, _) = phone.answer("chosen-outside", "act-01", "2").await;
    assert_eq!(status, 409);
    let (status, ack) = phone.answer("chosen-one", "cre-01", "?").await;
    assert_eq!(
        (status, &ack["answered"], &ack["total"]),
        (200, &json!(1), &json!(3))
    );
    let room = desk.status().expect("status").expect("running");
    assert_eq!(
        (room.participants[0].answered, room.participants[0].total),
        (1, 3)
    );
    assert!(!room.participants[0].done);
    phone.answer("chosen-two", "cur-03", "3").await;
    let (_, ack) = phone.answer("chosen-three", "pro-02", "1").await;
    assert_eq!((&ack["answered"], &ack["total"]), (&json!(3), &json!(3)));
    let room = desk.status().expect("status").expect("running");
    assert!(
        room.participants[0].done,
        "done after the three chosen questions"
    );
    // Nothing else was stored: three answers, the chosen ones.
    let respondents = assessments::assessment_detail(&fixture.workbench, fixture.assessment)
        .expect("detail")
        .respondents;
    let stored = assessments::respondent_answers(&fixture.workbench, respondents[0].id)
        .expect("answers")
        .answers;
    let mut stored: Vec<&str> = stored
        .iter()
        .map(|answer| answer.question_id.as_str())
        .collect();
    stored.sort_unstable();
    assert_eq!(stored, ["cre-01", "cur-03", "pro-02"]);
    desk.stop().await;
}

/// Receives the next view a follower sent, waiting at most a few seconds (a hang is a failure,
/// not a measure).
async fn next_view(
    views: &mut tokio::sync::mpsc::UnboundedReceiver<Option<tcm_api::transfer::LiveSessionView>>,
) -> Option<tcm_api::transfer::LiveSessionView> {
    tokio::time::timeout(std::time::Duration::from_secs(10), views.recv())
        .await
        .expect("a view within 10 s")
        .expect("the follower is still running")
}

/// Waits for a view that satisfies `wanted`, skipping older ones.
async fn view_where(
    views: &mut tokio::sync::mpsc::UnboundedReceiver<Option<tcm_api::transfer::LiveSessionView>>,
    wanted: impl Fn(&tcm_api::transfer::LiveSessionView) -> bool,
) -> tcm_api::transfer::LiveSessionView {
    loop {
        let view = next_view(views).await.expect("the session is running");
        if wanted(&view) {
            return view;
        }
    }
}

#[tokio::test]
async fn the_window_following_the_session_receives_joins_votes_reveal_and_stop() {
    let fixture = fixture();
    let desk = LiveDesk::new();
    assert!(desk.follow().is_none(), "nothing to follow before a start");
    let started = desk
        .start(
            fixture.workbench.clone(),
            &input(&fixture, LivePace::Facilitated, None),
        )
        .await
        .expect("started");
    let (sender, mut views) = tokio::sync::mpsc::unbounded_channel();
    let follower = desk.follow().expect("a session to follow");
    let following = tokio::spawn(follower.run(move |view| sender.send(view).is_ok()));

    // The view as it is, at once.
    let first = next_view(&mut views).await.expect("running");
    assert_eq!(first.room_code, started.room_code);
    assert!(first.participants.is_empty());

    let phones = [
        Phone::join(&started.url, "Ventes").await,
        Phone::join(&started.url, "Service client").await,
    ];
    view_where(&mut views, |view| view.participants.len() == 2).await;
    desk.push("pro-03").expect("pushed");
    view_where(&mut views, |view| view.current.as_deref() == Some("pro-03")).await;

    // A vote reaches the window without the window asking.
    assert_eq!(phones[0].answer("follow-a-1", "pro-03", "2").await.0, 200);
    let voted = view_where(&mut views, |view| view.current_votes == 1).await;
    assert_eq!(voted.revealed, None, "how they voted stays hidden");

    // The last vote reveals the question: the window receives the distribution.
    assert_eq!(phones[1].answer("follow-b-1", "pro-03", "4").await.0, 200);
    let revealed = view_where(&mut views, |view| view.revealed.is_some()).await;
    assert_eq!(
        revealed.revealed.expect("distribution").levels,
        [0, 0, 1, 0, 1]
    );

    // Stopped: the window is told once, and the follower ends.
    desk.stop().await;
    loop {
        if next_view(&mut views).await.is_none() {
            break;
        }
    }
    tokio::time::timeout(std::time::Duration::from_secs(10), following)
        .await
        .expect("the follower ends with the session")
        .expect("no panic");
}

#[tokio::test]
async fn a_new_follower_replaces_the_previous_one() {
    let fixture = fixture();
    let desk = LiveDesk::new();
    let started = desk
        .start(
            fixture.workbench.clone(),
            &input(&fixture, LivePace::SelfPaced, None),
        )
        .await
        .expect("started");
    let (old_sender, mut old_views) = tokio::sync::mpsc::unbounded_channel();
    let old = tokio::spawn(
        desk.follow()
            .expect("running")
            .run(move |view| old_sender.send(view).is_ok()),
    );
    next_view(&mut old_views).await.expect("running");

    // The window reloads and follows again: the old follower ends without a word.
    let (sender, mut views) = tokio::sync::mpsc::unbounded_channel();
    let new = tokio::spawn(
        desk.follow()
            .expect("running")
            .run(move |view| sender.send(view).is_ok()),
    );
    tokio::time::timeout(std::time::Duration::from_secs(10), old)
        .await
        .expect("the old follower ends")
        .expect("no panic");
    assert!(
        old_views.recv().await.is_none(),
        "nothing more to the old window"
    );

    let phone = Phone::join(&started.url, "Ventes").await;
    let questions = next_view(&mut views).await.expect("running").questions;
    assert_eq!(phone.answer("replace-1", &questions[0], "1").await.0, 200);
    view_where(&mut views, |view| {
        view.participants
            .first()
            .is_some_and(|participant| participant.answered == 1)
    })
    .await;

    // A window that no longer listens ends its follower too.
    drop(views);
    phone.answer("replace-2", &questions[1], "3").await;
    tokio::time::timeout(std::time::Duration::from_secs(10), new)
        .await
        .expect("the follower ends when nobody listens")
        .expect("no panic");
    desk.stop().await;
}
