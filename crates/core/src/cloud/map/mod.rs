//! One mapper per operation: a response's JSON → [`Facts`] (cloud objects by ID, onto the
//! plan's terms) and skipped lines for what the plan cannot hold. Mappers never fail: an item
//! they cannot read is a skipped line naming what is missing.

mod describe_eip_addresses;
mod describe_nat_gateways;
mod describe_route_entry_list;
mod describe_route_table_list;
mod describe_route_tables;
mod describe_security_group_attribute;
mod describe_security_groups;
mod describe_snat_table_entries;
mod describe_vpcs;
mod describe_vswitches;
mod vpc_peer_connections;

use crate::plan::Route;

use super::facts::{push_new, ById, Facts};
use super::read::{list, text};
use super::summary::{Kind, Said};
use super::{Operation, Response};

/// Reads one response into `facts`; returns how many items its list held.
pub(crate) fn map(r: &Response, facts: &mut Facts) -> usize {
    let v = &r.value;
    match r.operation {
        Operation::DescribeVpcs => describe_vpcs::map(v, facts),
        Operation::DescribeVSwitches => describe_vswitches::map(v, facts),
        Operation::DescribeRouteTableList => describe_route_table_list::map(v, facts),
        Operation::DescribeRouteEntryList => describe_route_entry_list::map(v, facts),
        Operation::DescribeRouteTables => describe_route_tables::map(v, facts),
        Operation::DescribeNatGateways => describe_nat_gateways::map(v, facts),
        Operation::DescribeSnatTableEntries => describe_snat_table_entries::map(v, facts),
        Operation::DescribeEipAddresses => describe_eip_addresses::map(v, facts),
        Operation::DescribeSecurityGroups => describe_security_groups::map(v, facts),
        Operation::DescribeSecurityGroupAttribute => {
            describe_security_group_attribute::map(v, facts)
        }
        Operation::ListVpcPeerConnections => vpc_peer_connections::map_list(v, facts),
        Operation::GetVpcPeerConnectionAttribute => vpc_peer_connections::map_one(v, facts),
    }
}

/// System routes of one table: the local routes of the vSwitch CIDRs and 100.64.0.0/10,
/// which the plan holds implicitly (and would flag as ROUTE001 if written out).
#[derive(Debug, Default)]
pub(crate) struct SystemRoutes(ById<Vec<String>>);

impl SystemRoutes {
    fn add(&mut self, table: &str, destination: String) {
        push_new(self.0.entry(table.to_owned()).or_default(), destination);
    }

    /// One skipped line per table.
    pub(crate) fn report(self, facts: &mut Facts) {
        for (table, dests) in self.0 {
            let n = dests.len();
            facts.skip(
                Kind::Route,
                table,
                Said::new("summary.skip.system_routes")
                    .counted(n)
                    .with("routes", dests.join(", ")),
            );
        }
    }
}

/// What one route entry becomes.
enum Entry {
    Route(Route),
    System,
    Skip(Said),
}

/// One route entry of `DescribeRouteEntryList` or `DescribeRouteTables`: the next hop from
/// `NextHops.NextHop[]` (and, for the older call, the top-level `NextHopType`/`InstanceId`).
fn route_entry(e: &serde_json::Value, destination: &str) -> Entry {
    let hops = list(e, "NextHops", "NextHop");
    if hops.len() > 1 {
        let named: Vec<String> = hops
            .iter()
            .map(|h| {
                let t = text(h, "NextHopType").unwrap_or_else(|| "?".to_owned());
                let id = text(h, "NextHopId").unwrap_or_else(|| "?".to_owned());
                format!("{t} {id}")
            })
            .collect();
        return Entry::Skip(
            Said::new("summary.skip.ecmp")
                .with("n", hops.len())
                .with("hops", named.join(", ")),
        );
    }
    let first = hops.first();
    let hop_type = text(e, "NextHopType").or_else(|| first.and_then(|h| text(h, "NextHopType")));
    let hop_id = text(e, "InstanceId").or_else(|| first.and_then(|h| text(h, "NextHopId")));
    let system_hop = hop_type
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case("local") || t.eq_ignore_ascii_case("service"));
    if system_hop || super::read::is(e, "Type", "System") {
        return Entry::System;
    }
    match hop_type {
        Some(next_hop_type) => Entry::Route(Route {
            destination: destination.to_owned(),
            next_hop_type,
            next_hop_id: hop_id,
        }),
        None => Entry::Skip(Said::new("summary.skip.no_next_hop")),
    }
}

/// Reads one entry into `facts` (or `system` or a skipped line).
fn add_entry(facts: &mut Facts, system: &mut SystemRoutes, table: &str, e: &serde_json::Value) {
    let Some(destination) = text(e, "DestinationCidrBlock") else {
        facts.skip(
            Kind::Route,
            table,
            Said::new("summary.skip.route_no_destination"),
        );
        return;
    };
    match route_entry(e, &destination) {
        Entry::Route(route) => facts.add_route(table, route),
        Entry::System => system.add(table, destination),
        Entry::Skip(why) => facts.skip(Kind::Route, format!("{table} {destination}"), why),
    }
}
