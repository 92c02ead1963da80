//! `vpc DescribeVpcs` → VPCs: `CidrBlock` then the secondary and IPv6 blocks (`UserCidrs` are
//! user-declared ranges, not address space, and are ignored).

use serde_json::Value;

use crate::cloud::facts::{push_new, Facts, VpcFact};
use crate::cloud::read::{list, text, texts};
use crate::cloud::summary::{Kind, Said};

pub(super) fn map(v: &Value, facts: &mut Facts) -> usize {
    let items = list(v, "Vpcs", "Vpc");
    for vpc in &items {
        let Some(id) = text(vpc, "VpcId") else {
            facts.skip(Kind::Vpc, "?", Said::new("summary.skip.vpc_no_id"));
            continue;
        };
        facts.see_region(text(vpc, "RegionId"));
        let mut cidrs = Vec::new();
        cidrs.extend(text(vpc, "CidrBlock"));
        for c in texts(vpc, "SecondaryCidrBlocks", "SecondaryCidrBlock") {
            push_new(&mut cidrs, c);
        }
        for block in list(vpc, "Ipv6CidrBlocks", "Ipv6CidrBlock") {
            let c = match block {
                Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
                other => text(other, "Ipv6CidrBlock"),
            };
            cidrs.extend(c.filter(|c| !cidrs.contains(c)));
        }
        if let Some(c) = text(vpc, "Ipv6CidrBlock") {
            push_new(&mut cidrs, c);
        }
        let vrouter = text(vpc, "VRouterId");
        facts.vpcs.insert(id, VpcFact { cidrs, vrouter });
    }
    items.len()
}
