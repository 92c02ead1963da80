//! Plans to start from and to measure with.
//! - [`examples`]: the example plans embedded in the page and the CLI.
//! - [`synth`]: synthetic plans of a given size, for benchmarks and performance measurements.

pub mod examples;
pub mod synth;
