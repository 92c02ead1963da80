//! easnet-core: the plan model, the address and capacity maths, and the analyzer behind the
//! easnet page and CLI. Pure Rust, no web dependencies; nothing here panics on user input.
//!
//! # Organization
//! - [`addr`]: CIDR parsing, usable and reserved IPs, overlaps, free space, and the integer
//!   capacity maths (IPs a service needs, surge, utilisation thresholds).

pub mod addr;
