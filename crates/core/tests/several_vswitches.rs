//! A service over several vSwitches, as EAS reads `"vswitch_id": "vsw-a,vsw-b"`
//! (plan-format.md, "Several vSwitches"): one set of flows per vSwitch, each saying where it
//! starts; an even share of the IPs in each capacity row; findings that name their vSwitch;
//! a whitelist export that lists every CIDR. The plans are the analyzer fixtures'.

use std::fs;
use std::path::Path;

use easnet_core::analyze::{analyze, Code, Report};
use easnet_core::export::whitelist_entries;
use easnet_core::plan::{parse_plan, Plan};
use serde_json::Value;

fn fixture(name: &str) -> Plan {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../tests/analyzer/{name}.json"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: Value = serde_json::from_str(&text).expect("fixture is JSON");
    parse_plan(&value["plan"].to_string()).expect("fixture plan parses")
}

fn flows_from(report: &Report) -> Vec<(String, Option<String>, bool)> {
    (report.paths[0].flows.iter())
        .map(|f| (f.name.clone(), f.vswitch.clone(), f.ok))
        .collect()
}

#[test]
fn each_vswitch_has_its_own_flows() {
    let report = analyze(&fixture("CAP005-quiet"));
    assert!(report.findings.is_empty(), "{:?}", report.codes());
    let from = |vsw: &str| Some(vsw.to_owned());
    assert_eq!(
        flows_from(&report),
        [
            ("internet".to_owned(), from("vsw-eas-h"), true),
            ("orders-rds".to_owned(), from("vsw-eas-h"), true),
            ("internet".to_owned(), from("vsw-eas-i"), true),
            ("orders-rds".to_owned(), from("vsw-eas-i"), true),
        ]
    );
    // Each flow's source is its own vSwitch's CIDR.
    let sources: Vec<_> = (report.paths[0].flows.iter())
        .map(|f| f.source_cidr.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        sources,
        ["10.0.1.0/24", "10.0.1.0/24", "10.0.2.0/24", "10.0.2.0/24"]
    );
}

#[test]
fn a_failing_path_is_about_its_own_vswitch() {
    let report = analyze(&fixture("INET004-fires-second-vswitch"));
    assert_eq!(report.codes(), ["INET004"]);
    assert!(
        report.findings[0].message.contains("vsw-eas-i"),
        "{}",
        report.findings[0].message
    );
    let oks: Vec<_> = flows_from(&report)
        .into_iter()
        .map(|(n, v, ok)| (n, v.unwrap(), ok))
        .collect();
    assert!(
        oks.contains(&("internet".into(), "vsw-eas-h".into(), true)),
        "{oks:?}"
    );
    assert!(
        oks.contains(&("internet".into(), "vsw-eas-i".into(), false)),
        "{oks:?}"
    );

    // The same cause from both vSwitches is two findings, each naming its vSwitch (rules.md).
    let report = analyze(&fixture("INET001-fires-from-each-vswitch"));
    let messages: Vec<&str> = report.findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(messages.len(), 2);
    assert!(
        messages[0].contains("vsw-eas-h") && messages[1].contains("vsw-eas-i"),
        "{messages:?}"
    );
}

#[test]
fn capacity_counts_an_even_share_and_says_so() {
    let report = analyze(&fixture("CAP001-quiet-shared-over-two"));
    let rows: Vec<_> = (report.capacity.iter())
        .filter(|r| !r.services.is_empty())
        .map(|r| {
            (
                r.vswitch.as_str(),
                r.needed,
                r.services[0].ips,
                r.services[0].vswitches,
            )
        })
        .collect();
    // 20 instances + 2 surge over two vSwitches: ceil(22 / 2) = 11 in each.
    assert_eq!(rows, [("vsw-eas-h", 11, 11, 2), ("vsw-eas-i", 11, 11, 2)]);
    assert_eq!(
        report.capacity[0].services[0].breakdown(),
        "11 (22 over 2 vSwitches; 20 peak + 2 surge)"
    );
    let cap5: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.code == Code::Cap005)
        .collect();
    assert_eq!(cap5.len(), 2);
    assert!(
        cap5[0]
            .message
            .contains("needs 22 IPs over its 2 vSwitches")
            && cap5[0].message.contains("has 12 free"),
        "{}",
        cap5[0].message
    );
}

#[test]
fn units_multiply_the_ips_of_each_instance() {
    let report = analyze(&fixture("CAP001-fires-unit-size"));
    let f = &report.findings[0];
    assert_eq!(f.code, Code::Cap001);
    assert!(
        f.message
            .contains("llm-chat needs 32 (8 × 4 machines: 6 peak + 2 surge)"),
        "{}",
        f.message
    );
}

#[test]
fn the_whitelist_must_admit_every_vswitch() {
    let plan = fixture("WL001-fires-second-vswitch-cidr");
    let report = analyze(&plan);
    let advice = whitelist_entries(
        &plan,
        &report,
        "llm-chat",
        easnet_core::i18n::Catalogue::english(),
    )
    .unwrap();
    assert_eq!(advice[0].required, ["10.0.1.0/24", "10.0.2.0/24"]);
    assert_eq!(advice[0].to_add, ["10.0.2.0/24"]);
}

#[test]
fn an_undescribed_vswitch_of_the_list_leaves_the_others_traced() {
    let report = analyze(&fixture("NET006-fires-one-of-two-vswitches"));
    assert_eq!(report.codes(), ["NET006"]);
    assert_eq!(report.findings[0].subject, "vsw-eas-x");
    let starts: Vec<_> = flows_from(&report).into_iter().map(|(_, v, _)| v).collect();
    assert_eq!(
        starts,
        [Some("vsw-eas-h".to_owned()), Some("vsw-eas-h".to_owned())]
    );
    // Its share is still half: the undescribed vSwitch counts in k.
    let row = &report.capacity[0];
    assert_eq!((row.vswitch.as_str(), row.needed), ("vsw-eas-h", 3));
}

#[test]
fn a_default_route_outside_the_vpc_marks_the_flows_it_keeps_out() {
    let report = analyze(&fixture("NET008-fires"));
    for flow in &report.paths[0].flows {
        let vsw_hop = flow
            .hops
            .iter()
            .find(|h| h.label.starts_with("vsw-"))
            .unwrap();
        let expect: &[Code] = if flow.name == "internet" {
            &[Code::Net008]
        } else {
            &[]
        };
        assert_eq!(vsw_hop.codes, expect, "{}", flow.name);
    }
    let report = analyze(&fixture("NET009-fires"));
    assert_eq!(report.findings[0].fix, "Add 10.0.0.0/16 to destination_cidrs (comma-separated), or set \"default_route\": \"eth1\" in the networking, or remove it.");
}
