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
fn unit_size_multiplies_the_need() {
    // 6 peak + 2 surge = 8 instances of 2 machines each.
    let args = [
        "capacity",
        "10.0.1.0/27",
        "--instances",
        "6",
        "--max-surge",
        "2",
        "--unit-size",
        "2",
    ];
    let got = capacity_json(&args[1..]);
    assert_eq!(
        (
            got["needed"].as_u64(),
            got["free"].as_u64(),
            got["unit_size"].as_u64()
        ),
        (Some(16), Some(12), Some(2))
    );
    assert!(got.get("split").is_none(), "{got}");
    let run = easnet(&args, None);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout
            .contains("needed           16 (8 × 2 machines: 6 peak + 2 surge; other 0)\n"),
        "{}",
        run.stdout
    );
    // A unit of 1 is the plain count, in the plain wording.
    let run = easnet(&["capacity", "10.0.1.0/27", "--unit-size", "1"], None);
    assert!(
        run.stdout
            .contains("needed           2 (peak 1 + surge 1 + other 0)\n"),
        "{}",
        run.stdout
    );
    // Past a count: it fits nowhere, never wrapped into a fit.
    let got = capacity_json(&[
        "10.0.0.0/16",
        "--instances",
        "9223372036854775807",
        "--max-surge",
        "0",
        "--unit-size",
        "4",
    ]);
    assert_eq!(
        (got["needed"].as_u64(), got["fits"].as_bool()),
        (Some(u64::MAX), Some(false))
    );
}

#[test]
fn two_vswitches_count_a_share_each() {
    let args = [
        "capacity",
        "10.0.1.0/27",
        "--instances",
        "6",
        "--max-surge",
        "2",
        "--unit-size",
        "2",
        "--other-ips",
        "2",
        "--second-cidr",
        "10.0.2.0/28",
        "--second-other-ips",
        "1",
    ];
    let got = capacity_json(&args[1..]);
    // The keys of one vSwitch still answer for the whole need in the first.
    assert_eq!(
        (
            got["needed"].as_u64(),
            got["free"].as_u64(),
            got["fits"].as_bool()
        ),
        (Some(18), Some(10), Some(true))
    );
    assert_eq!(
        got["split"],
        json!({
            "service_ips": 16,
            "vswitches": [
                {"cidr": "10.0.1.0/27", "usable": 28, "share": 8, "other_ips": 2, "needed": 10,
                 "free": 18, "fits": true, "fits_alone": true},
                {"cidr": "10.0.2.0/28", "usable": 12, "share": 8, "other_ips": 1, "needed": 9,
                 "free": 3, "fits": true, "fits_alone": false}
            ]
        })
    );
    let run = easnet(&args, None);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
    assert!(
        run.stdout.ends_with(
            "fits             yes (alone)\n\
             smallest prefix  /27\n\
             two vSwitches    16 IPs of the service, 8 counted in each\n\
             vswitch 1        10.0.1.0/27: share 8 + other 2 = 10 of 28 usable, fits, 18 free\n\
             vswitch 2        10.0.2.0/28: share 8 + other 1 = 9 of 12 usable, fits, 3 free\n\
             warning          10.0.2.0/28 has 11 IPs free for the service, which needs 16 \
             over its 2 vSwitches: if only that zone has stock, not every instance can start\n"
        ),
        "{}",
        run.stdout
    );
    // Neither takes it alone, and the second's share does not fit: two warnings.
    let run = easnet(
        &[
            "capacity",
            "10.0.1.0/28",
            "--instances",
            "20",
            "--max-surge",
            "1",
            "--second-cidr",
            "10.0.2.0/29",
        ],
        None,
    );
    assert_eq!(run.code, 0);
    for line in [
        "fits             no (alone)\n",
        "vswitch 1        10.0.1.0/28: share 11 + other 0 = 11 of 12 usable, fits, 1 free\n",
        "vswitch 2        10.0.2.0/29: share 11 + other 0 = 11 of 4 usable, does not fit\n",
        "warning          10.0.1.0/28 has 12 IPs free for the service, which needs 21",
        "warning          10.0.2.0/29 has 4 IPs free for the service, which needs 21",
    ] {
        assert!(run.stdout.contains(line), "{line}\n{}", run.stdout);
    }
}

#[test]
fn bad_input_is_one_line_exit_2() {
    let cases: [(&[&str], &str); 13] = [
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
        (
            &["capacity", "10.0.1.0/24", "--unit-size", "0"],
            "invalid unit size \"0\": expected an integer of 1 or more (machines per instance)",
        ),
        (
            &["capacity", "10.0.1.0/24", "--unit-size", "-2"],
            "invalid value '-2' for '--unit-size <N>'",
        ),
        (
            &["capacity", "10.0.1.0/24", "--second-cidr", "10.0.2.1/24"],
            "invalid second CIDR \"10.0.2.1/24\": host bits are set; the network is 10.0.2.0/24",
        ),
        (
            &["capacity", "10.0.1.0/24", "--second-cidr", "10.0.1.128/25"],
            "invalid second CIDR \"10.0.1.128/25\": 10.0.1.128/25 overlaps 10.0.1.0/24: two \
             vSwitches of one VPC cannot overlap",
        ),
        (
            &["capacity", "10.0.1.0/24", "--second-other-ips", "3"],
            "--second-cidr <CIDR>",
        ),
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
        "--unit-size",
        "--second-cidr",
        "--second-other-ips",
        "--format",
    ] {
        assert!(run.stdout.contains(flag), "{flag}");
    }
}
