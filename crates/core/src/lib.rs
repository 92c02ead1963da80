//! easnet-core: the plan model, the address and capacity maths, and the analyzer behind the
//! easnet page and CLI. Pure Rust, no web dependencies; nothing here panics on user input.
//!
//! # Organization
//! - [`plan`]: the plan JSON v1 — types, strict reading with JSON-path errors, writing.
//! - [`addr`]: CIDR parsing, usable and reserved IPs, overlaps, free space, and the integer
//!   capacity maths (IPs a service needs, surge, utilisation thresholds).
//! - [`analyze`]: the analyzer — plan in, [`analyze::Report`] out (findings, capacity, paths).
//! - [`cloud`]: the real network in — the JSON of `aliyun` describe calls (VPCs, vSwitches,
//!   route tables, NAT gateways, SNAT entries, EIPs, security groups, peerings) mapped onto
//!   the plan and merged into it by ID, with a summary of what was imported, updated, skipped.
//! - [`export`]: what the page and the CLI hand the user: `cloud.networking`, the service JSON
//!   with it set (every other byte untouched), commands to run, and Markdown/SARIF reports.
//! - [`decimal`]: text for thresholds, percentages and coordinates, without std's float
//!   formatting (a size cut for the page).
//! - [`examples`]: the example plans embedded in the page and the CLI.
//! - [`import`]: pasted JSON in — a plan, or a service JSON joining the current plan.
//! - [`map`]: each VPC's address space laid out (vSwitches, free blocks) for drawing.
//! - [`share`]: a plan in a URL fragment (deflate + base64url).
//! - [`shell`]: words of a pasted shell line: plan values quoted, placeholders bare.
//! - [`synth`]: synthetic plans of a given size, for benchmarks and performance measurements.
//! - [`whatif`]: the capacity calculator (a CIDR and a service's numbers → fits or not).
//! - [`words`]: wording shared by messages (plurals).

pub mod addr;
pub mod analyze;
pub mod cloud;
pub mod decimal;
pub mod examples;
pub mod export;
pub mod import;
pub mod map;
pub mod plan;
pub mod share;
pub mod shell;
pub mod synth;
pub mod whatif;
pub mod words;
