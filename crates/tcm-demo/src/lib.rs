//! A demo assessment: a fictitious but realistic French company audited in a workshop, with
//! its respondents, answers, comments, consensus values and the actions its team kept.
//!
//! Pure and deterministic: the same questionnaire and the same date give the same assessment,
//! every time, on every machine. Variation comes from a fixed-seed generator, never from the
//! operating system. Used by the report tests and benchmark, the command line and the app's
//! "open a demo".
//!
//! The answers are shaped to tell a story a consultant would recognise: a company strong on
//! the active stage (serving and satisfying), middling on créative and curative, weak on
//! préventive and weaker still on proactive; a managing director more optimistic than the
//! customer-service manager; a few `NA` and `?`; one question nobody could answer.

mod actions;
mod answers;
mod comments;
mod company;
mod generator;

use chrono::{Days, NaiveDate};
use tcm_core::{
    AnswerSheet, Assessment, Organisation, PlannedAction, Questionnaire, RespondentProfile,
};

/// Everything a demo needs: the records the store would hold for one audit.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoAssessment {
    pub organisation: Organisation,
    pub assessment: Assessment,
    /// The workshop's date: the `now` given.
    pub date: NaiveDate,
    pub respondents: Vec<RespondentProfile>,
    pub answers: AnswerSheet,
    /// Actions the team kept: proposals they edited, planned, closed or dismissed, and
    /// actions they added to a stage.
    pub actions: Vec<PlannedAction>,
    /// The managing director's self-assessment of a year before, for comparisons.
    pub previous_answers: AnswerSheet,
    pub previous_date: NaiveDate,
}

/// Builds the demo assessment for `questionnaire` (meant for TCM-92; any grid works: answers
/// follow its questions, and comments or actions about questions it lacks are left out).
pub fn demo_assessment(questionnaire: &Questionnaire, now: NaiveDate) -> DemoAssessment {
    let respondents = company::respondents();
    let mut answers = answers::workshop_answers(questionnaire, &respondents);
    comments::add_comments(questionnaire, &respondents, &mut answers);
    answers::add_consensus(questionnaire, &mut answers);
    let previous_date = now.checked_sub_days(Days::new(364)).unwrap_or(now);
    DemoAssessment {
        organisation: company::organisation(),
        assessment: company::assessment(),
        date: now,
        answers,
        actions: actions::kept_actions(questionnaire, now),
        previous_answers: answers::previous_answers(questionnaire, &respondents[0]),
        previous_date,
        respondents,
    }
}

/// One of the managing director's yearly self-assessments before the workshop.
#[derive(Debug, Clone, PartialEq)]
pub struct EarlierAudit {
    pub date: NaiveDate,
    pub answers: AnswerSheet,
}

/// The demo company's history for a follow-up over several audits: the managing director's
/// self-assessments one to `years` years before the workshop of `now`, oldest first, each
/// year a little less advanced than the next. The last one is the demo's previous
/// self-assessment (`previous_answers`, `previous_date`).
pub fn earlier_audits(
    questionnaire: &Questionnaire,
    now: NaiveDate,
    years: u32,
) -> Vec<EarlierAudit> {
    let respondents = company::respondents();
    let Some(director) = respondents.first() else {
        return Vec::new();
    };
    (1..=years)
        .rev()
        .map(|back| EarlierAudit {
            date: now
                .checked_sub_days(Days::new(364 * u64::from(back)))
                .unwrap_or(now),
            answers: answers::self_assessment(questionnaire, director, back),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tcm_core::{Mode, StageId, score};

    const GRID: &str = include_str!("../../../questionnaires/tcm-92.toml");

    fn grid() -> Questionnaire {
        Questionnaire::from_toml(GRID, "tcm-92.toml").expect("valid grid")
    }

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 12).expect("valid date")
    }

    #[test]
    fn the_demo_is_deterministic() {
        let questionnaire = grid();
        assert_eq!(
            demo_assessment(&questionnaire, date()),
            demo_assessment(&questionnaire, date())
        );
    }

    #[test]
    fn every_respondent_answers_every_question() {
        let questionnaire = grid();
        let demo = demo_assessment(&questionnaire, date());
        assert_eq!(demo.assessment.mode, Mode::Workshop);
        assert!((4..=6).contains(&demo.respondents.len()));
        assert_eq!(
            demo.answers.len(),
            demo.respondents.len() * questionnaire.questions().len()
        );
        let scorecard = score(&questionnaire, &demo.answers);
        assert_eq!(scorecard.respondents, demo.respondents.len());
    }

    #[test]
    fn active_is_strongest_and_proactive_weakest() {
        let questionnaire = grid();
        let demo = demo_assessment(&questionnaire, date());
        let scorecard = score(&questionnaire, &demo.answers);
        let stage = |id| {
            scorecard
                .stage(id)
                .and_then(|stage| stage.result.score)
                .map(|score| score.value())
                .expect("every stage has a score")
        };
        for other in [StageId::Creative, StageId::Curative, StageId::Preventive] {
            assert!(stage(StageId::Active) > stage(other));
            assert!(stage(StageId::Proactive) < stage(other));
        }
        let previous = score(&questionnaire, &demo.previous_answers);
        assert!(previous.overall < scorecard.overall);
    }

    #[test]
    fn earlier_audits_go_back_a_year_each_and_end_on_the_previous_one() {
        let questionnaire = grid();
        let demo = demo_assessment(&questionnaire, date());
        let history = earlier_audits(&questionnaire, date(), 3);
        assert_eq!(history.len(), 3);
        let last = history.last().expect("three audits");
        assert_eq!(last.date, demo.previous_date);
        assert_eq!(last.answers, demo.previous_answers);
        for pair in history.windows(2) {
            assert_eq!((pair[1].date - pair[0].date).num_days(), 364);
            assert_ne!(pair[0].answers, pair[1].answers);
            let (older, newer) = (
                score(&questionnaire, &pair[0].answers),
                score(&questionnaire, &pair[1].answers),
            );
            assert!(older.overall < newer.overall, "each year advances");
        }
        assert!(earlier_audits(&questionnaire, date(), 0).is_empty());
    }

    #[test]
    fn answers_hold_na_dont_know_disagreement_and_french_comments() {
        use tcm_core::Answer;
        let questionnaire = grid();
        let demo = demo_assessment(&questionnaire, date());
        let all: Vec<_> = demo.answers.responses().collect();
        assert!(
            all.iter()
                .any(|(_, _, r)| r.answer == Answer::NotApplicable)
        );
        assert!(all.iter().any(|(_, _, r)| r.answer == Answer::DontKnow));
        let comments: Vec<&str> = all
            .iter()
            .filter_map(|(_, _, r)| r.comment.as_deref())
            .collect();
        assert!((18..=26).contains(&comments.len()), "{}", comments.len());
        assert!(comments.iter().any(|c| c.contains('«') && c.contains('»')));
        assert!(comments.iter().any(|c| c.contains('’')));
        let scorecard = score(&questionnaire, &demo.answers);
        assert!(
            scorecard
                .questions
                .iter()
                .any(|q| q.dispersion.is_some_and(|d| d.range() >= 3))
        );
    }
}
