//! The grid speaks one vocabulary: the variants the glossary (`questionnaires/glossary.md`)
//! refuses appear nowhere in the texts a user reads, except quoted from a source in « » or “ ”.

use tcm_core::{Language, Questionnaire};

use crate::util::{grid, read};

/// The refused variants of the glossary's table, per language: (variant, preferred term).
fn refused() -> Vec<(Language, String, String)> {
    let glossary = read("questionnaires/glossary.md");
    let mut refused = Vec::new();
    for line in glossary.lines().filter(|line| line.starts_with("| ")) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // | concept | fr | en | not fr | not en |
        if cells.len() < 7 || cells[1] == "Concept" || cells[1].starts_with("---") {
            continue;
        }
        for (language, preferred, variants) in [
            (Language::French, cells[2], cells[4]),
            (Language::English, cells[3], cells[5]),
        ] {
            for variant in variants.split(", ").filter(|variant| *variant != "—") {
                refused.push((language, variant.to_owned(), preferred.to_owned()));
            }
        }
    }
    refused
}

/// `text` without the parts quoted in « » or “ ”.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for character in text.chars() {
        match character {
            '«' | '“' => depth += 1,
            '»' | '”' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every user-facing text of the questions, per language, with where it is.
fn texts(grid: &Questionnaire, language: Language) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for stage in grid.stages() {
        texts.push((
            format!("stage {}", stage.id),
            stage.purpose.get(language).to_owned(),
        ));
    }
    for theme in grid.themes() {
        texts.push((
            format!("theme {}", theme.id),
            theme.name.get(language).to_owned(),
        ));
    }
    for question in grid.questions() {
        let id = &question.id;
        let mut fields = vec![
            ("text", &question.text),
            ("help", &question.help),
            ("action title", &question.action.title),
            ("action", &question.action.description),
        ];
        if let Some(note) = &question.may_not_apply {
            fields.push(("may_not_apply", note));
        }
        if let Some(rubric) = &question.rubric {
            for level in rubric.levels() {
                fields.push(("rubric", level));
            }
        }
        for (field, text) in fields {
            texts.push((format!("{id} {field}"), text.get(language).to_owned()));
        }
    }
    texts
}

fn problems(grid: &Questionnaire) -> Vec<String> {
    let mut problems = Vec::new();
    for (language, variant, preferred) in refused() {
        let variant_lower = variant.to_lowercase();
        for (place, text) in texts(grid, language) {
            if unquoted(&text).to_lowercase().contains(&variant_lower) {
                problems.push(format!("{place}: `{variant}` instead of `{preferred}`"));
            }
        }
    }
    problems
}

#[test]
fn the_glossary_lists_the_key_terms() {
    let refused = refused();
    for variant in [
        "grands comptes",
        "taux de nourriture",
        "standards de service",
    ] {
        assert!(
            refused
                .iter()
                .any(|(language, refused, _)| *language == Language::French && refused == variant),
            "{variant}"
        );
    }
    for variant in [
        "key accounts",
        "share of requirements",
        "relational charter",
    ] {
        assert!(
            refused
                .iter()
                .any(|(language, refused, _)| *language == Language::English && refused == variant),
            "{variant}"
        );
    }
}

#[test]
fn the_grid_uses_the_glossary_terms() {
    let problems = problems(&grid("tcm-92.toml"));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_glossary_check_finds_a_refused_variant_but_not_a_quoted_one() {
    assert_eq!(unquoted("la « part » du client"), "la  du client");
    // Version 1.0.0 still says "taux de nourriture" in cre-20: the check sees it.
    let old = problems(&grid("tcm-92-v1.toml"));
    assert!(
        old.iter()
            .any(|problem| problem.starts_with("cre-20 text: `taux de nourriture`")),
        "{old:?}"
    );
}
