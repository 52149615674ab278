//! Version 2.0.0 of the grid next to version 1.0.0: the old grid stays readable and scorable,
//! the mapping covers both, and every source quotes the seed document it names.

use std::collections::HashSet;

use tcm_core::questionnaire::{QuestionChange, QuestionMapping};

use crate::util::{grid, read, repository};

fn mapping() -> QuestionMapping {
    QuestionMapping::from_toml(
        &read("questionnaires/tcm-92-v1-to-v2.toml"),
        "tcm-92-v1-to-v2.toml",
    )
    .unwrap_or_else(|invalid| panic!("{invalid}"))
}

#[test]
fn version_1_stays_readable_and_round_trips_as_format_1() {
    let old = grid("tcm-92-v1.toml");
    assert_eq!(old.version().to_string(), "1.0.0");
    assert_eq!(old.questions().len(), 92);
    assert_eq!(old.format(), 1);
    let snapshot = old.to_toml();
    assert!(snapshot.starts_with("format = 1\n"));
    let again = tcm_core::Questionnaire::from_toml(&snapshot, "snapshot.toml").expect("valid");
    assert_eq!(again, old);
    let new = grid("tcm-92.toml");
    assert_eq!(new.version().to_string(), "2.0.0");
    assert_eq!(new.format(), 2);
}

#[test]
fn the_mapping_covers_every_question_of_both_versions() {
    let (old, new) = (grid("tcm-92-v1.toml"), grid("tcm-92.toml"));
    let mapping = mapping();
    mapping
        .check(&old, &new)
        .unwrap_or_else(|invalid| panic!("{}", invalid.problems.join("\n")));
    for question in old.questions() {
        assert!(
            mapping.change(question.id.as_str()).is_some(),
            "{}",
            question.id
        );
    }
    // The merges the review asked for.
    for (merged, into) in [
        ("act-11", "pre-15"),
        ("cre-12", "cre-15"),
        ("cur-14", "cur-16"),
        ("cur-15", "cur-08"),
        ("act-04", "pre-02"),
        ("pro-10", "act-20"),
        ("cre-23", "cre-22"),
    ] {
        assert_eq!(
            mapping.change(merged),
            Some(&QuestionChange::MergedInto(tcm_core::QuestionId::new(into))),
            "{merged}"
        );
    }
    let pairs = mapping.comparable_pairs(&old, &new);
    assert_eq!(
        pairs.len(),
        85,
        "comparisons across versions rest on 85 questions"
    );
    let new_ids: HashSet<&str> = mapping
        .new_questions()
        .iter()
        .map(|id| id.as_str())
        .collect();
    assert_eq!(new_ids.len(), 7);
}

/// Whitespace and apostrophes normalised; nothing else.
fn normalised(text: &str) -> String {
    text.replace(['’', '‘'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The seed documents live next to the repository (`../shared/seeds`), or where
/// `TCM_SEEDS` points.
fn seeds() -> Vec<(String, String)> {
    let folder = std::env::var_os("TCM_SEEDS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| repository().join("../shared/seeds"));
    let entries = std::fs::read_dir(&folder).unwrap_or_else(|error| {
        panic!(
            "the seed documents are needed to check the quotes: {} ({error}); set TCM_SEEDS",
            folder.display()
        )
    });
    let mut seeds: Vec<(String, String)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let number = name.get(..3)?.to_owned();
            let text = std::fs::read_to_string(entry.path()).ok()?;
            Some((number, normalised(&text)))
        })
        .collect();
    seeds.sort();
    seeds
}

#[test]
fn every_source_names_a_seed_and_quotes_it_verbatim() {
    let seeds = seeds();
    assert!(seeds.len() >= 5, "five seed documents");
    let mut problems = Vec::new();
    for question in grid("tcm-92.toml").questions() {
        let number = question
            .source
            .strip_prefix('[')
            .and_then(|rest| rest.get(..3))
            .unwrap_or_default();
        let Some((_, text)) = seeds.iter().find(|(seed, _)| seed == number) else {
            problems.push(format!("{}: no seed [{number}]", question.id));
            continue;
        };
        match &question.quote {
            None => problems.push(format!("{}: no quote", question.id)),
            Some(quote) if !text.contains(&normalised(quote)) => problems.push(format!(
                "{}: « {quote} » is not in seed {number}",
                question.id
            )),
            Some(_) => {}
        }
        if question.source.contains("Kotler") {
            problems.push(format!("{}: cite seed 003 by its title", question.id));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
