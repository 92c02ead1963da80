//! Address and capacity maths: reading CIDRs, counting usable IPs, finding overlaps and free
//! space, and working out how many IPs a service needs.
//!
//! Everything here is a pure function over [`ipnet`] types and integers. Nothing panics on user
//! input: bad strings are [`CidrError`]s (and, for surges, `SurgeError`s), counts saturate instead of
//! wrapping, and capacity never goes through floating point.
//!
//! # Organization
//! - `parse`: [`parse_cidr`] (strict: host bits must be clear), [`parse_cidr_lenient`] (for
//!   whitelist entries such as `10.23.12.24/24`), [`parse_addr`], [`same_family`], and
//!   [`CidrError`].
//! - `usable`: what a vSwitch offers — [`total_addresses`], [`usable_ips`] (IPv4 reserves the
//!   first and last three addresses, IPv6 the first and last nine), [`reserved_addresses`],
//!   [`first_usable`], [`last_usable`].

mod parse;
mod usable;

pub use parse::{parse_addr, parse_cidr, parse_cidr_lenient, same_family, CidrError};
pub use usable::{first_usable, last_usable, reserved_addresses, total_addresses, usable_ips};
