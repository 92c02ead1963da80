//! Route tables: ROUTE001, and longest-prefix lookup over a table plus the VPC's local routes.

use ipnet::IpNet;
use rustc_hash::FxHashMap as HashMap;

use super::findings::Findings;
use super::index::Index;
use super::Code;
use crate::addr::contains_net;
use crate::args;
use crate::i18n::Catalogue;
use crate::plan::{NextHop, Route, RouteTable};

/// What a lookup found.
#[derive(Debug, Clone, Copy)]
pub enum RouteMatch<'p> {
    /// The implicit local route of a vSwitch CIDR of the VPC (index of the vSwitch).
    Local(usize),
    /// A route of the table (its index in `routes`).
    Route(usize, &'p Route),
}

/// Longest-prefix match for `dest` over route table `t` of VPC `v` and the VPC's local routes
/// (plan-format.md, "Route lookup"). A route matches when its destination contains all of
/// `dest`. On equal prefixes the local route wins (a custom route may not equal a vSwitch
/// CIDR: ROUTE001), then the first route listed.
pub fn lookup<'p>(ix: &Index<'p>, v: usize, t: usize, dest: &IpNet) -> Option<RouteMatch<'p>> {
    // Walk the supernets of `dest`, most specific first: the first level with a local route or
    // a table route decides (O(prefix length) hash lookups, whatever the table's size).
    let (map, table) = (&ix.route_maps[v][t], &ix.plan.vpcs[v].route_tables[t]);
    let dest = dest.trunc();
    let locals = &ix.vsw_maps[v];
    for len in (0..=dest.prefix_len()).rev() {
        if !locals.has_len(&dest, len) && !map.has_len(&dest, len) {
            continue;
        }
        let Ok(key) = IpNet::new(dest.addr(), len) else {
            continue;
        };
        if let Some(&i) = locals.get(&key).first() {
            return Some(RouteMatch::Local(i));
        }
        if let Some(&r) = map.get(&key).first() {
            return Some(RouteMatch::Route(r, &table.routes[r]));
        }
    }
    None
}

/// Whether some route of table `t` of VPC `v` has a destination that does not parse
/// (CIDR001). A lookup skips such a route, so when it fails the unreadable route may be the
/// one that would have decided: the failure is not reported on top of the CIDR001 (rules.md,
/// "How checks combine": one bad input gives one finding).
pub fn has_unreadable(ix: &Index, v: usize, t: usize) -> bool {
    ix.unreadable_routes[v][t]
}

/// A route table hop's label: `vtb-1: 0.0.0.0/0 → ngw-1` (`?` for a missing next hop).
pub fn route_label(cat: &Catalogue, table: &RouteTable, route: &Route) -> String {
    let hop = route.next_hop_id.as_deref().unwrap_or("?");
    cat.text(
        "hop.route",
        args![
            table = table.id,
            destination = route.destination,
            next_hop = hop
        ],
    )
}

/// Whether a route's next hop names nothing where it must point (PLAN003): type NatGateway
/// naming no NAT gateway of VPC `v`, type VpcPeer naming no peering, or either of them or
/// Attachment naming none at all (`next_hop_id` missing: rules.md, "How checks combine": "a
/// missing ID names nothing too"). Such a route "makes its hop fail without a further
/// INET003/PRIV002 finding for it".
pub fn names_nothing(ix: &Index, v: usize, route: &Route) -> bool {
    let id = route.next_hop_id.as_deref();
    match route.hop() {
        NextHop::NatGateway => id.is_none_or(|id| !ix.in_vpc[v].nat_gateways.contains_key(id)),
        NextHop::VpcPeer => id.is_none_or(|id| !ix.peerings.contains_key(id)),
        NextHop::Attachment => id.is_none(),
        NextHop::Other => false,
    }
}

/// ROUTE001: a destination equal to or inside a vSwitch CIDR of the VPC, inside
/// 100.64.0.0/10 (the block itself included), or repeated in one table (domain-facts §4,
/// CreateRouteEntry).
pub fn check_routes(ix: &Index, out: &mut Findings) {
    let cat = out.cat();
    let shared: IpNet = "100.64.0.0/10".parse().expect("valid CIDR");
    for (v, vpc) in ix.plan.vpcs.iter().enumerate() {
        for (t, table) in vpc.route_tables.iter().enumerate() {
            let mut seen: HashMap<IpNet, usize> =
                HashMap::with_capacity_and_hasher(table.routes.len(), Default::default());
            for (r, dest) in ix.route_dests[v][t].iter().enumerate() {
                let Some(dest) = *dest else {
                    continue;
                };
                let mut problem = None;
                if let Some(first) = seen.get(&dest) {
                    problem = Some(cat.text(
                        "ROUTE001.repeat",
                        args![route = r, table = table.id, dest = dest, first = first],
                    ));
                } else if contains_net(&shared, &dest) {
                    problem = Some(cat.text(
                        "ROUTE001.shared",
                        args![route = r, table = table.id, dest = dest, shared = shared],
                    ));
                } else if let Some(i) = ix.vswitch_containing(v, &dest) {
                    let vsw = &vpc.vswitches[i];
                    problem = Some(cat.text(
                        "ROUTE001.vswitch",
                        args![
                            route = r,
                            table = table.id,
                            dest = dest,
                            vswitch = vsw.id,
                            cidr = vsw.cidr
                        ],
                    ));
                }
                seen.entry(dest).or_insert(r);
                if let Some(message) = problem {
                    out.add(Code::Route001, &table.id, message)
                        .fix(cat.text("ROUTE001.fix", args![route = r, table = table.id]))
                        .at(format!(
                            "vpcs[{v}].route_tables[{t}].routes[{r}].destination"
                        ));
                }
            }
        }
    }
}
