//! The analyzer on large plans: the 1× plan of the performance budget (≤ 5 ms), and 1×, 10×,
//! 100× of a smaller one to show how the cost grows with the number of objects, and a
//! re-analysis with the service JSON reads of the last one (what the page does on an edit).
//!
//! `cargo bench -p easnet-core --bench analyze`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use easnet_core::analyze::{analyze, analyze_with, ServiceCache};
use easnet_core::plan::{parse_plan, write_plan};
use easnet_core::samples::synth::large_plan;

fn budget(c: &mut Criterion) {
    let plan = large_plan(1);
    c.bench_function("analyze/large-plan-1x", |b| {
        b.iter(|| analyze(std::hint::black_box(&plan)))
    });
    // Re-analysis as the page does it after an edit: the service JSON reads come from the
    // last analysis.
    let mut cache = ServiceCache::default();
    c.bench_function("analyze/large-plan-1x-again", |b| {
        b.iter(|| {
            analyze_with(
                std::hint::black_box(&plan),
                &mut cache,
                easnet_core::i18n::Catalogue::english(),
            )
        })
    });
    let text = write_plan(&plan);
    c.bench_function("parse+analyze/large-plan-1x", |b| {
        b.iter(|| analyze(&parse_plan(std::hint::black_box(&text)).unwrap()))
    });
}

fn growth(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze/growth");
    group.sample_size(10);
    for scale in [1usize, 10, 100] {
        let plan = large_plan(scale);
        let objects = plan
            .vpcs
            .iter()
            .map(|v| {
                v.vswitches.len() + v.route_tables.iter().map(|t| t.routes.len()).sum::<usize>()
            })
            .sum::<usize>()
            + plan.services.len();
        group.throughput(Throughput::Elements(objects as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{scale}x")),
            &plan,
            |b, plan| b.iter(|| analyze(plan)),
        );
    }
    group.finish();
}

criterion_group!(benches, budget, growth);
criterion_main!(benches);
