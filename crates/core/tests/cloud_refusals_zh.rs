//! The importer's refusals in Chinese: every `CloudError` keeps its catalogue key and values,
//! so `message_in` writes it in the chosen language; English stays `message`, as before.

use easnet_core::cloud::{import, merge, read_paste, CloudError, CloudErrorKind};
use easnet_core::i18n::{Catalogue, Lang};
use easnet_core::import::import_paste;
use easnet_core::plan::{parse_plan, Plan};

fn zh() -> &'static Catalogue {
    Catalogue::embedded(Lang::Zh).unwrap()
}

/// The refusal of `paste` imported into `plan`, checked to read the same in English.
fn refusal(paste: &str, plan: &Plan) -> CloudError {
    let e = import(paste, plan).unwrap_err();
    assert_eq!(e.message_in(Catalogue::english()), e.message);
    assert_eq!(e.to_string(), e.message);
    let zh = e.message_in(zh());
    assert!(!zh.contains('{'), "a placeholder left: {zh}");
    e
}

#[test]
fn pastes_that_are_not_describe_output() {
    let e = refusal(" \n", &Plan::empty());
    assert_eq!(e.kind, CloudErrorKind::Empty);
    assert_eq!(
        e.message_in(zh()),
        "粘贴的内容为空：请粘贴 `aliyun` describe 命令输出的 JSON"
    );

    let e = refusal(r#"{"Vpcs": {}} $ aliyun"#, &Plan::empty());
    assert_eq!(e.kind, CloudErrorKind::NotJson);
    assert!(
        e.message_in(zh())
            .starts_with("第 1 个响应之后的内容不是 JSON："),
        "{}",
        e.message_in(zh())
    );
    assert!(e
        .message_in(zh())
        .ends_with("；请只粘贴 `aliyun` 输出的内容"));

    let e = refusal(
        r#"{"Vpcs": {}} {"Instances": {}, "RequestId": "r"}"#,
        &Plan::empty(),
    );
    assert_eq!(e.kind, CloudErrorKind::UnknownShape);
    assert!(e
        .message
        .starts_with("response 2 is not the output of a describe call easnet reads: found an object with keys Instances, RequestId; expected a top-level Vpcs, VSwitches"));
    assert!(
        e.message_in(zh()).starts_with(
            "第 2 个响应不是 easnet 能读取的 describe 调用输出：其中是一个含有键 Instances, RequestId 的对象；顶层应为 Vpcs, VSwitches, "
        ),
        "{}",
        e.message_in(zh())
    );
    assert!(e.message_in(zh()).ends_with(" 之一（命令见 README）"));

    let e = refusal(r#"[{"version": 1, "vpcs": []}]"#, &Plan::empty());
    assert!(
        e.message_in(zh())
            .contains("（这是一个 easnet 规划：请作为规划导入，或交给 `easnet import --into`）"),
        "{}",
        e.message_in(zh())
    );
}

#[test]
fn error_responses_of_the_cloud_and_the_cli() {
    let e = refusal(
        r#"{"Vpcs": {}} {"Code": "Forbidden.RAM", "Message": "User not authorized", "RequestId": "r"}"#,
        &Plan::empty(),
    );
    assert_eq!(e.kind, CloudErrorKind::ErrorResponse);
    assert_eq!(
        e.message_in(zh()),
        "第 2 个响应是云端返回的错误，不是 describe 调用的结果：Forbidden.RAM：User not authorized。\
         未导入任何内容；请修正调用后重新粘贴其输出"
    );
    let e = refusal(
        "ERROR: SDK.ServerError\nErrorCode: Throttling\nMessage: slow down",
        &Plan::empty(),
    );
    assert_eq!(
        e.message_in(zh()),
        "粘贴的内容是 aliyun CLI 输出的错误，不是 describe 调用的结果：Throttling: slow down。\
         未导入任何内容；请修正调用后重新粘贴其输出"
    );
}

#[test]
fn pages_cut_off() {
    let e = refusal(
        r#"{"NextToken": "AAE", "SecurityGroups": {"SecurityGroup": []}}"#,
        &Plan::empty(),
    );
    assert_eq!(e.kind, CloudErrorKind::CutOff);
    assert_eq!(
        e.message_in(zh()),
        "响应（DescribeSecurityGroups）不完整：其 NextToken 不为空，说明后面还有分页，而最后一页\
         不在粘贴的内容中。未导入任何内容；请用 `easnet snapshot` 获取，或粘贴所有分页"
    );
    let e = refusal(
        r#"{"SecurityGroupId": "sg-a", "NextToken": "x", "Permissions": {}}"#,
        &Plan::empty(),
    );
    assert!(e
        .message_in(zh())
        .starts_with("响应（DescribeSecurityGroupAttribute）（sg-a）不完整："));
    assert!(e
        .message_in(zh())
        .contains("请加上 --MaxResults 1000 重新运行，或粘贴所有分页"));

    let page = r#"{"PageNumber": 1, "PageSize": 50, "TotalCount": 120, "VSwitches": {}}"#;
    let e = refusal(page, &Plan::empty());
    assert_eq!(
        e.message_in(zh()),
        "响应（DescribeVSwitches）是共 3 页中的第 1 页（TotalCount 120，PageSize 50），而第 2 页\
         不在粘贴的内容中。未导入任何内容；请用 `easnet snapshot` 获取（--pager 会丢页），或粘贴所有分页"
    );

    // A response read from a file names the file in either language.
    let responses: Vec<_> = (read_paste(page).unwrap().into_iter())
        .map(|r| r.from_source("vsw.json"))
        .collect();
    let e = merge(&responses, &Plan::empty()).unwrap_err();
    assert!(e
        .message
        .starts_with("vsw.json: the response (DescribeVSwitches) is page 1 of 3"));
    assert!(
        e.message_in(zh())
            .starts_with("vsw.json：响应（DescribeVSwitches）是共 3 页中的第 1 页"),
        "{}",
        e.message_in(zh())
    );
}

#[test]
fn merges_that_would_break_the_plan() {
    let plan = parse_plan(
        r#"{"version": 1, "vpcs": [{"id": "vpc-a", "cidrs": ["10.0.0.0/16"],
            "route_tables": [{"id": "vtb-mine", "kind": "system", "routes": []}]}]}"#,
    )
    .unwrap();
    let paste = r#"{"RouterTableList": {"RouterTableListType": [{"RouteTableId": "vtb-cloud",
        "VpcId": "vpc-a", "RouteTableType": "System"}]}}"#;
    let e = refusal(paste, &plan);
    assert_eq!(e.kind, CloudErrorKind::InvalidPlan);
    assert_eq!(
        e.message_in(zh()),
        "云上 vpc-a 的系统路由表是 vtb-cloud，而规划中的是 vtb-mine：一个 VPC 只有一个系统路由表。\
         未导入任何内容；请在规划中将 vtb-mine 改名为 vtb-cloud（或删除它），然后重新导入"
    );
}

#[test]
fn import_errors_of_the_page() {
    let cut = r#"{"NextToken": "AAAB", "RouteEntrys": {"RouteEntry": []}}"#;
    let e = import_paste(cut, &Plan::empty()).unwrap_err();
    assert_eq!(e.message_in(Catalogue::english()), e.to_string());
    assert!(e
        .message_in(zh())
        .starts_with("响应（DescribeRouteEntryList）不完整"));
}
