//! `--lang` and the locale: Chinese (`--lang zh`, or `LANG=zh_CN.UTF-8`) for the reports, the
//! import summary, the exports and the CLI's own messages; English without them, byte for
//! byte as before. IDs, codes, JSON keys, CIDRs and commands are the same in both.

mod common;

use common::{assert_error, easnet, easnet_in_locale, network_files, repo, temp_file};
use easnet_core::analyze::{analyze, analyze_in};
use easnet_core::export;
use easnet_core::i18n::{Catalogue, Lang};
use easnet_core::plan::parse_plan;
use serde_json::Value;

const BROKEN: &str = "examples/quickstart-broken.json";
const TWO_ZONES: &str = "examples/two-zones.json";
const ZH_LOCALE: &[(&str, &str)] = &[("LANG", "zh_CN.UTF-8")];

fn zh() -> &'static Catalogue {
    Catalogue::embedded(Lang::Zh).expect("the CLI's core embeds Chinese")
}

fn plan_of(path: &str) -> easnet_core::plan::Plan {
    parse_plan(&std::fs::read_to_string(repo(path)).unwrap()).unwrap()
}

#[test]
fn check_text_in_chinese() {
    let file = repo(BROKEN);
    let english = easnet(&["check", &file], None);
    let run = easnet(&["check", &file, "--lang", "zh"], None);
    // The exit status follows the findings, not the language.
    assert_eq!((run.code, english.code), (1, 1), "{run:?}");
    assert_eq!(run.stderr, "");
    let out = &run.stdout;
    assert!(
        out.starts_with("1 个错误，2 个警告，0 条提示\n\n错误\n  INET004 qwen-chat: "),
        "{out}"
    );
    for part in [
        "\n警告\n",
        "\n容量\n",
        "\n路径\n",
        "\n    修复: ",
        "\n    命令: aliyun vpc CreateSnatEntry ",
    ] {
        assert!(out.contains(part), "{part:?} in {out}");
    }
    // The place is the same `file:line:column path` as in English.
    assert!(
        out.contains(&format!(
            "\n    位置: {file}:64:11 vpcs[0].nat_gateways[0].snat_entries\n"
        )),
        "{out}"
    );
    assert!(
        out.contains(
            "  vsw-uf6eas-e 192.168.20.0/27：需要 24 个 IP，可用 28 个（占 85.7%），容纳得下\n"
        ),
        "{out}"
    );
    // The flow `needs_internet` asks for, in words; a target's by its name.
    assert!(
        out.contains("\n  失败 qwen-chat → 公网 0.0.0.0/0（中断于："),
        "{out}"
    );
    assert!(
        out.contains("\n  失败 qwen-chat → orders-rds 192.168.30.15（中断于："),
        "{out}"
    );
    assert!(english
        .stdout
        .contains("\n  FAIL qwen-chat → internet 0.0.0.0/0 (stops at "));
    // Each finding as the analyzer writes it in Chinese, with the same codes and subjects.
    let report = analyze_in(&plan_of(BROKEN), zh());
    for f in &report.findings {
        assert!(
            out.contains(&format!("  {} {}: {}\n", f.code, f.subject, f.message)),
            "{f:?}"
        );
    }
    // No English word of easnet's own is left (the findings' and the hops' words are the
    // analyzer's).
    let codes: Vec<String> = report
        .findings
        .iter()
        .map(|f| format!("  {} ", f.code))
        .collect();
    let own = (out.lines())
        .filter(|l| !codes.iter().any(|c| l.starts_with(c.as_str())))
        .filter(|l| {
            !l.starts_with("    修复: ") && !l.starts_with("  通过 ") && !l.starts_with("  失败 ")
        });
    for line in own {
        for english_word in [
            "error",
            "warning",
            "fix:",
            "run:",
            "at: ",
            "Capacity",
            "Paths",
            "usable IPs",
        ] {
            assert!(!line.contains(english_word), "{english_word:?} in {line}");
        }
    }
}

#[test]
fn the_locale_chooses_chinese_and_lang_wins_over_it() {
    let file = repo(TWO_ZONES);
    let flag = easnet(&["check", &file, "--lang", "zh"], None);
    let locale = easnet_in_locale(&["check", &file], None, ZH_LOCALE);
    assert_eq!(locale.stdout, flag.stdout);
    assert!(
        locale.stdout.starts_with("0 个错误，3 个警告，0 条提示\n"),
        "{}",
        locale.stdout
    );
    // LC_ALL comes first, then LC_MESSAGES, then LANG.
    for env in [
        &[("LC_MESSAGES", "zh_CN.UTF-8"), ("LANG", "C")][..],
        &[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")][..],
        &[("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "zh_TW.UTF-8")][..],
    ] {
        assert_eq!(
            easnet_in_locale(&["check", &file], None, env).stdout,
            flag.stdout,
            "{env:?}"
        );
    }
    // English: no locale, C, en_US, LC_ALL over LANG, and --lang en over a Chinese locale.
    let english = easnet(&["check", &file], None);
    assert!(
        english
            .stdout
            .starts_with("0 errors, 3 warnings, 0 info\n\nWarnings\n"),
        "{}",
        english.stdout
    );
    for (args, env) in [
        (&["check", &file][..], &[][..]),
        (&["check", &file][..], &[("LANG", "en_US.UTF-8")][..]),
        (
            &["check", &file][..],
            &[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")][..],
        ),
        (&["check", &file, "--lang", "en"][..], ZH_LOCALE),
        (&["--lang", "en", "check", &file][..], ZH_LOCALE),
    ] {
        let run = easnet_in_locale(args, None, env);
        assert_eq!(run.stdout, english.stdout, "{args:?} {env:?}");
    }
    // --lang before the subcommand too.
    assert_eq!(
        easnet(&["--lang", "zh", "check", &file], None).stdout,
        flag.stdout
    );
}

#[test]
fn json_is_the_same_data_with_chinese_words() {
    let file = repo(BROKEN);
    let run = easnet(&["check", &file, "--format", "json", "--lang", "zh"], None);
    let got: Value = serde_json::from_str(&run.stdout).unwrap();
    let want = serde_json::to_value(analyze_in(&plan_of(BROKEN), zh())).unwrap();
    assert_eq!(got, want);
    // Keys and codes stay; only the words differ.
    let english: Value =
        serde_json::from_str(&easnet(&["check", &file, "--format", "json"], None).stdout).unwrap();
    let codes = |v: &Value| -> Vec<Value> {
        (v["findings"].as_array().unwrap().iter())
            .map(|f| serde_json::json!([f["code"], f["subject"], f["at"], f["command"]]))
            .collect()
    };
    assert_eq!(codes(&got), codes(&english));
}

#[test]
fn markdown_report_in_chinese() {
    let plan = plan_of(BROKEN);
    let run = easnet_in_locale(
        &[
            "export",
            &repo(BROKEN),
            "--service",
            "qwen-chat",
            "--what",
            "report",
        ],
        None,
        ZH_LOCALE,
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        export::markdown_report(&plan, &analyze_in(&plan, zh()), zh())
    );
    assert!(
        run.stdout.starts_with(
            "# easnet 检查报告\n\n计划：地域 `cn-shanghai` · 1 个专有网络 VPC · 4 个交换机 · 1 个服务。\n\n\
             **1 个错误** · 2 个警告 · 0 条提示\n\n## 检查结果\n\n### 错误\n\n- **INET004** `qwen-chat`: "
        ),
        "{}",
        run.stdout
    );
    for part in [
        "\n  - 修复：",
        "\n  - 命令：`aliyun vpc CreateSnatEntry ",
        "\n  - 位置：`vpcs[0].nat_gateways[0].snat_entries`\n",
        "\n## 容量\n\n| 交换机 | VPC | 网段 | 可用 IP 数 |",
        "\n## 路径\n\n### qwen-chat\n\n- ✗ **公网**：tcp 443 → `0.0.0.0/0`（公网）\n",
    ] {
        assert!(run.stdout.contains(part), "{part:?} in {}", run.stdout);
    }
    // English as before.
    let english = easnet(
        &[
            "export",
            &repo(BROKEN),
            "--service",
            "qwen-chat",
            "--what",
            "report",
        ],
        None,
    );
    assert_eq!(
        english.stdout,
        export::markdown_report(&plan, &analyze(&plan), Catalogue::english())
    );
    assert!(english
        .stdout
        .contains("\n- ✗ **internet**: tcp 443 → `0.0.0.0/0` (internet)\n"));
}

#[test]
fn sarif_in_chinese() {
    let file = repo(BROKEN);
    let log =
        |args: &[&str]| -> Value { serde_json::from_str(&easnet(args, None).stdout).unwrap() };
    let zh_log = log(&["check", &file, "--format", "sarif", "--lang", "zh"]);
    let en_log = log(&["check", &file, "--format", "sarif"]);
    let (zh_run, en_run) = (&zh_log["runs"][0], &en_log["runs"][0]);
    let rules = zh_run["tool"]["driver"]["rules"].as_array().unwrap();
    let en_rules = en_run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), en_rules.len());
    for (rule, en_rule) in rules.iter().zip(en_rules) {
        let code = rule["id"].as_str().unwrap();
        assert_eq!(rule["id"], en_rule["id"]);
        assert_eq!(
            rule["defaultConfiguration"],
            en_rule["defaultConfiguration"]
        );
        let title = rule["shortDescription"]["text"].as_str().unwrap();
        assert_eq!(title, zh().text(&format!("{code}.title"), &[]));
        let en_title = en_rule["shortDescription"]["text"].as_str().unwrap();
        assert_eq!(
            en_title,
            code.parse::<easnet_core::analyze::Code>().unwrap().title()
        );
        assert_ne!(title, en_title);
    }
    let inet004 = rules.iter().find(|r| r["id"] == "INET004").unwrap();
    assert_eq!(
        inet004["shortDescription"]["text"],
        "没有覆盖该交换机的 SNAT条目"
    );
    let results = zh_run["results"].as_array().unwrap();
    let en_results = en_run["results"].as_array().unwrap();
    assert_eq!(results.len(), en_results.len());
    for (r, e) in results.iter().zip(en_results) {
        for key in ["ruleId", "ruleIndex", "level", "locations"] {
            assert_eq!(r[key], e[key], "{key}");
        }
        let text = r["message"]["text"].as_str().unwrap();
        assert!(
            text.contains(" 修复：") && !text.contains(" Fix: "),
            "{text}"
        );
    }
    assert!(en_results[0]["message"]["text"]
        .as_str()
        .unwrap()
        .contains(" Fix: "));
}

#[test]
fn import_summary_in_chinese() {
    let files = network_files();
    let into = repo("tests/cloud/network/services-plan.json");
    let mut args: Vec<&str> = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--into", &into]);
    let english = easnet(&args, None);
    let chinese = easnet_in_locale(&args, None, ZH_LOCALE);
    assert_eq!((english.code, chinese.code), (0, 0), "{chinese:?}");
    // The plan is data: the same in every language.
    assert_eq!(chinese.stdout, english.stdout);
    let summary = &chinese.stderr;
    assert!(
        summary.starts_with("读取了 13 个响应：DescribeVpcs (1), DescribeVSwitches (4)"),
        "{summary}"
    );
    for line in [
        "\n导入 13，更新 0，未变 0，跳过 11\n",
        "\n  导入专有网络 VPC vpc-uf6data：172.16.0.0/16（仅从 VPC对等连接 pcc-bp1hub 得知）\n",
        "\n  导入交换机 vsw-bp1db：10.10.5.0/24，可用区 cn-hangzhou-h，路由表：系统路由表，other_ips 5\n",
        "\n  导入安全组 sg-bp1eas：普通安全组，3 条出方向规则\n",
        "\n  跳过路由条目 vtb-bp1eas 192.168.0.0/16：ECMP，有 2 个下一跳 (Instance i-bp1gwa, Instance i-bp1gwb)：",
        "\n  跳过入方向规则 sg-bp1eas：1 条入方向规则：计划只检查出方向\n",
        "\n注意：4 个交换机的 other_ips = 可用 IP − AvailableIpAddressCount：",
    ] {
        assert!(summary.contains(line), "{line:?} in {summary}");
    }
    for english_word in ["imported", "skipped", "note:", "vSwitch", "responses"] {
        assert!(
            !summary.contains(english_word),
            "{english_word:?} in {summary}"
        );
    }
    // English as before.
    assert!(english.stderr.contains(
        "\n  skipped ingress rules sg-bp1eas: 1 ingress rule: the plan checks egress only\n"
    ));
    assert!(english
        .stderr
        .contains("\nnote: other_ips of 4 vSwitches = usable IPs − AvailableIpAddressCount"));
}

#[test]
fn errors_in_chinese() {
    // The CLI's own: a file that cannot be read, by --lang or by the locale.
    let want = "easnet: /no/such/plan.json：无法读取：文件不存在";
    assert_error(
        &easnet(&["check", "/no/such/plan.json", "--lang", "zh"], None),
        want,
    );
    assert_error(
        &easnet_in_locale(&["check", "/no/such/plan.json"], None, ZH_LOCALE),
        want,
    );
    assert_error(
        &easnet(&["check", "/no/such/plan.json"], None),
        "easnet: /no/such/plan.json: cannot read: no such file",
    );
    // An export's.
    assert_error(
        &easnet(
            &[
                "export",
                &repo(BROKEN),
                "--service",
                "nope",
                "--what",
                "eascmd",
                "--lang",
                "zh",
            ],
            None,
        ),
        "easnet: 没有名为 \"nope\" 的服务；计划中的服务有：qwen-chat",
    );
    assert_error(
        &easnet_in_locale(
            &["networking", "-", "--vpc-id", "vpc-a", "--vswitch-id", "sg-a", "--security-group-id", "sg-a"],
            Some(b"{}"),
            ZH_LOCALE,
        ),
        "easnet: 交换机 ID \"sg-a\" 无效：\"sg-a\" 不是交换机的 ID；应为 vsw- 后接字母、数字和 -（多个时以逗号分隔）",
    );
    // Usage errors: clap's words, easnet's around them; known before clap has read --lang.
    let run = easnet(&["--lang", "zh", "check"], None);
    assert_error(&run, "（参见 'easnet check --help'）");
    let run = easnet_in_locale(&[], None, ZH_LOCALE);
    assert_error(&run, "easnet: 需要一个子命令：check、capacity、networking、export、import 或 snapshot（参见 'easnet --help'）");
    assert_error(&easnet(&["--lang", "zh"], None), "需要一个子命令");
    // A language easnet does not speak is a usage error.
    assert_error(
        &easnet(&["check", "x.json", "--lang", "fr"], None),
        "--lang",
    );
}

#[test]
fn import_refusals_in_chinese() {
    let cut = temp_file(
        "sg.json",
        br#"{"NextToken": "AAE", "SecurityGroups": {"SecurityGroup": []}}"#,
    );
    let run = easnet(&["import", &cut, "--lang", "zh"], None);
    assert_error(
        &run,
        "sg.json：响应（DescribeSecurityGroups）不完整：其 NextToken 不为空，说明后面还有分页，\
         而最后一页不在粘贴的内容中。未导入任何内容；请用 `easnet snapshot` 获取，或粘贴所有分页\n",
    );
    // English as before.
    assert_error(
        &easnet(&["import", &cut], None),
        "sg.json: the response (DescribeSecurityGroups) is cut off: its NextToken is not empty",
    );
    // Refused while reading a file: the file, then why, in Chinese.
    let denied = temp_file(
        "vpcs.json",
        br#"{"Code": "Forbidden.RAM", "Message": "User not authorized", "RequestId": "r"}"#,
    );
    assert_error(
        &easnet_in_locale(&["import", &denied], None, ZH_LOCALE),
        "vpcs.json：响应是云端返回的错误，不是 describe 调用的结果：Forbidden.RAM：User not authorized。",
    );
    // A plan that is not JSON, explained in Chinese.
    let plan = temp_file("plan.json", b"{\"version\": 1,\n  \"vpcs\": [],\n}");
    assert_error(
        &easnet(&["import", &cut, "--into", &plan, "--lang", "zh"], None),
        "plan.json：多余的逗号（第 3 行第 1 列）：JSON 不允许在右花括号 `}` 前有逗号；请删除第 2 行第 13 列的逗号\n",
    );
}

#[test]
fn capacity_in_chinese() {
    let run = easnet(
        &[
            "capacity",
            "192.168.20.0/27",
            "--instances",
            "6",
            "--max-instances",
            "20",
            "--max-surge",
            "2",
            "--other-ips",
            "2",
            "--lang",
            "zh",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        "网段        192.168.20.0/27\n\
         可用 IP 数  28\n\
         保留地址    192.168.20.0, 192.168.20.29, 192.168.20.30, 192.168.20.31\n\
         需要        24（峰值 20 + 滚动更新超出 2 + 其他 2）\n\
         剩余        4\n\
         能否容纳    是\n\
         最小掩码    /27\n"
    );
    // Two vSwitches: the zone-stock warning, in Chinese; the JSON is the same in both.
    let two = [
        "capacity",
        "192.168.20.0/27",
        "--instances",
        "14",
        "--max-surge",
        "2",
        "--second-cidr",
        "192.168.21.0/28",
    ];
    let run = easnet_in_locale(&two, None, ZH_LOCALE);
    assert!(
        run.stdout.contains("\n警告        192.168.21.0/28 可供该服务使用的 IP 只有 12 个，而该服务在其 2 个交换机上共需 16 个："),
        "{}",
        run.stdout
    );
    let json =
        |env| easnet_in_locale(&[&two[..], &["--format", "json"]].concat(), None, env).stdout;
    assert_eq!(json(ZH_LOCALE), json(&[]));
    // An input error.
    assert_error(
        &easnet(&["capacity", "10.0.1.5/24", "--lang", "zh"], None),
        "easnet: 网段 \"10.0.1.5/24\" 无效：设置了主机位；对应的网段是 10.0.1.0/24",
    );
}

#[test]
fn whitelist_in_chinese() {
    let run = easnet(
        &[
            "export",
            &repo(BROKEN),
            "--service",
            "qwen-chat",
            "--what",
            "whitelist",
            "--lang",
            "zh",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.starts_with("# orders-rds（192.168.30.15）："),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("\naliyun rds ModifySecurityIps --DBInstanceId <InstanceId> "),
        "{}",
        run.stdout
    );
}

/// `--help` speaks the language of the run too: `--lang zh`, or a Chinese locale; English
/// help is clap's own, written from the doc comments.
#[test]
fn help_in_chinese() {
    for run in [
        easnet(&["--lang", "zh", "--help"], None),
        easnet_in_locale(&["--help"], None, ZH_LOCALE),
    ] {
        assert_eq!(run.code, 0, "{run:?}");
        let out = &run.stdout;
        assert!(
            out.starts_with("检查 PAI-EAS 网络计划，并在终端中计算交换机容量。"),
            "{out}"
        );
        for part in [
            "\n用法：easnet [OPTIONS] <COMMAND>\n",
            "\n命令：\n",
            "\n选项：\n",
            "  check       按所有规则检查计划",
        ] {
            assert!(out.contains(part), "{part:?} in {out}");
        }
    }
    let check = easnet(&["check", "-h", "--lang", "zh"], None);
    assert!(
        check
            .stdout
            .contains("\n参数：\n  <PLAN>  计划文件（JSON，版本 1），或 - 表示标准输入\n"),
        "{check:?}"
    );
    assert!(
        check
            .stdout
            .contains("[默认：text] [可选值：text, json, sarif]"),
        "{check:?}"
    );
    let english = easnet(&["check", "-h"], None);
    assert!(
        english.stdout.contains(
            "\nArguments:\n  <PLAN>  The plan file (JSON, version 1), or - for standard input\n"
        ),
        "{english:?}"
    );
}

/// A service JSON that is not JSON: why and where, in Chinese, easnet's and serde's words
/// alike; English as before.
#[test]
fn a_service_json_that_is_not_json_in_chinese() {
    let file = temp_file(
        "bad-service.json",
        b"{\"metadata\": {\"name\": \"a\"},\n  \"cloud\": {,}\n}",
    );
    let ids = [
        "--vpc-id",
        "vpc-a",
        "--vswitch-id",
        "vsw-a",
        "--security-group-id",
        "sg-a",
    ];
    let mut args = vec!["networking", file.as_str()];
    args.extend(ids);
    let english = easnet(&args, None);
    assert!(
        english.stderr.ends_with(
            ": the service JSON is not valid JSON: key must be a string at line 2, column 13\n"
        ),
        "{english:?}"
    );
    args.extend(["--lang", "zh"]);
    let run = easnet(&args, None);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .ends_with("：服务 JSON 不是有效的 JSON：键必须是字符串（第 2 行第 13 列）\n"),
        "{run:?}"
    );
}
