//! Storage benchmarks, as a bench binary that prints percentiles (`cargo bench -p tcm-store`):
//! - save one answer durably (each save is a committed, fsynced transaction): p99 ≤ 5 ms;
//! - open a database holding 10,000 assessments and list them: ≤ 50 ms;
//! - import 1,000 respondents × 92 answers from a CSV file: ≤ 1 s.

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
    let path = dir.join("save.sqlite");
    let mut store = Store::open(&path, now()).expect("opens");
    let organisation = store
        .create_organisation(
            &Organisation {
                name: "Bench".into(),
                sector: Sector::Services,
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
                assessment: assessment("Bench".into()),
            },
            now(),
        )
        .expect("assessment");
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
        let path = dir.join(format!("import-{round}.sqlite"));
        let mut store = Store::open(&path, now()).expect("opens");
        let organisation = store
            .create_organisation(
                &Organisation {
                    name: "École".into(),
                    sector: Sector::Association,
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
                    assessment: assessment("Classe".into()),
                },
                now(),
            )
            .expect("assessment");
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
}
