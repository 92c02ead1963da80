//! Lookups the checks share: objects by ID (the first one wins after PLAN002), parsed CIDRs,
//! and the fields read from each service JSON.

use std::net::IpAddr;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use ipnet::IpNet;

use super::rule::{parse_rules, Rule};
use super::service_cache::{Reads, ServiceCache, ServiceRead};
use crate::addr::{parse_addr, parse_cidr, PrefixMap};
use crate::plan::SnatSourceKind;
use crate::plan::{
    resolve_networking, NatGateway, NatKind, Networking, NetworkingSource, PeeringKind, Plan,
    PlanError, RouteTable, RouteTableKind,
};

/// Where an object sits in the plan: (VPC index, index in its list).
pub type Pos = (usize, usize);

/// One service, read once.
pub struct Svc {
    pub index: usize,
    /// `services[i].service`, formatted once: every flow's first hop points at it.
    at: String,
    /// `metadata.name`, else `services[i]`.
    pub name: String,
    /// What the checks use of its JSON; `read.networking` is `cloud.networking` as written
    /// (even when empty).
    pub read: ServiceRead,
    /// The networking the service uses, and where it comes from.
    pub networking: Option<(Networking, NetworkingSource)>,
}

impl Svc {
    /// JSON path of the service JSON in the plan.
    pub fn at(&self) -> &str {
        &self.at
    }
}

/// The peerings joining one pair of VPCs: looked up per flow, so that a plan of many peerings
/// is not scanned once per flow.
#[derive(Debug, Default, Clone, Copy)]
struct Joins {
    first: Option<usize>,
    cen: Option<usize>,
}

/// The SNAT entries of one NAT gateway by `source`, read once: vSwitch-ID entries by ID,
/// CIDR entries by their CIDR (which entries cover a vSwitch is a walk of its supernets, not a
/// scan of the entries), and whether some source is neither (CIDR001). Entries are listed in
/// plan order under each key.
#[derive(Default)]
pub struct SnatSources<'p> {
    pub by_vswitch: HashMap<&'p str, Vec<usize>>,
    pub cidrs: PrefixMap<usize>,
    pub unreadable: bool,
}

impl<'p> SnatSources<'p> {
    fn read(nat: &'p NatGateway) -> Self {
        let mut sources = SnatSources::default();
        for (e, entry) in nat.snat_entries.iter().enumerate() {
            if entry.source_kind() == SnatSourceKind::VSwitch {
                sources.by_vswitch.entry(&entry.source).or_default().push(e);
            } else if let Ok(net) = parse_cidr(&entry.source) {
                sources.cidrs.insert(net, e);
            } else {
                sources.unreadable = true;
            }
        }
        sources
    }
}

/// The objects of one VPC by ID, the first one winning after PLAN002: for the references that
/// must name an object of the same VPC (a vSwitch's route table, a route's NAT gateway, an
/// SNAT entry's vSwitch), looked up rather than searched for, however many the VPC has.
#[derive(Default)]
pub struct InVpc<'p> {
    pub vswitches: HashMap<&'p str, usize>,
    pub route_tables: HashMap<&'p str, usize>,
    pub nat_gateways: HashMap<&'p str, usize>,
    /// The first system route table.
    pub system_table: Option<usize>,
    /// The first NAT gateway of kind `internet`: what the internet path needs (INET001) and
    /// what the fixes of its later steps point at.
    pub internet_nat: Option<usize>,
}

impl<'p> InVpc<'p> {
    fn new(vpc: &'p crate::plan::Vpc) -> Self {
        fn ids<'p, T>(list: &'p [T], id: impl Fn(&'p T) -> &'p str) -> HashMap<&'p str, usize> {
            let mut map = HashMap::with_capacity_and_hasher(list.len(), Default::default());
            for (i, x) in list.iter().enumerate() {
                map.entry(id(x)).or_insert(i);
            }
            map
        }
        InVpc {
            vswitches: ids(&vpc.vswitches, |x| &x.id),
            route_tables: ids(&vpc.route_tables, |x| &x.id),
            nat_gateways: ids(&vpc.nat_gateways, |x| &x.id),
            system_table: (vpc.route_tables.iter()).position(|t| t.kind == RouteTableKind::System),
            internet_nat: (vpc.nat_gateways.iter()).position(|n| n.kind == NatKind::Internet),
        }
    }
}

/// A NAT gateway's EIPs, read once: what an SNAT IP is checked against (INET005).
#[derive(Default)]
pub struct Eips {
    pub addresses: HashSet<IpAddr>,
    /// Whether some EIP does not parse (CIDR001).
    pub unreadable: bool,
}

impl Eips {
    fn read(nat: &NatGateway) -> Self {
        let mut eips = Eips::default();
        for eip in &nat.eips {
            match parse_addr(eip) {
                Ok(a) => {
                    eips.addresses.insert(a);
                }
                Err(_) => eips.unreadable = true,
            }
        }
        eips
    }
}

/// The most EIPs an SNAT entry takes (domain-facts §3: "≤64 EIPs per SNAT entry"): how many
/// of an entry's IPs a flow carries, and how many of a gateway's EIPs a command names. Every
/// flow through an entry repeats them, so a longer list (which the cloud refuses) must not
/// make every flow longer with it.
pub const MAX_SNAT_IPS: usize = 64;

/// One SNAT entry's IPs, read once for every flow through it (INET005, and the IPs a flow
/// leaves through).
#[derive(Default)]
pub struct SnatIps {
    /// The entry's distinct addresses (`47.96.1.10` and `47.96.1.10/32` are one), by the
    /// position of their first mention, at most [`MAX_SNAT_IPS`]; a text that does not parse
    /// (CIDR001) is not among them.
    pub distinct: Vec<usize>,
    /// The distinct addresses that are not an EIP of the gateway: how many, and the first few.
    pub stray: usize,
    pub first_stray: Vec<usize>,
}

impl SnatIps {
    fn read(entry: &crate::plan::SnatEntry, eips: &Eips) -> Self {
        let mut ips = SnatIps::default();
        let mut seen: HashSet<IpAddr> = HashSet::default();
        for (k, text) in entry.snat_ips.iter().enumerate() {
            let Ok(ip) = parse_addr(text) else { continue };
            if !seen.insert(ip) {
                continue;
            }
            if ips.distinct.len() < MAX_SNAT_IPS {
                ips.distinct.push(k);
            }
            if !eips.addresses.contains(&ip) {
                ips.stray += 1;
                if ips.first_stray.len() < NAMED {
                    ips.first_stray.push(k);
                }
            }
        }
        ips
    }
}

/// How many objects of a long list a message names; the rest are counted (rules.md,
/// "Settled readings": findings grow with the plan, not with its square).
pub const NAMED: usize = 5;

pub struct Index<'p> {
    pub plan: &'p Plan,
    pub vpcs: HashMap<&'p str, usize>,
    pub vswitches: HashMap<&'p str, Pos>,
    pub security_groups: HashMap<&'p str, Pos>,
    /// Per VPC: its own objects by ID.
    pub in_vpc: Vec<InVpc<'p>>,
    pub peerings: HashMap<&'p str, usize>,
    /// (VPC ID, VPC ID) → the first peering or CEN joining the two, and the first CEN.
    joins: HashMap<(&'p str, &'p str), Joins>,
    pub resource_groups: HashMap<&'p str, usize>,
    /// Parsed (strict) CIDRs of each VPC, `None` where they do not parse.
    pub vpc_cidrs: Vec<Vec<Option<IpNet>>>,
    /// Parsed (strict) CIDR of each vSwitch, by VPC.
    pub vsw_cidrs: Vec<Vec<Option<IpNet>>>,
    /// Per VPC: vSwitch CIDR → vSwitch indexes (the local routes, containment questions).
    pub vsw_maps: Vec<PrefixMap<usize>>,
    /// Per VPC, per route table: destination → route indexes (longest-prefix lookup).
    pub route_maps: Vec<Vec<PrefixMap<usize>>>,
    /// Per VPC, per route table: each route's parsed (strict) destination.
    pub route_dests: Vec<Vec<Vec<Option<IpNet>>>>,
    /// Per VPC, per route table: whether some route's destination does not parse (CIDR001).
    pub unreadable_routes: Vec<Vec<bool>>,
    /// Per VPC, per NAT gateway: its EIPs.
    pub eips: Vec<Vec<Eips>>,
    /// Per VPC, per NAT gateway, per SNAT entry: its IPs.
    pub snat_ips: Vec<Vec<Vec<SnatIps>>>,
    /// Per VPC, per NAT gateway: its SNAT entries by source.
    pub snat_sources: Vec<Vec<SnatSources<'p>>>,
    /// Every VPC CIDR → VPC indexes, in plan order (which VPC holds an address).
    pub vpc_map: PrefixMap<usize>,
    /// Whether some VPC CIDR of the plan does not parse (CIDR001).
    pub some_vpc_cidr_unread: bool,
    /// Per VPC: its CIDRs → their indexes in `cidrs` (whether this VPC holds an address,
    /// without going through every VPC that lists the same CIDR).
    pub vpc_spaces: Vec<PrefixMap<usize>>,
    /// Per VPC, per security group: the well-formed egress rules, parsed once.
    pub sg_rules: Vec<Vec<Vec<Rule>>>,
    pub services: Vec<Svc>,
    /// PLAN001 errors found while reading the services.
    pub errors: Vec<PlanError>,
}

fn first_wins<'p>(map: &mut HashMap<&'p str, Pos>, id: &'p str, pos: Pos) {
    map.entry(id).or_insert(pos);
}

impl<'p> Index<'p> {
    /// Builds the index, reading the service JSON through `cache` when there is one. The plan
    /// must have passed `validate_structure`.
    pub fn new(plan: &'p Plan, cache: Option<&mut ServiceCache>) -> Self {
        // Sized up front: rehashing thousands of IDs as the maps grow showed in profiles.
        let count = |f: fn(&crate::plan::Vpc) -> usize| plan.vpcs.iter().map(f).sum::<usize>();
        fn sized<K, V>(n: usize) -> HashMap<K, V> {
            HashMap::with_capacity_and_hasher(n, Default::default())
        }
        let mut ix = Index {
            plan,
            vpcs: sized(plan.vpcs.len()),
            vswitches: sized(count(|v| v.vswitches.len())),
            security_groups: sized(count(|v| v.security_groups.len())),
            in_vpc: plan.vpcs.iter().map(InVpc::new).collect(),
            peerings: HashMap::default(),
            joins: HashMap::default(),
            resource_groups: HashMap::default(),
            vpc_cidrs: Vec::new(),
            vsw_cidrs: Vec::new(),
            vsw_maps: Vec::new(),
            route_maps: Vec::new(),
            route_dests: Vec::new(),
            unreadable_routes: Vec::new(),
            eips: Vec::new(),
            snat_ips: Vec::new(),
            snat_sources: Vec::new(),
            vpc_map: PrefixMap::new(),
            vpc_spaces: Vec::new(),
            some_vpc_cidr_unread: false,
            sg_rules: Vec::new(),
            services: Vec::new(),
            errors: Vec::new(),
        };
        for (v, vpc) in plan.vpcs.iter().enumerate() {
            ix.vpcs.entry(vpc.id.as_str()).or_insert(v);
            for (i, x) in vpc.vswitches.iter().enumerate() {
                first_wins(&mut ix.vswitches, &x.id, (v, i));
            }
            for (i, x) in vpc.security_groups.iter().enumerate() {
                first_wins(&mut ix.security_groups, &x.id, (v, i));
            }
            ix.vpc_cidrs
                .push(vpc.cidrs.iter().map(|c| parse_cidr(c).ok()).collect());
            ix.vsw_cidrs.push(
                (vpc.vswitches.iter())
                    .map(|s| parse_cidr(&s.cidr).ok())
                    .collect(),
            );
        }
        for (v, vpc) in plan.vpcs.iter().enumerate() {
            let mut locals = PrefixMap::with_capacity(vpc.vswitches.len());
            for (i, net) in ix.vsw_cidrs[v].iter().enumerate() {
                if let Some(net) = net {
                    locals.insert(*net, i);
                }
            }
            ix.vsw_maps.push(locals);
            let mut space = PrefixMap::with_capacity(vpc.cidrs.len());
            for (k, net) in ix.vpc_cidrs[v].iter().enumerate() {
                match net {
                    Some(net) => {
                        ix.vpc_map.insert(*net, v);
                        space.insert(*net, k);
                    }
                    None => ix.some_vpc_cidr_unread = true,
                }
            }
            ix.vpc_spaces.push(space);
            let dests: Vec<Vec<Option<IpNet>>> = (vpc.route_tables.iter())
                .map(|t| {
                    (t.routes.iter())
                        .map(|r| parse_cidr(&r.destination).ok())
                        .collect()
                })
                .collect();
            ix.route_maps.push(
                (dests.iter())
                    .map(|routes| {
                        let mut m = PrefixMap::with_capacity(routes.len());
                        for (r, net) in routes.iter().enumerate() {
                            if let Some(net) = net {
                                m.insert(*net, r);
                            }
                        }
                        m
                    })
                    .collect(),
            );
            ix.unreadable_routes
                .push(dests.iter().map(|d| d.contains(&None)).collect());
            ix.route_dests.push(dests);
            let eips: Vec<Eips> = vpc.nat_gateways.iter().map(Eips::read).collect();
            ix.snat_ips.push(
                (vpc.nat_gateways.iter().zip(&eips))
                    .map(|(nat, eips)| {
                        (nat.snat_entries.iter())
                            .map(|entry| SnatIps::read(entry, eips))
                            .collect()
                    })
                    .collect(),
            );
            ix.eips.push(eips);
            ix.snat_sources
                .push(vpc.nat_gateways.iter().map(SnatSources::read).collect());
            ix.sg_rules
                .push(vpc.security_groups.iter().map(parse_rules).collect());
        }
        for (i, p) in plan.peerings.iter().enumerate() {
            ix.peerings.entry(p.id.as_str()).or_insert(i);
            // A peering joins two VPCs: four pairs each. Any other count is PLAN001 (validate),
            // and is skipped here, where a list of thousands would make millions of pairs.
            let [x, y] = p.vpcs.as_slice() else {
                continue;
            };
            for a in [x, y] {
                for b in [x, y] {
                    let joins = ix.joins.entry((a.as_str(), b.as_str())).or_default();
                    joins.first.get_or_insert(i);
                    if p.kind == PeeringKind::Cen {
                        joins.cen.get_or_insert(i);
                    }
                }
            }
        }
        for (i, g) in plan.resource_groups.iter().enumerate() {
            ix.resource_groups.entry(g.id.as_str()).or_insert(i);
        }
        let mut reads = Reads::new(cache, plan.services.len());
        for (i, entry) in plan.services.iter().enumerate() {
            // Each service JSON is read once, here (or taken from the cache); a type error is
            // PLAN001 (`errors`).
            let at = format!("services[{i}].service");
            let read = reads.read(entry.service.text(), &at).unwrap_or_else(|e| {
                ix.errors.push(e);
                ServiceRead::default()
            });
            let networking =
                resolve_networking(plan, read.networking.as_ref(), read.resource.as_deref());
            ix.services.push(Svc {
                index: i,
                at,
                name: (read.name.clone()).unwrap_or_else(|| format!("services[{i}]")),
                read,
                networking,
            });
        }
        reads.finish();
        ix
    }

    /// The route table a vSwitch uses: its `route_table` (which must be a table of the same
    /// VPC, else PLAN003 and `None`), or its VPC's system table; `None` when unknown.
    pub fn route_table_of(&self, (v, i): Pos) -> Option<(Pos, &'p RouteTable)> {
        let vpc = &self.plan.vpcs[v];
        let found = match &vpc.vswitches[i].route_table {
            Some(id) => self.in_vpc[v].route_tables.get(id.as_str()).copied(),
            None => self.in_vpc[v].system_table,
        };
        found.map(|t| ((v, t), &vpc.route_tables[t]))
    }

    /// The first peering (VPC peering or CEN, in plan order) that lists both VPCs.
    pub fn peering_joining(&self, a: &str, b: &str) -> Option<usize> {
        self.joins.get(&(a, b)).and_then(|j| j.first)
    }

    /// Whether a CEN lists both VPCs.
    pub fn cen_joins(&self, a: &str, b: &str) -> bool {
        self.joins.get(&(a, b)).is_some_and(|j| j.cen.is_some())
    }

    /// The parsed CIDR of a vSwitch.
    pub fn vsw_cidr(&self, (v, i): Pos) -> Option<IpNet> {
        self.vsw_cidrs[v][i]
    }

    /// The plan's region, for commands (which write a placeholder without one).
    pub fn region(&self) -> Option<&str> {
        self.plan.region.as_deref()
    }

    /// Whether some VPC's CIDR contains a network.
    pub fn in_some_vpc(&self, net: &IpNet) -> bool {
        self.vpc_map.containing(net).next().is_some()
    }

    /// Whether a CIDR of VPC `v` contains a network.
    pub fn vpc_holds(&self, v: usize, net: &IpNet) -> bool {
        self.vpc_spaces[v].containing(net).next().is_some()
    }

    /// The CIDR of VPC `v` that contains a network (the most specific one).
    pub fn vpc_cidr_holding(&self, v: usize, net: &IpNet) -> Option<IpNet> {
        self.vpc_spaces[v].longest(net).map(|(cidr, _)| cidr)
    }

    /// The VPC a network belongs to: `prefer` when one of its CIDRs contains it, else the
    /// first VPC in plan order that does (plan-format.md). Each key's VPCs are in plan order,
    /// so only the first of each is looked at: thousands of VPCs with one CIDR cost nothing
    /// more.
    pub fn home_vpc(&self, net: &IpNet, prefer: usize) -> Option<usize> {
        if self.vpc_holds(prefer, net) {
            return Some(prefer);
        }
        (self.vpc_map.containing(net))
            .filter_map(|(_, vpcs)| vpcs.first().copied())
            .min()
    }

    /// The vSwitch of VPC `v` whose CIDR contains `net` (the most specific one).
    pub fn vswitch_containing(&self, v: usize, net: &IpNet) -> Option<usize> {
        self.vsw_maps[v]
            .longest(net)
            .and_then(|(_, i)| i.first().copied())
    }
}
