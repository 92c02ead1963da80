//! `easnet export`: every `--what`, and the errors of a wrong service name.

mod common;

use common::{assert_error, easnet, repo};
use easnet_core::analyze::analyze;
use easnet_core::export;
use easnet_core::i18n::Catalogue;
use easnet_core::plan::parse_plan;

const BROKEN: &str = "examples/quickstart-broken.json";

fn export_run(plan: &str, service: &str, what: &str, stdin: Option<&[u8]>) -> common::Run {
    easnet(
        &["export", plan, "--service", service, "--what", what],
        stdin,
    )
}

fn ok(run: common::Run) -> String {
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
    run.stdout
}

/// Every `easnet export` kind.
const EXPORTS: [&str; 7] = [
    "networking",
    "service",
    "eascmd",
    "whitelist",
    "test-command",
    "report",
    "dlink",
];

#[test]
fn networking_and_service() {
    let out = ok(export_run(&repo(BROKEN), "qwen-chat", "networking", None));
    assert_eq!(
        out,
        "{\n  \"vpc_id\": \"vpc-uf6ml-prod\",\n  \"vswitch_id\": \"vsw-uf6eas-e\",\n  \"security_group_id\": \"sg-uf6eas\"\n}\n"
    );
    let out = ok(export_run(&repo(BROKEN), "qwen-chat", "service", None));
    assert!(
        out.starts_with("{\n  \"metadata\": {\n    \"name\": \"qwen-chat\",\n"),
        "{out}"
    );
    assert!(out.ends_with("\n}\n"));
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["autoscaler"]["max"], 20);
}

#[test]
fn commands() {
    let out = ok(export_run(&repo(BROKEN), "qwen-chat", "eascmd", None));
    assert_eq!(
        out,
        "eascmd create service.json\neascmd modify qwen-chat -s service.json\n"
    );
    let run = easnet(
        &[
            "export",
            &repo(BROKEN),
            "--service",
            "qwen-chat",
            "--what",
            "eascmd",
            "--file",
            "qwen chat.json",
        ],
        None,
    );
    assert_eq!(
        ok(run),
        "eascmd create 'qwen chat.json'\neascmd modify qwen-chat -s 'qwen chat.json'\n"
    );

    let out = ok(export_run(&repo(BROKEN), "qwen-chat", "test-command", None));
    assert_eq!(
        out,
        "timeout 5 bash -c '</dev/tcp/192.168.30.15/3306' && echo open || echo closed\n\
         curl -I -A \"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0.0.0\" --connect-timeout 5 https://www.aliyun.com\n"
    );
}

#[test]
fn whitelist_and_report_follow_the_analyzer() {
    let plan = parse_plan(&std::fs::read_to_string(repo(BROKEN)).unwrap()).unwrap();
    let report = analyze(&plan);
    let out = ok(export_run(&repo(BROKEN), "qwen-chat", "whitelist", None));
    let advice =
        export::whitelist_entries(&plan, &report, "qwen-chat", Catalogue::english()).unwrap();
    assert_eq!(advice.len(), 1);
    assert!(out.starts_with("# orders-rds (192.168.30.15)"), "{out}");
    for entry in &advice[0].to_add {
        assert!(out.contains(entry.as_str()));
    }
    let command = advice[0]
        .command
        .as_ref()
        .expect("orders-rds is of kind rds");
    assert!(out.contains(command.as_str()));
    assert!(
        command.starts_with("aliyun rds ModifySecurityIps --DBInstanceId <InstanceId> "),
        "orders-rds is RDS, ID unknown: {command}"
    );
    let out = ok(export_run(&repo(BROKEN), "qwen-chat", "report", None));
    assert_eq!(
        out,
        export::markdown_report(&plan, &report, Catalogue::english())
    );
    assert!(out.starts_with(
        "# easnet report\n\nPlan: region `cn-shanghai` · 1 VPC · 4 vSwitches · 1 service."
    ));
}

#[test]
fn dlink_for_a_service_on_a_resource_group() {
    let plan = br#"{"version": 1, "region": "cn-beijing",
      "resource_groups": [{"id": "eas-r-gpu", "networking": {"vpc_id": "vpc-a", "vswitch_id": "vsw-a", "security_group_id": "sg-a"}}],
      "services": [{"service": {"metadata": {"name": "on-group", "resource": "eas-r-gpu"}}}]}"#;
    let out = ok(export_run("-", "on-group", "dlink", Some(plan)));
    assert_eq!(
        out,
        "aliyun eas PUT /api/v2/resources/cn-beijing/eas-r-gpu/dlink --region cn-beijing \
         --header \"Content-Type=application/json\" --body '{\"VSwitchId\":\"vsw-a\",\"SecurityGroupId\":\"sg-a\"}'\n"
    );
    let run = export_run(&repo(BROKEN), "qwen-chat", "dlink", None);
    assert_error(
        &run,
        "service \"qwen-chat\" is not on a resource group of the plan (metadata.resource)",
    );
}

#[test]
fn a_wrong_service_name_lists_the_right_ones() {
    for what in EXPORTS {
        let run = export_run(&repo(BROKEN), "qwen", what, None);
        assert_error(
            &run,
            "easnet: no service named \"qwen\"; the plan has: qwen-chat",
        );
    }
    let run = export_run("-", "x", "networking", Some(br#"{"version": 1}"#));
    assert_error(&run, "no service named \"x\": the plan has no services");
}

#[test]
fn no_networking_is_an_error() {
    let plan = br#"{"version": 1, "services": [{"service": {"metadata": {"name": "lone"}}}]}"#;
    assert_error(
        &export_run("-", "lone", "networking", Some(plan)),
        "service \"lone\" uses no VPC",
    );
}

#[test]
fn usage_errors() {
    let plan = repo(BROKEN);
    assert_error(
        &easnet(&["export", &plan, "--service", "qwen-chat"], None),
        "--what <WHAT>",
    );
    assert_error(
        &easnet(
            &["export", &plan, "--service", "qwen-chat", "--what", "all"],
            None,
        ),
        "invalid value 'all' for '--what <WHAT>'",
    );
    assert_error(
        &easnet(&["export", &plan, "--what", "eascmd"], None),
        "--service <NAME>",
    );
}

#[test]
fn help() {
    let run = easnet(&["export", "--help"], None);
    assert_eq!(run.code, 0);
    for what in EXPORTS {
        assert!(run.stdout.contains(what), "{what}");
    }
}
