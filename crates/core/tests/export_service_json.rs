//! `set_networking` on the real-world-shaped service JSON files of `examples/services/`:
//! the output parses, its `cloud.networking` holds the given IDs, and every byte outside the
//! networking value (or the member inserted for it) is the input's.

use std::collections::HashMap;
use std::fs;
use std::path::PathBuf;

use easnet_core::export::{diff_lines, set_networking, DiffKind};
use easnet_core::plan::{Networking, ServiceSpec};
use serde_json::value::RawValue;
use serde_json::Value;

fn net(vpc: &str, vsw: &str, sg: &str) -> Networking {
    Networking {
        vpc_id: Some(vpc.into()),
        vswitch_id: Some(vsw.into()),
        security_group_id: Some(sg.into()),
        ..Networking::default()
    }
}

fn services() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/services");
    let mut files: Vec<(String, String)> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    assert!(
        files.len() >= 8,
        "examples/services has {} files",
        files.len()
    );
    files
}

fn strip_bom(s: &str) -> &str {
    s.strip_prefix('\u{feff}').unwrap_or(s)
}

/// The raw text of the last `cloud.networking`, as a parser sees it (last duplicate wins).
fn raw_networking(text: &str) -> Option<String> {
    let root: HashMap<String, Box<RawValue>> = serde_json::from_str(strip_bom(text)).unwrap();
    let cloud: HashMap<String, Box<RawValue>> =
        serde_json::from_str(root.get("cloud")?.get()).ok()?;
    cloud.get("networking").map(|n| n.get().to_owned())
}

/// The document as a value with `cloud.networking` taken out (and `cloud` too if that leaves
/// it empty while the input had none).
fn without_networking(text: &str, drop_empty_cloud: bool) -> Value {
    let mut v: Value = serde_json::from_str(strip_bom(text)).unwrap();
    let root = v.as_object_mut().unwrap();
    if let Some(Value::Object(cloud)) = root.get_mut("cloud") {
        cloud.shift_remove("networking");
    }
    let empty = matches!(root.get("cloud"), Some(Value::Null))
        || matches!(root.get("cloud"), Some(Value::Object(c)) if c.is_empty());
    if drop_empty_cloud && empty {
        root.shift_remove("cloud");
    }
    v
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &str, b: &str, max: usize) -> usize {
    (a.bytes().rev())
        .zip(b.bytes().rev())
        .take(max)
        .take_while(|(x, y)| x == y)
        .count()
}

fn check(name: &str, input: &str, n: &Networking) -> String {
    let out = set_networking(input, n).unwrap_or_else(|e| panic!("{name}: {e}"));

    // 1. It parses, and its networking is the given one.
    let value: Value = serde_json::from_str(strip_bom(&out)).expect(name);
    let spec = ServiceSpec::read(&value, "").expect(name);
    let got = spec.networking.unwrap_or_default();
    assert_eq!(got.ids(), n.ids(), "{name}");

    // 2. Nothing else changed in meaning (the networking's other keys neither).
    let input_value: Value = serde_json::from_str(strip_bom(input)).unwrap();
    if let Ok(before) = ServiceSpec::read(&input_value, "") {
        let before = before.networking.unwrap_or_default();
        assert_eq!(
            (&got.default_route, &got.destination_cidrs),
            (&before.default_route, &before.destination_cidrs),
            "{name}"
        );
    }
    let had_cloud = matches!(input_value.get("cloud"), Some(Value::Object(_)));
    assert_eq!(
        without_networking(&out, !had_cloud),
        without_networking(input, !had_cloud),
        "{name}"
    );

    // 3. Nothing else changed in text: the bytes that differ lie inside the old networking
    //    value, and the new text is exactly where the new networking is.
    let p = common_prefix(input, &out);
    let s = common_suffix(input, &out, input.len().min(out.len()) - p);
    let (in_mid, out_mid) = (&input[p..input.len() - s], &out[p..out.len() - s]);
    let new_raw = raw_networking(&out).unwrap();
    if !new_raw.contains(out_mid) {
        // An insertion: the new networking, wrapped in nothing but its key (and `cloud`).
        assert!(out_mid.contains(new_raw.as_str()), "{name}: {out_mid:?}");
        let rest = out_mid
            .replacen(new_raw.as_str(), "", 1)
            .replace("\"networking\"", "")
            .replace("\"cloud\"", "");
        assert!(
            rest.chars().all(|c| " \t\r\n,:{}".contains(c)),
            "{name}: new text outside networking: {rest:?}"
        );
    }
    match raw_networking(input) {
        Some(old) => assert!(
            old.contains(in_mid),
            "{name}: edit outside networking: {in_mid:?}"
        ),
        None => assert!(
            in_mid.trim().is_empty()
                || "{}".contains(in_mid.trim())
                || (input_value.get("cloud") == Some(&Value::Null) && "null".contains(in_mid)),
            "{name}: removed {in_mid:?}"
        ),
    }

    // 4. Layout: CRLF files stay CRLF, tab files use tabs, one-line files stay one line.
    if input.contains("\r\n") {
        assert_eq!(
            out.matches('\n').count(),
            out.matches("\r\n").count(),
            "{name}"
        );
    }
    if !input.trim_end().contains('\n') {
        assert!(!out.trim_end().contains('\n'), "{name}: {out}");
    }
    if input.contains("\n\t") {
        assert!(!out.contains("\n "), "{name}: spaces in a tab file:\n{out}");
    }
    out
}

#[test]
fn every_example_round_trips() {
    let n = net(
        "vpc-bp15zckdt37pq72zv",
        "vsw-bp1e3se98n9fq8hle",
        "sg-bp67acfmxazb4p",
    );
    for (name, input) in services() {
        let out = check(&name, &input, &n);
        // Setting it again changes nothing; setting other IDs touches only the IDs.
        assert_eq!(
            set_networking(&out, &n).unwrap(),
            out,
            "{name}: not idempotent"
        );
        let other = net("vpc-2", "vsw-2", "sg-2");
        let again = check(&name, &out, &other);
        let changed: Vec<_> = diff_lines(&out, &again)
            .into_iter()
            .filter(|l| l.kind != DiffKind::Same)
            .collect();
        assert!(
            changed.iter().all(|l| l.text.contains("-2\"")
                || l.text.contains("-bp")
                || out.trim_end().lines().count() == 1),
            "{name}: {changed:?}"
        );
    }
}

#[test]
fn number_spellings_survive() {
    let (_, input) = services()
        .into_iter()
        .find(|(n, _)| n == "llm-no-cloud.json")
        .unwrap();
    let out = set_networking(&input, &net("vpc-a", "vsw-a", "sg-a")).unwrap();
    for spelling in [
        "1e3",
        "1E+2",
        "12345678901234567890123",
        "1.0,",
        "-0.0",
        "2.50",
        "1.5e-7",
        "\\u00e9",
        "你好",
    ] {
        assert!(out.contains(spelling), "{spelling} lost");
    }
    assert!(out.starts_with(input.trim_end_matches("\n}\n").trim_end_matches('\n')));
}

#[test]
fn extra_networking_keys_are_kept_in_place() {
    let (_, input) = services()
        .into_iter()
        .find(|(n, _)| n == "with-networking.json")
        .unwrap();
    let out = set_networking(&input, &net("vpc-new", "vsw-new", "sg-new")).unwrap();
    let expected = input
        .replace("vpc-old", "vpc-new")
        .replace("vsw-old", "vsw-new")
        .replace("sg-old", "sg-new");
    assert_eq!(out, expected);
}

#[test]
fn exact_outputs_for_the_common_layouts() {
    let n = net("vpc-a", "vsw-a", "sg-a");
    let cases = [
        (
            "tabs-crlf.json",
            "\t\t\"computing\": {\r\n\t\t\t\"instance_type\": \"ecs.gn6i-c4g1.xlarge\"\r\n\t\t},\r\n\t\t\"networking\": {\r\n\t\t\t\"vpc_id\": \"vpc-a\",\r\n\t\t\t\"vswitch_id\": \"vsw-a\",\r\n\t\t\t\"security_group_id\": \"sg-a\"\r\n\t\t}\r\n\t},",
        ),
        (
            "inline-cloud.json",
            "\"cloud\": {\"computing\": {\"instance_type\": \"ecs.gn6i-c8g1.2xlarge\"}, \"networking\": {\"vpc_id\": \"vpc-a\", \"vswitch_id\": \"vsw-a\", \"security_group_id\": \"sg-a\"}},",
        ),
        (
            "empty-cloud.json",
            "  \"cloud\": {\n    \"networking\": {\n      \"vpc_id\": \"vpc-a\",\n      \"vswitch_id\": \"vsw-a\",\n      \"security_group_id\": \"sg-a\"\n    }\n  },\n  \"processor\"",
        ),
        (
            "compact.json",
            "\"weight\":1.0e0,\"cloud\":{\"networking\":{\"vpc_id\":\"vpc-a\",\"vswitch_id\":\"vsw-a\",\"security_group_id\":\"sg-a\"}}}",
        ),
        (
            "bom.json",
            "\u{feff}{\n  \"metadata\": {\n    \"name\": \"bom_service\",\n    \"instance\": 1\n  },\n  \"cloud\": {\n    \"networking\": {\n      \"vpc_id\": \"vpc-a\",\n      \"vswitch_id\": \"vsw-a\",\n      \"security_group_id\": \"sg-a\"\n    }\n  }\n}\n",
        ),
        (
            "null-networking.json",
            "        \"networking\": {\n            \"vpc_id\": \"vpc-a\",\n            \"vswitch_id\": \"vsw-a\",\n            \"security_group_id\": \"sg-a\"\n        }\n    }\n}",
        ),
    ];
    let files = services();
    for (name, want) in cases {
        let (_, input) = files.iter().find(|(n, _)| n == name).unwrap();
        let out = set_networking(input, &n).unwrap();
        assert!(out.contains(want), "{name}:\n{out}");
    }
}

#[test]
fn the_last_duplicate_cloud_is_edited() {
    let (_, input) = services()
        .into_iter()
        .find(|(n, _)| n == "duplicate-cloud.json")
        .unwrap();
    let out = set_networking(&input, &net("vpc-a", "vsw-a", "sg-a")).unwrap();
    assert!(out.contains("\"cloud\": {\"networking\": {\"vpc_id\": \"vpc-first\"}},"));
    assert!(out.contains(
        "\"instance_type\": \"ecs.c6.large\"},\n    \"networking\": {\n      \"vpc_id\": \"vpc-a\""
    ));
}

#[test]
fn unset_ids_are_removed_and_others_kept() {
    let input = r#"{"cloud": {"networking": {"vpc_id": "v", "vswitch_id": "w", "default_route": "eth0", "vswitch_id": "dup"}}}"#;
    let only_vpc = Networking {
        vpc_id: Some("vpc-a".into()),
        ..Networking::default()
    };
    assert_eq!(
        set_networking(input, &only_vpc).unwrap(),
        r#"{"cloud": {"networking": {"vpc_id": "vpc-a", "default_route": "eth0"}}}"#
    );
}

#[test]
fn errors_name_the_problem() {
    let n = net("vpc-a", "vsw-a", "sg-a");
    let cases = [
        (
            "",
            "not valid JSON: EOF while parsing a value at line 1, column 1",
        ),
        (
            "{\"a\": 1,}",
            "not valid JSON: key must be a string at line 1, column 9: JSON allows no comma before a closing `}`; remove the comma at line 1, column 8",
        ),
        (
            "{} {}",
            "not valid JSON: trailing characters at line 1, column 4",
        ),
        ("\"text\"", "must be an object, got a string"),
        ("  null", "must be an object, got null"),
        (
            "{\"cloud\": [1]}",
            "\"cloud\" must be an object, got a list",
        ),
        (
            "{\"cloud\": \"x\"}",
            "\"cloud\" must be an object, got a string",
        ),
    ];
    for (input, want) in cases {
        let err = set_networking(input, &n).unwrap_err().to_string();
        assert!(err.contains(want), "{input:?}: {err}");
    }
}

#[test]
fn cloud_null_and_deep_nesting() {
    let n = net("vpc-a", "vsw-a", "sg-a");
    assert_eq!(
        set_networking("{\"cloud\":null}", &n).unwrap(),
        "{\"cloud\":{\"networking\":{\"vpc_id\":\"vpc-a\",\"vswitch_id\":\"vsw-a\",\"security_group_id\":\"sg-a\"}}}"
    );
    // 10,000 levels deep elsewhere in the file: no stack overflow, the rest kept.
    let deep = format!("{{\"x\": {}1{}}}", "[".repeat(10_000), "]".repeat(10_000));
    let out = set_networking(&deep, &n).unwrap();
    assert!(out.starts_with(&deep[..deep.len() - 1]));
    assert!(out.ends_with("\"security_group_id\": \"sg-a\"}}}"));
}

mod props {
    use super::*;
    use proptest::prelude::*;
    use serde::Serialize;
    use serde_json::ser::{PrettyFormatter, Serializer};

    /// Number spellings a `Value` round trip would rewrite, planted through placeholders.
    const SPELLINGS: [&str; 6] = ["1e3", "1E+2", "1.0", "12345678901234567890", "-0.0", "2.50"];

    fn leaf() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i32>().prop_map(Value::from),
            (0..SPELLINGS.len()).prop_map(|i| Value::from(format!("__n{i}__"))),
            "[a-z é\"\\\\✓]{0,6}".prop_map(Value::from),
        ]
    }

    fn value() -> impl Strategy<Value = Value> {
        leaf().prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
                prop::collection::vec(("[a-z_]{1,8}", inner), 0..4)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    fn cloud() -> impl Strategy<Value = Option<Value>> {
        let networking = prop::collection::vec(
            prop_oneof![
                Just("vpc_id"),
                Just("vswitch_id"),
                Just("security_group_id"),
                Just("destination_cidrs"),
                Just("default_route")
            ],
            0..5,
        )
        .prop_map(|keys| {
            Value::Object(
                keys.into_iter()
                    .map(|k| (k.to_owned(), Value::from(format!("old-{k}"))))
                    .collect(),
            )
        });
        prop_oneof![
            Just(None),
            Just(Some(Value::Null)),
            value().prop_map(|computing| Some(serde_json::json!({"computing": computing}))),
            networking.prop_map(|n| Some(serde_json::json!({"networking": n}))),
            Just(Some(serde_json::json!({"networking": null}))),
        ]
    }

    fn render(v: &Value, style: u8, crlf: bool) -> String {
        let text = match style {
            0 => serde_json::to_string(v).unwrap(),
            _ => {
                let indent: &[u8] = match style {
                    1 => b"  ",
                    2 => b"    ",
                    _ => b"\t",
                };
                let mut out = Vec::new();
                let mut ser =
                    Serializer::with_formatter(&mut out, PrettyFormatter::with_indent(indent));
                v.serialize(&mut ser).unwrap();
                String::from_utf8(out).unwrap()
            }
        };
        let mut text = if crlf {
            text.replace('\n', "\r\n")
        } else {
            text
        };
        for (i, s) in SPELLINGS.iter().enumerate() {
            text = text.replace(&format!("\"__n{i}__\""), s);
        }
        text
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn any_service_json_keeps_everything_but_networking(
            fields in prop::collection::vec(("[a-z_]{1,10}", value()), 0..5),
            cloud in cloud(),
            cloud_at in 0usize..6,
            style in 0u8..4,
            crlf in any::<bool>(),
        ) {
            let mut map: serde_json::Map<String, Value> =
                fields.into_iter().filter(|(k, _)| k != "cloud").collect();
            if let Some(c) = cloud {
                map.shift_insert(cloud_at.min(map.len()), "cloud".to_owned(), c);
            }
            let input = render(&Value::Object(map), style, crlf);
            let n = net("vpc-prop", "vsw-prop", "sg-prop");
            let out = check("generated", &input, &n);
            prop_assert_eq!(set_networking(&out, &n).unwrap(), out);
        }
    }
}
