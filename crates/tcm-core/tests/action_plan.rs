//! The action plan, case by case, on the sample grid. Priorities are worked out by hand.
//!
//! Sample (weight, effort, impact) → priority per level of gap:
//! cre-01 (2, 2, 3) → 3; cre-02 (1, 3, 3) → 1; act-01 (2, 2, 3) → 3; act-02 (1, 1, 2) → 2;
//! cur-01 (2, 1, 3) → 6; cur-02 (1, 1, 2) → 2; pre-01 (1, 2, 3) → 1.5; pre-02 (1, 1, 2) → 2;
//! pro-01 (2, 2, 3) → 3; pro-02 (1, 2, 2) → 1.

use tcm_core::action_plan::{PlanLabel, PlanOrigin, action_plan};
use tcm_core::{
    ActionLink, ActionStatus, AnswerSheet, Consensus, Language, Level, PlannedAction, QuestionId,
    Questionnaire, Respondent, Response, StageId, Targets, score,
};

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");

fn sample() -> Questionnaire {
    Questionnaire::from_toml(SAMPLE, "sample.toml").expect("the sample is valid")
}

fn id(suffix: &str) -> QuestionId {
    QuestionId::new(format!("sample-{suffix}"))
}

/// An answer sheet from `(respondent, question suffix, answer)` triples.
fn sheet(answers: &[(&str, &str, &str)]) -> AnswerSheet {
    let mut sheet = AnswerSheet::new();
    for (respondent, question, answer) in answers {
        sheet.set(
            Respondent::new(*respondent),
            id(question),
            Response {
                answer: answer.parse().expect("valid answer"),
                comment: None,
            },
        );
    }
    sheet
}

fn stored(
    link: ActionLink,
    title: &str,
    status: ActionStatus,
    impact: u8,
    effort: u8,
) -> PlannedAction {
    PlannedAction {
        link,
        title: title.to_owned(),
        description: String::new(),
        owner: "Claire".to_owned(),
        due: None,
        status,
        impact,
        effort,
    }
}

/// What a case expects of each plan item, in order: (question suffix or stage, origin,
/// gap in levels, priority).
type Expected = (&'static str, PlanOrigin, Option<f64>, Option<f64>);

struct Case {
    name: &'static str,
    answers: &'static [(&'static str, &'static str, &'static str)],
    targets: [u8; 5],
    kept: fn() -> Vec<PlannedAction>,
    expected: &'static [Expected],
}

fn none() -> Vec<PlannedAction> {
    Vec::new()
}

const P: PlanOrigin = PlanOrigin::Proposal;
const K: PlanOrigin = PlanOrigin::Kept;

const CASES: &[Case] = &[
    Case {
        name: "a question below target yields its action; at or above target, none",
        answers: &[
            ("a", "cre-01", "2"),
            ("a", "cre-02", "4"),
            ("a", "act-01", "3"),
        ],
        targets: [4, 3, 4, 4, 4],
        kept: none,
        // cre-01: gap 2 × 3 = 6. cre-02 at 4 and act-01 at its target 3: nothing.
        expected: &[("cre-01", P, Some(2.0), Some(6.0))],
    },
    Case {
        name: "no value, NA and ? yield no proposal",
        answers: &[
            ("a", "cre-01", "NA"),
            ("a", "cre-02", "?"),
            ("a", "act-02", "0"),
        ],
        targets: [4, 4, 4, 4, 4],
        kept: none,
        expected: &[("act-02", P, Some(4.0), Some(8.0))],
    },
    Case {
        name: "sorted by priority, highest first",
        answers: &[
            ("a", "cre-02", "0"),
            ("a", "cur-01", "3"),
            ("a", "pre-01", "0"),
        ],
        targets: [4, 4, 4, 4, 4],
        kept: none,
        // pre-01: 4 × 1.5 = 6 (stage 4); cur-01: 1 × 6 = 6 (stage 3); cre-02: 4 × 1 = 4.
        // cur-01 and pre-01 tie at 6: stage order puts curative first.
        expected: &[
            ("cur-01", P, Some(1.0), Some(6.0)),
            ("pre-01", P, Some(4.0), Some(6.0)),
            ("cre-02", P, Some(4.0), Some(4.0)),
        ],
    },
    Case {
        name: "ties within a stage keep questionnaire order",
        answers: &[
            ("a", "cur-02", "2"),
            ("a", "pre-02", "2"),
            ("a", "act-02", "2"),
        ],
        targets: [4, 4, 4, 4, 4],
        kept: none,
        // All 2 × 2 = 4: stage order active, curative, preventive.
        expected: &[
            ("act-02", P, Some(2.0), Some(4.0)),
            ("cur-02", P, Some(2.0), Some(4.0)),
            ("pre-02", P, Some(2.0), Some(4.0)),
        ],
    },
    Case {
        name: "a mean value gives a fractional gap",
        answers: &[("a", "pro-01", "1"), ("b", "pro-01", "2")],
        targets: [4, 4, 4, 4, 3],
        kept: none,
        // value 1.5, target 3: gap 1.5 × 3 = 4.5.
        expected: &[("pro-01", P, Some(1.5), Some(4.5))],
    },
    Case {
        name: "a stored action replaces the proposal, with its own impact and effort",
        answers: &[("a", "cre-01", "1"), ("a", "act-02", "1")],
        targets: [4, 4, 4, 4, 4],
        kept: || {
            vec![stored(
                ActionLink::Question(id("cre-01")),
                "Segmenter, version Claire",
                ActionStatus::Planned,
                3,
                1,
            )]
        },
        // cre-01 kept: gap 3 × 2 × 3 ÷ 1 = 18; act-02 proposal: 3 × 2 = 6.
        expected: &[
            ("cre-01", K, Some(3.0), Some(18.0)),
            ("act-02", P, Some(3.0), Some(6.0)),
        ],
    },
    Case {
        name: "a dismissed action is kept and not proposed again",
        answers: &[("a", "cre-01", "1")],
        targets: [4, 4, 4, 4, 4],
        kept: || {
            vec![stored(
                ActionLink::Question(id("cre-01")),
                "Pas pour cette année",
                ActionStatus::Dismissed,
                3,
                2,
            )]
        },
        expected: &[("cre-01", K, Some(3.0), Some(9.0))],
    },
    Case {
        name: "a kept action on a question at target carries a zero gap; unanswered, none",
        answers: &[("a", "cre-01", "4")],
        targets: [4, 4, 4, 4, 4],
        kept: || {
            vec![
                stored(
                    ActionLink::Question(id("cre-01")),
                    "Fait",
                    ActionStatus::Done,
                    2,
                    2,
                ),
                stored(
                    ActionLink::Question(id("act-01")),
                    "Prévu",
                    ActionStatus::Planned,
                    2,
                    2,
                ),
            ]
        },
        expected: &[
            ("cre-01", K, Some(0.0), Some(0.0)),
            ("act-01", K, None, None),
        ],
    },
    Case {
        name: "actions added to a stage are always in the plan, after prioritised ones",
        answers: &[("a", "pro-02", "3")],
        targets: [4, 4, 4, 4, 4],
        kept: || {
            vec![
                stored(
                    ActionLink::Stage(StageId::Proactive),
                    "Club clients",
                    ActionStatus::Planned,
                    2,
                    2,
                ),
                stored(
                    ActionLink::Stage(StageId::Creative),
                    "Séminaire",
                    ActionStatus::InProgress,
                    1,
                    1,
                ),
            ]
        },
        expected: &[
            ("pro-02", P, Some(1.0), Some(1.0)),
            ("creative", K, None, None),
            ("proactive", K, None, None),
        ],
    },
];

fn key_of(link: &ActionLink) -> String {
    match link {
        ActionLink::Question(question) => {
            question.as_str().trim_start_matches("sample-").to_owned()
        }
        ActionLink::Stage(stage) => stage.as_str().to_owned(),
    }
}

#[test]
fn action_plan_cases() {
    let questionnaire = sample();
    for case in CASES {
        let answers = sheet(case.answers);
        let scorecard = score(&questionnaire, &answers);
        let targets = Targets::new(case.targets).expect("valid targets");
        let plan = action_plan(
            &questionnaire,
            &scorecard,
            &targets,
            &(case.kept)(),
            Language::French,
        );
        let found: Vec<(String, PlanOrigin, Option<f64>, Option<f64>)> = plan
            .items
            .iter()
            .map(|item| {
                (
                    key_of(&item.action.link),
                    item.origin,
                    item.gap.map(|gap| gap.levels),
                    item.priority(),
                )
            })
            .collect();
        let expected: Vec<(String, PlanOrigin, Option<f64>, Option<f64>)> = case
            .expected
            .iter()
            .map(|(key, origin, gap, priority)| ((*key).to_owned(), *origin, *gap, *priority))
            .collect();
        assert_eq!(found, expected, "{}", case.name);
    }
}

#[test]
fn proposals_are_written_in_the_plan_language_with_status_proposed() {
    let questionnaire = sample();
    let scorecard = score(&questionnaire, &sheet(&[("a", "act-02", "0")]));
    for (language, title) in [
        (Language::English, "Organise mystery visits"),
        (Language::French, "Organiser des visites mystères"),
    ] {
        let plan = action_plan(
            &questionnaire,
            &scorecard,
            &Targets::default(),
            &[],
            language,
        );
        let item = &plan.items[0];
        assert_eq!(item.action.title, title);
        assert_eq!(item.action.status, ActionStatus::Proposed);
        assert_eq!(item.label(), Some(PlanLabel::QuickWin));
        assert!(item.action.owner.is_empty() && item.action.due.is_none());
    }
}

#[test]
fn consensus_values_drive_the_gap() {
    let questionnaire = sample();
    let mut answers = sheet(&[("a", "cur-01", "0"), ("b", "cur-01", "0")]);
    answers.set_consensus(id("cur-01"), Some(Consensus::Level(Level::MAX)));
    let plan = action_plan(
        &questionnaire,
        &score(&questionnaire, &answers),
        &Targets::default(),
        &[],
        Language::French,
    );
    assert!(plan.items.is_empty(), "consensus 4 reaches the target");
}

#[test]
fn top_skips_done_and_dismissed_and_by_stage_groups_in_cycle_order() {
    let questionnaire = sample();
    let answers = sheet(&[
        ("a", "cre-01", "0"),
        ("a", "act-01", "0"),
        ("a", "cur-01", "0"),
        ("a", "pro-01", "1"),
    ]);
    let kept = vec![stored(
        ActionLink::Question(id("cur-01")),
        "Déjà fait",
        ActionStatus::Done,
        3,
        1,
    )];
    let plan = action_plan(
        &questionnaire,
        &score(&questionnaire, &answers),
        &Targets::default(),
        &kept,
        Language::French,
    );
    // cur-01 (24, done) is first in the plan but not among the top open actions.
    assert_eq!(key_of(&plan.items[0].action.link), "cur-01");
    let top: Vec<String> = plan
        .top(2)
        .iter()
        .map(|item| key_of(&item.action.link))
        .collect();
    assert_eq!(top, ["cre-01", "act-01"]);
    let stages: Vec<StageId> = plan.by_stage().iter().map(|(stage, _)| *stage).collect();
    assert_eq!(
        stages,
        [
            StageId::Creative,
            StageId::Active,
            StageId::Curative,
            StageId::Proactive
        ]
    );
}

#[test]
fn actions_on_questions_the_questionnaire_lost_are_set_aside_not_dropped() {
    let questionnaire = sample();
    let kept = vec![stored(
        ActionLink::Question(QuestionId::new("old-question")),
        "Ancienne action",
        ActionStatus::Planned,
        2,
        2,
    )];
    let plan = action_plan(
        &questionnaire,
        &score(&questionnaire, &AnswerSheet::new()),
        &Targets::default(),
        &kept,
        Language::French,
    );
    assert!(plan.items.is_empty());
    assert_eq!(plan.unplaced, kept);
}

/// Which stored action each plan item shows, by position in `kept`, whatever their contents.
#[test]
fn kept_items_name_their_stored_action_by_position() {
    let questionnaire = sample();
    let answers = sheet(&[("a", "cre-01", "1"), ("a", "act-02", "0")]);
    struct Case {
        name: &'static str,
        kept: fn() -> Vec<PlannedAction>,
        /// (question suffix or stage, position in `kept`), in plan order.
        expected: &'static [(&'static str, Option<usize>)],
    }
    let cases: &[Case] = &[
        Case {
            name: "no kept action: proposals name none",
            kept: none,
            expected: &[("cre-01", None), ("act-02", None)],
        },
        Case {
            name: "a kept question action names its position, the other stays a proposal",
            kept: || {
                vec![
                    stored(
                        ActionLink::Stage(StageId::Active),
                        "Ajoutée",
                        ActionStatus::Planned,
                        1,
                        1,
                    ),
                    stored(
                        ActionLink::Question(id("act-02")),
                        "Reprise",
                        ActionStatus::Planned,
                        2,
                        1,
                    ),
                ]
            },
            expected: &[("cre-01", None), ("act-02", Some(1)), ("active", Some(0))],
        },
        Case {
            name: "two identical added actions stay two, each with its own position",
            kept: || {
                let twin = stored(
                    ActionLink::Stage(StageId::Proactive),
                    "Comité d’usagers",
                    ActionStatus::Planned,
                    2,
                    2,
                );
                vec![twin.clone(), twin]
            },
            expected: &[
                ("cre-01", None),
                ("act-02", None),
                ("proactive", Some(0)),
                ("proactive", Some(1)),
            ],
        },
    ];
    for case in cases {
        let kept = (case.kept)();
        let plan = action_plan(
            &questionnaire,
            &score(&questionnaire, &answers),
            &Targets::default(),
            &kept,
            Language::French,
        );
        let got: Vec<(String, Option<usize>)> = plan
            .items
            .iter()
            .map(|item| (key_of(&item.action.link), item.kept))
            .collect();
        let expected: Vec<(String, Option<usize>)> = case
            .expected
            .iter()
            .map(|(key, kept)| ((*key).to_owned(), *kept))
            .collect();
        assert_eq!(got, expected, "{}", case.name);
        for item in &plan.items {
            if let Some(position) = item.kept {
                assert_eq!(item.action, kept[position], "{}", case.name);
                assert_eq!(item.origin, PlanOrigin::Kept, "{}", case.name);
            }
        }
    }
}

/// Equal priorities reached through different sums keep the documented tie order (stage,
/// then questionnaire order): cre-02 at gap 2.4 (4 − 1.6, priority 2.4 × 1) ties act-02 at gap
/// 1.2 (4 − 2.8, priority 1.2 × 2), though 4 − 2.8 in floating point is 1.2000000000000002.
#[test]
fn rounding_noise_never_breaks_the_tie_order() {
    let questionnaire = sample();
    let respondents = ["A", "B", "C", "D", "E"];
    let creative = ["1", "2", "2", "2", "1"];
    let active = ["3", "3", "3", "2", "3"];
    let mut answers = Vec::new();
    for (index, respondent) in respondents.iter().enumerate() {
        answers.push((*respondent, "cre-02", creative[index]));
        answers.push((*respondent, "act-02", active[index]));
    }
    let scorecard = score(&questionnaire, &sheet(&answers));
    let plan = action_plan(
        &questionnaire,
        &scorecard,
        &Targets::default(),
        &none(),
        Language::French,
    );
    let order: Vec<(String, Option<f64>)> = plan
        .items
        .iter()
        .map(|item| (key_of(&item.action.link), item.priority()))
        .collect();
    assert_eq!(
        order,
        [
            ("cre-02".to_owned(), Some(2.4)),
            ("act-02".to_owned(), Some(2.4)),
        ]
    );
}
