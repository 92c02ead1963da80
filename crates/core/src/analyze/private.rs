//! The private path of a target (rules.md, "Private path, per target"): the same VPC (local
//! route), or another VPC of the plan through a peering or CEN with routes both ways.

use ipnet::IpNet;

use super::commands;
use super::findings::list_at;
use super::flow::Trace;
use super::index::Index;
use super::routes::{has_unreadable, lookup, names_nothing, route_label, RouteMatch};
use super::{Code, HopKind};
use crate::plan::{NextHop, PeeringKind};
use crate::text::command::Value;

/// Traces a private target at `dest`, already known to be private; `target_at` is the
/// target's path in the plan.
pub fn trace(t: &mut Trace, dest: &IpNet, target_at: &str) {
    let (ix, o, subject) = (t.ix, t.o, t.subject);
    let region = ix.region();
    let vpc = &ix.plan.vpcs[o.v];
    // A target inside several VPCs belongs to the service's own VPC if it is one of them,
    // else to the first listed (plan-format.md).
    let Some(tv) = ix.home_vpc(dest, o.v) else {
        let hop = (
            HopKind::Target,
            dest.to_string(),
            Some(target_at.to_owned()),
        );
        // A VPC CIDR that does not parse may be the target's: its CIDR001 is the one finding
        // (rules.md, no cascade), no PRIV004 on top of it.
        if ix.some_vpc_cidr_unread {
            t.unknown(hop, &[Code::Cidr001]);
            return;
        }
        // Not a stop: the hop cannot be judged, and the finding says so.
        t.unknown(hop, &[Code::Priv004]);
        t.out.add(Code::Priv004, subject, format!("{subject} at {dest} is in no VPC of the plan: its reachability cannot be checked (on-premises, or a VPC not described)"))
            .fix("Describe the target's VPC in the plan (with its peering), or check the path by hand.")
            .at(target_at);
        return;
    };
    if tv == o.v {
        t.pass(
            HopKind::RouteTable,
            format!("local route in {}", vpc.id),
            None,
        );
        return;
    }
    let target_vpc = &ix.plan.vpcs[tv];
    // PRIV001: another VPC needs a peering or CEN (EAS-NET; domain-facts §6).
    let Some(p) = ix.peering_joining(&vpc.id, &target_vpc.id) else {
        // The peerings list when the plan has one, else the target (the root is no help).
        let at = if ix.plan.peerings.is_empty() {
            target_at.to_owned()
        } else {
            "peerings".to_owned()
        };
        let hop = (
            HopKind::Peering,
            format!("no peering {} ↔ {}", vpc.id, target_vpc.id),
            Some(at.clone()),
        );
        t.stop(Code::Priv001, hop, format!("{subject} at {dest} is in {}, and no peering or CEN joins it to {}", target_vpc.id, vpc.id))
            .fix(format!("Create a VPC peering connection between {} and {} (or attach both to a CEN), then add routes both ways.", vpc.id, target_vpc.id))
            .command(commands::create_peering(region, &vpc.id, &target_vpc.id))
            .at(at);
        return;
    };
    let peering = &ix.plan.peerings[p];
    t.pass(
        HopKind::Peering,
        peering.id.clone(),
        Some(format!("peerings[{p}]")),
    );
    let target_cidr = ix.vpc_cidr_holding(tv, dest).unwrap_or(*dest);

    // PRIV002: the route there (routes are not added for you: domain-facts §6).
    if let Some((ti, table)) = t.known_table() {
        let at = format!("vpcs[{}].route_tables[{ti}]", o.v);
        match judge(ix, o.v, ti, dest, (&vpc.id, &target_vpc.id)) {
            Verdict::Ok(label) => t.pass(HopKind::RouteTable, label, Some(at)),
            Verdict::Silent(label, codes) => t.halt((HopKind::RouteTable, label, Some(at)), codes),
            Verdict::Wrong(label, why) => {
                let (hop_type, hop) = hop_for(peering.kind, &peering.id);
                let routes_at = list_at(&at, "routes", !table.routes.is_empty());
                t.stop(
                    Code::Priv002,
                    (HopKind::RouteTable, label, Some(at)),
                    format!(
                        "route table {} of {} has no route to {dest} through {}: {why}",
                        table.id, o.vsw.id, peering.id
                    ),
                )
                .fix(format!(
                    "Add a route {target_cidr} → {} to route table {}.",
                    peering.id, table.id
                ))
                .command(commands::create_route(
                    region,
                    &table.id,
                    &target_cidr.to_string(),
                    hop_type,
                    hop,
                ))
                .at(routes_at);
            }
        }
    }

    // PRIV003: the route back, from the target vSwitch's route table to the service's vSwitch,
    // reported whether or not the way there passes (rules.md). Skipped when the target
    // vSwitch, its route table or the service's CIDR is unknown.
    let back = (ix.vswitch_containing(tv, dest))
        .and_then(|i| ix.route_table_of((tv, i)).map(|pos| (i, pos)));
    let (Some((i, ((_, bt), table))), Some(src)) = (back, o.vsw_net) else {
        // Not described, so not checked: unknown, not a pass.
        t.unknown(
            (
                HopKind::ReturnRoute,
                "return route (not described)".to_owned(),
                None,
            ),
            &[],
        );
        return;
    };
    let target_vsw = &target_vpc.vswitches[i];
    let at = format!("vpcs[{tv}].route_tables[{bt}]");
    match judge(ix, tv, bt, &src, (&target_vpc.id, &vpc.id)) {
        Verdict::Ok(label) => t.pass(HopKind::ReturnRoute, label, Some(at)),
        Verdict::Silent(label, codes) => t.halt((HopKind::ReturnRoute, label, Some(at)), codes),
        Verdict::Wrong(label, why) => {
            let (hop_type, hop) = hop_for(peering.kind, &peering.id);
            let routes_at = list_at(&at, "routes", !table.routes.is_empty());
            t.stop(Code::Priv003, (HopKind::ReturnRoute, label, Some(at)), format!("the return route is missing: route table {} of target vSwitch {} has no route to {} ({src}) through {}: {why}", table.id, target_vsw.id, o.vsw.id, peering.id))
                .fix(format!("Add a route {src} → {} to route table {} in {}.", peering.id, table.id, target_vpc.id))
                .command(commands::create_route(region, &table.id, &src.to_string(), hop_type, hop))
                .at(routes_at);
        }
    }
}

/// The next hop of a route through a peering: the peering itself, or for a CEN the transit
/// router's VPC attachment, which the plan does not know: a bare placeholder, so that the
/// command cannot run until it is filled in (a quoted one would send its literal text).
fn hop_for(kind: PeeringKind, id: &str) -> (&'static str, Value) {
    match kind {
        PeeringKind::VpcPeer => ("VpcPeer", Value::data(id)),
        PeeringKind::Cen => (
            "Attachment",
            Value::placeholder("TransitRouterVpcAttachmentId"),
        ),
    }
}

enum Verdict {
    Ok(String),
    /// Fails for a reason another finding already gives (a next hop that names nothing, or
    /// is missing where its type needs one: PLAN003; a route that does not parse: CIDR001),
    /// or a route without a next hop of a type that needs none: the hop fails, no finding.
    Silent(String, &'static [Code]),
    Wrong(String, String),
}

/// Whether the longest-prefix route for `dest` in `table` (VPC `v`) crosses to the other VPC:
/// type VpcPeer naming a `vpc_peer` peering that joins `(from, to)`, or type Attachment when a
/// `cen` peering joins them (rules.md, "Routes both ways use the same rule").
fn judge(ix: &Index, v: usize, t: usize, dest: &IpNet, (from, to): (&str, &str)) -> Verdict {
    let table = &ix.plan.vpcs[v].route_tables[t];
    let joined = |p: &crate::plan::Peering| {
        p.vpcs.iter().any(|x| x == from) && p.vpcs.iter().any(|x| x == to)
    };
    // A VpcPeer route names one peering: after PLAN002 the first with that ID (rules.md).
    let named_peering_joins = |id: &str| {
        (ix.peerings.get(id).map(|&p| &ix.plan.peerings[p]))
            .is_some_and(|p| p.kind == PeeringKind::VpcPeer && joined(p))
    };
    let cen_joins = || ix.cen_joins(from, to);
    let verdict = match lookup(ix, v, t, dest) {
        None => Verdict::Wrong(
            format!("{}: no route to {dest}", table.id),
            "no route matches".to_owned(),
        ),
        Some(RouteMatch::Local(i)) => {
            let vsw = &ix.plan.vpcs[v].vswitches[i];
            Verdict::Wrong(
                format!("{}: local {}", table.id, vsw.cidr),
                format!("the local route of {} matches instead", vsw.id),
            )
        }
        Some(RouteMatch::Route(_, route)) => {
            let label = route_label(table, route);
            // A next hop that names nothing, or is missing where the type needs one, is PLAN003
            // only, no PRIV002/PRIV003 (rules.md, "How checks combine").
            if names_nothing(ix, v, route) {
                return Verdict::Silent(label, &[Code::Plan003]);
            }
            let Some(hop) = route.next_hop_id.as_deref() else {
                return Verdict::Silent(label, &[]);
            };
            let ok = match route.hop() {
                NextHop::VpcPeer => named_peering_joins(hop),
                NextHop::Attachment => cen_joins(),
                NextHop::NatGateway | NextHop::Other => false,
            };
            if ok {
                Verdict::Ok(label)
            } else {
                let why = format!(
                    "the matching route {} goes to {} {hop}",
                    route.destination, route.next_hop_type
                );
                Verdict::Wrong(label, why)
            }
        }
    };
    // A route that does not parse (CIDR001) may be the one that decides: no PRIV002 or
    // PRIV003 on top of it.
    match verdict {
        Verdict::Wrong(label, _) if has_unreadable(ix, v, t) => {
            Verdict::Silent(label, &[Code::Cidr001])
        }
        other => other,
    }
}
