//! easnet-core: the plan model, the address and capacity maths, and the analyzer behind the
//! easnet page and CLI. Pure Rust, no web dependencies; nothing here panics on user input.
//!
//! # Organization
//! In the order data flows:
//! - [`plan`]: the plan JSON v1 — types, strict reading with JSON-path errors, writing, the
//!   user's service JSON edited as text, and a plan in a URL fragment ([`plan::share`]).
//! - [`addr`]: CIDR parsing, usable and reserved IPs, overlaps, free space, and the integer
//!   capacity maths (IPs a service needs, surge, utilisation thresholds).
//! - [`cloud`]: the real network in — the JSON of `aliyun` describe calls (VPCs, vSwitches,
//!   route tables, NAT gateways, SNAT entries, EIPs, security groups, peerings) mapped onto
//!   the plan and merged into it by ID, with a summary of what was imported, updated, skipped.
//! - [`import`]: pasted JSON in — a plan, a service JSON joining the current plan, or
//!   describe output merged into it.
//! - [`analyze`]: the analyzer — plan in, [`analyze::Report`] out (findings, capacity, paths);
//!   the finding codes are [`analyze::Code`].
//! - [`export`]: what the page and the CLI hand the user: `cloud.networking`, the service JSON
//!   with it set (every other byte untouched), commands to run, and Markdown/SARIF reports.
//! - [`views`]: what is shown beside the report: the address map, the what-if calculator.
//! - [`text`]: numbers, plurals and shell words, written the same way everywhere.
//! - [`i18n`]: the catalogues of easnet's words in English and Chinese, and the languages.
//! - [`samples`]: the example plans, and synthetic plans for benchmarks.

pub mod plan;

pub mod addr;

pub mod cloud;
pub mod import;

pub mod analyze;

pub mod export;
pub mod i18n;
pub mod views;

pub mod samples;
pub mod text;
