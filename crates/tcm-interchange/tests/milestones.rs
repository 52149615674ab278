//! The plan with milestones as XLSX, read back with calamine as a project office's tool would.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use tcm_core::{ActionStatus, Language, QuestionId};
use tcm_interchange::{MilestoneRow, MilestonesInput, write_milestones};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

fn rows() -> Vec<MilestoneRow> {
    vec![
        MilestoneRow {
            rank: 1,
            initiative: "Écoute structurée « clients »".to_owned(),
            wave: "Vague 1 (0 à 3 mois)".to_owned(),
            start: day(2026, 11, 23),
            end: day(2027, 2, 23),
            action: "Mettre en place l’écoute des réclamations".to_owned(),
            question: Some(QuestionId::new("cur-01")),
            owner: "Claire".to_owned(),
            due: day(2027, 1, 15),
            status: ActionStatus::Planned,
        },
        MilestoneRow {
            rank: 2,
            initiative: "Segmentation".to_owned(),
            wave: "Vague 3 (12 à 24 mois)".to_owned(),
            start: day(2027, 11, 23),
            end: day(2028, 11, 23),
            action: "x".repeat(40_000),
            question: None,
            owner: String::new(),
            due: day(2028, 11, 23),
            status: ActionStatus::Proposed,
        },
    ]
}

fn date_serial(date: NaiveDate) -> f64 {
    (date - day(1899, 12, 30)).num_days() as f64
}

#[test]
fn one_row_per_action_with_its_initiative_wave_owner_due_date_and_status() {
    let rows = rows();
    let input = MilestonesInput {
        title: "Audit 2026",
        language: Language::French,
        rows: &rows,
        date: day(2026, 11, 26),
    };
    let bytes = write_milestones(&input).expect("a workbook");
    let mut workbook = Xlsx::new(Cursor::new(bytes.as_slice())).expect("an XLSX workbook");
    assert_eq!(workbook.sheet_names(), ["Jalons"]);
    let sheet = workbook.worksheet_range("Jalons").expect("the sheet");
    assert_eq!(sheet.height(), 3);
    let cell = |at: (u32, u32)| sheet.get_value(at).cloned().unwrap_or(Data::Empty);
    let text = |value: &str| Data::String(value.to_owned());
    let headers: Vec<Data> = (0..10).map(|column| cell((0, column))).collect();
    assert_eq!(
        headers,
        [
            "Rang",
            "Initiative",
            "Vague",
            "Début",
            "Fin",
            "Action",
            "Question",
            "Responsable",
            "Échéance",
            "Statut"
        ]
        .map(text)
    );
    assert_eq!(cell((1, 0)), Data::Float(1.0));
    assert_eq!(cell((1, 1)), text("Écoute structurée « clients »"));
    assert_eq!(cell((1, 2)), text("Vague 1 (0 à 3 mois)"));
    assert_eq!(cell((1, 6)), text("cur-01"));
    assert_eq!(cell((1, 7)), text("Claire"));
    assert_eq!(cell((1, 9)), text("Planifiée"));
    for (column, expected) in [
        (3, day(2026, 11, 23)),
        (4, day(2027, 2, 23)),
        (8, day(2027, 1, 15)),
    ] {
        match cell((1, column)) {
            Data::DateTime(serial) => assert_eq!(serial.as_f64(), date_serial(expected)),
            other => panic!("expected a date in column {column}, found {other:?}"),
        }
    }
    // An overlong action is cut to what a cell holds; no question, no owner: empty cells.
    match cell((2, 5)) {
        Data::String(action) => {
            assert_eq!(action.chars().count(), 32_767);
            assert!(action.ends_with('…'));
        }
        other => panic!("expected text, found {other:?}"),
    }
    assert_eq!(cell((2, 6)), Data::Empty);
    assert_eq!(cell((2, 9)), text("Proposée"));
    // Same rows, same date: same bytes.
    assert_eq!(write_milestones(&input).expect("a workbook"), bytes);
}

#[test]
fn an_empty_plan_still_makes_a_workbook_with_its_headers_in_english() {
    let input = MilestonesInput {
        title: "Audit",
        language: Language::English,
        rows: &[],
        date: day(2026, 11, 26),
    };
    let bytes = write_milestones(&input).expect("a workbook");
    let mut workbook = Xlsx::new(Cursor::new(bytes.as_slice())).expect("an XLSX workbook");
    let sheet = workbook.worksheet_range("Milestones").expect("the sheet");
    assert_eq!(sheet.height(), 1);
    assert_eq!(
        sheet.get_value((0, 8)).cloned(),
        Some(Data::String("Due date".to_owned()))
    );
}
