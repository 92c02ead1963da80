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
