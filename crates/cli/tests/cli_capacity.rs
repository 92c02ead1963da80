//! `easnet capacity`: the maths, the exact JSON keys, and refused input.

mod common;

use common::{assert_error, easnet};
use serde_json::{json, Value};

fn capacity_json(args: &[&str]) -> Value {
    let mut all = vec!["capacity"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let run = easnet(&all, None);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
    serde_json::from_str(&run.stdout).unwrap()
}

#[test]
fn json_has_exactly_the_documented_keys() {
    let got = capacity_json(&[
        "10.0.1.0/27",
        "--instances",
        "4",
        "--max-instances",
        "12",
        "--max-surge",
        "20%",
        "--other-ips",
        "2",
    ]);
    assert_eq!(
        got,
        json!({
            "cidr": "10.0.1.0/27",
            "usable": 28,
            "reserved": ["10.0.1.0", "10.0.1.29", "10.0.1.30", "10.0.1.31"],
            "needed": 17,
            "free": 11,
            "fits": true,
            "smallest_prefix": 27,
            "unit_size": 1
        })
    );
    let keys: Vec<&String> = got.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "cidr",
            "usable",
            "reserved",
            "needed",
            "free",
            "fits",
            "smallest_prefix",
            "unit_size"
        ]
    );
}

#[test]
fn defaults_counts_and_limits() {
    // --instances defaults to 1; the default surge is max(1, 2%): 2 IPs.
    let got = capacity_json(&["192.168.0.0/29"]);
    assert_eq!(
        (
            got["needed"].as_u64(),
            got["free"].as_u64(),
            got["smallest_prefix"].as_u64()
        ),
        (Some(2), Some(2), Some(29))
    );
    // A count surge, and a vSwitch too small.
    let got = capacity_json(&["10.0.0.0/28", "--instances", "12", "--max-surge", "3"]);
    assert_eq!(
        (
            got["needed"].as_u64(),
            got["free"].as_u64(),
            got["fits"].as_bool()
        ),
        (Some(15), Some(0), Some(false))
    );
    assert_eq!(got["smallest_prefix"], 27);
    // More than a /16 holds: no prefix fits.
    let got = capacity_json(&["10.0.0.0/16", "--instances", "70000"]);
    assert_eq!(got["smallest_prefix"], Value::Null);
    // IPv6: no IPv4 prefix applies.
    let got = capacity_json(&["fd00::/64"]);
    assert_eq!(
        (
            got["smallest_prefix"].clone(),
            got["reserved"].as_array().unwrap().len()
        ),
        (Value::Null, 10)
    );
    // A bare address is a /32: no usable IP.
    let got = capacity_json(&["10.0.0.7"]);
    assert_eq!(
        (got["usable"].as_u64(), got["fits"].as_bool()),
        (Some(0), Some(false))
    );
}

#[test]
fn text_shows_the_split() {
    let run = easnet(
        &[
            "capacity",
            "10.0.1.0/24",
            "--instances",
            "4",
            "--max-instances",
            "12",
            "--max-surge",
            "20%",
        ],
        None,
    );
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("usable           252\n"),
        "{}",
        run.stdout
    );
    assert!(run
        .stdout
        .contains("needed           15 (peak 12 + surge 3 + other 0)\n"));
    assert!(run.stdout.contains("smallest prefix  /27\n"));
}

#[test]
fn bad_input_is_one_line_exit_2() {
    let cases: [(&[&str], &str); 8] = [
        (
            &["capacity", "10.0.1.5/24"],
            "invalid CIDR \"10.0.1.5/24\": host bits are set; the network is 10.0.1.0/24",
        ),
        (&["capacity", "10.0.1.0/33"], "invalid CIDR \"10.0.1.0/33\""),
        (&["capacity", "banana"], "invalid CIDR \"banana\""),
        (
            &["capacity", "10.0.1.0/24", "--max-surge", "120%"],
            "invalid max surge \"120%\"",
        ),
        (
            &["capacity", "10.0.1.0/24", "--max-surge", "1.5"],
            "invalid max surge \"1.5\"",
        ),
        (
            &["capacity", "10.0.1.0/24", "--instances", "-1"],
            "invalid value '-1' for '--instances <N>'",
        ),
        (
            &["capacity", "10.0.1.0/24", "--instances", "lots"],
            "invalid value 'lots' for '--instances <N>'",
        ),
        (&["capacity"], "<CIDR>"),
    ];
    for (args, want) in cases {
        assert_error(&easnet(args, None), want);
    }
}

#[test]
fn help() {
    let run = easnet(&["capacity", "--help"], None);
    assert_eq!(run.code, 0);
    for flag in [
        "--instances",
        "--max-instances",
        "--max-surge",
        "--other-ips",
        "--format",
    ] {
        assert!(run.stdout.contains(flag), "{flag}");
    }
}
