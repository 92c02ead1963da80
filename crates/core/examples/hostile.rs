//! `cargo run --release -p easnet-core --example hostile -- [NAME] [N] [--write DIR]`:
//! reads and analyses the hostile plans of `samples::hostile` at size N (default 10000), one
//! at a time, and prints for each its size, its share link's length, the time taken, the
//! report's findings and JSON size, and the process's peak memory so far (Linux `VmHWM`; run
//! one NAME per process to read one plan's peak). `--write DIR` also writes each plan and its
//! share link (`NAME.json`, `NAME.link`) for the CLI and the page (BENCHMARKS.md); `--names`
//! lists the plans' names.
use std::time::Instant;

use easnet_core::analyze::analyze_text;
use easnet_core::plan::share;
use easnet_core::samples::hostile::{hostile_plan, names};

/// The peak resident memory of this process, from /proc (none elsewhere).
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l["VmHWM:".len()..].trim().to_owned())
        })
        .unwrap_or_else(|| "?".to_owned())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--names") {
        names().for_each(|name| println!("{name}"));
        return;
    }
    let write = (args.iter().position(|a| a == "--write")).and_then(|i| args.get(i + 1).cloned());
    let plain: Vec<&String> = (args.iter().enumerate())
        .filter(|(i, a)| {
            !a.starts_with("--") && args.get(i.wrapping_sub(1)).is_none_or(|p| p != "--write")
        })
        .map(|(_, a)| a)
        .collect();
    let name = plain.iter().find(|a| a.parse::<usize>().is_err());
    let n = plain.iter().find_map(|a| a.parse().ok()).unwrap_or(10_000);
    // Each plan is written when its turn comes, so the peak is of the plans so far.
    for plan in names().filter_map(|known| {
        let wanted = name.is_none_or(|name| *name == known);
        wanted.then(|| hostile_plan(known, n)).flatten()
    }) {
        let link = share::encode(&plan.text);
        if let Some(dir) = &write {
            std::fs::write(format!("{dir}/{}.json", plan.name), &plan.text)
                .expect("writes the plan");
            std::fs::write(format!("{dir}/{}.link", plan.name), &link).expect("writes the link");
        }
        let start = Instant::now();
        let report = analyze_text(&plan.text);
        let took = start.elapsed();
        let json = serde_json::to_string(&report).map_or(0, |j| j.len());
        println!(
            "{} (n = {n}): {} bytes, a link of {}; read and analysed in {took:.2?}: {} findings, {json} bytes of JSON; peak memory {}",
            plan.name,
            plan.text.len(),
            link.len(),
            report.findings.len(),
            peak_memory()
        );
    }
}
