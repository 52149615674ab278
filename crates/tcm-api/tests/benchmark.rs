//! The private benchmark through the handlers: the client placed among the database's other
//! clients (one audit each, never its own), nothing under five audits, a folder of `.tcm`
//! files added (copies of audits already here counted once, unreadable files counted apart),
//! and the report's section.

use tcm_api::transfer::{
    BenchmarkFilter, BenchmarkPosition, NewAssessmentInput, OrganisationInput, StageId,
};
use tcm_api::{Workbench, assessments, benchmark, files, reports, results};
use tcm_core::{Answer, AnswerSheet, Level, Respondent, RespondentProfile, Response};
use tcm_store::AssessmentId;
#[path = "support/workbench.rs"]
mod support_workbench;
use support_workbench::{clock, wire, workbench};

/// An audit of `client` whose one respondent answers every question at `level`, except the
/// proactive ones, answered at `proactive`.
fn audit(workbench: &Workbench, client: &str, sector: &str, level: u8, proactive: u8) -> i64 {
    let id = assessments::create_assessment(
        workbench,
        &NewAssessmentInput {
            organisation: OrganisationInput::New {
                name: client.to_owned(),
                sector: wire(sector),
                size: Some(wire("large")),
                notes: String::new(),
            },
            title: format!("Audit {client}"),
            mode: wire("self"),
            language: wire("fr"),
            questionnaire_id: "tcm-92".to_owned(),
            targets: vec![4, 4, 4, 4, 4],
            first_respondent: None,
        },
    )
    .unwrap_or_else(|error| panic!("{client}: {error:?}"));
    workbench
        .with_store(|store, now| {
            let questionnaire = store.questionnaire(AssessmentId(id))?;
            let mut sheet = AnswerSheet::new();
            for question in questionnaire.questions() {
                let value = if question.stage == tcm_core::StageId::Proactive {
                    proactive
                } else {
                    level
                };
                sheet.set(
                    Respondent::new("Direction"),
                    question.id.clone(),
                    Response {
                        answer: Answer::Level(Level::new(value).expect("0–4")),
                        comment: None,
                    },
                );
            }
            let profile = RespondentProfile {
                label: "Direction".to_owned(),
                role: String::new(),
                group: String::new(),
            };
            store.import_responses(AssessmentId(id), &[profile], &sheet, now)?;
            Ok(())
        })
        .expect("answers");
    id
}

/// The demo's workshop; the demo company is industrial.
fn demo(workbench: &Workbench) -> i64 {
    reports::open_demo(workbench).expect("demo")
}

#[test]
fn the_client_is_placed_among_its_peers_one_audit_each_never_its_own() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let workshop = demo(&workbench);
    // Four industrial clients: nothing at all, not even a count.
    for n in 0..4 {
        audit(&workbench, &format!("Client {n}"), "industry", 2, n);
    }
    let view = benchmark::benchmark(
        &workbench,
        workshop,
        BenchmarkFilter::MostSpecific,
        None,
        "fr",
    )
    .expect("benchmark");
    assert!(
        view.figures.is_empty() && view.filters.is_empty(),
        "{view:?}"
    );

    // A fifth client, and a second, later audit of client 0: still five clients.
    audit(&workbench, "Client 4", "industry", 2, 4);
    audit(&workbench, "CLIENT 0", "industry", 3, 4);
    let view = benchmark::benchmark(
        &workbench,
        workshop,
        BenchmarkFilter::MostSpecific,
        None,
        "fr",
    )
    .expect("benchmark");
    assert_eq!(view.figures.len(), 6, "five stages and the index");
    assert!(view.figures.iter().all(|figure| figure.count == 5));
    let proactive = &view.figures[4];
    assert_eq!(proactive.stage, Some(StageId::Proactive));
    // Proactive levels 4 (client 0's latest), 1, 2, 3, 4: in scores 100, 25, 50, 75, 100.
    assert_eq!(
        (proactive.first, proactive.median, proactive.third),
        (50.0, 75.0, 100.0)
    );
    // The client's own figures are the results screen's.
    let shown = results::assessment_results(&workbench, workshop, "fr").expect("results");
    for (index, figure) in view.figures.iter().take(5).enumerate() {
        assert_eq!(
            figure.client, shown.stages[index].score,
            "{:?}",
            figure.stage
        );
    }
    assert_eq!(view.figures[5].client, shown.overall);
    assert_eq!(proactive.position, Some(BenchmarkPosition::LowerQuartile));
    assert!(
        proactive.sentence.starts_with(
            "Proactive\u{a0}: quartile inférieur de vos 5 audits du secteur Industrie"
        ),
        "{}",
        proactive.sentence
    );

    // Other sectors widen "all" but not the sector cell.
    for n in 0..3 {
        audit(&workbench, &format!("Shop {n}"), "retail", 1, 1);
    }
    let view = benchmark::benchmark(&workbench, workshop, BenchmarkFilter::All, None, "en")
        .expect("benchmark");
    assert!(view.figures.iter().all(|figure| figure.count == 8));
    let filters: Vec<(BenchmarkFilter, u32)> = view
        .filters
        .iter()
        .map(|option| (option.filter, option.count))
        .collect();
    assert!(
        filters.contains(&(BenchmarkFilter::Sector, 5)),
        "{filters:?}"
    );
    assert!(filters.contains(&(BenchmarkFilter::All, 8)), "{filters:?}");
    assert!(view.figures[0].sentence.contains("of your 8 audits"));

    // The report's section says the same.
    let pdf = workbench
        .with_store(|store, _| {
            reports::report_pdf(store, AssessmentId(workshop), None, clock().date_naive())
        })
        .expect("report");
    let path = dir.path().join("rapport.pdf");
    std::fs::write(&path, pdf).expect("written");
    let text = std::process::Command::new("pdftotext")
        .args([path.to_str().expect("path"), "-"])
        .output()
        .map(|output| String::from_utf8_lossy(&output.stdout).into_owned());
    match text {
        Ok(text) => {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(text.contains("Parmi vos clients"), "no benchmark section");
            assert!(text.contains("quartile inférieur de vos 5 audits du secteur Industrie"));
        }
        Err(error) => eprintln!("pdftotext is not installed ({error}): the PDF is not read back"),
    }
}

#[test]
fn a_folder_of_tcm_files_adds_audits_counted_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let workshop = demo(&workbench);
    let here = audit(&workbench, "Client here", "industry", 2, 2);

    // Another consultant's database: four clients, exported as files, plus a copy of the
    // audit already here and a damaged file.
    let other_dir = tempfile::tempdir().expect("temp dir");
    let other = workbench_at(&other_dir);
    let folder = dir.path().join("past audits");
    std::fs::create_dir(&folder).expect("folder");
    for n in 0..4 {
        let id = audit(&other, &format!("Elsewhere {n}"), "industry", 3, n);
        let bytes = other
            .with_store(|store, now| files::export_tcm(store, AssessmentId(id), now))
            .expect("export");
        std::fs::write(folder.join(format!("elsewhere-{n}.tcm")), bytes).expect("written");
    }
    let copy = workbench
        .with_store(|store, now| files::export_tcm(store, AssessmentId(here), now))
        .expect("export");
    std::fs::write(folder.join("copy.tcm"), copy).expect("written");
    std::fs::write(folder.join("damaged.tcm"), b"{\"format\": 1, ").expect("written");
    std::fs::write(folder.join("notes.txt"), b"not an audit").expect("written");

    let without = benchmark::benchmark(
        &workbench,
        workshop,
        BenchmarkFilter::MostSpecific,
        None,
        "fr",
    )
    .expect("benchmark");
    assert!(without.figures.is_empty(), "one client in the database");
    let view = benchmark::benchmark(
        &workbench,
        workshop,
        BenchmarkFilter::MostSpecific,
        Some(&folder),
        "fr",
    )
    .expect("benchmark");
    assert_eq!((view.files_read, view.files_refused), (4, 1));
    assert_eq!(view.figures.len(), 6);
    assert!(view.figures.iter().all(|figure| figure.count == 5));
    assert_eq!(view.folder.as_deref(), folder.to_str());

    // A missing folder is an error that names it.
    let error = benchmark::benchmark(
        &workbench,
        workshop,
        BenchmarkFilter::MostSpecific,
        Some(&dir.path().join("nowhere")),
        "fr",
    )
    .expect_err("no folder");
    assert!(error.message.contains("nowhere"), "{}", error.message);
}

fn workbench_at(dir: &tempfile::TempDir) -> Workbench {
    Workbench::start(dir.path().join("other.sqlite"), clock)
}
