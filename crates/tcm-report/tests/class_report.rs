//! The class report (debrief and group sheets) on a shipped case, checked with `pdftotext`,
//! `pdfinfo` and `qpdf --check`.

mod common;

use common::{GRID, date, flat, run, text_of};
use tcm_core::case::parse_case_file;
use tcm_core::grading::{ClassGrade, GroupAnswers, KeyAnswer};
use tcm_core::questionnaire::{QuestionnaireFile, parse_questionnaire_file};
use tcm_core::{Answer, AnswerSheet, Language, Level, Questionnaire, Respondent, Response};
use tcm_report::{ClassReportInput, render_class_report};

const CLASSROOM: &str = include_str!("../../../questionnaires/tcm-25-classroom.toml");
const CASE: &str = include_str!("../../../cases/aurore-rappel.toml");

fn classroom() -> Questionnaire {
    let grid = Questionnaire::from_toml(GRID, "tcm-92.toml").expect("grid");
    match parse_questionnaire_file(CLASSROOM, "tcm-25-classroom.toml").expect("variant") {
        QuestionnaireFile::Variant(variant) => variant.resolve(&grid).expect("resolved"),
        QuestionnaireFile::Grid(grid) => grid,
    }
}

#[test]
fn the_class_report_holds_the_debrief_and_one_sheet_per_group() {
    let questionnaire = classroom();
    let case = parse_case_file(CASE, "aurore-rappel.toml")
        .expect("case")
        .check(&questionnaire)
        .expect("checked");
    let key = case.grading_key(&questionnaire).expect("key");
    let mut sheet = AnswerSheet::new();
    let mut groups = Vec::new();
    for (index, name) in ["Groupe « Alpha »", "Groupe Bêta", "Groupe Gamma"]
        .iter()
        .enumerate()
    {
        let mut group = GroupAnswers::new(*name);
        for entry in &case.key {
            // Alpha agrees with the key, Bêta is one level kinder, Gamma three levels harsher.
            let answer = match entry.answer {
                KeyAnswer::NotApplicable => Answer::NotApplicable,
                KeyAnswer::Level(level) => {
                    let value = match index {
                        0 => level.value(),
                        1 => (level.value() + 1).min(4),
                        _ => level.value().saturating_sub(3),
                    };
                    Answer::Level(Level::new(value).expect("0–4"))
                }
            };
            group = group.answer(entry.question.as_str(), answer);
            sheet.set(
                Respondent::new(*name),
                entry.question.clone(),
                Response {
                    answer,
                    comment: Some(format!("{name} : voir le § 3 du cas")),
                },
            );
        }
        groups.push(group);
    }
    let grade = ClassGrade::grade(&questionnaire, &key, &groups);
    let input = ClassReportInput {
        case: &case,
        questionnaire: &questionnaire,
        grade: &grade,
        answers: &sheet,
        class_name: "M2 Marketing 2026",
        language: Language::French,
        date: date(),
        show_ranking: true,
    };
    let bytes = render_class_report(&input).expect("the report renders");
    assert_eq!(
        bytes,
        render_class_report(&input).expect("again"),
        "same input, same bytes"
    );
    let directory = tempfile::tempdir().expect("a temporary folder");
    let path = directory.path().join("classe.pdf");
    std::fs::write(&path, &bytes).expect("written");
    run("qpdf", &["--check"], &path);
    // Tagged like the report: the class's title, then a section (H1) per bookmark; each
    // debrief question an H2; tables of header and data cells; one list of key figures per
    // group.
    let tagged = common::tagged::read(&path);
    assert!(tagged.marked);
    assert_eq!(tagged.lang.as_deref(), Some("fr"));
    let headings = common::tagged::headings(&tagged.root);
    let h1: Vec<&str> = headings
        .iter()
        .filter(|(level, _)| level == "H1")
        .map(|(_, title)| title.as_str())
        .collect();
    assert_eq!(h1[0], "M2 Marketing 2026");
    assert_eq!(
        h1[1..],
        tagged
            .outline
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()[..]
    );
    assert!(
        h1.iter().any(|title| title.contains("Groupe Gamma")),
        "{h1:?}"
    );
    assert!(common::tagged::check_tables(&tagged.root) >= 2 + groups.len());
    assert_eq!(
        tagged.root.find("L").len(),
        groups.len(),
        "key figures per group"
    );
    let text = flat(&text_of(&path));
    assert!(text.contains("Débriefing de la classe"), "{text}");
    assert!(text.contains("Les groupes face au corrigé"));
    assert!(
        text.contains("Fiche du groupe : Groupe « Alpha »"),
        "{text}"
    );
    assert!(text.contains("Fiche du groupe : Groupe Gamma"));
    assert!(
        text.contains("Groupe Gamma : voir le § 3 du cas"),
        "Gamma's justification is shown"
    );
    let first = grade.debrief(1)[0];
    assert!(text.contains(first.question.as_str()));
    let justification = case
        .entry(first.question.as_str())
        .expect("entry")
        .justification
        .fr
        .clone();
    let opening: String = flat(&justification).chars().take(30).collect();
    assert!(
        text.contains(&opening),
        "the key's justification: {opening}"
    );
}
