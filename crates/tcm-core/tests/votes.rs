//! The vote distribution of one question and the "what divides us" order, as tables.

use tcm_core::Answer;
use tcm_core::votes::{VoteDistribution, most_divided};

fn votes(text: &str) -> VoteDistribution {
    VoteDistribution::of_votes(
        text.split_whitespace()
            .map(|vote| vote.parse::<Answer>().expect("a vote")),
    )
}

fn close(actual: Option<f64>, expected: Option<f64>) -> bool {
    match (actual, expected) {
        (Some(a), Some(e)) => (a - e).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}

#[test]
fn distributions_count_levels_na_and_dont_know() {
    // votes, levels 0–4, NA, ?, mean, standard deviation, range, share of "?", divides
    #[allow(clippy::type_complexity)]
    let table: &[(
        &str,
        [usize; 5],
        usize,
        usize,
        Option<f64>,
        Option<f64>,
        Option<u8>,
        Option<f64>,
        bool,
    )] = &[
        ("", [0; 5], 0, 0, None, None, None, None, false),
        (
            "3",
            [0, 0, 0, 1, 0],
            0,
            0,
            Some(3.0),
            Some(0.0),
            Some(0),
            Some(0.0),
            false,
        ),
        (
            "2 2 2",
            [0, 0, 3, 0, 0],
            0,
            0,
            Some(2.0),
            Some(0.0),
            Some(0),
            Some(0.0),
            false,
        ),
        (
            "0 4",
            [1, 0, 0, 0, 1],
            0,
            0,
            Some(2.0),
            Some(2.0),
            Some(4),
            Some(0.0),
            true,
        ),
        (
            "1 3 NA",
            [0, 1, 0, 1, 0],
            1,
            0,
            Some(2.0),
            Some(1.0),
            Some(2),
            Some(0.0),
            true,
        ),
        ("? ?", [0; 5], 0, 2, None, None, None, Some(1.0), true),
        ("NA NA", [0; 5], 2, 0, None, None, None, Some(0.0), false),
        (
            "2 2 ? NA",
            [0, 0, 2, 0, 0],
            1,
            1,
            Some(2.0),
            Some(0.0),
            Some(0),
            Some(0.25),
            true,
        ),
        (
            "0 1 2 3 4",
            [1, 1, 1, 1, 1],
            0,
            0,
            Some(2.0),
            Some(std::f64::consts::SQRT_2),
            Some(4),
            Some(0.0),
            true,
        ),
    ];
    for (given, levels, na, dont_know, mean, deviation, range, share, divides) in table {
        let found = votes(given);
        assert_eq!(found.votes, given.split_whitespace().count(), "{given}");
        assert_eq!(found.levels, *levels, "levels of {given}");
        assert_eq!(found.not_applicable, *na, "NA of {given}");
        assert_eq!(found.dont_know, *dont_know, "? of {given}");
        assert!(
            close(found.mean(), *mean),
            "mean of {given}: {:?}",
            found.mean()
        );
        assert!(
            close(found.standard_deviation(), *deviation),
            "deviation of {given}: {:?}",
            found.standard_deviation()
        );
        assert_eq!(found.range(), *range, "range of {given}");
        assert!(
            close(found.dont_know_share(), *share),
            "share of ? of {given}: {:?}",
            found.dont_know_share()
        );
        assert_eq!(found.divides(), *divides, "divides: {given}");
    }
}

#[test]
fn the_most_divided_come_first_then_the_most_unknown_then_in_order() {
    let questions = [
        ("q1", "2 2 2"),
        ("q2", "0 4"),
        ("q3", "3"),
        ("q4", "2 2 ?"),
        ("q5", "1 3"),
        ("q6", "1 3 ? ?"),
        ("q7", "2 2 2 2"),
    ];
    let order: Vec<&str> = most_divided(
        questions
            .iter()
            .map(|(question, given)| (*question, votes(given))),
    )
    .into_iter()
    .map(|(question, _)| question)
    .collect();
    // q3 has one vote only; q1 and q7 tie on everything and keep their order.
    assert_eq!(order, ["q2", "q6", "q5", "q4", "q1", "q7"]);
}

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");

#[test]
fn room_divisions_count_the_respondents_votes_most_divided_first() {
    use tcm_core::votes::room_divisions;
    use tcm_core::{AnswerSheet, Consensus, QuestionId, Questionnaire, Respondent, Response};
    let questionnaire =
        Questionnaire::from_toml(SAMPLE, "sample.toml").expect("the sample is valid");
    let mut sheet = AnswerSheet::new();
    // cre-01 agreed by all (does not divide), cre-02 split 0/4, cur-01 2/3 with a "?",
    // cur-02 answered by one only.
    for (respondent, question, answer) in [
        ("ann", "cre-01", "2"),
        ("bob", "cre-01", "2"),
        ("cat", "cre-01", "2"),
        ("ann", "cre-02", "0"),
        ("bob", "cre-02", "4"),
        ("ann", "cur-01", "2"),
        ("bob", "cur-01", "3"),
        ("cat", "cur-01", "?"),
        ("ann", "cur-02", "1"),
    ] {
        sheet
            .record(
                Respondent::new(respondent),
                QuestionId::new(format!("sample-{question}")),
                Response {
                    answer: answer.parse().expect("a vote"),
                    comment: None,
                },
            )
            .expect("no duplicate");
    }
    // A consensus is what the room agreed afterwards: never one of the votes.
    sheet.set_consensus(
        QuestionId::new("sample-cre-01"),
        Some(Consensus::NotApplicable),
    );
    let divisions = room_divisions(&questionnaire, &sheet);
    let order: Vec<&str> = divisions
        .iter()
        .map(|(question, _)| question.id.as_str())
        .collect();
    assert_eq!(order, ["sample-cre-02", "sample-cur-01"]);
    let (_, split) = divisions[0];
    assert_eq!(split.votes, 2);
    assert!(close(split.standard_deviation(), Some(2.0)));
    let (_, unsure) = divisions[1];
    assert_eq!(unsure.votes, 3);
    assert!(close(unsure.dont_know_share(), Some(1.0 / 3.0)));
}
