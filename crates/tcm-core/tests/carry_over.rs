//! What a re-audit takes from the previous audit, case by case on the sample grid: open
//! actions carried whole, closed ones left behind, questions that moved or vanished between
//! grid versions, and the wave overrides of initiatives that still hold work.

use chrono::NaiveDate;
use tcm_core::questionnaire::QuestionMapping;
use tcm_core::strategy::carry_over::{
    CarriedAction, DroppedOverride, Placement, PreviousAudit, carry_over,
};
use tcm_core::strategy::waves::WaveOverrides;
use tcm_core::strategy::{DateRange, InitiativeId, Wave, WaveOverride};
use tcm_core::{
    ActionLink, ActionStatus, PlannedAction, QuestionId, Questionnaire, StageId, Targets,
};

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");

fn sample() -> Questionnaire {
    Questionnaire::from_toml(SAMPLE, "sample.toml").expect("the sample is valid")
}

/// The sample as a version 2.0.0: `sample-cur-02` merged into `sample-cur-01` (its slot now
/// `sample-cur-03`, new) and `sample-pro-02` removed (its slot now `sample-pro-03`, new).
fn sample_v2() -> Questionnaire {
    let text = SAMPLE
        .replace("version = \"1.0.0\"", "version = \"2.0.0\"")
        .replace("id = \"sample-cur-02\"", "id = \"sample-cur-03\"")
        .replace("id = \"sample-pro-02\"", "id = \"sample-pro-03\"");
    Questionnaire::from_toml(&text, "sample-2.toml").expect("valid")
}

fn mapping() -> QuestionMapping {
    let mut text = String::from(
        "questionnaire = \"sample\"\nfrom = \"1.0.0\"\nto = \"2.0.0\"\n\
         new = [\"sample-cur-03\", \"sample-pro-03\"]\n[questions]\n",
    );
    for id in [
        "cre-01", "cre-02", "act-01", "act-02", "cur-01", "pre-01", "pre-02", "pro-01",
    ] {
        text.push_str(&format!("sample-{id} = \"same\"\n"));
    }
    text.push_str("sample-cur-02 = { merged_into = \"sample-cur-01\" }\n");
    text.push_str("sample-pro-02 = \"removed\"\n");
    let mapping = QuestionMapping::from_toml(&text, "sample.mapping.toml").expect("valid");
    mapping.check(&sample(), &sample_v2()).expect("complete");
    mapping
}

fn question(suffix: &str) -> QuestionId {
    QuestionId::new(format!("sample-{suffix}"))
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn action(link: ActionLink, title: &str, status: ActionStatus) -> PlannedAction {
    PlannedAction {
        link,
        title: title.to_owned(),
        description: format!("Notes de l’équipe sur « {title} »"),
        owner: "Claire Martin".to_owned(),
        due: Some(date(2026, 9, 30)),
        status,
        impact: 3,
        effort: 2,
    }
}

fn on(suffix: &str, title: &str, status: ActionStatus) -> PlannedAction {
    action(ActionLink::Question(question(suffix)), title, status)
}

/// The previous plan: one action in each situation.
fn previous_actions() -> Vec<PlannedAction> {
    vec![
        on("cre-01", "Segmenter", ActionStatus::Planned),
        on("act-01", "Mesurer la satisfaction", ActionStatus::Done),
        on("act-02", "Enquête annuelle", ActionStatus::Dismissed),
        on("pro-02", "Panel clients", ActionStatus::InProgress),
        on("cur-02", "Délais de réponse", ActionStatus::Proposed),
        action(
            ActionLink::Stage(StageId::Preventive),
            "Revue trimestrielle",
            ActionStatus::Planned,
        ),
    ]
}

fn targets() -> Targets {
    Targets::new([4, 3, 4, 2, 3]).expect("valid")
}

fn placements(carried: &[CarriedAction]) -> Vec<(String, ActionLink, Placement)> {
    carried
        .iter()
        .map(|carried| {
            (
                carried.action.title.clone(),
                carried.action.link.clone(),
                carried.placement.clone(),
            )
        })
        .collect()
}

#[test]
fn open_actions_are_carried_whole_and_closed_ones_stay_behind() {
    let previous = sample();
    let actions = previous_actions();
    let overrides = WaveOverrides::new();
    let carried = carry_over(
        &PreviousAudit {
            questionnaire: &previous,
            targets: targets(),
            actions: &actions,
            overrides: &overrides,
        },
        &previous,
        None,
        date(2027, 3, 1),
    );
    assert_eq!(carried.targets, targets());
    assert_eq!(carried.closed, 2, "done and dismissed stay behind");
    assert!(carried.unplaced.is_empty());
    let expected: Vec<PlannedAction> = [0, 3, 4, 5].map(|i| actions[i].clone()).to_vec();
    assert_eq!(
        carried
            .actions
            .iter()
            .map(|carried| carried.action.clone())
            .collect::<Vec<_>>(),
        expected,
        "owner, due date, notes, status, impact and effort unchanged, in stored order"
    );
    assert!(
        carried
            .actions
            .iter()
            .all(|carried| carried.placement == Placement::Unchanged)
    );
}

#[test]
fn actions_follow_the_questions_into_a_newer_grid() {
    let previous = sample();
    let next = sample_v2();
    let mapping = mapping();
    let overrides = WaveOverrides::new();
    let own_cur_01 = on("cur-01", "Traiter en 48 h", ActionStatus::Planned);
    let with_own: Vec<PlannedAction> = previous_actions()
        .into_iter()
        .chain([own_cur_01.clone()])
        .collect();
    let cases: Vec<(&str, Vec<PlannedAction>, Option<&QuestionMapping>, Vec<_>)> = vec![
        (
            "with the mapping: merged follows, removed goes to its stage",
            previous_actions(),
            Some(&mapping),
            vec![
                (
                    "Segmenter".to_owned(),
                    ActionLink::Question(question("cre-01")),
                    Placement::Unchanged,
                ),
                (
                    "Panel clients".to_owned(),
                    ActionLink::Stage(StageId::Proactive),
                    Placement::ToStage {
                        from: question("pro-02"),
                    },
                ),
                (
                    "Délais de réponse".to_owned(),
                    ActionLink::Question(question("cur-01")),
                    Placement::Mapped {
                        from: question("cur-02"),
                    },
                ),
                (
                    "Revue trimestrielle".to_owned(),
                    ActionLink::Stage(StageId::Preventive),
                    Placement::Unchanged,
                ),
            ],
        ),
        (
            "without a mapping: every vanished question goes to its stage",
            previous_actions(),
            None,
            vec![
                (
                    "Segmenter".to_owned(),
                    ActionLink::Question(question("cre-01")),
                    Placement::Unchanged,
                ),
                (
                    "Panel clients".to_owned(),
                    ActionLink::Stage(StageId::Proactive),
                    Placement::ToStage {
                        from: question("pro-02"),
                    },
                ),
                (
                    "Délais de réponse".to_owned(),
                    ActionLink::Stage(StageId::Curative),
                    Placement::ToStage {
                        from: question("cur-02"),
                    },
                ),
                (
                    "Revue trimestrielle".to_owned(),
                    ActionLink::Stage(StageId::Preventive),
                    Placement::Unchanged,
                ),
            ],
        ),
        (
            "the successor's own action keeps it, even when stored later",
            with_own,
            Some(&mapping),
            vec![
                (
                    "Segmenter".to_owned(),
                    ActionLink::Question(question("cre-01")),
                    Placement::Unchanged,
                ),
                (
                    "Panel clients".to_owned(),
                    ActionLink::Stage(StageId::Proactive),
                    Placement::ToStage {
                        from: question("pro-02"),
                    },
                ),
                (
                    "Délais de réponse".to_owned(),
                    ActionLink::Stage(StageId::Curative),
                    Placement::ToStage {
                        from: question("cur-02"),
                    },
                ),
                (
                    "Revue trimestrielle".to_owned(),
                    ActionLink::Stage(StageId::Preventive),
                    Placement::Unchanged,
                ),
                (
                    own_cur_01.title.clone(),
                    ActionLink::Question(question("cur-01")),
                    Placement::Unchanged,
                ),
            ],
        ),
    ];
    for (name, actions, mapping, expected) in cases {
        let carried = carry_over(
            &PreviousAudit {
                questionnaire: &previous,
                targets: targets(),
                actions: &actions,
                overrides: &overrides,
            },
            &next,
            mapping,
            date(2027, 3, 1),
        );
        assert_eq!(placements(&carried.actions), expected, "{name}");
        for carried in &carried.actions {
            assert_eq!(carried.action.owner, "Claire Martin", "{name}");
            assert_eq!(carried.action.due, Some(date(2026, 9, 30)), "{name}");
        }
    }
}

#[test]
fn an_action_no_questionnaire_places_is_listed_not_carried() {
    let previous = sample();
    let actions = vec![on("zzz-99", "Orpheline", ActionStatus::Planned)];
    let overrides = WaveOverrides::new();
    let carried = carry_over(
        &PreviousAudit {
            questionnaire: &previous,
            targets: targets(),
            actions: &actions,
            overrides: &overrides,
        },
        &sample_v2(),
        Some(&mapping()),
        date(2027, 3, 1),
    );
    assert!(carried.actions.is_empty());
    assert_eq!(carried.unplaced, actions);
}

#[test]
fn wave_overrides_follow_the_initiatives_that_still_hold_work() {
    let previous = sample();
    let actions = previous_actions();
    let start = date(2027, 3, 1);
    let dates = |from: NaiveDate, to: NaiveDate| {
        WaveOverride::Dates(DateRange::new(from, to).expect("valid range"))
    };
    let cases = [
        (
            "segmentation",
            WaveOverride::Wave(Wave::Second),
            None,
            "a carried action in its theme",
        ),
        (
            "segmentation+customer-value",
            dates(date(2026, 6, 1), date(2027, 6, 1)),
            None,
            "merged initiative, dates still ahead",
        ),
        (
            "satisfaction",
            WaveOverride::Wave(Wave::Third),
            Some(DroppedOverride::NothingCarried),
            "its actions were done or dismissed",
        ),
        (
            "curative-x+complaints",
            dates(date(2026, 6, 1), date(2027, 2, 28)),
            Some(DroppedOverride::Ended),
            "dates ended the day before the re-audit",
        ),
        (
            "co-design",
            WaveOverride::Wave(Wave::First),
            Some(DroppedOverride::NothingCarried),
            "its action went to the stage",
        ),
        (
            "stage:proactive",
            WaveOverride::Wave(Wave::First),
            None,
            "the stage now holds the moved action",
        ),
        (
            "stage:preventive",
            dates(date(2026, 6, 1), start),
            None,
            "an added action; dates ending on the re-audit's date",
        ),
        (
            "stage:active",
            WaveOverride::Wave(Wave::Second),
            Some(DroppedOverride::NothingCarried),
            "no action added to the stage",
        ),
    ];
    let overrides: WaveOverrides = cases
        .iter()
        .map(|(id, value, _, _)| (InitiativeId::new(*id), *value))
        .collect();
    let carried = carry_over(
        &PreviousAudit {
            questionnaire: &previous,
            targets: targets(),
            actions: &actions,
            overrides: &overrides,
        },
        &sample_v2(),
        Some(&mapping()),
        start,
    );
    for (id, value, dropped, why) in cases {
        let initiative = InitiativeId::new(id);
        let found = carried
            .dropped_overrides
            .iter()
            .find(|(dropped, _)| *dropped == initiative)
            .map(|(_, reason)| *reason);
        assert_eq!(found, dropped, "{id}: {why}");
        assert_eq!(
            carried.overrides.get(&initiative).copied(),
            dropped.is_none().then_some(value),
            "{id}: {why}"
        );
    }
}
