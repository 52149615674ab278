//! Benchmark of a live session over loopback (`cargo bench -p tcm-live`; set
//! `TCM_LIVE_PARTICIPANTS` for fewer than 200): 200 simulated
//! participants join, then all answer the 92 questions at once, each as a phone would (one
//! answer after the other). Reports answers lost, acknowledgement p50/p99, how long after a
//! vote the view sent to the facilitator's window (`LiveSession::follow`) shows it, and the growth of this process's resident memory
//! (server and simulated phones together: an upper bound for the server); and the bytes of
//! the participant page's first load, gzip-compressed.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tcm_api::transfer::{NewAssessmentInput, OrganisationInput};
use tcm_api::{Workbench, assessments};
use tcm_live::{LiveSession, SessionOptions};

/// Simulated participants: 200, or `TCM_LIVE_PARTICIPANTS` for a shorter run.
fn participants() -> usize {
    std::env::var("TCM_LIVE_PARTICIPANTS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(200)
}

fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmRSS:"))
                .and_then(|line| line.split_whitespace().nth(1))
                .and_then(|value| value.parse().ok())
        })
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], share: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let index = ((sorted.len() as f64 - 1.0) * share).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

async fn join(client: &reqwest::Client, base: &str, name: &str) -> String {
    let joined: Value = client
        .post(format!("{base}/join"))
        .json(&json!({ "name": name }))
        .send()
        .await
        .expect("join sent")
        .json()
        .await
        .expect("join answered");
    joined["token"].as_str().expect("a token").to_owned()
}

async fn answer(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    id: &str,
    question: &str,
    value: &str,
) -> bool {
    match client
        .post(format!("{base}/answer"))
        .bearer_auth(token)
        .json(&json!({ "answerId": id, "questionId": question, "value": value }))
        .send()
        .await
    {
        Ok(response) => response.status().is_success(),
        Err(_) => false,
    }
}

/// Bytes a browser accepting gzip receives on first load (the room's page and the assets it
/// names), and the same files uncompressed.
async fn first_load(client: &reqwest::Client, page_url: &str, root: &str) -> (usize, usize) {
    let get = |url: String, gzip: bool| async move {
        let mut request = client.get(url);
        if gzip {
            request = request.header("accept-encoding", "gzip, deflate, br");
        }
        request
            .send()
            .await
            .expect("sent")
            .bytes()
            .await
            .expect("body")
    };
    let page = get(page_url.to_owned(), false).await;
    let html = String::from_utf8_lossy(&page).into_owned();
    let mut urls = vec![page_url.to_owned()];
    urls.extend(
        html.split(['"', '\''])
            .filter(|part| part.starts_with("/assets/"))
            .map(|asset| format!("{}{asset}", root.trim_end_matches('/'))),
    );
    let (mut compressed, mut plain) = (0, 0);
    for url in urls {
        compressed += get(url.clone(), true).await.len();
        plain += get(url, false).await.len();
    }
    (compressed, plain)
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(run());
}

async fn run() {
    let participants = participants();
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = Arc::new(Workbench::start(
        dir.path().join("tcm.sqlite"),
        chrono::Utc::now,
    ));
    let assessment = assessments::create_assessment(
        &workbench,
        &NewAssessmentInput {
            organisation: OrganisationInput::New {
                name: "Banc d’essai".to_owned(),
                sector: tcm_api::transfer::Sector::Industry,
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
    let questions: Vec<String> = assessments::assessment_questionnaire(&workbench, assessment)
        .expect("questionnaire")
        .stages
        .iter()
        .flat_map(|stage| stage.themes.iter())
        .flat_map(|theme| theme.questions.iter().map(|question| question.id.clone()))
        .collect();
    let mut options = SessionOptions::new("127.0.0.1:0".parse().expect("address"));
    // Every simulated phone shares 127.0.0.1: raise the per-address limit of join.
    options.limits.per_address_burst = 10_000;
    options.limits.per_token_burst = 1_000;
    let session = Arc::new(
        LiveSession::start(workbench.clone(), assessment, options)
            .await
            .expect("session"),
    );
    let info = session.join_info().expect("info");
    let base = info.url.clone();
    let (first_load_compressed, first_load_plain) =
        first_load(&reqwest::Client::new(), &info.url, &info.short_url).await;

    let mut phones = Vec::new();
    for index in 0..participants {
        let client = reqwest::Client::new();
        let token = join(&client, &base, &format!("Participant {}", index + 1)).await;
        phones.push((client, token));
    }
    let probe_client = reqwest::Client::new();
    let probe_token = join(&probe_client, &base, "Sonde").await;
    let memory_before = resident_kib();

    // The facilitator's window: follows the session as the app does (a view after each change,
    // coalesced) and notes when a view shows the probe's votes.
    let watcher = {
        let (sender, mut views) = tokio::sync::mpsc::unbounded_channel();
        tokio::spawn(session.follow().run(move |view| sender.send(view).is_ok()));
        tokio::spawn(async move {
            let mut seen = Vec::new();
            while let Some(Some(view)) = views.recv().await {
                let probe = view
                    .participants
                    .iter()
                    .find(|one| one.label == "Sonde")
                    .map_or(0, |one| one.answered as usize);
                while seen.len() < probe {
                    seen.push(Instant::now());
                }
                if probe >= 20 {
                    break;
                }
            }
            seen
        })
    };

    let started = Instant::now();
    let mut tasks = Vec::new();
    for (index, (client, token)) in phones.into_iter().enumerate() {
        let (base, questions) = (base.clone(), questions.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::with_capacity(questions.len());
            let mut failed = 0usize;
            for (number, question) in questions.iter().enumerate() {
                let value = ((index + number) % 5).to_string();
                let id = format!("p{index:03}-q{number:03}");
                let sent = Instant::now();
                if answer(&client, &base, &token, &id, question, &value).await {
                    latencies.push(sent.elapsed());
                } else {
                    failed += 1;
                }
            }
            (latencies, failed)
        }));
    }
    // The probe votes every 100 ms during the load; the watcher notes when the counts show it.
    let mut probe_sent = Vec::new();
    for (number, question) in questions.iter().take(20).enumerate() {
        tokio::time::sleep(Duration::from_millis(100)).await;
        probe_sent.push(Instant::now());
        let ok = answer(
            &probe_client,
            &base,
            &probe_token,
            &format!("probe-{number:03}"),
            question,
            "2",
        )
        .await;
        assert!(ok, "the probe's vote was acknowledged");
    }
    let mut latencies = Vec::new();
    let mut failed = 0;
    for task in tasks {
        let (mut some, lost) = task.await.expect("participant task");
        latencies.append(&mut some);
        failed += lost;
    }
    let elapsed = started.elapsed();
    let memory_after = resident_kib();
    let seen = tokio::time::timeout(Duration::from_secs(10), watcher)
        .await
        .expect("the facilitator saw the probe")
        .expect("watcher");
    let mut count_latencies: Vec<Duration> = probe_sent
        .iter()
        .zip(seen.iter())
        .map(|(sent, seen)| seen.saturating_duration_since(*sent))
        .collect();
    count_latencies.sort();
    latencies.sort();

    let stored: usize = assessments::assessment_detail(&workbench, assessment)
        .expect("detail")
        .respondents
        .iter()
        .filter(|one| one.label != "Sonde")
        .map(|one| {
            assessments::respondent_answers(&workbench, one.id)
                .expect("answers")
                .answers
                .len()
        })
        .sum();
    let expected = participants * questions.len();
    println!(
        "live session: {participants} participants × {} questions over loopback",
        questions.len()
    );
    println!(
        "  answers acknowledged: {} of {expected} ({failed} refused or failed)",
        latencies.len()
    );
    println!(
        "  answers stored: {stored}; lost (acknowledged but not stored): {}",
        latencies.len().saturating_sub(stored)
    );
    println!(
        "  wall time: {:.1} s ({:.0} answers/s)",
        elapsed.as_secs_f64(),
        latencies.len() as f64 / elapsed.as_secs_f64()
    );
    println!(
        "  acknowledgement: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        percentile(&latencies, 0.5).as_secs_f64() * 1e3,
        percentile(&latencies, 0.99).as_secs_f64() * 1e3,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1e3
    );
    println!(
        "  facilitator's window after a vote (sent → a view sent to the window shows it, {} probes): p50 {:.1} ms, max {:.1} ms",
        count_latencies.len(),
        percentile(&count_latencies, 0.5).as_secs_f64() * 1e3,
        count_latencies
            .last()
            .copied()
            .unwrap_or_default()
            .as_secs_f64()
            * 1e3
    );
    println!(
        "  resident memory (server + simulated phones): {:.1} MB before the answers, {:.1} MB after (+{:.1} MB)",
        memory_before as f64 / 1024.0,
        memory_after as f64 / 1024.0,
        memory_after.saturating_sub(memory_before) as f64 / 1024.0
    );
    println!(
        "  participant page, first load: {:.1} KB gzip-compressed ({:.1} KB uncompressed)",
        first_load_compressed as f64 / 1024.0,
        first_load_plain as f64 / 1024.0
    );
    if let Ok(session) = Arc::try_unwrap(session) {
        session.stop().await;
    }
}
