//! Strategy speed. Deriving initiatives, their sequence, waves, focus and projection for the
//! demo assessment on TCM-92 (goal ≤ 5 ms), the three steps the issue names apart, and the
//! private benchmark over 500 past audits (goal ≤ 100 ms). Here rather than in tcm-core because
//! the demo lives in this crate, which tcm-core cannot depend on.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use tcm_core::strategy::benchmark::{AuditFigures, benchmark};
use tcm_core::strategy::waves::WaveOverrides;
use tcm_core::strategy::{
    Dependencies, StrategyInput, derive, initiatives, projection, sequence, waves,
};
use tcm_core::{Language, OrganisationSize, Questionnaire, Sector, action_plan, score};

const GRID: &str = include_str!("../../../questionnaires/tcm-92.toml");

/// 500 audits over four sectors and sizes, stage scores from a fixed-seed generator.
fn past_audits(count: usize) -> Vec<AuditFigures> {
    let sectors = [
        Sector::Industry,
        Sector::Services,
        Sector::Retail,
        Sector::PublicSector,
    ];
    let sizes = [
        Some(OrganisationSize::Small),
        Some(OrganisationSize::Medium),
        Some(OrganisationSize::Large),
        None,
    ];
    let mut state: u32 = 2026;
    let mut next = move || {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
        f64::from((state >> 16) % 1001) / 10.0
    };
    (0..count)
        .map(|index| {
            let stages = [next(), next(), next(), next(), next()];
            AuditFigures {
                sector: sectors[index % sectors.len()],
                size: sizes[(index / 4) % sizes.len()],
                overall: Some(stages.iter().sum::<f64>() / 5.0),
                stages: stages.map(Some),
            }
        })
        .collect()
}

fn strategy(c: &mut Criterion) {
    let questionnaire = Questionnaire::from_toml(GRID, "tcm-92.toml").expect("valid grid");
    let start = chrono::NaiveDate::from_ymd_opt(2026, 3, 12).expect("valid date");
    let demo = tcm_demo::demo_assessment(&questionnaire, start);
    let scorecard = score(&questionnaire, &demo.answers);
    let targets = demo.assessment.targets;
    let plan = action_plan(
        &questionnaire,
        &scorecard,
        &targets,
        &demo.actions,
        Language::French,
    );
    let input = StrategyInput {
        questionnaire: &questionnaire,
        answers: &demo.answers,
        scorecard: &scorecard,
        targets: &targets,
        plan: &plan,
    };
    let dependencies = Dependencies::none();
    let overrides = WaveOverrides::new();
    let mut group = c.benchmark_group("strategy");
    group.bench_function("derive whole strategy, demo on TCM-92", |b| {
        b.iter(|| derive(black_box(&input), &dependencies, start, &overrides))
    });
    group.bench_function("initiatives + sequence + projection, demo on TCM-92", |b| {
        b.iter(|| {
            let grouped = initiatives::initiatives(black_box(&input));
            let ordered = sequence::sequence(grouped, &input, &dependencies);
            let planned = waves::plan_waves(&ordered, start, &overrides);
            projection::project_waves(&input, &ordered, &planned)
        })
    });
    let past = past_audits(500);
    let client = past_audits(1).remove(0);
    group.bench_function("benchmark over 500 past audits", |b| {
        b.iter(|| benchmark(black_box(&client), black_box(&past)))
    });
    group.finish();
}

criterion_group!(benches, strategy);
criterion_main!(benches);
