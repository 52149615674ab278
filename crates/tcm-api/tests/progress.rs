//! Long operations report how far they are and can be cancelled: a cancelled import leaves
//! the database exactly as it was, a cancelled backup leaves no file, a cancelled restore
//! leaves the database as it was; reports go forward and reach their total.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, TimeZone, Utc};
use tcm_api::operation::{Cancel, Progress};
use tcm_api::transfer::{ImportOutcome, OperationStep, ProgressView};
use tcm_api::transfers::{self, ExportKind};
use tcm_api::{ErrorKind, Workbench, assessments, files, reports, settings};

fn clock() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 21, 0, 0)
        .single()
        .expect("date")
}

/// Everything the database holds that a user sees: the list, and each assessment's whole
/// content as its `.tcm` file (respondents, answers with their times, consensus, actions,
/// finalised scores), at a fixed time.
fn snapshot(workbench: &Workbench) -> (Vec<tcm_api::transfer::AssessmentListItem>, Vec<Vec<u8>>) {
    let list = assessments::list_assessments(workbench).expect("list");
    let contents = list
        .iter()
        .map(|item| {
            workbench
                .with_store(|store, now| {
                    files::export_tcm(store, tcm_store::AssessmentId(item.id), now)
                })
                .expect("exported")
        })
        .collect();
    (list, contents)
}

/// A long-format answers file: `respondents` new people answering every question.
fn large_csv(workbench: &Workbench, assessment: i64, who: &str, respondents: usize) -> String {
    let questions: Vec<String> = assessments::assessment_questionnaire(workbench, assessment)
        .expect("questionnaire")
        .stages
        .iter()
        .flat_map(|stage| stage.themes.iter())
        .flat_map(|theme| theme.questions.iter())
        .map(|question| question.id.clone())
        .collect();
    assert_eq!(questions.len(), 92);
    let mut csv = String::from("respondent;question;answer\n");
    for person in 0..respondents {
        for (index, question) in questions.iter().enumerate() {
            csv.push_str(&format!(
                "{who} {person:03};{question};{}\n",
                (person + index) % 5
            ));
        }
    }
    csv
}

/// A progress whose reports are recorded and which cancels itself once `cancel_at` says so.
fn recording(
    cancel_at: impl Fn(&ProgressView) -> bool + Send + Sync + 'static,
) -> (Progress, Arc<Mutex<Vec<ProgressView>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    let cancel = Cancel::new();
    let token = cancel.clone();
    let progress = Progress::new(cancel, move |view| {
        sink.lock().expect("reports").push(view);
        if cancel_at(&view) {
            token.cancel();
        }
    });
    (progress, seen)
}

/// Steps come in order, each step's count never goes back, and the last writing report
/// reaches its total.
fn assert_monotonic_to_total(seen: &[ProgressView]) {
    assert!(!seen.is_empty());
    for pair in seen.windows(2) {
        let (before, after) = (pair[0], pair[1]);
        assert!(
            after.step > before.step || (after.step == before.step && after.done >= before.done),
            "{before:?} then {after:?}"
        );
        assert!(after.done <= after.total || after.total == 0, "{after:?}");
    }
    let last = seen
        .iter()
        .rev()
        .find(|view| view.step == OperationStep::Writing)
        .expect("answers written");
    assert!(last.total > 0 && last.done == last.total, "{last:?}");
}

#[test]
fn a_response_import_reports_forward_and_a_cancelled_one_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = Workbench::start(dir.path().join("tcm.sqlite"), clock);
    let demo = reports::open_demo(&workbench).expect("demo");
    let csv = dir.path().join("class.csv");
    std::fs::write(&csv, large_csv(&workbench, demo, "Participant", 40)).expect("written");
    let before = snapshot(&workbench);

    let (progress, seen) = recording(|view| {
        view.step == OperationStep::Writing && view.done >= view.total / 2 && view.done > 0
    });
    let error = transfers::import_responses_watched(&workbench, demo, &csv, &progress)
        .expect_err("cancelled");
    assert_eq!(error.kind, ErrorKind::Cancelled, "{}", error.message);
    assert!(
        seen.lock()
            .expect("reports")
            .iter()
            .any(|view| view.step == OperationStep::Writing && view.done > 0),
        "cancelled while writing, not before"
    );
    assert_eq!(
        snapshot(&workbench),
        before,
        "the database is exactly as before"
    );

    let (progress, seen) = recording(|_| false);
    let view =
        transfers::import_responses_watched(&workbench, demo, &csv, &progress).expect("imported");
    assert_eq!(
        (view.respondents_added, view.answers_written),
        (40, 40 * 92)
    );
    let seen = seen.lock().expect("reports");
    assert_monotonic_to_total(&seen);
    assert_eq!(
        seen.first().map(|view| view.step),
        Some(OperationStep::Reading)
    );
    assert!(seen.len() < 300, "{} reports for 3,680 answers", seen.len());
}

#[test]
fn a_cancelled_tcm_import_adds_nothing_and_a_finished_one_reports_every_answer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = Workbench::start(dir.path().join("source.sqlite"), clock);
    let demo = reports::open_demo(&source).expect("demo");
    let file = dir.path().join("demo.tcm");
    transfers::export(&source, demo, ExportKind::Tcm, &file).expect("exported");

    let workbench = Workbench::start(dir.path().join("tcm.sqlite"), clock);
    let before = snapshot(&workbench);
    let (progress, _) = recording(|view| view.step == OperationStep::Writing && view.done > 0);
    let error =
        transfers::import_tcm_watched(&workbench, &file, None, &progress).expect_err("cancelled");
    assert_eq!(error.kind, ErrorKind::Cancelled, "{}", error.message);
    assert_eq!(snapshot(&workbench), before);

    let (progress, seen) = recording(|_| false);
    let view = transfers::import_tcm_watched(&workbench, &file, None, &progress).expect("imported");
    assert_eq!(view.outcome, ImportOutcome::Created);
    assert_monotonic_to_total(&seen.lock().expect("reports"));
}

#[test]
fn a_cancelled_backup_leaves_no_file_and_a_cancelled_restore_leaves_the_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = Workbench::start(dir.path().join("tcm.sqlite"), clock);
    let demo = reports::open_demo(&workbench).expect("demo");
    // A database of some 2 MB, so that copies take many steps.
    let csv = dir.path().join("class.csv");
    std::fs::write(&csv, large_csv(&workbench, demo, "Participant", 200)).expect("written");
    transfers::import_responses(&workbench, demo, &csv).expect("imported");
    let backups_before = settings::list_backups(&workbench).len();

    let (progress, _) = recording(|view| view.step == OperationStep::Copying);
    let error = settings::backup_now_watched(&workbench, &progress).expect_err("cancelled");
    assert_eq!(error.kind, ErrorKind::Cancelled, "{}", error.message);
    assert_eq!(settings::list_backups(&workbench).len(), backups_before);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .map(|entries| entries.flatten().map(|entry| entry.path()).collect())
        .unwrap_or_default();
    assert!(
        leftovers
            .iter()
            .all(|path| !path.to_string_lossy().contains(".partial")),
        "{leftovers:?}"
    );

    let (progress, seen) = recording(|_| false);
    let backup = settings::backup_now_watched(&workbench, &progress).expect("backup");
    let last = *seen.lock().expect("reports").last().expect("reported");
    assert!(last.total > 0 && last.done == last.total, "{last:?}");

    // Something saved after the backup: a cancelled restore keeps it.
    let csv = dir.path().join("more.csv");
    std::fs::write(&csv, large_csv(&workbench, demo, "Late", 3)).expect("written");
    transfers::import_responses(&workbench, demo, &csv).expect("imported");
    let before = snapshot(&workbench);
    // The current database is copied aside first (about half of the pages), then the
    // backup's pages into it: asked to stop two thirds in, the restore stops at its next
    // step, part-way through writing the database.
    let (progress, seen) =
        recording(|view| view.step == OperationStep::Copying && view.done * 3 > view.total * 2);
    let error =
        settings::restore_backup_watched(&workbench, &backup.path, &progress).expect_err("stop");
    assert_eq!(error.kind, ErrorKind::Cancelled, "{}", error.message);
    let seen = seen.lock().expect("reports").clone();
    let last = seen.last().expect("reported");
    assert!(
        last.done * 3 > last.total * 2 && last.done < last.total,
        "stopped mid-way: {seen:?}"
    );
    assert_eq!(workbench.opening_error(), None);
    assert_eq!(snapshot(&workbench), before, "the database is as it was");

    let (progress, _) = recording(|_| false);
    settings::restore_backup_watched(&workbench, &backup.path, &progress).expect("restored");
    assert_ne!(snapshot(&workbench), before, "the backup's content is back");
}

#[test]
fn a_cancelled_export_writes_no_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = Workbench::start(dir.path().join("tcm.sqlite"), clock);
    let demo = reports::open_demo(&workbench).expect("demo");
    let target = dir.path().join("rapport.pdf");
    let (progress, _) = recording(|view| view.step == OperationStep::Rendering);
    let error = reports::export_report_watched(&workbench, demo, "fr", &target, &progress)
        .expect_err("cancelled");
    assert_eq!(error.kind, ErrorKind::Cancelled);
    assert!(!target.exists());
    let workbook = dir.path().join("audit.xlsx");
    let (progress, _) = recording(|view| view.step == OperationStep::Rendering);
    let error = transfers::export_watched(&workbench, demo, ExportKind::Xlsx, &workbook, &progress)
        .expect_err("cancelled");
    assert_eq!(error.kind, ErrorKind::Cancelled);
    assert!(!workbook.exists());
    assert_eq!(
        std::fs::read_dir(dir.path())
            .expect("listed")
            .flatten()
            .filter(|entry| {
                entry.path().extension().is_some_and(|ext| {
                    ext != "sqlite" && !ext.to_string_lossy().starts_with("sqlite-")
                })
            })
            .count(),
        0,
        "no temporary file left"
    );
}

#[test]
fn the_word_report_reads_the_benchmark_folder_watched_and_can_be_cancelled_there() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = Workbench::start(dir.path().join("tcm.sqlite"), clock);
    let demo = reports::open_demo(&workbench).expect("demo");
    // A folder of three `.tcm` files (copies of the demo: read, then counted once).
    let folder = dir.path().join("past audits");
    std::fs::create_dir(&folder).expect("folder");
    let bytes = workbench
        .with_store(|store, now| files::export_tcm(store, tcm_store::AssessmentId(demo), now))
        .expect("exported");
    for n in 0..3 {
        std::fs::write(folder.join(format!("audit-{n}.tcm")), &bytes).expect("written");
    }
    tcm_api::benchmark::set_benchmark_folder(&workbench, Some(&folder)).expect("remembered");

    // Cancelled while the folder's files are read: no file.
    let docx = dir.path().join("rapport.docx");
    let (progress, seen) =
        recording(|view| view.step == OperationStep::Reading && view.total == 3 && view.done == 1);
    let error = transfers::export_watched(&workbench, demo, ExportKind::Docx, &docx, &progress)
        .expect_err("cancelled");
    assert_eq!(error.kind, ErrorKind::Cancelled, "{}", error.message);
    assert!(!docx.exists());
    assert!(
        seen.lock()
            .expect("reports")
            .iter()
            .all(|view| view.step == OperationStep::Reading),
        "stopped before rendering"
    );

    // Run to its end: the folder's files counted, then rendering and saving, in order.
    let (progress, seen) = recording(|_| false);
    let told = transfers::export_watched(&workbench, demo, ExportKind::Docx, &docx, &progress)
        .expect("exported");
    assert_eq!(told.benchmark_folder_problem, None, "the folder was read");
    let seen = seen.lock().expect("reports").clone();
    assert!(
        seen.iter()
            .any(|view| view.step == OperationStep::Reading && view.done == 3 && view.total == 3),
        "{seen:?}"
    );
    assert!(
        seen.iter()
            .any(|view| view.step == OperationStep::Rendering)
    );
    assert!(
        seen.windows(2).all(|pair| pair[1].step >= pair[0].step),
        "steps in order: {seen:?}"
    );
    assert!(docx.exists());
}
