//! Table tests of grading on the ten-question sample questionnaire (two questions per stage;
//! the first of créative, active, curative and proactive weighs 2).

use super::*;
use crate::stage::StageId;

const SAMPLE: &str = include_str!("../../../../questionnaires/sample.toml");

fn sample() -> Questionnaire {
    Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid sample")
}

fn level(value: u8) -> Level {
    Level::new(value).expect("a level")
}

fn lv(value: u8) -> Answer {
    Answer::Level(level(value))
}

/// The key used throughout: a mix of levels and one `NA`.
fn key(questionnaire: &Questionnaire) -> Key {
    let entries = [
        ("sample-cre-01", KeyAnswer::Level(level(3))),
        ("sample-cre-02", KeyAnswer::Level(level(1))),
        ("sample-act-01", KeyAnswer::Level(level(2))),
        ("sample-act-02", KeyAnswer::Level(level(4))),
        ("sample-cur-01", KeyAnswer::Level(level(0))),
        ("sample-cur-02", KeyAnswer::NotApplicable),
        ("sample-pre-01", KeyAnswer::Level(level(2))),
        ("sample-pre-02", KeyAnswer::Level(level(1))),
        ("sample-pro-01", KeyAnswer::Level(level(4))),
        ("sample-pro-02", KeyAnswer::Level(level(0))),
    ];
    Key::new(
        questionnaire,
        entries.map(|(question, answer)| (QuestionId::new(question), answer)),
    )
    .expect("complete key")
}

/// Group A: every kind of outcome once or more.
fn group_a() -> GroupAnswers {
    GroupAnswers::new("A")
        .answer("sample-cre-01", lv(3)) // exact
        .answer("sample-cre-02", lv(2)) // +1
        .answer("sample-act-01", lv(0)) // −2
        .answer("sample-act-02", lv(4)) // exact
        .answer("sample-cur-01", Answer::DontKnow) // unanswered
        .answer("sample-cur-02", Answer::NotApplicable) // both NA
        .answer("sample-pre-01", Answer::NotApplicable) // NA against a level
        .answer("sample-pre-02", lv(1)) // exact
        .answer("sample-pro-01", lv(1)) // −3
    // sample-pro-02 left unanswered
}

/// Group B: the key itself.
fn group_b(questionnaire: &Questionnaire, key: &Key) -> GroupAnswers {
    let mut group = GroupAnswers::new("B");
    for (question, answer) in questionnaire.questions().iter().zip(key.answers()) {
        group = group.answer(question.id.as_str(), answer.as_answer());
    }
    group
}

/// Group C: `?` everywhere.
fn group_c(questionnaire: &Questionnaire) -> GroupAnswers {
    let mut group = GroupAnswers::new("C");
    for question in questionnaire.questions() {
        group = group.answer(question.id.as_str(), Answer::DontKnow);
    }
    group
}

fn close(actual: Option<f64>, expected: Option<f64>) {
    match (actual, expected) {
        (Some(actual), Some(expected)) => assert!(
            (actual - expected).abs() < 1e-9,
            "expected {expected}, got {actual}"
        ),
        (actual, expected) => assert_eq!(actual, expected),
    }
}

fn score_of(score: Option<crate::scoring::Score>) -> Option<f64> {
    score.map(|score| score.rounded())
}

#[test]
fn outcome_of_each_pair_of_answers() {
    let na = KeyAnswer::NotApplicable;
    let k2 = KeyAnswer::Level(level(2));
    // (key, given, outcome, exact match, within one)
    let table = [
        (k2, Some(lv(2)), Outcome::Exact, true, true),
        (k2, Some(lv(3)), Outcome::Off(1), false, true),
        (k2, Some(lv(1)), Outcome::Off(-1), false, true),
        (k2, Some(lv(4)), Outcome::Off(2), false, false),
        (k2, Some(lv(0)), Outcome::Off(-2), false, false),
        (
            k2,
            Some(Answer::NotApplicable),
            Outcome::NotApplicableMismatch,
            false,
            false,
        ),
        (
            k2,
            Some(Answer::DontKnow),
            Outcome::Unanswered,
            false,
            false,
        ),
        (k2, None, Outcome::Unanswered, false, false),
        (
            na,
            Some(Answer::NotApplicable),
            Outcome::BothNotApplicable,
            true,
            true,
        ),
        (
            na,
            Some(lv(0)),
            Outcome::NotApplicableMismatch,
            false,
            false,
        ),
        (
            na,
            Some(Answer::DontKnow),
            Outcome::Unanswered,
            false,
            false,
        ),
        (na, None, Outcome::Unanswered, false, false),
    ];
    let questionnaire = sample();
    for (key_answer, given, outcome, exact, within_one) in table {
        // Grade a one-question difference through the public function.
        let mut entries: Vec<(QuestionId, KeyAnswer)> = questionnaire
            .questions()
            .iter()
            .map(|question| (question.id.clone(), KeyAnswer::Level(level(0))))
            .collect();
        entries[0].1 = key_answer;
        let key = Key::new(&questionnaire, entries).expect("complete");
        let mut group = GroupAnswers::new("g");
        if let Some(given) = given {
            group = group.answer("sample-cre-01", given);
        }
        let grade = grade_group(&questionnaire, &key, &group);
        let first = &grade.questions[0];
        assert_eq!(first.outcome, outcome, "{key_answer} vs {given:?}");
        assert_eq!(first.outcome.is_match(), exact, "{key_answer} vs {given:?}");
        assert_eq!(
            first.outcome.is_within_one(),
            within_one,
            "{key_answer} vs {given:?}"
        );
    }
}

#[test]
fn metrics_of_one_group_against_the_key() {
    let questionnaire = sample();
    let key = key(&questionnaire);
    let grade = grade_group(&questionnaire, &key, &group_a());
    // Matches: cre-01, act-02, cur-02 (both NA), pre-02 → 4 of 10.
    close(Some(grade.exact_match_rate), Some(0.4));
    // Plus cre-02 (one level off) → 5 of 10.
    close(Some(grade.within_one_rate), Some(0.5));
    // Level pairs: cre-01 (3,3), cre-02 (1,2), act-01 (2,0), act-02 (4,4), pre-02 (1,1),
    // pro-01 (4,1): |d| = 0 + 1 + 2 + 0 + 0 + 3 = 6 over 6.
    assert_eq!(grade.compared, 6);
    close(grade.mean_absolute_difference, Some(1.0));
    // By hand: Σw·O = 14, Σw·E = 138 / 6 = 23, κ = 1 − 14/23 = 9/23; scikit-learn 1.9.1
    // `cohen_kappa_score([3,1,2,4,1,4], [3,2,0,4,1,1], labels=[0,1,2,3,4],
    // weights="quadratic")` printed 0.3913043478260869.
    close(grade.kappa, Some(9.0 / 23.0));
    close(grade.kappa, Some(0.391_304_347_826_086_9));
    assert_eq!(grade.unanswered, 2);
    let furthest: Vec<(&str, Option<i8>)> = grade
        .furthest(5)
        .iter()
        .map(|q| (q.question.as_str(), q.outcome.difference()))
        .collect();
    assert_eq!(
        furthest,
        [("sample-pro-01", Some(-3)), ("sample-act-01", Some(-2))]
    );
    assert_eq!(grade.furthest(1).len(), 1);
}

#[test]
fn stage_scores_beside_the_key_use_the_scoring_model() {
    let questionnaire = sample();
    let key = key(&questionnaire);
    let grade = grade_group(&questionnaire, &key, &group_a());
    let by_stage: Vec<(StageId, Option<f64>, Option<f64>)> = grade
        .stages
        .iter()
        .map(|stage| (stage.stage, score_of(stage.group), score_of(stage.key)))
        .collect();
    assert_eq!(
        by_stage,
        [
            // Group (2×3 + 2) / 12; key (2×3 + 1) / 12.
            (StageId::Creative, Some(66.7), Some(58.3)),
            // Group (2×0 + 4) / 12; key (2×2 + 4) / 12.
            (StageId::Active, Some(33.3), Some(66.7)),
            // Group: `?` and `NA` leave no value; key: 0 (weight 2), the `NA` is left out.
            (StageId::Curative, None, Some(0.0)),
            // Both weigh 1 here. Group: `NA` left out, 1 / 4; key (2 + 1) / 8.
            (StageId::Preventive, Some(25.0), Some(37.5)),
            // Group: 2×1 / 8 (pro-02 unanswered); key (2×4 + 0) / 12.
            (StageId::Proactive, Some(25.0), Some(66.7)),
        ]
    );
    // Overall: mean of the non-null stages.
    close(
        score_of(grade.overall.group),
        Some(((200.0 / 3.0 + 100.0 / 3.0 + 25.0 + 25.0) / 4.0 * 10.0_f64).round() / 10.0),
    );
}

#[test]
fn a_group_that_answered_nothing_has_no_distance_and_no_kappa() {
    let questionnaire = sample();
    let key = key(&questionnaire);
    let grade = grade_group(&questionnaire, &key, &group_c(&questionnaire));
    close(Some(grade.exact_match_rate), Some(0.0));
    close(Some(grade.within_one_rate), Some(0.0));
    assert_eq!(grade.compared, 0);
    assert_eq!(grade.unanswered, 10);
    close(grade.mean_absolute_difference, None);
    close(grade.kappa, None);
    assert!(grade.stages.iter().all(|stage| stage.group.is_none()));
    assert!(grade.furthest(10).is_empty());
}

#[test]
fn the_key_graded_against_itself_is_perfect() {
    let questionnaire = sample();
    let key = key(&questionnaire);
    let grade = grade_group(&questionnaire, &key, &group_b(&questionnaire, &key));
    close(Some(grade.exact_match_rate), Some(1.0));
    close(grade.mean_absolute_difference, Some(0.0));
    close(grade.kappa, Some(1.0));
    for stage in &grade.stages {
        assert_eq!(stage.group, stage.key);
    }
}

#[test]
fn class_distribution_per_question() {
    let questionnaire = sample();
    let key = key(&questionnaire);
    let groups = [
        group_a(),
        group_b(&questionnaire, &key),
        group_c(&questionnaire),
    ];
    let class = ClassGrade::grade(&questionnaire, &key, &groups);
    let cre_02 = &class.questions[1];
    assert_eq!(cre_02.question.as_str(), "sample-cre-02");
    assert_eq!(
        cre_02.distribution,
        AnswerDistribution {
            levels: [0, 1, 1, 0, 0],
            not_applicable: 0,
            dont_know: 1,
            unanswered: 0,
        }
    );
    assert_eq!((cre_02.matches, cre_02.misses(), cre_02.groups), (1, 2, 3));
    // A said 2 and B said 1 against a key of 1: gaps 1 and 0.
    close(cre_02.mean_absolute_difference, Some(0.5));
    close(cre_02.mean_difference, Some(0.5));
    let pro_01 = &class.questions[8];
    // A said 1 against 4: the class judged this practice too harshly.
    close(pro_01.mean_difference, Some(-1.5));
    let pro_02 = &class.questions[9];
    assert_eq!(pro_02.distribution.unanswered, 1);
    let cur_02 = &class.questions[5];
    assert_eq!(cur_02.key, KeyAnswer::NotApplicable);
    assert_eq!(cur_02.distribution.not_applicable, 2);
    assert_eq!(cur_02.matches, 2);
    close(cur_02.mean_absolute_difference, None);
}

#[test]
fn debrief_lists_the_questions_most_often_wrong_first() {
    let questionnaire = sample();
    let key = key(&questionnaire);
    let groups = [
        group_a(),
        group_b(&questionnaire, &key),
        group_c(&questionnaire),
    ];
    let class = ClassGrade::grade(&questionnaire, &key, &groups);
    let debrief: Vec<&str> = class
        .debrief(usize::MAX)
        .iter()
        .map(|question| question.question.as_str())
        .collect();
    assert_eq!(
        debrief,
        [
            // Missed by A and C, largest mean gap first, then questionnaire order.
            "sample-pro-01",
            "sample-act-01",
            "sample-cre-02",
            "sample-cur-01",
            "sample-pre-01",
            "sample-pro-02",
            // Missed by C only.
            "sample-cre-01",
            "sample-act-02",
            "sample-cur-02",
            "sample-pre-02",
        ]
    );
    assert_eq!(class.debrief(3).len(), 3);
    // A class that matches the key has nothing to debrief.
    let perfect = ClassGrade::grade(&questionnaire, &key, &[group_b(&questionnaire, &key)]);
    assert!(perfect.debrief(10).is_empty());
}

#[test]
fn stage_matrix_has_one_row_per_group_and_the_key() {
    let questionnaire = sample();
    let key = key(&questionnaire);
    let groups = [group_a(), group_b(&questionnaire, &key)];
    let class = ClassGrade::grade(&questionnaire, &key, &groups);
    let matrix = class.stage_matrix();
    assert_eq!(matrix.stages, StageId::ALL);
    assert_eq!(matrix.rows.len(), 2);
    assert_eq!(matrix.rows[0].0, "A");
    assert_eq!(
        matrix.rows[0]
            .1
            .iter()
            .map(|s| score_of(*s))
            .collect::<Vec<_>>(),
        [Some(66.7), Some(33.3), None, Some(25.0), Some(25.0)]
    );
    assert_eq!(matrix.rows[1].1, matrix.key);
    let empty = ClassGrade::grade(&questionnaire, &key, &[]);
    assert_eq!(empty.stage_matrix().stages, StageId::ALL);
    assert!(empty.stage_matrix().rows.is_empty());
}

#[test]
fn ranking_by_kappa_with_shared_ranks() {
    let questionnaire = sample();
    let key = key(&questionnaire);
    let mut twin = group_a();
    twin.group = "A bis".to_owned();
    let groups = [
        group_c(&questionnaire),
        group_a(),
        group_b(&questionnaire, &key),
        twin,
    ];
    let class = ClassGrade::grade(&questionnaire, &key, &groups);
    let ranked = class.ranking();
    let ranking: Vec<(usize, &str)> = ranked
        .iter()
        .map(|ranked| (ranked.rank, ranked.group.as_str()))
        .collect();
    assert_eq!(
        ranking.iter().map(|(rank, _)| *rank).collect::<Vec<_>>(),
        [1, 2, 2, 4]
    );
    assert_eq!(
        ranking.iter().map(|(_, group)| *group).collect::<Vec<_>>(),
        ["B", "A", "A bis", "C"]
    );
}

#[test]
fn a_key_must_answer_every_question_and_only_those() {
    let questionnaire = sample();
    let mut entries: Vec<(QuestionId, KeyAnswer)> = questionnaire
        .questions()
        .iter()
        .skip(1)
        .map(|question| (question.id.clone(), KeyAnswer::NotApplicable))
        .collect();
    entries.push((QuestionId::new("cre-99"), KeyAnswer::Level(level(1))));
    let mismatch = Key::new(&questionnaire, entries).expect_err("incomplete key");
    assert_eq!(mismatch.missing, [QuestionId::new("sample-cre-01")]);
    assert_eq!(mismatch.unknown, [QuestionId::new("cre-99")]);
}

#[test]
fn group_answers_from_one_respondent_of_a_sheet() {
    let mut sheet = AnswerSheet::new();
    for (who, answer) in [("Groupe 1", lv(3)), ("Groupe 2", lv(1))] {
        sheet.set(
            Respondent::new(who),
            QuestionId::new("sample-cre-01"),
            Response {
                answer,
                comment: None,
            },
        );
    }
    let group = GroupAnswers::of_respondent(&sheet, &Respondent::new("Groupe 2"));
    assert_eq!(group.group, "Groupe 2");
    assert_eq!(group.answers.len(), 1);
    assert_eq!(group.answers[&QuestionId::new("sample-cre-01")], lv(1));
}
