//! The real network in: the JSON the `aliyun` CLI prints for describe calls, mapped onto plan
//! v1 and merged into the current plan by ID (`docs/cloud-describe-facts.md`).
//!
//! Offline and all or nothing: [`import`] returns the merged plan and an [`ImportSummary`], or
//! a [`CloudError`] and the caller's plan stays as it was (an error response, an unknown shape,
//! a page cut off, a merge that would break the plan format).
//!
//! # Organization
//! - `paste`: [`read_paste`] — the text → [`Response`]s (one, several pasted together, a
//!   `--pager` list, an easnet snapshot), the size limit, error responses;
//!   [`is_describe_paste`].
//! - [`snapshot`]: every call of one VPC, every page, in one file: the calls and their
//!   paging, taking one through a function that runs `aliyun`, the file format, and its
//!   reading (refused unless every page of every call is there).
//! - `shape`: [`Operation`] — which call a response answers, by its shape.
//! - `pages`: a paste cut off (`NextToken` not empty, a page of several without the rest).
//! - `read`: tolerant readers for the traps: double nesting, one-element lists shown as an
//!   object or a scalar, numbers as strings or numbers, enums in any case, `""` as absent.
//! - `map/`: one mapper per operation, JSON → facts by ID, and skipped lines for what the plan
//!   cannot hold (rules towards groups or prefix lists, ECMP routes, a VPC NAT's private IPs,
//!   ingress rules, a dual-stack vSwitch's IPv6 CIDR).
//! - `merge/`: the facts into the plan by ID, keeping what the user wrote (its doc says how
//!   `other_ips` overrides survive), one file per kind of object; it logs what it touched.
//! - `summary/`: [`ImportSummary`] — counts, lines, notes; `text(cat)` for a terminal; the
//!   lines written from the merge's log by comparing each touched object before and after, in
//!   the words of the catalogue given to [`import_in`] or [`merge_in`] ([`import`] and
//!   [`merge`] write English).
//!
//! Operations read: `vpc DescribeVpcs`, `DescribeVSwitches`, `DescribeRouteTableList`,
//! `DescribeRouteEntryList`, `DescribeRouteTables`, `DescribeNatGateways`,
//! `DescribeSnatTableEntries`, `DescribeEipAddresses`; `ecs DescribeSecurityGroups`,
//! `DescribeSecurityGroupAttribute`; `vpcpeer ListVpcPeerConnections`,
//! `GetVpcPeerConnectionAttribute`.

mod commands;
mod error;
mod facts;
mod map;
mod merge;
mod pages;
mod paste;
mod read;
mod shape;
pub mod snapshot;
mod summary;

pub use commands::{describe_commands, security_group_rules};
pub use error::{CloudError, CloudErrorKind};
pub use paste::{is_describe_paste, is_describe_value, read_paste, Response, MAX_PASTE_BYTES};
pub use shape::{error_response, Operation};
pub use summary::{Change, ImportSummary, Kind, ResponseRead, SummaryLine};

use crate::i18n::Catalogue;
use crate::plan::Plan;

/// An import's result: the merged plan, and what was imported, updated and skipped.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkImport {
    pub plan: Plan,
    pub summary: ImportSummary,
}

/// Imports a paste of describe-call output into `current`: [`read_paste`], then [`merge`].
///
/// # Examples
/// ```
/// use easnet_core::cloud::{import, CloudErrorKind};
/// use easnet_core::plan::Plan;
/// let paste = r#"
/// {"Vpcs": {"Vpc": [{"VpcId": "vpc-a", "CidrBlock": "10.0.0.0/16", "RegionId": "cn-hangzhou"}]}}
/// {"VSwitches": {"VSwitch": [{"VSwitchId": "vsw-a", "VpcId": "vpc-a", "ZoneId": "cn-hangzhou-h",
///   "CidrBlock": "10.0.1.0/24", "AvailableIpAddressCount": "250"}]}}"#;
/// let got = import(paste, &Plan::empty()).unwrap();
/// let vsw = &got.plan.vpcs[0].vswitches[0];
/// assert_eq!((vsw.id.as_str(), vsw.other_ips), ("vsw-a", 2)); // 252 usable − 250 available
/// assert_eq!(got.summary.imported, 2);
///
/// let cut = r#"{"NextToken": "AAAB", "SecurityGroups": {"SecurityGroup": []}}"#;
/// assert_eq!(import(cut, &got.plan).unwrap_err().kind, CloudErrorKind::CutOff);
/// ```
pub fn import(text: &str, current: &Plan) -> Result<NetworkImport, CloudError> {
    import_in(text, current, Catalogue::english())
}

/// [`import`], the summary in `cat`'s words.
pub fn import_in(text: &str, current: &Plan, cat: &Catalogue) -> Result<NetworkImport, CloudError> {
    merge_in(&read_paste(text)?, current, cat)
}

/// Merges responses (from one paste or several: the CLI reads one per file) into `current`.
/// Refuses them all when one is a page whose next pages are missing, or when the merged plan
/// would break a rule of the plan format that `current` kept.
///
/// # Examples
/// ```
/// use easnet_core::cloud::{merge, read_paste, CloudErrorKind};
/// use easnet_core::plan::Plan;
/// let vpcs = read_paste(r#"{"Vpcs": {"Vpc": {"VpcId": "vpc-a", "CidrBlock": "10.0.0.0/16"}}}"#).unwrap();
/// let nats = read_paste(r#"{"NatGateways": {"NatGateway": [{"NatGatewayId": "ngw-a",
///   "VpcId": "vpc-a", "NetworkType": "internet", "IpLists": {"IpList": {"IpAddress": "47.98.1.10"}}}]}}"#).unwrap();
/// let all: Vec<_> = vpcs.into_iter().chain(nats).collect();
/// let got = merge(&all, &Plan::empty()).unwrap();
/// assert_eq!(got.plan.vpcs[0].nat_gateways[0].eips, ["47.98.1.10"]);
/// assert_eq!(merge(&[], &Plan::empty()).unwrap_err().kind, CloudErrorKind::Empty);
/// ```
pub fn merge(responses: &[Response], current: &Plan) -> Result<NetworkImport, CloudError> {
    merge_in(responses, current, Catalogue::english())
}

/// [`merge`], the summary in `cat`'s words.
pub fn merge_in(
    responses: &[Response],
    current: &Plan,
    cat: &Catalogue,
) -> Result<NetworkImport, CloudError> {
    if responses.is_empty() {
        return Err(CloudError::new(
            CloudErrorKind::Empty,
            crate::i18n::Said::new("cloud_error.no_responses"),
        ));
    }
    pages::check_complete(responses)?;
    let mut facts = facts::Facts::default();
    let mut read = Vec::with_capacity(responses.len());
    for r in responses {
        let items = map::map(r, &mut facts);
        read.push(ResponseRead {
            operation: r.operation,
            label: r.said.text(cat),
            items,
        });
    }
    let merged = merge::apply(facts, current)?;
    let summary = summary::write(read, merged.log, current, &merged.plan, cat);
    Ok(NetworkImport {
        plan: merged.plan,
        summary,
    })
}
