//! The internet path of a flow (rules.md, "Internet path, per flow"): INET001 → INET002 →
//! INET003 → INET004 → INET005, reporting only the first step that fails; INET006 whenever
//! several SNAT entries cover the vSwitch.

use ipnet::IpNet;

use super::commands;
use super::findings::list_at;
use super::flow::{Origin, Trace};
use super::index::{SnatSources, NAMED};
use super::routes::{has_unreadable, lookup, names_nothing, route_label, RouteMatch};
use super::{Code, HopKind};
use crate::args;
use crate::i18n::Catalogue;
use crate::plan::{NatGateway, NatKind, NextHop};
use crate::text::command::Value;
use crate::text::words::and_more;

/// Traces `dest` out through the NAT gateway, one function per step in the order of rules.md;
/// returns the SNAT IPs of the covering entry when the path gets that far.
pub fn trace(t: &mut Trace, dest: &IpNet) -> Vec<String> {
    steps(t, dest).unwrap_or_default()
}

fn steps(t: &mut Trace, dest: &IpNet) -> Option<Vec<String>> {
    let first_nat = internet_nat(t, dest)?;
    let n = route(t, dest, first_nat)?;
    let chosen = snat_entry(t, dest, n)?;
    eip(t, dest, n, chosen)
}

/// INET001: an internet NAT gateway in the VPC (domain-facts §3; EAS-OLD). The first one is
/// what the fixes of later steps point at.
fn internet_nat<'p>(t: &mut Trace<'_, 'p>, dest: &IpNet) -> Option<&'p NatGateway> {
    let (ix, o, subject, cat) = (t.ix, t.o, t.subject, t.out.cat());
    let v = o.v;
    let vpc = &ix.plan.vpcs[v];
    if let Some(n) = ix.in_vpc[v].internet_nat {
        return Some(&vpc.nat_gateways[n]);
    }
    let nats_at = list_at(
        &format!("vpcs[{v}]"),
        "nat_gateways",
        !vpc.nat_gateways.is_empty(),
    );
    let home = (vpc.vswitches.iter().find(|s| s.id != o.vsw.id))
        .map_or(o.vsw.id.as_str(), |s| s.id.as_str());
    let hop = (
        HopKind::NatGateway,
        cat.text("hop.no_internet_nat", &[]),
        Some(nats_at.clone()),
    );
    t.stop(
        Code::Inet001,
        hop,
        cat.text(
            "INET001",
            args![vpc = vpc.id, subject = subject, reach = Reach(cat, dest)],
        ),
    )
    .fix(cat.text("INET001.fix", args![vpc = vpc.id]))
    .command(commands::create_nat(ix.region(), &vpc.id, home))
    .at(nats_at);
    None
}

/// INET002 / INET003: the longest-prefix route must go to an internet NAT gateway of this VPC
/// (domain-facts §3–4: the 0.0.0.0/0 route is not always added for you). Returns the
/// gateway's position in the VPC.
fn route(t: &mut Trace, dest: &IpNet, first_nat: &NatGateway) -> Option<usize> {
    let (ix, o, subject, cat) = (t.ix, t.o, t.subject, t.out.cat());
    let (v, region) = (o.v, ix.region());
    let vpc = &ix.plan.vpcs[v];
    let (ti, table) = t.known_table()?;
    let table_at = format!("vpcs[{v}].route_tables[{ti}]");
    let found = lookup(ix, v, ti, dest);
    // After PLAN002, the first gateway of the VPC with the ID is the one a route names
    // (rules.md).
    let named_nat = |id: &str| ix.in_vpc[v].nat_gateways.get(id).copied();
    let internet_nat = |id: Option<&str>| {
        id.and_then(named_nat)
            .filter(|&n| vpc.nat_gateways[n].kind == NatKind::Internet)
    };
    let passes = matches!(found, Some(RouteMatch::Route(_, r))
        if r.hop() == NextHop::NatGateway && internet_nat(r.next_hop_id.as_deref()).is_some());
    if !passes && has_unreadable(ix, v, ti) {
        // A route that does not parse (CIDR001) may be the one that decides: no INET002 or
        // INET003 on top of it.
        let label = cat.text("hop.route_unreadable", args![table = table.id]);
        t.halt(
            (HopKind::RouteTable, label, Some(table_at)),
            &[Code::Cidr001],
        );
        return None;
    }
    let (r, route) = match found {
        None => {
            let hop = (
                HopKind::RouteTable,
                cat.text("hop.no_route", args![table = table.id, dest = dest]),
                Some(table_at.clone()),
            );
            let message = cat.text(
                "INET002",
                args![
                    table = table.id,
                    vswitch = o.vsw.id,
                    dest = dest,
                    subject = subject,
                    reach = Reach(cat, dest)
                ],
            );
            t.stop(Code::Inet002, hop, message)
                .fix(cat.text(
                    "INET002.fix",
                    args![dest = dest, nat = first_nat.id, table = table.id],
                ))
                .command(commands::create_route(
                    region,
                    &table.id,
                    &dest.to_string(),
                    "NatGateway",
                    Value::data(&first_nat.id),
                ))
                .at(list_at(&table_at, "routes", !table.routes.is_empty()));
            return None;
        }
        Some(RouteMatch::Local(i)) => {
            let local = &vpc.vswitches[i];
            let hop = (
                HopKind::RouteTable,
                cat.text(
                    "hop.local_route",
                    args![table = table.id, cidr = local.cidr],
                ),
                Some(table_at.clone()),
            );
            let message = cat.text(
                "INET003.local",
                args![dest = dest, vswitch = o.vsw.id, local = local.id],
            );
            t.stop(Code::Inet003, hop, message)
                .fix(cat.text("INET003.local.fix", &[]))
                .at(table_at);
            return None;
        }
        Some(RouteMatch::Route(r, route)) => (r, route),
    };
    let route_at = format!("{table_at}.routes[{r}]");
    let label = route_label(cat, table, route);
    if names_nothing(ix, v, route) {
        // PLAN003 already names the dangling or missing next hop (of a type that needs one):
        // the hop fails without an INET003 (rules.md, "How checks combine").
        t.halt(
            (HopKind::RouteTable, label, Some(route_at)),
            &[Code::Plan003],
        );
        return None;
    }
    let Some(hop_id) = route.next_hop_id.as_deref() else {
        // A type that needs no ID (not NatGateway, VpcPeer or Attachment), and none: the hop
        // fails without an INET003 (rules.md, "How checks combine").
        t.halt((HopKind::RouteTable, label, Some(route_at)), &[]);
        return None;
    };
    let is_nat = route.hop() == NextHop::NatGateway;
    let named = named_nat(hop_id).filter(|_| is_nat);
    let instead = match named.map(|n| (n, &vpc.nat_gateways[n])) {
        Some((n, nat)) if nat.kind == NatKind::Internet => {
            t.pass(HopKind::RouteTable, label, Some(route_at));
            return Some(n);
        }
        Some((_, nat)) => cat.text("INET003.vpc_nat", args![nat = nat.id]),
        None => format!("{} {hop_id}", route.next_hop_type),
    };
    let hop = (HopKind::RouteTable, label, Some(route_at.clone()));
    let message = cat.text(
        "INET003",
        args![
            destination = route.destination,
            table = table.id,
            subject = subject,
            reach = Reach(cat, dest),
            instead = instead,
            vpc = vpc.id
        ],
    );
    t.stop(Code::Inet003, hop, message)
        .fix(cat.text(
            "INET003.fix",
            args![
                destination = route.destination,
                table = table.id,
                nat = first_nat.id
            ],
        ))
        .command(commands::modify_route(
            region,
            &table.id,
            &route.destination,
            "NatGateway",
            &first_nat.id,
        ))
        .at(route_at);
    None
}

/// INET004 / INET006: the covering SNAT entry of NAT gateway `n`, longest prefix first; on a
/// tie the vSwitch-ID entry wins (domain-facts §3, NAT FAQ; rules.md). Returns its position.
fn snat_entry(t: &mut Trace, dest: &IpNet, n: usize) -> Option<usize> {
    let (ix, o, subject, cat) = (t.ix, t.o, t.subject, t.out.cat());
    let v = o.v;
    let nat = &ix.plan.vpcs[v].nat_gateways[n];
    let nat_at = format!("vpcs[{v}].nat_gateways[{n}]");
    t.pass(HopKind::NatGateway, nat.id.clone(), Some(nat_at.clone()));
    let (chosen, covering) = covering(&ix.snat_sources[v][n], o);
    let entries_at = || list_at(&nat_at, "snat_entries", !nat.snat_entries.is_empty());
    // A CIDR source that does not parse (CIDR001) may be the entry meant for this vSwitch: no
    // INET004 on top of it (rules.md: one bad input gives one finding).
    if covering == 0 && ix.snat_sources[v][n].unreadable {
        let hop = (
            HopKind::SnatEntry,
            cat.text("hop.snat_source_unreadable", &[]),
            Some(entries_at()),
        );
        t.halt(hop, &[Code::Cidr001]);
        return None;
    }
    let Some(chosen) = chosen else {
        let hop = (
            HopKind::SnatEntry,
            cat.text("hop.no_snat_entry", args![vswitch = o.vsw.id]),
            Some(entries_at()),
        );
        let message = cat.text(
            "INET004",
            args![
                nat = nat.id,
                vswitch = o.vsw.id,
                cidr = o.vsw.cidr,
                subject = subject,
                reach = Reach(cat, dest)
            ],
        );
        t.stop(Code::Inet004, hop, message)
            .fix(cat.text("INET004.fix", args![nat = nat.id, vswitch = o.vsw.id]))
            .command(commands::create_snat(ix.region(), nat, &o.vsw.id))
            .at(entries_at());
        return None;
    };
    let entry = &nat.snat_entries[chosen];
    let entry_at = format!("{nat_at}.snat_entries[{chosen}]");
    if covering > 1 {
        // Information about this step, not a stop.
        let message = cat.text(
            "INET006",
            args![
                n = covering,
                nat = nat.id,
                vswitch = o.vsw.id,
                entry = chosen,
                source = entry.source
            ],
        );
        t.out
            .add(Code::Inet006, &o.vsw.id, message)
            .fix(cat.text("INET006.fix", &[]))
            .at(entry_at.clone());
    }
    t.pass(
        HopKind::SnatEntry,
        cat.text(
            "hop.snat_entry",
            args![entry = chosen, source = entry.source],
        ),
        Some(entry_at),
    );
    Some(chosen)
}

/// INET005: the chosen SNAT entry's IPs must be EIPs bound to the gateway (domain-facts §3).
/// Returns those IPs.
fn eip(t: &mut Trace, dest: &IpNet, n: usize, chosen: usize) -> Option<Vec<String>> {
    let (ix, v, subject, cat) = (t.ix, t.o.v, t.subject, t.out.cat());
    let region = ix.region();
    let nat = &ix.plan.vpcs[v].nat_gateways[n];
    let entry = &nat.snat_entries[chosen];
    let nat_at = format!("vpcs[{v}].nat_gateways[{n}]");
    let entry_at = format!("{nat_at}.snat_entries[{chosen}]");
    let (eips, ips) = (&ix.eips[v][n], &ix.snat_ips[v][n][chosen]);
    // An EIP that does not parse (CIDR001) may be the one a "stray" SNAT IP was meant to
    // match: no INET005 for strays on top of it.
    if eips.unreadable && !entry.snat_ips.is_empty() && ips.stray > 0 {
        t.halt(
            (
                HopKind::Eip,
                cat.text("hop.eip_unreadable", &[]),
                Some(nat_at),
            ),
            &[Code::Cidr001],
        );
        return None;
    }
    // Every flow through the entry says this: a few of a long list, and how many more.
    let named = |list: &[String]| {
        let first: Vec<String> = list.iter().take(NAMED).cloned().collect();
        and_more(cat, &first, list.len().saturating_sub(NAMED))
    };
    let reach = Reach(cat, dest);
    let problem = if nat.eips.is_empty() {
        Some((
            cat.text(
                "INET005.no_eip",
                args![nat = nat.id, subject = subject, reach = reach],
            ),
            cat.text("INET005.no_eip.fix", args![nat = nat.id]),
            commands::associate_eip(region, &nat.id),
            nat_at,
        ))
    } else if entry.snat_ips.is_empty() {
        Some((
            cat.text(
                "INET005.no_snat_ip",
                args![
                    entry = chosen,
                    nat = nat.id,
                    subject = subject,
                    reach = reach
                ],
            ),
            cat.text(
                "INET005.no_snat_ip.fix",
                args![nat = nat.id, eips = named(&nat.eips)],
            ),
            commands::modify_snat(region, nat, entry),
            entry_at.clone(),
        ))
    } else if ips.stray > 0 {
        let stray: Vec<String> = (ips.first_stray.iter())
            .map(|&k| entry.snat_ips[k].clone())
            .collect();
        Some((
            cat.text(
                "INET005.stray",
                args![
                    entry = chosen,
                    nat = nat.id,
                    ips = and_more(cat, &stray, ips.stray - stray.len()),
                    eips = named(&nat.eips),
                    subject = subject,
                    reach = reach
                ],
            ),
            cat.text("INET005.stray.fix", args![nat = nat.id]),
            commands::modify_snat(region, nat, entry),
            format!("{entry_at}.snat_ips"),
        ))
    } else {
        None
    };
    if let Some((message, fix, command, at)) = problem {
        let hop = (HopKind::Eip, cat.text("hop.eip", &[]), Some(at.clone()));
        t.stop(Code::Inet005, hop, message)
            .fix(fix)
            .command(command)
            .at(at);
        return None;
    }
    let leaving: Vec<String> = (ips.distinct.iter())
        .map(|&k| entry.snat_ips[k].clone())
        .collect();
    t.pass(
        HopKind::Eip,
        named(&leaving),
        Some(format!("{entry_at}.snat_ips")),
    );
    Some(leaving)
}

/// Where a flow goes, for messages: "the internet" for 0.0.0.0/0, else the address, in the
/// catalogue's words. Written out only when a message needs it.
#[derive(Clone, Copy)]
struct Reach<'a>(&'a Catalogue, &'a IpNet);

impl std::fmt::Display for Reach<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Reach(cat, dest) = *self;
        if dest.prefix_len() == 0 {
            f.write_str(&cat.text("words.the_internet", &[]))
        } else {
            f.write_str(&cat.text("words.reach_address", args![address = dest]))
        }
    }
}

/// The SNAT entry that serves the service's vSwitch, and how many entries cover it: the
/// longest prefix wins, a vSwitch-ID entry on a tie, then the first listed (domain-facts §3;
/// rules.md). A vSwitch-ID entry covers exactly its vSwitch; with an unreadable CIDR it still
/// covers it, at the most specific length.
fn covering(sources: &SnatSources, o: &Origin) -> (Option<usize>, usize) {
    // (prefix length, by vSwitch ID, the entry listed first wins), the best one found.
    let mut best: Option<(u8, bool, std::cmp::Reverse<usize>)> = None;
    let mut count = 0;
    if let Some(entries) = sources.by_vswitch.get(o.vsw.id.as_str()) {
        let len = o.vsw_net.map_or(128, |n| n.prefix_len());
        count += entries.len();
        best = entries.first().map(|&e| (len, true, std::cmp::Reverse(e)));
    }
    if let Some(net) = o.vsw_net {
        // Under each key the first entry listed is the best of that length.
        for (key, entries) in sources.cidrs.containing(&net) {
            count += entries.len();
            if let Some(&e) = entries.first() {
                best = best.max(Some((key.prefix_len(), false, std::cmp::Reverse(e))));
            }
        }
    }
    (best.map(|(_, _, e)| e.0), count)
}
