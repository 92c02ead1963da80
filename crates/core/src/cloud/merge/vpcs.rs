//! VPCs: the paste's CIDRs replace the plan's. A VPC known only from a peering (the other
//! side, in another region or account) is added with the CIDRs the peering shows, which only
//! fill a VPC that has none: the VPC's own description is the better source.

use crate::cloud::facts::Facts;
use crate::cloud::summary::{Kind, Said};
use crate::plan::Vpc;

use super::Merge;

impl Merge<'_> {
    pub(super) fn vpcs(&mut self, facts: &Facts) {
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
                    self.log.origin.insert(
                        (Kind::Vpc, id.clone()),
                        Said::new("summary.origin.peering").with("peering", &f.peering),
                    );
                    self.plan.vpcs.push(new_vpc(id, f.cidrs.clone()));
                }
            }
        }
    }
}

/// A VPC holding nothing yet.
pub(super) fn new_vpc(id: &str, cidrs: Vec<String>) -> Vpc {
    Vpc {
        id: id.to_owned(),
        cidrs,
        vswitches: Vec::new(),
        route_tables: Vec::new(),
        security_groups: Vec::new(),
        nat_gateways: Vec::new(),
    }
}
