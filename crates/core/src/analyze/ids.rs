//! IDs and references: PLAN002 (duplicates), PLAN003 (dangling references), NET002 (an ID
//! that does not look like its kind).

use rustc_hash::FxHashMap as HashMap;

use super::findings::Findings;
use super::index::Index;
use super::routes::names_nothing;
use super::Code;
use crate::args;
use crate::plan::ids::IdKind;
use crate::plan::NextHop;
use crate::plan::SnatSourceKind;

/// PLAN002: two objects of one kind share an ID, or two services share a name. IDs are the
/// cloud's, unique per kind across a region, so duplicates are checked across the whole plan.
pub fn check_duplicates(ix: &Index, out: &mut Findings) {
    let plan = ix.plan;
    // Each kind's catalogue key (`PLAN002.vpc`): the message says "VPC ID" or "service name".
    let mut kinds: Vec<(&str, Vec<(&str, String)>)> = vec![
        ("PLAN002.vpc", Vec::new()),
        ("PLAN002.vswitch", Vec::new()),
        ("PLAN002.route_table", Vec::new()),
        ("PLAN002.security_group", Vec::new()),
        ("PLAN002.nat_gateway", Vec::new()),
        ("PLAN002.peering", Vec::new()),
        ("PLAN002.resource_group", Vec::new()),
        ("PLAN002.service", Vec::new()),
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
                    let cat = out.cat();
                    let what = cat.text(kind, &[]);
                    let fix_what = cat.text(&format!("{kind}.fix"), &[]);
                    out.add(
                        Code::Plan002,
                        *id,
                        cat.text(
                            "PLAN002",
                            args![at = at, what = what, id = id, earlier = earlier],
                        ),
                    )
                    .fix(cat.text("PLAN002.fix", args![what = fix_what, at = at]))
                    .at(at.as_str());
                }
            }
        }
    }
}

/// PLAN003: a reference that must point somewhere names nothing (rules.md lists them).
pub fn check_references(ix: &Index, out: &mut Findings) {
    let plan = ix.plan;
    let cat = out.cat();
    for (v, vpc) in plan.vpcs.iter().enumerate() {
        for (i, vsw) in vpc.vswitches.iter().enumerate() {
            if let Some(table) = &vsw.route_table {
                if !ix.in_vpc[v].route_tables.contains_key(table.as_str()) {
                    out.add(
                        Code::Plan003,
                        &vsw.id,
                        cat.text(
                            "PLAN003.route_table",
                            args![vswitch = vsw.id, table = table, vpc = vpc.id],
                        ),
                    )
                    .fix(cat.text(
                        "PLAN003.route_table.fix",
                        args![table = table, vpc = vpc.id],
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
                    let kind = cat.text(next_hop_words(route.hop()), &[]);
                    out.add(
                        Code::Plan003,
                        &table.id,
                        cat.text(
                            "PLAN003.no_hop_id",
                            args![route = route.destination, table = table.id, kind = kind],
                        ),
                    )
                    .fix(cat.text("PLAN003.no_hop_id.fix", args![kind = kind]))
                    .at(route_at);
                    continue;
                };
                let at = format!("{route_at}.next_hop_id");
                if route.hop() == NextHop::NatGateway {
                    out.add(
                        Code::Plan003,
                        &table.id,
                        cat.text(
                            "PLAN003.nat",
                            args![
                                route = route.destination,
                                table = table.id,
                                hop = hop,
                                vpc = vpc.id
                            ],
                        ),
                    )
                    .fix(cat.text("PLAN003.nat.fix", args![hop = hop, vpc = vpc.id]))
                    .at(at);
                } else {
                    out.add(
                        Code::Plan003,
                        &table.id,
                        cat.text(
                            "PLAN003.peering_hop",
                            args![route = route.destination, table = table.id, hop = hop],
                        ),
                    )
                    .fix(cat.text("PLAN003.peering_hop.fix", args![hop = hop]))
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
                        cat.text(
                            "PLAN003.nat_vswitch",
                            args![nat = nat.id, vswitch = vsw, vpc = vpc.id],
                        ),
                    )
                    .fix(cat.text("PLAN003.nat_vswitch.fix", args![vpc = vpc.id]))
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
                        cat.text(
                            "PLAN003.snat_source",
                            args![entry = e, nat = nat.id, vswitch = src, vpc = vpc.id],
                        ),
                    )
                    .fix(cat.text("PLAN003.snat_source.fix", args![vpc = vpc.id]))
                    .at(format!(
                        "vpcs[{v}].nat_gateways[{n}].snat_entries[{e}].source"
                    ));
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
                    cat.text("PLAN003.resource", args![service = svc.name, group = rg]),
                )
                .fix(cat.text("PLAN003.resource.fix", args![group = rg]))
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
                    cat.text(
                        "PLAN003.peering_vpc",
                        args![peering = peering.id, vpc = vpc],
                    ),
                )
                .fix(cat.text("PLAN003.peering_vpc.fix", args![vpc = vpc]))
                .at(format!("peerings[{p}].vpcs[{k}]"));
            }
        }
    }
}

/// What a next-hop type that needs an ID goes to, in words.
/// The catalogue key of a next hop's kind in words ("a NAT gateway").
fn next_hop_words(hop: NextHop) -> &'static str {
    match hop {
        NextHop::NatGateway => "words.a_nat_gateway",
        NextHop::VpcPeer => "words.a_vpc_peering",
        NextHop::Attachment | NextHop::Other => "words.a_cen_attachment",
    }
}

/// The catalogue key of an ID's kind in words.
fn id_kind_words(kind: IdKind) -> &'static str {
    match kind {
        IdKind::Vpc => "words.vpc",
        IdKind::VSwitch => "words.vswitch",
        IdKind::SecurityGroup => "words.security_group",
        IdKind::RouteTable => "words.route_table",
        IdKind::NatGateway => "words.nat_gateway",
        IdKind::ResourceGroup => "words.resource_group",
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
    let cat = out.cat();
    for (kind, id, at) in ids {
        let kind = KINDS[kind];
        let prefix = kind.prefix();
        if !kind.looks_like(id) {
            let name = cat.text(id_kind_words(kind), &[]);
            out.add(
                Code::Net002,
                id,
                cat.text("NET002", args![id = id, kind = name, prefix = prefix]),
            )
            .fix(cat.text("NET002.fix", args![kind = name, prefix = prefix]))
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
