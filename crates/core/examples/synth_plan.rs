//! `cargo run -p easnet-core --example synth_plan -- SCALE > plan.json`: the synthetic plan
//! of the benchmarks as plan JSON (for the page measurement in `scripts/bench-page`).
fn main() {
    let scale = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    println!(
        "{}",
        easnet_core::plan::write_plan(&easnet_core::samples::synth::large_plan(scale))
    );
}
