//! Route tables and their routes. A table goes to the VPC the paste names (directly, through
//! its VRouter, or through a vSwitch it serves); a VPC has one system table, so a second one
//! refuses the whole import. Routes are merged by destination, and the plan's other routes
//! stay: the paste may hold only some of a table's pages.

use rustc_hash::FxHashMap as HashMap;

use crate::cloud::facts::Facts;
use crate::cloud::summary::{Kind, Said};
use crate::cloud::{CloudError, CloudErrorKind};
use crate::plan::{RouteTable, RouteTableKind};

use super::by_id::{index_of, upsert};
use super::Merge;

impl Merge<'_> {
    pub(super) fn route_tables(&mut self, facts: &Facts) -> Result<(), CloudError> {
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
                                Said::new("summary.skip.table_vpc_unknown"),
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
                        Said::new("cloud_error.two_system_tables")
                            .with("vpc", &vpc_obj.id)
                            .with("id", id)
                            .with("other", &other.id),
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

    pub(super) fn routes(&mut self, facts: &Facts) {
        let index = index_of(&self.plan, |v| &v.route_tables, |t| &t.id);
        for (tid, routes) in &facts.routes {
            let Some(&(v, i)) = index.get(tid) else {
                self.skip(
                    Kind::Route,
                    tid,
                    Said::new("summary.skip.routes_table_missing").counted(routes.len()),
                );
                continue;
            };
            self.touch(Kind::RouteTable, tid);
            let table = &mut self.plan.vpcs[v].route_tables[i];
            let mut at: HashMap<String, usize> = HashMap::default();
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
}
