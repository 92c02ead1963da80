//! The paths in Chinese: the findings of the internet and private paths, the security group
//! and the whitelists, and the hop labels the page draws, read in the console's words
//! (`spec/glossary-zh.md`) while IDs, CIDRs and codes stay as they are.

use std::fs;
use std::path::Path;

use easnet_core::analyze::{analyze_text_in, Code};
use easnet_core::i18n::{Catalogue, Lang};

fn zh() -> &'static Catalogue {
    Catalogue::embedded(Lang::Zh).expect("the tests embed the Chinese catalogue")
}

fn read(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_quickstart_reads_in_chinese() {
    let report = analyze_text_in(&read("examples/quickstart-broken.json"), zh());
    let inet = (report.findings.iter())
        .find(|f| f.code == Code::Inet004)
        .expect("INET004");
    assert_eq!(
        inet.message,
        "NAT网关 ngw-uf6main 没有覆盖交换机 vsw-uf6eas-e（192.168.20.0/27）的SNAT条目，因此 qwen-chat 无法访问公网"
    );
    assert_eq!(
        inet.fix,
        "请在NAT网关控制台为 ngw-uf6main 创建覆盖交换机 vsw-uf6eas-e 的SNAT条目，并选用该网关的弹性公网IP (EIP)。"
    );
    let wl = (report.findings.iter())
        .find(|f| f.code == Code::Wl001)
        .expect("WL001");
    assert_eq!(
        wl.message,
        "orders-rds 的白名单 [192.168.20.7] 没有覆盖 vsw-uf6eas-e 的网段 192.168.20.0/27：EAS 实例重启后会从整个交换机网段中获得新的 IP"
    );
    let labels: Vec<&str> = (report.paths.iter())
        .flat_map(|p| &p.flows)
        .flat_map(|f| &f.hops)
        .map(|h| h.label.as_str())
        .collect();
    for label in [
        "vtb-uf6sys：0.0.0.0/0 → ngw-uf6main",
        "没有 vsw-uf6eas-e 的SNAT条目",
        "公网",
        "vpc-uf6ml-prod 内的本地路由",
        "白名单缺少 192.168.20.0/27",
    ] {
        assert!(labels.contains(&label), "{label} not in {labels:?}");
    }
}

/// English words of the hop labels (`hop.*`), which no Chinese label may keep.
const ENGLISH: &[&str] = &[
    "route",
    "whitelist",
    "internet",
    "described",
    "parse",
    "peering",
    "usable",
    "covers",
    "misses",
    "local",
    "gateway",
    "entry",
];

#[test]
fn no_hop_label_keeps_english_words() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/analyzer");
    let mut problems = Vec::new();
    let mut hops = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let fixture: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let text = match &fixture["plan"] {
            serde_json::Value::Null | serde_json::Value::String(_) => {
                fixture["plan_text"].as_str().unwrap_or_default().to_owned()
            }
            plan => plan.to_string(),
        };
        let report = analyze_text_in(&text, zh());
        for hop in report
            .paths
            .iter()
            .flat_map(|p| &p.flows)
            .flat_map(|f| &f.hops)
        {
            hops += 1;
            let words = hop.label.split(|c: char| !c.is_ascii_alphabetic());
            if let Some(w) = words.into_iter().find(|w| ENGLISH.contains(w)) {
                problems.push(format!("{}: \"{}\" ({w})", path.display(), hop.label));
            }
        }
    }
    assert!(hops > 1000, "only {hops} hops");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
