//! "New follow-up audit" through the handlers: the demo's workshop re-audited carries its
//! open actions and targets, a wave the user chose stays chosen, the follow-up then spans
//! three audits; a class exercise is not re-audited; a re-audit of an audit on the older grid
//! moves to the newer one.

use tcm_api::transfer::{ActionStatus, ReauditInput};
use tcm_api::{ErrorKind, assessments, follow_up, plan, reaudit, reports, strategy};
#[path = "support/workbench.rs"]
mod support_workbench;
use support_workbench::workbench;

#[test]
fn the_demo_s_workshop_re_audited_carries_its_open_plan_and_targets() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let workshop = reports::open_demo(&workbench).expect("demo");
    let before = assessments::assessment_detail(&workbench, workshop).expect("detail");
    let kept: Vec<_> = plan::action_plan(&workbench, workshop, None)
        .expect("plan")
        .items
        .into_iter()
        .filter(|item| item.action_id.is_some())
        .collect();
    let open: Vec<_> = kept
        .iter()
        .filter(|item| !matches!(item.status, ActionStatus::Done | ActionStatus::Dismissed))
        .collect();
    assert!(
        !open.is_empty() && open.len() < kept.len(),
        "the demo has both"
    );

    // The user moves an initiative holding a kept open action to the third wave.
    let roadmap = strategy::strategy(&workbench, workshop, None).expect("strategy");
    let moved = roadmap
        .initiatives
        .iter()
        .find(|initiative| {
            initiative
                .actions
                .iter()
                .any(|action| matches!(action.status.as_str(), "planned" | "in-progress"))
        })
        .expect("the demo keeps planned actions")
        .id
        .clone();
    strategy::set_initiative_wave(&workbench, workshop, &moved, 3, None).expect("moved");

    let view = reaudit::create_reaudit(
        &workbench,
        &ReauditInput {
            from: workshop,
            title: "Audit de suivi — « 2027 »".to_owned(),
        },
    )
    .expect("re-audit");
    assert_eq!(view.from, workshop);
    assert_eq!(view.targets, before.targets);
    assert_eq!(view.carried_actions as usize, open.len());
    assert_eq!(view.closed_actions as usize, kept.len() - open.len());
    assert!(
        view.moved_actions.is_empty(),
        "same grid: every question is there"
    );
    assert!(view.unplaced_actions.is_empty());

    let detail = assessments::assessment_detail(&workbench, view.assessment).expect("detail");
    assert_eq!(detail.title, "Audit de suivi — « 2027 »");
    assert_eq!(detail.organisation.id, before.organisation.id);
    assert_eq!(detail.mode, before.mode);
    assert_eq!(detail.targets, before.targets);
    assert!(
        detail.respondents.is_empty(),
        "new people answer a new audit"
    );

    let carried = plan::action_plan(&workbench, view.assessment, None).expect("plan");
    let mut titles: Vec<_> = carried
        .items
        .iter()
        .filter(|item| item.action_id.is_some())
        .map(|item| (item.title.clone(), item.owner.clone(), item.status))
        .collect();
    let mut expected: Vec<_> = open
        .iter()
        .map(|item| (item.title.clone(), item.owner.clone(), item.status))
        .collect();
    titles.sort_by(|a, b| a.0.cmp(&b.0));
    expected.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(titles, expected);

    // The user's wave travels with the initiative's carried work: kept by the re-audit's
    // roadmap, or listed as an override waiting for its initiative when the re-audit's
    // grouping differs (merged themes depend on the new answers).
    assert_eq!(view.carried_overrides, 1);
    assert!(view.dropped_overrides.is_empty());
    let next = strategy::strategy(&workbench, view.assessment, None).expect("strategy");
    match next.initiatives.iter().find(|item| item.id == moved) {
        Some(initiative) => {
            assert_eq!(initiative.wave, 3);
            assert_eq!(initiative.wave_source, "userWave");
        }
        None => assert_eq!(next.unmatched_overrides, std::slice::from_ref(&moved)),
    }

    // The follow-up of the re-audit spans the organisation's three audits.
    let trend = follow_up::follow_up(&workbench, view.assessment, None, "fr").expect("trend");
    assert_eq!(trend.audits.len(), 3);
    assert_eq!(trend.audits[1].assessment, workshop);
}

#[test]
fn bad_requests_are_refused_and_write_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let workshop = reports::open_demo(&workbench).expect("demo");
    let count = assessments::list_assessments(&workbench)
        .expect("list")
        .len();
    let no_title = reaudit::create_reaudit(
        &workbench,
        &ReauditInput {
            from: workshop,
            title: " ".to_owned(),
        },
    )
    .expect_err("no title");
    assert_eq!(no_title.kind, ErrorKind::InvalidInput);
    let missing = reaudit::create_reaudit(
        &workbench,
        &ReauditInput {
            from: workshop + 1000,
            title: "Suivi".to_owned(),
        },
    )
    .expect_err("no such audit");
    assert_eq!(missing.kind, ErrorKind::NotFound);
    assert_eq!(
        assessments::list_assessments(&workbench)
            .expect("list")
            .len(),
        count
    );
}

#[test]
fn an_audit_on_the_older_grid_is_followed_up_on_the_newer_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let older = tcm_api::catalogue::previous_versions()
        .expect("earlier grids")
        .iter()
        .find(|questionnaire| questionnaire.id() == "tcm-92")
        .expect("TCM-92 1.0.0");
    let action = |question: &str, status| tcm_core::PlannedAction {
        link: tcm_core::ActionLink::Question(tcm_core::QuestionId::new(question)),
        title: format!("Action {question}"),
        description: String::new(),
        owner: "Léa".to_owned(),
        due: None,
        status,
        impact: 2,
        effort: 2,
    };
    let previous = workbench
        .with_store(|store, now| {
            let organisation = store.create_organisation(
                &tcm_core::Organisation {
                    name: "Maison Durand".to_owned(),
                    sector: tcm_core::Sector::Retail,
                    size: None,
                    notes: String::new(),
                },
                now,
            )?;
            let id = store.create_assessment(
                &tcm_store::NewAssessment {
                    organisation,
                    questionnaire: older,
                    assessment: tcm_core::Assessment {
                        title: "Audit 2025".to_owned(),
                        mode: tcm_core::Mode::SelfAssessment,
                        language: tcm_core::Language::French,
                        targets: tcm_core::Targets::default(),
                        status: tcm_core::AssessmentStatus::Completed,
                    },
                },
                now,
            )?;
            for kept in [
                action("cre-12", tcm_core::ActionStatus::Planned),
                action("cre-01", tcm_core::ActionStatus::InProgress),
                action("act-04", tcm_core::ActionStatus::Done),
            ] {
                store.add_action(id, &kept, now)?;
            }
            Ok(id.0)
        })
        .expect("an audit on 1.0.0");
    let view = reaudit::create_reaudit(
        &workbench,
        &ReauditInput {
            from: previous,
            title: "Audit 2026".to_owned(),
        },
    )
    .expect("re-audit");
    assert_eq!(
        (
            view.questionnaire_id.as_str(),
            view.questionnaire_version.as_str()
        ),
        ("tcm-92", "2.0.0")
    );
    assert_eq!((view.carried_actions, view.closed_actions), (2, 1));
    assert_eq!(view.moved_actions.len(), 1);
    let moved = &view.moved_actions[0];
    assert_eq!(moved.from_question, "cre-12");
    assert_eq!(
        moved.to_question.as_deref(),
        Some("cre-15"),
        "merged into cre-15"
    );
    let plan = plan::action_plan(&workbench, view.assessment, None).expect("plan");
    let kept: Vec<_> = plan
        .items
        .iter()
        .filter(|item| item.action_id.is_some())
        .map(|item| item.question_id.clone())
        .collect();
    assert_eq!(kept.len(), 2);
    assert!(kept.contains(&Some("cre-15".to_owned())));
    assert!(kept.contains(&Some("cre-01".to_owned())));
}
