//! Exit 1: a plan with an error finding. This needs the real analyzer; with the stub (an
//! empty report) it fails, and it is meant to until the analyzer is merged.

mod common;

use common::easnet;
use serde_json::Value;

/// A /29 vSwitch (4 usable IPs) under a service of 10 instances: CAP001.
const OVERFULL: &str = r#"{
  "version": 1,
  "region": "cn-hangzhou",
  "vpcs": [{
    "id": "vpc-a", "cidrs": ["10.0.0.0/16"],
    "vswitches": [{"id": "vsw-tiny", "zone": "cn-hangzhou-h", "cidr": "10.0.1.0/29"}],
    "route_tables": [{"id": "vtb-sys", "kind": "system", "routes": []}],
    "security_groups": [{"id": "sg-a", "kind": "basic", "egress": []}]
  }],
  "services": [{
    "service": {
      "metadata": {"name": "big", "instance": 10},
      "cloud": {"networking": {"vpc_id": "vpc-a", "vswitch_id": "vsw-tiny", "security_group_id": "sg-a"}}
    }
  }]
}"#;

#[test]
fn an_overfull_vswitch_exits_1_in_every_format() {
    let run = easnet(
        &["check", "-", "--format", "json"],
        Some(OVERFULL.as_bytes()),
    );
    assert_eq!(run.code, 1, "{run:?}");
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let cap001 = (report["findings"].as_array().unwrap().iter())
        .find(|f| f["code"] == "CAP001")
        .expect("a CAP001 finding");
    assert_eq!(
        (cap001["severity"].as_str(), cap001["subject"].as_str()),
        (Some("error"), Some("vsw-tiny"))
    );

    let text = easnet(&["check", "-"], Some(OVERFULL.as_bytes()));
    assert_eq!(text.code, 1);
    assert!(text.stdout.contains("CAP001 vsw-tiny"), "{}", text.stdout);

    let sarif = easnet(
        &["check", "-", "--format", "sarif"],
        Some(OVERFULL.as_bytes()),
    );
    assert_eq!(sarif.code, 1);
    let log: Value = serde_json::from_str(&sarif.stdout).unwrap();
    assert!((log["runs"][0]["results"].as_array().unwrap().iter())
        .any(|r| r["ruleId"] == "CAP001" && r["level"] == "error"));
}

/// A service needing the internet from a vSwitch whose default route goes to a NAT gateway but
/// names none (`next_hop_id` null).
const NULL_NEXT_HOP: &str = r#"{
  "version": 1,
  "vpcs": [{
    "id": "vpc-a", "cidrs": ["10.0.0.0/16"],
    "vswitches": [{"id": "vsw-a", "cidr": "10.0.1.0/24"}],
    "route_tables": [{"id": "vtb-sys", "kind": "system", "routes": [
      {"destination": "0.0.0.0/0", "next_hop_type": "NatGateway", "next_hop_id": null}
    ]}],
    "security_groups": [{"id": "sg-a", "kind": "basic", "egress": []}],
    "nat_gateways": [{"id": "ngw-a", "kind": "internet", "eips": ["47.96.1.10"],
      "snat_entries": [{"source": "vsw-a", "snat_ips": ["47.96.1.10"]}]}]
  }],
  "services": [{
    "service": {
      "metadata": {"name": "llm", "instance": 1},
      "cloud": {"networking": {"vpc_id": "vpc-a", "vswitch_id": "vsw-a", "security_group_id": "sg-a"}}
    },
    "needs_internet": true
  }]
}"#;

/// The settled readings (rules.md) as the CLI says them: a default route to a NAT gateway
/// with no `next_hop_id` is PLAN003 (it printed "No findings" and exited 0 while its path
/// failed), and a count too large for its field is out of range, as written.
#[test]
fn settled_readings_in_the_cli() {
    let run = easnet(&["check", "-"], Some(NULL_NEXT_HOP.as_bytes()));
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("PLAN003 vtb-sys"), "{}", run.stdout);

    let too_large = OVERFULL.replace(
        r#""cidr": "10.0.1.0/29"}"#,
        r#""cidr": "10.0.1.0/29", "other_ips": 18446744073709551616}"#,
    );
    let run = easnet(&["check", "-"], Some(too_large.as_bytes()));
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("other_ips: out of range: expected a non-negative integer from 0 to 9223372036854775807, got 18446744073709551616"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("e+19"), "{}", run.stderr);
}
