//! Rendering speed: the full report for the demo assessment on the TCM-92 grid (92 answers
//! from five respondents, the charts, the roadmap and the follow-up across audits), in
//! French. Goal: median ≤ 150 ms in release. Twice: after one earlier audit (the app's demo)
//! and after three (a trend over four audits). Also the charts alone and the blank grid.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use tcm_core::Language;

#[path = "../tests/common/demo.rs"]
mod demo;
use demo::Demo;

fn report(c: &mut Criterion) {
    let fixture = Demo::new(Language::French);
    let input = fixture.input();
    let Demo {
        questionnaire,
        demo,
        scorecard,
        previous,
        ..
    } = &fixture;
    let date = input.date;
    let mut group = c.benchmark_group("report");
    group.sample_size(20);
    group.bench_function("full report PDF, demo on TCM-92", |b| {
        b.iter(|| tcm_report::render_report(black_box(&input)).expect("renders"))
    });
    let history = Demo::with_audits(Language::French, 4);
    let with_history = history.input();
    assert_eq!(
        with_history.history.as_ref().map(|h| h.trend.dates.len()),
        Some(4)
    );
    group.bench_function("full report PDF, demo on TCM-92 after four audits", |b| {
        b.iter(|| tcm_report::render_report(black_box(&with_history)).expect("renders"))
    });
    group.bench_function("five charts as SVG", |b| {
        b.iter(|| {
            let targets = &demo.assessment.targets;
            let language = Language::French;
            (
                tcm_report::charts::radar_svg(
                    questionnaire,
                    scorecard,
                    targets,
                    Some(previous),
                    None,
                    language,
                ),
                tcm_report::charts::stage_bars_svg(questionnaire, scorecard, targets, language),
                tcm_report::charts::theme_bars_svg(questionnaire, scorecard, language),
                tcm_report::charts::heatmap_svg(questionnaire, scorecard, language),
                tcm_report::charts::dispersion_svg(questionnaire, scorecard, language),
            )
        })
    });
    group.bench_function("blank grid PDF, TCM-92", |b| {
        b.iter(|| {
            tcm_report::render_blank_grid(black_box(questionnaire), Language::French, date)
                .expect("renders")
        })
    });
    group.finish();
}

criterion_group!(benches, report);
criterion_main!(benches);
