//! `cargo run --release -p easnet-core --example time_large -- SCALE`: one timed analysis of
//! the synthetic plan (a quick look; `cargo bench` measures properly).
fn main() {
    let scale = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let plan = easnet_core::samples::synth::large_plan(scale);
    let mut best = std::time::Duration::MAX;
    let mut findings = 0;
    for _ in 0..5 {
        let t = std::time::Instant::now();
        findings = easnet_core::analyze::analyze(&plan).findings.len();
        best = best.min(t.elapsed());
    }
    println!("scale {scale}: {findings} findings, best of 5: {best:?}");
}
