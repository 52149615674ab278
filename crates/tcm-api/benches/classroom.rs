//! The classroom's figures as a teacher meets them, through the app's handlers on a real
//! database: importing a folder of 40 groups' `.tcm` files into a class exercise (goal ≤ 2 s)
//! and the class debrief report (PDF) for those 40 groups (goal ≤ 200 ms). Grading itself
//! (40 groups × 92 questions, goal ≤ 10 ms) is `tcm-core`'s `benches/grading.rs`.

use std::path::{Path, PathBuf};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use tcm_api::transfer::NewClassExerciseInput;
use tcm_api::{Workbench, class_import, classroom, files};
use tcm_store::AssessmentId;

#[path = "../tests/support/class_files.rs"]
mod class_files;

const GROUPS: usize = 40;
const CASE: &str = "bledina-pas-a-pas";

fn clock() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_795_600_000, 0).expect("instant")
}

/// A new class exercise and a folder holding its 40 groups' files; returns the exercise id.
fn class_with_folder(workbench: &Workbench, root: &Path, round: usize) -> (i64, PathBuf) {
    let case = classroom::list_cases()
        .expect("cases")
        .into_iter()
        .find(|case| case.id == CASE)
        .expect("shipped case");
    let exercise = classroom::create_class_exercise(
        workbench,
        &NewClassExerciseInput {
            case_id: case.id,
            case_version: case.version,
            class_name: format!("Classe {round}"),
            language: serde_json::from_value(serde_json::json!("fr")).expect("language"),
            groups: Vec::new(),
        },
    )
    .expect("exercise");
    let id = exercise.assessment_id;
    let key: Vec<(String, tcm_core::Answer)> = classroom::grade_class(workbench, id)
        .expect("graded")
        .questions
        .iter()
        .map(|question| (question.question_id.clone(), question.key.into()))
        .collect();
    let starter = workbench
        .with_store(|store, now| files::export_tcm(store, AssessmentId(id), now))
        .expect("starter");
    let folder = root.join(format!("rendus-{round}"));
    std::fs::create_dir_all(&folder).expect("folder");
    for (name, bytes) in class_files::group_files(&starter, &key, GROUPS, 2026, clock()) {
        std::fs::write(folder.join(name), bytes).expect("written");
    }
    (id, folder)
}

fn classroom_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = Workbench::start(dir.path().join("tcm.sqlite"), clock);
    let mut round = 0;
    let mut group = c.benchmark_group("classroom");
    group.sample_size(10);
    group.bench_function("import a folder of 40 group files", |b| {
        b.iter_batched(
            || {
                round += 1;
                class_with_folder(&workbench, dir.path(), round)
            },
            |(id, folder)| {
                let outcome =
                    class_import::import_group_folder(&workbench, id, &folder).expect("imported");
                assert_eq!(outcome.imported.len(), GROUPS);
            },
            BatchSize::PerIteration,
        );
    });

    let (id, folder) = class_with_folder(&workbench, dir.path(), 0);
    class_import::import_group_folder(&workbench, id, &folder).expect("imported");
    group.bench_function("debrief report (PDF) for 40 groups", |b| {
        b.iter(|| {
            workbench
                .with_store(|store, now| classroom::class_pdf(store, AssessmentId(id), now, true))
                .expect("report")
        });
    });
    group.bench_function("grade 40 groups through the handler", |b| {
        b.iter(|| classroom::grade_class(&workbench, id).expect("graded"));
    });
    group.finish();
}

criterion_group!(benches, classroom_benches);
criterion_main!(benches);
