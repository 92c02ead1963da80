//! What the responses of a paste say, gathered by ID before anything touches the plan, so the
//! order of the responses does not matter (EIPs before their NAT gateway, entries before their
//! table). Maps are ordered by ID: new objects reach the plan sorted.

use std::collections::BTreeMap;

use crate::plan::{EgressRule, NatKind, Route, RouteTableKind, SecurityGroupKind};

use super::summary::{Kind, Said, Skip};

#[derive(Debug, Default)]
pub(crate) struct Facts {
    /// The first `RegionId` read, for a plan that has none.
    pub region: Option<String>,
    pub vpcs: BTreeMap<String, VpcFact>,
    /// VPCs known only from a peering (the accepter in another region or account): CIDRs.
    pub peer_vpcs: BTreeMap<String, PeerVpcFact>,
    pub vswitches: BTreeMap<String, VSwitchFact>,
    pub tables: BTreeMap<String, TableFact>,
    /// Routes by table, then by destination (one route per destination: a later page wins),
    /// so the plan gets new routes in the same order whatever the order of the pastes.
    pub routes: BTreeMap<String, BTreeMap<String, Route>>,
    pub groups: BTreeMap<String, GroupFact>,
    pub rules: BTreeMap<String, RulesFact>,
    pub nats: BTreeMap<String, NatFact>,
    /// SNAT entries by `SnatEntryId` (or their table and source when it is missing).
    pub snats: BTreeMap<String, SnatFact>,
    /// Public IPs of EIPs bound to a NAT gateway (DescribeEipAddresses), by gateway.
    pub nat_eips: BTreeMap<String, Vec<String>>,
    /// How summary lines name an EIP, by its IP (`eip-bp1a (47.98.1.10)`).
    pub eip_names: BTreeMap<String, String>,
    pub peerings: BTreeMap<String, PeeringFact>,
    pub skipped: Vec<Skip>,
}

#[derive(Debug, Default)]
pub(crate) struct VpcFact {
    /// Primary, secondaries, then IPv6 blocks.
    pub cidrs: Vec<String>,
    pub vrouter: Option<String>,
}

#[derive(Debug, Default)]
pub(crate) struct PeerVpcFact {
    pub cidrs: Vec<String>,
    pub peering: String,
}

#[derive(Debug)]
pub(crate) struct VSwitchFact {
    pub vpc: String,
    pub zone: Option<String>,
    pub cidr: String,
    /// `RouteTable.RouteTableId` and `RouteTable.RouteTableType`.
    pub table: Option<String>,
    pub table_kind: Option<RouteTableKind>,
    pub available: Option<u64>,
}

#[derive(Debug, Default)]
pub(crate) struct TableFact {
    pub vpc: Option<String>,
    pub vrouter: Option<String>,
    pub kind: Option<RouteTableKind>,
    pub vswitches: Vec<String>,
}

#[derive(Debug, Default)]
pub(crate) struct GroupFact {
    /// `None`: a classic-network group (`VpcId` empty).
    pub vpc: Option<String>,
    pub kind: Option<SecurityGroupKind>,
}

#[derive(Debug, Default)]
pub(crate) struct RulesFact {
    pub vpc: Option<String>,
    pub egress: Vec<EgressRule>,
}

#[derive(Debug)]
pub(crate) struct NatFact {
    pub vpc: String,
    pub kind: NatKind,
    pub vswitch: Option<String>,
    /// Public IPs of `IpLists.IpList[]`; `None` when the response has no `IpLists` at all.
    pub eips: Option<Vec<String>>,
    /// `SnatTableIds.SnatTableId[]`: in practice one per gateway.
    pub snat_tables: Vec<String>,
}

#[derive(Debug)]
pub(crate) struct SnatFact {
    /// `SnatEntryId`.
    pub id: Option<String>,
    pub nat: Option<String>,
    pub table: Option<String>,
    pub source: String,
    pub ips: Vec<String>,
    /// How summary lines name it.
    pub name: String,
}

#[derive(Debug)]
pub(crate) struct PeeringFact {
    pub vpcs: [String; 2],
}

impl Facts {
    pub fn skip(&mut self, kind: Kind, id: impl Into<String>, why: Said) {
        self.skipped.push(Skip {
            kind,
            id: id.into(),
            why,
        });
    }

    pub fn see_region(&mut self, region: Option<String>) {
        if self.region.is_none() {
            self.region = region;
        }
    }

    /// Adds a route of a table; a repeated destination replaces the earlier route.
    pub fn add_route(&mut self, table: &str, route: Route) {
        (self.routes.entry(table.to_owned()).or_default()).insert(route.destination.clone(), route);
    }
}

/// `System` / `Custom` in any case.
pub(crate) fn table_kind(s: Option<String>) -> Option<RouteTableKind> {
    match s?.to_ascii_lowercase().as_str() {
        "system" => Some(RouteTableKind::System),
        "custom" => Some(RouteTableKind::Custom),
        _ => None,
    }
}

/// Adds `item` unless it is there already.
pub(crate) fn push_new<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}
