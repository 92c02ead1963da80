//! What the page and the CLI show beside the analyzer's report.
//! - [`map`]: each VPC's address space laid out (vSwitches, free blocks) for drawing.
//! - [`whatif`]: the capacity calculator (a CIDR and a service's numbers → fits or not).
//! - [`vswitch_choice`]: the vSwitches a service may list, their zones, and a two-zone pick.

pub mod map;
pub mod vswitch_choice;
pub mod whatif;
