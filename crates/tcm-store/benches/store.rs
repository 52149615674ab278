//! Storage benchmarks, as a bench binary that prints percentiles (`cargo bench -p tcm-store`):
//! - save one answer (each save a committed transaction, in WAL with synchronous=NORMAL: not
//!   synced to the disk one by one, see ARCHITECTURE.md "Durability"): p99 ≤ 5 ms;
//! - open a database holding 10,000 assessments and list them: ≤ 50 ms;
//! - import 1,000 respondents × 92 answers from a CSV file: ≤ 1 s;
//! - save one answer in a workshop of 40 respondents who answered all 92 questions (the
//!   summary refreshed from per-question counts, not by rescoring 3,680 answers): p99 ≤ 2 ms;
//! - import 40,000 respondents of one answer each (linear in respondents): reported.

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use tcm_core::{
    Answer, Assessment, AssessmentStatus, Language, Level, Mode, Organisation, Questionnaire,
    RespondentProfile, Sector, Targets,
};
use tcm_store::{NewAssessment, Store};

const GRID: &str = include_str!("../../../questionnaires/tcm-92.toml");

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .expect("date")
}

fn assessment(title: String) -> Assessment {
    Assessment {
        title,
        mode: Mode::Workshop,
        language: Language::French,
        targets: Targets::default(),
        status: AssessmentStatus::InProgress,
    }
}

fn percentile(sorted: &[Duration], fraction: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * fraction).round() as usize;
    sorted[index]
}

fn report(name: &str, mut samples: Vec<Duration>, goal: &str) {
    samples.sort();
    println!(
        "{name}: n={} min {:.2?} p50 {:.2?} p95 {:.2?} p99 {:.2?} max {:.2?}  (goal: {goal})",
        samples.len(),
        samples[0],
        percentile(&samples, 0.50),
        percentile(&samples, 0.95),
        percentile(&samples, 0.99),
        samples[samples.len() - 1]
    );
}

fn save_one_answer(grid: &Questionnaire, dir: &std::path::Path) {
    let (mut store, id) = fresh(grid, &dir.join("save.sqlite"));
    // A workshop of 8 respondents, the one answering has the whole grid to go through.
    let respondents: Vec<_> = (0..8)
        .map(|n| {
            store
                .add_respondent(
                    id,
                    &RespondentProfile {
                        label: format!("P{n}"),
                        role: String::new(),
                        group: String::new(),
                    },
                    now(),
                )
                .expect("respondent")
        })
        .collect();
    let mut samples = Vec::new();
    for round in 0..3 {
        for (index, question) in grid.questions().iter().enumerate() {
            for respondent in &respondents {
                let answer = Answer::Level(Level::new(((index + round) % 5) as u8).expect("level"));
                let start = Instant::now();
                store
                    .save_answer(
                        *respondent,
                        question.id.as_str(),
                        answer,
                        Some("commentaire"),
                        now(),
                    )
                    .expect("saved");
                samples.push(start.elapsed());
            }
        }
    }
    report(
        "save one answer durably (8 respondents × 92 questions, 3 rounds)",
        samples,
        "p99 ≤ 5 ms",
    );
}

fn open_and_list(grid: &Questionnaire, dir: &std::path::Path) {
    let path = dir.join("many.sqlite");
    {
        let mut store = Store::open(&path, now()).expect("opens");
        let organisations: Vec<_> = (0..500)
            .map(|n| {
                store
                    .create_organisation(
                        &Organisation {
                            name: format!("Entreprise {n}"),
                            sector: Sector::Retail,
                            size: None,
                            notes: String::new(),
                        },
                        now(),
                    )
                    .expect("organisation")
            })
            .collect();
        for n in 0..10_000 {
            store
                .create_assessment(
                    &NewAssessment {
                        organisation: organisations[n % organisations.len()],
                        questionnaire: grid,
                        assessment: assessment(format!("Audit {n}")),
                    },
                    now() + chrono::Duration::seconds(n as i64),
                )
                .expect("assessment");
        }
    }
    let mut samples = Vec::new();
    let mut listed = 0;
    for _ in 0..30 {
        let start = Instant::now();
        let store = Store::open(&path, now()).expect("opens");
        listed = store.list_assessments().expect("lists").len();
        samples.push(start.elapsed());
    }
    assert_eq!(listed, 10_000);
    report(
        "open a database of 10,000 assessments and list them",
        samples,
        "≤ 50 ms",
    );
}

fn import_csv(grid: &Questionnaire, dir: &std::path::Path) {
    let mut csv = String::from("respondent;question;answer;comment\n");
    for respondent in 0..1000 {
        for (index, question) in grid.questions().iter().enumerate() {
            let answer = ["0", "1", "2", "3", "4", "NA", "?"][(respondent + index) % 7];
            csv.push_str(&format!(
                "Étudiant {respondent:04};{};{answer};\n",
                question.id
            ));
        }
    }
    let mut samples = Vec::new();
    for round in 0..5 {
        let (mut store, id) = fresh(grid, &dir.join(format!("import-{round}.sqlite")));
        let start = Instant::now();
        let sheet = tcm_interchange::read_answers_csv(csv.as_bytes(), grid).expect("valid CSV");
        let outcome = store
            .import_responses(id, &[], &sheet, now())
            .expect("imported");
        samples.push(start.elapsed());
        assert_eq!(outcome.answers_written, 92_000);
    }
    report(
        "import 1,000 respondents × 92 answers from CSV (parse + write)",
        samples,
        "≤ 1 s",
    );
}

/// A new database with one assessment of the grid; returns the store and the assessment.
fn fresh(grid: &Questionnaire, path: &std::path::Path) -> (Store, tcm_store::AssessmentId) {
    let mut store = Store::open(path, now()).expect("opens");
    let organisation = store
        .create_organisation(
            &Organisation {
                name: "Atelier".into(),
                sector: Sector::Industry,
                size: None,
                notes: String::new(),
            },
            now(),
        )
        .expect("organisation");
    let id = store
        .create_assessment(
            &NewAssessment {
                organisation,
                questionnaire: grid,
                assessment: assessment("Atelier".into()),
            },
            now(),
        )
        .expect("assessment");
    (store, id)
}

fn save_in_a_large_workshop(grid: &Questionnaire, dir: &std::path::Path) {
    let (mut store, id) = fresh(grid, &dir.join("workshop-40.sqlite"));
    let mut sheet = tcm_core::AnswerSheet::new();
    for respondent in 0..40 {
        for (index, question) in grid.questions().iter().enumerate() {
            let level = Level::new(((respondent + index) % 5) as u8).expect("level");
            sheet
                .record(
                    tcm_core::Respondent::new(format!("Manager {respondent:02}")),
                    question.id.clone(),
                    tcm_core::Response {
                        answer: Answer::Level(level),
                        comment: None,
                    },
                )
                .expect("one answer each");
        }
    }
    store
        .import_responses(id, &[], &sheet, now())
        .expect("40 × 92 imported");
    let respondents = store.list_respondents(id).expect("respondents");
    assert_eq!(respondents.len(), 40);
    let mut samples = Vec::new();
    for round in 0..500usize {
        let respondent = respondents[(round * 7) % respondents.len()].id;
        let question = &grid.questions()[(round * 13) % grid.questions().len()];
        let answer = Answer::Level(Level::new((round % 5) as u8).expect("level"));
        let start = Instant::now();
        store
            .save_answer(respondent, question.id.as_str(), answer, None, now())
            .expect("saved");
        samples.push(start.elapsed());
    }
    report(
        "save one answer, workshop of 40 respondents × 92 answers (summary from counts)",
        samples,
        "p99 ≤ 2 ms",
    );
}

fn import_many_respondents(grid: &Questionnaire, dir: &std::path::Path) {
    let question = grid.questions()[0].id.as_str();
    let mut samples = Vec::new();
    for respondents in [10_000, 40_000] {
        let mut csv = String::from("respondent;question;answer\n");
        for respondent in 0..respondents {
            csv.push_str(&format!("Répondant {respondent:05};{question};3\n"));
        }
        let (mut store, id) = fresh(grid, &dir.join(format!("many-{respondents}.sqlite")));
        let sheet = tcm_interchange::read_answers_csv(csv.as_bytes(), grid).expect("valid CSV");
        let start = Instant::now();
        let outcome = store
            .import_responses(id, &[], &sheet, now())
            .expect("imported");
        let elapsed = start.elapsed();
        assert_eq!(outcome.respondents_added, respondents);
        println!("import {respondents} respondents of one answer each: {elapsed:.2?}");
        samples.push(elapsed);
    }
    println!(
        "  40,000 / 10,000 time ratio: {:.1} (4 for linear cost)",
        samples[1].as_secs_f64() / samples[0].as_secs_f64()
    );
}

fn main() {
    // `cargo test --benches` runs bench binaries with no `--bench` flag: do nothing then.
    if !std::env::args().any(|argument| argument == "--bench") {
        return;
    }
    let grid = Questionnaire::from_toml(GRID, "tcm-92.toml").expect("valid grid");
    let dir = tempfile::tempdir().expect("temp dir");
    save_one_answer(&grid, dir.path());
    open_and_list(&grid, dir.path());
    import_csv(&grid, dir.path());
    save_in_a_large_workshop(&grid, dir.path());
    import_many_respondents(&grid, dir.path());
}
