//! Merging by ID: import twice = import once, nothing duplicated, what the user wrote and the
//! cloud does not know survives, and what the cloud knows is updated.

use std::fs;
use std::path::{Path, PathBuf};

use easnet_core::cloud::{import, Change, CloudErrorKind, Kind, NetworkImport};
use easnet_core::plan::{parse_plan, write_plan, Plan};

fn network_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cloud/network")
}

/// The ten describe outputs of the network fixture, pasted together.
fn network() -> String {
    let mut names: Vec<PathBuf> = fs::read_dir(network_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with(|c: char| c.is_ascii_digit())
        })
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| fs::read_to_string(p).unwrap() + "\n")
        .collect()
}

fn services() -> Plan {
    parse_plan(&fs::read_to_string(network_dir().join("services-plan.json")).unwrap()).unwrap()
}

fn line<'s>(got: &'s NetworkImport, change: Change, kind: Kind, id: &str) -> Option<&'s str> {
    (got.summary.lines.iter())
        .find(|l| l.change == change && l.kind == kind && l.id == id)
        .map(|l| l.detail.as_str())
}

/// A plan the user wrote before importing: readable annotations, an override, stale CIDRs,
/// and objects the cloud does not know.
const MINE: &str = r#"{
  "version": 1,
  "utilization_warning": 0.7,
  "vpcs": [
    {
      "id": "vpc-bp1prod",
      "cidrs": ["10.0.0.0/16"],
      "vswitches": [
        {"id": "vsw-bp1eas-h", "zone": "cn-hangzhou-h", "cidr": "10.0.1.0/25", "route_table": "vtb-bp1eas", "other_ips": 7},
        {"id": "vsw-bp1eas-i", "zone": "cn-hangzhou-i", "cidr": "10.0.2.0/26"},
        {"id": "vsw-bp1planned", "zone": "cn-hangzhou-j", "cidr": "10.0.40.0/24", "other_ips": 2}
      ],
      "route_tables": [
        {"id": "vtb-bp1eas", "kind": "custom", "routes": [
          {"destination": "0.0.0.0/0", "next_hop_type": "NatGateway", "next_hop_id": "ngw-bp1old"},
          {"destination": "10.200.0.0/16", "next_hop_type": "VpnGateway", "next_hop_id": "vpn-bp1idc"}
        ]}
      ],
      "security_groups": [
        {"id": "sg-bp1eas", "kind": "basic", "egress": [
          {"policy": "accept", "priority": 1, "protocol": "tcp", "port_range": "8080/8080", "destination": "0.0.0.0/0"}
        ]},
        {"id": "sg-bp1mine", "kind": "enterprise", "egress": []}
      ],
      "nat_gateways": [
        {"id": "ngw-bp1egress", "kind": "internet", "eips": ["47.98.10.1"], "snat_entries": [
          {"source": "vsw-bp1eas-h", "snat_ips": ["47.98.10.9"]},
          {"source": "10.0.40.0/24", "snat_ips": ["47.98.10.1"]}
        ]}
      ]
    }
  ],
  "resource_groups": [
    {"id": "eas-r-gpu", "networking": {"vpc_id": "vpc-bp1prod", "vswitch_id": "vsw-bp1eas-h", "security_group_id": "sg-bp1eas"}}
  ],
  "services": [
    {
      "service": {"metadata": {"name": "chat", "instance": 4, "resource": "eas-r-gpu", "ratio": 1e3},  "cloud": {"networking": {"vpc_id": "vpc-bp1prod", "vswitch_id": "vsw-bp1eas-h", "security_group_id": "sg-bp1eas"}}},
      "needs_internet": true,
      "targets": [{"name": "orders-db", "address": "172.16.5.10", "port": 3306, "whitelist": ["10.0.1.0/24"]}]
    }
  ]
}"#;

#[test]
fn importing_twice_is_importing_once() {
    for into in [Plan::empty(), services(), parse_plan(MINE).unwrap()] {
        let once = import(&network(), &into).unwrap();
        let twice = import(&network(), &once.plan).unwrap();
        assert_eq!(twice.plan, once.plan);
        assert_eq!(write_plan(&twice.plan), write_plan(&once.plan));
        let s = &twice.summary;
        assert_eq!(
            (s.imported, s.updated),
            (0, 0),
            "{}",
            s.text(easnet_core::i18n::Catalogue::english())
        );
        assert_eq!(
            s.unchanged,
            once.summary.imported + once.summary.updated + once.summary.unchanged
        );
        assert_eq!(s.skipped, once.summary.skipped);
    }
}

#[test]
fn nothing_is_duplicated() {
    let once = import(&network(), &parse_plan(MINE).unwrap()).unwrap();
    let vpc = &once.plan.vpcs[0];
    let mut ids: Vec<&str> = (vpc.vswitches.iter().map(|s| s.id.as_str()))
        .chain(vpc.route_tables.iter().map(|t| t.id.as_str()))
        .chain(vpc.security_groups.iter().map(|g| g.id.as_str()))
        .chain(vpc.nat_gateways.iter().map(|n| n.id.as_str()))
        .collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "{ids:?}");
    assert_eq!(once.plan.vpcs.len(), 2);
    let routes = &vpc
        .route_tables
        .iter()
        .find(|t| t.id == "vtb-bp1eas")
        .unwrap()
        .routes;
    let mut dests: Vec<&str> = routes.iter().map(|r| r.destination.as_str()).collect();
    dests.sort();
    assert_eq!(dests, ["0.0.0.0/0", "10.200.0.0/16", "172.16.0.0/16"]);
}

#[test]
fn what_the_user_wrote_survives() {
    let mine = parse_plan(MINE).unwrap();
    let got = import(&network(), &mine).unwrap();
    let plan = &got.plan;
    // Services byte for byte (`1e3` and the double space included), targets, resource groups,
    // the threshold.
    assert_eq!(plan.services, mine.services);
    assert!(plan.services[0]
        .service
        .text()
        .contains("\"ratio\": 1e3},  \"cloud\""));
    assert_eq!(plan.resource_groups, mine.resource_groups);
    assert_eq!(plan.utilization_warning, Some(0.7));
    let vpc = &plan.vpcs[0];
    let vsw = |id: &str| vpc.vswitches.iter().find(|s| s.id == id).unwrap();
    // The user's other_ips override is kept, with a note naming the cloud's count.
    assert_eq!(vsw("vsw-bp1eas-h").other_ips, 7);
    assert!(
        (got.summary.notes.iter()).any(|n| n.starts_with(
            "vsw-bp1eas-h: kept other_ips 7 from the plan; the cloud counts 12 IPs in use"
        )),
        "{:?}",
        got.summary.notes
    );
    // other_ips 0 (nothing written) takes the cloud's count.
    assert_eq!(vsw("vsw-bp1eas-i").other_ips, 5);
    // Objects the cloud does not know stay: a planned vSwitch, a group, a route, an SNAT entry.
    assert_eq!(vsw("vsw-bp1planned").other_ips, 2);
    assert!(vpc.security_groups.iter().any(|g| g.id == "sg-bp1mine"));
    let eas = vpc
        .route_tables
        .iter()
        .find(|t| t.id == "vtb-bp1eas")
        .unwrap();
    assert!(eas.routes.iter().any(|r| r.destination == "10.200.0.0/16"));
    let ngw = vpc
        .nat_gateways
        .iter()
        .find(|n| n.id == "ngw-bp1egress")
        .unwrap();
    assert!(ngw.snat_entries.iter().any(|e| e.source == "10.0.40.0/24"));
    // And the merged plan is still valid.
    assert_eq!(parse_plan(&write_plan(plan)).as_ref(), Ok(plan));
}

#[test]
fn what_the_cloud_knows_is_updated() {
    let got = import(&network(), &parse_plan(MINE).unwrap()).unwrap();
    let vpc = &got.plan.vpcs[0];
    assert_eq!(vpc.cidrs, ["10.0.0.0/16", "10.10.0.0/16"]);
    assert_eq!(
        line(&got, Change::Updated, Kind::Vpc, "vpc-bp1prod"),
        Some("cidrs 10.0.0.0/16 → 10.0.0.0/16, 10.10.0.0/16")
    );
    let eas_h = vpc
        .vswitches
        .iter()
        .find(|s| s.id == "vsw-bp1eas-h")
        .unwrap();
    assert_eq!(eas_h.cidr, "10.0.1.0/24");
    assert_eq!(
        line(&got, Change::Updated, Kind::VSwitch, "vsw-bp1eas-h"),
        Some("cidr 10.0.1.0/25 → 10.0.1.0/24")
    );
    // The route to the old gateway now goes to the real one.
    let eas = vpc
        .route_tables
        .iter()
        .find(|t| t.id == "vtb-bp1eas")
        .unwrap();
    let default = eas
        .routes
        .iter()
        .find(|r| r.destination == "0.0.0.0/0")
        .unwrap();
    assert_eq!(default.next_hop_id.as_deref(), Some("ngw-bp1egress"));
    assert_eq!(
        line(&got, Change::Updated, Kind::RouteTable, "vtb-bp1eas"),
        Some("routes: 1 added, 1 changed")
    );
    // The group's rules are the cloud's; the gateway's EIPs, vSwitch and SNAT IPs too.
    let sg = vpc
        .security_groups
        .iter()
        .find(|g| g.id == "sg-bp1eas")
        .unwrap();
    assert_eq!(sg.egress.len(), 3);
    assert!(sg
        .egress
        .iter()
        .all(|r| r.port_range.as_deref() != Some("8080/8080")));
    let ngw = vpc
        .nat_gateways
        .iter()
        .find(|n| n.id == "ngw-bp1egress")
        .unwrap();
    assert_eq!(ngw.eips, ["47.98.10.1", "47.98.10.2"]);
    assert_eq!(ngw.vswitch.as_deref(), Some("vsw-bp1nat"));
    let entry = ngw
        .snat_entries
        .iter()
        .find(|e| e.source == "vsw-bp1eas-h")
        .unwrap();
    assert_eq!(entry.snat_ips, ["47.98.10.1"]);
    assert_eq!(
        line(&got, Change::Updated, Kind::NatGateway, "ngw-bp1egress"),
        Some("vswitch none → vsw-bp1nat; snat_table_id none → stb-bp1egress; eips [47.98.10.1] → [47.98.10.1, 47.98.10.2]; SNAT entries: 1 added, 1 changed")
    );
    // New objects are appended after the user's, sorted by ID.
    let ids: Vec<&str> = vpc.vswitches.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "vsw-bp1eas-h",
            "vsw-bp1eas-i",
            "vsw-bp1planned",
            "vsw-bp1db",
            "vsw-bp1nat"
        ]
    );
}

#[test]
fn a_changed_cloud_count_updates_an_imported_zero_but_not_an_override() {
    let vpcs = r#"{"Vpcs": {"Vpc": [{"VpcId": "vpc-a", "CidrBlock": "10.0.0.0/16"}]}}"#;
    let vsw = |available: u64| {
        format!(
            r#"{{"VSwitches": {{"VSwitch": [{{"VSwitchId": "vsw-a", "VpcId": "vpc-a", "CidrBlock": "10.0.1.0/24", "AvailableIpAddressCount": {available}}}]}}}}"#
        )
    };
    let first = import(&format!("{vpcs}{}", vsw(252)), &Plan::empty()).unwrap();
    assert_eq!(first.plan.vpcs[0].vswitches[0].other_ips, 0);
    // 0 is "nothing written": a later import takes the new count.
    let later = import(&vsw(240), &first.plan).unwrap();
    assert_eq!(later.plan.vpcs[0].vswitches[0].other_ips, 12);
    assert_eq!(
        line(&later, Change::Updated, Kind::VSwitch, "vsw-a"),
        Some("other_ips 0 → 12")
    );
    // A non-zero value is kept, and the note says what the cloud counts now.
    let again = import(&vsw(230), &later.plan).unwrap();
    assert_eq!(again.plan.vpcs[0].vswitches[0].other_ips, 12);
    assert_eq!(again.summary.unchanged, 1);
    assert!(again.summary.notes[0].contains("kept other_ips 12 from the plan; the cloud counts 22 IPs in use (252 usable − 230 available)"));
    // Setting it to 0 takes the cloud's count again.
    let mut reset = again.plan.clone();
    reset.vpcs[0].vswitches[0].other_ips = 0;
    let taken = import(&vsw(230), &reset).unwrap();
    assert_eq!(taken.plan.vpcs[0].vswitches[0].other_ips, 22);
}

#[test]
fn an_object_in_the_wrong_vpc_moves_to_the_cloud_s() {
    let plan = parse_plan(
        r#"{"version": 1, "vpcs": [
          {"id": "vpc-a", "cidrs": ["10.0.0.0/16"], "vswitches": [
            {"id": "vsw-x", "cidr": "10.1.1.0/24", "other_ips": 4},
            {"id": "vsw-y", "cidr": "10.0.2.0/24"}]},
          {"id": "vpc-b", "cidrs": ["10.1.0.0/16"], "vswitches": []}]}"#,
    )
    .unwrap();
    let paste = r#"{"VSwitches": {"VSwitch": [{"VSwitchId": "vsw-x", "VpcId": "vpc-b", "CidrBlock": "10.1.1.0/24", "AvailableIpAddressCount": 248}]}}"#;
    let got = import(paste, &plan).unwrap();
    assert_eq!(got.plan.vpcs[0].vswitches.len(), 1);
    assert_eq!(got.plan.vpcs[0].vswitches[0].id, "vsw-y");
    assert_eq!(got.plan.vpcs[1].vswitches[0].id, "vsw-x");
    assert_eq!(got.plan.vpcs[1].vswitches[0].other_ips, 4);
    assert_eq!(
        line(&got, Change::Updated, Kind::VSwitch, "vsw-x"),
        Some("moved from vpc-a to vpc-b")
    );
}

#[test]
fn a_clash_of_system_tables_imports_nothing() {
    let plan = parse_plan(
        r#"{"version": 1, "vpcs": [{"id": "vpc-a", "cidrs": ["10.0.0.0/16"],
            "route_tables": [{"id": "vtb-mine", "kind": "system", "routes": []}]}]}"#,
    )
    .unwrap();
    let paste = r#"{"RouterTableList": {"RouterTableListType": [{"RouteTableId": "vtb-real", "RouteTableType": "System", "VpcId": "vpc-a"}]}}"#;
    let e = import(paste, &plan).unwrap_err();
    assert_eq!(e.kind, CloudErrorKind::InvalidPlan);
    assert!(
        e.message.contains(
            "the cloud's system route table of vpc-a is vtb-real, but the plan's is vtb-mine"
        ),
        "{e}"
    );
}

#[test]
fn a_plan_region_is_kept_and_a_missing_one_filled() {
    let paste = r#"{"Vpcs": {"Vpc": [{"VpcId": "vpc-a", "RegionId": "cn-beijing", "CidrBlock": "10.0.0.0/16"}]}}"#;
    let got = import(paste, &Plan::empty()).unwrap();
    assert_eq!(got.plan.region.as_deref(), Some("cn-beijing"));
    let mut shanghai = Plan::empty();
    shanghai.region = Some("cn-shanghai".to_owned());
    let got = import(paste, &shanghai).unwrap();
    assert_eq!(got.plan.region.as_deref(), Some("cn-shanghai"));
    assert_eq!(
        got.summary.notes,
        ["the paste is of region cn-beijing; the plan's region cn-shanghai is kept"]
    );
}

#[test]
fn a_plan_already_broken_mid_edit_still_takes_an_import() {
    // A peering with one VPC chosen so far (the page's autosave keeps such plans).
    let mut plan = Plan::empty();
    plan.peerings.push(easnet_core::plan::Peering {
        id: "pcc-draft".to_owned(),
        kind: easnet_core::plan::PeeringKind::VpcPeer,
        vpcs: vec!["vpc-a".to_owned()],
    });
    let paste = r#"{"Vpcs": {"Vpc": [{"VpcId": "vpc-a", "CidrBlock": "10.0.0.0/16"}]}}"#;
    let got = import(paste, &plan).unwrap();
    assert_eq!(got.plan.peerings, plan.peerings);
    assert_eq!(got.plan.vpcs[0].id, "vpc-a");
}

/// The plan format's rules, with vpc-a breaking one already (two system tables) and vtb-x,
/// listed before them, about to move: the merge changes the problem's JSON path.
const TWO_SYSTEM_TABLES: &str = r#"{"version": 1, "vpcs": [
    {"id": "vpc-a", "cidrs": ["10.0.0.0/16"], "route_tables": [
        {"id": "vtb-x", "kind": "custom", "routes": []},
        {"id": "vtb-s1", "kind": "system", "routes": []},
        {"id": "vtb-s2", "kind": "system", "routes": []},
        {"id": "vtb-s3", "kind": "system", "routes": []}]},
    {"id": "vpc-b", "cidrs": ["10.1.0.0/16"], "route_tables": [
        {"id": "vtb-b", "kind": "system", "routes": []}]}]}"#;

fn table_in(id: &str, vpc: &str, kind: Option<&str>) -> String {
    let kind = kind.map_or_else(String::new, |k| format!(r#", "RouteTableType": "{k}""#));
    format!(
        r#"{{"RouterTableList": {{"RouterTableListType": [{{"RouteTableId": "{id}", "VpcId": "{vpc}"{kind}}}]}}}}"#
    )
}

#[test]
fn a_problem_the_plan_had_is_not_new_when_the_merge_moves_its_objects() {
    let plan = easnet_core::plan::parse_plan_shape(TWO_SYSTEM_TABLES).unwrap();
    // vtb-x moves to vpc-b: vpc-a's problem is now at route_tables[2], not [3].
    let got = import(&table_in("vtb-x", "vpc-b", Some("Custom")), &plan).unwrap();
    assert_eq!(got.plan.vpcs[0].route_tables.len(), 3);
    // vtb-s1 becomes vpc-b's custom table: vpc-a still has two system tables, named by
    // vtb-s2 now. The same problem (vpc-a's), not a new one.
    let got = import(&table_in("vtb-s1", "vpc-b", Some("Custom")), &plan).unwrap();
    let ids: Vec<&str> = (got.plan.vpcs[0].route_tables.iter())
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(ids, ["vtb-x", "vtb-s2", "vtb-s3"]);
}

#[test]
fn a_problem_of_another_object_is_new_and_imports_nothing() {
    let plan = easnet_core::plan::parse_plan_shape(TWO_SYSTEM_TABLES).unwrap();
    // The paste does not say vtb-s1's type: it stays system, and vpc-b gets a second one.
    let e = import(&table_in("vtb-s1", "vpc-b", None), &plan).unwrap_err();
    assert_eq!(e.kind, CloudErrorKind::InvalidPlan);
    assert_eq!(
        e.message,
        "the merged plan would not be valid: vpcs[1].route_tables[1].kind: a VPC has one system \
         route table, but vpc-b also has vtb-b. Nothing imported"
    );
}

#[test]
fn the_summary_serializes_as_plain_data() {
    let got = import(&network(), &services()).unwrap();
    let v = serde_json::to_value(&got.summary).unwrap();
    assert_eq!(v["imported"], 13);
    assert_eq!(v["responses"][0]["operation"], "DescribeVpcs");
    assert_eq!(v["lines"][0]["change"], "imported");
    assert_eq!(v["lines"][0]["kind"], "vpc");
    let back: easnet_core::cloud::ImportSummary = serde_json::from_value(v).unwrap();
    assert_eq!(back, got.summary);
}

#[test]
fn a_vswitch_on_the_plans_system_table_keeps_no_route_table() {
    // The plan knows vtb-sys is the system table; the paste names it on a vSwitch without
    // its type and without the table list.
    let plan = parse_plan(
        r#"{"version": 1, "vpcs": [{"id": "vpc-a", "cidrs": ["10.0.0.0/16"],
            "route_tables": [{"id": "vtb-sys", "kind": "system"}, {"id": "vtb-c", "kind": "custom"}]}]}"#,
    )
    .unwrap();
    let paste = r#"{"VSwitches": {"VSwitch": [
        {"VSwitchId": "vsw-1", "VpcId": "vpc-a", "CidrBlock": "10.0.1.0/24", "RouteTable": {"RouteTableId": "vtb-sys"}},
        {"VSwitchId": "vsw-2", "VpcId": "vpc-a", "CidrBlock": "10.0.2.0/24", "RouteTable": {"RouteTableId": "vtb-c"}}]}}"#;
    let got = import(paste, &plan).unwrap();
    let vswitches = &got.plan.vpcs[0].vswitches;
    // Absent means the system table (plan-format.md); a custom table is named.
    assert_eq!(vswitches[0].route_table, None);
    assert_eq!(vswitches[1].route_table.as_deref(), Some("vtb-c"));
}

/// An SNAT entry is the same entry by its `SnatEntryId` even when its source changed; the
/// gateway's SNAT table comes from its entries when DescribeNatGateways is not in the paste.
#[test]
fn snat_entries_merge_by_their_id() {
    let plan = parse_plan(
        r#"{"version": 1, "vpcs": [{"id": "vpc-a", "cidrs": ["10.0.0.0/16"],
          "nat_gateways": [{"id": "ngw-a", "kind": "internet", "eips": ["47.0.0.1"],
            "snat_entries": [
              {"source": "vsw-old", "snat_ips": ["47.0.0.1"], "id": "snat-1"},
              {"source": "10.0.9.0/24", "snat_ips": ["47.0.0.1"]}]}]}]}"#,
    )
    .unwrap();
    let paste = r#"{"RequestId": "r", "PageNumber": 1, "PageSize": 50, "TotalCount": 2,
      "SnatTableEntries": {"SnatTableEntry": [
        {"SnatEntryId": "snat-1", "SnatTableId": "stb-a", "NatGatewayId": "ngw-a",
         "SourceVSwitchId": "vsw-new", "SourceCIDR": "", "SnatIp": "47.0.0.1"},
        {"SnatEntryId": "snat-2", "SnatTableId": "stb-a", "NatGatewayId": "ngw-a",
         "SourceVSwitchId": "", "SourceCIDR": "10.0.9.0/24", "SnatIp": "47.0.0.1"}]}}"#;
    let got = import(paste, &plan).unwrap();
    let nat = &got.plan.vpcs[0].nat_gateways[0];
    assert_eq!(nat.snat_table_id.as_deref(), Some("stb-a"));
    let entries: Vec<(&str, Option<&str>)> = (nat.snat_entries.iter())
        .map(|e| (e.source.as_str(), e.id.as_deref()))
        .collect();
    assert_eq!(
        entries,
        [("vsw-new", Some("snat-1")), ("10.0.9.0/24", Some("snat-2"))]
    );
    // A second import changes nothing.
    assert_eq!(import(paste, &got.plan).unwrap().plan, got.plan);
}
