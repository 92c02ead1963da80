//! `easnet networking`: round trips of real-world-shaped service JSON files.

mod common;

use common::{assert_error, easnet, repo, temp_file};
use easnet_core::export::set_networking;
use easnet_core::plan::{Networking, ServiceSpec};
use serde_json::Value;

const IDS: [&str; 6] = [
    "--vpc-id",
    "vpc-bp15zckdt37pq72zv",
    "--vswitch-id",
    "vsw-bp1e3se98n9fq8hle",
    "--security-group-id",
    "sg-bp67acfmxazb4p",
];

fn net() -> Networking {
    Networking {
        vpc_id: Some(IDS[1].into()),
        vswitch_id: Some(IDS[3].into()),
        security_group_id: Some(IDS[5].into()),
        ..Networking::default()
    }
}

fn service_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(repo("examples/services"))
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".json"))
        .collect();
    files.sort();
    assert!(files.len() >= 8);
    files
}

fn networking(path: &str, stdin: Option<&[u8]>) -> common::Run {
    let mut args = vec!["networking", path];
    args.extend_from_slice(&IDS);
    easnet(&args, stdin)
}

#[test]
fn every_example_round_trips_through_the_binary() {
    for path in service_files() {
        let input = std::fs::read_to_string(&path).unwrap();
        let run = networking(&path, None);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{path}");
        // Exactly what core gives: the CLI adds nothing, not even a newline.
        assert_eq!(
            run.stdout,
            set_networking(&input, &net()).unwrap(),
            "{path}"
        );
        let body = run.stdout.strip_prefix('\u{feff}').unwrap_or(&run.stdout);
        let value: Value = serde_json::from_str(body).unwrap();
        let got = ServiceSpec::read(&value, "").unwrap().networking.unwrap();
        let ids = |n: &Networking| n.ids().map(|id| id.map(str::to_owned));
        assert_eq!(ids(&got), ids(&net()), "{path}");
        // The other networking keys (`default_route`, `destination_cidrs`) stay as they were.
        let input_value: Value =
            serde_json::from_str(input.strip_prefix('\u{feff}').unwrap_or(&input)).unwrap();
        let before = (ServiceSpec::read(&input_value, "").unwrap().networking).unwrap_or_default();
        assert_eq!(
            (got.default_route, got.destination_cidrs),
            (before.default_route, before.destination_cidrs),
            "{path}"
        );
        // Every line of the input that held no networking ID is still there, as it was.
        // (A one-line file is one changed line: there its head must be kept instead.)
        // Everything before `cloud` (or before the closing braces, without one) is kept.
        if input.trim_end().lines().count() == 1 {
            let head = (input.find("\"cloud\""))
                .map_or(input.trim_end().trim_end_matches('}'), |i| &input[..i]);
            assert!(run.stdout.starts_with(head), "{path}");
        }
        let multi_line = input.trim_end().lines().count() > 1;
        for line in (input.lines()).filter(|l| {
            // Lines naming `cloud` or `networking` are the ones an edit may rewrite.
            multi_line
                && !["_id\": \"", "\"cloud\"", "\"networking\""]
                    .iter()
                    .any(|k| l.contains(k))
        }) {
            assert!(run.stdout.contains(line), "{path}: lost {line:?}");
        }
        // And through standard input, the same bytes.
        let piped = networking("-", Some(input.as_bytes()));
        assert_eq!(piped.stdout, run.stdout, "{path}");
    }
}

#[test]
fn existing_networking_keeps_its_extra_keys() {
    let run = networking(&repo("examples/services/with-networking.json"), None);
    assert!(run
        .stdout
        .contains("      \"destination_cidrs\": \"10.0.0.0/24\",\n"));
    assert!(run.stdout.contains("      \"default_route\": \"eth1\"\n"));
    assert!(!run.stdout.contains("vpc-old"));
}

#[test]
fn crlf_files_stay_crlf() {
    let run = networking(&repo("examples/services/tabs-crlf.json"), None);
    assert_eq!(
        run.stdout.matches('\n').count(),
        run.stdout.matches("\r\n").count()
    );
    assert!(run
        .stdout
        .contains("\r\n\t\t\"networking\": {\r\n\t\t\t\"vpc_id\": \"vpc-bp15zckdt37pq72zv\",\r\n"));
}

#[test]
fn deeply_nested_service_json_is_fine() {
    let deep = format!(
        "{{\"metadata\": {{\"name\": \"d\"}}, \"x\": {}0{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let run = networking("-", Some(deep.as_bytes()));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run
        .stdout
        .ends_with("\"security_group_id\": \"sg-bp67acfmxazb4p\"}}}"));
}

#[test]
fn bad_service_json_is_one_line_exit_2() {
    let cases: [(&[u8], &str); 5] = [
        (
            b"{\"metadata\": ",
            "easnet: <stdin>: the service JSON is not valid JSON: EOF while parsing",
        ),
        (
            b"[1, 2]",
            "easnet: <stdin>: the service JSON must be an object, got a list",
        ),
        (
            b"{\"cloud\": 5}",
            "the service JSON's \"cloud\" must be an object, got a number",
        ),
        (b"", "not valid JSON"),
        (b"\xff\xfe{}", "easnet: <stdin>: not UTF-8 text"),
    ];
    for (input, want) in cases {
        assert_error(&networking("-", Some(input)), want);
    }
    let file = temp_file("broken service.json", b"{\"a\": tru}");
    assert_error(&networking(&file, None), &format!("easnet: {file}: the service JSON is not valid JSON: expected ident at line 1, column 10"));
}

#[test]
fn all_three_ids_are_required() {
    let path = repo("examples/services/compact.json");
    let run = easnet(
        &[
            "networking",
            &path,
            "--vpc-id",
            "vpc-a",
            "--vswitch-id",
            "vsw-a",
        ],
        None,
    );
    assert_error(&run, "--security-group-id <ID>");
    assert!(run.stderr.contains("'easnet networking --help'"));
}

#[test]
fn empty_or_malformed_ids_are_refused_before_anything_is_written() {
    let service = b"{\"metadata\": {\"name\": \"a\"}}";
    let cases: [([&str; 3], &str); 5] = [
        (
            ["vpc-a", "", "sg-a"],
            "easnet: invalid vSwitch ID \"\": it is empty",
        ),
        (
            ["", "vsw-a", "sg-a"],
            "easnet: invalid VPC ID \"\": it is empty",
        ),
        (
            ["vpc-a", "vsw-a", "vsw-a"],
            "\"vsw-a\" is not an ID of a security group",
        ),
        (
            ["vpc-a", "vsw-a,", "sg-a"],
            "\"\" is not an ID of a vSwitch",
        ),
        (
            ["vpc-a", "vsw-a;rm -rf", "sg-a"],
            "invalid vSwitch ID \"vsw-a;rm -rf\"",
        ),
    ];
    for ([vpc, vsw, sg], want) in cases {
        let run = easnet(
            &[
                "networking",
                "-",
                "--vpc-id",
                vpc,
                "--vswitch-id",
                vsw,
                "--security-group-id",
                sg,
            ],
            Some(service),
        );
        assert_eq!(run.code, 2, "{vpc} {vsw} {sg}");
        assert!(run.stdout.is_empty());
        assert!(run.stderr.contains(want), "{want} not in {}", run.stderr);
    }
    // Several vSwitches, as EAS takes them, are one ID each.
    let run = easnet(
        &[
            "networking",
            "-",
            "--vpc-id",
            "vpc-a",
            "--vswitch-id",
            "vsw-a,vsw-b",
            "--security-group-id",
            "sg-a",
        ],
        Some(service),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("\"vswitch_id\": \"vsw-a,vsw-b\""));
}

#[test]
fn an_existing_networking_keeps_its_own_layout() {
    // The IDs are replaced where they stand, the missing ones added in the object's own
    // spacing; the odd closing brace and the compact separators stay.
    let cases: [(&str, &str); 2] = [
        (
            "{\"cloud\":{\"networking\":{\"vpc_id\":\"old\",\"default_route\":\"eth0\"}}}",
            "{\"cloud\":{\"networking\":{\"vpc_id\":\"vpc-bp1a\",\"default_route\":\"eth0\",\"vswitch_id\":\"vsw-bp1b\",\"security_group_id\":\"sg-bp1c\"}}}",
        ),
        (
            "{\n  \"cloud\": {\n    \"networking\": {\n      \"security_group_id\": \"x\",\n      \"vpc_id\": \"y\"   }\n  }\n}\n",
            "{\n  \"cloud\": {\n    \"networking\": {\n      \"security_group_id\": \"sg-bp1c\",\n      \"vpc_id\": \"vpc-bp1a\",\n      \"vswitch_id\": \"vsw-bp1b\"   }\n  }\n}\n",
        ),
    ];
    for (input, want) in cases {
        let run = easnet(
            &[
                "networking",
                "-",
                "--vpc-id",
                "vpc-bp1a",
                "--vswitch-id",
                "vsw-bp1b",
                "--security-group-id",
                "sg-bp1c",
            ],
            Some(input.as_bytes()),
        );
        assert_eq!((run.code, run.stdout.as_str()), (0, want));
    }
}

#[test]
fn help() {
    let run = easnet(&["networking", "--help"], None);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("--vswitch-id <ID>"));
}
