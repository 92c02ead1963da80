//! `vpc DescribeVSwitches` → vSwitches: zone, CIDR, the route table it uses, and the IPs the
//! cloud says are free (`AvailableIpAddressCount`, turned into `other_ips` by the merge).

use serde_json::Value;

use crate::cloud::facts::{table_kind, Facts, VSwitchFact};
use crate::cloud::read::{count, field, list, text};
use crate::cloud::summary::Kind;

pub(super) fn map(v: &Value, facts: &mut Facts) -> usize {
    let items = list(v, "VSwitches", "VSwitch");
    for s in &items {
        let Some(id) = text(s, "VSwitchId") else {
            facts.skip(Kind::VSwitch, "?", "a vSwitch without VSwitchId");
            continue;
        };
        let Some(vpc) = text(s, "VpcId") else {
            facts.skip(
                Kind::VSwitch,
                id,
                "no VpcId: cannot tell which VPC it is in",
            );
            continue;
        };
        let cidr = match (text(s, "CidrBlock"), text(s, "Ipv6CidrBlock")) {
            (Some(v4), Some(v6)) => {
                facts.skip(
                    Kind::VSwitch,
                    &id,
                    format!(
                        "its IPv6 CIDR {v6}: a vSwitch of the plan holds one CIDR, the IPv4 one {v4} is kept"
                    ),
                );
                v4
            }
            (Some(c), None) | (None, Some(c)) => c,
            (None, None) => {
                facts.skip(Kind::VSwitch, id, "no CidrBlock");
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
