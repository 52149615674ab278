//! The strategy, case by case on the sample grid (figures worked out by hand), on the TCM-92
//! grid (merging themes), and as properties: a projection never lowers a score, the
//! benchmark never shows a cell under five audits, the sequence is total and stable, waves
//! respect overrides, grouping keeps every open action exactly once.
//!
//! Sample (weight, effort, impact, theme): cre-01 (2, 2, 3, segmentation), cre-02 (1, 3, 3,
//! customer-value), act-01 (2, 2, 3, satisfaction), act-02 (1, 1, 2, satisfaction), cur-01
//! (2, 1, 3, complaints), cur-02 (1, 1, 2, complaints), pre-01 (1, 2, 3, dormant-customers),
//! pre-02 (1, 1, 2, dormant-customers), pro-01 (2, 2, 3, co-design), pro-02 (1, 2, 2,
//! co-design).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use tcm_core::strategy::benchmark::{AuditFigures, Cell, MIN_AUDITS, Measure, Position, benchmark};
use tcm_core::strategy::trend::{AuditPoint, Movement, closed_actions, deltas, trend};
use tcm_core::strategy::waves::WaveOverrides;
use tcm_core::strategy::{
    Dependencies, InitiativeId, MAX_INITIATIVES_PER_STAGE, StrategyInput, Wave, WaveOverride,
    WaveSource, derive, focus, initiatives, projection, sequence, waves,
};
use tcm_core::{
    ActionLink, ActionPlan, ActionStatus, Answer, AnswerSheet, Language, Level, OrganisationSize,
    PlannedAction, QuestionId, Questionnaire, Respondent, Response, Scorecard, Sector, StageId,
    Targets, action_plan, score,
};

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");
const GRID: &str = include_str!("../../../questionnaires/tcm-92.toml");

fn sample() -> Questionnaire {
    Questionnaire::from_toml(SAMPLE, "sample.toml").expect("the sample is valid")
}

fn id(suffix: &str) -> QuestionId {
    QuestionId::new(format!("sample-{suffix}"))
}

fn initiative(id: &str) -> InitiativeId {
    InitiativeId::new(id)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn sheet(answers: &[(&str, &str)]) -> AnswerSheet {
    let mut sheet = AnswerSheet::new();
    for (question, answer) in answers {
        sheet.set(
            Respondent::new("r"),
            id(question),
            Response {
                answer: answer.parse().expect("valid answer"),
                comment: None,
            },
        );
    }
    sheet
}

fn kept(
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
        owner: String::new(),
        due: None,
        status,
        impact,
        effort,
    }
}

/// Everything an input borrows.
#[derive(Debug)]
struct Fixture {
    questionnaire: Questionnaire,
    answers: AnswerSheet,
    scorecard: Scorecard,
    targets: Targets,
    plan: ActionPlan,
}

impl Fixture {
    fn new(
        questionnaire: Questionnaire,
        answers: AnswerSheet,
        targets: Targets,
        kept: &[PlannedAction],
    ) -> Fixture {
        let scorecard = score(&questionnaire, &answers);
        let plan = action_plan(&questionnaire, &scorecard, &targets, kept, Language::French);
        Fixture {
            questionnaire,
            answers,
            scorecard,
            targets,
            plan,
        }
    }

    fn input(&self) -> StrategyInput<'_> {
        StrategyInput {
            questionnaire: &self.questionnaire,
            answers: &self.answers,
            scorecard: &self.scorecard,
            targets: &self.targets,
            plan: &self.plan,
        }
    }
}

/// The worked example: creative 50, active 91.67, curative 25, preventive 0, proactive 25.
/// Open proposals: cre-01, act-02, cur-01, pre-01, pre-02, pro-02; cre-02 dismissed; one
/// action added to the proactive stage.
fn worked_example() -> Fixture {
    Fixture::new(
        sample(),
        sheet(&[
            ("cre-01", "2"),
            ("cre-02", "2"),
            ("act-01", "4"),
            ("act-02", "3"),
            ("cur-01", "1"),
            ("cur-02", "NA"),
            ("pre-01", "0"),
            ("pre-02", "0"),
            ("pro-01", "?"),
            ("pro-02", "1"),
        ]),
        Targets::default(),
        &[
            kept(
                ActionLink::Question(id("cre-02")),
                "Écartée",
                ActionStatus::Dismissed,
                3,
                3,
            ),
            kept(
                ActionLink::Stage(StageId::Proactive),
                "Club des poseurs",
                ActionStatus::Planned,
                3,
                2,
            ),
        ],
    )
}

fn rounded(score: Option<tcm_core::Score>) -> Option<f64> {
    score.map(|score| score.rounded())
}

#[test]
fn initiatives_group_open_actions_by_theme_with_what_they_reach() {
    let fixture = worked_example();
    let grouped = initiatives::initiatives(&fixture.input());
    // (id, questions moved, actions, effort, impact, priority, current, reached)
    type Row = (
        &'static str,
        &'static [&'static str],
        usize,
        u32,
        u32,
        f64,
        f64,
        f64,
    );
    let expected: &[Row] = &[
        // cre-01: gap 2 × 2 × 3 / 2 = 6; creative (8 + 2) / 12 = 83.3.
        ("segmentation", &["cre-01"], 1, 2, 3, 6.0, 50.0, 83.3),
        // act-02: gap 1 × 1 × 2 / 1 = 2; active (8 + 4) / 12.
        ("satisfaction", &["act-02"], 1, 1, 2, 2.0, 91.7, 100.0),
        // cur-01: gap 3 × 2 × 3 / 1 = 18; cur-02 NA does not count.
        ("complaints", &["cur-01"], 1, 1, 3, 18.0, 25.0, 100.0),
        // pre-01: 4 × 3 / 2 = 6, pre-02: 4 × 2 = 8.
        (
            "dormant-customers",
            &["pre-01", "pre-02"],
            2,
            3,
            5,
            14.0,
            0.0,
            100.0,
        ),
        // pro-02: 3 × 2 / 2 = 3; pro-01 has no value: no proposal, and it does not count.
        ("co-design", &["pro-02"], 1, 2, 2, 3.0, 25.0, 100.0),
        // The added action moves no question: the stage stays where it is.
        ("stage:proactive", &[], 1, 2, 3, 0.0, 25.0, 25.0),
    ];
    assert_eq!(grouped.len(), expected.len());
    for (initiative, (name, questions, actions, effort, impact, priority, current, reached)) in
        grouped.iter().zip(expected)
    {
        assert_eq!(initiative.id.as_str(), *name);
        let moved: Vec<QuestionId> = questions.iter().map(|suffix| id(suffix)).collect();
        assert_eq!(initiative.questions, moved, "{name}");
        assert_eq!(initiative.actions.len(), *actions, "{name}");
        assert_eq!(
            (initiative.effort, initiative.impact),
            (*effort, *impact),
            "{name}"
        );
        assert!(
            (initiative.priority - priority).abs() < 1e-9,
            "{name}: {}",
            initiative.priority
        );
        assert_eq!(rounded(initiative.current), Some(*current), "{name}");
        assert_eq!(rounded(initiative.reached), Some(*reached), "{name}");
    }
    // Goals are the questionnaire's words (the sample's themes have no description: their
    // name); the stage's own initiative takes its purpose.
    let segmentation = &grouped[0];
    let theme = fixture.questionnaire.theme("segmentation").expect("theme");
    assert_eq!(theme.description, None);
    assert_eq!(
        segmentation.goal.fr,
        "Progresser sur «\u{a0}Segmentation\u{a0}»."
    );
    assert_eq!(segmentation.goal.en, "Make progress on Segmentation.");
    assert_eq!(segmentation.title, theme.name);
    let proactive = fixture
        .questionnaire
        .stage(StageId::Proactive)
        .expect("stage");
    assert_eq!(grouped[5].goal, proactive.purpose);
    assert_eq!(grouped[5].title.fr, "Actions ajoutées à l’étape proactive");
    assert_eq!(grouped[5].title.en, "Actions added to the proactive stage");
}

#[test]
fn the_sequence_follows_the_rule() {
    let fixture = worked_example();
    let input = fixture.input();
    let ordered = sequence::sequence(
        initiatives::initiatives(&input),
        &input,
        &Dependencies::none(),
    );
    let ids: Vec<&str> = ordered.iter().map(|s| s.initiative.id.as_str()).collect();
    // Foundations first (cur-01, cre-01: weight 2), the further stage first (curative 3
    // levels, creative 2); then preventive (4 levels), then proactive (3 levels: co-design
    // priority 3 before the added action's 0), then active (0 levels).
    assert_eq!(
        ids,
        [
            "complaints",
            "segmentation",
            "dormant-customers",
            "co-design",
            "stage:proactive",
            "satisfaction"
        ]
    );
    assert_eq!(
        ordered.iter().map(|s| s.rank).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6]
    );
    let complaints = &ordered[0].key;
    assert!(complaints.foundation && !complaints.prerequisite && complaints.quick_win);
    assert_eq!(complaints.stage_gap_levels, 3);
    assert!((complaints.stage_gap - 75.0).abs() < 1e-9);
    assert_eq!(ordered[5].key.stage_gap_levels, 0);
}

#[test]
fn dependencies_put_prerequisites_first() {
    let fixture = worked_example();
    let input = fixture.input();
    // cur-01 depends on pro-02: co-design now moves a prerequisite, and complaints waits.
    let dependencies = Dependencies::from_pairs([(id("cur-01"), vec![id("pro-02")])]);
    let ordered = sequence::sequence(initiatives::initiatives(&input), &input, &dependencies);
    let ids: Vec<&str> = ordered.iter().map(|s| s.initiative.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "co-design",
            "complaints",
            "segmentation",
            "dormant-customers",
            "stage:proactive",
            "satisfaction"
        ]
    );
    assert!(ordered[0].key.prerequisite);
    assert_eq!(ordered[1].after, [initiative("co-design")]);

    // complaints and dormant-customers depend on each other: no order between them, the
    // comparison decides (both now move a prerequisite; preventive is 4 levels away).
    let circle = Dependencies::from_pairs([
        (id("cur-01"), vec![id("pre-01")]),
        (id("pre-02"), vec![id("cur-01")]),
    ]);
    let ordered = sequence::sequence(initiatives::initiatives(&input), &input, &circle);
    let ids: Vec<&str> = ordered.iter().map(|s| s.initiative.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "dormant-customers",
            "complaints",
            "segmentation",
            "co-design",
            "stage:proactive",
            "satisfaction"
        ]
    );
    assert!(ordered.iter().all(|s| s.after.is_empty()));
}

#[test]
fn waves_projection_and_focus_of_the_worked_example() {
    let fixture = worked_example();
    let start = date(2026, 3, 12);
    let strategy = derive(
        &fixture.input(),
        &Dependencies::none(),
        start,
        &WaveOverrides::new(),
    );
    // Efforts along the sequence 1, 2, 3, 2, 2, 1 (total 11): midpoints 0.5, 2, 4.5, 7, 9,
    // 10.5 over 11 → the first always in wave 1; < 5.5 → wave 2; else wave 3.
    let waves: Vec<(&str, Wave)> = strategy
        .waves
        .assignments
        .iter()
        .map(|a| (a.initiative.as_str(), a.wave))
        .collect();
    assert_eq!(
        waves,
        [
            ("complaints", Wave::First),
            ("segmentation", Wave::Second),
            ("dormant-customers", Wave::Second),
            ("co-design", Wave::Third),
            ("stage:proactive", Wave::Third),
            ("satisfaction", Wave::Third),
        ]
    );
    let first = &strategy.waves.assignments[0];
    assert_eq!(
        (first.dates.start(), first.dates.end()),
        (start, date(2026, 6, 12))
    );
    assert_eq!(first.source, WaveSource::Derived);

    // Now 50, 91.7, 25, 0, 25 → 38.3; wave 1 (cur-01 at 4) → curative 100 → 53.3; all waves
    // → 83.3, 100, 100, 100, 100 → 96.7.
    let projection = &strategy.projection;
    assert_eq!(rounded(projection.current.overall), Some(38.3));
    assert_eq!(
        rounded(projection.after_first_wave.stage(StageId::Curative)),
        Some(100.0)
    );
    assert_eq!(rounded(projection.after_first_wave.overall), Some(53.3));
    assert_eq!(rounded(projection.after_all_waves.overall), Some(96.7));
    assert_eq!(
        rounded(projection.after_all_waves.stage(StageId::Creative)),
        Some(83.3)
    );

    // All six lead (fewer than twelve); with room for three, the roadmap's first three.
    assert_eq!(strategy.focus.lead.len(), 6);
    let narrow = focus::focus(&strategy.sequence, &strategy.waves, 3);
    assert_eq!(
        narrow.lead,
        [
            initiative("complaints"),
            initiative("segmentation"),
            initiative("dormant-customers")
        ]
    );
    assert_eq!(
        narrow.others,
        [
            initiative("co-design"),
            initiative("stage:proactive"),
            initiative("satisfaction")
        ]
    );
}

#[test]
fn user_overrides_win_over_the_derivation() {
    let fixture = worked_example();
    let start = date(2026, 3, 12);
    let dates =
        tcm_core::strategy::DateRange::new(date(2026, 4, 1), date(2026, 5, 1)).expect("dates");
    let overrides: WaveOverrides = BTreeMap::from([
        (initiative("satisfaction"), WaveOverride::Wave(Wave::First)),
        (initiative("segmentation"), WaveOverride::Dates(dates)),
        (
            initiative("a-theme-since-removed"),
            WaveOverride::Wave(Wave::Second),
        ),
    ]);
    let strategy = derive(&fixture.input(), &Dependencies::none(), start, &overrides);
    let satisfaction = strategy
        .waves
        .assignment(&initiative("satisfaction"))
        .expect("assigned");
    assert_eq!(
        (satisfaction.wave, satisfaction.source),
        (Wave::First, WaveSource::UserWave)
    );
    let segmentation = strategy
        .waves
        .assignment(&initiative("segmentation"))
        .expect("assigned");
    assert_eq!(
        (segmentation.wave, segmentation.source, segmentation.dates),
        (Wave::First, WaveSource::UserDates, dates)
    );
    assert_eq!(
        strategy.waves.unmatched,
        [(
            initiative("a-theme-since-removed"),
            WaveOverride::Wave(Wave::Second)
        )]
    );
    // The first wave now also raises act-02 and cre-01.
    assert_eq!(
        rounded(strategy.projection.after_first_wave.stage(StageId::Active)),
        Some(100.0)
    );
    assert_eq!(
        rounded(
            strategy
                .projection
                .after_first_wave
                .stage(StageId::Creative)
        ),
        Some(83.3)
    );
    // Deriving again with the same overrides gives the same plan.
    assert_eq!(
        derive(&fixture.input(), &Dependencies::none(), start, &overrides),
        strategy
    );
}

fn grid_fixture(levels: &[u8], targets: [u8; 5], statuses: &[ActionStatus]) -> Fixture {
    let questionnaire = Questionnaire::from_toml(GRID, "tcm-92.toml").expect("valid grid");
    let mut answers = AnswerSheet::new();
    let mut kept_actions = Vec::new();
    for (index, question) in questionnaire.questions().iter().enumerate() {
        let level = levels
            .get(index % levels.len().max(1))
            .copied()
            .unwrap_or(0);
        answers.set(
            Respondent::new("r"),
            question.id.clone(),
            Response {
                answer: Answer::Level(Level::new(level % 5).expect("level")),
                comment: None,
            },
        );
        if let Some(status) = statuses.get(index) {
            kept_actions.push(kept(
                ActionLink::Question(question.id.clone()),
                "Kept",
                *status,
                2,
                2,
            ));
        }
    }
    let targets = Targets::new(targets).expect("targets");
    Fixture::new(questionnaire, answers, targets, &kept_actions)
}

#[test]
fn the_full_grid_merges_themes_to_a_handful_per_stage() {
    let fixture = grid_fixture(&[0], [4; 5], &[]);
    assert_eq!(fixture.plan.open().count(), 92);
    let grouped = initiatives::initiatives(&fixture.input());
    for stage in StageId::ALL {
        let of_stage: Vec<_> = grouped.iter().filter(|i| i.stage == stage).collect();
        assert!(
            !of_stage.is_empty() && of_stage.len() <= MAX_INITIATIVES_PER_STAGE,
            "{stage}"
        );
        // Every theme of the stage is in exactly one initiative.
        let mut themes: Vec<_> = of_stage.iter().flat_map(|i| i.themes.clone()).collect();
        themes.sort();
        let mut expected: Vec<_> = fixture
            .questionnaire
            .themes_of(stage)
            .map(|t| t.id.clone())
            .collect();
        expected.sort();
        assert_eq!(themes, expected, "{stage}");
    }
    assert!(
        grouped.iter().any(|i| i.themes.len() > 1),
        "some themes merged"
    );
    let single = grouped
        .iter()
        .find(|i| i.themes.len() == 1)
        .expect("a single theme");
    let theme = fixture
        .questionnaire
        .theme(single.themes[0].as_str())
        .expect("theme");
    assert_eq!(Some(&single.goal), theme.description.as_ref());
    let merged = grouped.iter().find(|i| i.themes.len() > 1).expect("merged");
    assert!(merged.title.fr.contains(" et "), "{}", merged.title.fr);
    assert!(
        merged.goal.fr.contains('\u{202f}') && merged.goal.fr.ends_with('.'),
        "{}",
        merged.goal.fr
    );
    assert_eq!(
        merged.goal.fr.matches(". ").count(),
        0,
        "one sentence: {}",
        merged.goal.fr
    );
    // Every stage rises to 100 when everything succeeds.
    let strategy = derive(
        &fixture.input(),
        &Dependencies::none(),
        date(2026, 1, 1),
        &WaveOverrides::new(),
    );
    assert_eq!(
        rounded(strategy.projection.after_all_waves.overall),
        Some(100.0)
    );
    assert!(strategy.focus.lead.len() <= 12);
    assert_eq!(strategy.focus.all().count(), grouped.len());
}

#[test]
fn the_explanation_is_given_in_both_languages() {
    let text = sequence::explanation();
    assert!(text.fr.contains("poids 2") && text.en.contains("weight 2"));
    assert!(text.fr.contains("gain rapide") && text.en.contains("quick win"));
}

fn figures(sector: Sector, size: Option<OrganisationSize>, proactive: f64) -> AuditFigures {
    AuditFigures {
        sector,
        size,
        stages: [
            Some(50.0),
            Some(60.0),
            Some(40.0),
            Some(30.0),
            Some(proactive),
        ],
        overall: Some(45.0),
    }
}

#[test]
fn the_benchmark_places_the_client_in_the_most_specific_cell_of_five() {
    let small = Some(OrganisationSize::Small);
    let mut past: Vec<AuditFigures> = (0..14)
        .map(|n| {
            figures(
                Sector::Industry,
                if n < 4 {
                    small
                } else {
                    Some(OrganisationSize::Large)
                },
                20.0 + f64::from(n) * 5.0,
            )
        })
        .collect();
    past.extend((0..6).map(|n| figures(Sector::Services, small, 90.0 - f64::from(n))));
    let client = figures(Sector::Industry, small, 22.0);
    let result = benchmark(&client, &past);
    assert_eq!(result.len(), 6);
    // Only four small industrial audits: the sector cell (14) is used.
    let proactive = result
        .iter()
        .find(|f| f.measure == Measure::Stage(StageId::Proactive))
        .expect("figure");
    assert_eq!(
        (proactive.cell, proactive.count),
        (Cell::Sector(Sector::Industry), 14)
    );
    // 20, 25, … 85: first quartile 20 + 3.25 × 5 = 36.25.
    assert!((proactive.quartiles.first - 36.25).abs() < 1e-9);
    assert!((proactive.quartiles.median - 52.5).abs() < 1e-9);
    assert_eq!(proactive.client.map(|c| c.1), Some(Position::LowerQuartile));
    assert_eq!(
        proactive.sentence.fr,
        "Proactive\u{a0}: quartile inférieur de vos 14 audits du secteur Industrie"
    );
    assert_eq!(
        proactive.sentence.en,
        "Proactive: lower quartile of your 14 audits in Industry"
    );

    // A fifth small industrial audit: the sector-and-size cell holds five.
    past.push(figures(Sector::Industry, small, 10.0));
    let result = benchmark(&client, &past);
    assert_eq!(
        result[4].cell,
        Cell::SectorAndSize(Sector::Industry, OrganisationSize::Small)
    );
    assert_eq!(result[4].count, 5);
    assert!(
        result[4]
            .sentence
            .fr
            .ends_with("du secteur Industrie (10 à 49 personnes)"),
        "{}",
        result[4].sentence.fr
    );

    // Four audits in all: nothing at all, not even a count.
    assert!(benchmark(&client, &past[..4]).is_empty());
    // Values that are not numbers do not count.
    let broken: Vec<AuditFigures> = (0..5)
        .map(|_| figures(Sector::Retail, None, f64::NAN))
        .collect();
    let result = benchmark(&figures(Sector::Retail, None, 1.0), &broken);
    assert!(
        result
            .iter()
            .all(|f| f.measure != Measure::Stage(StageId::Proactive))
    );
}

#[test]
fn the_trend_spans_every_audit_and_says_what_moved() {
    let questionnaire = sample();
    let first = score(
        &questionnaire,
        &sheet(&[("cur-01", "1"), ("pre-01", "2"), ("cre-01", "2")]),
    );
    let second = score(
        &questionnaire,
        &sheet(&[("cur-01", "2"), ("pre-01", "2"), ("cre-01", "1")]),
    );
    let third = score(
        &questionnaire,
        &sheet(&[("cur-01", "4"), ("pre-01", "1"), ("cre-01", "1")]),
    );
    let early = [kept(
        ActionLink::Question(id("cur-01")),
        "Réclamations",
        ActionStatus::Planned,
        3,
        1,
    )];
    let late = [
        kept(
            ActionLink::Question(id("cur-01")),
            "Réclamations",
            ActionStatus::Done,
            3,
            1,
        ),
        kept(
            ActionLink::Question(id("pre-01")),
            "Relances",
            ActionStatus::Done,
            2,
            1,
        ),
        kept(
            ActionLink::Stage(StageId::Creative),
            "Atelier",
            ActionStatus::InProgress,
            2,
            1,
        ),
    ];
    let points = [
        AuditPoint {
            date: date(2026, 1, 1),
            scorecard: &third,
            actions: &late,
        },
        AuditPoint {
            date: date(2024, 1, 1),
            scorecard: &first,
            actions: &[],
        },
        AuditPoint {
            date: date(2025, 1, 1),
            scorecard: &second,
            actions: &early,
        },
    ];
    let series = trend(&points);
    assert_eq!(
        series.dates,
        [date(2024, 1, 1), date(2025, 1, 1), date(2026, 1, 1)]
    );
    let curative = &series.stages[StageId::Curative.index()].1;
    assert_eq!(
        curative.iter().map(|s| rounded(*s)).collect::<Vec<_>>(),
        [Some(25.0), Some(50.0), Some(100.0)]
    );
    assert_eq!(series.stages[StageId::Active.index()].1, [None, None, None]);

    let table = deltas(&second, &third);
    let movement = |stage: StageId| table.stages[stage.index()].movement;
    assert_eq!(movement(StageId::Curative), Movement::Rose);
    assert_eq!(movement(StageId::Preventive), Movement::Fell);
    assert_eq!(movement(StageId::Creative), Movement::Unchanged);
    assert_eq!(movement(StageId::Active), Movement::Unknown);
    let moved: Vec<&str> = table
        .moved_questions()
        .map(|d| d.subject.1.as_str())
        .collect();
    assert_eq!(moved, ["sample-cur-01", "sample-pre-01"]);
    let complaints = table
        .themes
        .iter()
        .find(|d| d.subject.1.as_str() == "complaints")
        .expect("theme");
    assert_eq!(
        (complaints.before, complaints.after, complaints.change()),
        (Some(50.0), Some(100.0), Some(50.0))
    );

    // cur-01 was planned, now done, and rose; pre-01 was closed and fell: did it work?
    let closed = closed_actions(&points[2], &points[0]);
    let summary: Vec<(&str, Option<f64>, Option<f64>, Movement)> = closed
        .iter()
        .map(|c| (c.action.title.as_str(), c.before, c.after, c.movement))
        .collect();
    assert_eq!(
        summary,
        [
            ("Réclamations", Some(2.0), Some(4.0), Movement::Rose),
            ("Relances", Some(2.0), Some(1.0), Movement::Fell)
        ]
    );
    // Already done at the earlier audit: not closed between the two.
    assert!(closed_actions(&points[0], &points[0]).is_empty());
}

// Properties.

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        4 => (0u8..=4).prop_map(|value| Answer::Level(Level::new(value).expect("in range"))),
        1 => Just(Answer::NotApplicable),
        1 => Just(Answer::DontKnow),
    ]
}

fn status() -> impl Strategy<Value = ActionStatus> {
    proptest::sample::select(ActionStatus::ALL.to_vec())
}

/// Sample answers from up to three respondents, targets, and kept actions.
fn sample_fixture() -> impl Strategy<Value = Fixture> {
    (
        proptest::collection::vec((0u8..3, 0usize..10, answer()), 0..30),
        [1u8..=4, 1u8..=4, 1u8..=4, 1u8..=4, 1u8..=4],
        proptest::collection::vec((0usize..12, status(), 1u8..=3, 1u8..=3), 0..6),
    )
        .prop_map(|(triples, targets, stored)| {
            let questionnaire = sample();
            let mut answers = AnswerSheet::new();
            for (respondent, question, answer) in triples {
                answers.set(
                    Respondent::new(format!("r{respondent}")),
                    questionnaire.questions()[question].id.clone(),
                    Response {
                        answer,
                        comment: None,
                    },
                );
            }
            let mut kept_actions: Vec<PlannedAction> = Vec::new();
            for (target, status, impact, effort) in stored {
                let link = match questionnaire.questions().get(target) {
                    Some(question) => ActionLink::Question(question.id.clone()),
                    None => ActionLink::Stage(StageId::ALL[target % 5]),
                };
                if matches!(link, ActionLink::Question(_))
                    && kept_actions.iter().any(|a| a.link == link)
                {
                    continue;
                }
                kept_actions.push(kept(link, "Kept", status, impact, effort));
            }
            Fixture::new(
                questionnaire,
                answers,
                Targets::new(targets).expect("1–4"),
                &kept_actions,
            )
        })
}

fn audit_figures() -> impl Strategy<Value = AuditFigures> {
    let score = proptest::option::weighted(0.8, 0.0f64..=100.0);
    (
        proptest::sample::select(vec![Sector::Industry, Sector::Services, Sector::Retail]),
        proptest::option::of(proptest::sample::select(vec![
            OrganisationSize::Small,
            OrganisationSize::Large,
        ])),
        [
            score.clone(),
            score.clone(),
            score.clone(),
            score.clone(),
            score.clone(),
        ],
        score,
    )
        .prop_map(|(sector, size, stages, overall)| AuditFigures {
            sector,
            size,
            stages,
            overall,
        })
}

proptest! {
    #[test]
    fn a_projection_never_lowers_a_score(fixture in sample_fixture()) {
        let strategy = derive(&fixture.input(), &Dependencies::none(), date(2026, 1, 1), &WaveOverrides::new());
        let projection = &strategy.projection;
        let pairs = [
            (&projection.current, &projection.after_first_wave),
            (&projection.after_first_wave, &projection.after_all_waves),
        ];
        for (before, after) in pairs {
            for stage in StageId::ALL {
                match (before.stage(stage), after.stage(stage)) {
                    (Some(b), Some(a)) => prop_assert!(a.value() >= b.value() - 1e-9, "{stage}: {b:?} → {a:?}"),
                    (b, a) => prop_assert_eq!(b.is_some(), a.is_some()),
                }
            }
            if let (Some(b), Some(a)) = (before.overall, after.overall) {
                prop_assert!(a.value() >= b.value() - 1e-9);
            }
        }
        for sequenced in &strategy.sequence {
            let initiative = &sequenced.initiative;
            if let (Some(current), Some(reached)) = (initiative.current, initiative.reached) {
                prop_assert!(reached.value() >= current.value() - 1e-9);
            }
        }
    }

    #[test]
    fn a_projection_is_the_real_scoring_of_the_projected_sheet(
        fixture in sample_fixture(),
        chosen in proptest::collection::vec(0usize..10, 0..10),
    ) {
        let input = fixture.input();
        let questions: Vec<QuestionId> = chosen
            .iter()
            .map(|index| fixture.questionnaire.questions()[*index].id.clone())
            .collect();
        let rescored = score(&fixture.questionnaire, &projection::projected_answers(&input, &questions));
        prop_assert_eq!(projection::project(&input, &questions), rescored);
    }

    #[test]
    fn grouping_keeps_every_open_action_exactly_once(fixture in sample_fixture()) {
        let grouped = initiatives::initiatives(&fixture.input());
        let mut grouped_actions: Vec<String> = grouped
            .iter()
            .flat_map(|i| i.actions.iter().map(|item| format!("{:?}|{}", item.action.link, item.action.title)))
            .collect();
        let mut open: Vec<String> = fixture.plan.open().map(|item| format!("{:?}|{}", item.action.link, item.action.title)).collect();
        grouped_actions.sort();
        open.sort();
        prop_assert_eq!(grouped_actions, open);
        for stage in StageId::ALL {
            prop_assert!(grouped.iter().filter(|i| i.stage == stage).count() <= MAX_INITIATIVES_PER_STAGE);
        }
        let mut ids: Vec<_> = grouped.iter().map(|i| i.id.clone()).collect();
        ids.sort();
        ids.dedup();
        prop_assert_eq!(ids.len(), grouped.len());
    }

    #[test]
    fn the_sequence_is_total_and_stable(fixture in sample_fixture(), seed in any::<u64>()) {
        let input = fixture.input();
        let grouped = initiatives::initiatives(&input);
        let count = grouped.len();
        let reference: Vec<InitiativeId> = sequence::sequence(grouped.clone(), &input, &Dependencies::none())
            .into_iter()
            .map(|s| s.initiative.id)
            .collect();
        prop_assert_eq!(reference.len(), count);
        // Any input order gives the same sequence.
        let mut shuffled = grouped;
        let mut state = seed;
        for index in (1..shuffled.len()).rev() {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            shuffled.swap(index, (state >> 33) as usize % (index + 1));
        }
        let again: Vec<InitiativeId> = sequence::sequence(shuffled, &input, &Dependencies::none())
            .into_iter()
            .map(|s| s.initiative.id)
            .collect();
        prop_assert_eq!(again, reference);
    }

    #[test]
    fn waves_respect_overrides(
        fixture in sample_fixture(),
        picks in proptest::collection::vec((0usize..8, 0u8..4, 0i64..900, 0i64..400), 0..6),
    ) {
        let start = date(2026, 3, 12);
        let input = fixture.input();
        let ordered = sequence::sequence(initiatives::initiatives(&input), &input, &Dependencies::none());
        let derived = waves::plan_waves(&ordered, start, &WaveOverrides::new());
        let mut overrides = WaveOverrides::new();
        for (which, kind, from, length) in picks {
            let Some(target) = ordered.get(which) else { continue };
            let value = match kind {
                0 => WaveOverride::Wave(Wave::First),
                1 => WaveOverride::Wave(Wave::Second),
                2 => WaveOverride::Wave(Wave::Third),
                _ => {
                    let from = start + chrono::Days::new(from.unsigned_abs());
                    let to = from + chrono::Days::new(length.unsigned_abs());
                    WaveOverride::Dates(tcm_core::strategy::DateRange::new(from, to).expect("ordered"))
                }
            };
            overrides.insert(target.initiative.id.clone(), value);
        }
        let planned = waves::plan_waves(&ordered, start, &overrides);
        prop_assert_eq!(planned.assignments.len(), ordered.len());
        prop_assert!(planned.unmatched.is_empty());
        for (assignment, plain) in planned.assignments.iter().zip(&derived.assignments) {
            match overrides.get(&assignment.initiative) {
                Some(WaveOverride::Wave(wave)) => {
                    prop_assert_eq!(assignment.wave, *wave);
                    prop_assert_eq!(assignment.source, WaveSource::UserWave);
                }
                Some(WaveOverride::Dates(dates)) => {
                    prop_assert_eq!(assignment.dates, *dates);
                    prop_assert_eq!(assignment.source, WaveSource::UserDates);
                }
                None => prop_assert_eq!(assignment, plain),
            }
        }
    }

    #[test]
    fn the_benchmark_never_shows_a_cell_under_five(
        client in audit_figures(),
        past in proptest::collection::vec(audit_figures(), 0..40),
    ) {
        for figure in benchmark(&client, &past) {
            prop_assert!(figure.count >= MIN_AUDITS);
            let holds = |audit: &AuditFigures| match figure.cell {
                Cell::SectorAndSize(sector, size) => audit.sector == sector && audit.size == Some(size),
                Cell::Sector(sector) => audit.sector == sector,
                Cell::Size(size) => audit.size == Some(size),
                Cell::All => true,
            };
            let value = |audit: &AuditFigures| match figure.measure {
                Measure::Stage(stage) => audit.stages[stage.index()],
                Measure::Overall => audit.overall,
            };
            let values: Vec<f64> = past.iter().filter(|a| holds(a)).filter_map(value).collect();
            prop_assert_eq!(values.len(), figure.count);
            let min = values.iter().copied().fold(f64::INFINITY, f64::min);
            let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let q = figure.quartiles;
            prop_assert!(min <= q.first && q.first <= q.median && q.median <= q.third && q.third <= max);
            prop_assert!(figure.sentence.fr.contains(&figure.count.to_string()));
        }
    }
}

proptest! {
    // Each case scores the 92-question grid once per initiative: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_full_grid_keeps_every_open_action_exactly_once(
        levels in proptest::collection::vec(0u8..=4, 1..92),
        statuses in proptest::collection::vec(status(), 0..30),
    ) {
        let fixture = grid_fixture(&levels, [4, 3, 4, 2, 4], &statuses);
        let grouped = initiatives::initiatives(&fixture.input());
        let total: usize = grouped.iter().map(|i| i.actions.len()).sum();
        prop_assert_eq!(total, fixture.plan.open().count());
        for stage in StageId::ALL {
            prop_assert!(grouped.iter().filter(|i| i.stage == stage).count() <= MAX_INITIATIVES_PER_STAGE);
        }
    }
}
