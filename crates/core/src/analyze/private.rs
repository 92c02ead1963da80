//! The private path of a target (rules.md, "Private path, per target"): the same VPC (local
//! route), or another VPC of the plan through a peering or CEN with routes both ways.

use ipnet::IpNet;

use super::commands;
use super::findings::list_at;
use super::flow::Trace;
use super::index::Index;
use super::routes::{has_unreadable, lookup, names_nothing, route_label, RouteMatch};
use super::{Code, HopKind};
use crate::args;
use crate::i18n::Catalogue;
use crate::plan::{NextHop, PeeringKind};
use crate::text::command::Value;

/// Traces a private target at `dest`, already known to be private; `target_at` is the
/// target's path in the plan.
pub fn trace(t: &mut Trace, dest: &IpNet, target_at: &str) {
    let (ix, o, subject, cat) = (t.ix, t.o, t.subject, t.out.cat());
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
        let message = cat.text("PRIV004", args![subject = subject, dest = dest]);
        t.out
            .add(Code::Priv004, subject, message)
            .fix(cat.text("PRIV004.fix", &[]))
            .at(target_at);
        return;
    };
    if tv == o.v {
        t.pass(
            HopKind::RouteTable,
            cat.text("hop.local_route_in", args![vpc = vpc.id]),
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
            cat.text(
                "hop.no_peering",
                args![vpc = vpc.id, target_vpc = target_vpc.id],
            ),
            Some(at.clone()),
        );
        let message = cat.text(
            "PRIV001",
            args![
                subject = subject,
                dest = dest,
                target_vpc = target_vpc.id,
                vpc = vpc.id
            ],
        );
        t.stop(Code::Priv001, hop, message)
            .fix(cat.text(
                "PRIV001.fix",
                args![vpc = vpc.id, target_vpc = target_vpc.id],
            ))
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
        match judge(ix, cat, o.v, ti, dest, (&vpc.id, &target_vpc.id)) {
            Verdict::Ok(label) => t.pass(HopKind::RouteTable, label, Some(at)),
            Verdict::Silent(label, codes) => t.halt((HopKind::RouteTable, label, Some(at)), codes),
            Verdict::Wrong(label, why) => {
                let (hop_type, hop) = hop_for(peering.kind, &peering.id);
                let routes_at = list_at(&at, "routes", !table.routes.is_empty());
                t.stop(
                    Code::Priv002,
                    (HopKind::RouteTable, label, Some(at)),
                    cat.text(
                        "PRIV002",
                        args![
                            table = table.id,
                            vswitch = o.vsw.id,
                            dest = dest,
                            peering = peering.id,
                            why = why
                        ],
                    ),
                )
                .fix(cat.text(
                    "PRIV002.fix",
                    args![cidr = target_cidr, peering = peering.id, table = table.id],
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
                cat.text("hop.return_route_unknown", &[]),
                None,
            ),
            &[],
        );
        return;
    };
    let target_vsw = &target_vpc.vswitches[i];
    let at = format!("vpcs[{tv}].route_tables[{bt}]");
    match judge(ix, cat, tv, bt, &src, (&target_vpc.id, &vpc.id)) {
        Verdict::Ok(label) => t.pass(HopKind::ReturnRoute, label, Some(at)),
        Verdict::Silent(label, codes) => t.halt((HopKind::ReturnRoute, label, Some(at)), codes),
        Verdict::Wrong(label, why) => {
            let (hop_type, hop) = hop_for(peering.kind, &peering.id);
            let routes_at = list_at(&at, "routes", !table.routes.is_empty());
            let message = cat.text(
                "PRIV003",
                args![
                    table = table.id,
                    target_vswitch = target_vsw.id,
                    vswitch = o.vsw.id,
                    cidr = src,
                    peering = peering.id,
                    why = why
                ],
            );
            t.stop(
                Code::Priv003,
                (HopKind::ReturnRoute, label, Some(at)),
                message,
            )
            .fix(cat.text(
                "PRIV003.fix",
                args![
                    cidr = src,
                    peering = peering.id,
                    table = table.id,
                    vpc = target_vpc.id
                ],
            ))
            .command(commands::create_route(
                region,
                &table.id,
                &src.to_string(),
                hop_type,
                hop,
            ))
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
/// `cen` peering joins them (rules.md, "Routes both ways use the same rule"). The labels and
/// the reason are in the words of `cat` (the `PRIV002.why.*` reasons serve PRIV003 too).
fn judge(
    ix: &Index,
    cat: &Catalogue,
    v: usize,
    t: usize,
    dest: &IpNet,
    (from, to): (&str, &str),
) -> Verdict {
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
            cat.text("hop.no_route", args![table = table.id, dest = dest]),
            cat.text("PRIV002.why.no_route", &[]),
        ),
        Some(RouteMatch::Local(i)) => {
            let vsw = &ix.plan.vpcs[v].vswitches[i];
            Verdict::Wrong(
                cat.text("hop.local_route", args![table = table.id, cidr = vsw.cidr]),
                cat.text("PRIV002.why.local", args![vswitch = vsw.id]),
            )
        }
        Some(RouteMatch::Route(_, route)) => {
            let label = route_label(cat, table, route);
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
                let why = cat.text(
                    "PRIV002.why.other_hop",
                    args![
                        destination = route.destination,
                        next_hop_type = route.next_hop_type,
                        next_hop = hop
                    ],
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
