//! Address and capacity maths: reading CIDRs, counting usable IPs, finding overlaps and free
//! space, and working out how many IPs a service needs.
//!
//! Everything here is a pure function over [`ipnet`] types and integers. Nothing panics on user
//! input: bad strings are [`CidrError`]s or [`SurgeError`]s, counts saturate instead of
//! wrapping, and capacity never goes through floating point.
//!
//! # Organization
//! - `parse`: [`parse_cidr`] (strict: host bits must be clear), [`parse_cidr_lenient`] (for
//!   whitelist entries such as `10.23.12.24/24`), [`parse_addr`], [`same_family`], and
//!   [`CidrError`].
//! - `usable`: what a vSwitch offers — [`total_addresses`], [`usable_ips`] (IPv4 reserves the
//!   first and last three addresses, IPv6 the first and last nine), [`reserved_addresses`],
//!   [`first_usable`], [`last_usable`].
//! - `overlap`: [`contains_net`], [`overlaps`], [`overlapping_pairs`] (sort and sweep,
//!   O(n log n + k)), [`overlaps_of_each`] (per block: how many it overlaps and the first few,
//!   O(n log n) however many pairs), and [`covers_union`] (does a whitelist cover a vSwitch?).
//! - `free`: [`free_blocks`] (a VPC's space minus its vSwitches, as the fewest CIDRs) and
//!   [`first_free_block`] (where a new vSwitch of a given size fits first).
//! - `prefix_map`: [`PrefixMap`], CIDR keys answering "which contain this network?" in
//!   O(prefix length) hash lookups (route lookups, containment).
//! - `need`: capacity arithmetic — [`Surge`] and [`parse_surge`], [`surge_ips`],
//!   [`peak_instances`], [`ServiceNeed`], [`total_needed`] (never wraps), [`smallest_ipv4_prefix`],
//!   [`smallest_ipv4_prefix_under`],
//!   [`utilisation_permille`],
//!   [`exceeds_threshold`], and [`SurgeError`].

mod free;
mod need;
mod overlap;
mod parse;
mod prefix_map;
mod usable;

pub use free::{first_free_block, free_blocks};
pub use need::{
    exceeds_threshold, parse_surge, peak_instances, smallest_ipv4_prefix,
    smallest_ipv4_prefix_under, surge_ips, total_needed, utilisation_permille, ServiceNeed, Surge,
    SurgeError,
};
pub use overlap::{
    contains_net, covers_union, overlapping_pairs, overlaps, overlaps_of_each, Overlaps,
};
pub use parse::{parse_addr, parse_cidr, parse_cidr_lenient, same_family, CidrError};
pub use prefix_map::PrefixMap;
pub use usable::{first_usable, last_usable, reserved_addresses, total_addresses, usable_ips};
