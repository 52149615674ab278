//! The XLSX workbook, read back with calamine as a spreadsheet program would.

use std::io::{Cursor, Read};

use calamine::{Data, Range, Reader, Xlsx};
use chrono::NaiveDate;
use tcm_core::{
    ActionStatus, Answer, AnswerSheet, Assessment, AssessmentStatus, Consensus, Language, Level,
    Mode, Organisation, QuestionId, Questionnaire, Respondent, RespondentProfile, Response,
    Scorecard, Sector, StageId, Targets, score,
};
use tcm_interchange::{
    ActionRow, FileKind, ResponseFormat, WorkbookInput, read_responses, write_workbook,
};

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");
const COMMENT: &str = "Segments « comportementaux » revus l’été dernier ; à compléter";

struct Fixture {
    questionnaire: Questionnaire,
    organisation: Organisation,
    assessment: Assessment,
    respondents: Vec<RespondentProfile>,
    answers: AnswerSheet,
    scorecard: Scorecard,
    actions: Vec<ActionRow>,
}

fn level(value: u8) -> Answer {
    Answer::Level(Level::new(value).expect("a level"))
}

fn fixture(language: Language) -> Fixture {
    let questionnaire = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
    let mut answers = AnswerSheet::new();
    let rows: [(&str, &str, Answer, Option<&str>); 7] = [
        ("Hélène Roux", "sample-cre-01", level(3), Some(COMMENT)),
        ("Hélène Roux", "sample-cre-02", level(2), None),
        ("Hélène Roux", "sample-act-01", Answer::NotApplicable, None),
        ("Marc Petit", "sample-cre-01", level(1), None),
        (
            "Marc Petit",
            "sample-act-02",
            Answer::DontKnow,
            Some("Je ne sais pas"),
        ),
        ("Zoé", "sample-pro-01", level(4), None),
        ("Marc Petit", "sample-cur-01", level(0), None),
    ];
    for (respondent, question, answer, comment) in rows {
        answers.set(
            Respondent::new(respondent),
            QuestionId::new(question),
            Response {
                answer,
                comment: comment.map(str::to_owned),
            },
        );
    }
    answers.set_consensus(
        QuestionId::new("sample-cre-02"),
        Some(Consensus::Level(Level::new(3).expect("a level"))),
    );
    let scorecard = score(&questionnaire, &answers);
    Fixture {
        organisation: Organisation {
            name: "Boulangeries Léa & Fils".to_owned(),
            sector: Sector::Retail,
            size: None,
            notes: String::new(),
        },
        assessment: Assessment {
            title: "Audit TCM 2026".to_owned(),
            mode: Mode::Workshop,
            language,
            targets: Targets::default(),
            status: AssessmentStatus::InProgress,
        },
        respondents: vec![
            RespondentProfile {
                label: "Marc Petit".to_owned(),
                role: "Responsable SAV".to_owned(),
                group: "Service client".to_owned(),
            },
            RespondentProfile {
                label: "Hélène Roux".to_owned(),
                role: "Directrice commerciale".to_owned(),
                group: "Ventes".to_owned(),
            },
        ],
        actions: vec![
            ActionRow {
                title: "Segmenter sur le comportement".to_owned(),
                stage: StageId::Creative,
                question: Some(QuestionId::new("sample-cre-01")),
                gap: Some(2.0),
                impact: 3,
                effort: 2,
                priority: Some(3.25),
                owner: "Hélène".to_owned(),
                due: NaiveDate::from_ymd_opt(2026, 6, 30),
                status: ActionStatus::Planned,
            },
            ActionRow {
                title: "Repérer les clients dormants".to_owned(),
                stage: StageId::Preventive,
                question: None,
                gap: None,
                impact: 2,
                effort: 1,
                priority: None,
                owner: String::new(),
                due: None,
                status: ActionStatus::Proposed,
            },
        ],
        questionnaire,
        answers,
        scorecard,
    }
}

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 3).expect("a date")
}

fn input(fixture: &Fixture) -> WorkbookInput<'_> {
    WorkbookInput {
        questionnaire: &fixture.questionnaire,
        organisation: &fixture.organisation,
        assessment: &fixture.assessment,
        scorecard: &fixture.scorecard,
        respondents: &fixture.respondents,
        answers: &fixture.answers,
        actions: &fixture.actions,
        date: date(),
    }
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<&[u8]>> {
    Xlsx::new(Cursor::new(bytes)).expect("an XLSX workbook")
}

fn sheet(bytes: &[u8], name: &str) -> Range<Data> {
    open(bytes).worksheet_range(name).expect("the sheet")
}

fn cell(range: &Range<Data>, reference: (u32, u32)) -> Data {
    range.get_value(reference).cloned().unwrap_or(Data::Empty)
}

fn text(value: &str) -> Data {
    Data::String(value.to_owned())
}

#[test]
fn the_sheets_are_named_in_the_assessments_language() {
    for (language, names) in [
        (
            Language::French,
            ["Synthèse", "Réponses", "Commentaires", "Plan d’action"],
        ),
        (
            Language::English,
            ["Summary", "Answers", "Comments", "Action plan"],
        ),
    ] {
        let fixture = fixture(language);
        let bytes = write_workbook(&input(&fixture)).expect("a workbook");
        assert_eq!(open(&bytes).sheet_names(), names, "{language:?}");
    }
}

#[test]
fn the_summary_shows_the_scores_as_rounded_with_their_levels() {
    let fixture = fixture(Language::French);
    let bytes = write_workbook(&input(&fixture)).expect("a workbook");
    let summary = sheet(&bytes, "Synthèse");
    let overall = fixture.scorecard.overall.expect("an overall score");
    assert_eq!(cell(&summary, (0, 0)), text("Audit TCM 2026"));
    assert_eq!(cell(&summary, (3, 1)), text("Boulangeries Léa & Fils"));
    assert_eq!(cell(&summary, (6, 1)), Data::Float(3.0));
    assert_eq!(
        cell(&summary, (8, 0)),
        text(tcm_core::vocabulary::OVERALL_INDEX.fr)
    );
    assert_eq!(cell(&summary, (8, 1)), Data::Float(overall.rounded()));
    assert_eq!(
        cell(&summary, (8, 2)),
        Data::Float(f64::from(overall.level().number()))
    );
    assert_eq!(
        cell(&summary, (8, 3)),
        text(&overall.level().name(Language::French))
    );
    let creative = fixture.scorecard.stages[0].result.clone();
    assert_eq!(cell(&summary, (10, 4)), text("Couverture"));
    assert_eq!(cell(&summary, (11, 0)), text("Créative"));
    assert_eq!(
        cell(&summary, (11, 1)),
        Data::Float(creative.score.expect("a score").rounded())
    );
    assert_eq!(
        cell(&summary, (11, 4)),
        Data::Float(creative.coverage.expect("a coverage"))
    );
    // The active stage: one NA, one ?, so no score — shown as —, never 0.
    assert_eq!(cell(&summary, (12, 0)), text("Active"));
    assert_eq!(cell(&summary, (12, 1)), text("—"));
    assert_eq!(cell(&summary, (17, 0)), text("Thème"));
    assert_eq!(
        summary.height(),
        18 + fixture.questionnaire.themes().len(),
        "one row per theme"
    );
}

#[test]
fn the_matrix_has_one_row_per_respondent_and_a_column_per_question() {
    let fixture = fixture(Language::French);
    let bytes = write_workbook(&input(&fixture)).expect("a workbook");
    let matrix = sheet(&bytes, "Réponses");
    assert_eq!(matrix.height(), 1 + 3, "a header and three respondents");
    assert_eq!(matrix.width(), 3 + fixture.questionnaire.questions().len());
    let first = &fixture.questionnaire.questions()[0];
    assert_eq!(
        cell(&matrix, (0, 3)),
        text(&format!("sample-cre-01 – {}", first.text.fr))
    );
    let rows: Vec<Data> = (1..4).map(|row| cell(&matrix, (row, 0))).collect();
    assert_eq!(rows, [text("Marc Petit"), text("Hélène Roux"), text("Zoé")]);
    assert_eq!(cell(&matrix, (2, 1)), text("Directrice commerciale"));
    assert_eq!(cell(&matrix, (2, 3)), Data::Float(3.0));
    assert_eq!(cell(&matrix, (2, 5)), text("NA"));
    assert_eq!(cell(&matrix, (1, 6)), text("?"));
    assert_eq!(cell(&matrix, (1, 4)), Data::Empty);
}

#[test]
fn the_matrix_imports_back_as_the_same_answers_and_comments() {
    for language in [Language::English, Language::French] {
        let fixture = fixture(language);
        let bytes = write_workbook(&input(&fixture)).expect("a workbook");
        let imported =
            read_responses(&bytes, FileKind::Xlsx, &fixture.questionnaire).expect("importable");
        assert_eq!(imported.format, ResponseFormat::Wide);
        let mut expected_respondents = fixture.respondents.clone();
        expected_respondents.push(RespondentProfile {
            label: "Zoé".to_owned(),
            role: String::new(),
            group: String::new(),
        });
        assert_eq!(imported.respondents, expected_respondents);
        let answers = {
            let mut sheet = AnswerSheet::new();
            for (respondent, question, response) in fixture.answers.responses() {
                sheet.set(respondent.clone(), question.clone(), response.clone());
            }
            sheet
        };
        assert_eq!(imported.sheet, answers, "{language}");

        // Exported again from what was imported: the same matrix and comments.
        let mut again = fixture;
        again.answers = imported.sheet;
        let bytes_again = write_workbook(&input(&again)).expect("a workbook");
        for name in match language {
            Language::French => ["Réponses", "Commentaires"],
            Language::English => ["Answers", "Comments"],
        } {
            assert_eq!(sheet(&bytes_again, name), sheet(&bytes, name), "{name}");
        }
    }
}

#[test]
fn comments_keep_their_accents_and_guillemets() {
    let fixture = fixture(Language::French);
    let bytes = write_workbook(&input(&fixture)).expect("a workbook");
    let comments = sheet(&bytes, "Commentaires");
    assert_eq!(comments.height(), 3);
    assert_eq!(cell(&comments, (0, 3)), text("Commentaire"));
    assert_eq!(cell(&comments, (1, 0)), text("Marc Petit"));
    assert_eq!(cell(&comments, (1, 3)), text("Je ne sais pas"));
    assert_eq!(cell(&comments, (2, 0)), text("Hélène Roux"));
    assert_eq!(cell(&comments, (2, 1)), text("sample-cre-01"));
    assert_eq!(
        cell(&comments, (2, 2)),
        text(&fixture.questionnaire.questions()[0].text.fr)
    );
    assert_eq!(cell(&comments, (2, 3)), text(COMMENT));
}

#[test]
fn the_action_plan_lists_the_rows_given() {
    let fixture = fixture(Language::French);
    let bytes = write_workbook(&input(&fixture)).expect("a workbook");
    let plan = sheet(&bytes, "Plan d’action");
    assert_eq!(plan.height(), 3);
    assert_eq!(cell(&plan, (0, 8)), text("Échéance"));
    assert_eq!(cell(&plan, (1, 0)), text("Segmenter sur le comportement"));
    assert_eq!(cell(&plan, (1, 1)), text("Créative"));
    assert_eq!(cell(&plan, (1, 2)), text("sample-cre-01"));
    assert_eq!(cell(&plan, (1, 6)), Data::Float(3.25));
    let excel_epoch = NaiveDate::from_ymd_opt(1899, 12, 30).expect("a date");
    let due = NaiveDate::from_ymd_opt(2026, 6, 30).expect("a date");
    match cell(&plan, (1, 8)) {
        Data::DateTime(serial) => {
            assert_eq!(serial.as_f64(), (due - excel_epoch).num_days() as f64);
        }
        other => panic!("expected a date, found {other:?}"),
    }
    assert_eq!(cell(&plan, (1, 9)), text("Planifiée"));
    assert_eq!(cell(&plan, (2, 1)), text("Préventive"));
    assert_eq!(cell(&plan, (2, 3)), text("—"));
    assert_eq!(cell(&plan, (2, 9)), text("Proposée"));
}

#[test]
fn the_date_passed_in_is_the_documents_creation_date_and_the_bytes_repeat() {
    let fixture = fixture(Language::French);
    let bytes = write_workbook(&input(&fixture)).expect("a workbook");
    let mut package = zip::ZipArchive::new(Cursor::new(&bytes)).expect("a zip package");
    let mut core = String::new();
    package
        .by_name("docProps/core.xml")
        .expect("document properties")
        .read_to_string(&mut core)
        .expect("UTF-8");
    assert!(core.contains(">2026-03-03T00:00:00Z<"), "{core}");
    assert_eq!(write_workbook(&input(&fixture)).expect("a workbook"), bytes);
}

#[test]
fn an_empty_assessment_still_makes_a_workbook_and_overlong_text_is_cut() {
    let mut fixture = fixture(Language::English);
    fixture.respondents.clear();
    fixture.actions.clear();
    fixture.answers = AnswerSheet::new();
    fixture.answers.set(
        Respondent::new("Ann"),
        QuestionId::new("sample-cre-01"),
        Response {
            answer: level(2),
            comment: Some("é".repeat(40_000)),
        },
    );
    fixture.scorecard = score(&fixture.questionnaire, &fixture.answers);
    let bytes = write_workbook(&input(&fixture)).expect("a workbook");
    let comments = sheet(&bytes, "Comments");
    match cell(&comments, (1, 3)) {
        Data::String(comment) => {
            assert_eq!(comment.chars().count(), 32_767);
            assert!(comment.ends_with("é…"));
        }
        other => panic!("expected the comment, found {other:?}"),
    }
    assert_eq!(sheet(&bytes, "Action plan").height(), 1);
}

#[test]
fn texts_that_start_like_formulas_are_written_as_text_cells() {
    let mut fixture = fixture(Language::French);
    fixture.answers.set(
        Respondent::new("=Zoé"),
        QuestionId::new("sample-cre-02"),
        Response {
            answer: level(2),
            comment: Some("=HYPERLINK(\"http://example.invalid\";\"clic\")".to_owned()),
        },
    );
    fixture.respondents.push(RespondentProfile {
        label: "=Zoé".to_owned(),
        role: "+DG".to_owned(),
        group: "@Ventes".to_owned(),
    });
    let bytes = write_workbook(&input(&fixture)).expect("a workbook");
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes[..])).expect("a zip");
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("an entry");
        let mut content = String::new();
        if entry
            .name()
            .is_ok_and(|name| name.starts_with("xl/worksheets/"))
        {
            std::io::Read::read_to_string(&mut entry, &mut content).expect("UTF-8");
            assert!(!content.contains("<f>"), "no formula in {:?}", entry.name());
        }
    }
    let comments = sheet(&bytes, "Commentaires");
    let found = comments.rows().any(|row| {
        row.iter()
            .any(|cell| *cell == text("=HYPERLINK(\"http://example.invalid\";\"clic\")"))
    });
    assert!(found, "the comment is kept as text");
}
