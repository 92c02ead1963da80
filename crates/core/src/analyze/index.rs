//! Lookups the checks share: objects by ID (the first one wins after PLAN002), parsed CIDRs,
//! and the fields read from each service JSON.

use std::collections::HashMap;

use ipnet::IpNet;
use serde_json::Value;

use crate::addr::parse_cidr;
use crate::plan::{
    effective_networking, Networking, NetworkingSource, Plan, RouteTable, RouteTableKind,
    ServiceSpec,
};

/// Where an object sits in the plan: (VPC index, index in its list).
pub type Pos = (usize, usize);

/// One service, read once.
pub struct Svc {
    pub index: usize,
    pub name: String,
    pub instance: Option<i64>,
    pub resource: Option<String>,
    pub rolling_path: Option<&'static str>,
    pub max_surge: Option<Value>,
    pub max_unavailable: Option<Value>,
    pub autoscaler_min: Option<i64>,
    pub autoscaler_max: Option<i64>,
    /// `cloud.networking` as written (even when empty).
    pub own_networking: Option<Networking>,
    /// The networking the service uses, and where it comes from.
    pub networking: Option<(Networking, NetworkingSource)>,
}

impl Svc {
    /// JSON path of the service JSON in the plan.
    pub fn at(&self) -> String {
        format!("services[{}].service", self.index)
    }
}

pub struct Index<'p> {
    pub plan: &'p Plan,
    pub vpcs: HashMap<&'p str, usize>,
    pub vswitches: HashMap<&'p str, Pos>,
    pub route_tables: HashMap<&'p str, Pos>,
    pub security_groups: HashMap<&'p str, Pos>,
    pub nat_gateways: HashMap<&'p str, Pos>,
    pub peerings: HashMap<&'p str, usize>,
    pub resource_groups: HashMap<&'p str, usize>,
    /// Parsed (strict) CIDRs of each VPC, `None` where they do not parse.
    pub vpc_cidrs: Vec<Vec<Option<IpNet>>>,
    /// Parsed (strict) CIDR of each vSwitch, by VPC.
    pub vsw_cidrs: Vec<Vec<Option<IpNet>>>,
    pub services: Vec<Svc>,
}

fn first_wins<'p>(map: &mut HashMap<&'p str, Pos>, id: &'p str, pos: Pos) {
    map.entry(id).or_insert(pos);
}

impl<'p> Index<'p> {
    /// Builds the index. The plan must have passed `validate` (service JSON readable).
    pub fn new(plan: &'p Plan) -> Self {
        let mut ix = Index {
            plan,
            vpcs: HashMap::new(),
            vswitches: HashMap::new(),
            route_tables: HashMap::new(),
            security_groups: HashMap::new(),
            nat_gateways: HashMap::new(),
            peerings: HashMap::new(),
            resource_groups: HashMap::new(),
            vpc_cidrs: Vec::new(),
            vsw_cidrs: Vec::new(),
            services: Vec::new(),
        };
        for (v, vpc) in plan.vpcs.iter().enumerate() {
            ix.vpcs.entry(vpc.id.as_str()).or_insert(v);
            for (i, x) in vpc.vswitches.iter().enumerate() {
                first_wins(&mut ix.vswitches, &x.id, (v, i));
            }
            for (i, x) in vpc.route_tables.iter().enumerate() {
                first_wins(&mut ix.route_tables, &x.id, (v, i));
            }
            for (i, x) in vpc.security_groups.iter().enumerate() {
                first_wins(&mut ix.security_groups, &x.id, (v, i));
            }
            for (i, x) in vpc.nat_gateways.iter().enumerate() {
                first_wins(&mut ix.nat_gateways, &x.id, (v, i));
            }
            ix.vpc_cidrs
                .push(vpc.cidrs.iter().map(|c| parse_cidr(c).ok()).collect());
            ix.vsw_cidrs.push(
                (vpc.vswitches.iter())
                    .map(|s| parse_cidr(&s.cidr).ok())
                    .collect(),
            );
        }
        for (i, p) in plan.peerings.iter().enumerate() {
            ix.peerings.entry(p.id.as_str()).or_insert(i);
        }
        for (i, g) in plan.resource_groups.iter().enumerate() {
            ix.resource_groups.entry(g.id.as_str()).or_insert(i);
        }
        for (i, entry) in plan.services.iter().enumerate() {
            let value = entry.service.value().unwrap_or(Value::Null);
            let spec = ServiceSpec::read(&value, "").unwrap_or_default();
            let rolling = spec.rolling.as_ref();
            ix.services.push(Svc {
                index: i,
                name: (spec.name.map(str::to_owned)).unwrap_or_else(|| format!("services[{i}]")),
                instance: spec.instance,
                resource: spec.resource.map(str::to_owned),
                rolling_path: rolling.map(|r| r.path),
                max_surge: rolling.and_then(|r| r.max_surge.cloned()),
                max_unavailable: rolling.and_then(|r| r.max_unavailable.cloned()),
                autoscaler_min: spec.autoscaler_min,
                autoscaler_max: spec.autoscaler_max,
                own_networking: spec.networking.clone(),
                networking: effective_networking(plan, &spec),
            });
        }
        ix
    }

    /// The route table a vSwitch uses: its `route_table` (which must be a table of the same
    /// VPC, else PLAN003 and `None`), or its VPC's system table; `None` when unknown.
    pub fn route_table_of(&self, (v, i): Pos) -> Option<(Pos, &'p RouteTable)> {
        let vpc = &self.plan.vpcs[v];
        let found = match &vpc.vswitches[i].route_table {
            Some(id) => (vpc.route_tables.iter().enumerate()).find(|(_, t)| &t.id == id),
            None => (vpc.route_tables.iter().enumerate())
                .find(|(_, t)| t.kind == RouteTableKind::System),
        };
        found.map(|(t, table)| ((v, t), table))
    }

    /// The parsed CIDR of a vSwitch.
    pub fn vsw_cidr(&self, (v, i): Pos) -> Option<IpNet> {
        self.vsw_cidrs[v][i]
    }

    /// The region for commands: the plan's, or a placeholder.
    pub fn region(&self) -> &str {
        self.plan.region.as_deref().unwrap_or("<RegionId>")
    }

    /// The VPCs (indexes, in plan order) whose CIDRs contain a network.
    pub fn vpcs_containing(&self, net: &IpNet) -> Vec<usize> {
        (0..self.plan.vpcs.len())
            .filter(|&v| {
                self.vpc_cidrs[v]
                    .iter()
                    .flatten()
                    .any(|c| crate::addr::contains_net(c, net))
            })
            .collect()
    }
}
