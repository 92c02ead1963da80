//! Inputs a user can produce by accident: huge lists, deep nesting, unicode and markup in
//! names. Each gets a clear answer, never a panic.

use easnet_core::analyze::{analyze, analyze_text};
use easnet_core::import::{import_paste, Pasted};
use easnet_core::plan::{parse_plan, Plan};

fn base() -> Plan {
    parse_plan(easnet_core::samples::examples::default_example().json).unwrap()
}

#[test]
fn a_vpc_with_100_000_cidrs_is_one_finding_not_a_hang() {
    let mut plan = base();
    plan.vpcs[0].cidrs = (0..100_000u32)
        .map(|i| format!("10.{}.{}.0/24", i / 256 % 256, i % 256))
        .collect();
    let report = analyze(&plan);
    let too_many: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.code == "CIDR007")
        .collect();
    assert!(
        too_many
            .iter()
            .any(|f| f.message.contains("99999 secondary CIDRs")),
        "{too_many:?}"
    );
}

#[test]
fn a_peering_listing_100_000_vpcs_is_plan001_not_a_hang() {
    let mut plan = base();
    plan.peerings.push(easnet_core::plan::Peering {
        id: "pcc-many".into(),
        kind: easnet_core::plan::PeeringKind::VpcPeer,
        vpcs: (0..100_000).map(|i| format!("vpc-{i}")).collect(),
    });
    let report = analyze(&plan);
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.code == "PLAN001" && f.at.as_deref() == Some("peerings[0].vpcs")),
        "{:?}",
        report.codes()
    );
}

#[test]
fn a_whitelist_of_100_000_entries_is_wl003() {
    let mut plan = base();
    let list: Vec<String> = (0..100_000u32)
        .map(|i| format!("10.{}.{}.{}", i >> 16, (i >> 8) & 255, i & 255))
        .collect();
    plan.services[0].targets[0].whitelist = Some(list);
    let report = analyze(&plan);
    assert!(report
        .findings
        .iter()
        .any(|f| f.code == "WL003" && f.message.contains("100000 entries")));
}

#[test]
fn json_nested_10_000_deep_is_plan001() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let report = analyze_text(&deep);
    assert_eq!(report.codes(), ["PLAN001"]);
    let inner = format!(
        r#"{{"version": 1, "services": [{{"service": {{"x": {}{}}}}}]}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let report = analyze_text(&inner);
    assert_eq!(report.codes(), ["PLAN001"]);
    assert!(
        report.findings[0].message.contains("recursion limit"),
        "{}",
        report.findings[0].message
    );
    assert!(import_paste(&inner, &base()).is_err());
}

#[test]
fn unicode_and_markup_in_names_are_kept_as_given() {
    let name = "<script>alert(1)</script> 模型-服务 🚀";
    let text = serde_json::json!({"metadata": {"name": name, "instance": 1}}).to_string();
    let Pasted::Service { plan, name: got } = import_paste(&text, &base()).unwrap() else {
        panic!("a service");
    };
    assert_eq!(got, name);
    let report = analyze(&plan);
    assert!(report
        .capacity
        .iter()
        .flat_map(|r| &r.services)
        .any(|s| s.service == name));
}

#[test]
fn a_50_mb_plan_gets_an_answer() {
    // 50 MB of vSwitches in one VPC: parsed and analysed, or refused with a path, never a crash.
    let mut text = String::from(
        r#"{"version": 1, "vpcs": [{"id": "vpc-big", "cidrs": ["10.0.0.0/8"], "vswitches": ["#,
    );
    let mut i = 0u32;
    while text.len() < 50_000_000 {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&format!(
            r#"{{"id": "vsw-{i}", "cidr": "10.{}.{}.{}/29", "zone": "cn-hangzhou-h", "other_ips": 0}}"#,
            (i >> 13) & 255,
            (i >> 5) & 255,
            (i & 31) * 8
        ));
        i += 1;
    }
    text.push_str("]}]}");
    let report = analyze_text(&text);
    assert!(!report.codes().contains(&"PLAN001"));
    assert_eq!(report.capacity.len() as u32, i);
}
