//! Properties that hold for any answers and any text: bounds of scores and coverage, order
//! independence (of answers and of respondents), monotonicity, NA invariance, the action
//! plan's total and stable order, and a parser that never panics.

use proptest::prelude::*;
use tcm_core::scoring::{QuestionScore, QuestionValue, ValueSource, score_group};
use tcm_core::{
    Answer, AnswerSheet, Language, Level, QuestionId, Questionnaire, Respondent, Response, Score,
    Scorecard, StageId, Targets, ThemeId, action_plan, parse_questionnaire_file, score,
};

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        (0u8..=4).prop_map(|value| Answer::Level(Level::new(value).expect("in range"))),
        Just(Answer::NotApplicable),
        Just(Answer::DontKnow),
    ]
}

/// Up to 6 respondents, each answering a random subset of the sample's 10 questions.
fn answers() -> impl Strategy<Value = Vec<(u8, usize, Answer)>> {
    proptest::collection::vec((0u8..6, 0usize..10, answer()), 0..60)
}

/// Every score of a card (stages, themes, overall), in a fixed order.
fn all_scores(card: &Scorecard) -> Vec<Option<f64>> {
    card.stages
        .iter()
        .map(|stage| stage.result.score.map(Score::value))
        .chain(
            card.themes
                .iter()
                .map(|theme| theme.result.score.map(Score::value)),
        )
        .chain(std::iter::once(card.overall.map(Score::value)))
        .collect()
}

/// The same scores up to floating-point summation order.
fn same_scores(a: &[Option<f64>], b: &[Option<f64>]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|pair| match pair {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            (None, None) => true,
            _ => false,
        })
}

/// The first answer of each (respondent, question) pair, as the sheet keeps it.
fn first_answers(triples: &[(u8, usize, Answer)]) -> Vec<(u8, usize, Answer)> {
    let mut seen = std::collections::HashSet::new();
    triples
        .iter()
        .filter(|(respondent, question, _)| seen.insert((*respondent, *question)))
        .cloned()
        .collect()
}

fn build(questionnaire: &Questionnaire, triples: &[(u8, usize, Answer)]) -> AnswerSheet {
    let mut sheet = AnswerSheet::new();
    for (respondent, question, answer) in triples {
        let id = questionnaire.questions()[*question].id.clone();
        let _ = sheet.record(
            Respondent::new(format!("r{respondent}")),
            id,
            Response {
                answer: *answer,
                comment: None,
            },
        );
    }
    sheet
}

/// Any weight a buggy caller could hand to scoring: ordinary, tiny, huge, zero, negative,
/// infinite or NaN (the validator refuses all but the ordinary ones).
fn any_weight() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.001f64..=100.0,
        Just(f64::MAX),
        Just(1e308),
        Just(f64::MIN_POSITIVE),
        Just(5e-324),
        Just(0.0),
        Just(-1.0),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(f64::NAN),
        proptest::num::f64::ANY,
    ]
}

fn any_value() -> impl Strategy<Value = QuestionValue> {
    prop_oneof![
        (0.0f64..=4.0).prop_map(QuestionValue::Value),
        Just(QuestionValue::NotApplicable),
        Just(QuestionValue::NoValue),
    ]
}

fn question_score(index: usize, weight: f64, value: QuestionValue) -> QuestionScore {
    QuestionScore {
        question: QuestionId::new(format!("q-{index}")),
        stage: StageId::Creative,
        theme: ThemeId::new("theme"),
        weight,
        value,
        source: ValueSource::Respondents,
        dispersion: None,
        not_applicable: 0,
        dont_know: 0,
    }
}

/// The sample with every question's weight set to `weight`.
fn sample_weighted(weight: f64) -> String {
    SAMPLE.replace("weight = 2", &format!("weight = {weight:?}"))
}

proptest! {
    /// The overall index a store keeps from per-question counts is exactly the one scoring
    /// computes from every answer (consensus values included).
    #[test]
    fn the_overall_index_from_tallies_equals_the_full_score(
        triples in answers(),
        agreed in proptest::collection::vec((0usize..10, proptest::option::of(0u8..=4)), 0..4),
    ) {
        let questionnaire = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
        let mut sheet = build(&questionnaire, &triples);
        for (question, level) in &agreed {
            let id = questionnaire.questions()[*question].id.clone();
            let consensus = match level {
                Some(level) => tcm_core::Consensus::Level(Level::new(*level).expect("in range")),
                None => tcm_core::Consensus::NotApplicable,
            };
            sheet.set_consensus(id, Some(consensus));
        }
        let full = score(&questionnaire, &sheet).overall.map(Score::value);
        let tallied = tcm_core::scoring::overall_from_tallies(
            &questionnaire,
            |question| {
                tcm_core::scoring::AnswerTally::of_answers(
                    sheet
                        .responses()
                        .filter(|(_, id, _)| *id == question)
                        .map(|(_, _, response)| &response.answer),
                )
            },
            |question| sheet.consensus(question),
        )
        .map(Score::value);
        prop_assert_eq!(full, tallied);
        let card = score(&questionnaire, &sheet);
        let stages = tcm_core::scoring::stage_scores_from_tallies(
            &questionnaire,
            |question| {
                tcm_core::scoring::AnswerTally::of_answers(
                    sheet
                        .responses()
                        .filter(|(_, id, _)| *id == question)
                        .map(|(_, _, response)| &response.answer),
                )
            },
            |question| sheet.consensus(question),
        );
        for stage in &card.stages {
            prop_assert_eq!(stage.result.score, stages[stage.stage.index()]);
        }
    }

    #[test]
    fn no_weight_makes_a_group_score_nan_infinite_or_out_of_bounds(
        questions in proptest::collection::vec((any_weight(), any_value()), 0..40)
    ) {
        let scored: Vec<QuestionScore> = questions
            .iter()
            .enumerate()
            .map(|(index, (weight, value))| question_score(index, *weight, *value))
            .collect();
        let group = score_group(scored.iter());
        if let Some(score) = group.score {
            prop_assert!(score.value().is_finite(), "score {:?}", score.value());
            prop_assert!((0.0..=100.0).contains(&score.value()), "score {}", score.value());
            prop_assert!((0.0..=100.0).contains(&score.rounded()));
        }
        if let Some(coverage) = group.coverage {
            prop_assert!(coverage.is_finite() && (0.0..=1.0).contains(&coverage));
        }
    }

    #[test]
    fn any_accepted_weight_scores_finitely_within_bounds(
        weight in prop_oneof![0.000_001f64..=100.0, Just(100.0), Just(f64::MIN_POSITIVE)],
        triples in answers(),
    ) {
        let text = sample_weighted(weight);
        // A weight the validator accepts must score; one it refuses plays no part.
        if let Ok(questionnaire) = Questionnaire::from_toml(&text, "weighted.toml") {
            let card = score(&questionnaire, &build(&questionnaire, &triples));
            let groups = card.stages.iter().map(|s| &s.result).chain(card.themes.iter().map(|t| &t.result));
            for score in groups.filter_map(|group| group.score).chain(card.overall) {
                prop_assert!(score.value().is_finite() && (0.0..=100.0).contains(&score.value()));
            }
        }
    }

    #[test]
    fn no_score_value_reads_as_nan_infinite_or_out_of_bounds(value in proptest::num::f64::ANY) {
        let score = Score::new(value);
        prop_assert!(score.value().is_finite() && (0.0..=100.0).contains(&score.value()));
        prop_assert!((0.0..=100.0).contains(&score.rounded()));
    }

    #[test]
    fn scores_and_coverage_stay_in_bounds(triples in answers()) {
        let questionnaire = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
        let card = score(&questionnaire, &build(&questionnaire, &triples));
        let stage_scores: Vec<f64> = card.stages.iter().filter_map(|s| s.result.score.map(Score::value)).collect();
        for group in card.stages.iter().map(|s| &s.result).chain(card.themes.iter().map(|t| &t.result)) {
            if let Some(score) = group.score {
                prop_assert!((0.0..=100.0).contains(&score.value()));
            }
            if let Some(coverage) = group.coverage {
                prop_assert!((0.0..=1.0).contains(&coverage));
            }
            prop_assert!(group.answered <= group.applicable && group.applicable <= group.questions);
            prop_assert_eq!(group.score.is_some(), group.answered > 0);
        }
        match card.overall {
            None => prop_assert!(stage_scores.is_empty()),
            Some(overall) => {
                let min = stage_scores.iter().cloned().fold(f64::INFINITY, f64::min);
                let max = stage_scores.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                prop_assert!(overall.value() >= min - 1e-9 && overall.value() <= max + 1e-9);
            }
        }
    }

    #[test]
    fn the_order_answers_arrive_in_does_not_matter(triples in answers()) {
        let questionnaire = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
        let forward = score(&questionnaire, &build(&questionnaire, &triples));
        let mut reversed_triples = triples.clone();
        reversed_triples.reverse();
        // Keep the first answer of each (respondent, question) pair in both orders.
        let mut seen = std::collections::HashSet::new();
        let deduplicated: Vec<_> = triples.iter().filter(|(r, q, _)| seen.insert((*r, *q))).cloned().collect();
        let mut backward_input = deduplicated.clone();
        backward_input.reverse();
        let once = score(&questionnaire, &build(&questionnaire, &deduplicated));
        let backward = score(&questionnaire, &build(&questionnaire, &backward_input));
        prop_assert_eq!(&forward, &once);
        prop_assert_eq!(once, backward);
    }

    #[test]
    fn the_parser_never_panics_on_arbitrary_text(text in ".{0,400}") {
        let _ = parse_questionnaire_file(&text, "any.toml");
    }

    #[test]
    fn the_parser_never_panics_on_a_damaged_sample(position in 0usize..SAMPLE.len(), junk in "[\\[\\]=\"{}a-z0-9 \n.]{0,8}") {
        let mut text = SAMPLE.to_owned();
        let mut position = position;
        while !text.is_char_boundary(position) { position -= 1; }
        text.insert_str(position, &junk);
        let _ = parse_questionnaire_file(&text, "damaged.toml");
    }

    #[test]
    fn raising_one_answer_never_lowers_its_stage_score(triples in answers(), pick in any::<prop::sample::Index>()) {
        let questionnaire = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
        let mut answers = first_answers(&triples);
        let raisable: Vec<usize> = (0..answers.len())
            .filter(|index| matches!(answers[*index].2, Answer::Level(level) if level.value() < 4))
            .collect();
        prop_assume!(!raisable.is_empty());
        let chosen = raisable[pick.index(raisable.len())];
        let before = score(&questionnaire, &build(&questionnaire, &answers));
        if let Answer::Level(level) = answers[chosen].2 {
            answers[chosen].2 = Answer::Level(Level::new(level.value() + 1).expect("at most 4"));
        }
        let after = score(&questionnaire, &build(&questionnaire, &answers));
        let stage = questionnaire.questions()[answers[chosen].1].stage;
        let score_of = |card: &Scorecard| card.stage(stage).and_then(|s| s.result.score).map(Score::value);
        let (before, after) = (score_of(&before), score_of(&after));
        prop_assert!(before.is_some() && after.is_some());
        prop_assert!(after >= before, "{:?} then {:?}", before, after);
    }

    #[test]
    fn adding_not_applicable_answers_never_changes_a_score(triples in answers(), extra in proptest::collection::vec((0u8..8, 0usize..10), 1..20)) {
        let questionnaire = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
        let answers = first_answers(&triples);
        let before = score(&questionnaire, &build(&questionnaire, &answers));
        let mut with_na = answers.clone();
        with_na.extend(extra.into_iter().map(|(respondent, question)| (respondent, question, Answer::NotApplicable)));
        // Only where no answer was given: an NA never replaces a value.
        let with_na = first_answers(&with_na);
        let after = score(&questionnaire, &build(&questionnaire, &with_na));
        prop_assert_eq!(all_scores(&before), all_scores(&after));
    }

    #[test]
    fn the_order_of_respondents_never_matters(triples in answers(), order in Just((0u8..6).collect::<Vec<u8>>()).prop_shuffle()) {
        let questionnaire = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
        let answers = first_answers(&triples);
        let before = score(&questionnaire, &build(&questionnaire, &answers));
        // The same people under other names (so in another order) and arriving in another order.
        let mut renamed: Vec<(u8, usize, Answer)> = answers
            .iter()
            .map(|(respondent, question, answer)| (order[usize::from(*respondent)], *question, *answer))
            .collect();
        renamed.sort_by_key(|(respondent, _, _)| *respondent);
        let after = score(&questionnaire, &build(&questionnaire, &renamed));
        prop_assert_eq!(before.respondents, after.respondents);
        prop_assert!(same_scores(&all_scores(&before), &all_scores(&after)), "{:?} vs {:?}", all_scores(&before), all_scores(&after));
        let rounded = |card: &Scorecard| card.stages.iter().map(|s| s.result.score.map(Score::rounded)).collect::<Vec<_>>();
        prop_assert_eq!(rounded(&before), rounded(&after));
    }

    #[test]
    fn the_action_plan_order_is_total_and_stable(triples in answers(), targets in proptest::array::uniform5(1u8..=4)) {
        let questionnaire = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
        let answers = first_answers(&triples);
        let targets = Targets::new(targets).expect("valid targets");
        let plan_of = |answers: &[(u8, usize, Answer)]| {
            let card = score(&questionnaire, &build(&questionnaire, answers));
            action_plan(&questionnaire, &card, &targets, &[], Language::French)
        };
        let plan = plan_of(&answers);
        let position = |id: &QuestionId| questionnaire.questions().iter().position(|q| &q.id == id);
        let keys: Vec<(Option<f64>, StageId, Option<usize>)> = plan
            .items
            .iter()
            .map(|item| {
                let question = match &item.action.link {
                    tcm_core::ActionLink::Question(id) => position(id),
                    tcm_core::ActionLink::Stage(_) => None,
                };
                (item.priority(), item.stage, question)
            })
            .collect();
        for pair in keys.windows(2) {
            let ((a_priority, a_stage, a_question), (b_priority, b_stage, b_question)) = (pair[0], pair[1]);
            let (a_priority, b_priority) = (a_priority.expect("a proposal has a priority"), b_priority.expect("a proposal has a priority"));
            prop_assert!(
                a_priority > b_priority
                    || (a_priority == b_priority && (a_stage < b_stage || (a_stage == b_stage && a_question < b_question))),
                "out of order: {:?} before {:?}", pair[0], pair[1]
            );
        }
        // The same answers arriving in another order give the same plan.
        let mut reversed = answers.clone();
        reversed.reverse();
        prop_assert_eq!(plan, plan_of(&reversed));
    }
}
