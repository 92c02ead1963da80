//! `cargo run -p easnet-core --example check -- PLAN.json`: the report as JSON (a debugging aid;
//! the `easnet` CLI is the real front end).
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let report = easnet_core::analyze::analyze_text(&text);
    println!(
        "{}",
        serde_json::to_string_pretty(&report).unwrap_or_default()
    );
}
