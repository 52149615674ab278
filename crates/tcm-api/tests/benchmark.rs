//! The private benchmark through the handlers: the client placed among the database's other
//! clients (one audit each, never its own), nothing under five audits, a folder of `.tcm`
//! files added (copies of audits already here counted once, unreadable files counted apart),
//! and the report's section.

use tcm_api::transfer::{
    BenchmarkFileRefusal, BenchmarkFilter, BenchmarkFolderIssue, BenchmarkPosition, ExportView,
    NewAssessmentInput, OrganisationInput, StageId,
};
use tcm_api::transfers::{self, ExportKind};
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
    let view = benchmark::benchmark(&workbench, workshop, BenchmarkFilter::MostSpecific, "fr")
        .expect("benchmark");
    assert!(
        view.figures.is_empty() && view.filters.is_empty(),
        "{view:?}"
    );

    // A fifth client, and a second, later audit of client 0: still five clients.
    audit(&workbench, "Client 4", "industry", 2, 4);
    audit(&workbench, "CLIENT 0", "industry", 3, 4);
    let view = benchmark::benchmark(&workbench, workshop, BenchmarkFilter::MostSpecific, "fr")
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
    let view =
        benchmark::benchmark(&workbench, workshop, BenchmarkFilter::All, "en").expect("benchmark");
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

    let without = benchmark::benchmark(&workbench, workshop, BenchmarkFilter::MostSpecific, "fr")
        .expect("benchmark");
    assert!(without.figures.is_empty(), "one client in the database");
    benchmark::set_benchmark_folder(&workbench, Some(&folder)).expect("folder remembered");
    let view = benchmark::benchmark(&workbench, workshop, BenchmarkFilter::MostSpecific, "fr")
        .expect("benchmark");
    assert_eq!((view.files_read, view.files_refused), (4, 1));
    assert_eq!(view.refused.len(), 1);
    assert_eq!(view.refused[0].file, "damaged.tcm");
    assert_eq!(view.refused[0].reason, BenchmarkFileRefusal::NotAnAudit);
    assert_eq!(view.folder_problem, None);
    assert_eq!(view.figures.len(), 6);
    assert!(view.figures.iter().all(|figure| figure.count == 5));
    assert_eq!(view.folder.as_deref(), folder.to_str());

    // A folder that does not exist is refused when chosen, naming it; the one remembered
    // stays.
    let error = benchmark::set_benchmark_folder(&workbench, Some(&dir.path().join("nowhere")))
        .expect_err("no folder");
    assert!(error.message.contains("nowhere"), "{}", error.message);
    let view = benchmark::benchmark(&workbench, workshop, BenchmarkFilter::MostSpecific, "fr")
        .expect("benchmark");
    assert_eq!(view.folder.as_deref(), folder.to_str());
}

#[test]
fn the_chosen_folder_is_remembered_in_the_database_and_used_by_the_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("Clients passés « 2026 »");
    std::fs::create_dir(&folder).expect("folder");
    let other_dir = tempfile::tempdir().expect("temp dir");
    let other = workbench_at(&other_dir);
    for n in 0..5 {
        let id = audit(&other, &format!("Ailleurs {n}"), "industry", 3, n % 5);
        let bytes = other
            .with_store(|store, now| files::export_tcm(store, AssessmentId(id), now))
            .expect("export");
        std::fs::write(folder.join(format!("ailleurs-{n}.tcm")), bytes).expect("written");
    }
    let workshop = {
        let workbench = workbench(&dir);
        let workshop = demo(&workbench);
        benchmark::set_benchmark_folder(&workbench, Some(&folder)).expect("remembered");
        workshop
    };

    // The app started again on the same file: the folder is still there, and used.
    let workbench = workbench(&dir);
    let view = benchmark::benchmark(&workbench, workshop, BenchmarkFilter::MostSpecific, "fr")
        .expect("benchmark");
    assert_eq!(view.folder.as_deref(), folder.to_str());
    assert_eq!(view.files_read, 5);
    assert_eq!(view.figures.len(), 6, "five stages and the index");
    let report_text = |workbench: &Workbench| {
        let pdf = workbench
            .with_store(|store, _| {
                reports::report_pdf(store, AssessmentId(workshop), None, clock().date_naive())
            })
            .expect("the report never fails for its folder");
        pdf_text(dir.path(), &pdf)
    };
    if let Some(text) = report_text(&workbench) {
        assert!(
            text.contains("Parmi vos clients"),
            "the folder's audits are in the report"
        );
        assert!(text.contains("de vos 5 audits du secteur Industrie"));
    }
    let docx = workbench
        .with_store(|store, _| {
            reports::report_docx(store, AssessmentId(workshop), None, clock().date_naive())
        })
        .expect("Word report");
    assert!(
        docx_text(&docx).contains("Parmi vos clients"),
        "the Word report has the section too"
    );

    // The folder moved away: said, the benchmark and the report go on without it.
    let moved = dir.path().join("ailleurs");
    std::fs::rename(&folder, &moved).expect("moved");
    let view = benchmark::benchmark(&workbench, workshop, BenchmarkFilter::MostSpecific, "en")
        .expect("benchmark without its folder");
    let problem = view
        .folder_problem
        .as_ref()
        .expect("the folder is said to be gone");
    assert_eq!(problem.issue, BenchmarkFolderIssue::Missing);
    assert!(
        problem.message.contains("Clients passés « 2026 »"),
        "{}",
        problem.message
    );
    assert!(
        view.figures.is_empty(),
        "the database alone has too few clients"
    );
    assert_eq!(view.folder.as_deref(), folder.to_str(), "still remembered");
    if let Some(text) = report_text(&workbench) {
        assert!(!text.contains("Parmi vos clients"));
    }
    // The exports to a file say so, so the export screen can tell the user; the report is
    // still written.
    let pdf = dir.path().join("export.pdf");
    let told = reports::export_report(&workbench, workshop, "fr", &pdf).expect("written");
    assert_eq!(
        told.benchmark_folder_problem.map(|problem| problem.issue),
        Some(BenchmarkFolderIssue::Missing)
    );
    assert_eq!(told.benchmark_folder.as_deref(), folder.to_str());
    assert!(pdf.exists());
    let docx = dir.path().join("export.docx");
    let told = transfers::export(&workbench, workshop, ExportKind::Docx, &docx).expect("written");
    assert_eq!(
        told.benchmark_folder_problem.map(|problem| problem.issue),
        Some(BenchmarkFolderIssue::Missing)
    );
    assert!(docx.exists());
    let told = transfers::export(
        &workbench,
        workshop,
        ExportKind::Xlsx,
        &dir.path().join("export.xlsx"),
    )
    .expect("written");
    assert_eq!(told, ExportView::default(), "no report, no folder read");

    // A file where the folder was: said as well.
    std::fs::write(&folder, b"not a folder").expect("file");
    let view = benchmark::benchmark(&workbench, workshop, BenchmarkFilter::MostSpecific, "fr")
        .expect("benchmark");
    assert_eq!(
        view.folder_problem.map(|problem| problem.issue),
        Some(BenchmarkFolderIssue::NotAFolder)
    );

    // Forgotten: no folder, no problem.
    benchmark::set_benchmark_folder(&workbench, None).expect("forgotten");
    let view = benchmark::benchmark(&workbench, workshop, BenchmarkFilter::MostSpecific, "fr")
        .expect("benchmark");
    assert_eq!((view.folder, view.folder_problem), (None, None));
    let told = reports::export_report(&workbench, workshop, "fr", &pdf).expect("written");
    assert_eq!(told, ExportView::default(), "no folder, nothing to say");
}

#[test]
fn a_readable_folder_is_not_reported_by_the_exports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let workshop = demo(&workbench);
    let folder = dir.path().join("vide");
    std::fs::create_dir(&folder).expect("folder");
    benchmark::set_benchmark_folder(&workbench, Some(&folder)).expect("remembered");
    let told = reports::export_report(&workbench, workshop, "en", &dir.path().join("r.pdf"))
        .expect("written");
    assert_eq!(told, ExportView::default());
    let told = transfers::export(
        &workbench,
        workshop,
        ExportKind::Docx,
        &dir.path().join("r.docx"),
    )
    .expect("written");
    assert_eq!(told, ExportView::default());
}

/// The PDF's text, words separated by one space; `None` when pdftotext is not installed.
fn pdf_text(dir: &std::path::Path, pdf: &[u8]) -> Option<String> {
    let path = dir.join("rapport.pdf");
    std::fs::write(&path, pdf).expect("written");
    match std::process::Command::new("pdftotext")
        .args([path.to_str().expect("path"), "-"])
        .output()
    {
        Ok(output) => Some(
            String::from_utf8_lossy(&output.stdout)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        ),
        Err(error) => {
            eprintln!("pdftotext is not installed ({error}): the PDF is not read back");
            None
        }
    }
}

/// The text of a Word document's body (its XML, tags left in).
fn docx_text(docx: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").expect("document.xml"),
        &mut xml,
    )
    .expect("UTF-8");
    xml
}

fn workbench_at(dir: &tempfile::TempDir) -> Workbench {
    Workbench::start(dir.path().join("other.sqlite"), clock)
}

#[test]
fn a_folder_of_broken_files_is_read_with_each_refusal_and_its_reason() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let workshop = demo(&workbench);
    let folder = dir.path().join("hostile");
    std::fs::create_dir(&folder).expect("folder");
    let other_dir = tempfile::tempdir().expect("temp dir");
    let other = workbench_at(&other_dir);
    for n in 0..5 {
        let id = audit(&other, &format!("Sain {n}"), "industry", 2, n % 5);
        let bytes = other
            .with_store(|store, now| files::export_tcm(store, AssessmentId(id), now))
            .expect("export");
        std::fs::write(folder.join(format!("sain-{n}.tcm")), bytes).expect("written");
    }
    // Larger than a .tcm may be (sparse: nothing is written to disk).
    let huge = std::fs::File::create(folder.join("huge.tcm")).expect("huge");
    huge.set_len(65 * 1024 * 1024).expect("sized");
    // A zip bomb's head renamed to .tcm: a ZIP is not a .tcm file, never inflated.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "bomb.json",
        zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated),
    )
    .expect("entry");
    for _ in 0..1024 {
        zip.write_all(&[b' '; 64 * 1024]).expect("zeros");
    }
    let bomb = zip.finish().expect("zip").into_inner();
    assert!(
        bomb.len() < 1024 * 1024,
        "64 MiB deflated to {} bytes",
        bomb.len()
    );
    std::fs::write(folder.join("bomb.tcm"), bomb).expect("bomb");
    std::fs::write(folder.join("binary.TCM"), [0xff, 0xfe, 0, 159, 146, 150]).expect("binary");
    std::fs::write(folder.join("deep.tcm"), "[".repeat(100_000)).expect("deep");
    std::fs::write(
        folder.join("newer.tcm"),
        r#"{"format": "tcm-workbench/assessment", "format_version": 99}"#,
    )
    .expect("newer");
    std::fs::create_dir(folder.join("a folder.tcm")).expect("a folder named .tcm");
    #[cfg(unix)]
    {
        // A pipe named .tcm: opening it would wait forever for a writer.
        let status = std::process::Command::new("mkfifo")
            .arg(folder.join("pipe.tcm"))
            .status();
        assert!(status.is_ok_and(|status| status.success()), "mkfifo");
    }
    std::fs::write(folder.join("lisez-moi.txt"), "pas un audit").expect("not a .tcm");
    benchmark::set_benchmark_folder(&workbench, Some(&folder)).expect("remembered");

    let view = benchmark::benchmark(&workbench, workshop, BenchmarkFilter::MostSpecific, "fr")
        .expect("a broken folder never fails the benchmark");
    assert_eq!(view.files_read, 5);
    assert_eq!(view.figures.len(), 6, "the sound files make the benchmark");
    let refused: Vec<(&str, BenchmarkFileRefusal)> = view
        .refused
        .iter()
        .map(|file| (file.file.as_str(), file.reason))
        .collect();
    let mut expected = vec![
        ("a folder.tcm", BenchmarkFileRefusal::NotAFile),
        ("binary.TCM", BenchmarkFileRefusal::NotAnAudit),
        ("bomb.tcm", BenchmarkFileRefusal::NotAnAudit),
        ("deep.tcm", BenchmarkFileRefusal::NotAnAudit),
        ("huge.tcm", BenchmarkFileRefusal::TooLarge),
        ("newer.tcm", BenchmarkFileRefusal::NotAnAudit),
    ];
    if cfg!(unix) {
        expected.push(("pipe.tcm", BenchmarkFileRefusal::NotAFile));
    }
    assert_eq!(refused, expected);
    assert_eq!(view.files_refused as usize, expected.len());
    assert!(
        view.refused
            .iter()
            .all(|file| file.message.starts_with(&format!("{}: ", file.file))),
        "{:?}",
        view.refused
    );
    assert!(
        view.refused[4].message.contains("64 MiB"),
        "{}",
        view.refused[4].message
    );
}

#[test]
fn reading_the_folder_reports_each_file_and_stops_when_cancelled() {
    use std::sync::{Arc, Mutex};
    use tcm_api::operation::{Cancel, Progress};
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let workshop = demo(&workbench);
    let folder = dir.path().join("audits");
    std::fs::create_dir(&folder).expect("folder");
    for n in 0..12 {
        std::fs::write(folder.join(format!("{n:02}.tcm")), b"{}").expect("written");
    }
    benchmark::set_benchmark_folder(&workbench, Some(&folder)).expect("remembered");

    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    let progress = Progress::new(Cancel::new(), move |view| {
        sink.lock().expect("sink").push((view.done, view.total));
    });
    let view = benchmark::benchmark_watched(
        &workbench,
        workshop,
        BenchmarkFilter::MostSpecific,
        "fr",
        &progress,
    )
    .expect("benchmark");
    assert_eq!(view.files_refused, 12);
    let seen = seen.lock().expect("seen").clone();
    assert_eq!(seen.last(), Some(&(12, 12)), "{seen:?}");
    assert!(seen.contains(&(6, 12)), "each file is reported: {seen:?}");

    // Cancelled: the call says so.
    let cancel = Cancel::new();
    let stopper = cancel.clone();
    let progress = Progress::new(cancel, move |view| {
        if view.done == 3 {
            stopper.cancel();
        }
    });
    let error = benchmark::benchmark_watched(
        &workbench,
        workshop,
        BenchmarkFilter::MostSpecific,
        "fr",
        &progress,
    )
    .expect_err("cancelled");
    assert_eq!(error.kind, tcm_api::ErrorKind::Cancelled);
}
