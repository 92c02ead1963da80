//! Plans to start from and to measure with.
//! - [`examples`]: the example plans embedded in the page and the CLI.
//! - [`synth`]: synthetic plans of a given size, for benchmarks and performance measurements.
//! - [`hostile`]: plans built to hurt (identical CIDRs by the thousand, rules by the hundred
//!   thousand, deep nesting, maximal integers, long strings), for the robustness test.

pub mod examples;
pub mod hostile;
pub mod synth;
