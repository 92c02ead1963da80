//! Any plan that reads, analysed: a report, never a panic, with findings in rules.md's order.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let report = easnet_core::analyze::analyze_text(text);
    let keys: Vec<_> = report
        .findings
        .iter()
        .map(|f| (f.severity, f.code.clone(), f.subject.clone()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
});
