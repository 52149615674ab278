//! Strategy speed. Deriving initiatives, their sequence, waves, focus and projection for the
//! demo assessment on TCM-92 (goal ≤ 5 ms), the three steps the issue names apart, and the
//! private benchmark over 500 past audits (goal ≤ 100 ms): the path `tcm-api`'s
//! `benchmark.rs` runs once `tcm-store`'s `audit_figures` has read each audit's answer counts
//! — every audit's stage scores from its per-question tallies on TCM-92, one audit per client,
//! the filters offered and the figures — and the quartiles alone. Here rather than in tcm-core
//! because the demo lives in this crate, which tcm-core cannot depend on.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use std::collections::HashMap;

use tcm_core::scoring::{AnswerTally, stage_scores_from_tallies};
use tcm_core::strategy::benchmark::{
    AuditFigures, Filter, PastAudit, available_filters, benchmark, benchmark_filtered,
    one_per_client,
};
use tcm_core::strategy::waves::WaveOverrides;
use tcm_core::strategy::{
    Dependencies, StrategyInput, derive, initiatives, projection, sequence, waves,
};
use tcm_core::{Language, OrganisationSize, Questionnaire, Score, Sector, action_plan, score};

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

/// Per-question answer counts of `count` audits, six respondents each, from a fixed seed.
fn past_tallies(questionnaire: &Questionnaire, count: usize) -> Vec<HashMap<String, AnswerTally>> {
    let mut state: u32 = 14;
    let mut next = move || {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
        u64::from((state >> 16) % 5)
    };
    (0..count)
        .map(|_| {
            questionnaire
                .questions()
                .iter()
                .map(|question| {
                    let level_sum = (0..6).map(|_| next()).sum();
                    let tally = AnswerTally {
                        level_sum,
                        levels: 6,
                        not_applicable: 0,
                        dont_know: 0,
                    };
                    (question.id.as_str().to_owned(), tally)
                })
                .collect()
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
    group.bench_function("benchmark quartiles over 500 past audits", |b| {
        b.iter(|| benchmark(black_box(&client), black_box(&past)))
    });
    // 500 audits as the store keeps them: per-question answer counts (six respondents each),
    // 450 clients (fifty audited twice).
    let tallies = past_tallies(&questionnaire, 500);
    let sectors = [
        Sector::Industry,
        Sector::Services,
        Sector::Retail,
        Sector::PublicSector,
    ];
    group.bench_function("benchmark over 500 past audits", |b| {
        b.iter(|| {
            let audits: Vec<PastAudit> = tallies
                .iter()
                .enumerate()
                .map(|(index, counts)| {
                    let stages = stage_scores_from_tallies(
                        &questionnaire,
                        |question| counts.get(question.as_str()).copied().unwrap_or_default(),
                        |_| None,
                    );
                    PastAudit {
                        client: format!("Client {}", index % 450),
                        made_at: start.and_hms_opt(0, 0, 0).expect("midnight")
                            + chrono::Duration::days(i64::try_from(index).unwrap_or(0)),
                        figures: AuditFigures {
                            sector: sectors[index % sectors.len()],
                            size: Some(OrganisationSize::Medium),
                            stages: stages.map(|score| score.map(Score::value)),
                            overall: Score::mean(stages.into_iter().flatten()).map(Score::value),
                        },
                    }
                })
                .collect();
            let past = one_per_client(audits, "Client 0");
            let filters = available_filters(black_box(&client), &past);
            (
                filters,
                benchmark_filtered(&client, &past, Filter::MostSpecific),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, strategy);
criterion_main!(benches);
