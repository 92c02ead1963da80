//! Exports: what the page and the CLI hand the user to paste or run.
//!
//! Everything here is a pure function of the plan (and, where a path matters, the analyzer's
//! [`Report`](crate::analyze::Report)); nothing panics on user input, and the user's service
//! JSON is never reformatted beyond `cloud.networking`.
//!
//! # Organization
//! - [`networking_json`]: the `cloud.networking` object as pretty JSON.
//! - [`set_networking`]: the user's full service JSON with `cloud.networking` set or replaced,
//!   every other byte untouched (the splice of [`crate::plan::service_json`]).
//! - [`diff_lines`]: a line diff of the service JSON before and after, for the page.
//! - Commands, with their arguments shell-quoted: [`eascmd_lines`] (create / modify a
//!   service) and [`dlink_command`] (a resource group's VPC direct connection).
//! - From a plan, by service name ([`find_service`] names the ones that exist when a name does
//!   not): [`service_networking`], [`service_text`], [`service_dlink`],
//!   [`whitelist_entries`] (what each target's allow-list lacks, with the command of its
//!   product: RDS, PolarDB, Redis/Tair, MongoDB) and [`whitelist_text`] (that as a script),
//!   [`test_commands`] (connectivity probes for the start-up command).
//! - Reports: [`markdown_report`], [`sarif`] (SARIF 2.1.0) and [`text_report`] (the CLI's
//!   human output); [`capacity`] is the CLI's offline vSwitch maths.
//! - [`ExportError`]: what could not be exported, in one lowercase sentence.

mod capacity;
mod commands;
mod diff;
mod error;
mod lookup;
mod markdown;
mod networking;
mod page;
mod probe;
mod sarif;
mod source;
mod text;
mod whitelist;

pub use capacity::{capacity, capacity_of, capacity_text, Capacity};
pub use commands::{dlink_command, eascmd_lines};
pub use diff::{diff_lines, DiffKind, DiffLine};
pub use error::ExportError;
pub use lookup::{find_service, service_dlink, service_names, service_networking, service_text};
pub use markdown::markdown_report;
pub use networking::{checked_networking, networking_json, set_networking};
pub use page::{page_exports, service_exports, Export, PlanExport};
pub use probe::test_commands;
pub use sarif::sarif;
pub use source::Source;
pub use text::text_report;
pub use whitelist::{whitelist_entries, whitelist_text, WhitelistAdvice};
