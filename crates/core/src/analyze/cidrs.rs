//! Address space: CIDR001 to CIDR008, plus CIDR001 for every other CIDR or address field.

use ipnet::IpNet;

use super::findings::Findings;
use super::index::{Index, NAMED};
use super::Code;
use crate::addr::{contains_net, overlaps_of_each, parse_addr, parse_cidr, CidrError};
use crate::args;
use crate::i18n::Catalogue;
use crate::plan::SnatSourceKind;
use crate::text::words::and_more;

/// Ranges no VPC or vSwitch may use (domain-facts §2: CreateVpc CidrBlock, CreateVSwitch).
const FORBIDDEN: &[&str] = &[
    "100.64.0.0/10",
    "224.0.0.0/4",
    "127.0.0.0/8",
    "169.254.0.0/16",
];

/// The forbidden range containing `net`, if any.
pub fn forbidden_range(net: &IpNet) -> Option<IpNet> {
    (FORBIDDEN.iter())
        .filter_map(|r| r.parse::<IpNet>().ok())
        .find(|r| contains_net(r, net))
}

/// The CIDR001 message: the path, what was expected, and what was there.
fn cidr_message(cat: &Catalogue, at: &str, value: &str, err: &CidrError) -> String {
    match err {
        CidrError::HostBitsSet { network } => cat.text(
            "CIDR001.host_bits",
            args![at = at, value = value, network = network],
        ),
        CidrError::AddrSyntax => cat.text("CIDR001.address", args![at = at, value = value]),
        CidrError::Syntax => cat.text("CIDR001", args![at = at, value = value]),
    }
}

fn cidr_fix(cat: &Catalogue, err: &CidrError) -> String {
    match err {
        CidrError::HostBitsSet { network } => {
            cat.text("CIDR001.host_bits.fix", args![network = network])
        }
        CidrError::AddrSyntax => cat.text("CIDR001.address.fix", &[]),
        CidrError::Syntax => cat.text("CIDR001.fix", &[]),
    }
}

fn report_bad(out: &mut Findings, subject: &str, at: String, value: &str, err: CidrError) {
    let cat = out.cat();
    out.add(Code::Cidr001, subject, cidr_message(cat, &at, value, &err))
        .fix(cidr_fix(cat, &err))
        .at(at);
}

/// CIDR001 for the fields the index does not parse itself: route destinations, SNAT sources
/// that are CIDRs, EIPs and SNAT IPs, target addresses. (Security-group destinations are SG002
/// and whitelist entries WL003: rules.md, "How checks combine".)
pub fn check_other_fields(ix: &Index, out: &mut Findings) {
    for (v, vpc) in ix.plan.vpcs.iter().enumerate() {
        for (t, table) in vpc.route_tables.iter().enumerate() {
            for (r, route) in table.routes.iter().enumerate() {
                if ix.route_dests[v][t][r].is_some() {
                    continue; // read by the index
                }
                if let Err(e) = parse_cidr(&route.destination) {
                    let at = format!("vpcs[{v}].route_tables[{t}].routes[{r}].destination");
                    report_bad(out, &table.id, at, &route.destination, e);
                }
            }
        }
        for (n, nat) in vpc.nat_gateways.iter().enumerate() {
            for (k, eip) in nat.eips.iter().enumerate() {
                if let Err(e) = parse_addr(eip) {
                    report_bad(
                        out,
                        &nat.id,
                        format!("vpcs[{v}].nat_gateways[{n}].eips[{k}]"),
                        eip,
                        e,
                    );
                }
            }
            for (e, entry) in nat.snat_entries.iter().enumerate() {
                let at = format!("vpcs[{v}].nat_gateways[{n}].snat_entries[{e}]");
                if entry.source_kind() == SnatSourceKind::Cidr {
                    if let Err(err) = parse_cidr(&entry.source) {
                        report_bad(out, &nat.id, format!("{at}.source"), &entry.source, err);
                    }
                }
                for (k, ip) in entry.snat_ips.iter().enumerate() {
                    if let Err(err) = parse_addr(ip) {
                        report_bad(out, &nat.id, format!("{at}.snat_ips[{k}]"), ip, err);
                    }
                }
            }
        }
    }
    // A `destination_cidrs` entry that does not parse is CIDR001 wherever it is written, in
    // force or not (rules.md, "Settled readings": NET008 and NET009).
    for (g, group) in ix.plan.resource_groups.iter().enumerate() {
        if let Some(list) = group
            .networking
            .as_ref()
            .and_then(|n| n.destination_cidrs.as_deref())
        {
            let at = format!("resource_groups[{g}].networking.destination_cidrs");
            report_bad_items(out, &group.id, &at, list);
        }
    }
    for svc in &ix.services {
        if let Some(list) = svc
            .read
            .networking
            .as_ref()
            .and_then(|n| n.destination_cidrs.as_deref())
        {
            let at = format!("{}.cloud.networking.destination_cidrs", svc.at());
            report_bad_items(out, &svc.name, &at, list);
        }
    }
    for (s, entry) in ix.plan.services.iter().enumerate() {
        for (t, target) in entry.targets.iter().enumerate() {
            if let Err(e) = parse_cidr(&target.address) {
                let subject = format!("{}/{}", ix.services[s].name, target.display_name());
                report_bad(
                    out,
                    &subject,
                    format!("services[{s}].targets[{t}].address"),
                    &target.address,
                    e,
                );
            }
        }
    }
}

/// CIDR001 for each item of a comma-separated CIDR list that does not parse.
fn report_bad_items(out: &mut Findings, subject: &str, at: &str, list: &str) {
    for item in crate::plan::list_items(list) {
        if let Err(e) = parse_cidr(item) {
            report_bad(out, subject, at.to_owned(), item, e);
        }
    }
}

/// CIDR001 to CIDR008 for VPCs, vSwitches and peerings.
pub fn check_address_space(ix: &Index, out: &mut Findings) {
    let cat = out.cat();
    for (v, vpc) in ix.plan.vpcs.iter().enumerate() {
        let mut vpc_forbidden = Vec::new();
        for (k, text) in vpc.cidrs.iter().enumerate() {
            let at = format!("vpcs[{v}].cidrs[{k}]");
            let net = match parse_cidr(text) {
                Ok(net) => net,
                Err(e) => {
                    report_bad(out, &vpc.id, at, text, e);
                    continue;
                }
            };
            // CIDR002: VPC masks /8 to /28, IPv4 only (domain-facts §2, CreateVpc).
            if let IpNet::V4(n4) = net {
                if !(8..=28).contains(&n4.prefix_len()) {
                    out.add(
                        Code::Cidr002,
                        &vpc.id,
                        cat.text(
                            "CIDR002",
                            args![vpc = vpc.id, cidr = net, mask = n4.prefix_len()],
                        ),
                    )
                    .fix(cat.text("CIDR002.fix", &[]))
                    .at(at.clone());
                }
            }
            if let Some(range) = forbidden_range(&net) {
                vpc_forbidden.push(net);
                out.add(
                    Code::Cidr003,
                    &vpc.id,
                    cat.text(
                        "CIDR003.vpc",
                        args![vpc = vpc.id, cidr = net, range = range],
                    ),
                )
                .fix(cat.text("CIDR003.vpc.fix", &[]))
                .at(at);
            }
        }
        // CIDR007: at most 5 secondary CIDRs, none overlapping (domain-facts §2, AssociateVpcCidrBlock).
        if vpc.cidrs.len() > 6 {
            out.add(
                Code::Cidr007,
                &vpc.id,
                cat.text(
                    "CIDR007.count",
                    args![vpc = vpc.id, n = vpc.cidrs.len() - 1],
                ),
            )
            .fix(cat.text("CIDR007.count.fix", &[]))
            .at(format!("vpcs[{v}].cidrs"));
        }
        // One finding per CIDR that overlaps others, naming a few (rules.md, "Settled
        // readings": findings grow with the plan, not with its square).
        let (nets, idx) = parsed(&ix.vpc_cidrs[v]);
        for (a, found) in overlaps_of_each(&nets, NAMED).iter().enumerate() {
            if found.count == 0 {
                continue;
            }
            let others: Vec<String> = (found.first.iter())
                .map(|&b| format!("{} (cidrs[{}])", nets[b], idx[b]))
                .collect();
            let others = and_more(cat, &others, found.count - found.first.len());
            out.add(
                Code::Cidr007,
                &vpc.id,
                cat.count(
                    "CIDR007.overlap",
                    found.count as u64,
                    args![
                        vpc = vpc.id,
                        cidr = nets[a],
                        index = idx[a],
                        others = others
                    ],
                ),
            )
            .fix(cat.text("CIDR007.overlap.fix", &[]))
            .at(format!("vpcs[{v}].cidrs[{}]", idx[a]));
        }

        // The VPC's CIDRs for CIDR005, when every one of them reads. A VPC without CIDRs holds
        // no address, so none of its vSwitches lies inside it (rules.md, "Settled readings").
        let vpc_nets: Vec<IpNet> = ix.vpc_cidrs[v].iter().flatten().copied().collect();
        let all_read = vpc_nets.len() == ix.vpc_cidrs[v].len();
        let vpc_space = if vpc.cidrs.is_empty() {
            cat.text("CIDR005.no_cidrs", &[])
        } else {
            let cidrs = and_more(
                cat,
                &vpc.cidrs[..vpc.cidrs.len().min(NAMED)],
                vpc.cidrs.len().saturating_sub(NAMED),
            );
            cat.text("CIDR005.cidrs", args![cidrs = cidrs])
        };
        for (i, vsw) in vpc.vswitches.iter().enumerate() {
            let at = || format!("vpcs[{v}].vswitches[{i}].cidr");
            // The index parsed it; parsed again only to say what is wrong.
            let Some(net) = ix.vsw_cidrs[v][i] else {
                if let Err(e) = parse_cidr(&vsw.cidr) {
                    report_bad(out, &vsw.id, at(), &vsw.cidr, e);
                }
                continue;
            };
            // CIDR004: vSwitch masks /16 to /29, IPv4 only (domain-facts §2, CreateVSwitch).
            if let IpNet::V4(n4) = net {
                if !(16..=29).contains(&n4.prefix_len()) {
                    out.add(
                        Code::Cidr004,
                        &vsw.id,
                        cat.text(
                            "CIDR004",
                            args![vswitch = vsw.id, cidr = net, mask = n4.prefix_len()],
                        ),
                    )
                    .fix(cat.text("CIDR004.fix", &[]))
                    .at(at());
                }
            }
            // One bad range, one finding: a vSwitch inside a VPC CIDR already reported is not
            // reported again.
            if let Some(range) = forbidden_range(&net) {
                if !vpc_forbidden.iter().any(|c| contains_net(c, &net)) {
                    out.add(
                        Code::Cidr003,
                        &vsw.id,
                        cat.text(
                            "CIDR003.vswitch",
                            args![vswitch = vsw.id, cidr = net, range = range],
                        ),
                    )
                    .fix(cat.text("CIDR003.vswitch.fix", &[]))
                    .at(at());
                }
            }
            // CIDR005: inside a CIDR of its VPC (domain-facts §2). Skipped when any of the
            // VPC's CIDRs does not parse: the vSwitch may lie in that one, and its CIDR001 is
            // the one finding (rules.md, no cascade). Looked up in the VPC's own CIDRs by
            // prefix, not by a scan: a VPC may list thousands.
            if all_read && !ix.vpc_holds(v, &net) {
                out.add(
                    Code::Cidr005,
                    &vsw.id,
                    cat.text(
                        "CIDR005",
                        args![
                            vswitch = vsw.id,
                            cidr = net,
                            vpc = vpc.id,
                            space = vpc_space
                        ],
                    ),
                )
                .fix(cat.text("CIDR005.fix", args![vpc = vpc.id]))
                .at(at());
            }
        }
        // CIDR006: vSwitches of one VPC must not overlap. One finding per vSwitch that
        // overlaps others, naming a few (rules.md, "Settled readings").
        let (nets, idx) = parsed(&ix.vsw_cidrs[v]);
        for (a, found) in overlaps_of_each(&nets, NAMED).iter().enumerate() {
            if found.count == 0 {
                continue;
            }
            let vsw = &vpc.vswitches[idx[a]];
            let others: Vec<String> = (found.first.iter())
                .map(|&b| {
                    let other = &vpc.vswitches[idx[b]];
                    cat.text(
                        "CIDR006.neighbour",
                        args![vswitch = other.id, cidr = other.cidr],
                    )
                })
                .collect();
            let others = and_more(cat, &others, found.count - found.first.len());
            out.add(
                Code::Cidr006,
                &vsw.id,
                cat.text(
                    "CIDR006",
                    args![
                        vswitch = vsw.id,
                        cidr = vsw.cidr,
                        others = others,
                        vpc = vpc.id
                    ],
                ),
            )
            .fix(cat.text("CIDR006.fix", args![vswitch = vsw.id, vpc = vpc.id]))
            .at(format!("vpcs[{v}].vswitches[{}].cidr", idx[a]));
        }
    }
    // CIDR008: peered VPCs must not overlap (domain-facts §6).
    for (p, peering) in ix.plan.peerings.iter().enumerate() {
        let [Some(a), Some(b)] = [peering.vpcs.first(), peering.vpcs.get(1)]
            .map(|id| id.and_then(|id| ix.vpcs.get(id.as_str()).copied()))
        else {
            continue;
        };
        let (count, pairs) = overlapping_across(cat, &ix.vpc_cidrs[a], &ix.vpc_cidrs[b]);
        if count > 0 {
            let pairs = and_more(cat, &pairs, count - pairs.len());
            out.add(
                Code::Cidr008,
                &peering.id,
                cat.text(
                    "CIDR008",
                    args![
                        peering = peering.id,
                        a = ix.plan.vpcs[a].id,
                        b = ix.plan.vpcs[b].id,
                        pairs = pairs
                    ],
                ),
            )
            .fix(cat.text("CIDR008.fix", &[]))
            .at(format!("peerings[{p}]"));
        }
    }
}

/// How many pairs of a CIDR of `a` and a CIDR of `b` overlap, and the first [`NAMED`] of them
/// (in `a`'s order, then `b`'s) as `x and y`. Two VPCs of thousands of CIDRs each are not
/// compared pair by pair: `b`'s CIDRs come first in one sweep, so that the lowest indexes a
/// CIDR of `a` overlaps are `b`'s, and what `a`'s CIDRs overlap among themselves is taken away
/// from the count.
fn overlapping_across(
    cat: &Catalogue,
    a: &[Option<IpNet>],
    b: &[Option<IpNet>],
) -> (usize, Vec<String>) {
    let (a, b): (Vec<IpNet>, Vec<IpNet>) = (
        a.iter().flatten().copied().collect(),
        b.iter().flatten().copied().collect(),
    );
    let both: Vec<IpNet> = b.iter().chain(&a).copied().collect();
    let across = overlaps_of_each(&both, NAMED);
    let within = overlaps_of_each(&a, 0);
    let mut count = 0;
    let mut pairs = Vec::new();
    for (x, net) in a.iter().enumerate() {
        let found = &across[b.len() + x];
        count += found.count - within[x].count;
        for &y in found.first.iter().filter(|&&y| y < b.len()) {
            if pairs.len() < NAMED {
                pairs.push(cat.text("CIDR008.pair", args![a = net, b = b[y]]));
            }
        }
    }
    (count, pairs)
}

/// The parsed CIDRs of a list, with their indexes in it.
fn parsed(list: &[Option<IpNet>]) -> (Vec<IpNet>, Vec<usize>) {
    list.iter()
        .enumerate()
        .filter_map(|(i, n)| n.map(|n| (n, i)))
        .unzip()
}
