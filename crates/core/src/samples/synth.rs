//! Synthetic plans of a given size, for the benchmarks and the page's performance measurement.
//! Deterministic: the same scale gives the same plan.

use serde_json::json;

use crate::plan::{
    EgressRule, NatGateway, NatKind, Peering, PeeringKind, Plan, Policy, Protocol, Route,
    RouteTable, RouteTableKind, SecurityGroup, SecurityGroupKind, ServiceEntry, ServiceJson,
    SnatEntry, Target, VSwitch, Vpc,
};

/// A plan shaped like a large production account, times `scale`: per 1× there are 5 VPCs of
/// 150 vSwitches, 300 services, 10 route tables of 200 routes, 5 NAT gateways of 100 SNAT
/// entries, 5 security groups of 200 egress rules, and peerings from the first VPC to the
/// others. Each service needs the internet and has a private target in a peered VPC and a
/// public one.
///
/// # Examples
/// ```
/// let plan = easnet_core::samples::synth::large_plan(1);
/// assert_eq!(plan.vpcs.len(), 5);
/// assert_eq!(plan.vpcs.iter().map(|v| v.vswitches.len()).sum::<usize>(), 750);
/// assert_eq!(plan.services.len(), 300);
/// assert!(easnet_core::samples::synth::large_plan(0).vpcs.is_empty());
/// ```
pub fn large_plan(scale: usize) -> Plan {
    let vpc_count = 5 * scale;
    let mut plan = Plan::empty();
    plan.region = Some("cn-hangzhou".to_owned());
    for v in 0..vpc_count {
        // 10.0.0.0/8 holds 256 /16s; beyond that, 172.16.0.0/12 and friends are not needed:
        // the second octet and a third-level split keep every VPC distinct.
        let (a, b) = (10 + v / 256, v % 256);
        let id = format!("vpc-s{v}");
        let vswitches: Vec<VSwitch> = (0..150)
            .map(|j| VSwitch {
                id: format!("vsw-s{v}-{j}"),
                zone: Some(format!("cn-hangzhou-{}", ["h", "i", "j"][j % 3])),
                cidr: format!("{a}.{b}.{j}.0/24"),
                route_table: (j % 2 == 1).then(|| format!("vtb-s{v}-custom")),
                other_ips: (j % 7) as u64,
            })
            .collect();
        let nat = format!("ngw-s{v}");
        let routes = |kind: &str| -> Vec<Route> {
            let mut routes = vec![Route {
                destination: "0.0.0.0/0".into(),
                next_hop_type: "NatGateway".into(),
                next_hop_id: Some(nat.clone()),
            }];
            routes.extend((1..200).map(|r| Route {
                destination: format!("172.{}.{}.0/24", 16 + r / 256, r % 256),
                next_hop_type: if r % 2 == 0 {
                    "VpcPeer".into()
                } else {
                    kind.into()
                },
                next_hop_id: Some(if r % 2 == 0 {
                    format!("pcc-s{}", v.max(1))
                } else {
                    format!("i-s{v}-{r}")
                }),
            }));
            if v > 0 {
                routes.push(Route {
                    destination: "10.0.0.0/16".into(),
                    next_hop_type: "VpcPeer".into(),
                    next_hop_id: Some(format!("pcc-s{v}")),
                });
            } else {
                routes.extend((1..vpc_count).map(|p| Route {
                    destination: format!("{}.{}.0.0/16", 10 + p / 256, p % 256),
                    next_hop_type: "VpcPeer".into(),
                    next_hop_id: Some(format!("pcc-s{p}")),
                }));
            }
            routes
        };
        let route_tables = vec![
            RouteTable {
                id: format!("vtb-s{v}-sys"),
                kind: RouteTableKind::System,
                routes: routes("Instance"),
            },
            RouteTable {
                id: format!("vtb-s{v}-custom"),
                kind: RouteTableKind::Custom,
                routes: routes("HaVip"),
            },
        ];
        let egress: Vec<EgressRule> = (0..200)
            .map(|r| EgressRule {
                policy: if r % 10 == 9 {
                    Policy::Drop
                } else {
                    Policy::Accept
                },
                priority: 1 + (r % 100) as i64,
                protocol: if r % 3 == 0 {
                    Protocol::Udp
                } else {
                    Protocol::Tcp
                },
                port_range: Some(format!("{}/{}", 1000 + r, 1000 + r)),
                destination: format!("192.168.{}.0/24", r % 256),
            })
            .collect();
        let eips: Vec<String> = (0..4)
            .map(|e| format!("47.{}.{}.{}", 96 + v / 256, v % 256, 10 + e))
            .collect();
        let snat_entries: Vec<SnatEntry> = (0..100)
            .map(|e| SnatEntry {
                source: format!("vsw-s{v}-{}", e * 3 / 2),
                snat_ips: vec![eips[e % 4].clone()],
                id: None,
            })
            .collect();
        plan.vpcs.push(Vpc {
            id,
            cidrs: vec![format!("{a}.{b}.0.0/16")],
            vswitches,
            route_tables,
            security_groups: vec![SecurityGroup {
                id: format!("sg-s{v}"),
                kind: SecurityGroupKind::Basic,
                egress,
            }],
            nat_gateways: vec![NatGateway {
                id: nat,
                kind: NatKind::Internet,
                vswitch: Some(format!("vsw-s{v}-0")),
                snat_table_id: None,
                eips,
                snat_entries,
            }],
        });
        if v > 0 {
            plan.peerings.push(Peering {
                id: format!("pcc-s{v}"),
                kind: PeeringKind::VpcPeer,
                vpcs: vec!["vpc-s0".into(), format!("vpc-s{v}")],
            });
        }
    }
    for s in 0..300 * scale {
        let Some(v) = (vpc_count > 0).then_some(s % vpc_count) else {
            break;
        };
        let j = (s / vpc_count) % 150;
        let peer = if v == 0 { 1 % vpc_count } else { 0 };
        let (pa, pb) = (10 + peer / 256, peer % 256);
        let service = json!({
            "metadata": {"name": format!("svc-{s}"), "instance": 2 + s % 5,
                         "rolling_strategy": {"max_surge": if s % 2 == 0 { json!("20%") } else { json!(1) }}},
            "autoscaler": {"min": 1, "max": 4 + s % 9},
            "cloud": {"networking": {"vpc_id": format!("vpc-s{v}"), "vswitch_id": format!("vsw-s{v}-{j}"), "security_group_id": format!("sg-s{v}")}}
        });
        plan.services.push(ServiceEntry {
            service: ServiceJson::from_value(&service),
            needs_internet: true,
            targets: vec![
                Target {
                    name: Some("db".into()),
                    address: format!("{pa}.{pb}.{}.10", j % 150),
                    port: Some(3306),
                    protocol: Protocol::Tcp,
                    whitelist: Some(vec![format!("{}.{}.{j}.0/24", 10 + v / 256, v % 256)]),
                    kind: None,
                    instance_id: None,
                },
                Target {
                    name: Some("hub".into()),
                    address: format!("203.0.{}.{}", s % 256, 1 + s % 200),
                    port: Some(443),
                    protocol: Protocol::Tcp,
                    whitelist: None,
                    kind: None,
                    instance_id: None,
                },
            ],
        });
    }
    plan
}
