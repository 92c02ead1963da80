//! The internet path of a flow (rules.md, "Internet path, per flow"): INET001 → INET002 →
//! INET003 → INET004 → INET005, reporting only the first step that fails; INET006 whenever
//! several SNAT entries cover the vSwitch.

use std::net::IpAddr;

use super::commands;
use super::findings::{list_at, Findings};
use super::hops::Hops;
use super::index::{Index, SnatSources};
use super::paths::{Origin, TableState};
use super::routes::{has_unreadable, lookup, names_nothing, RouteMatch};
use super::Code;
use super::HopKind;
use crate::addr::{contains_net, parse_addr};
use crate::plan::{NatGateway, NatKind, NextHop};
use ipnet::IpNet;

/// Traces `dest` out through the NAT gateway; returns the SNAT IPs of the covering entry when
/// the path gets that far.
pub fn trace(
    ix: &Index,
    o: &Origin,
    dest: &IpNet,
    subject: &str,
    hops: &mut Hops,
    out: &mut Findings,
) -> Vec<String> {
    let v = o.v;
    let vpc = &ix.plan.vpcs[v];
    let region = ix.region();
    let label = Reach(dest);

    // INET001: an internet NAT gateway in the VPC (domain-facts §3; EAS-OLD).
    let Some(first_nat) = vpc
        .nat_gateways
        .iter()
        .position(|n| n.kind == NatKind::Internet)
    else {
        let nats_at = list_at(
            &format!("vpcs[{v}]"),
            "nat_gateways",
            !vpc.nat_gateways.is_empty(),
        );
        hops.fail(
            HopKind::NatGateway,
            "no internet NAT gateway",
            &[Code::Inet001],
            Some(nats_at.clone()),
        );
        let home = (vpc.vswitches.iter().find(|s| s.id != o.vsw.id))
            .map_or(o.vsw.id.as_str(), |s| s.id.as_str());
        out.add(
            Code::Inet001,
            subject,
            format!(
                "{} has no internet NAT gateway, so {subject} cannot reach {label}",
                vpc.id
            ),
        )
        .fix(format!(
            "Create an Internet NAT gateway in {} and bind an EIP to it.",
            vpc.id
        ))
        .command(commands::create_nat(region, &vpc.id, home))
        .at(nats_at);
        return Vec::new();
    };
    let first_nat = &vpc.nat_gateways[first_nat];

    let table = match &o.table {
        TableState::Known(t, table) => (*t, *table),
        TableState::Missing => {
            hops.fail(
                HopKind::RouteTable,
                o.vsw.route_table.clone().unwrap_or_default(),
                &[Code::Plan003],
                None,
            );
            return Vec::new();
        }
        TableState::Unknown => {
            hops.unknown(
                HopKind::RouteTable,
                "system route table (not described)",
                &[Code::Net006],
                None,
            );
            return Vec::new();
        }
    };
    let (t, table) = table;
    let table_at = format!("vpcs[{v}].route_tables[{t}]");

    // INET002 / INET003: the longest-prefix route must go to an internet NAT gateway of this
    // VPC (domain-facts §3–4: the 0.0.0.0/0 route is not always added for you).
    let found = lookup(ix, v, Some(table), dest);
    let to_internet_nat = |id: Option<&str>| {
        (vpc.nat_gateways.iter()).any(|n| Some(n.id.as_str()) == id && n.kind == NatKind::Internet)
    };
    let passes = matches!(found, Some(RouteMatch::Route(_, r))
        if r.hop() == NextHop::NatGateway && to_internet_nat(r.next_hop_id.as_deref()));
    if !passes && has_unreadable(table) {
        // A route that does not parse (CIDR001) may be the one that decides: no INET002 or
        // INET003 on top of it.
        hops.fail(
            HopKind::RouteTable,
            format!("{}: a route does not parse", table.id),
            &[Code::Cidr001],
            Some(table_at),
        );
        return Vec::new();
    }
    let nat: &NatGateway = match found {
        None => {
            hops.fail(
                HopKind::RouteTable,
                format!("{}: no route to {dest}", table.id),
                &[Code::Inet002],
                Some(table_at.clone()),
            );
            out.add(Code::Inet002, subject, format!("route table {} of {} has no route matching {dest}, so {subject} cannot reach {label}", table.id, o.vsw.id))
                .fix(format!("Add a route {dest} → NAT gateway {} to route table {}.", first_nat.id, table.id))
                .command(commands::create_route(region, &table.id, &dest.to_string(), "NatGateway", &first_nat.id))
                .at(list_at(&table_at, "routes", !table.routes.is_empty()));
            return Vec::new();
        }
        Some(RouteMatch::Local(i)) => {
            let local = &vpc.vswitches[i];
            hops.fail(
                HopKind::RouteTable,
                format!("{}: local {}", table.id, local.cidr),
                &[Code::Inet003],
                Some(table_at.clone()),
            );
            out.add(Code::Inet003, subject, format!("{dest} from {} matches the local route of vSwitch {}, not an internet NAT gateway", o.vsw.id, local.id))
                .fix("Public destinations must leave through an internet NAT gateway; check the target's address.")
                .at(table_at);
            return Vec::new();
        }
        Some(RouteMatch::Route(r, route)) => {
            let route_at = format!("{table_at}.routes[{r}]");
            let label = format!(
                "{}: {} → {}",
                table.id,
                route.destination,
                route.next_hop_id.as_deref().unwrap_or("?")
            );
            let Some(hop_id) = route.next_hop_id.as_deref() else {
                hops.fail(HopKind::RouteTable, label, &[], Some(route_at));
                return Vec::new();
            };
            if names_nothing(ix, v, route) {
                // PLAN003 already names the dangling next hop (NatGateway or VpcPeer): the hop
                // fails without an INET003 (rules.md, "How checks combine").
                hops.fail(HopKind::RouteTable, label, &[Code::Plan003], Some(route_at));
                return Vec::new();
            }
            let is_nat = route.hop() == NextHop::NatGateway;
            let target = vpc.nat_gateways.iter().find(|n| n.id == hop_id);
            match (is_nat, target) {
                (true, Some(nat)) if nat.kind == NatKind::Internet => {
                    hops.pass(HopKind::RouteTable, label, Some(route_at));
                    nat
                }
                _ => {
                    let instead = match (is_nat, target) {
                        (true, Some(nat)) => {
                            format!("VPC NAT gateway {} (not an internet one)", nat.id)
                        }
                        _ => format!("{} {hop_id}", route.next_hop_type),
                    };
                    hops.fail(
                        HopKind::RouteTable,
                        label,
                        &[Code::Inet003],
                        Some(route_at.clone()),
                    );
                    out.add(Code::Inet003, subject, format!("route {} in {} sends {subject}'s traffic to {label_dest} to {instead}, not to an internet NAT gateway of {}", route.destination, table.id, vpc.id, label_dest = Reach(dest)))
                        .fix(format!("Point route {} of {} at internet NAT gateway {}.", route.destination, table.id, first_nat.id))
                        .command(format!(
                            "{} && {}",
                            commands::delete_route(region, &table.id, &route.destination, hop_id),
                            commands::create_route(region, &table.id, &route.destination, "NatGateway", &first_nat.id)
                        ))
                        .at(route_at);
                    return Vec::new();
                }
            }
        }
    };
    let n = vpc
        .nat_gateways
        .iter()
        .position(|x| std::ptr::eq(x, nat))
        .unwrap_or(0);
    let nat_at = format!("vpcs[{v}].nat_gateways[{n}]");
    hops.pass(HopKind::NatGateway, nat.id.clone(), Some(nat_at.clone()));

    // INET004 / INET006: the covering SNAT entry, longest prefix first; on a tie the vSwitch-ID
    // entry wins (domain-facts §3, NAT FAQ; rules.md).
    let covering = covering(&ix.snat_sources[v][n], o);
    let entries_at = || list_at(&nat_at, "snat_entries", !nat.snat_entries.is_empty());
    // A CIDR source that does not parse (CIDR001) may be the entry meant for this vSwitch: no
    // INET004 on top of it (rules.md: one bad input gives one finding).
    let unreadable_source = ix.snat_sources[v][n].unreadable;
    if covering.is_empty() && unreadable_source {
        hops.fail(
            HopKind::SnatEntry,
            "an SNAT source does not parse",
            &[Code::Cidr001],
            Some(entries_at()),
        );
        return Vec::new();
    }
    let Some(&(chosen, _, _)) = covering
        .iter()
        .max_by_key(|(e, len, by_id)| (*len, *by_id, std::cmp::Reverse(*e)))
    else {
        hops.fail(
            HopKind::SnatEntry,
            format!("no SNAT entry for {}", o.vsw.id),
            &[Code::Inet004],
            Some(entries_at()),
        );
        out.add(Code::Inet004, subject, format!("NAT gateway {} has no SNAT entry covering vSwitch {} ({}), so {subject} cannot reach {label}", nat.id, o.vsw.id, o.vsw.cidr))
            .fix(format!("In the NAT Gateway console, create an SNAT entry on {} for vSwitch {} with its EIP.", nat.id, o.vsw.id))
            .command(commands::create_snat(region, &o.vsw.id, &nat.eips))
            .at(entries_at());
        return Vec::new();
    };
    let entry = &nat.snat_entries[chosen];
    let entry_at = format!("{nat_at}.snat_entries[{chosen}]");
    if covering.len() > 1 {
        out.add(
            Code::Inet006,
            &o.vsw.id,
            format!(
                "{} SNAT entries of {} cover {}; the longest prefix is used: entry {chosen} ({})",
                covering.len(),
                nat.id,
                o.vsw.id,
                entry.source
            ),
        )
        .fix("Nothing to do if intended; remove the broader entries to make it plain.")
        .at(entry_at.clone());
    }
    hops.pass(
        HopKind::SnatEntry,
        format!("SNAT {} ({})", chosen, entry.source),
        Some(entry_at.clone()),
    );

    // INET005: the entry's SNAT IPs must be EIPs bound to this gateway (domain-facts §3).
    let eips: Vec<IpAddr> = nat.eips.iter().filter_map(|e| parse_addr(e).ok()).collect();
    let stray: Vec<&String> = (entry.snat_ips.iter())
        .filter(|ip| parse_addr(ip).is_ok_and(|a| !eips.contains(&a)))
        .collect();
    // An EIP that does not parse (CIDR001) may be the one a "stray" SNAT IP was meant to
    // match: no INET005 for strays on top of it.
    if eips.len() < nat.eips.len() && !entry.snat_ips.is_empty() && !stray.is_empty() {
        hops.fail(
            HopKind::Eip,
            "an EIP does not parse",
            &[Code::Cidr001],
            Some(nat_at.clone()),
        );
        return Vec::new();
    }
    let problem = if nat.eips.is_empty() {
        Some((
            format!("NAT gateway {} has no EIP", nat.id),
            format!("Bind an EIP to {} and use it in the SNAT entry.", nat.id),
            commands::associate_eip(region, &nat.id),
            nat_at.clone(),
        ))
    } else if entry.snat_ips.is_empty() {
        Some((
            format!("SNAT entry {chosen} of {} has no SNAT IP", nat.id),
            format!(
                "Set the SNAT entry's IP to an EIP of {} ({}).",
                nat.id,
                nat.eips.join(", ")
            ),
            commands::modify_snat(region, &nat.eips),
            entry_at.clone(),
        ))
    } else if !stray.is_empty() {
        let list: Vec<&str> = stray.iter().map(|s| s.as_str()).collect();
        Some((
            format!(
                "SNAT entry {chosen} of {} uses {}, not an EIP of the gateway ({})",
                nat.id,
                list.join(", "),
                nat.eips.join(", ")
            ),
            format!(
                "Use EIPs bound to {} in the SNAT entry, or bind those addresses to it.",
                nat.id
            ),
            commands::modify_snat(region, &nat.eips),
            format!("{entry_at}.snat_ips"),
        ))
    } else {
        None
    };
    if let Some((what, fix, command, at)) = problem {
        hops.fail(HopKind::Eip, "EIP", &[Code::Inet005], Some(at.clone()));
        out.add(
            Code::Inet005,
            subject,
            format!("{what}, so {subject} cannot reach {label}"),
        )
        .fix(fix)
        .command(command)
        .at(at);
        return Vec::new();
    }
    hops.pass(
        HopKind::Eip,
        entry.snat_ips.join(", "),
        Some(format!("{entry_at}.snat_ips")),
    );
    entry.snat_ips.clone()
}

/// Where a flow goes, for messages: "the internet" for 0.0.0.0/0, else the address. Written
/// out only when a message needs it.
struct Reach<'a>(&'a IpNet);

impl std::fmt::Display for Reach<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.prefix_len() == 0 {
            f.write_str("the internet")
        } else {
            self.0.fmt(f)
        }
    }
}

/// The SNAT entries covering the service's vSwitch, in plan order: (entry, prefix length,
/// by vSwitch ID). A vSwitch-ID entry covers exactly its vSwitch; with an unreadable CIDR it
/// still covers it, at the most specific length.
fn covering(sources: &SnatSources, o: &Origin) -> Vec<(usize, u8, bool)> {
    let mut found: Vec<(usize, u8, bool)> = Vec::new();
    if let Some(entries) = sources.by_vswitch.get(o.vsw.id.as_str()) {
        let len = o.vsw_net.map_or(128, |n| n.prefix_len());
        found.extend(entries.iter().map(|&e| (e, len, true)));
    }
    if let Some(net) = o.vsw_net {
        found.extend(
            (sources.cidrs.iter())
                .filter(|(_, src)| contains_net(src, &net))
                .map(|&(e, src)| (e, src.prefix_len(), false)),
        );
    }
    found.sort_unstable();
    found
}
