//! `vpc DescribeVSwitches` → vSwitches: zone, CIDR, the route table it uses, and the IPs the
//! cloud says are free (`AvailableIpAddressCount`, turned into `other_ips` by the merge).

use serde_json::Value;

use crate::cloud::facts::{table_kind, Facts, VSwitchFact};
use crate::cloud::read::{count, field, list, text};
use crate::cloud::summary::{Kind, Said};

pub(super) fn map(v: &Value, facts: &mut Facts) -> usize {
    let items = list(v, "VSwitches", "VSwitch");
    for s in &items {
        let Some(id) = text(s, "VSwitchId") else {
            facts.skip(Kind::VSwitch, "?", Said::new("summary.skip.vswitch_no_id"));
            continue;
        };
        let Some(vpc) = text(s, "VpcId") else {
            facts.skip(Kind::VSwitch, id, Said::new("summary.skip.no_vpc_id"));
            continue;
        };
        let cidr = match (text(s, "CidrBlock"), text(s, "Ipv6CidrBlock")) {
            (Some(v4), Some(v6)) => {
                facts.skip(
                    Kind::VSwitch,
                    &id,
                    Said::new("summary.skip.vswitch_ipv6")
                        .with("v6", &v6)
                        .with("v4", &v4),
                );
                v4
            }
            (Some(c), None) | (None, Some(c)) => c,
            (None, None) => {
                facts.skip(Kind::VSwitch, id, Said::new("summary.skip.no_cidr_block"));
                continue;
            }
        };
        let table = field(s, "RouteTable");
        facts.vswitches.insert(
            id,
            VSwitchFact {
                vpc,
                zone: text(s, "ZoneId"),
                cidr,
                table: table.and_then(|t| text(t, "RouteTableId")),
                table_kind: table_kind(table.and_then(|t| text(t, "RouteTableType"))),
                available: count(s, "AvailableIpAddressCount"),
            },
        );
    }
    items.len()
}
