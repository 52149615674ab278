//! The blank printable grid, checked with `pdftotext`, `pdfinfo` and `qpdf --check`.

mod common;

use common::{GRID, date, flat, page_count, run, text_of};
use tcm_core::{Language, Questionnaire};

#[test]
fn every_question_is_there_with_its_boxes() {
    let questionnaire = Questionnaire::from_toml(GRID, "tcm-92.toml").expect("valid grid");
    let bytes = tcm_report::render_blank_grid(&questionnaire, Language::French, date())
        .expect("the grid renders");
    let directory = tempfile::tempdir().expect("a temporary folder");
    let path = directory.path().join("grille.pdf");
    std::fs::write(&path, bytes).expect("written");

    let text = flat(&text_of(&path));
    for question in questionnaire.questions() {
        assert!(
            text.contains(question.id.as_str()),
            "{} is missing",
            question.id
        );
    }
    assert_eq!(
        text.matches("Remarques").count(),
        questionnaire.questions().len()
    );
    assert_eq!(
        text.matches(" NA ").count(),
        questionnaire.questions().len() + 1
    );
    for stage in questionnaire.stages() {
        assert!(text.contains(&stage.name.fr));
    }
    assert!(text.contains("Grille d’audit à remplir"));
    assert!(page_count(&path) >= 6);
    assert!(run("qpdf", &["--check"], &path).contains("No syntax or stream encoding errors"));
}
