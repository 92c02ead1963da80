//! A snapshot: every describe call the importer reads, for one VPC, every page of each, kept
//! as it came in one file that [`super::import`] reads and checks for completeness.
//!
//! `--pager` loses pages silently on the `PageNumber` APIs and drops `TotalCount`
//! (`aliyun-commands.md`, "Reading many pages"), so a snapshot asks for each page itself and
//! keeps the paging fields. Core opens no connection: [`take`] is given the function that runs
//! one page (`easnet snapshot` runs the user's own `aliyun` CLI, with their credentials).
//!
//! # Organization
//! - `calls`: [`APIS`], the one table of the APIs run and how each pages; [`Call`]; the walk
//!   that says which calls a VPC needs (the same walk takes a snapshot and checks one).
//! - `paging`: the next page while taking; whether a call's pages are all there.
//! - `take`: [`take`] — the snapshot, page by page, through the caller's function.
//! - `file`: the file format ([`Snapshot::to_json`]) and its reading for the importer.
//! - `failure`: [`read_failure`] — what a failed `aliyun` run printed, read.
//! - [`command`]: the `easnet snapshot` line the page and the README show.

mod calls;
mod failure;
mod file;
mod paging;
mod take;

pub use calls::{Api, Ask, Call, Paging, APIS};
pub use failure::{quoted, read_failure, AliyunFailure, QUOTED_CHARS};
pub use take::{take, take_in, Request};

pub(crate) use file::{is_snapshot, read};

use serde_json::Value;

use crate::text::command::{self, Command};

/// The `easnet snapshot` line for one VPC, as the page shows it and the README prints it;
/// both values shell-quoted (a region or ID typed into the page is data).
///
/// # Examples
/// ```
/// use easnet_core::cloud::snapshot::command;
/// assert_eq!(command("cn-hangzhou", "vpc-bp1a"),
///            "easnet snapshot --region cn-hangzhou --vpc vpc-bp1a -o net.json");
/// assert_eq!(command("cn-hangzhou", "vpc-a; rm -rf ~"),
///            "easnet snapshot --region cn-hangzhou --vpc 'vpc-a; rm -rf ~' -o net.json");
/// assert_eq!(command("", "-x"), "easnet snapshot --region <RegionId> --vpc=-x -o net.json");
/// ```
pub fn command(region: &str, vpc: &str) -> String {
    // Built from quoted parts like every command easnet prints: an empty value is a bare
    // placeholder, one starting with `-` takes the `--name=value` form.
    Command::new("easnet")
        .word(command::Value::shell("snapshot"))
        .arg(
            "region",
            command::Value::data_or(Some(region).filter(|r| !r.is_empty()), "RegionId"),
        )
        .arg(
            "vpc",
            command::Value::data_or(Some(vpc).filter(|v| !v.is_empty()), "VpcId"),
        )
        .word(command::Value::shell("-o"))
        .word(command::Value::shell("net.json"))
        .to_string()
}

/// What to run after a snapshot written to `file`: `easnet import FILE --into plan.json`, the
/// file name quoted as any value is.
///
/// # Examples
/// ```
/// use easnet_core::cloud::snapshot::next_command;
/// assert_eq!(next_command("my net.json"), "easnet import 'my net.json' --into plan.json");
/// ```
pub fn next_command(file: &str) -> String {
    Command::new("easnet")
        .word(command::Value::shell("import"))
        .word(command::Value::data(file))
        .word(command::Value::shell("--into"))
        .word(command::Value::shell("plan.json"))
        .to_string()
}

/// The version of the file format (`"easnet_snapshot": 1`).
pub const FORMAT: u64 = 1;

/// A snapshot of one VPC: every page of every call, in the order they were run.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub region: String,
    pub vpc: String,
    pub pages: Vec<SnapshotPage>,
}

/// One page of one call: the arguments it was asked with (paging included) and the response.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotPage {
    pub call: Call,
    /// From 1.
    pub page: u64,
    pub args: Vec<(String, String)>,
    pub response: Value,
}

impl Snapshot {
    /// How many calls it ran (each counted once, however many pages it had).
    pub fn calls(&self) -> usize {
        self.pages.iter().filter(|p| p.page == 1).count()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_readme_shows_the_command() {
        let readme = include_str!("../../../../../README.md");
        let line = super::command("cn-hangzhou", "vpc-bp1xxxxxxxx");
        assert!(readme.contains(&line), "README.md lacks {line}");
    }
}
