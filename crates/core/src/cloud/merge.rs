//! The facts of a paste merged into the current plan, by ID.
//!
//! - **By ID, nothing duplicated.** An object whose ID the plan has is updated where it is (or
//!   moved, when the cloud puts it in another VPC); a new one is appended, new objects sorted by
//!   ID. Routes are merged by destination (one route per destination and table), SNAT entries
//!   by source; a security group's egress rules are replaced by the paste's when it holds the
//!   group's rules (rules have no ID in the plan, and the cloud's list is the group's whole
//!   list). Routes and SNAT entries the cloud did not mention are kept.
//! - **What the user wrote stays.** Services, targets, resource groups, `utilization_warning`,
//!   objects the cloud did not mention, and a vSwitch's `other_ips` override (below).
//! - **`other_ips`** of a vSwitch = usable IPs − `AvailableIpAddressCount`: every address in
//!   use there, including the ENIs of EAS instances already running. It is set for a vSwitch new
//!   to the plan and for one whose `other_ips` is 0 (the default: nothing written). A non-zero
//!   value already in the plan is the user's own count (or an earlier import's) and is kept;
//!   the summary notes both numbers when they differ, so a stale one shows. The plan has no
//!   field that could record where a number came from, and a guess that overwrote a
//!   deliberate override would silently change the capacity check; setting `other_ips` to 0
//!   and importing again takes the cloud's count.
//! - **A route table's kind** decides `route_table`: a vSwitch on its VPC's system table gets
//!   none (the plan's way of saying "the system table"), on a custom table its ID.
//! - The merged plan must still pass [`crate::plan::validate`] (beyond what the current plan
//!   already breaks), or nothing is imported.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::addr::{parse_cidr, usable_ips};
use crate::plan::{
    validate, NatGateway, NatKind, Peering, PeeringKind, Plan, RouteTable, RouteTableKind,
    SecurityGroup, SecurityGroupKind, SnatEntry, VSwitch, Vpc,
};
use crate::words::plural;

use super::facts::{push_new, Facts, VSwitchFact};
use super::summary::{Change, Kind, SummaryLine};
use super::{CloudError, CloudErrorKind};

/// The merged plan and what the summary needs.
pub(crate) struct Merged {
    pub plan: Plan,
    pub lines: Vec<SummaryLine>,
    pub unchanged: usize,
    pub notes: Vec<String>,
}

/// Position of an object: (VPC index, index in its list).
type Pos = (usize, usize);

struct Merge<'a> {
    plan: Plan,
    original: &'a Plan,
    touched: BTreeSet<(Kind, String)>,
    /// Extra words for an imported object's line (`known from peering pcc-1 only`).
    origin: HashMap<(Kind, String), String>,
    skipped: Vec<SummaryLine>,
    notes: Vec<String>,
}

pub(crate) fn apply(mut facts: Facts, current: &Plan) -> Result<Merged, CloudError> {
    let mut m = Merge {
        plan: current.clone(),
        original: current,
        touched: BTreeSet::new(),
        origin: HashMap::new(),
        skipped: std::mem::take(&mut facts.skipped),
        notes: Vec::new(),
    };
    m.vpcs(&facts);
    m.vswitches(&facts);
    m.route_tables(&facts)?;
    m.routes(&facts);
    m.security_groups(&facts);
    m.nat_gateways(&facts);
    m.snat_entries(&facts);
    m.peerings(&facts);
    m.region(&facts);
    m.check_valid()?;
    Ok(m.finish())
}

impl Merge<'_> {
    fn vpc_index(&self, id: &str) -> Option<usize> {
        self.plan.vpcs.iter().position(|v| v.id == id)
    }

    fn touch(&mut self, kind: Kind, id: &str) {
        self.touched.insert((kind, id.to_owned()));
    }

    fn skip(&mut self, kind: Kind, id: impl Into<String>, why: impl Into<String>) {
        self.skipped.push(SummaryLine::skipped(kind, id, why));
    }

    /// The plan's VPC of ID `vpc`, or a skipped line saying it is missing.
    fn vpc_or_skip(&mut self, kind: Kind, id: &str, vpc: &str) -> Option<usize> {
        let found = self.vpc_index(vpc);
        if found.is_none() {
            self.skip(
                kind,
                id,
                format!("its VPC {vpc} is not in the plan: paste DescribeVpcs too"),
            );
        }
        found
    }

    fn vpcs(&mut self, facts: &Facts) {
        for (id, f) in &facts.vpcs {
            self.touch(Kind::Vpc, id);
            match self.vpc_index(id) {
                Some(i) if !f.cidrs.is_empty() => self.plan.vpcs[i].cidrs = f.cidrs.clone(),
                Some(_) => {}
                None => self.plan.vpcs.push(new_vpc(id, f.cidrs.clone())),
            }
        }
        for (id, f) in &facts.peer_vpcs {
            self.touch(Kind::Vpc, id);
            match self.vpc_index(id) {
                // A peering's CIDRs only fill a VPC that has none.
                Some(i) if self.plan.vpcs[i].cidrs.is_empty() && !f.cidrs.is_empty() => {
                    self.plan.vpcs[i].cidrs = f.cidrs.clone();
                }
                Some(_) => {}
                None => {
                    self.origin.insert(
                        (Kind::Vpc, id.clone()),
                        format!("known from peering {} only", f.peering),
                    );
                    self.plan.vpcs.push(new_vpc(id, f.cidrs.clone()));
                }
            }
        }
    }

    fn vswitches(&mut self, facts: &Facts) {
        let table_kinds = table_kinds(self.original, facts);
        // Tables' `VSwitchIds`: a custom table's association wins over the system table's.
        let mut bound: BTreeMap<&str, &str> = BTreeMap::new();
        for (tid, t) in &facts.tables {
            for s in &t.vswitches {
                let custom = table_kinds.get(tid.as_str()) != Some(&RouteTableKind::System);
                if custom || !bound.contains_key(s.as_str()) {
                    bound.insert(s.as_str(), tid.as_str());
                }
            }
        }
        // A vSwitch on its VPC's system table names none (plan-format.md).
        let route_table = |tid: &str| -> Option<String> {
            match table_kinds.get(tid) {
                Some(RouteTableKind::System) => None,
                _ => Some(tid.to_owned()),
            }
        };
        let mut index = index_of(&self.plan, |v| &v.vswitches, |s| &s.id);
        let mut from_cloud = 0usize;
        for (id, f) in &facts.vswitches {
            let Some(vpc) = self.vpc_or_skip(Kind::VSwitch, id, &f.vpc) else {
                continue;
            };
            self.touch(Kind::VSwitch, id);
            // The vSwitch's own `RouteTable` wins over the tables' lists.
            let table = (f.table.as_deref())
                .or_else(|| bound.get(id.as_str()).copied())
                .map(route_table);
            let cloud_used = used_ips(f);
            let mut kept = None;
            upsert(
                &mut self.plan,
                &mut index,
                |v| &mut v.vswitches,
                vpc,
                id,
                |old| match old {
                    None => VSwitch {
                        id: id.clone(),
                        zone: f.zone.clone(),
                        cidr: f.cidr.clone(),
                        route_table: table.clone().flatten(),
                        other_ips: cloud_used.unwrap_or(0),
                    },
                    Some(mut s) => {
                        s.zone = f.zone.clone().or(s.zone);
                        s.cidr = f.cidr.clone();
                        if let Some(t) = table.clone() {
                            s.route_table = t;
                        }
                        match cloud_used {
                            Some(n) if s.other_ips == 0 => s.other_ips = n,
                            Some(n) if s.other_ips != n => kept = Some((s.other_ips, n)),
                            _ => {}
                        }
                        s
                    }
                },
            );
            if let Some((mine, cloud)) = kept {
                let usable = parse_cidr(&f.cidr).map_or(0, |n| usable_ips(&n));
                self.notes.push(format!(
                    "{id}: kept other_ips {mine} from the plan; the cloud counts {cloud} IPs in use \
                     ({usable} usable − {} available). Set other_ips to 0 and import again to take the cloud's count",
                    f.available.unwrap_or(0)
                ));
            } else if cloud_used.is_some() {
                from_cloud += 1;
            }
        }
        // vSwitches the paste names only through a table's list.
        for (sid, tid) in bound {
            if facts.vswitches.contains_key(sid) {
                continue;
            }
            if let Some(&(v, i)) = index.get(sid) {
                self.touch(Kind::VSwitch, sid);
                self.plan.vpcs[v].vswitches[i].route_table = route_table(tid);
            }
        }
        if from_cloud > 0 {
            self.notes.push(format!(
                "other_ips of {from_cloud} vSwitch{} = usable IPs − AvailableIpAddressCount: every \
                 address in use there, including the ENIs of EAS instances already running. A \
                 service of this plan that is running is counted twice (in other_ips and as a \
                 service): lower other_ips by its instances.",
                if from_cloud == 1 { "" } else { "es" }
            ));
        }
    }

    fn route_tables(&mut self, facts: &Facts) -> Result<(), CloudError> {
        let mut index = index_of(&self.plan, |v| &v.route_tables, |t| &t.id);
        let vswitch_vpc: HashMap<String, usize> = (self.plan.vpcs.iter().enumerate())
            .flat_map(|(i, v)| v.vswitches.iter().map(move |s| (s.id.clone(), i)))
            .collect();
        for (id, t) in &facts.tables {
            let by_router = t.vrouter.as_ref().and_then(|r| {
                (facts.vpcs.iter())
                    .find(|(_, v)| v.vrouter.as_ref() == Some(r))
                    .map(|(vpc, _)| vpc.clone())
            });
            let vpc = match t.vpc.clone().or(by_router) {
                Some(vpc) => match self.vpc_or_skip(Kind::RouteTable, id, &vpc) {
                    Some(i) => i,
                    None => continue,
                },
                None => {
                    let known = index.get(id).map(|p| p.0).or_else(|| {
                        (t.vswitches.iter()).find_map(|s| vswitch_vpc.get(s.as_str()).copied())
                    });
                    match known {
                        Some(i) => i,
                        None => {
                            self.skip(
                                Kind::RouteTable,
                                id,
                                "cannot tell which VPC it is in: paste DescribeVpcs (for its VRouterId) \
                                 or use DescribeRouteTableList, which names the VPC",
                            );
                            continue;
                        }
                    }
                }
            };
            if t.kind == Some(RouteTableKind::System) {
                let vpc_obj = &self.plan.vpcs[vpc];
                if let Some(other) = (vpc_obj.route_tables.iter())
                    .find(|r| r.kind == RouteTableKind::System && &r.id != id)
                {
                    return Err(CloudError::new(
                        CloudErrorKind::InvalidPlan,
                        format!(
                            "the cloud's system route table of {} is {id}, but the plan's is {}: \
                             a VPC has one. Nothing imported; rename {} to {id} in the plan (or \
                             remove it), then import again",
                            vpc_obj.id, other.id, other.id
                        ),
                    ));
                }
            }
            self.touch(Kind::RouteTable, id);
            upsert(
                &mut self.plan,
                &mut index,
                |v| &mut v.route_tables,
                vpc,
                id,
                |old| match old {
                    None => RouteTable {
                        id: id.clone(),
                        kind: t.kind.unwrap_or_default(),
                        routes: Vec::new(),
                    },
                    Some(mut r) => {
                        r.kind = t.kind.unwrap_or(r.kind);
                        r
                    }
                },
            );
        }
        Ok(())
    }

    fn routes(&mut self, facts: &Facts) {
        let index = index_of(&self.plan, |v| &v.route_tables, |t| &t.id);
        for (tid, routes) in &facts.routes {
            let Some(&(v, i)) = index.get(tid) else {
                let n = routes.len();
                self.skip(
                    Kind::Route,
                    tid,
                    format!(
                        "{n} route{}: the route table is not in the plan: paste \
                         DescribeRouteTableList too",
                        if n == 1 { "" } else { "s" }
                    ),
                );
                continue;
            };
            self.touch(Kind::RouteTable, tid);
            let table = &mut self.plan.vpcs[v].route_tables[i];
            let mut at: HashMap<String, usize> = HashMap::new();
            for (i, r) in table.routes.iter().enumerate() {
                at.entry(r.destination.clone()).or_insert(i);
            }
            for route in routes.values() {
                match at.get(&route.destination) {
                    Some(&i) => table.routes[i] = route.clone(),
                    None => table.routes.push(route.clone()),
                }
            }
        }
    }

    fn security_groups(&mut self, facts: &Facts) {
        let mut index = index_of(&self.plan, |v| &v.security_groups, |g| &g.id);
        let ids: BTreeSet<&String> = facts.groups.keys().chain(facts.rules.keys()).collect();
        for id in ids {
            let group = facts.groups.get(id);
            let rules = facts.rules.get(id);
            let vpc_id =
                (group.and_then(|g| g.vpc.clone())).or_else(|| rules.and_then(|r| r.vpc.clone()));
            let vpc = match vpc_id {
                Some(vpc) => match self.vpc_or_skip(Kind::SecurityGroup, id, &vpc) {
                    Some(i) => i,
                    None => continue,
                },
                None => match index.get(id.as_str()) {
                    Some(&(v, _)) => v,
                    None => {
                        self.skip(
                            Kind::SecurityGroup,
                            id,
                            "its VpcId is empty: a classic-network group, not in a VPC",
                        );
                        continue;
                    }
                },
            };
            self.touch(Kind::SecurityGroup, id);
            let kind = group.and_then(|g| g.kind);
            let is_new = !index.contains_key(id.as_str());
            if is_new && kind.is_none() {
                self.notes.push(format!(
                    "{id}: its kind is not in the paste, so it is taken as basic (which accepts \
                     what no rule matches); paste DescribeSecurityGroups to know"
                ));
            }
            if is_new && rules.is_none() {
                self.notes.push(format!(
                    "{id}: its rules are not in the paste, so the plan holds none; paste \
                     `aliyun ecs DescribeSecurityGroupAttribute --SecurityGroupId {id} --MaxResults 1000`"
                ));
            }
            upsert(
                &mut self.plan,
                &mut index,
                |v| &mut v.security_groups,
                vpc,
                id,
                |old| {
                    let mut g = old.unwrap_or_else(|| SecurityGroup {
                        id: id.clone(),
                        kind: SecurityGroupKind::Basic,
                        egress: Vec::new(),
                    });
                    g.kind = kind.unwrap_or(g.kind);
                    if let Some(r) = rules {
                        g.egress = r.egress.clone();
                    }
                    g
                },
            );
        }
    }

    fn nat_gateways(&mut self, facts: &Facts) {
        let mut index = index_of(&self.plan, |v| &v.nat_gateways, |n| &n.id);
        let no_eips = Vec::new();
        for (id, n) in &facts.nats {
            let Some(vpc) = self.vpc_or_skip(Kind::NatGateway, id, &n.vpc) else {
                continue;
            };
            self.touch(Kind::NatGateway, id);
            let bound = facts.nat_eips.get(id).unwrap_or(&no_eips);
            upsert(
                &mut self.plan,
                &mut index,
                |v| &mut v.nat_gateways,
                vpc,
                id,
                |old| {
                    let mut g = old.unwrap_or_else(|| NatGateway {
                        id: id.clone(),
                        kind: n.kind,
                        vswitch: None,
                        eips: Vec::new(),
                        snat_entries: Vec::new(),
                    });
                    g.kind = n.kind;
                    g.vswitch = n.vswitch.clone().or(g.vswitch);
                    if let Some(eips) = &n.eips {
                        g.eips = eips.clone();
                    }
                    if n.kind == NatKind::Internet {
                        for ip in bound {
                            push_new(&mut g.eips, ip.clone());
                        }
                    }
                    g
                },
            );
        }
        // EIPs of gateways the paste does not describe.
        for (nat, ips) in &facts.nat_eips {
            if facts.nats.contains_key(nat) {
                continue;
            }
            match index.get(nat.as_str()) {
                Some(&(v, i)) => {
                    self.touch(Kind::NatGateway, nat);
                    let g = &mut self.plan.vpcs[v].nat_gateways[i];
                    for ip in ips {
                        push_new(&mut g.eips, ip.clone());
                    }
                }
                None => self.skip(
                    Kind::Eip,
                    (ips.iter())
                        .map(|ip| facts.eip_names.get(ip).unwrap_or(ip).as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    format!(
                        "bound to NAT gateway {nat}, which is not in the plan: paste DescribeNatGateways too"
                    ),
                ),
            }
        }
    }

    fn snat_entries(&mut self, facts: &Facts) {
        let index = index_of(&self.plan, |v| &v.nat_gateways, |n| &n.id);
        let by_table: HashMap<&str, &str> = (facts.nats.iter())
            .flat_map(|(id, n)| n.snat_tables.iter().map(move |t| (t.as_str(), id.as_str())))
            .collect();
        for s in facts.snats.values() {
            let nat = s
                .nat
                .as_deref()
                .or_else(|| s.table.as_deref().and_then(|t| by_table.get(t).copied()));
            let Some(nat) = nat else {
                self.skip(
                    Kind::SnatEntry,
                    &s.name,
                    format!(
                        "its SNAT table {} belongs to no NAT gateway in the paste: paste DescribeNatGateways too",
                        s.table.as_deref().unwrap_or("?")
                    ),
                );
                continue;
            };
            let Some(&(v, i)) = index.get(nat) else {
                self.skip(
                    Kind::SnatEntry,
                    &s.name,
                    format!("NAT gateway {nat} is not in the plan: paste DescribeNatGateways too"),
                );
                continue;
            };
            self.touch(Kind::NatGateway, nat);
            let g = &mut self.plan.vpcs[v].nat_gateways[i];
            let ips = if g.kind == NatKind::Vpc && !s.ips.is_empty() {
                let why = format!(
                    "private SNAT IPs {} of a VPC NAT gateway: the plan's snat_ips are EIPs of internet NAT gateways",
                    s.ips.join(", ")
                );
                self.skipped
                    .push(SummaryLine::skipped(Kind::SnatEntry, &s.name, why));
                Vec::new()
            } else {
                s.ips.clone()
            };
            match (g.snat_entries.iter_mut()).find(|e| e.source == s.source) {
                Some(e) => e.snat_ips = ips,
                None => g.snat_entries.push(SnatEntry {
                    source: s.source.clone(),
                    snat_ips: ips,
                }),
            }
        }
    }

    fn peerings(&mut self, facts: &Facts) {
        for (id, p) in &facts.peerings {
            self.touch(Kind::Peering, id);
            let vpcs = p.vpcs.to_vec();
            match self.plan.peerings.iter_mut().find(|q| &q.id == id) {
                Some(q) => {
                    q.kind = PeeringKind::VpcPeer;
                    q.vpcs = vpcs;
                }
                None => self.plan.peerings.push(Peering {
                    id: id.clone(),
                    kind: PeeringKind::VpcPeer,
                    vpcs,
                }),
            }
        }
    }

    fn region(&mut self, facts: &Facts) {
        match (&self.plan.region, &facts.region) {
            (None, Some(r)) => self.plan.region = Some(r.clone()),
            (Some(mine), Some(r)) if mine != r => self.notes.push(format!(
                "the paste is of region {r}; the plan's region {mine} is kept"
            )),
            _ => {}
        }
    }

    /// Refuses a merge that breaks a rule of the plan format the current plan kept. Problems
    /// are told apart by their messages, which name the objects: a problem the plan already
    /// had keeps its message when the merge moves the object (a table to its own VPC), and
    /// with it its JSON path.
    fn check_valid(&self) -> Result<(), CloudError> {
        let before: Vec<String> = (validate(self.original).into_iter())
            .map(|e| e.message)
            .collect();
        match (validate(&self.plan).into_iter()).find(|e| !before.contains(&e.message)) {
            Some(e) => Err(CloudError::new(
                CloudErrorKind::InvalidPlan,
                format!("the merged plan would not be valid: {e}. Nothing imported"),
            )),
            None => Ok(()),
        }
    }

    fn finish(self) -> Merged {
        let mut lines = self.skipped;
        let mut unchanged = 0;
        let (was, now) = (objects(self.original), objects(&self.plan));
        for (kind, id) in &self.touched {
            let before = was.get(&(*kind, id.as_str()));
            let Some(after) = now.get(&(*kind, id.as_str())) else {
                continue;
            };
            let (change, detail) = match before {
                None => {
                    let mut detail = describe(after);
                    if let Some(extra) = self.origin.get(&(*kind, id.clone())) {
                        detail = format!("{detail} ({extra})");
                    }
                    (Change::Imported, detail)
                }
                Some(before) => match differences(before, after) {
                    d if d.is_empty() => {
                        unchanged += 1;
                        continue;
                    }
                    d => (Change::Updated, d.join("; ")),
                },
            };
            lines.push(SummaryLine {
                change,
                kind: *kind,
                id: id.clone(),
                detail,
            });
        }
        // By change, kind, ID, detail: the fields' order.
        lines.sort();
        lines.dedup();
        // Each note once, in the order first said.
        let mut said = HashSet::new();
        let notes: Vec<String> = (self.notes.into_iter())
            .filter(|n| said.insert(n.clone()))
            .collect();
        Merged {
            plan: self.plan,
            lines,
            unchanged,
            notes,
        }
    }
}

fn new_vpc(id: &str, cidrs: Vec<String>) -> Vpc {
    Vpc {
        id: id.to_owned(),
        cidrs,
        vswitches: Vec::new(),
        route_tables: Vec::new(),
        security_groups: Vec::new(),
        nat_gateways: Vec::new(),
    }
}

/// usable − available, when the cloud said how many are available and the CIDR parses.
fn used_ips(f: &VSwitchFact) -> Option<u64> {
    let available = f.available?;
    let net = parse_cidr(&f.cidr).ok()?;
    Some(usable_ips(&net).saturating_sub(available))
}

/// Where each object of one kind is, by ID (the first, when the plan repeats an ID).
fn index_of<T>(
    plan: &Plan,
    list: fn(&Vpc) -> &Vec<T>,
    id: fn(&T) -> &String,
) -> HashMap<String, Pos> {
    let mut index = HashMap::new();
    for (v, vpc) in plan.vpcs.iter().enumerate() {
        for (i, item) in list(vpc).iter().enumerate() {
            index.entry(id(item).clone()).or_insert((v, i));
        }
    }
    index
}

/// The kind of every table the paste or the plan knows: the plan's, then the paste's
/// table list over it, then the type a vSwitch gives its table where neither says.
fn table_kinds<'f>(original: &'f Plan, facts: &'f Facts) -> HashMap<&'f str, RouteTableKind> {
    let mut kinds: HashMap<&str, RouteTableKind> = (original.vpcs.iter())
        .flat_map(|v| &v.route_tables)
        .map(|t| (t.id.as_str(), t.kind))
        .collect();
    for (id, t) in &facts.tables {
        if let Some(kind) = t.kind {
            kinds.insert(id, kind);
        }
    }
    for s in facts.vswitches.values() {
        if let (Some(tid), Some(kind)) = (&s.table, s.table_kind) {
            kinds.entry(tid).or_insert(kind);
        }
    }
    kinds
}

/// Puts `make(the object now there)` under `id` in VPC `vpc`: in place when it is in that VPC
/// already, moved to the end of that VPC's list when it is in another, appended when new.
fn upsert<T: Clone>(
    plan: &mut Plan,
    index: &mut HashMap<String, Pos>,
    list: fn(&mut Vpc) -> &mut Vec<T>,
    vpc: usize,
    id: &str,
    make: impl FnOnce(Option<T>) -> T,
) {
    match index.get(id).copied() {
        Some((v, i)) if v == vpc => {
            let items = list(&mut plan.vpcs[v]);
            let old = items[i].clone();
            items[i] = make(Some(old));
        }
        Some((v, i)) => {
            let old = list(&mut plan.vpcs[v]).remove(i);
            for pos in index.values_mut() {
                if pos.0 == v && pos.1 > i {
                    pos.1 -= 1;
                }
            }
            let items = list(&mut plan.vpcs[vpc]);
            items.push(make(Some(old)));
            index.insert(id.to_owned(), (vpc, items.len() - 1));
        }
        None => {
            let items = list(&mut plan.vpcs[vpc]);
            items.push(make(None));
            index.insert(id.to_owned(), (vpc, items.len() - 1));
        }
    }
}

/// An object of the plan, for the summary.
enum Obj<'a> {
    Vpc(&'a Vpc),
    VSwitch(&'a str, &'a VSwitch),
    RouteTable(&'a str, &'a RouteTable),
    SecurityGroup(&'a str, &'a SecurityGroup),
    NatGateway(&'a str, &'a NatGateway),
    Peering(&'a Peering),
}

/// Every object of a plan the summary speaks of, by kind and ID (the first, when the plan
/// repeats an ID): one pass, so the summary of a large paste stays linear.
fn objects(plan: &Plan) -> HashMap<(Kind, &str), Obj<'_>> {
    let mut all = HashMap::new();
    for v in &plan.vpcs {
        all.entry((Kind::Vpc, v.id.as_str())).or_insert(Obj::Vpc(v));
        let at = v.id.as_str();
        for s in &v.vswitches {
            all.entry((Kind::VSwitch, s.id.as_str()))
                .or_insert(Obj::VSwitch(at, s));
        }
        for t in &v.route_tables {
            all.entry((Kind::RouteTable, t.id.as_str()))
                .or_insert(Obj::RouteTable(at, t));
        }
        for g in &v.security_groups {
            all.entry((Kind::SecurityGroup, g.id.as_str()))
                .or_insert(Obj::SecurityGroup(at, g));
        }
        for n in &v.nat_gateways {
            all.entry((Kind::NatGateway, n.id.as_str()))
                .or_insert(Obj::NatGateway(at, n));
        }
    }
    for p in &plan.peerings {
        all.entry((Kind::Peering, p.id.as_str()))
            .or_insert(Obj::Peering(p));
    }
    all
}

/// A vSwitch's `route_table` in words: absent means its VPC's system table.
fn table_name(t: &Option<String>) -> String {
    t.clone().unwrap_or_else(|| "system".to_owned())
}

/// What an imported object holds, in a few words.
fn describe(obj: &Obj) -> String {
    match obj {
        Obj::Vpc(v) if v.cidrs.is_empty() => "no CIDRs".to_owned(),
        Obj::Vpc(v) => v.cidrs.join(", "),
        Obj::VSwitch(_, s) => format!(
            "{}{}, {} route table, other_ips {}",
            s.cidr,
            s.zone
                .as_deref()
                .map_or_else(String::new, |z| format!(" in {z}")),
            table_name(&s.route_table),
            s.other_ips
        ),
        Obj::RouteTable(_, t) => format!(
            "{}, {}",
            t.kind.as_str(),
            plural(t.routes.len(), "route", "routes")
        ),
        Obj::SecurityGroup(_, g) => format!(
            "{}, {}",
            g.kind.as_str(),
            plural(g.egress.len(), "egress rule", "egress rules")
        ),
        Obj::NatGateway(_, n) => format!(
            "{}{}, EIPs [{}], {}",
            n.kind.as_str(),
            n.vswitch
                .as_deref()
                .map_or_else(String::new, |s| format!(" in {s}")),
            n.eips.join(", "),
            plural(n.snat_entries.len(), "SNAT entry", "SNAT entries")
        ),
        Obj::Peering(p) => format!("vpc_peer joining {}", p.vpcs.join(" and ")),
    }
}

/// What changed between two versions of one object.
fn differences(before: &Obj, after: &Obj) -> Vec<String> {
    let mut d = Vec::new();
    let mut field = |name: &str, a: String, b: String| {
        if a != b {
            d.push(format!("{name} {a} → {b}"));
        }
    };
    let moved = |a: &str, b: &str| (a != b).then(|| format!("moved from {a} to {b}"));
    match (before, after) {
        (Obj::Vpc(a), Obj::Vpc(b)) => field("cidrs", a.cidrs.join(", "), b.cidrs.join(", ")),
        (Obj::VSwitch(va, a), Obj::VSwitch(vb, b)) => {
            field("cidr", a.cidr.clone(), b.cidr.clone());
            field("zone", or_none(&a.zone), or_none(&b.zone));
            field(
                "route table",
                table_name(&a.route_table),
                table_name(&b.route_table),
            );
            field(
                "other_ips",
                a.other_ips.to_string(),
                b.other_ips.to_string(),
            );
            d.extend(moved(va, vb));
        }
        (Obj::RouteTable(va, a), Obj::RouteTable(vb, b)) => {
            field("kind", a.kind.as_str().into(), b.kind.as_str().into());
            let before: HashMap<&str, &crate::plan::Route> = (a.routes.iter().rev())
                .map(|r| (r.destination.as_str(), r))
                .collect();
            let added = (b.routes.iter())
                .filter(|r| !before.contains_key(r.destination.as_str()))
                .count();
            let changed = (b.routes.iter())
                .filter(|r| before.get(r.destination.as_str()).is_some_and(|o| o != r))
                .count();
            if added + changed > 0 {
                d.push(format!("routes: {added} added, {changed} changed"));
            }
            d.extend(moved(va, vb));
        }
        (Obj::SecurityGroup(va, a), Obj::SecurityGroup(vb, b)) => {
            field("kind", a.kind.as_str().into(), b.kind.as_str().into());
            if a.egress != b.egress {
                d.push(format!(
                    "egress rules replaced: {} → {}",
                    a.egress.len(),
                    b.egress.len()
                ));
            }
            d.extend(moved(va, vb));
        }
        (Obj::NatGateway(va, a), Obj::NatGateway(vb, b)) => {
            field("kind", a.kind.as_str().into(), b.kind.as_str().into());
            field("vswitch", or_none(&a.vswitch), or_none(&b.vswitch));
            field(
                "eips",
                format!("[{}]", a.eips.join(", ")),
                format!("[{}]", b.eips.join(", ")),
            );
            let added = (b.snat_entries.iter())
                .filter(|e| !a.snat_entries.iter().any(|o| o.source == e.source))
                .count();
            let changed = (b.snat_entries.iter())
                .filter(|e| (a.snat_entries.iter()).any(|o| o.source == e.source && o != *e))
                .count();
            if added + changed > 0 {
                d.push(format!("SNAT entries: {added} added, {changed} changed"));
            }
            d.extend(moved(va, vb));
        }
        (Obj::Peering(a), Obj::Peering(b)) => {
            field("vpcs", a.vpcs.join(", "), b.vpcs.join(", "));
            if a.kind != b.kind {
                d.push("kind → vpc_peer".to_owned());
            }
        }
        _ => {}
    }
    d
}

fn or_none(s: &Option<String>) -> String {
    s.clone().unwrap_or_else(|| "none".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vsw(id: &str) -> VSwitch {
        VSwitch {
            id: id.to_owned(),
            zone: None,
            cidr: "10.0.0.0/24".to_owned(),
            route_table: None,
            other_ips: 0,
        }
    }

    #[test]
    fn upsert_keeps_the_index_right_across_a_move() {
        let mut plan = Plan::empty();
        plan.vpcs.push(new_vpc("vpc-a", Vec::new()));
        plan.vpcs.push(new_vpc("vpc-b", Vec::new()));
        plan.vpcs[0].vswitches = vec![vsw("vsw-1"), vsw("vsw-2"), vsw("vsw-3")];
        let mut index = index_of(&plan, |v| &v.vswitches, |s| &s.id);
        let list: fn(&mut Vpc) -> &mut Vec<VSwitch> = |v| &mut v.vswitches;
        // Move the first to vpc-b, then update the third where it now is.
        upsert(&mut plan, &mut index, list, 1, "vsw-1", |old| old.unwrap());
        upsert(&mut plan, &mut index, list, 0, "vsw-3", |old| {
            let mut s = old.unwrap();
            s.other_ips = 9;
            s
        });
        upsert(&mut plan, &mut index, list, 1, "vsw-4", |old| {
            assert!(old.is_none());
            vsw("vsw-4")
        });
        let ids = |v: usize| -> Vec<(String, u64)> {
            (plan.vpcs[v].vswitches.iter())
                .map(|s| (s.id.clone(), s.other_ips))
                .collect()
        };
        assert_eq!(ids(0), [("vsw-2".to_owned(), 0), ("vsw-3".to_owned(), 9)]);
        assert_eq!(ids(1), [("vsw-1".to_owned(), 0), ("vsw-4".to_owned(), 0)]);
        assert_eq!(index["vsw-3"], (0, 1));
        assert_eq!(index["vsw-4"], (1, 1));
    }

    #[test]
    fn differences_name_each_changed_field() {
        let a = vsw("vsw-1");
        let mut b = a.clone();
        b.cidr = "10.0.1.0/24".to_owned();
        b.route_table = Some("vtb-1".to_owned());
        assert_eq!(
            differences(&Obj::VSwitch("vpc-a", &a), &Obj::VSwitch("vpc-b", &b)),
            [
                "cidr 10.0.0.0/24 → 10.0.1.0/24",
                "route table system → vtb-1",
                "moved from vpc-a to vpc-b"
            ]
        );
        assert!(differences(&Obj::VSwitch("vpc-a", &a), &Obj::VSwitch("vpc-a", &a)).is_empty());
    }
}
