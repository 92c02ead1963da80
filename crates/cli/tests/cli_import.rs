//! `easnet import`: describe output in, the merged plan on stdout, the summary on stderr;
//! bad input is one line and exit 2 with nothing on stdout.

mod common;

use common::{assert_error, easnet, network_files, repo, temp_file};
use easnet_core::cloud;
use easnet_core::plan::{parse_plan, write_plan, Plan};

fn concatenated() -> String {
    network_files()
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect()
}

#[test]
fn imports_files_into_a_plan() {
    let files = network_files();
    let into = repo("tests/cloud/network/services-plan.json");
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--into", &into]);
    let run = easnet(&args, None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // stdout is the merged plan, exactly as core merges it.
    let plan = parse_plan(&run.stdout).expect("stdout is a plan");
    let services = parse_plan(&std::fs::read_to_string(&into).unwrap()).unwrap();
    let core = cloud::import(&concatenated(), &services).unwrap();
    assert_eq!(plan, core.plan);
    assert_eq!(run.stdout, write_plan(&core.plan) + "\n");
    // stderr is the summary.
    assert!(
        run.stderr
            .starts_with("Read 13 responses: DescribeVpcs (1), DescribeVSwitches (4)"),
        "{}",
        run.stderr
    );
    assert!(run
        .stderr
        .contains("imported 13, updated 0, unchanged 0, skipped 11"));
    assert!(run.stderr.contains(
        "  skipped route vtb-bp1eas 192.168.0.0/16: ECMP with 2 next hops (Instance i-bp1gwa, Instance i-bp1gwb)"
    ));
    assert!(run
        .stderr
        .contains("note: other_ips of 4 vSwitches = usable IPs − AvailableIpAddressCount"));
    // The result checks like the hand-written plan.
    let check = easnet(
        &["check", "-", "--format", "json"],
        Some(run.stdout.as_bytes()),
    );
    let hand = easnet(
        &[
            "check",
            &repo("tests/cloud/network/hand-plan.json"),
            "--format",
            "json",
        ],
        None,
    );
    let codes = |json: &str| -> Vec<(String, String)> {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        (v["findings"].as_array().unwrap().iter())
            .map(|f| {
                (
                    f["code"].as_str().unwrap().to_owned(),
                    f["subject"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(check.code, hand.code);
    assert_eq!(codes(&check.stdout), codes(&hand.stdout));
}

#[test]
fn without_into_starts_from_an_empty_plan() {
    let files = network_files();
    let run = easnet(&["import", &files[0]], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let plan = parse_plan(&run.stdout).unwrap();
    assert_eq!(plan.vpcs.len(), 1);
    assert_eq!(plan.vpcs[0].cidrs, ["10.0.0.0/16", "10.10.0.0/16"]);
    assert_eq!(plan.region.as_deref(), Some("cn-hangzhou"));
    assert_eq!(
        run.stderr,
        "Read 1 response: DescribeVpcs (1)\nimported 1, updated 0, unchanged 0, skipped 0\n  imported VPC vpc-bp1prod: 10.0.0.0/16, 10.10.0.0/16\n"
    );
}

#[test]
fn several_files_one_concatenated_file_and_stdin_agree() {
    let files = network_files();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let separate = easnet(&args, None);
    let one = temp_file("network.json", concatenated().as_bytes());
    let together = easnet(&["import", &one], None);
    let stdin = easnet(&["import", "-"], Some(concatenated().as_bytes()));
    assert_eq!(separate.code, 0, "{}", separate.stderr);
    assert_eq!(separate.stdout, together.stdout);
    assert_eq!(separate.stdout, stdin.stdout);
    // Run twice: the same bytes (deterministic order).
    assert_eq!(easnet(&args, None).stdout, separate.stdout);
    assert!(stdin.stderr.contains("imported 13,"));
}

#[test]
fn the_plan_can_come_from_stdin() {
    let into = std::fs::read(repo("tests/cloud/network/services-plan.json")).unwrap();
    let files = network_files();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--into", "-"]);
    let run = easnet(&args, Some(&into));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(parse_plan(&run.stdout).unwrap().services.len(), 2);
}

#[test]
fn importing_into_its_own_output_changes_nothing() {
    let files = network_files();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let first = easnet(&args, None);
    let plan = temp_file("plan.json", first.stdout.as_bytes());
    args.extend(["--into", &plan]);
    let second = easnet(&args, None);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert_eq!(second.stdout, first.stdout);
    assert!(second
        .stderr
        .contains("imported 0, updated 0, unchanged 13, skipped 11"));
}

#[test]
fn pages_of_one_call_may_be_in_two_files() {
    let first = temp_file(
        "page1.json",
        br#"{"NextToken": "AAE", "RouteEntrys": {"RouteEntry": [{"RouteTableId": "vtb-a", "DestinationCidrBlock": "0.0.0.0/0", "Type": "Custom", "NextHops": {"NextHop": [{"NextHopType": "NatGateway", "NextHopId": "ngw-a"}]}}]}}"#,
    );
    let last = temp_file(
        "page2.json",
        br#"{"NextToken": "", "RouteEntrys": {"RouteEntry": [{"RouteTableId": "vtb-a", "DestinationCidrBlock": "10.9.0.0/16", "Type": "Custom", "NextHops": {"NextHop": [{"NextHopType": "VpnGateway", "NextHopId": "vpn-a"}]}}]}}"#,
    );
    let plan = temp_file(
        "plan.json",
        br#"{"version": 1, "vpcs": [{"id": "vpc-a", "cidrs": ["10.0.0.0/16"], "route_tables": [{"id": "vtb-a", "routes": []}]}]}"#,
    );
    let run = easnet(&["import", &first, &last, "--into", &plan], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        parse_plan(&run.stdout).unwrap().vpcs[0].route_tables[0]
            .routes
            .len(),
        2
    );
    // The first page alone is cut off, and the message names the file.
    let run = easnet(&["import", &first, "--into", &plan], None);
    assert_error(&run, "page1.json: the response (DescribeRouteEntryList) of vtb-a is cut off: its NextToken is not empty");
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let bad = |name: &str| repo(&format!("tests/cloud/bad/{name}"));
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![bad("error-response.json")],
            "error-response.json: the response is an error from the cloud, not a describe result: Forbidden.RAM: User not authorized",
        ),
        (
            vec![bad("cli-error.txt")],
            "an error the aliyun CLI printed, not a describe result: InvalidRegionId.NotFound",
        ),
        (
            vec![bad("unknown-shape.json")],
            "is not the output of a describe call easnet reads: found an object with keys RequestId, PageNumber, PageSize, TotalCount, Instances",
        ),
        (
            vec![bad("cut-off-next-token.json")],
            "is cut off: its NextToken is not empty",
        ),
        (vec![bad("cut-off-page.json")], "is page 1 of 2"),
        (vec![bad("not-json.txt")], "not-json.txt: not JSON: EOF while parsing"),
        (
            vec![repo("tests/cloud/network/01-vpcs.json"), bad("error-response.json")],
            "Forbidden.RAM",
        ),
        (
            vec!["/no/such/vpcs.json".to_owned()],
            "easnet: /no/such/vpcs.json: cannot read: no such file",
        ),
        (
            vec![repo("examples/healthy.json")],
            "it is an easnet plan: import it as a plan, or give it to `easnet import --into`",
        ),
    ];
    for (files, want) in cases {
        let mut args = vec!["import"];
        args.extend(files.iter().map(String::as_str));
        assert_error(&easnet(&args, None), want);
    }
}

#[test]
fn bad_plans_and_command_lines() {
    let vpcs = repo("tests/cloud/network/01-vpcs.json");
    let not_a_plan = temp_file("p.json", br#"{"version": 2}"#);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["import"],
            "required arguments were not provided: <FILE>... (see 'easnet import --help')",
        ),
        (
            vec!["import", &vpcs, "--into", &not_a_plan],
            "p.json: version: expected 1, got 2",
        ),
        (
            vec!["import", "-", "--into", "-"],
            "standard input (-) can be read only once",
        ),
        (
            vec!["import", "-", "-"],
            "standard input (-) can be read only once",
        ),
        (
            vec!["import", &vpcs, "--into"],
            "a value is required for '--into <PLAN.json>'",
        ),
    ];
    for (args, want) in cases {
        assert_error(&easnet(&args, Some(b"{}")), want);
    }
    // An empty standard input.
    assert_error(
        &easnet(&["import", "-"], Some(b"")),
        "<stdin>: the paste is empty",
    );
}

#[test]
fn a_huge_paste_is_refused_with_a_short_message() {
    let size = cloud::MAX_PASTE_BYTES + 1024;
    let huge = format!(
        "{{\"Vpcs\": {{\"Vpc\": [{{\"VpcId\": \"vpc-a\", \"Description\": \"{}\"}}]}}}}",
        "x".repeat(size)
    );
    let run = easnet(&["import", &temp_file("huge.json", huge.as_bytes())], None);
    assert_error(&run, "at most 32 MB are read");
    assert!(run.stderr.len() < 300, "{}", run.stderr);
    // Junk of the same size through stdin: refused the same way.
    let junk = vec![b'x'; size];
    assert_error(
        &easnet(&["import", "-"], Some(&junk)),
        "<stdin>: the paste is ",
    );
}

#[test]
fn an_import_into_an_empty_plan_of_nothing_usable_is_still_a_plan() {
    // Only things the plan cannot hold: the plan is printed unchanged, the summary says why.
    let eips = temp_file(
        "eips.json",
        br#"{"EipAddresses": {"EipAddress": [{"AllocationId": "eip-a", "IpAddress": "47.98.1.1", "InstanceType": "EcsInstance", "InstanceId": "i-a"}]}}"#,
    );
    let run = easnet(&["import", &eips], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(parse_plan(&run.stdout).unwrap(), Plan::empty());
    assert!(run.stderr.contains(
        "  skipped EIP eip-a (47.98.1.1): bound to EcsInstance i-a, not to a NAT gateway"
    ));
}
