//! The scoring model, case by case. Figures are worked out by hand in each case's comment.
//!
//! Sample weights: cre-01 2, cre-02 1; act-01 2, act-02 1; cur-01 2, cur-02 1;
//! pre-01 1, pre-02 1; pro-01 2, pro-02 1.

use tcm_core::scoring::{Dispersion, QuestionValue, Score, ValueSource};
use tcm_core::{
    Answer, AnswerSheet, Consensus, Level, MaturityLevel, QuestionId, Questionnaire, Respondent,
    Response, StageId, score,
};

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");

fn sample() -> Questionnaire {
    Questionnaire::from_toml(SAMPLE, "sample.toml").expect("the sample is valid")
}

/// An answer sheet from `(respondent, question suffix, answer)` triples.
fn sheet(answers: &[(&str, &str, &str)]) -> AnswerSheet {
    let mut sheet = AnswerSheet::new();
    for (respondent, question, answer) in answers {
        sheet
            .record(
                Respondent::new(*respondent),
                QuestionId::new(format!("sample-{question}")),
                Response {
                    answer: answer.parse().expect("valid answer"),
                    comment: None,
                },
            )
            .expect("no duplicate");
    }
    sheet
}

fn consensus(sheet: &mut AnswerSheet, question: &str, value: Consensus) {
    sheet.set_consensus(QuestionId::new(format!("sample-{question}")), Some(value));
}

/// What a case expects of one stage: (score rounded, coverage, answered, applicable).
type StageExpectation = (StageId, Option<f64>, Option<f64>, usize, usize);

struct Case {
    name: &'static str,
    answers: &'static [(&'static str, &'static str, &'static str)],
    consensus: &'static [(&'static str, Consensus)],
    stages: &'static [StageExpectation],
    overall: Option<f64>,
}

const L0: Consensus = Consensus::Level(level(0));
const L4: Consensus = Consensus::Level(level(4));

const fn level(value: u8) -> Level {
    match Level::new(value) {
        Some(level) => level,
        None => panic!("level out of range"),
    }
}

const CASES: &[Case] = &[
    Case {
        // creative: (2×4 + 1×1) / (3×4) = 9/12 = 75.0; every other stage null.
        name: "weights count: a weight-2 question weighs twice",
        answers: &[("ann", "cre-01", "4"), ("ann", "cre-02", "1")],
        consensus: &[],
        stages: &[
            (StageId::Creative, Some(75.0), Some(1.0), 2, 2),
            (StageId::Active, None, Some(0.0), 0, 2),
        ],
        overall: Some(75.0),
    },
    Case {
        // NA leaves the question out of score and coverage: 2/4 = 50.0, coverage 1/1.
        name: "NA is excluded from the score and from coverage",
        answers: &[("ann", "cre-01", "NA"), ("ann", "cre-02", "2")],
        consensus: &[],
        stages: &[(StageId::Creative, Some(50.0), Some(1.0), 1, 1)],
        overall: Some(50.0),
    },
    Case {
        // ? has no value but stays applicable: 2/4 = 50.0, coverage 1/2.
        name: "? is excluded from the score but lowers coverage",
        answers: &[("ann", "cre-01", "?"), ("ann", "cre-02", "2")],
        consensus: &[],
        stages: &[(StageId::Creative, Some(50.0), Some(0.5), 1, 2)],
        overall: Some(50.0),
    },
    Case {
        // Only NA and ?: no value anywhere, so the score is null, never 0.
        name: "a stage without any value is null, not 0",
        answers: &[
            ("ann", "pro-01", "NA"),
            ("ann", "pro-02", "?"),
            ("ann", "act-01", "0"),
        ],
        consensus: &[],
        stages: &[
            (StageId::Proactive, None, Some(0.0), 0, 1),
            (StageId::Active, Some(0.0), Some(0.5), 1, 2),
        ],
        overall: Some(0.0),
    },
    Case {
        // Every question of the stage NA: null score, null coverage (nothing applicable).
        name: "an entirely not-applicable stage has null score and null coverage",
        answers: &[
            ("ann", "pro-01", "NA"),
            ("ann", "pro-02", "na"),
            ("bob", "pro-01", "N/A"),
        ],
        consensus: &[],
        stages: &[(StageId::Proactive, None, None, 0, 0)],
        overall: None,
    },
    Case {
        // cre-01 mean (4 + 1)/2 = 2.5, ? ignored; cre-02 mean (3 + 2)/2 = 2.5, NA ignored.
        // (2×2.5 + 1×2.5) / 12 = 7.5/12 = 62.5.
        name: "several respondents: the mean of their levels",
        answers: &[
            ("ann", "cre-01", "4"),
            ("bob", "cre-01", "1"),
            ("cid", "cre-01", "?"),
            ("ann", "cre-02", "3"),
            ("bob", "cre-02", "2"),
            ("cid", "cre-02", "NA"),
        ],
        consensus: &[],
        stages: &[(StageId::Creative, Some(62.5), Some(1.0), 2, 2)],
        overall: Some(62.5),
    },
    Case {
        // Respondents average 2 on cre-01 but the consensus says 4: (2×4 + 1×0)/12 = 66.7.
        name: "a consensus value overrides the respondents' mean",
        answers: &[
            ("ann", "cre-01", "1"),
            ("bob", "cre-01", "3"),
            ("ann", "cre-02", "3"),
        ],
        consensus: &[("cre-01", L4), ("cre-02", L0)],
        stages: &[(StageId::Creative, Some(66.7), Some(1.0), 2, 2)],
        overall: Some(66.7),
    },
    Case {
        // A consensus NA removes the question; a consensus on an unanswered question counts.
        // active: act-01 NA by consensus, act-02 = 4 by consensus → 4/4 = 100.
        name: "a consensus NA makes the question not applicable",
        answers: &[("ann", "act-01", "3")],
        consensus: &[("act-01", Consensus::NotApplicable), ("act-02", L4)],
        stages: &[(StageId::Active, Some(100.0), Some(1.0), 1, 1)],
        overall: Some(100.0),
    },
    Case {
        // active: (2×2 + 1×1)/12 = 41.666… → 41.7; curative: (2×1 + 1×0)/12 = 16.666… → 16.7.
        // Overall = mean of exact stage scores (41.666… + 16.666…)/2 = 29.166… → 29.2.
        name: "rounding to 0.1, and the overall index is the mean of exact stage scores",
        answers: &[
            ("ann", "act-01", "2"),
            ("ann", "act-02", "1"),
            ("ann", "cur-01", "1"),
            ("ann", "cur-02", "0"),
        ],
        consensus: &[],
        stages: &[
            (StageId::Active, Some(41.7), Some(1.0), 2, 2),
            (StageId::Curative, Some(16.7), Some(1.0), 2, 2),
        ],
        overall: Some(29.2),
    },
    Case {
        // Each stage counts equally, whatever its number of questions:
        // creative 100 (2 questions), preventive 0 (1 of 2 questions) → 50.
        name: "each stage counts equally in the overall index",
        answers: &[
            ("ann", "cre-01", "4"),
            ("ann", "cre-02", "4"),
            ("ann", "pre-01", "0"),
        ],
        consensus: &[],
        stages: &[
            (StageId::Creative, Some(100.0), Some(1.0), 2, 2),
            (StageId::Preventive, Some(0.0), Some(0.5), 1, 2),
        ],
        overall: Some(50.0),
    },
    Case {
        name: "no answers at all: everything null, nothing covered",
        answers: &[],
        consensus: &[],
        stages: &[
            (StageId::Creative, None, Some(0.0), 0, 2),
            (StageId::Proactive, None, Some(0.0), 0, 2),
        ],
        overall: None,
    },
];

#[test]
fn scoring_cases() {
    let questionnaire = sample();
    let mut failures = Vec::new();
    for case in CASES {
        let mut answers = sheet(case.answers);
        for (question, value) in case.consensus {
            consensus(&mut answers, question, *value);
        }
        let card = score(&questionnaire, &answers);
        for &(stage, expected_score, expected_coverage, answered, applicable) in case.stages {
            let result = &card.stage(stage).expect("every stage is scored").result;
            let found = (
                result.score.map(Score::rounded),
                result.coverage,
                result.answered,
                result.applicable,
            );
            if found != (expected_score, expected_coverage, answered, applicable) {
                failures.push(format!(
                    "{}: stage {stage}: expected {:?}, found {found:?}",
                    case.name,
                    (expected_score, expected_coverage, answered, applicable)
                ));
            }
        }
        let overall = card.overall.map(Score::rounded);
        if overall != case.overall {
            failures.push(format!(
                "{}: overall: expected {:?}, found {overall:?}",
                case.name, case.overall
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn maturity_level_boundaries() {
    let cases = [
        (0.0, 1),
        (19.99, 1),
        (20.0, 2),
        (39.99, 2),
        (40.0, 3),
        (59.99, 3),
        (60.0, 4),
        (79.99, 4),
        (80.0, 5),
        (100.0, 5),
    ];
    for (score, expected) in cases {
        assert_eq!(
            MaturityLevel::from_score(score).number(),
            expected,
            "score {score}"
        );
    }
}

#[test]
fn the_level_matches_the_score_as_reported() {
    // 19.96 is shown as 20.0, so it reads as level 2; 19.94 is shown as 19.9, level 1.
    assert_eq!(Score::new(19.96).rounded(), 20.0);
    assert_eq!(Score::new(19.96).level(), MaturityLevel::Emerging);
    assert_eq!(Score::new(19.94).level(), MaturityLevel::Embryonic);
    assert_eq!(Score::new(79.95).level(), MaturityLevel::Partnership);
    assert_eq!(Score::new(79.94).level(), MaturityLevel::Managed);
}

#[test]
fn rounding_to_a_tenth_rounds_halves_up() {
    let cases = [
        (12.25, 12.3),
        (12.24, 12.2),
        (200.0 / 3.0, 66.7),
        (100.0 / 3.0, 33.3),
        (87.5, 87.5),
        (0.05, 0.1),
        (0.0, 0.0),
        (100.0, 100.0),
        // 100 × 7/12 = 58.333…; 100 × 0.29166… (7/24) = 29.1666… → 29.2
        (100.0 * 7.0 / 24.0, 29.2),
    ];
    for (value, expected) in cases {
        assert_eq!(Score::new(value).rounded(), expected, "{value}");
    }
}

#[test]
fn question_values_and_their_source() {
    let questionnaire = sample();
    let mut answers = sheet(&[
        ("ann", "cre-01", "4"),
        ("bob", "cre-01", "1"),
        ("cid", "cre-01", "2"),
        ("dan", "cre-01", "?"),
        ("ann", "cre-02", "NA"),
        ("bob", "cre-02", "NA"),
        ("ann", "act-01", "NA"),
        ("bob", "act-01", "?"),
    ]);
    consensus(&mut answers, "act-02", L0);
    let card = score(&questionnaire, &answers);
    let value = |id: &str| {
        card.question(&format!("sample-{id}"))
            .expect("question")
            .clone()
    };

    let cre01 = value("cre-01");
    assert_eq!(cre01.value, QuestionValue::Value(7.0 / 3.0));
    assert_eq!(cre01.source, ValueSource::Respondents);
    assert_eq!(cre01.dont_know, 1);
    // Levels 4, 1, 2: mean 7/3; population variance ((5/3)² + (4/3)² + (1/3)²)/3 = 14/9.
    let spread = cre01.dispersion.expect("levels were given");
    assert_eq!((spread.count, spread.min, spread.max), (3, 1, 4));
    assert!((spread.mean - 7.0 / 3.0).abs() < 1e-12);
    assert!((spread.standard_deviation - (14.0f64 / 9.0).sqrt()).abs() < 1e-12);

    assert_eq!(
        value("cre-02").value,
        QuestionValue::NotApplicable,
        "all respondents NA"
    );
    assert_eq!(
        value("act-01").value,
        QuestionValue::NoValue,
        "NA and ? without a level"
    );
    assert_eq!(value("act-02").value, QuestionValue::Value(0.0));
    assert_eq!(value("act-02").source, ValueSource::Consensus);
    assert_eq!(value("cur-01").value, QuestionValue::NoValue, "unanswered");
    assert_eq!(value("cur-01").dispersion, None);
    assert_eq!(card.respondents, 4);
}

#[test]
fn dispersion_of_identical_levels_is_zero() {
    let spread = Dispersion::of_levels(&[3, 3, 3]).expect("levels");
    assert_eq!(spread.standard_deviation, 0.0);
    assert_eq!(spread.range(), 0);
    assert_eq!(Dispersion::of_levels(&[]), None);
}

#[test]
fn theme_scores_use_the_stage_formula() {
    let questionnaire = sample();
    let answers = sheet(&[("ann", "cre-01", "3"), ("ann", "cre-02", "1")]);
    let card = score(&questionnaire, &answers);
    let segmentation = &card.theme("segmentation").expect("theme").result;
    let value = &card.theme("customer-value").expect("theme").result;
    assert_eq!(segmentation.score.map(Score::rounded), Some(75.0));
    assert_eq!(value.score.map(Score::rounded), Some(25.0));
    // The stage mixes both with their weights: (2×3 + 1×1)/12 = 58.3.
    let stage = &card.stage(StageId::Creative).expect("stage").result;
    assert_eq!(stage.score.map(Score::rounded), Some(58.3));
    assert_eq!(
        card.theme("satisfaction").expect("theme").result.score,
        None
    );
}

#[test]
fn answers_to_unknown_questions_play_no_part() {
    let questionnaire = sample();
    let mut answers = sheet(&[("ann", "cre-01", "4")]);
    answers
        .record(
            Respondent::new("zoe"),
            QuestionId::new("not-in-the-grid"),
            Response {
                answer: Answer::Level(level(0)),
                comment: None,
            },
        )
        .expect("recorded");
    let card = score(&questionnaire, &answers);
    assert_eq!(card.respondents, 1);
    assert_eq!(card.overall.map(Score::rounded), Some(100.0));
}

#[test]
fn a_respondent_cannot_answer_the_same_question_twice() {
    let mut answers = sheet(&[("ann", "cre-01", "4")]);
    let duplicate = answers.record(
        Respondent::new("ann"),
        QuestionId::new("sample-cre-01"),
        Response {
            answer: Answer::DontKnow,
            comment: None,
        },
    );
    let error = duplicate.expect_err("refused");
    assert_eq!(
        error.to_string(),
        "respondent `ann` already answered question `sample-cre-01`"
    );
}

#[test]
fn answers_are_read_in_every_accepted_spelling() {
    let cases = [
        ("0", Some(Answer::Level(level(0)))),
        ("4", Some(Answer::Level(level(4)))),
        (" 3 ", Some(Answer::Level(level(3)))),
        ("NA", Some(Answer::NotApplicable)),
        ("na", Some(Answer::NotApplicable)),
        ("N/A", Some(Answer::NotApplicable)),
        ("n/a", Some(Answer::NotApplicable)),
        ("?", Some(Answer::DontKnow)),
        ("5", None),
        ("-1", None),
        ("03", None),
        ("2.5", None),
        ("", None),
        ("yes", None),
    ];
    for (text, expected) in cases {
        assert_eq!(text.parse::<Answer>().ok(), expected, "{text:?}");
    }
}

/// Issue 9: a weight of 1e308 overflowed Σ(weight × 4) to infinity, the score became NaN
/// and NaN read as level 5. Scoring never yields NaN whatever weights it is handed.
#[test]
fn huge_weights_never_make_a_score_nan() {
    use tcm_core::scoring::{QuestionScore, score_group};
    let question = |id: &str, weight: f64, value: f64| QuestionScore {
        question: QuestionId::new(id),
        stage: StageId::Creative,
        theme: tcm_core::ThemeId::new("theme"),
        weight,
        value: QuestionValue::Value(value),
        source: ValueSource::Respondents,
        dispersion: None,
        not_applicable: 0,
        dont_know: 0,
    };
    let group = [question("a", 1e308, 1.0), question("b", 1e308, 3.0)];
    let score = score_group(group.iter()).score.expect("answered");
    assert_eq!(score.rounded(), 50.0);
    assert_eq!(score.level(), MaturityLevel::Structured);
    let group = [question("a", 1e308, 0.0), question("b", 1.0, 4.0)];
    let score = score_group(group.iter()).score.expect("answered");
    assert_eq!(score.rounded(), 0.0, "the huge weight dominates");
}
