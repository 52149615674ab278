//! Renders the demo assessment's report: `demo_report --pdf OUT.pdf [--html OUT.html]
//! [--lang en] [--grid GRID.pdf]`. Used by `scripts/bench-report-vs-chromium.sh` and to look
//! at the pages.

use std::path::PathBuf;

use chrono::NaiveDate;
use tcm_core::{Language, Questionnaire, action_plan, score};
use tcm_report::{PreviousAssessment, ReportInput};

const GRID: &str = include_str!("../../../questionnaires/tcm-92.toml");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut pdf: Option<PathBuf> = None;
    let mut html: Option<PathBuf> = None;
    let mut grid: Option<PathBuf> = None;
    let mut language = Language::French;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--pdf" => pdf = args.next().map(PathBuf::from),
            "--html" => html = args.next().map(PathBuf::from),
            "--grid" => grid = args.next().map(PathBuf::from),
            "--lang" => language = args.next().unwrap_or_default().parse()?,
            other => return Err(format!("unknown argument `{other}`").into()),
        }
    }
    let questionnaire = Questionnaire::from_toml(GRID, "tcm-92.toml")?;
    let date = NaiveDate::from_ymd_opt(2026, 3, 12).ok_or("bad date")?;
    let demo = tcm_demo::demo_assessment(&questionnaire, date);
    let scorecard = score(&questionnaire, &demo.answers);
    let previous = score(&questionnaire, &demo.previous_answers);
    let plan = action_plan(
        &questionnaire,
        &scorecard,
        &demo.assessment.targets,
        &demo.actions,
        language,
    );
    let input = ReportInput {
        organisation: &demo.organisation,
        assessment: &demo.assessment,
        questionnaire: &questionnaire,
        scorecard: &scorecard,
        respondents: &demo.respondents,
        answers: &demo.answers,
        plan: &plan,
        previous: Some(PreviousAssessment {
            scorecard: &previous,
            date: demo.previous_date,
        }),
        date,
        language,
    };
    if let Some(path) = pdf {
        std::fs::write(path, tcm_report::render_report(&input)?)?;
    }
    if let Some(path) = html {
        std::fs::write(path, tcm_report::render_report_html(&input)?)?;
    }
    if let Some(path) = grid {
        std::fs::write(
            path,
            tcm_report::render_blank_grid(&questionnaire, language, date)?,
        )?;
    }
    Ok(())
}
