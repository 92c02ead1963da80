//! `vpc DescribeEipAddresses` → the public IPs of NAT gateways (`InstanceType` `Nat`,
//! `InstanceId` the gateway). EIPs bound to anything else, or to nothing, are skipped.

use serde_json::Value;

use crate::cloud::facts::{push_new, Facts};
use crate::cloud::read::{is, list, text};
use crate::cloud::summary::{Kind, Said};

pub(super) fn map(v: &Value, facts: &mut Facts) -> usize {
    let items = list(v, "EipAddresses", "EipAddress");
    for e in &items {
        let Some(ip) = text(e, "IpAddress") else {
            let id = text(e, "AllocationId").unwrap_or_else(|| "?".to_owned());
            facts.skip(Kind::Eip, id, Said::new("summary.skip.no_ip_address"));
            continue;
        };
        let name = match text(e, "AllocationId") {
            Some(id) => format!("{id} ({ip})"),
            None => ip.clone(),
        };
        match (text(e, "InstanceType"), text(e, "InstanceId")) {
            (_, Some(nat)) if is(e, "InstanceType", "Nat") => {
                facts.see_region(text(e, "RegionId"));
                facts.eip_names.insert(ip.clone(), name);
                push_new(facts.nat_eips.entry(nat).or_default(), ip);
            }
            (_, None) => facts.skip(Kind::Eip, name, Said::new("summary.skip.eip_unbound")),
            (t, Some(instance)) => facts.skip(
                Kind::Eip,
                name,
                match t {
                    Some(t) => Said::new("summary.skip.eip_not_on_nat")
                        .with("type", t)
                        .with("instance", instance),
                    None => {
                        Said::new("summary.skip.eip_not_on_nat_untyped").with("instance", instance)
                    }
                },
            ),
        }
    }
    items.len()
}
