//! What a report is made from, and the few facts every rendering of it derives the same way.

use chrono::NaiveDate;
use tcm_core::strategy::Strategy;
use tcm_core::strategy::benchmark::BenchmarkFigure;
use tcm_core::strategy::trend::{ClosedAction, DeltaTable, Trend};

use crate::settings::ReportSettings;
use tcm_core::{
    ActionPlan, AnswerSheet, Assessment, Language, Organisation, Questionnaire, RespondentProfile,
    Scorecard, StageId,
};

/// Everything the report shows. The caller scores the answers and builds the plan (see
/// [`tcm_core::score`] and [`tcm_core::action_plan`]); the report only lays them out.
#[derive(Debug, Clone, Copy)]
pub struct ReportInput<'a> {
    pub organisation: &'a Organisation,
    pub assessment: &'a Assessment,
    pub questionnaire: &'a Questionnaire,
    /// The questionnaire claims the id and version of a known one but says something else:
    /// the report labels it as modified, so that two audits labelled alike but scored
    /// differently are never confused.
    pub questionnaire_modified: bool,
    pub scorecard: &'a Scorecard,
    /// Who answered, in the order to show them.
    pub respondents: &'a [RespondentProfile],
    pub answers: &'a AnswerSheet,
    /// The merged action plan.
    pub plan: &'a ActionPlan,
    /// An earlier assessment of the same organisation, for comparison.
    pub previous: Option<PreviousAssessment<'a>>,
    /// The strategy derived from the plan (`tcm_core::strategy::derive`): when given, the
    /// roadmap leads the plan and the full list of actions moves to the appendix.
    pub strategy: Option<&'a Strategy>,
    /// The organisation's audits over time, when it has earlier ones: the follow-up section.
    pub history: Option<History<'a>>,
    /// The client placed among the consultant's other clients
    /// (`tcm_core::strategy::benchmark`): the benchmark section, when it has figures.
    pub benchmark: Option<&'a [BenchmarkFigure]>,
    /// The report's date: shown on every page and written into the PDF's metadata.
    pub date: NaiveDate,
    /// Usually the assessment's language.
    pub language: Language,
    /// The consultant's settings (firm, logo, cover, own summary, sections); `None`: the
    /// app's cover and every section.
    pub settings: Option<&'a ReportSettings>,
}

/// An earlier scorecard and when it was taken.
#[derive(Debug, Clone, Copy)]
pub struct PreviousAssessment<'a> {
    pub scorecard: &'a Scorecard,
    pub date: NaiveDate,
}

/// The follow-up across audits (`tcm_core::strategy::trend`): the series over every audit,
/// and what moved since the earlier audit compared with.
#[derive(Debug, Clone, Copy)]
pub struct History<'a> {
    pub trend: &'a Trend,
    /// The date of the earlier audit the deltas start from.
    pub since: NaiveDate,
    pub deltas: &'a DeltaTable,
    pub closed: &'a [ClosedAction],
}

impl ReportInput<'_> {
    /// A stage's name as the questionnaire gives it.
    pub fn stage_name(&self, stage: StageId) -> String {
        self.questionnaire
            .stage(stage)
            .map(|found| found.name.get(self.language).to_owned())
            .unwrap_or_else(|| stage.name(self.language))
    }

    /// A stage's exact score, if it has one.
    pub fn stage_score(&self, stage: StageId) -> Option<f64> {
        self.scorecard
            .stage(stage)
            .and_then(|found| found.result.score)
            .map(|score| score.value())
    }

    /// The stages with a score, strongest and weakest (the first in cycle order on a tie).
    pub fn strongest_and_weakest(&self) -> Option<(StageId, StageId)> {
        let scored: Vec<(StageId, f64)> = StageId::ALL
            .into_iter()
            .filter_map(|stage| self.stage_score(stage).map(|score| (stage, score)))
            .collect();
        let strongest = scored
            .iter()
            .fold(None::<(StageId, f64)>, |best, &(stage, score)| match best {
                Some((_, top)) if top >= score => best,
                _ => Some((stage, score)),
            })?;
        let weakest =
            scored.iter().fold(
                None::<(StageId, f64)>,
                |worst, &(stage, score)| match worst {
                    Some((_, low)) if low <= score => worst,
                    _ => Some((stage, score)),
                },
            )?;
        Some((strongest.0, weakest.0))
    }

    /// Short initials for each respondent ("Élodie Rousseau" → "ÉR"), made unique by adding a
    /// number when two people share them.
    pub fn initials(&self) -> Vec<String> {
        let mut result: Vec<String> = Vec::new();
        for profile in self.respondents {
            let base: String = profile
                .label
                .split([' ', '-'])
                .filter_map(|part| part.chars().next())
                .flat_map(char::to_uppercase)
                .take(3)
                .collect();
            let base = if base.is_empty() {
                "?".to_owned()
            } else {
                base
            };
            let mut candidate = base.clone();
            let mut number = 2;
            while result.contains(&candidate) {
                candidate = format!("{base}{number}");
                number += 1;
            }
            result.push(candidate);
        }
        result
    }
}
