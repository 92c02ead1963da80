//! The analyzer on arbitrary plans: structured plans with small random CIDRs (some with host
//! bits, some garbage), references drawn from a small pool of IDs (so they sometimes resolve
//! and sometimes dangle), random routes, rules, SNAT entries, targets and whitelists.
//!
//! Whatever the plan, the analyzer does not panic; its findings are sorted by severity, code and
//! subject, appear once, use only rules.md's codes with their severities, carry a message, a
//! fix and an `at` that is a path of the plan; and the same plan gives the same report.

use std::collections::HashSet;

use easnet_core::analyze::{analyze, analyze_text, Report};
use easnet_core::plan::parse_plan;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::{json, Map, Value};

mod common;
use common::{at_exists, documented_codes};

fn pick(items: &'static [&'static str]) -> BoxedStrategy<String> {
    select(items).prop_map(str::to_owned).boxed()
}

fn garbage() -> BoxedStrategy<String> {
    prop_oneof![
        pick(&[
            "",
            "x",
            "10.0.0.0/33",
            "10.0.1.5/24",
            "10.0.0.0/8/8",
            "ü/∞",
            "0.0.0.0/O",
            " 10.0.1.0/24",
            "::/0",
            "fd00::/64",
            "2408:4000:1000::/56",
        ]),
        "[0-9a-z./:-]{0,14}",
    ]
    .boxed()
}

fn cidr() -> BoxedStrategy<String> {
    let prefixes: &[u8] = &[0, 8, 12, 16, 20, 24, 25, 28, 29, 30, 32];
    prop_oneof![
        10 => (0u8..3, 0u8..4, select(prefixes)).prop_map(|(a, b, p)| format!("10.{a}.{b}.0/{p}")),
        5 => pick(&[
            "0.0.0.0/0",
            "10.0.0.0/16",
            "10.0.1.0/24",
            "100.64.0.0/10",
            "172.16.0.0/12",
            "192.168.1.0/24",
            "203.0.113.0/24",
        ]),
        1 => garbage(),
    ]
    .boxed()
}

fn addr() -> BoxedStrategy<String> {
    prop_oneof![
        6 => (0u8..3, 0u8..4, 0u8..=255).prop_map(|(a, b, c)| format!("10.{a}.{b}.{c}")),
        4 => pick(&[
            "47.96.1.10",
            "47.96.1.11",
            "203.0.113.5",
            "8.8.8.8",
            "172.20.0.5",
            "192.168.7.20",
            "2400:3200::1",
        ]),
        1 => garbage(),
    ]
    .boxed()
}

/// EIPs and SNAT IPs: mostly two addresses, so that they often match.
fn public_ip() -> BoxedStrategy<String> {
    prop_oneof![3 => pick(&["47.96.1.10", "47.96.1.11"]), 1 => addr()].boxed()
}

const VPCS: &[&str] = &["vpc-a", "vpc-b", "vpc_c"];
const VSWS: &[&str] = &["vsw-a", "vsw-b", "vsw-c", "vsw-"];
const SGS: &[&str] = &["sg-a", "sg-b", "sg x"];
const VTBS: &[&str] = &["vtb-a", "vtb-b"];
const NGWS: &[&str] = &["ngw-a", "ngw-b"];
const RGS: &[&str] = &["eas-r-a", "eas-r-b", "gpu"];

/// An object of the given fields, leaving out the absent ones.
fn obj(fields: Vec<(&str, Option<Value>)>) -> Value {
    let map: Map<String, Value> = (fields.into_iter())
        .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
        .collect();
    Value::Object(map)
}

fn vswitch() -> impl Strategy<Value = Value> {
    // Mostly no route_table: the VPC's system table.
    let table = prop_oneof![2 => Just(None), 1 => pick(VTBS).prop_map(Some)];
    (pick(VSWS), cidr(), table, of(0u64..300)).prop_map(|(id, cidr, table, other)| {
        obj(vec![
            ("id", Some(json!(id))),
            ("cidr", Some(json!(cidr))),
            ("route_table", table.map(Value::from)),
            ("other_ips", other.map(Value::from)),
        ])
    })
}

fn route() -> impl Strategy<Value = Value> {
    // Weighted by repetition: mostly to NAT gateways, so that internet paths get far.
    let types = &[
        "NatGateway",
        "NatGateway",
        "NatGateway",
        "natgateway",
        "VpcPeer",
        "Attachment",
        "Instance",
        "Bogus",
    ];
    let hops = &["ngw-a", "ngw-a", "ngw-a", "ngw-b", "pcc-a", "pcc-b", "i-x"];
    let dest = prop_oneof![
        3 => Just("0.0.0.0/0".to_owned()),
        1 => Just("10.1.0.0/16".to_owned()),
        2 => cidr(),
    ];
    (dest, pick(types), of(pick(hops))).prop_map(|(dest, kind, hop)| {
        obj(vec![
            ("destination", Some(json!(dest))),
            ("next_hop_type", Some(json!(kind))),
            ("next_hop_id", hop.map(Value::from)),
        ])
    })
}

fn route_table() -> impl Strategy<Value = Value> {
    let kinds = prop_oneof![3 => Just("custom"), 1 => Just("system")];
    (pick(VTBS), kinds, vec(route(), 0..4))
        .prop_map(|(id, kind, routes)| json!({"id": id, "kind": kind, "routes": routes}))
}

fn rule() -> impl Strategy<Value = Value> {
    let ports = &[
        "-1/-1",
        "443/443",
        "1/65535",
        "3306/3306",
        "80/443",
        "443/80",
        "x",
    ];
    let protocols = &["tcp", "udp", "icmp", "gre", "all"];
    (
        pick(&["accept", "drop"]),
        of(-1i64..103),
        pick(protocols),
        of(pick(ports)),
        cidr(),
    )
        .prop_map(|(policy, priority, protocol, ports, dest)| {
            obj(vec![
                ("policy", Some(json!(policy))),
                ("priority", priority.map(Value::from)),
                ("protocol", Some(json!(protocol))),
                ("port_range", ports.map(Value::from)),
                ("destination", Some(json!(dest))),
            ])
        })
}

fn security_group() -> impl Strategy<Value = Value> {
    (pick(SGS), pick(&["basic", "enterprise"]), vec(rule(), 0..4))
        .prop_map(|(id, kind, egress)| json!({"id": id, "kind": kind, "egress": egress}))
}

fn nat() -> impl Strategy<Value = Value> {
    let source = prop_oneof![pick(VSWS), cidr()];
    let entry = (source, vec(public_ip(), 0..3))
        .prop_map(|(source, ips)| json!({"source": source, "snat_ips": ips}));
    (
        pick(NGWS),
        pick(&["internet", "internet", "internet", "vpc"]),
        of(pick(VSWS)),
        vec(public_ip(), 0..3),
        vec(entry, 0..3),
    )
        .prop_map(|(id, kind, vsw, eips, entries)| {
            obj(vec![
                ("id", Some(json!(id))),
                ("kind", Some(json!(kind))),
                ("vswitch", vsw.map(Value::from)),
                ("eips", Some(json!(eips))),
                ("snat_entries", Some(json!(entries))),
            ])
        })
}

fn vpc() -> impl Strategy<Value = Value> {
    (
        pick(VPCS),
        vec(cidr(), 0..3),
        vec(vswitch(), 1..4),
        vec(route_table(), 0..3),
        vec(security_group(), 1..3),
        vec(nat(), 0..3),
    )
        .prop_map(|(id, cidrs, vsws, tables, groups, nats)| {
            json!({"id": id, "cidrs": cidrs, "vswitches": vsws, "route_tables": tables,
                   "security_groups": groups, "nat_gateways": nats})
        })
}

/// One vSwitch ID, or a list of them as EAS reads `vswitch_id` (`"vsw-a, vsw-b"`).
fn vswitch_ids() -> BoxedStrategy<String> {
    prop_oneof![
        3 => pick(VSWS),
        2 => vec(pick(VSWS), 0..4).prop_map(|ids| ids.join(", ")),
    ]
    .boxed()
}

fn networking() -> impl Strategy<Value = Value> {
    let route = of(pick(&["eth0", "eth1", ""]));
    let destinations = of(vec(cidr(), 0..3).prop_map(|c| c.join(",")));
    (
        (of(pick(VPCS)), of(vswitch_ids()), of(pick(SGS))),
        (route, destinations),
    )
        .prop_map(|((vpc, vsw, sg), (route, destinations))| {
            obj(vec![
                ("vpc_id", vpc.map(Value::from)),
                ("vswitch_id", vsw.map(Value::from)),
                ("security_group_id", sg.map(Value::from)),
                ("default_route", route.map(Value::from)),
                ("destination_cidrs", destinations.map(Value::from)),
            ])
        })
}

fn surge() -> impl Strategy<Value = Value> {
    select(vec![
        json!(2),
        json!(0),
        json!("20%"),
        json!("120%"),
        json!(-1),
        json!(1.5),
        json!("x"),
        Value::Null,
    ])
}

fn target() -> impl Strategy<Value = Value> {
    let entry = prop_oneof![cidr(), addr(), public_ip()];
    (
        of(pick(&["db", "hub", "db"])),
        addr(),
        prop_oneof![9 => (1u64..65536).prop_map(Some), 1 => Just(None)],
        pick(&["tcp", "udp", "icmp", "all"]),
        of(vec(entry, 0..4)),
    )
        .prop_map(|(name, address, port, protocol, whitelist)| {
            obj(vec![
                ("name", name.map(Value::from)),
                ("address", Some(json!(address))),
                ("port", port.map(Value::from)),
                ("protocol", Some(json!(protocol))),
                ("whitelist", whitelist.map(Value::from)),
            ])
        })
}

fn service() -> impl Strategy<Value = Value> {
    (
        pick(&["llm", "embed", "llm"]),
        of(-2i64..300),
        of(pick(RGS)),
        of((surge(), surge())),
        of((-1i64..5, -1i64..300)),
        of(networking()),
        any::<bool>(),
        (
            vec(target(), 0..3),
            of(prop_oneof![9 => 1i64..4, 1 => Just(0i64)]),
        ),
    )
        .prop_map(
            |(name, instance, rg, rolling, auto, net, internet, (targets, unit))| {
                let rolling = rolling.map(|(s, u)| json!({"max_surge": s, "max_unavailable": u}));
                let metadata = obj(vec![
                    ("name", Some(json!(name))),
                    ("instance", instance.map(Value::from)),
                    ("resource", rg.map(Value::from)),
                    ("rolling_strategy", rolling),
                ]);
                let service = obj(vec![
                    ("metadata", Some(metadata)),
                    (
                        "autoscaler",
                        auto.map(|(min, max)| json!({"min": min, "max": max})),
                    ),
                    ("cloud", net.map(|n| json!({"networking": n}))),
                    ("unit", unit.map(|size| json!({"size": size}))),
                ]);
                json!({"service": service, "needs_internet": internet, "targets": targets})
            },
        )
}

fn plan() -> impl Strategy<Value = Value> {
    let pair = prop_oneof![
        4 => Just(["vpc-a", "vpc-b"]),
        2 => Just(["vpc-b", "vpc-a"]),
        1 => Just(["vpc-a", "vpc_c"]),
        1 => Just(["vpc-a", "vpc-a"]),
    ];
    let peering = (pick(&["pcc-a", "pcc-b"]), pick(&["vpc_peer", "cen"]), pair)
        .prop_map(|(id, kind, vpcs)| json!({"id": id, "kind": kind, "vpcs": vpcs}));
    let group = (pick(RGS), of(networking()))
        .prop_map(|(id, net)| obj(vec![("id", Some(json!(id))), ("networking", net)]));
    let placing = (
        0u8..4,
        any::<Index>(),
        any::<Index>(),
        any::<Index>(),
        any::<u8>(),
        any::<u8>(),
    );
    (
        of(select(vec![0.5, 0.8, 1.0])),
        vec(vpc(), 1..3),
        vec(peering, 0..2),
        vec(group, 0..2),
        vec(service(), 0..3),
        vec(placing, 3..4),
        0u8..4,
    )
        .prop_map(
            |(threshold, mut vpcs, peerings, groups, mut services, placing, dedupe)| {
                // Small ID pools make duplicates (PLAN002) common: usually rename them, so that
                // references mostly resolve where they seem to.
                if dedupe > 0 {
                    rename_duplicates(&mut vpcs);
                }
                // Most services get networking that holds together (a VPC of the plan, one of its
                // vSwitches and groups), so that their paths are traced; some of those also get
                // a route to an internet NAT gateway, so that the SNAT and EIP steps are reached.
                let mut joined = false;
                for (svc, (roll, v, w, g, variant, far)) in services.iter_mut().zip(placing) {
                    if roll == 0 {
                        continue;
                    }
                    let v = v.index(vpcs.len());
                    if let Some((net, w)) = coherent_networking(&vpcs[v], w, g) {
                        svc["service"]["cloud"] = json!({"networking": net});
                        if roll == 3 {
                            add_internet_path(&mut vpcs[v], w, variant);
                            add_public_target(svc, far);
                        }
                        if roll >= 2 && vpcs.len() == 2 && !joined {
                            joined = add_far_target(&mut vpcs, v, w, svc, far);
                        }
                    }
                }
                let mut peerings = peerings;
                for svc in services.iter_mut() {
                    if let Some(p) = svc.as_object_mut().and_then(|o| o.remove("__peering")) {
                        peerings.push(p);
                    }
                }
                obj(vec![
                    ("version", Some(json!(1))),
                    ("region", Some(json!("cn-hangzhou"))),
                    ("utilization_warning", threshold.map(Value::from)),
                    ("vpcs", Some(json!(vpcs))),
                    ("peerings", Some(json!(peerings))),
                    ("resource_groups", Some(json!(groups))),
                    ("services", Some(json!(services))),
                ])
            },
        )
}

/// Appends `-2`, `-3`… to the second and later objects of a kind with the same ID.
fn rename_duplicates(vpcs: &mut [Value]) {
    let mut seen: HashSet<String> = HashSet::new();
    let mut rename = |obj: &mut Value| {
        let Some(id) = obj["id"].as_str().map(str::to_owned) else {
            return;
        };
        let mut new = id.clone();
        let mut n = 1;
        while !seen.insert(new.clone()) {
            n += 1;
            new = format!("{id}-{n}");
        }
        obj["id"] = json!(new);
    };
    for vpc in vpcs.iter_mut() {
        rename(vpc);
        for key in [
            "vswitches",
            "route_tables",
            "security_groups",
            "nat_gateways",
        ] {
            for obj in vpc[key].as_array_mut().into_iter().flatten() {
                rename(obj);
            }
        }
    }
}

/// `{vpc_id, vswitch_id, security_group_id}` of a VPC, one of its vSwitches (whose index is
/// returned too) and, when it has one, one of its security groups.
fn coherent_networking(vpc: &Value, w: Index, g: Index) -> Option<(Value, usize)> {
    let vsws = vpc["vswitches"].as_array().filter(|l| !l.is_empty())?;
    let w = w.index(vsws.len());
    let groups = vpc["security_groups"].as_array().filter(|l| !l.is_empty());
    let net = obj(vec![
        ("vpc_id", Some(vpc["id"].clone())),
        ("vswitch_id", Some(vsws[w]["id"].clone())),
        ("security_group_id", groups.map(|l| g.get(l)["id"].clone())),
    ]);
    Some((net, w))
}

/// Gives vSwitch `w` of the VPC a custom table whose default route goes to a new internet NAT
/// gateway, with an SNAT entry, its IPs and a second entry varying with `variant`.
fn add_internet_path(vpc: &mut Value, w: usize, variant: u8) {
    let vsw = &mut vpc["vswitches"][w];
    vsw["route_table"] = json!("vtb-out");
    let (id, cidr) = (vsw["id"].clone(), vsw["cidr"].clone());
    let source = [id.clone(), cidr, json!("10.0.0.0/16"), json!("10.9.0.0/16")];
    let ips = [
        json!(["47.96.1.10"]),
        json!([]),
        json!(["47.96.1.11"]),
        json!(["x"]),
    ];
    let mut entries = vec![json!({
        "source": source[usize::from(variant % 4)],
        "snat_ips": ips[usize::from(variant / 4 % 4)],
    })];
    if variant / 16 % 2 == 1 {
        entries.push(json!({"source": "10.0.0.0/8", "snat_ips": ["47.96.1.10"]}));
    }
    let tables = vpc["route_tables"].as_array_mut();
    let table = json!({"id": "vtb-out", "kind": "custom", "routes": [
        {"destination": "0.0.0.0/0", "next_hop_type": "NatGateway", "next_hop_id": "ngw-out"}]});
    if let Some(tables) = tables {
        tables.push(table);
    }
    let nat = json!({"id": "ngw-out", "kind": "internet", "eips": ["47.96.1.10"],
                     "snat_entries": entries});
    if let Some(nats) = vpc["nat_gateways"].as_array_mut() {
        nats.push(nat);
    }
}

/// A public target whose whitelist varies with `variant`.
fn add_public_target(svc: &mut Value, variant: u8) {
    let lists = [
        json!(["47.96.1.10"]),
        json!([]),
        json!(["47.96.1.11"]),
        Value::Null,
    ];
    let target = json!({"name": "hub", "address": "203.0.113.5", "port": 443,
                        "whitelist": lists[usize::from(variant % 4)]});
    if let Some(targets) = svc["targets"].as_array_mut() {
        targets.push(target);
    }
}

/// A target in the other VPC (in a secondary CIDR of its own), a peering or CEN between the
/// two, and routes there and back that vary with `variant`. Returns whether it was added.
fn add_far_target(vpcs: &mut [Value], v: usize, w: usize, svc: &mut Value, variant: u8) -> bool {
    let far = 1 - v;
    let (Some(here), Some(there)) = (vpcs[v]["id"].as_str(), vpcs[far]["id"].as_str()) else {
        return false;
    };
    let (here, there) = (here.to_owned(), there.to_owned());
    let kind = if variant & 1 == 0 { "vpc_peer" } else { "cen" };
    let hop_type = |bit: u8| match (variant >> bit & 1, kind) {
        (0, "vpc_peer") => "VpcPeer",
        (0, _) => "Attachment",
        (_, _) => "Instance",
    };
    let src = vpcs[v]["vswitches"][w]["cidr"].clone();
    let there_route = json!({"destination": "172.31.0.0/16", "next_hop_type": hop_type(1),
                             "next_hop_id": "pcc-far"});
    let back_dest = if variant >> 3 & 1 == 0 {
        json!("10.0.0.0/8")
    } else {
        src
    };
    let back_route = json!({"destination": back_dest, "next_hop_type": hop_type(2),
                            "next_hop_id": "pcc-far"});
    if let Some(cidrs) = vpcs[far]["cidrs"].as_array_mut() {
        cidrs.push(json!("172.31.0.0/16"));
    }
    if let Some(vsws) = vpcs[far]["vswitches"].as_array_mut() {
        vsws.push(json!({"id": "vsw-far", "cidr": "172.31.1.0/24", "route_table": "vtb-far"}));
    }
    if let Some(tables) = vpcs[far]["route_tables"].as_array_mut() {
        tables.push(json!({"id": "vtb-far", "routes": [back_route]}));
    }
    // The way there: in the service vSwitch's own table when it names one.
    let table = vpcs[v]["vswitches"][w]["route_table"].clone();
    if let Some(tables) = vpcs[v]["route_tables"].as_array_mut() {
        let own = tables
            .iter_mut()
            .find(|t| t["id"] == table || (table.is_null() && t["kind"] == "system"));
        if let Some(routes) = own.and_then(|t| t["routes"].as_array_mut()) {
            routes.push(there_route);
        }
    }
    let lists = [
        json!(["10.0.0.0/8"]),
        json!([]),
        Value::Null,
        json!(["10.0.1.7"]),
    ];
    let target = json!({"name": "far", "address": "172.31.1.9", "port": 5432,
                        "whitelist": lists[usize::from(variant >> 4 & 3)]});
    if let Some(targets) = svc["targets"].as_array_mut() {
        targets.push(target);
    }
    // Mostly joined (the plan takes the peering from the service afterwards); sometimes not.
    if variant >> 6 != 0 {
        svc["__peering"] = json!({"id": "pcc-far", "kind": kind, "vpcs": [here, there]});
    }
    true
}

fn of<S: Strategy>(s: S) -> impl Strategy<Value = Option<S::Value>> {
    proptest::option::of(s)
}

fn vec<S: Strategy>(s: S, size: std::ops::Range<usize>) -> impl Strategy<Value = Vec<S::Value>> {
    proptest::collection::vec(s, size)
}

/// Every property a report must have, for the plan it came from (`None`: not JSON).
fn check(report: &Report, plan: Option<&Value>) -> Result<(), TestCaseError> {
    let findings = &report.findings;
    let key = |i: usize| {
        let f = &findings[i];
        (f.severity, f.code.as_str(), f.subject.as_str())
    };
    for i in 1..findings.len() {
        prop_assert!(
            key(i - 1) <= key(i),
            "not sorted: {:?} then {:?}",
            key(i - 1),
            key(i)
        );
    }
    let mut seen = HashSet::new();
    for f in findings {
        // Against the document, not the registry that set the severity.
        let documented = documented_codes()
            .iter()
            .find(|d| d.code == f.code.as_str());
        prop_assert!(documented.is_some(), "unknown code {}", f.code);
        prop_assert_eq!(
            f.severity.as_str(),
            documented.map_or("", |d| d.severity.as_str()),
            "{}",
            f.code
        );
        prop_assert!(
            seen.insert((&f.code, &f.subject, &f.message)),
            "twice: {} {} {}",
            f.code,
            f.subject,
            f.message
        );
        prop_assert!(!f.message.trim().is_empty(), "{} without a message", f.code);
        prop_assert!(!f.fix.trim().is_empty(), "{} without a fix", f.code);
        let at = f.at.as_deref();
        prop_assert!(at.is_some(), "{} {} without `at`", f.code, f.subject);
        if let (Some(plan), Some(at)) = (plan, at) {
            prop_assert!(
                at_exists(plan, f.code.as_str(), at),
                "{} {}: at {} is not a path of the plan",
                f.code,
                f.subject,
                at
            );
        }
    }
    // PLAN001 stops everything.
    if findings.iter().any(|f| f.code == "PLAN001") {
        prop_assert!(findings.iter().all(|f| f.code == "PLAN001"));
        prop_assert!(report.capacity.is_empty() && report.paths.is_empty());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_structured_plan_gives_a_clean_deterministic_report(plan in plan()) {
        let text = serde_json::to_string(&plan).expect("a JSON value serializes");
        let report = analyze_text(&text);
        check(&report, Some(&plan))?;
        prop_assert_eq!(&report, &analyze_text(&text), "not deterministic");
        if let Ok(parsed) = parse_plan(&text) {
            prop_assert_eq!(&report, &analyze(&parsed), "analyze and analyze_text differ");
        }
    }

    #[test]
    fn any_text_gives_a_clean_report(text in prop_oneof![
        ".{0,200}",
        plan().prop_map(|p| {
            // A plan cut short somewhere: rarely JSON any more.
            let t = serde_json::to_string(&p).expect("serializes");
            let cut = t.len() * 2 / 3;
            t.char_indices().map(|(i, _)| i).find(|&i| i >= cut).map_or(t.clone(), |i| t[..i].to_owned())
        }),
    ]) {
        let report = analyze_text(&text);
        let plan: Option<Value> = serde_json::from_str(&text).ok();
        check(&report, plan.as_ref())?;
        prop_assert_eq!(&report, &analyze_text(&text));
    }
}

/// The generator is only worth its cases if it gets past the first checks: over a fixed set
/// of plans, every code of rules.md is reported at least once.
#[test]
fn generated_plans_reach_every_code() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut seen = HashSet::new();
    for _ in 0..400 {
        let plan = plan().new_tree(&mut runner).expect("a plan").current();
        let text = serde_json::to_string(&plan).expect("serializes");
        seen.extend(analyze_text(&text).findings.into_iter().map(|f| f.code));
    }
    let missing: Vec<String> = (documented_codes().iter())
        .map(|d| d.code.clone())
        .filter(|c| !seen.iter().any(|s| s.as_str() == c))
        .collect();
    assert!(missing.is_empty(), "never reported: {missing:?}");
}
