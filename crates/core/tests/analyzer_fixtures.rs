//! Data-driven analyzer fixtures: every file of the repository's `tests/analyzer/` is one case,
//! `{"description", "rule", "expect", "plan" | "plan_text"}`, where `expect` is the exact list of
//! codes the analyzer must report, in report order (severity, then code, then subject).
//!
//! One run shows every mismatching fixture (file, description, expected and got codes, the
//! findings' messages) and fails at the end with their count.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use easnet_core::analyze::{analyze, analyze_text, analyze_with, Finding, Report, ServiceCache};
use easnet_core::plan::parse_plan;
use serde_json::Value;

mod common;
use common::{at_exists, documented_codes, resolve};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/analyzer")
}

struct Fixture {
    file: String,
    description: String,
    rule: String,
    expect: Vec<String>,
    /// Optional: text that must appear in some finding's message (the entry INET006 names,
    /// the rule SG001 names, the numbers of a capacity finding).
    messages: Vec<String>,
    /// The plan as JSON text, as the analyzer reads it.
    text: String,
}

impl Fixture {
    /// The plan as a JSON value, when the text is JSON at all.
    fn value(&self) -> Option<Value> {
        serde_json::from_str(&self.text).ok()
    }
}

fn load() -> Vec<Fixture> {
    let dir = fixture_dir();
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files.iter().map(|p| read_fixture(p)).collect()
}

fn read_fixture(path: &Path) -> Fixture {
    let file = path.file_name().unwrap().to_string_lossy().into_owned();
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let case: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
    let field = |key: &str| case.get(key).and_then(Value::as_str).map(str::to_owned);
    let description = field("description").unwrap_or_else(|| panic!("{file}: no description"));
    let rule = field("rule").unwrap_or_else(|| panic!("{file}: no rule"));
    let expect = (case.get("expect").and_then(Value::as_array))
        .unwrap_or_else(|| panic!("{file}: no expect list"))
        .iter()
        .map(|c| {
            c.as_str()
                .unwrap_or_else(|| panic!("{file}: expect holds {c}"))
                .to_owned()
        })
        .collect();
    let messages = (case
        .get("messages")
        .and_then(Value::as_array)
        .into_iter()
        .flatten())
    .map(|m| {
        m.as_str()
            .unwrap_or_else(|| panic!("{file}: messages holds {m}"))
            .to_owned()
    })
    .collect();
    let text = match (case.get("plan"), field("plan_text")) {
        (Some(plan), None) => serde_json::to_string(plan).expect("a JSON value serializes"),
        (None, Some(text)) => text,
        _ => panic!("{file}: give exactly one of \"plan\" and \"plan_text\""),
    };
    Fixture {
        file,
        description,
        rule,
        expect,
        messages,
        text,
    }
}

fn codes(report: &Report) -> Vec<String> {
    report.findings.iter().map(|f| f.code.to_string()).collect()
}

#[test]
fn every_fixture_gives_its_expected_codes() {
    let fixtures = load();
    let mut failures = String::new();
    let mut count = 0;
    for fx in &fixtures {
        let report = analyze_text(&fx.text);
        let got = codes(&report);
        let unsaid: Vec<&String> = (fx.messages.iter())
            .filter(|m| {
                !report
                    .findings
                    .iter()
                    .any(|f| f.message.contains(m.as_str()))
            })
            .collect();
        if got != fx.expect || !unsaid.is_empty() {
            count += 1;
            let _ = writeln!(failures, "\n--- {}: {}", fx.file, fx.description);
            let _ = writeln!(failures, "    expected {:?}", fx.expect);
            let _ = writeln!(failures, "    got      {got:?}");
            for m in unsaid {
                let _ = writeln!(failures, "    no message says {m:?}");
            }
            for f in &report.findings {
                let _ = writeln!(failures, "    {} {}: {}", f.code, f.subject, f.message);
            }
        }
    }
    assert!(
        count == 0,
        "{count} of {} fixtures mismatch:{failures}",
        fixtures.len()
    );
}

#[test]
fn fixtures_are_well_formed() {
    let mut problems = Vec::new();
    let documented = documented_codes();
    let severity = |c: &str| {
        documented
            .iter()
            .find(|d| d.code == c)
            .map(|d| d.severity.as_str())
    };
    // rules.md's order of severities: error, warning, info.
    let rank = |c: &str| match severity(c) {
        Some("error") => 0,
        Some("warning") => 1,
        _ => 2,
    };
    for fx in load() {
        let known = |c: &str| severity(c).is_some();
        if !(known(&fx.rule) || fx.rule == "healthy") {
            problems.push(format!(
                "{}: rule {} is not a code of rules.md",
                fx.file, fx.rule
            ));
        }
        if let Some(bad) = fx.expect.iter().find(|c| !known(c)) {
            problems.push(format!("{}: expects unknown code {bad}", fx.file));
        }
        // `expect` lists the codes in report order: severity, then code.
        let key = |c: &String| (rank(c), c.clone());
        if !fx.expect.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
            problems.push(format!("{}: expect is not in report order", fx.file));
        }
        if fx.description.trim().is_empty() {
            problems.push(format!("{}: empty description", fx.file));
        }
        // `<code>-fires*` expects its code, `<code>-quiet*` does not.
        if let Some((code, rest)) = fx.file.split_once('-') {
            if known(code) {
                let has = fx.expect.iter().any(|c| c == code);
                if rest.starts_with("fires") && !has {
                    problems.push(format!("{}: a -fires fixture must expect {code}", fx.file));
                }
                if rest.starts_with("quiet") && has {
                    problems.push(format!(
                        "{}: a -quiet fixture must not expect {code}",
                        fx.file
                    ));
                }
                if code != fx.rule {
                    problems.push(format!("{}: rule is {}, not {code}", fx.file, fx.rule));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_code_fires_and_stays_quiet_in_some_fixture() {
    let files: Vec<String> = load().into_iter().map(|f| f.file).collect();
    let mut missing = Vec::new();
    for code in documented_codes().iter().map(|d| &d.code) {
        for kind in ["fires", "quiet"] {
            let prefix = format!("{code}-{kind}");
            if !files.iter().any(|f| f.starts_with(&prefix)) {
                missing.push(prefix);
            }
        }
    }
    assert!(missing.is_empty(), "no fixture for: {}", missing.join(", "));
}

/// Problems with a finding's message, fix and `at` against the plan it is about. A PLAN001
/// may name a missing field (its parent must exist), or a file that is not JSON at all.
fn finding_problems(f: &Finding, plan: Option<&Value>) -> Vec<String> {
    let mut problems = Vec::new();
    let who = format!("{} {}", f.code, f.subject);
    if f.message.trim().is_empty() {
        problems.push(format!("{who}: empty message"));
    }
    if f.fix.trim().is_empty() {
        problems.push(format!("{who}: empty fix"));
    }
    match (&f.at, plan) {
        (None, _) => problems.push(format!("{who}: no `at`")),
        (Some(_), None) if f.code == "PLAN001" => {}
        (Some(at), None) => problems.push(format!("{who}: at {at}, but the plan is not JSON")),
        (Some(at), Some(plan)) => {
            if !at_exists(plan, f.code.as_str(), at) {
                problems.push(format!("{who}: at {at} is not a path of the plan"));
            }
        }
    }
    problems
}

#[test]
fn every_finding_has_message_fix_and_an_at_path_in_the_plan() {
    let mut problems = Vec::new();
    for fx in load() {
        let plan = fx.value();
        for f in analyze_text(&fx.text).findings {
            for p in finding_problems(&f, plan.as_ref()) {
                problems.push(format!("{}: {p}", fx.file));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn resolve_reads_json_paths() {
    let v: Value = serde_json::json!({"a": {"b": [{"c": 1}, [2, 3]]}});
    assert_eq!(resolve(&v, "a.b[0].c"), Some(&serde_json::json!(1)));
    assert_eq!(resolve(&v, "a.b[1][1]"), Some(&serde_json::json!(3)));
    assert_eq!(resolve(&v, ""), Some(&v));
    assert_eq!(resolve(&v, "a.b[2]"), None);
    assert_eq!(resolve(&v, "a.x"), None);
    assert_eq!(resolve(&v, "a.b[x]"), None);
}

fn example(name: &str) -> (String, Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../examples/{name}.json"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value = serde_json::from_str(&text).expect("example is JSON");
    (text, value)
}

#[test]
fn quickstart_broken_gives_the_findings_rules_md_predicts() {
    let (text, plan) = example("quickstart-broken");
    let report = analyze_text(&text);
    let got: Vec<(&str, &str)> = (report.findings.iter())
        .map(|f| (f.code.as_str(), f.subject.as_str()))
        .collect();
    // Errors first, then warnings: INET004 (no SNAT entry covers vsw-uf6eas-e), CAP002 (24 of
    // 28 usable IPs), WL001 (the whitelist holds one instance IP, not the vSwitch CIDR).
    assert_eq!(
        got,
        [
            ("INET004", "qwen-chat"),
            ("CAP002", "vsw-uf6eas-e"),
            ("WL001", "qwen-chat/orders-rds"),
        ]
    );
    assert_eq!(
        report.findings[1].message,
        "vsw-uf6eas-e (192.168.20.0/27) has 28 usable IPs; qwen-chat needs 22 (20 peak + 2 surge) and other_ips 2 = 24, 86% > 80%"
    );
    let inet = &report.findings[0];
    assert_eq!(
        inet.at.as_deref(),
        Some("vpcs[0].nat_gateways[0].snat_entries")
    );
    let command = inet.command.as_deref().unwrap_or_default();
    assert!(
        command.starts_with("aliyun vpc CreateSnatEntry --RegionId cn-shanghai")
            && command.contains("--SourceVSwitchId vsw-uf6eas-e")
            && command.contains("--SnatIp 106.14.20.31"),
        "{command}"
    );
    for f in &report.findings {
        let problems = finding_problems(f, Some(&plan));
        assert!(problems.is_empty(), "{problems:?}");
    }
}

#[test]
fn healthy_example_gives_no_findings() {
    let (text, _) = example("healthy");
    let report = analyze_text(&text);
    assert_eq!(
        codes(&report),
        Vec::<String>::new(),
        "{:#?}",
        report.findings
    );
}

/// The page analyses through a cache of service JSON reads; one cache carried through every
/// fixture in turn (so a service read at one place is reused at another, in another plan)
/// must give each fixture the report `analyze` gives, the first time and the next.
#[test]
fn a_service_cache_changes_no_report() {
    let mut cache = ServiceCache::default();
    let mut checked = 0;
    for fx in load() {
        let Ok(plan) = parse_plan(&fx.text) else {
            continue;
        };
        let fresh = analyze(&plan);
        assert_eq!(
            analyze_with(&plan, &mut cache, easnet_core::i18n::Catalogue::english()),
            fresh,
            "{}: first",
            fx.file
        );
        assert_eq!(
            analyze_with(&plan, &mut cache, easnet_core::i18n::Catalogue::english()),
            fresh,
            "{}: again",
            fx.file
        );
        checked += 1;
    }
    assert!(checked > 200, "only {checked} fixtures read as plans");
}
