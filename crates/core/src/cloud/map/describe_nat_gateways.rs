//! `vpc DescribeNatGateways` → NAT gateways: kind (`NetworkType` internet → internet,
//! intranet → vpc), the vSwitch (`NatGatewayPrivateInfo.VswitchId`, lower-case s), the public
//! IPs of `IpLists.IpList[]`, and the SNAT table IDs that tie SNAT entries to the gateway (the
//! first is the plan's `snat_table_id`, what `CreateSnatEntry` needs).
//! A VPC NAT gateway's IPs are private NAT IPs, not EIPs: skipped.

use serde_json::Value;

use crate::cloud::facts::{push_new, Facts, NatFact};
use crate::cloud::read::{field, list, text, texts};
use crate::cloud::summary::{Kind, Said};
use crate::plan::NatKind;

pub(super) fn map(v: &Value, facts: &mut Facts) -> usize {
    let items = list(v, "NatGateways", "NatGateway");
    for n in &items {
        let Some(id) = text(n, "NatGatewayId") else {
            facts.skip(Kind::NatGateway, "?", Said::new("summary.skip.nat_no_id"));
            continue;
        };
        let Some(vpc) = text(n, "VpcId") else {
            facts.skip(Kind::NatGateway, id, Said::new("summary.skip.no_vpc_id"));
            continue;
        };
        // Gateways from before VPC NAT gateways existed may not say: they are internet ones.
        let kind = match text(n, "NetworkType").map(|t| t.to_ascii_lowercase()) {
            None => NatKind::Internet,
            Some(t) if t == "internet" => NatKind::Internet,
            Some(t) if t == "intranet" => NatKind::Vpc,
            Some(other) => {
                facts.skip(
                    Kind::NatGateway,
                    id,
                    Said::new("summary.skip.nat_network_type").with("type", other),
                );
                continue;
            }
        };
        facts.see_region(text(n, "RegionId"));
        let vswitch = field(n, "NatGatewayPrivateInfo").and_then(|p| text(p, "VswitchId"));
        let mut ips = Vec::new();
        for ip in list(n, "IpLists", "IpList") {
            let addr = match ip {
                Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
                other => text(other, "IpAddress"),
            };
            if let Some(addr) = addr {
                push_new(&mut ips, addr);
            }
        }
        let eips = match kind {
            NatKind::Internet => field(n, "IpLists").map(|_| ips),
            NatKind::Vpc => {
                if !ips.is_empty() {
                    facts.skip(
                        Kind::Eip,
                        &id,
                        Said::new("summary.skip.vpc_nat_ips").with("ips", ips.join(", ")),
                    );
                }
                None
            }
        };
        let snat_tables = texts(n, "SnatTableIds", "SnatTableId");
        facts.nats.insert(
            id,
            NatFact {
                vpc,
                kind,
                vswitch,
                eips,
                snat_tables,
            },
        );
    }
    items.len()
}
