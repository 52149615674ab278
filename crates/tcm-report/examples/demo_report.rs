//! Renders the demo assessment's report: `demo_report --pdf OUT.pdf [--html OUT.html]
//! [--lang en] [--audits N] [--grid GRID.pdf] [--firm NAME] [--logo LOGO.png|svg] [--benchmark]`.
//! `--audits`: how many audits the follow-up runs over (default 2, the previous
//! self-assessment and the workshop); `--benchmark`: the "among your clients" section over
//! fourteen fictitious past audits. Used by `scripts/bench-report-vs-chromium.sh` and to
//! look at the pages.

use std::path::PathBuf;

use tcm_core::Language;

#[path = "../tests/common/demo.rs"]
mod demo;
use demo::Demo;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut pdf: Option<PathBuf> = None;
    let mut html: Option<PathBuf> = None;
    let mut grid: Option<PathBuf> = None;
    let mut language = Language::French;
    let mut audits = 2;
    let mut settings = tcm_report::ReportSettings::default();
    let mut with_benchmark = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--pdf" => pdf = args.next().map(PathBuf::from),
            "--html" => html = args.next().map(PathBuf::from),
            "--grid" => grid = args.next().map(PathBuf::from),
            "--lang" => language = args.next().unwrap_or_default().parse()?,
            "--audits" => audits = args.next().unwrap_or_default().parse()?,
            "--firm" => settings.firm_name = args.next().unwrap_or_default(),
            "--logo" => {
                let bytes = std::fs::read(args.next().unwrap_or_default())?;
                settings.logo = Some(tcm_report::Logo::read(&bytes)?);
            }
            "--benchmark" => with_benchmark = true,
            other => return Err(format!("unknown argument `{other}`").into()),
        }
    }
    let fixture = Demo::with_audits(language, audits);
    let mut input = fixture.input();
    input.settings = Some(&settings);
    let figures = with_benchmark.then(|| fictitious_benchmark(&fixture));
    input.benchmark = figures.as_deref();
    if let Some(path) = pdf {
        std::fs::write(path, tcm_report::render_report(&input)?)?;
    }
    if let Some(path) = html {
        std::fs::write(path, tcm_report::render_report_html(&input)?)?;
    }
    if let Some(path) = grid {
        std::fs::write(
            path,
            tcm_report::render_blank_grid(&fixture.questionnaire, language, input.date)?,
        )?;
    }
    Ok(())
}

/// The demo client placed among fourteen fictitious past audits of its sector.
fn fictitious_benchmark(fixture: &Demo) -> Vec<tcm_core::strategy::benchmark::BenchmarkFigure> {
    use tcm_core::strategy::benchmark::{AuditFigures, benchmark};
    let organisation = &fixture.demo.organisation;
    let client = AuditFigures {
        sector: organisation.sector,
        size: organisation.size,
        stages: tcm_core::StageId::ALL.map(|stage| {
            fixture
                .scorecard
                .stage(stage)
                .and_then(|found| found.result.score)
                .map(|score| score.value())
        }),
        overall: fixture.scorecard.overall.map(|score| score.value()),
    };
    let past: Vec<AuditFigures> = (0..14_u32)
        .map(|n| {
            let stages = [0_u32, 1, 2, 3, 4]
                .map(|stage| Some(f64::from((n * 37 + stage * 23 + n * stage * 7) % 70 + 15)));
            AuditFigures {
                sector: organisation.sector,
                size: None,
                overall: Some(stages.iter().flatten().sum::<f64>() / 5.0),
                stages,
            }
        })
        .collect();
    benchmark(&client, &past)
}
