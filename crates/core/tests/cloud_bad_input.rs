//! Bad pastes: an error response, an unknown shape, a page cut off, not JSON, a huge paste.
//! Each is one clear error and imports nothing; none panics.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use easnet_core::cloud::{import, CloudErrorKind, MAX_PASTE_BYTES};
use easnet_core::import::import_paste;
use easnet_core::plan::{parse_plan, Plan};

fn bad(name: &str) -> String {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/cloud/bad")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn good() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cloud/network/01-vpcs.json");
    fs::read_to_string(path).unwrap()
}

#[test]
fn every_bad_fixture_is_one_clear_error() {
    let cases = [
        (
            "error-response.json",
            CloudErrorKind::ErrorResponse,
            "the response is an error from the cloud, not a describe result: Forbidden.RAM: User not authorized",
        ),
        (
            "cli-error.txt",
            CloudErrorKind::ErrorResponse,
            "an error the aliyun CLI printed, not a describe result: InvalidRegionId.NotFound: The specified region does not exist.",
        ),
        (
            "unknown-shape.json",
            CloudErrorKind::UnknownShape,
            "the response is not the output of a describe call easnet reads: found an object with keys RequestId, PageNumber, PageSize, TotalCount, Instances",
        ),
        (
            "cut-off-next-token.json",
            CloudErrorKind::CutOff,
            "the response (DescribeSecurityGroupAttribute) of sg-bp1app is cut off: its NextToken is not empty",
        ),
        (
            "cut-off-page.json",
            CloudErrorKind::CutOff,
            "the response (DescribeVSwitches) is page 1 of 2 (TotalCount 3, PageSize 2) and page 2 is not in the paste",
        ),
        ("not-json.txt", CloudErrorKind::NotJson, "not JSON: EOF while parsing"),
    ];
    let plan =
        parse_plan(r#"{"version": 1, "vpcs": [{"id": "vpc-bp1aaa", "cidrs": ["10.0.0.0/16"]}]}"#)
            .unwrap();
    for (file, kind, want) in cases {
        let text = bad(file);
        let e = import(&text, &plan).unwrap_err();
        assert_eq!(e.kind, kind, "{file}: {e}");
        assert!(e.message.contains(want), "{file}: {e}");
        assert!(!e.message.contains('\n'), "{file}: one line: {e}");
        // Pasted into the page: the same message, nothing imported.
        let e = import_paste(&text, &plan).unwrap_err().to_string();
        assert!(e.contains(want), "{file}: {e}");
        // Pasted after a good response: still refused as a whole.
        let e = import(&format!("{}\n{text}", good()), &plan).unwrap_err();
        assert_eq!(e.kind, kind, "{file} after a good response: {e}");
    }
}

#[test]
fn a_cut_off_paste_completed_by_its_last_page_imports() {
    let first = bad("cut-off-page.json");
    let last = r#"{"PageNumber": 2, "PageSize": 2, "TotalCount": 3, "VSwitches": {"VSwitch": [
        {"VSwitchId": "vsw-bp1c", "VpcId": "vpc-bp1aaa", "CidrBlock": "10.0.3.0/24", "AvailableIpAddressCount": 252}]}}"#;
    let plan =
        parse_plan(r#"{"version": 1, "vpcs": [{"id": "vpc-bp1aaa", "cidrs": ["10.0.0.0/16"]}]}"#)
            .unwrap();
    let got = import(&format!("{first}{last}"), &plan).unwrap();
    assert_eq!(got.plan.vpcs[0].vswitches.len(), 3);
    let token_first = bad("cut-off-next-token.json");
    let token_last = r#"{"SecurityGroupId": "sg-bp1app", "VpcId": "vpc-bp1aaa", "NextToken": "", "Permissions": {"Permission": [
        {"Direction": "egress", "Policy": "Drop", "Priority": 2, "IpProtocol": "ALL", "PortRange": "-1/-1", "DestCidrIp": "0.0.0.0/0"}]}}"#;
    let got = import(&format!("{token_first}{token_last}"), &plan).unwrap();
    assert_eq!(got.plan.vpcs[0].security_groups[0].egress.len(), 2);
}

#[test]
fn odd_pastes() {
    let plan = Plan::empty();
    let cases: [(&str, CloudErrorKind, &str); 9] = [
        ("", CloudErrorKind::Empty, "the paste is empty"),
        (
            "\u{feff}  \n\t",
            CloudErrorKind::Empty,
            "the paste is empty",
        ),
        ("null", CloudErrorKind::UnknownShape, "found null"),
        ("\"Vpcs\"", CloudErrorKind::UnknownShape, "found a string"),
        ("{}", CloudErrorKind::UnknownShape, "found an empty object"),
        ("[1, 2]", CloudErrorKind::UnknownShape, "found a list"),
        (
            "{\"Vpcs\": {}} {\"Vpcs\": {}} trailing",
            CloudErrorKind::NotJson,
            "not JSON after 2 responses",
        ),
        (
            r#"{"version": 1, "vpcs": [], "services": []}"#,
            CloudErrorKind::UnknownShape,
            "it is an easnet plan",
        ),
        (
            r#"{"Permissions": {"Permission": [{"Direction": "egress", "IpProtocol": "TCP"}]}}"#,
            CloudErrorKind::Unusable,
            "was it run with --pager?",
        ),
    ];
    for (text, kind, want) in cases {
        let e = import(text, &plan).unwrap_err();
        assert_eq!(e.kind, kind, "{text:?}: {e}");
        assert!(e.message.contains(want), "{text:?}: {e}");
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("{{\"Vpcs\": {}{}}}", "[".repeat(10_000), "]".repeat(10_000));
    let e = import(&deep, &Plan::empty()).unwrap_err();
    assert_eq!(e.kind, CloudErrorKind::NotJson);
    assert!(e.message.contains("recursion limit"), "{e}");
}

#[test]
fn a_paste_over_the_limit_is_refused_quickly() {
    let started = Instant::now();
    let huge = format!(
        "{{\"Vpcs\": {{\"Vpc\": [{{\"VpcId\": \"vpc-a\", \"Description\": \"{}\"}}]}}}}",
        "x".repeat(MAX_PASTE_BYTES)
    );
    let e = import(&huge, &Plan::empty()).unwrap_err();
    assert_eq!(e.kind, CloudErrorKind::TooLarge);
    assert!(e.message.len() < 200, "{e}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_large_region_imports_in_reasonable_time() {
    // 20,000 vSwitches and 20,000 routes (about 6 MB), as a --pager list would hold them.
    let n = 20_000usize;
    let cidr = |i: usize| format!("10.{}.{}.0/24", i / 256, i % 256);
    let vswitches: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"VSwitchId": "vsw-{i:05}", "VpcId": "vpc-big", "ZoneId": "cn-hangzhou-h", "CidrBlock": "{}", "AvailableIpAddressCount": 250, "RouteTable": {{"RouteTableId": "vtb-big", "RouteTableType": "Custom"}}}}"#,
                cidr(i)
            )
        })
        .collect();
    let routes: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"RouteTableId": "vtb-big", "DestinationCidrBlock": "172.{}.{}.0/24", "Type": "Custom", "NextHops": {{"NextHop": [{{"NextHopType": "Instance", "NextHopId": "i-{i}"}}]}}}}"#,
                16 + i / 256,
                i % 256
            )
        })
        .collect();
    let text = format!(
        r#"{{"Vpcs": {{"Vpc": [{{"VpcId": "vpc-big", "CidrBlock": "10.0.0.0/8"}}]}}}}
{{"RouterTableList": {{"RouterTableListType": [{{"RouteTableId": "vtb-big", "RouteTableType": "Custom", "VpcId": "vpc-big"}}]}}}}
{{"VSwitches": {{"VSwitch": [{}]}}}}
{{"RouteEntrys": {{"RouteEntry": [{}]}}}}"#,
        vswitches.join(","),
        routes.join(",")
    );
    assert!(text.len() > 4_000_000);
    let started = Instant::now();
    let got = import(&text, &Plan::empty()).unwrap();
    let again = import(&text, &got.plan).unwrap();
    assert_eq!(got.plan.vpcs[0].vswitches.len(), n);
    assert_eq!(got.plan.vpcs[0].route_tables[0].routes.len(), n);
    assert_eq!(got.summary.imported, n + 2);
    assert_eq!(again.summary.unchanged, n + 2);
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
}
