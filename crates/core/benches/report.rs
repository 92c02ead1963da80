//! The reports that point at the plan's lines (`easnet check`'s text and SARIF), on large
//! plans: every finding placed in the file at once, so the cost grows with the findings plus
//! the file, not their product (it took 5.3 s at 4×, 0.09 s now: BENCHMARKS.md).
//!
//! `cargo bench -p easnet-core --bench report`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use easnet_core::analyze::analyze;
use easnet_core::export::{sarif, text_report, Source};
use easnet_core::i18n::Catalogue;
use easnet_core::plan::write_plan;
use easnet_core::samples::synth::large_plan;

fn placed(c: &mut Criterion) {
    let mut group = c.benchmark_group("report/placed");
    group.sample_size(10);
    for scale in [1usize, 4, 16] {
        let plan = large_plan(scale);
        let text = write_plan(&plan);
        let report = analyze(&plan);
        let source = Source {
            name: "plan.json",
            text: &text,
        };
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("text", format!("{scale}x")),
            &report,
            |b, r| b.iter(|| text_report(r, false, Some(source), Catalogue::english())),
        );
        group.bench_with_input(
            BenchmarkId::new("sarif", format!("{scale}x")),
            &report,
            |b, r| b.iter(|| sarif(r, Some(source), Catalogue::english())),
        );
    }
    group.finish();
}

criterion_group!(benches, placed);
criterion_main!(benches);
