//! The demo assessment on the TCM-92 grid, scored and planned, ready to render. Shared by the
//! tests, the benchmark and the `demo_report` example (included with `#[path]`).

// Each includer uses part of it.
#![allow(dead_code)]

use chrono::NaiveDate;
use tcm_core::strategy::trend::{self, AuditPoint, ClosedAction, DeltaTable, Trend};
use tcm_core::strategy::waves::WaveOverrides;
use tcm_core::strategy::{Dependencies, Strategy, StrategyInput, derive};
use tcm_core::{ActionPlan, Language, Questionnaire, Scorecard, action_plan, score};
use tcm_demo::DemoAssessment;
use tcm_report::{History, PreviousAssessment, ReportInput};

pub const GRID: &str = include_str!("../../../../questionnaires/tcm-92.toml");

pub struct Demo {
    pub questionnaire: Questionnaire,
    pub demo: DemoAssessment,
    pub scorecard: Scorecard,
    pub previous: Scorecard,
    pub plan: ActionPlan,
    pub strategy: Strategy,
    /// The follow-up from the previous self-assessment to the workshop.
    /// The trend over every audit of the organisation: the earlier self-assessments and the
    /// workshop.
    pub trend: Trend,
    pub deltas: DeltaTable,
    pub closed: Vec<ClosedAction>,
    pub language: Language,
}

pub fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 12).expect("valid date")
}

impl Demo {
    /// The workshop and its previous self-assessment: two audits.
    pub fn new(language: Language) -> Demo {
        Demo::with_audits(language, 2)
    }

    /// The workshop after `audits - 1` yearly self-assessments (at least one): the trend runs
    /// over all of them, the deltas and closed actions from the last one to the workshop.
    pub fn with_audits(language: Language, audits: u32) -> Demo {
        let questionnaire = Questionnaire::from_toml(GRID, "tcm-92.toml").expect("valid grid");
        let demo = tcm_demo::demo_assessment(&questionnaire, date());
        let scorecard = score(&questionnaire, &demo.answers);
        let earlier: Vec<(NaiveDate, Scorecard)> =
            tcm_demo::earlier_audits(&questionnaire, demo.date, audits.max(2) - 1)
                .into_iter()
                .map(|audit| (audit.date, score(&questionnaire, &audit.answers)))
                .collect();
        let previous = score(&questionnaire, &demo.previous_answers);
        let plan = action_plan(
            &questionnaire,
            &scorecard,
            &demo.assessment.targets,
            &demo.actions,
            language,
        );
        let strategy = derive(
            &StrategyInput {
                questionnaire: &questionnaire,
                answers: &demo.answers,
                scorecard: &scorecard,
                targets: &demo.assessment.targets,
                plan: &plan,
            },
            &Dependencies::none(),
            demo.date,
            &WaveOverrides::new(),
        );
        let before = AuditPoint {
            date: demo.previous_date,
            scorecard: &previous,
            actions: &[],
        };
        let after = AuditPoint {
            date: demo.date,
            scorecard: &scorecard,
            actions: &demo.actions,
        };
        let mut points: Vec<AuditPoint<'_>> = earlier
            .iter()
            .map(|(date, scorecard)| AuditPoint {
                date: *date,
                scorecard,
                actions: &[],
            })
            .collect();
        points.push(after);
        let trend = trend::trend(&points);
        let deltas = trend::deltas(&previous, &scorecard);
        let closed = trend::closed_actions(&before, &after);
        Demo {
            trend,
            deltas,
            closed,
            questionnaire,
            demo,
            scorecard,
            previous,
            plan,
            strategy,
            language,
        }
    }

    pub fn input(&self) -> ReportInput<'_> {
        ReportInput {
            organisation: &self.demo.organisation,
            assessment: &self.demo.assessment,
            questionnaire: &self.questionnaire,
            questionnaire_modified: false,
            scorecard: &self.scorecard,
            respondents: &self.demo.respondents,
            answers: &self.demo.answers,
            plan: &self.plan,
            previous: Some(PreviousAssessment {
                scorecard: &self.previous,
                date: self.demo.previous_date,
            }),
            strategy: Some(&self.strategy),
            history: Some(History {
                trend: &self.trend,
                since: self.demo.previous_date,
                deltas: &self.deltas,
                closed: &self.closed,
            }),
            benchmark: None,
            date: date(),
            language: self.language,
            settings: None,
        }
    }
}
