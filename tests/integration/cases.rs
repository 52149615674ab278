//! The shipped case studies (`cases/`): each validates against the repository's classroom
//! questionnaire, has a key that is not uniform, and French that follows French typography.

use std::collections::BTreeSet;

use tcm_core::case::{Case, parse_case_file};
use tcm_core::grading::{ClassGrade, GroupAnswers};

use crate::grid_content::typography_problems;
use crate::util::{grid, read, repository, variant};

const CASES: [&str; 3] = [
    "bledina-pas-a-pas.toml",
    "aurore-rappel.toml",
    "banque-riviere-en-ligne.toml",
];

fn shipped(file: &str) -> (Case, tcm_core::Questionnaire) {
    let classroom = variant("tcm-25-classroom.toml", &grid("tcm-92.toml"));
    let relative = format!("cases/{file}");
    let case = parse_case_file(&read(&relative), &relative)
        .and_then(|spec| spec.check(&classroom))
        .unwrap_or_else(|invalid| panic!("{}", invalid.report()));
    (case, classroom)
}

#[test]
fn every_toml_file_of_the_cases_folder_is_tested() {
    let mut found: Vec<String> = std::fs::read_dir(repository().join("cases"))
        .expect("cases folder")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".toml"))
        .collect();
    found.sort();
    let mut expected: Vec<String> = CASES.iter().map(|name| (*name).to_owned()).collect();
    expected.sort();
    assert_eq!(found, expected);
}

#[test]
fn the_shipped_cases_validate_against_the_classroom_questionnaire() {
    for file in CASES {
        let (case, classroom) = shipped(file);
        assert_eq!(case.questionnaire_id, "tcm-25-classroom", "{file}");
        assert_eq!(case.key.len(), classroom.questions().len(), "{file}");
        let key = case
            .grading_key(&classroom)
            .unwrap_or_else(|error| panic!("{file}: {error}"));
        // Every stage of the key has a score: each stage has evidence in the case.
        for stage in &key.scorecard().stages {
            assert!(stage.result.score.is_some(), "{file}: {}", stage.stage);
        }
    }
}

#[test]
fn each_key_spans_at_least_three_levels_and_mixes_strong_and_weak_practices_in_every_stage() {
    for file in CASES {
        let (case, classroom) = shipped(file);
        let levels: BTreeSet<String> = case.key.iter().map(|e| e.answer.to_string()).collect();
        assert!(levels.len() >= 3, "{file}: {levels:?}");
        let distinct_levels = case
            .key
            .iter()
            .filter_map(|entry| entry.answer.level())
            .collect::<BTreeSet<_>>();
        assert!(distinct_levels.len() >= 3, "{file}: {distinct_levels:?}");
        for stage in classroom.stages() {
            let in_stage: BTreeSet<_> = case
                .key
                .iter()
                .filter(|entry| {
                    classroom
                        .question(entry.question.as_str())
                        .is_some_and(|question| question.stage == stage.id)
                })
                .map(|entry| entry.answer.to_string())
                .collect();
            assert!(in_stage.len() >= 2, "{file}: stage {} is uniform", stage.id);
        }
    }
}

#[test]
fn texts_are_two_to_four_pages_in_both_languages_and_justifications_cite_the_case() {
    for file in CASES {
        let (case, _) = shipped(file);
        for (language, text) in [("fr", &case.text.fr), ("en", &case.text.en)] {
            let words = text.split_whitespace().count();
            // About 450 to 600 words per printed page.
            assert!(
                (900..=2400).contains(&words),
                "{file} {language}: {words} words"
            );
        }
        for entry in &case.key {
            for (language, text) in [
                ("fr", &entry.justification.fr),
                ("en", &entry.justification.en),
            ] {
                let sentences = text.matches(". ").count() + 1;
                assert!(
                    (2..=4).contains(&sentences),
                    "{file} {} {language}: {sentences} sentences: {text}",
                    entry.question
                );
            }
        }
    }
}

#[test]
fn french_text_of_the_cases_follows_french_typography() {
    let mut problems = Vec::new();
    for file in CASES {
        let (case, _) = shipped(file);
        let mut texts = vec![
            ("title".to_owned(), case.title.fr.clone()),
            ("text".to_owned(), case.text.fr.clone()),
        ];
        for entry in &case.key {
            texts.push((
                format!("{} justification", entry.question),
                entry.justification.fr.clone(),
            ));
        }
        for (place, text) in texts {
            for problem in typography_problems(&text) {
                problems.push(format!("{file} {place}: {problem}"));
            }
        }
        for text in
            std::iter::once(&case.text.en).chain(case.key.iter().map(|e| &e.justification.en))
        {
            assert!(
                !text.contains('\u{202f}') && !text.contains(" ?"),
                "{file}: {text}"
            );
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_key_graded_against_itself_is_perfect_and_a_uniform_guess_is_not() {
    for file in CASES {
        let (case, classroom) = shipped(file);
        let key = case.grading_key(&classroom).expect("complete");
        let mut perfect = GroupAnswers::new("key");
        let mut all_twos = GroupAnswers::new("all 2");
        for entry in &case.key {
            perfect = perfect.answer(entry.question.as_str(), entry.answer.as_answer());
            all_twos = all_twos.answer(
                entry.question.as_str(),
                tcm_core::Answer::Level(tcm_core::Level::new(2).expect("level")),
            );
        }
        let class = ClassGrade::grade(&classroom, &key, &[perfect, all_twos]);
        assert_eq!(class.groups[0].exact_match_rate, 1.0, "{file}");
        assert!(class.groups[1].exact_match_rate < 0.5, "{file}");
        assert!(class.groups[1].kappa.unwrap_or(0.0) < 0.5, "{file}");
    }
}
