//! `cloud::snapshot`: taken from the recorded answers of `tests/cloud/snapshot/` (a VPC with
//! 60 vSwitches on two pages, NextToken pages), written, read back by the importer, and
//! refused when a page or a call is missing.

use std::path::PathBuf;

use easnet_core::cloud::snapshot::{take, Snapshot};
use easnet_core::cloud::{import, is_describe_paste, CloudErrorKind};
use easnet_core::import::{import_paste, Pasted};
use easnet_core::plan::Plan;
use serde_json::Value;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/cloud/snapshot")
}

/// The recorded answers: (arguments, file).
fn recorded() -> Vec<(String, String)> {
    let calls = std::fs::read_to_string(dir().join("calls.tsv")).unwrap();
    calls
        .lines()
        .map(|l| {
            let parts: Vec<&str> = l.splitn(3, '\t').collect();
            assert_eq!(parts[0], "0", "{l}");
            (parts[2].to_owned(), parts[1].to_owned())
        })
        .collect()
}

fn snapshot() -> Snapshot {
    let answers = recorded();
    take("cn-hangzhou", "vpc-bp1prod", |req| {
        let argv = req.argv().join(" ");
        let file = (answers.iter().find(|(a, _)| *a == argv))
            .unwrap_or_else(|| panic!("no recorded answer for {argv}"));
        let text = std::fs::read_to_string(dir().join(&file.1)).unwrap();
        serde_json::from_str(&text).map_err(|e| e.to_string())
    })
    .unwrap()
}

#[test]
fn every_page_of_every_call() {
    let snap = snapshot();
    assert_eq!(snap.pages.len(), recorded().len());
    assert_eq!(snap.calls(), 13);
    let plan = import(&snap.to_json(), &Plan::empty()).unwrap().plan;
    // The VPC, and the peer VPC as far as its peering names it.
    let vpcs: Vec<&str> = plan.vpcs.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(vpcs, ["vpc-bp1prod", "vpc-uf6data"]);
    let vpc = &plan.vpcs[0];
    // Both pages of vSwitches: 50 + 10.
    assert_eq!(vpc.vswitches.len(), 60);
    assert!(vpc.vswitches.iter().any(|v| v.id == "vsw-bp1fill55"));
    // Both NextToken pages of the routes of vtb-bp1eas.
    let eas = vpc
        .route_tables
        .iter()
        .find(|t| t.id == "vtb-bp1eas")
        .unwrap();
    let dests: Vec<&str> = eas.routes.iter().map(|r| r.destination.as_str()).collect();
    assert_eq!(dests, ["0.0.0.0/0", "172.16.0.0/16"]);
    // Both pages of security groups, each with its egress rules.
    let groups: Vec<(&str, usize)> = (vpc.security_groups.iter())
        .map(|g| (g.id.as_str(), g.egress.len()))
        .collect();
    assert_eq!(groups, [("sg-bp1eas", 3), ("sg-bp1strict", 1)]);
    let nat = vpc
        .nat_gateways
        .iter()
        .find(|n| n.id == "ngw-bp1egress")
        .unwrap();
    assert_eq!(nat.eips, ["47.98.10.1", "47.98.10.2"]);
    // The peering of two other VPCs, in a page as a service ignoring the filter would send
    // it, stays out; so do its VPCs.
    let peerings: Vec<&str> = plan.peerings.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(peerings, ["pcc-bp1hub"]);
    assert!(!plan.vpcs.iter().any(|v| v.id == "vpc-bp1dev"));
}

#[test]
fn the_file_is_recognised_wherever_a_paste_is() {
    let text = snapshot().to_json();
    assert!(text.starts_with("{\n  \"easnet_snapshot\": 1,\n  \"made_by\": \"easnet "));
    assert!(is_describe_paste(&text));
    let Ok(Pasted::Network { plan, summary }) = import_paste(&text, &Plan::empty()) else {
        panic!("not read as a network")
    };
    assert_eq!(plan.vpcs[0].vswitches.len(), 60);
    assert!(
        summary
            .text(easnet_core::i18n::Catalogue::english())
            .starts_with(
            "Read 17 responses: DescribeVpcs (1), DescribeVSwitches (50), DescribeVSwitches (10),"
        ),
        "{}",
        summary.text(easnet_core::i18n::Catalogue::english())
    );
    // Beside other pastes, as the page joins the files dropped on it.
    let other = r#"{"Vpcs": {"Vpc": [{"VpcId": "vpc-b", "CidrBlock": "172.20.0.0/16"}]}}"#;
    let both = import(&format!("{text}\n{other}"), &Plan::empty()).unwrap();
    assert_eq!(both.plan.vpcs.len(), 3);
}

/// The snapshot's JSON with `edit` applied to its list of responses.
fn edited(edit: impl FnOnce(&mut Vec<Value>)) -> String {
    let mut v: Value = serde_json::from_str(&snapshot().to_json()).unwrap();
    edit(v["responses"].as_array_mut().unwrap());
    v.to_string()
}

fn is_call(r: &Value, api: &str, arg: (&str, &str), page: u64) -> bool {
    r["api"] == api && r["args"][arg.0] == arg.1 && r["page"] == page
}

#[test]
fn a_missing_page_or_call_imports_nothing() {
    let cases: [(&str, (&str, &str), u64, &str); 4] = [
        (
            "vpc DescribeVSwitches",
            ("VpcId", "vpc-bp1prod"),
            2,
            "vpc DescribeVSwitches --VpcId vpc-bp1prod: page 2 of 2 is missing (TotalCount 60, PageSize 50; 50 read)",
        ),
        (
            "vpc DescribeVSwitches",
            ("VpcId", "vpc-bp1prod"),
            1,
            "vpc DescribeVSwitches --VpcId vpc-bp1prod: page 1 is missing",
        ),
        (
            "vpc DescribeRouteEntryList",
            ("RouteTableId", "vtb-bp1eas"),
            2,
            "vpc DescribeRouteEntryList --RouteTableId vtb-bp1eas: page 2 is missing: page 1 returned NextToken AAAAAdDWBF2w6Olxc+cMPjUtUq4=",
        ),
        (
            "ecs DescribeSecurityGroupAttribute",
            ("SecurityGroupId", "sg-bp1strict"),
            1,
            "ecs DescribeSecurityGroupAttribute --SecurityGroupId sg-bp1strict --Direction egress is not in it",
        ),
    ];
    for (api, arg, page, want) in cases {
        let text = edited(|rs| rs.retain(|r| !is_call(r, api, arg, page)));
        let e = import(&text, &Plan::empty()).unwrap_err();
        assert_eq!(e.kind, CloudErrorKind::CutOff, "{e}");
        assert_eq!(
            e.message,
            format!("the easnet snapshot is not complete: {want}. Nothing imported; take it again")
        );
    }
    // Pages that do not add up to TotalCount: an item dropped from page 2.
    let text = edited(|rs| {
        let p2 = rs
            .iter_mut()
            .find(|r| is_call(r, "vpc DescribeVSwitches", ("VpcId", "vpc-bp1prod"), 2))
            .unwrap();
        p2["response"]["VSwitches"]["VSwitch"]
            .as_array_mut()
            .unwrap()
            .pop();
    });
    let e = import(&text, &Plan::empty()).unwrap_err();
    assert!(
        e.message
            .contains("its pages list 59 items but TotalCount is 60"),
        "{e}"
    );
}

#[test]
fn refusals_name_the_call_and_page() {
    let text = edited(|rs| {
        rs[3]["response"] = serde_json::json!({"RequestId": "r", "Code": "Throttling.User", "Message": "Request was denied due to user flow control."});
    });
    let e = import(&text, &Plan::empty()).unwrap_err();
    assert_eq!(e.kind, CloudErrorKind::ErrorResponse);
    assert!(e.message.starts_with(
        "vpc DescribeRouteTableList --VpcId vpc-bp1prod, page 1: the cloud answered with an error: Throttling.User"
    ), "{e}");

    let text = edited(|rs| rs[1]["response"] = serde_json::json!({"Vpcs": {"Vpc": []}}));
    let e = import(&text, &Plan::empty()).unwrap_err();
    assert_eq!(e.kind, CloudErrorKind::UnknownShape);
    assert!(
        e.message.contains(
            "page 1: expected a DescribeVSwitches response, found the answer of DescribeVpcs"
        ),
        "{e}"
    );

    let mut v: Value = serde_json::from_str(&snapshot().to_json()).unwrap();
    v["easnet_snapshot"] = 2.into();
    let e = import(&v.to_string(), &Plan::empty()).unwrap_err();
    assert!(
        e.message
            .contains("it is of format 2, and this easnet reads format 1"),
        "{e}"
    );

    let text = edited(|rs| rs[0]["api"] = "vpc DescribeRouteTables".into());
    let e = import(&text, &Plan::empty()).unwrap_err();
    assert!(
        e.message
            .contains("responses[0]: vpc DescribeRouteTables is not a call of a snapshot"),
        "{e}"
    );
}

#[test]
fn a_call_the_walk_does_not_ask_for_is_refused() {
    // Another VPC's vSwitches, added by hand: they would come in as this VPC's otherwise.
    let text = edited(|rs| {
        let mut other = rs
            .iter()
            .find(|r| is_call(r, "vpc DescribeVSwitches", ("VpcId", "vpc-bp1prod"), 1))
            .unwrap()
            .clone();
        // One whole page of its own, so that its pages add up.
        other["args"]["VpcId"] = "vpc-bp1other".into();
        other["response"]["TotalCount"] = 50.into();
        rs.push(other);
    });
    let e = import(&text, &Plan::empty()).unwrap_err();
    assert_eq!(e.kind, CloudErrorKind::UnknownShape, "{e}");
    assert!(
        e.message.starts_with(
            "the snapshot holds a call it does not need: vpc DescribeVSwitches --VpcId vpc-bp1other"
        ),
        "{e}"
    );
    // The rules of a group the snapshot's group list does not name.
    let text = edited(|rs| {
        let mut other = rs
            .iter()
            .find(|r| {
                is_call(
                    r,
                    "ecs DescribeSecurityGroupAttribute",
                    ("SecurityGroupId", "sg-bp1eas"),
                    1,
                )
            })
            .unwrap()
            .clone();
        other["args"]["SecurityGroupId"] = "sg-elsewhere".into();
        rs.push(other);
    });
    let e = import(&text, &Plan::empty()).unwrap_err();
    assert!(
        e.message.contains(
            "does not need: ecs DescribeSecurityGroupAttribute --SecurityGroupId sg-elsewhere"
        ),
        "{e}"
    );
}

#[test]
fn snapshot_refusals_in_chinese() {
    use easnet_core::i18n::{Catalogue, Lang};
    let zh = Catalogue::embedded(Lang::Zh).unwrap();
    let text = edited(|rs| {
        rs.retain(|r| !is_call(r, "vpc DescribeVSwitches", ("VpcId", "vpc-bp1prod"), 2))
    });
    let e = import(&text, &Plan::empty()).unwrap_err();
    assert_eq!(e.message_in(Catalogue::english()), e.message);
    assert_eq!(
        e.message_in(zh),
        "easnet 快照不完整：vpc DescribeVSwitches --VpcId vpc-bp1prod：缺少共 2 页中的第 2 页\
         （TotalCount 60，PageSize 50；已读取 50 条）。未导入任何内容；请重新生成快照"
    );
    let text = edited(|rs| {
        rs[3]["response"] =
            serde_json::json!({"RequestId": "r", "Code": "Throttling.User", "Message": "denied"});
    });
    let e = import(&text, &Plan::empty()).unwrap_err();
    assert_eq!(e.kind, CloudErrorKind::ErrorResponse);
    let zh_text = e.message_in(zh);
    assert!(
        zh_text
            .contains("：云端返回了错误：Throttling.User：denied。未导入任何内容；请重新生成快照"),
        "{zh_text}"
    );
    let mut v: Value = serde_json::from_str(&snapshot().to_json()).unwrap();
    v["easnet_snapshot"] = 2.into();
    let e = import(&v.to_string(), &Plan::empty()).unwrap_err();
    assert_eq!(
        e.message_in(zh),
        "无法读取 easnet 快照：其格式版本为 2，而当前 easnet 读取的格式版本为 1：\
         请用生成它的 easnet 导入，或重新生成快照"
    );
}
