//! Perception gaps per group: stage scores and share of "?" side by side, worked by hand on
//! the sample grid (weights cre-01 2, cre-02 1; cur-01 2, cur-02 1), and small groups withheld.

use tcm_core::perception::{ANONYMOUS_SMALLEST_GROUP, Withheld, perception_gaps, whole_room};
use tcm_core::{AnswerSheet, QuestionId, Questionnaire, Respondent, Response, StageId};

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");

fn sample() -> Questionnaire {
    Questionnaire::from_toml(SAMPLE, "sample.toml").expect("the sample is valid")
}

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

/// Sales: ann, bob, cat; service: dan, eve, fay; gus alone in "direction"; hal in no group.
fn group_of(respondent: &Respondent) -> Option<String> {
    match respondent.as_str() {
        "ann" | "bob" | "cat" => Some("Ventes".to_owned()),
        "dan" | "eve" | "fay" => Some("Service client".to_owned()),
        "gus" => Some("Direction".to_owned()),
        _ => None,
    }
}

fn workshop() -> AnswerSheet {
    sheet(&[
        // Sales see the curative stage well: cur-01 all 4, cur-02 all 2.
        ("ann", "cur-01", "4"),
        ("bob", "cur-01", "4"),
        ("cat", "cur-01", "4"),
        ("ann", "cur-02", "2"),
        ("bob", "cur-02", "2"),
        ("cat", "cur-02", "?"),
        // Service sees it poorly: cur-01 all 1, cur-02 all 0.
        ("dan", "cur-01", "1"),
        ("eve", "cur-01", "1"),
        ("fay", "cur-01", "1"),
        ("dan", "cur-02", "0"),
        ("eve", "cur-02", "0"),
        ("fay", "cur-02", "0"),
        ("dan", "cre-01", "?"),
        ("eve", "cre-01", "?"),
        ("fay", "cre-01", "3"),
        ("gus", "cur-01", "0"),
        ("hal", "cur-01", "0"),
    ])
}

#[test]
fn each_group_sees_each_stage_with_its_share_of_dont_know() {
    // Every group shown, as a named session may (what is withheld: the next tests).
    let gaps = perception_gaps(&sample(), &workshop(), group_of, 1);
    let names: Vec<&str> = gaps.iter().map(|group| group.group.as_str()).collect();
    assert_eq!(names, ["Direction", "Service client", "Ventes"]);

    let stage = |group: &str, stage: StageId| {
        gaps.iter()
            .find(|one| one.group == group)
            .and_then(|one| one.stages.iter().find(|item| item.stage == stage))
            .cloned()
            .expect("a stage")
    };
    // Sales, curative: (2×4 + 1×2) / 12 = 83.3; one "?" among six answers.
    let sales = stage("Ventes", StageId::Curative);
    assert_eq!(sales.score.map(|score| score.rounded()), Some(83.3));
    assert_eq!(sales.dont_know_share, Some(1.0 / 6.0));
    // Service, curative: (2×1 + 1×0) / 12 = 16.7; no "?".
    let service = stage("Service client", StageId::Curative);
    assert_eq!(service.score.map(|score| score.rounded()), Some(16.7));
    assert_eq!(service.dont_know_share, Some(0.0));
    // Service, creative: one level 3 on cre-01 (weight 2) → 75.0; two "?" of three answers.
    let creative = stage("Service client", StageId::Creative);
    assert_eq!(creative.score.map(|score| score.rounded()), Some(75.0));
    assert_eq!(creative.dont_know_share, Some(2.0 / 3.0));
    // Sales never answered the creative stage: no score, no share.
    let unanswered = stage("Ventes", StageId::Creative);
    assert_eq!((unanswered.score, unanswered.dont_know_share), (None, None));
}

#[test]
fn a_group_smaller_than_allowed_shows_no_figure() {
    let gaps = perception_gaps(&sample(), &workshop(), group_of, ANONYMOUS_SMALLEST_GROUP);
    let direction = gaps
        .iter()
        .find(|group| group.group == "Direction")
        .expect("listed");
    assert_eq!(direction.withheld, Some(Withheld::TooFew));
    assert_eq!(direction.members, 1);
    assert!(direction.stages.is_empty());
    // A named session may show every group.
    let named = perception_gaps(&sample(), &workshop(), group_of, 1);
    let direction = named
        .iter()
        .find(|group| group.group == "Direction")
        .expect("listed");
    assert_eq!(direction.withheld, None);
    assert_eq!(direction.stages.len(), 5);
}

/// The groups shown, each with its number of members, and those withheld with why.
fn outcome(gaps: &[tcm_core::perception::GroupPerception]) -> Vec<(&str, Option<Withheld>)> {
    gaps.iter()
        .map(|group| (group.group.as_str(), group.withheld))
        .collect()
}

#[test]
fn a_group_is_withheld_too_when_the_room_minus_the_groups_shown_would_give_a_small_one_away() {
    // gus (Direction, alone) and hal (no group) are two people outside the groups shown: with
    // sales and service both shown, the room's figures minus theirs would be gus's and hal's.
    // The smallest group shown (the first in group order among equals) is withheld too.
    let gaps = perception_gaps(&sample(), &workshop(), group_of, ANONYMOUS_SMALLEST_GROUP);
    assert_eq!(
        outcome(&gaps),
        [
            ("Direction", Some(Withheld::TooFew)),
            ("Service client", Some(Withheld::WouldReveal)),
            ("Ventes", None),
        ]
    );
    assert!(
        gaps[1].stages.is_empty(),
        "no figure for the shielding group"
    );
    assert_eq!(gaps[2].stages.len(), 5);

    // Three people outside the groups shown: nobody can be singled out, both groups show.
    let mut answers = workshop();
    answers
        .record(
            Respondent::new("ivy"),
            QuestionId::new("sample-cur-01"),
            Response {
                answer: "2".parse().expect("valid answer"),
                comment: None,
            },
        )
        .expect("no duplicate");
    let gaps = perception_gaps(&sample(), &answers, group_of, ANONYMOUS_SMALLEST_GROUP);
    assert_eq!(
        outcome(&gaps),
        [
            ("Direction", Some(Withheld::TooFew)),
            ("Service client", None),
            ("Ventes", None),
        ]
    );

    // One respondent in no group, every group large enough: the room minus the groups would
    // be that person, so a group is withheld for them.
    let alone = sheet(&[
        ("ann", "cur-01", "4"),
        ("bob", "cur-01", "4"),
        ("cat", "cur-01", "4"),
        ("dan", "cur-01", "1"),
        ("eve", "cur-01", "1"),
        ("fay", "cur-01", "1"),
        ("hal", "cur-01", "0"),
    ]);
    let gaps = perception_gaps(&sample(), &alone, group_of, ANONYMOUS_SMALLEST_GROUP);
    assert_eq!(
        outcome(&gaps),
        [
            ("Service client", Some(Withheld::WouldReveal)),
            ("Ventes", None),
        ]
    );
    // Everybody in a shown group: nothing to shield.
    let grouped = alone.filter_respondents(|respondent| respondent.as_str() != "hal", false);
    let gaps = perception_gaps(&sample(), &grouped, group_of, ANONYMOUS_SMALLEST_GROUP);
    assert_eq!(outcome(&gaps), [("Service client", None), ("Ventes", None)]);
    // A named session shows every group: nothing is withheld.
    let gaps = perception_gaps(&sample(), &workshop(), group_of, 1);
    assert!(gaps.iter().all(|group| group.withheld.is_none()));
}

#[test]
fn the_whole_room_has_its_share_of_dont_know_per_stage_and_is_never_withheld() {
    let mut answers = workshop();
    // A consensus belongs to the discussion, not to what the room said: left out.
    answers.set_consensus(
        QuestionId::new("sample-cur-01"),
        Some(tcm_core::Consensus::Level(
            tcm_core::Level::new(4).expect("a level"),
        )),
    );
    let room = whole_room(&sample(), &answers, "Toute la salle");
    assert_eq!(room.group, "Toute la salle");
    assert_eq!(room.members, 8);
    assert_eq!(room.withheld, None);
    let stage = |stage: StageId| {
        room.stages
            .iter()
            .find(|item| item.stage == stage)
            .cloned()
            .expect("a stage")
    };
    // Curative: cur-01 mean 15/8, cur-02 mean 4/5: (2 × 1.875 + 0.8) / 12 = 37.9;
    // one "?" among fourteen answers.
    let curative = stage(StageId::Curative);
    assert_eq!(curative.score.map(|score| score.rounded()), Some(37.9));
    assert_eq!(curative.dont_know_share, Some(1.0 / 14.0));
    // Creative: two "?" of three; the level given scores 3 of 4.
    let creative = stage(StageId::Creative);
    assert_eq!(creative.dont_know_share, Some(2.0 / 3.0));
    assert_eq!(creative.score.map(|score| score.rounded()), Some(75.0));
    // A stage nobody answered has neither figure.
    let active = stage(StageId::Active);
    assert_eq!((active.score, active.dont_know_share), (None, None));

    // One respondent alone still sees their own "?": the whole room is never withheld.
    let alone = whole_room(&sample(), &sheet(&[("ann", "cre-01", "?")]), "Tous");
    assert_eq!(alone.members, 1);
    assert_eq!(alone.stages[0].dont_know_share, Some(1.0));
}

#[test]
fn groups_come_in_reading_order_accents_and_case_folded() {
    let answers = sheet(&[
        ("ann", "cur-01", "4"),
        ("bob", "cur-01", "3"),
        ("cat", "cur-01", "2"),
    ]);
    let gaps = perception_gaps(
        &sample(),
        &answers,
        |respondent| {
            Some(
                match respondent.as_str() {
                    "ann" => "Restauration",
                    "bob" => "Réception",
                    _ => "équipe",
                }
                .to_owned(),
            )
        },
        1,
    );
    let names: Vec<&str> = gaps.iter().map(|group| group.group.as_str()).collect();
    assert_eq!(names, ["équipe", "Réception", "Restauration"]);
}
