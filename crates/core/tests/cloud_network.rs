//! The round trip: the describe outputs of one network (`tests/cloud/network/01-…10-*.json`)
//! imported into the user's services (`services-plan.json`) give the findings, capacity and
//! paths of the same network written by hand (`hand-plan.json`).

use std::fs;
use std::path::{Path, PathBuf};

use easnet_core::analyze::{analyze, Report};
use easnet_core::cloud::{import, merge, read_paste, Change, Kind, NetworkImport};
use easnet_core::plan::{parse_plan, Plan};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cloud/network")
}

fn read(name: &str) -> String {
    let path = dir().join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The describe outputs, in file order.
fn outputs() -> Vec<(String, String)> {
    let mut names: Vec<String> = fs::read_dir(dir())
        .expect("tests/cloud/network")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(|c: char| c.is_ascii_digit()) && n.ends_with(".json"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 10, "{names:?}");
    names.into_iter().map(|n| (read(&n), n)).collect()
}

fn all_at_once(into: &Plan) -> NetworkImport {
    let text: String = outputs().into_iter().map(|(t, _)| t + "\n").collect();
    import(&text, into).expect("the network imports")
}

/// What a finding is about, as the issue compares them: (code, subject), in report order.
fn findings(report: &Report) -> Vec<(String, String)> {
    (report.findings.iter())
        .map(|f| (f.code.to_string(), f.subject.clone()))
        .collect()
}

fn capacity(report: &Report) -> Vec<(String, u64, u64)> {
    let mut rows: Vec<_> = (report.capacity.iter())
        .map(|c| (c.vswitch.clone(), c.usable, c.needed))
        .collect();
    rows.sort();
    rows
}

fn paths(report: &Report) -> Vec<String> {
    let mut all: Vec<String> = (report.paths.iter())
        .map(|p| serde_json::to_string(p).expect("plain data"))
        .collect();
    all.sort();
    all
}

#[test]
fn imported_network_has_the_findings_of_the_hand_written_plan() {
    let services = parse_plan(&read("services-plan.json")).unwrap();
    let hand = parse_plan(&read("hand-plan.json")).unwrap();
    let got = all_at_once(&services);
    let (imported, by_hand) = (analyze(&got.plan), analyze(&hand));
    assert_eq!(findings(&imported), findings(&by_hand));
    assert_eq!(capacity(&imported), capacity(&by_hand));
    // The network is not a trivial one: every kind of path problem shows.
    let codes: Vec<&str> = by_hand.findings.iter().map(|f| f.code.as_str()).collect();
    for code in ["INET004", "SG001", "CAP002", "WL002"] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
    // The services, targets and threshold the user wrote are there unchanged.
    assert_eq!(got.plan.services, services.services);
    assert_eq!(got.plan.utilization_warning, Some(0.8));
    assert_eq!(got.plan.region.as_deref(), Some("cn-hangzhou"));
}

#[test]
fn the_network_alone_matches_the_hand_written_network() {
    let mut hand = parse_plan(&read("hand-plan.json")).unwrap();
    hand.services.clear();
    let got = all_at_once(&Plan::empty());
    assert_eq!(findings(&analyze(&got.plan)), findings(&analyze(&hand)));
    assert_eq!(capacity(&analyze(&got.plan)), capacity(&analyze(&hand)));
}

#[test]
fn paths_are_those_of_the_hand_written_plan() {
    let services = parse_plan(&read("services-plan.json")).unwrap();
    let hand = parse_plan(&read("hand-plan.json")).unwrap();
    let got = all_at_once(&services);
    // Paths name objects by ID and JSON path; the imported VPC lists its objects sorted by ID,
    // so compare the hops without their `at` paths.
    let strip = |r: &Report| -> Vec<String> {
        paths(r)
            .into_iter()
            .map(|p| {
                let mut v: serde_json::Value = serde_json::from_str(&p).unwrap();
                strip_at(&mut v);
                v.to_string()
            })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect()
    };
    assert_eq!(strip(&analyze(&got.plan)), strip(&analyze(&hand)));
}

fn strip_at(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            map.remove("at");
            map.values_mut().for_each(strip_at);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_at),
        _ => {}
    }
}

#[test]
fn file_by_file_in_order_equals_all_at_once_and_any_order_is_the_same() {
    let services = parse_plan(&read("services-plan.json")).unwrap();
    let once = all_at_once(&services);
    let mut plan = services.clone();
    for (text, name) in outputs() {
        plan = import(&text, &plan)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .plan;
    }
    assert_eq!(plan, once.plan);
    // The responses of several pastes merged at once, in reverse order.
    let mut responses = Vec::new();
    for (text, name) in outputs().into_iter().rev() {
        let read = read_paste(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        responses.extend(read.into_iter().map(|r| r.from_source(&name)));
    }
    let reversed = merge(&responses, &services).unwrap();
    assert_eq!(reversed.plan, once.plan);
    assert_eq!(reversed.summary.lines, once.summary.lines);
    assert_eq!(
        reversed.summary.responses[0].label,
        "10-peerings.json: the response"
    );
}

#[test]
fn the_summary_lists_what_was_imported_and_what_the_plan_cannot_hold() {
    let got = all_at_once(&parse_plan(&read("services-plan.json")).unwrap());
    let s = &got.summary;
    assert_eq!(
        (s.imported, s.updated, s.unchanged),
        (13, 0, 0),
        "{}",
        s.text(easnet_core::i18n::Catalogue::english())
    );
    assert_eq!(s.responses.len(), 13);
    let imported = |kind: Kind| {
        (s.lines.iter())
            .filter(|l| l.change == Change::Imported && l.kind == kind)
            .count()
    };
    assert_eq!(imported(Kind::Vpc), 2);
    assert_eq!(imported(Kind::VSwitch), 4);
    assert_eq!(imported(Kind::RouteTable), 2);
    assert_eq!(imported(Kind::SecurityGroup), 2);
    assert_eq!(imported(Kind::NatGateway), 2);
    assert_eq!(imported(Kind::Peering), 1);
    let skipped: Vec<String> = (s.lines.iter())
        .filter(|l| l.change == Change::Skipped)
        .map(|l| l.text(easnet_core::i18n::Catalogue::english()))
        .collect();
    let wants = [
        "skipped route vtb-bp1eas 192.168.0.0/16: ECMP with 2 next hops",
        "skipped egress rule sg-bp1eas sgr-bp1easgrp: its destination is security group sg-bp1strict",
        "skipped egress rule sg-bp1strict sgr-bp1strpl: its destination is prefix list pl-bp1hub",
        "skipped ingress rules sg-bp1eas: 1 ingress rule",
        "skipped SNAT entry ngw-bp1vpcnat 10.0.2.0/26: private SNAT IPs 10.0.9.6",
        "skipped EIP ngw-bp1vpcnat: private NAT IPs 10.0.9.6",
        "skipped EIP eip-bp1c (47.98.10.3): bound to EcsInstance i-bp1jump",
        "skipped peering pcc-bp1old: status Deleted",
        "skipped route vtb-bp1sys: 3 system routes",
        "skipped route vtb-bp1eas: 3 system routes",
        "skipped security group sg-bp1strict: InnerAccessPolicy Drop",
    ];
    for want in wants {
        assert!(
            skipped.iter().any(|l| l.starts_with(want)),
            "{want:?} not in {skipped:#?}"
        );
    }
    // Nothing else was skipped.
    assert_eq!(skipped.len(), wants.len(), "{skipped:#?}");
    assert!(
        (s.notes.iter()).any(|n| n.contains("other_ips of 4 vSwitches")
            && n.contains("including the ENIs of EAS instances already running")),
        "{:?}",
        s.notes
    );
    // Sorted: imported, then updated, then skipped; by kind, then ID.
    let keys: Vec<_> = (s.lines.iter())
        .map(|l| (l.change, l.kind, l.id.clone()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn other_ips_is_usable_minus_available() {
    let got = all_at_once(&Plan::empty());
    let other: Vec<(&str, u64)> = (got.plan.vpcs[0].vswitches.iter())
        .map(|s| (s.id.as_str(), s.other_ips))
        .collect();
    // 252 − 247, 252 − 240, 60 − "55", 12 − 9.
    assert_eq!(
        other,
        [
            ("vsw-bp1db", 5),
            ("vsw-bp1eas-h", 12),
            ("vsw-bp1eas-i", 5),
            ("vsw-bp1nat", 3)
        ]
    );
}
