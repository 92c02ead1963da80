//! easnet-core: the plan model, the address and capacity maths, and the analyzer behind the
//! easnet page and CLI. Pure Rust, no web dependencies; nothing here panics on user input.
//!
//! # Organization
//! - [`plan`]: the plan JSON v1 — types, strict reading with JSON-path errors, writing.
//! - [`examples`]: the example plans embedded in the page and the CLI.

pub mod examples;
pub mod plan;
