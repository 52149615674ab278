//! Whole assessments through portable `.tcm` files: export → import → export is identical,
//! importing the same file twice does not duplicate, ids are remapped.

mod common;

use common::*;
use tcm_core::strategy::waves::WaveOverrides;
use tcm_core::strategy::{DateRange, InitiativeId, Wave, WaveOverride};
use tcm_core::{
    ActionLink, ActionStatus, Answer, Consensus, Level, PlannedAction, QuestionId, StageId,
};
use tcm_interchange::portable;
use tcm_store::{ImportChoice, PortableImport, Store, StoreError};

fn filled_store(path: &std::path::Path) -> (Store, tcm_store::AssessmentId) {
    let (mut store, _, assessment, claire) = seeded(path);
    let marc = store
        .add_respondent(assessment, &profile("Marc « le commercial »"), at(4))
        .expect("respondent");
    store
        .save_answer(
            claire,
            "sample-cre-01",
            Answer::Level(Level::new(3).expect("level")),
            Some("l’équipe a revu ça ; « bien »"),
            at(5),
        )
        .expect("saved");
    store
        .save_answer(marc, "sample-cre-01", Answer::DontKnow, None, at(6))
        .expect("saved");
    store
        .save_answer(
            marc,
            "sample-pro-02",
            Answer::NotApplicable,
            Some("sans objet"),
            at(7),
        )
        .expect("saved");
    store
        .set_consensus(
            assessment,
            "sample-cre-01",
            Some((Consensus::Level(Level::new(2).expect("level")), "compromis")),
            at(8),
        )
        .expect("consensus");
    store
        .add_action(
            assessment,
            &PlannedAction {
                link: ActionLink::Question(QuestionId::new("sample-cur-01")),
                title: "Circuit de réclamation".into(),
                description: "Délai de 48 h.".into(),
                owner: "Léa".into(),
                due: chrono::NaiveDate::from_ymd_opt(2027, 1, 15),
                status: ActionStatus::InProgress,
                impact: 3,
                effort: 1,
            },
            at(9),
        )
        .expect("action");
    store
        .add_action(
            assessment,
            &PlannedAction {
                link: ActionLink::Stage(StageId::Proactive),
                title: "Club clients".into(),
                description: String::new(),
                owner: String::new(),
                due: None,
                status: ActionStatus::Dismissed,
                impact: 2,
                effort: 3,
            },
            at(10),
        )
        .expect("action");
    store
        .finalise_scores(assessment, at(11))
        .expect("finalised");
    store
        .set_wave_override(
            assessment,
            &InitiativeId::new("complaints"),
            WaveOverride::Wave(Wave::Second),
            at(12),
        )
        .expect("override");
    store
        .set_wave_override(
            assessment,
            &InitiativeId::new("stage:proactive"),
            WaveOverride::Dates(
                DateRange::new(
                    chrono::NaiveDate::from_ymd_opt(2027, 2, 1).expect("date"),
                    chrono::NaiveDate::from_ymd_opt(2027, 6, 30).expect("date"),
                )
                .expect("range"),
            ),
            at(13),
        )
        .expect("override");
    (store, assessment)
}

#[test]
fn export_import_export_is_identical() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut first, assessment) = filled_store(&database(&dir));
    let exported = portable::to_json(&first.export_portable(assessment).expect("export"), at(20));

    let other = tempfile::tempdir().expect("temp dir");
    let mut second = Store::open(&database(&other), at(0)).expect("opens");
    // Some unrelated data first, so that local ids differ.
    let other_organisation = second
        .create_organisation(&organisation("Autre"), at(1))
        .expect("organisation");
    let questionnaire = sample();
    second
        .create_assessment(
            &tcm_store::NewAssessment {
                organisation: other_organisation,
                questionnaire: &questionnaire,
                assessment: common::assessment("Autre audit"),
            },
            at(2),
        )
        .expect("assessment");
    let read = portable::from_json(&exported).expect("reads");
    let imported = second
        .import_portable(&read, ImportChoice::Safe, at(21))
        .expect("imports");
    let PortableImport::Created(id) = imported else {
        panic!("{imported:?}")
    };
    assert_ne!(id, assessment, "ids are remapped");
    let again = portable::to_json(&second.export_portable(id).expect("export"), at(20));
    assert_eq!(
        String::from_utf8_lossy(&again),
        String::from_utf8_lossy(&exported)
    );

    let (_, _, card_first) = first.score_assessment(assessment).expect("scored");
    let (_, _, card_second) = second.score_assessment(id).expect("scored");
    assert_eq!(card_first, card_second);
    assert_eq!(second.score_snapshots(id).expect("snapshots").len(), 1);
    assert_eq!(
        second.wave_overrides(id).expect("overrides"),
        first.wave_overrides(assessment).expect("overrides"),
        "the roadmap's moves travel"
    );
    assert_eq!(second.wave_overrides(id).expect("overrides").len(), 2);
}

#[test]
fn an_older_file_without_overrides_leaves_those_here_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, assessment) = filled_store(&database(&dir));
    let exported = portable::to_json(&store.export_portable(assessment).expect("export"), at(20));
    let file = portable::from_json(&exported).expect("reads");
    // As a file written before overrides travelled reads (tcm-interchange's tests).
    let mut older = file.clone();
    older.wave_overrides = None;

    // This computer moves another initiative after the export.
    let local = InitiativeId::new("co-design");
    store
        .set_wave_override(assessment, &local, WaveOverride::Wave(Wave::First), at(30))
        .expect("override");
    let here = store.wave_overrides(assessment).expect("overrides");
    assert_eq!(here.len(), 3);

    store
        .import_portable(&older, ImportChoice::Replace, at(31))
        .expect("replaced");
    assert_eq!(
        store.wave_overrides(assessment).expect("overrides"),
        here,
        "a file that predates overrides says nothing about them"
    );
    store
        .import_portable(&file, ImportChoice::Replace, at(32))
        .expect("replaced");
    let replaced: WaveOverrides = store.wave_overrides(assessment).expect("overrides");
    assert_eq!(replaced, file.wave_overrides.clone().expect("the file's"));
    assert!(!replaced.contains_key(&local));
}

#[test]
fn importing_the_same_file_twice_does_not_duplicate() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, assessment) = filled_store(&database(&dir));
    let file = store.export_portable(assessment).expect("export");
    let other = tempfile::tempdir().expect("temp dir");
    let mut target = Store::open(&database(&other), at(0)).expect("opens");
    let first = target
        .import_portable(&file, ImportChoice::Safe, at(30))
        .expect("imports");
    let second = target
        .import_portable(&file, ImportChoice::Safe, at(31))
        .expect("imports again");
    assert_eq!(second, PortableImport::AlreadyPresent(first.assessment()));
    assert_eq!(target.list_assessments().expect("list").len(), 1);
    assert_eq!(target.list_organisations().expect("list").len(), 1);
    // Importing into the database it came from changes nothing either.
    assert_eq!(
        store
            .import_portable(&file, ImportChoice::Safe, at(32))
            .expect("imports"),
        PortableImport::AlreadyPresent(assessment)
    );
}

#[test]
fn a_newer_file_replaces_the_older_copy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, assessment) = filled_store(&database(&dir));
    let older = store.export_portable(assessment).expect("export");
    let other = tempfile::tempdir().expect("temp dir");
    let mut laptop = Store::open(&database(&other), at(0)).expect("opens");
    let id = laptop
        .import_portable(&older, ImportChoice::Safe, at(40))
        .expect("imports")
        .assessment();
    // The workshop goes on in the first database.
    let claire = store
        .find_respondent(assessment, "Claire")
        .expect("query")
        .expect("found")
        .id;
    store
        .save_answer(
            claire,
            "sample-act-01",
            Answer::Level(Level::new(4).expect("level")),
            None,
            at(50),
        )
        .expect("saved");
    let newer = store.export_portable(assessment).expect("export");
    let outcome = laptop
        .import_portable(&newer, ImportChoice::Safe, at(51))
        .expect("imports");
    let PortableImport::Updated {
        assessment: updated,
        backup,
    } = outcome
    else {
        panic!("{outcome:?}")
    };
    assert_eq!(updated, id);
    assert!(
        backup.exists(),
        "a backup is taken before the assessment is replaced"
    );
    assert_eq!(laptop.answer_sheet(id).expect("sheet").len(), 4);
    assert_eq!(
        laptop.list_actions(id).expect("actions").len(),
        2,
        "replaced, not added twice"
    );
    assert_eq!(laptop.list_respondents(id).expect("respondents").len(), 2);
}

fn level(value: u8) -> Answer {
    Answer::Level(Level::new(value).expect("level"))
}

/// The first database (the office) and a laptop that imported its assessment, then both went
/// on: the laptop's Claire changes sample-cre-01 at `laptop_time`, the office's Marc answers
/// sample-act-01 at 60. Returns the laptop, the laptop's id and the office's newer file.
fn diverged(
    office_dir: &tempfile::TempDir,
    laptop_dir: &tempfile::TempDir,
    laptop_time: i64,
) -> (
    Store,
    tcm_store::AssessmentId,
    tcm_interchange::portable::PortableAssessment,
) {
    let (mut office, assessment) = filled_store(&database(office_dir));
    let file = office.export_portable(assessment).expect("export");
    let mut laptop = Store::open(&database(laptop_dir), at(0)).expect("opens");
    let id = laptop
        .import_portable(&file, ImportChoice::Safe, at(40))
        .expect("imports")
        .assessment();
    let claire = laptop
        .find_respondent(id, "Claire")
        .expect("query")
        .expect("found")
        .id;
    laptop
        .save_answer(
            claire,
            "sample-cre-01",
            level(1),
            Some("revu sur le portable"),
            at(laptop_time),
        )
        .expect("saved on the laptop");
    let marc = office
        .find_respondent(assessment, "Marc « le commercial »")
        .expect("query")
        .expect("found")
        .id;
    office
        .save_answer(marc, "sample-act-01", level(2), None, at(60))
        .expect("saved at the office");
    let newer = office.export_portable(assessment).expect("export");
    (laptop, id, newer)
}

fn answer_of(
    store: &Store,
    id: tcm_store::AssessmentId,
    who: &str,
    question: &str,
) -> Option<Answer> {
    store
        .answer_sheet(id)
        .expect("sheet")
        .response(&tcm_core::Respondent::new(who), &QuestionId::new(question))
        .map(|response| response.answer)
}

#[test]
fn an_import_never_deletes_local_work_silently() {
    let (office, laptop_dir) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    let (mut laptop, id, newer) = diverged(&office, &laptop_dir, 55);
    // Before the fix the newer file replaced the whole assessment and Claire's laptop answer
    // was gone; now the import is refused and names what would be lost.
    let error = laptop
        .import_portable(&newer, ImportChoice::Safe, at(70))
        .expect_err("refused");
    assert!(
        matches!(error, StoreError::ImportConflict { local_only: 1, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("Claire"), "{error}");
    assert_eq!(
        answer_of(&laptop, id, "Claire", "sample-cre-01"),
        Some(level(1))
    );
    assert_eq!(
        answer_of(&laptop, id, "Marc « le commercial »", "sample-act-01"),
        None
    );
    assert!(
        tcm_store::backup::list_backups(laptop.path()).is_empty(),
        "nothing happened, so no backup either"
    );
}

#[test]
fn replacing_keeps_a_backup_and_names_what_was_replaced() {
    let (office, laptop_dir) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    let (mut laptop, id, newer) = diverged(&office, &laptop_dir, 55);
    let outcome = laptop
        .import_portable(&newer, ImportChoice::Replace, at(70))
        .expect("replaced");
    let PortableImport::Replaced {
        assessment,
        backup,
        lost,
    } = outcome
    else {
        panic!("{outcome:?}")
    };
    assert_eq!(assessment, id);
    assert_eq!(lost.len(), 1);
    assert!(lost[0].to_string().contains("Claire"));
    assert_eq!(
        answer_of(&laptop, id, "Claire", "sample-cre-01"),
        Some(level(3))
    );
    assert_eq!(
        answer_of(&laptop, id, "Marc « le commercial »", "sample-act-01"),
        Some(level(2))
    );
    // The laptop's answer survives in the backup.
    let kept = Store::open(&backup, at(71)).expect("the backup opens");
    let claire = kept
        .find_respondent(id, "Claire")
        .expect("query")
        .expect("found")
        .id;
    assert!(claire.0 > 0);
    assert_eq!(
        answer_of(&kept, id, "Claire", "sample-cre-01"),
        Some(level(1))
    );
}

#[test]
fn merging_keeps_both_sides_work_and_lists_conflicts() {
    let (office, laptop_dir) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    let (mut laptop, id, newer) = diverged(&office, &laptop_dir, 55);
    let outcome = laptop
        .import_portable(&newer, ImportChoice::Merge, at(70))
        .expect("merged");
    let PortableImport::Merged {
        backup,
        brought,
        conflicts,
        ..
    } = outcome
    else {
        panic!("{outcome:?}")
    };
    assert!(backup.exists());
    assert!(brought >= 1);
    assert_eq!(
        answer_of(&laptop, id, "Claire", "sample-cre-01"),
        Some(level(1)),
        "the laptop's later change"
    );
    assert_eq!(
        answer_of(&laptop, id, "Marc « le commercial »", "sample-act-01"),
        Some(level(2)),
        "the office's new answer"
    );
    assert!(
        conflicts
            .iter()
            .any(|conflict| conflict.item.to_string().contains("Claire")),
        "{conflicts:?}"
    );
    // Scores and summary agree with a full rescore after the merge.
    let (_, _, card) = laptop.score_assessment(id).expect("scored");
    let summary = laptop.assessment_summary(id).expect("summary");
    assert_eq!(
        summary.overall_score,
        card.overall.map(tcm_core::Score::value)
    );
}

#[test]
fn a_file_dated_in_the_future_does_not_win_by_its_date() {
    let (office, laptop_dir) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    // The laptop's change (at 55) is older than the file's answers dated 60, but the import
    // runs at 58: the file's dates lie in the future and are not trusted.
    let (mut laptop, id, newer) = diverged(&office, &laptop_dir, 55);
    let mut future = newer.clone();
    for recorded in future.answers.values_mut() {
        recorded.updated_at = at(10_000);
    }
    future.updated_at = at(10_000);
    let error = laptop
        .import_portable(&future, ImportChoice::Safe, at(58))
        .expect_err("refused");
    assert!(error.to_string().contains("future"), "{error}");
    let outcome = laptop
        .import_portable(&future, ImportChoice::Merge, at(58))
        .expect("merged");
    assert!(matches!(outcome, PortableImport::Merged { .. }));
    assert_eq!(
        answer_of(&laptop, id, "Claire", "sample-cre-01"),
        Some(level(1)),
        "local kept"
    );
    let summary = laptop.assessment_summary(id).expect("summary");
    assert!(
        summary.updated_at <= at(58),
        "no time after now is stored: {}",
        summary.updated_at
    );
}

#[test]
fn an_import_as_a_copy_leaves_the_local_assessment_alone() {
    let (office, laptop_dir) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    let (mut laptop, id, newer) = diverged(&office, &laptop_dir, 55);
    let outcome = laptop
        .import_portable(&newer, ImportChoice::AsCopy, at(70))
        .expect("copied");
    let PortableImport::Copied(copy) = outcome else {
        panic!("{outcome:?}")
    };
    assert_ne!(copy, id);
    assert_eq!(
        answer_of(&laptop, id, "Claire", "sample-cre-01"),
        Some(level(1))
    );
    assert_eq!(
        answer_of(&laptop, copy, "Claire", "sample-cre-01"),
        Some(level(3))
    );
    assert!(
        laptop
            .assessment(copy)
            .expect("copy")
            .assessment
            .title
            .contains("copie importée")
    );
    assert_eq!(laptop.list_assessments().expect("list").len(), 2);
}

/// The office's file and a laptop that imported it, then moved initiatives on both sides:
/// the laptop moves « complaints » to the first wave (the office keeps it in the second) and
/// « co-design » to the third; the office moves « loyalty » to the first.
fn diverged_roadmaps(
    office_dir: &tempfile::TempDir,
    laptop_dir: &tempfile::TempDir,
) -> (
    Store,
    tcm_store::AssessmentId,
    tcm_interchange::portable::PortableAssessment,
) {
    let (mut office, assessment) = filled_store(&database(office_dir));
    let file = office.export_portable(assessment).expect("export");
    let mut laptop = Store::open(&database(laptop_dir), at(0)).expect("opens");
    let id = laptop
        .import_portable(&file, ImportChoice::Safe, at(40))
        .expect("imports")
        .assessment();
    for (initiative, wave) in [("complaints", Wave::First), ("co-design", Wave::Third)] {
        laptop
            .set_wave_override(
                id,
                &InitiativeId::new(initiative),
                WaveOverride::Wave(wave),
                at(50),
            )
            .expect("moved on the laptop");
    }
    office
        .set_wave_override(
            assessment,
            &InitiativeId::new("loyalty"),
            WaveOverride::Wave(Wave::First),
            at(60),
        )
        .expect("moved at the office");
    let newer = office.export_portable(assessment).expect("export");
    (laptop, id, newer)
}

#[test]
fn roadmap_moves_are_part_of_the_comparison() {
    let (office, laptop_dir) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    let (mut laptop, id, newer) = diverged_roadmaps(&office, &laptop_dir);

    // A safe import would lose the laptop's two moves: refused, naming them.
    let error = laptop
        .import_portable(&newer, ImportChoice::Safe, at(70))
        .expect_err("refused");
    assert!(
        matches!(
            error,
            StoreError::ImportConflict {
                local_only: 2,
                from_file: 1,
                ..
            }
        ),
        "{error}"
    );
    let said = error.to_string();
    assert!(said.contains("initiative « complaints »"), "{said}");
    assert!(said.contains("initiative « co-design »"), "{said}");

    // Replacing names the moves it loses.
    let (other_office, other_laptop) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    let (mut other, other_id, newer_again) = diverged_roadmaps(&other_office, &other_laptop);
    let PortableImport::Replaced { lost, .. } = other
        .import_portable(&newer_again, ImportChoice::Replace, at(70))
        .expect("replaced")
    else {
        panic!("not replaced")
    };
    let lost: Vec<String> = lost.iter().map(ToString::to_string).collect();
    assert_eq!(
        lost,
        [
            "the roadmap's wave or dates of initiative « co-design »",
            "the roadmap's wave or dates of initiative « complaints »",
        ]
    );
    assert_eq!(
        other
            .wave_overrides(other_id)
            .expect("overrides")
            .get(&InitiativeId::new("complaints")),
        Some(&WaveOverride::Wave(Wave::Second)),
        "the file's"
    );

    // Merging keeps the laptop's moves, brings the office's, and lists the one set both ways.
    let PortableImport::Merged {
        brought, conflicts, ..
    } = laptop
        .import_portable(&newer, ImportChoice::Merge, at(70))
        .expect("merged")
    else {
        panic!("not merged")
    };
    assert_eq!(brought, 1, "the office's « loyalty »");
    let conflicts: Vec<String> = conflicts
        .iter()
        .map(|conflict| format!("{} ({})", conflict.item, conflict.reason))
        .collect();
    assert_eq!(
        conflicts,
        [
            "the roadmap's wave or dates of initiative « complaints » (a roadmap move made here stands)"
        ]
    );
    let merged = laptop.wave_overrides(id).expect("overrides");
    assert_eq!(
        merged.get(&InitiativeId::new("complaints")),
        Some(&WaveOverride::Wave(Wave::First))
    );
    assert_eq!(
        merged.get(&InitiativeId::new("co-design")),
        Some(&WaveOverride::Wave(Wave::Third))
    );
    assert_eq!(
        merged.get(&InitiativeId::new("loyalty")),
        Some(&WaveOverride::Wave(Wave::First))
    );
}
