//! Every command easnet prints runs as printed, and nothing in a plan reaches the shell.
//!
//! Every script easnet can print for a plan (each finding's `command`, every text export of the
//! page and the CLI that holds commands, the importer's recipe and hints) is read as a shell
//! reads it (`commands_api/words.rs`) and each `aliyun` call in it is checked against the API
//! metadata the CLI is built from (`tests/data/aliyun-api.json`, vendored from
//! `aliyun/aliyun-openapi-meta` with its source): product, API, parameter names, required
//! parameters, integer values, `--Name=value` for a value starting with `-`, and no shell
//! syntax outside quotes (`commands_api/check.rs`).
//!
//! Run over every analyzer fixture, every example, the imported test network, and hostile
//! variants of each (`commands_api/hostile.rs`), where every ID, name, region and address is
//! replaced by a string full of shell syntax: each must come out as one intact, quoted word.
//! A new command, or a new export printing commands, is checked without being listed here.

mod commands_api {
    pub mod check;
    pub mod hostile;
    pub mod words;
}

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use commands_api::check::{check_script, line, Checked, Table};
use commands_api::hostile::{variants, Hostile};
use commands_api::words::Piece;
use easnet_core::analyze::analyze;
use easnet_core::cloud::{describe_commands, import, security_group_rules};
use easnet_core::export::{
    service_exports, service_names, test_commands, whitelist_entries, whitelist_text,
};
use easnet_core::plan::{parse_plan, Plan};
use easnet_core::samples::examples::EXAMPLES;
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every plan to print commands for: (name, plan JSON value).
fn base_plans() -> Vec<(String, Value)> {
    let mut plans = Vec::new();
    for e in EXAMPLES {
        plans.push((
            format!("examples/{}.json", e.name),
            serde_json::from_str(e.json).expect("example JSON"),
        ));
    }
    let dir = repo().join("tests/analyzer");
    let mut files: Vec<PathBuf> = (fs::read_dir(&dir).expect("tests/analyzer"))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for path in files {
        let case: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let plan = match (
            case.get("plan"),
            case.get("plan_text").and_then(Value::as_str),
        ) {
            (Some(p), _) => Some(p.clone()),
            (None, Some(text)) => serde_json::from_str(text).ok(),
            _ => None,
        };
        if let Some(plan) = plan {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            plans.push((format!("tests/analyzer/{name}"), plan));
        }
    }
    plans.push(("imported tests/cloud/network".into(), imported_network()));
    // Its SNAT entries without IPs: ModifySnatEntry with the IDs the import filled.
    let mut no_ips = imported_network();
    let entries = (no_ips["vpcs"].as_array_mut().into_iter().flatten())
        .filter_map(|v| v.get_mut("nat_gateways")?.as_array_mut())
        .flatten()
        .filter_map(|n| n.get_mut("snat_entries")?.as_array_mut())
        .flatten();
    for e in entries {
        e["snat_ips"] = Value::Array(Vec::new());
    }
    plans.push(("imported tests/cloud/network, SNAT IPs gone".into(), no_ips));
    plans.push(("every target kind".into(), every_kind()));
    plans
}

/// The test network imported into its hand-written plan: NAT gateways with their SNAT table
/// and entries with their IDs, as an import gives them.
fn imported_network() -> Value {
    let dir = repo().join("tests/cloud/network");
    let read = |name: &str| fs::read_to_string(dir.join(name)).unwrap();
    let mut files: Vec<PathBuf> = (fs::read_dir(&dir).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.ends_with(".json") && !name.ends_with("-plan.json")
        })
        .collect();
    files.sort();
    let paste: String = files
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    let into = parse_plan(&read("hand-plan.json")).expect("hand-plan.json");
    let got = import(&paste, &into).expect("the test network imports");
    serde_json::to_value(&got.plan).unwrap()
}

/// The quickstart plan with a target of each kind, by `kind` and `instance_id`, by its name,
/// and by its address, each with a whitelist that lacks the vSwitch's CIDR; and a public one
/// whose whitelist lacks the SNAT IPs.
fn every_kind() -> Value {
    let mut plan: Value = serde_json::from_str(EXAMPLES[0].json).unwrap();
    let targets = plan["services"][0]["targets"].as_array_mut().unwrap();
    let db = |extra: Value| {
        let mut t = serde_json::json!({"address": "192.168.30.16", "port": 3306, "whitelist": ["192.168.20.7"]});
        t.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        t
    };
    use serde_json::json;
    targets.extend([
        db(json!({"name": "orders", "kind": "rds", "instance_id": "rm-uf6orders"})),
        db(json!({"name": "pc-uf6cluster"})),
        db(json!({"name": "cluster", "kind": "polardb", "instance_id": "pc-uf6other"})),
        db(json!({"name": "cache", "address": "r-uf6cache.redis.rds.aliyuncs.com"})),
        db(json!({"name": "docs", "kind": "mongodb"})),
        db(json!({"name": "docs2", "kind": "mongodb", "instance_id": "dds-uf6docs"})),
        db(json!({"name": "api", "kind": "other"})),
        json!({"name": "partner", "address": "203.0.113.9", "port": 443, "whitelist": [],
               "kind": "redis", "instance_id": "r-uf6partner"}),
        json!({"name": "rm-uf6public", "address": "203.0.113.10", "port": 3306, "whitelist": []}),
    ]);
    // The SNAT entry the public target's path needs.
    plan["vpcs"][0]["nat_gateways"][0]["snat_entries"]
        .as_array_mut()
        .unwrap()
        .push(json!({"source": "vsw-uf6eas-e", "snat_ips": ["106.14.20.31"], "id": "snat-uf6eas"}));
    plan["vpcs"][0]["nat_gateways"][0]["snat_table_id"] = json!("stb-uf6main");
    plan
}

/// One script easnet prints.
struct Script {
    what: String,
    text: String,
    /// It uses shell variables (`$R` of the describe recipe).
    variables: bool,
    /// Words that may stand alone on a line: the page's whitelist export lists the entries to
    /// add, for the console, each on its own line (each must still be one quoted word).
    lone: Vec<String>,
}

fn script(what: String, text: String) -> Script {
    Script {
        what,
        text,
        variables: false,
        lone: Vec::new(),
    }
}

/// The by-hand recipe as the calls it makes: its two helpers (`pages` asks `PageNumber` 1, 2,
/// …; `tokens` passes each `NextToken` on) are easnet's own fixed shell text, not a place a
/// plan value reaches, so their definitions are left out and each use of one is checked as the
/// `aliyun` call it wraps. Every line that carries a plan value (the first) stays as it is.
fn recipe_calls(recipe: &str) -> String {
    let helpers = ["pg=", "pages()", "tokens()", "rm -f \"$pg\""];
    let mut out = Vec::new();
    let mut in_helper = false;
    for line in recipe.lines() {
        let trimmed = line.trim_start();
        if helpers.iter().any(|h| trimmed.starts_with(h)) {
            // A definition runs until the line that ends with `done; }`.
            in_helper = !trimmed.ends_with("; }") && trimmed.contains('{');
            continue;
        }
        if in_helper {
            in_helper = !trimmed.ends_with("; }");
            continue;
        }
        let indent = &line[..line.len() - trimmed.len()];
        let call = (trimmed
            .strip_prefix("pages ")
            .or_else(|| trimmed.strip_prefix("tokens ")))
        .map_or_else(|| line.to_owned(), |rest| format!("{indent}aliyun {rest}"));
        out.push(call);
    }
    out.join("\n")
}

/// Every script easnet prints for `plan`.
fn scripts(plan: &Plan) -> Vec<Script> {
    let report = analyze(plan);
    let mut out = Vec::new();
    for f in &report.findings {
        if let Some(cmd) = &f.command {
            out.push(script(format!("{} {}", f.code, f.subject), cmd.clone()));
        }
    }
    for name in service_names(plan) {
        let advice = whitelist_entries(
            plan,
            &report,
            &name,
            easnet_core::i18n::Catalogue::english(),
        )
        .unwrap_or_default();
        for e in service_exports(
            plan,
            &report,
            Some(&name),
            easnet_core::i18n::Catalogue::english(),
        ) {
            // The exports that are scripts (`.sh`, `whitelist.txt`): every text export.
            if e.mime == "text/plain" {
                let mut s = script(format!("{name}: export {}", e.title), e.text);
                s.lone = advice.iter().flat_map(|a| a.to_add.clone()).collect();
                out.push(s);
            }
        }
        out.push(script(
            format!("{name}: whitelist_text"),
            whitelist_text(&advice, easnet_core::i18n::Catalogue::english()),
        ));
        if let Ok(lines) = test_commands(plan, &name) {
            out.push(script(format!("{name}: test_commands"), lines.join("\n")));
        }
    }
    let region = plan.region.as_deref();
    for v in &plan.vpcs {
        let mut s = script(
            format!("describe_commands {}", v.id),
            recipe_calls(&describe_commands(region.unwrap_or_default(), &v.id)),
        );
        s.variables = true;
        out.push(s);
        for g in &v.security_groups {
            let cmd = security_group_rules(region, Some(&g.id)).to_string();
            out.push(script(format!("security_group_rules {}", g.id), cmd));
        }
    }
    out.push(script(
        "security_group_rules without IDs".into(),
        security_group_rules(None, None).to_string(),
    ));
    out
}

/// Checks every script of every plan; `hostile` values must come out intact and quoted.
fn check_plan(
    table: &Table,
    name: &str,
    plan: &Plan,
    hostile: &[Hostile],
    seen: &mut BTreeSet<String>,
    failures: &mut Vec<String>,
) {
    for Script {
        what,
        text,
        variables,
        lone,
    } in scripts(plan)
    {
        let checked = check_script(table, &text, variables);
        let mut wrong: Vec<String> = (checked.errors.iter())
            .filter(|e| {
                !lone
                    .iter()
                    .any(|w| e.ends_with(&format!("easnet prints: `{w}`")))
            })
            .cloned()
            .collect();
        if hostile.is_empty() {
            wrong.extend(
                (checked.quoted_placeholders.iter())
                    .map(|p| format!("the placeholder {p} is quoted: the CLI would send it")),
            );
        }
        wrong.extend(hostile_problems(&checked, hostile, seen));
        for c in &checked.calls {
            seen.insert(format!("api {}", c.api));
            for (name, w) in &c.args {
                if hostile.iter().any(|h| w.text().contains(&h.marker)) {
                    seen.insert(format!("hostile --{name} of {}", c.api));
                }
            }
            // A whitelist command adds: `Cover`, the APIs' default, would replace the list.
            let whitelist = c.api.ends_with(" ModifySecurityIps")
                || c.api.ends_with(" ModifyDBClusterAccessWhitelist");
            let mode = c.args.get("ModifyMode").map(|w| w.text());
            if whitelist && mode.as_deref() != Some("Append") {
                wrong.push(format!("{} without --ModifyMode Append", c.api));
            }
        }
        if !wrong.is_empty() {
            failures.push(format!(
                "{name}, {what}:\n    {}\n  in:\n{text}",
                wrong.join("\n    ")
            ));
        }
    }
}

/// Each hostile value's marker appears only in a word that holds the whole value (as it is, JSON-escaped inside a JSON body, or percent-encoded in a URL
/// path): one intact word.
fn hostile_problems(
    checked: &Checked,
    hostile: &[Hostile],
    seen: &mut BTreeSet<String>,
) -> Vec<String> {
    let mut wrong = Vec::new();
    for cmd in &checked.commands {
        let program = cmd.words.first().map(|w| w.text()).unwrap_or_default();
        let api = (checked.calls.iter())
            .find(|c| c.line == line(&cmd.words))
            .map(|c| c.api.clone());
        for w in cmd.words.iter().chain(cmd.redirects.iter().map(|(_, w)| w)) {
            let text = w.text();
            for h in hostile {
                if !text.contains(&h.marker) {
                    continue;
                }
                seen.insert(format!(
                    "hostile in {}",
                    api.clone().unwrap_or_else(|| program.clone())
                ));
                if ![&h.value, &h.json, &h.url]
                    .iter()
                    .any(|v| text.contains(v.as_str()))
                {
                    wrong.push(format!("{:?} is not one word: `{text}`", h.value));
                }
                // Outside quotes only percent-encoded (the check of every word refuses shell
                // syntax outside quotes), never as a placeholder or a substitution.
                for p in &w.pieces {
                    let bare = match p {
                        Piece::Text { .. } => false,
                        Piece::Placeholder(n) => n.contains(&h.marker),
                        Piece::Expansion(e) => e.contains(&h.marker),
                    };
                    if bare {
                        wrong.push(format!("{:?} reaches the shell unquoted: {p:?}", h.value));
                    }
                }
            }
        }
    }
    wrong
}

#[test]
fn every_command_runs_as_printed_and_quotes_every_plan_value() {
    let table = Table::load();
    let mut failures = Vec::new();
    let mut seen = BTreeSet::new();
    let mut seen_plain = BTreeSet::new();
    let mut hostile_plans = 0;
    for (name, value) in base_plans() {
        let Ok(plan) = parse_plan(&value.to_string()) else {
            continue;
        };
        check_plan(&table, &name, &plan, &[], &mut seen_plain, &mut failures);
        for (variant, value, hostile) in variants(&value) {
            match parse_plan(&value.to_string()) {
                Ok(plan) => {
                    hostile_plans += 1;
                    let name = format!("{name} ({variant})");
                    check_plan(&table, &name, &plan, &hostile, &mut seen, &mut failures);
                }
                Err(e) => failures.push(format!("{name} ({variant}) does not parse: {e}")),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} script(s) wrong:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    assert!(hostile_plans > 500, "only {hostile_plans} hostile plans");
    // Every API easnet prints was printed (and checked) at least once, and every command
    // that takes a plan value took a hostile one.
    let apis: BTreeSet<&String> = table.apis.keys().collect();
    let printed: BTreeSet<&String> = (seen_plain.iter())
        .filter_map(|s| s.strip_prefix("api "))
        .filter_map(|a| table.apis.get_key_value(a).map(|(k, _)| k))
        .collect();
    assert_eq!(
        printed, apis,
        "APIs in the table never printed, or the reverse"
    );
    let want = [
        "vpc CreateVSwitch",
        "vpc CreateRouteEntry",
        "vpc ModifyRouteEntry",
        "vpc CreateNatGateway",
        "vpc CreateSnatEntry",
        "vpc ModifySnatEntry",
        "vpc AssociateEipAddress",
        "ecs AuthorizeSecurityGroupEgress",
        "ecs DescribeSecurityGroupAttribute",
        "vpcpeer CreateVpcPeerConnection",
        "rds ModifySecurityIps",
        "polardb ModifyDBClusterAccessWhitelist",
        "r-kvstore ModifySecurityIps",
        "dds ModifySecurityIps",
        "eas UpdateResourceDLink",
        "eascmd",
        // The describe recipe's `R='…'`, the region typed in the page's import dialog.
        "R=",
    ];
    let missing: Vec<&str> = (want.iter())
        .filter(|w| {
            !seen
                .iter()
                .any(|s| s.starts_with(&format!("hostile in {w}")))
        })
        .copied()
        .collect();
    assert!(
        missing.is_empty(),
        "no hostile value reached {missing:?}; seen {seen:#?}"
    );
    // Every parameter a plan value fills took a hostile one.
    let want = [
        ("vpc CreateVSwitch", "RegionId VpcId ZoneId"),
        ("vpc CreateRouteEntry", "RouteTableId NextHopId"),
        ("vpc ModifyRouteEntry", "RouteTableId NewNextHopId"),
        ("vpc CreateNatGateway", "VpcId VSwitchId"),
        ("vpc CreateSnatEntry", "SnatTableId SourceVSwitchId SnatIp"),
        ("vpc ModifySnatEntry", "SnatTableId SnatEntryId SnatIp"),
        ("vpc AssociateEipAddress", "InstanceId"),
        ("ecs AuthorizeSecurityGroupEgress", "SecurityGroupId"),
        (
            "ecs DescribeSecurityGroupAttribute",
            "RegionId SecurityGroupId",
        ),
        (
            "vpcpeer CreateVpcPeerConnection",
            "VpcId AcceptingVpcId AcceptingRegionId",
        ),
        // `SecurityIps` is never plan text any more: the entries to add are the vSwitch CIDR and
        // SNAT IPs as parsed addresses (an SNAT IP that does not parse is CIDR001 and treated
        // as absent: rules.md, Settled readings). The generator still puts shell syntax there.
        ("rds ModifySecurityIps", "DBInstanceId"),
        ("polardb ModifyDBClusterAccessWhitelist", "DBClusterId"),
        ("r-kvstore ModifySecurityIps", "InstanceId"),
        ("dds ModifySecurityIps", "DBInstanceId"),
        ("eas UpdateResourceDLink", "RegionId body"),
    ];
    let missing: Vec<String> = (want.iter())
        .flat_map(|(api, names)| {
            names
                .split(' ')
                .map(move |n| format!("hostile --{n} of {api}"))
        })
        .filter(|w| !seen.contains(w))
        .collect();
    assert!(missing.is_empty(), "never hostile: {missing:#?}");
}

/// What the fixes of the imported network say: with the SNAT table and entry IDs known, the
/// SNAT commands need no placeholder.
#[test]
fn an_imported_network_needs_no_snat_placeholder() {
    let table = Table::load();
    let mut plan = parse_plan(&imported_network().to_string()).unwrap();
    // Break the SNAT paths: one gateway's first entry loses its IPs (INET005), and another
    // vSwitch's entry goes (INET004).
    let mut snat_commands = 0;
    for v in 0..plan.vpcs.len() {
        for n in 0..plan.vpcs[v].nat_gateways.len() {
            let nat = &mut plan.vpcs[v].nat_gateways[n];
            assert!(nat.snat_table_id.is_some(), "{}: no snat_table_id", nat.id);
            for e in &mut nat.snat_entries {
                assert!(e.id.is_some(), "{}: an entry without id", nat.id);
                e.snat_ips.clear();
            }
        }
    }
    for Script { text, .. } in scripts(&plan) {
        for call in check_script(&table, &text, true).calls {
            if call.api.ends_with("SnatEntry") {
                snat_commands += 1;
                assert!(call.placeholders.is_empty(), "{text}");
            }
        }
    }
    assert!(snat_commands > 0, "no SNAT command printed");
    for v in &mut plan.vpcs {
        for nat in &mut v.nat_gateways {
            nat.snat_entries.clear();
        }
    }
    let creates: Vec<String> = (scripts(&plan).into_iter())
        .map(|s| s.text)
        .filter(|t| t.contains("CreateSnatEntry"))
        .collect();
    assert!(!creates.is_empty());
    for t in creates {
        assert!(!t.contains("<SnatTableId>"), "{t}");
    }
}

// The checker itself: it must fail on what it is there to catch.

fn errors(script: &str) -> Vec<String> {
    check_script(&Table::load(), script, false).errors
}

#[test]
fn the_checker_refuses_a_misspelt_parameter() {
    let ok = "aliyun vpc CreateRouteEntry --RegionId cn-a --RouteTableId vtb-a \
              --DestinationCidrBlock 0.0.0.0/0 --NextHopType NatGateway --NextHopId ngw-a";
    assert_eq!(errors(ok), Vec::<String>::new());
    let e = errors(&ok.replace("--NextHopType", "--NextHopTyp"));
    assert!(
        e[0].starts_with("`--NextHopTyp` is no parameter of vpc CreateRouteEntry"),
        "{e:?}"
    );
    // A required parameter missing, a product or API that does not exist.
    let e = errors(&ok.replace("--RouteTableId vtb-a ", ""));
    assert!(
        e[0].starts_with("vpc CreateRouteEntry requires --RouteTableId"),
        "{e:?}"
    );
    assert!(errors("aliyun vpcs CreateRouteEntry")[0].starts_with("no product `vpcs`"));
    assert!(
        errors("aliyun vpc CreateRoute --RegionId a")[0].starts_with("no API `vpc CreateRoute`")
    );
    let e = errors("aliyun vpcpeer CreateVpcPeerConnection --RegionId a --VpcId v --AcceptingVpcId w --AcceptingRegionId a");
    assert!(e[0].contains("requires --AcceptingAliUid"), "{e:?}");
    // An ROA call's path and body.
    let dlink = "aliyun eas PUT /api/v2/resources/cn-a/eas-r-a/dlink --region cn-a --body '{\"VSwitchId\":\"v\",\"SecurityGroupId\":\"s\"}'";
    assert_eq!(errors(dlink), Vec::<String>::new());
    assert!(errors(&dlink.replace("VSwitchId", "VSwitchID"))[0].contains("no field of the body"));
    assert!(errors(&dlink.replace("/dlink", "/dlinks"))[0].starts_with("no eas API answers PUT"));
}

#[test]
fn the_checker_refuses_a_value_left_unquoted() {
    let ok = "aliyun rds ModifySecurityIps --DBInstanceId rm-a --SecurityIps '47.0.0.1$(touch pwned)' --ModifyMode Append";
    assert_eq!(errors(ok), Vec::<String>::new());
    // The hole of issue #17: double quotes run the substitution.
    let e = errors(&ok.replace("'47.0.0.1$(touch pwned)'", "\"47.0.0.1$(touch pwned)\""));
    assert_eq!(
        e,
        ["the shell would substitute `$(touch pwned)` in the word `47.0.0.1$(touch pwned)`"]
    );
    let e = errors(&ok.replace("'47.0.0.1$(touch pwned)'", "47.0.0.1;touch pwned"));
    assert_eq!(
        e,
        ["`touch` is not a command easnet prints: `touch pwned --ModifyMode Append`"]
    );
    let e = errors(
        "aliyun vpc CreateSnatEntry --RegionId a --SnatTableId stb-a --SourceVSwitchId vsw a b",
    );
    assert!(e[0].starts_with("`a` is not a flag"), "{e:?}");
    // A value starting with `-` needs the `=` form; an integer is an integer.
    let sg =
        "aliyun ecs AuthorizeSecurityGroupEgress --RegionId a --SecurityGroupId sg-a --PortRange";
    assert!(errors(&format!("{sg}=-1/-1")).is_empty());
    assert!(errors(&format!("{sg} -1/-1"))[0].contains("starts with `-`"));
    assert!(errors("aliyun ecs DescribeSecurityGroupAttribute --RegionId a --SecurityGroupId s --MaxResults many")[0]
        .contains("takes a Integer"));
    // A placeholder quoted would be sent as text: reported apart (a plan value may be spelt so).
    let c = check_script(
        &Table::load(),
        "aliyun vpc AssociateEipAddress --AllocationId '<EipAllocationId>' --InstanceId n",
        false,
    );
    assert_eq!(c.quoted_placeholders, ["<EipAllocationId>"]);
    // A comment broken by a line break runs the rest.
    assert!(!errors("# db\n$(touch pwned)").is_empty());
}
