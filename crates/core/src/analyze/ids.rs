//! IDs and references: PLAN002 (duplicates), PLAN003 (dangling references), NET002 (an ID
//! that does not look like its kind).

use rustc_hash::FxHashMap as HashMap;

use super::findings::Findings;
use super::index::Index;
use super::routes::names_nothing;
use super::Code;
use crate::plan::ids::IdKind;
use crate::plan::NextHop;
use crate::plan::SnatSourceKind;

/// PLAN002: two objects of one kind share an ID, or two services share a name. IDs are the
/// cloud's, unique per kind across a region, so duplicates are checked across the whole plan.
pub fn check_duplicates(ix: &Index, out: &mut Findings) {
    let plan = ix.plan;
    let mut kinds: Vec<(&str, Vec<(&str, String)>)> = vec![
        ("VPC", Vec::new()),
        ("vSwitch", Vec::new()),
        ("route table", Vec::new()),
        ("security group", Vec::new()),
        ("NAT gateway", Vec::new()),
        ("peering", Vec::new()),
        ("resource group", Vec::new()),
        ("service", Vec::new()),
    ];
    for (v, vpc) in plan.vpcs.iter().enumerate() {
        kinds[0].1.push((&vpc.id, format!("vpcs[{v}]")));
        for (i, x) in vpc.vswitches.iter().enumerate() {
            kinds[1]
                .1
                .push((&x.id, format!("vpcs[{v}].vswitches[{i}]")));
        }
        for (i, x) in vpc.route_tables.iter().enumerate() {
            kinds[2]
                .1
                .push((&x.id, format!("vpcs[{v}].route_tables[{i}]")));
        }
        for (i, x) in vpc.security_groups.iter().enumerate() {
            kinds[3]
                .1
                .push((&x.id, format!("vpcs[{v}].security_groups[{i}]")));
        }
        for (i, x) in vpc.nat_gateways.iter().enumerate() {
            kinds[4]
                .1
                .push((&x.id, format!("vpcs[{v}].nat_gateways[{i}]")));
        }
    }
    for (i, x) in plan.peerings.iter().enumerate() {
        kinds[5].1.push((&x.id, format!("peerings[{i}]")));
    }
    for (i, x) in plan.resource_groups.iter().enumerate() {
        kinds[6].1.push((&x.id, format!("resource_groups[{i}]")));
    }
    for svc in &ix.services {
        kinds[7].1.push((
            &svc.name,
            format!("services[{}].service.{}", svc.index, svc.read.name_path),
        ));
    }
    for (kind, objects) in kinds {
        let mut first: HashMap<&str, &str> = HashMap::default();
        for (id, at) in &objects {
            match first.get(id) {
                None => {
                    first.insert(id, at);
                }
                Some(earlier) => {
                    let what = if kind == "service" { "name" } else { "ID" };
                    out.add(
                        Code::Plan002,
                        *id,
                        format!("{at} reuses the {kind} {what} {id} of {earlier}; references resolve to the first"),
                    )
                    .fix(format!("Give every {kind} its own {what}: rename or remove {at}."))
                    .at(at.as_str());
                }
            }
        }
    }
}

/// PLAN003: a reference that must point somewhere names nothing (rules.md lists them).
pub fn check_references(ix: &Index, out: &mut Findings) {
    let plan = ix.plan;
    for (v, vpc) in plan.vpcs.iter().enumerate() {
        for (i, vsw) in vpc.vswitches.iter().enumerate() {
            if let Some(table) = &vsw.route_table {
                if !ix.in_vpc[v].route_tables.contains_key(table.as_str()) {
                    out.add(
                        Code::Plan003,
                        &vsw.id,
                        format!(
                            "vSwitch {} uses route table {table}, which is not a route table of {}",
                            vsw.id, vpc.id
                        ),
                    )
                    .fix(format!(
                        "Describe route table {table} in {} or correct the vSwitch's route_table.",
                        vpc.id
                    ))
                    .at(format!("vpcs[{v}].vswitches[{i}].route_table"));
                }
            }
        }
        for (t, table) in vpc.route_tables.iter().enumerate() {
            for (r, route) in table.routes.iter().enumerate() {
                // One test of "names nothing" for PLAN003 and for the paths (which then add no
                // INET003/PRIV002 of their own): routes::names_nothing.
                if !names_nothing(ix, v, route) {
                    continue;
                }
                let route_at = format!("vpcs[{v}].route_tables[{t}].routes[{r}]");
                let Some(hop) = &route.next_hop_id else {
                    // A type that needs an ID, and none (rules.md: "a missing ID names nothing
                    // too"). The route is what the finding points at: the file may not have
                    // the key at all.
                    let kind = next_hop_words(route.hop());
                    out.add(
                        Code::Plan003,
                        &table.id,
                        format!("route {} in {} goes to {kind} but names none: its next_hop_id is missing", route.destination, table.id),
                    )
                    .fix(format!("Set the route's next_hop_id: the ID of {kind}."))
                    .at(route_at);
                    continue;
                };
                let at = format!("{route_at}.next_hop_id");
                if route.hop() == NextHop::NatGateway {
                    out.add(
                        Code::Plan003,
                        &table.id,
                        format!("route {} in {} goes to NAT gateway {hop}, which is not a NAT gateway of {}", route.destination, table.id, vpc.id),
                    )
                    .fix(format!("Point the route at a NAT gateway of {}, or describe {hop} there.", vpc.id))
                    .at(at);
                } else {
                    out.add(
                        Code::Plan003,
                        &table.id,
                        format!("route {} in {} goes to peering {hop}, which the plan does not describe", route.destination, table.id),
                    )
                    .fix(format!("Describe peering {hop} in peerings, or correct the route's next hop."))
                    .at(at);
                }
            }
        }
        for (n, nat) in vpc.nat_gateways.iter().enumerate() {
            if let Some(vsw) = &nat.vswitch {
                if !ix.in_vpc[v].vswitches.contains_key(vsw.as_str()) {
                    out.add(
                        Code::Plan003,
                        &nat.id,
                        format!(
                            "NAT gateway {} sits in vSwitch {vsw}, which is not a vSwitch of {}",
                            nat.id, vpc.id
                        ),
                    )
                    .fix(format!(
                        "Correct the NAT gateway's vswitch to a vSwitch of {}.",
                        vpc.id
                    ))
                    .at(format!("vpcs[{v}].nat_gateways[{n}].vswitch"));
                }
            }
            for (e, entry) in nat.snat_entries.iter().enumerate() {
                let src = &entry.source;
                if entry.source_kind() == SnatSourceKind::VSwitch
                    && !ix.in_vpc[v].vswitches.contains_key(src.as_str())
                {
                    out.add(
                        Code::Plan003,
                        &nat.id,
                        format!("SNAT entry {e} of {} covers vSwitch {src}, which is not a vSwitch of {}", nat.id, vpc.id),
                    )
                    .fix(format!("An SNAT entry's vSwitch must be in the NAT gateway's VPC ({}): correct the source.", vpc.id))
                    .at(format!("vpcs[{v}].nat_gateways[{n}].snat_entries[{e}].source"));
                }
            }
        }
    }
    for svc in &ix.services {
        if let Some(rg) = &svc.read.resource {
            if !ix.resource_groups.contains_key(rg.as_str()) {
                out.add(
                    Code::Plan003,
                    &svc.name,
                    format!("service {} runs on resource group {rg}, which the plan does not describe", svc.name),
                )
                .fix(format!("Describe resource group {rg} in resource_groups, or correct metadata.resource."))
                .at(format!("{}.metadata.resource", svc.at()));
            }
        }
    }
    for (p, peering) in plan.peerings.iter().enumerate() {
        for (k, vpc) in peering.vpcs.iter().enumerate() {
            if !ix.vpcs.contains_key(vpc.as_str()) {
                out.add(
                    Code::Plan003,
                    &peering.id,
                    format!(
                        "peering {} joins VPC {vpc}, which the plan does not describe",
                        peering.id
                    ),
                )
                .fix(format!(
                    "Describe VPC {vpc} in vpcs, or correct the peering."
                ))
                .at(format!("peerings[{p}].vpcs[{k}]"));
            }
        }
    }
}

/// What a next-hop type that needs an ID goes to, in words.
fn next_hop_words(hop: NextHop) -> &'static str {
    match hop {
        NextHop::NatGateway => "a NAT gateway",
        NextHop::VpcPeer => "a VPC peering connection",
        NextHop::Attachment | NextHop::Other => "a CEN transit router attachment",
    }
}

/// The kinds the numbers in `check_id_shapes` stand for (domain-facts §2, ID prefixes).
const KINDS: [IdKind; 6] = [
    IdKind::Vpc,
    IdKind::VSwitch,
    IdKind::SecurityGroup,
    IdKind::RouteTable,
    IdKind::NatGateway,
    IdKind::ResourceGroup,
];

/// NET002: an ID that does not look like its kind, on the objects and in every networking.
pub fn check_id_shapes(ix: &Index, out: &mut Findings) {
    let plan = ix.plan;
    // Every ID with where it sits; the JSON path is written out only for an ID that fails.
    let mut ids: Vec<(usize, &str, IdAt)> = Vec::new();
    for (v, vpc) in plan.vpcs.iter().enumerate() {
        ids.push((0, &vpc.id, IdAt::Vpc(v)));
        for (i, x) in vpc.vswitches.iter().enumerate() {
            ids.push((1, &x.id, IdAt::InVpc(v, "vswitches", i)));
        }
        for (i, x) in vpc.security_groups.iter().enumerate() {
            ids.push((2, &x.id, IdAt::InVpc(v, "security_groups", i)));
        }
        for (i, x) in vpc.route_tables.iter().enumerate() {
            ids.push((3, &x.id, IdAt::InVpc(v, "route_tables", i)));
        }
        for (i, x) in vpc.nat_gateways.iter().enumerate() {
            ids.push((4, &x.id, IdAt::InVpc(v, "nat_gateways", i)));
        }
    }
    for (i, g) in plan.resource_groups.iter().enumerate() {
        ids.push((5, &g.id, IdAt::Group(i)));
        if let Some(net) = &g.networking {
            push_networking(&mut ids, net, |key| IdAt::GroupNetworking(i, key));
        }
    }
    for svc in &ix.services {
        if let Some(net) = &svc.read.networking {
            push_networking(&mut ids, net, |key| IdAt::ServiceNetworking(svc.index, key));
        }
        if let Some(rg) = &svc.read.resource {
            ids.push((5, rg, IdAt::ServiceResource(svc.index)));
        }
    }
    for (kind, id, at) in ids {
        let kind = KINDS[kind];
        let (name, prefix) = (kind.name(), kind.prefix());
        if !kind.looks_like(id) {
            out.add(
                Code::Net002,
                id,
                format!("{id} does not look like a {name} ID ({prefix} followed by letters, digits and -)"),
            )
            .fix(format!("Copy the {name} ID from the console; it starts with {prefix}."))
            .at(at.path());
        }
    }
}

/// Where an ID sits in the plan, written out as a JSON path only when needed.
#[derive(Clone, Copy)]
enum IdAt {
    Vpc(usize),
    /// `vpcs[v].<list>[i].id`.
    InVpc(usize, &'static str, usize),
    Group(usize),
    /// `resource_groups[i].networking.<key>`.
    GroupNetworking(usize, &'static str),
    /// `services[s].service.cloud.networking.<key>`.
    ServiceNetworking(usize, &'static str),
    ServiceResource(usize),
}

impl IdAt {
    fn path(self) -> String {
        match self {
            IdAt::Vpc(v) => format!("vpcs[{v}].id"),
            IdAt::InVpc(v, list, i) => format!("vpcs[{v}].{list}[{i}].id"),
            IdAt::Group(i) => format!("resource_groups[{i}].id"),
            IdAt::GroupNetworking(i, key) => format!("resource_groups[{i}].networking.{key}"),
            IdAt::ServiceNetworking(s, key) => {
                format!("services[{s}].service.cloud.networking.{key}")
            }
            IdAt::ServiceResource(s) => format!("services[{s}].service.metadata.resource"),
        }
    }
}

fn push_networking<'a>(
    ids: &mut Vec<(usize, &'a str, IdAt)>,
    net: &'a crate::plan::Networking,
    at: impl Fn(&'static str) -> IdAt,
) {
    let [vpc, _, sg] = net.ids();
    for (kind, id, key) in [(0, vpc, "vpc_id"), (2, sg, "security_group_id")] {
        if let Some(id) = id {
            ids.push((kind, id, at(key)));
        }
    }
    // Each vSwitch of a list is judged on its own (plan-format.md, "Several vSwitches").
    for id in net.vswitch_ids() {
        ids.push((1, id, at("vswitch_id")));
    }
}
