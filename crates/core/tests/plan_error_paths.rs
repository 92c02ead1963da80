//! `plan::error_path` against `serde_path_to_error`, the crate made to track serde's paths,
//! which the page no longer carries (BENCHMARKS.md): for every plan that does not read, the
//! JSON path of its error must be the same. Over every prefix of the examples (cut-off files),
//! every value of the examples replaced by JSON of every kind, every key renamed, repeated or
//! dropped, and many thousands of random edits of the examples and the analyzer's fixtures.

use easnet_core::plan::error_path::error_path;
use easnet_core::plan::Plan;
use serde::de::IgnoredAny;

/// The path serde_path_to_error gives for `text`'s error, with serde_json's error; `None` when
/// the text reads as a plan.
fn reference(text: &str) -> Option<(String, serde_json::Error)> {
    let mut de = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, Plan>(&mut de) {
        Ok(_) => None,
        Err(e) => Some((e.path().to_string(), e.into_inner())),
    }
}

/// Every mismatch, as (text, expected, got, error).
fn mismatches<'a>(texts: impl IntoIterator<Item = &'a String>) -> (usize, Vec<String>) {
    let mut errors = 0;
    let mut bad = Vec::new();
    for text in texts {
        let Some((want, e)) = reference(text) else {
            continue;
        };
        errors += 1;
        let got = error_path(text, &e);
        if got != want {
            // The lines around serde_json's position.
            let lines: Vec<&str> = text.lines().collect();
            let from = e.line().saturating_sub(3);
            let near = lines[from.min(lines.len())..e.line().min(lines.len())].join("\n");
            let near: String = near
                .chars()
                .rev()
                .take(300)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            bad.push(format!("want {want:?}, got {got:?} ({e}) near:\n{near}\n"));
        }
    }
    (errors, bad)
}

fn check(name: &str, texts: &[String]) {
    let (errors, bad) = mismatches(texts);
    assert!(
        bad.is_empty(),
        "{name}: {} of {errors} errors with another path; the first:\n{}",
        bad.len(),
        bad.iter().take(8).cloned().collect::<Vec<_>>().join("\n")
    );
    assert!(errors > 0, "{name}: no case failed to read");
}

/// A plan with every member of every object, each in the order of its type's fields.
const FULL: &str = r#"{
  "version": 1,
  "region": "cn-shanghai",
  "utilization_warning": 0.8,
  "vpcs": [{
    "id": "vpc-a",
    "cidrs": ["10.0.0.0/16"],
    "vswitches": [{"id": "vsw-a", "zone": "cn-shanghai-b", "cidr": "10.0.1.0/24", "route_table": "vtb-a", "other_ips": 3}],
    "route_tables": [{"id": "vtb-a", "kind": "system", "routes": [{"destination": "0.0.0.0/0", "next_hop_type": "NatGateway", "next_hop_id": "ngw-a"}]}],
    "security_groups": [{"id": "sg-a", "kind": "basic", "egress": [{"policy": "accept", "priority": 1, "protocol": "tcp", "port_range": "443/443", "destination": "0.0.0.0/0"}]}],
    "nat_gateways": [{"id": "ngw-a", "kind": "internet", "vswitch": "vsw-a", "snat_table_id": "stb-a", "eips": ["1.2.3.4"], "snat_entries": [{"source": "vsw-a", "snat_ips": ["1.2.3.4"], "id": "snat-a"}]}]
  }],
  "peerings": [{"id": "pcc-a", "kind": "vpc_peer", "vpcs": ["vpc-a", "vpc-b"]}],
  "resource_groups": [{"id": "eas-r-a", "networking": {"vpc_id": "vpc-a", "vswitch_id": "vsw-a", "security_group_id": "sg-a", "default_route": "eth1", "destination_cidrs": "10.0.0.0/8"}}],
  "services": [{"service": {"metadata": {"name": "svc"}}, "needs_internet": true, "targets": [{"name": "db", "address": "10.0.5.10", "port": 3306, "protocol": "tcp", "whitelist": ["10.0.1.0/24"], "kind": "rds", "instance_id": "rm-a"}]}]
}"#;

fn examples() -> Vec<String> {
    vec![
        include_str!("../../../examples/quickstart-broken.json").to_owned(),
        include_str!("../../../examples/healthy.json").to_owned(),
        include_str!("../../../examples/two-zones.json").to_owned(),
        FULL.to_owned(),
    ]
}

/// `text` with the object starting at `open` written as serde also reads one: the list of its
/// members' values, in order.
fn as_list(text: &str, open: usize) -> Option<String> {
    let end = value_end(text, open)?;
    let object: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&text[open..end]).ok()?;
    let list = serde_json::Value::Array(object.into_iter().map(|(_, v)| v).collect());
    Some(format!("{}{list}{}", &text[..open], &text[end..]))
}

#[test]
fn objects_written_as_lists() {
    // Read as they are, then with a member's value of another kind or one value too few or
    // too many.
    let mut texts = Vec::new();
    for (open, _) in FULL.match_indices('{').skip(1) {
        let Some(listed) = as_list(FULL, open) else {
            continue;
        };
        assert!(reference(&listed).is_none(), "{listed}");
        let (values, _) = places(&listed);
        for &(start, end) in &values {
            for s in ["5", "\"x\"", "null", "[]", "{}", "-1", "tru"] {
                texts.push(format!("{}{s}{}", &listed[..start], &listed[end..]));
            }
            texts.push(format!(
                "{}{}",
                &listed[..start],
                listed[end..].trim_start_matches([',', ' '])
            ));
            texts.push(format!("{}1, {}", &listed[..start], &listed[start..]));
        }
    }
    check("objects as lists", &texts);
}

#[test]
fn services_nested_deep() {
    let deep = |inner: &str| {
        let n = 100_000;
        format!(
            r#"{{"version": 1, "services": [{{"service": {}{inner}{}}}]}}"#,
            "[".repeat(n),
            "]".repeat(n)
        )
    };
    // A comma before the end, a bad escape, and one that reads.
    let texts = vec![deep("1,"), deep("\"\\q\""), deep("{}")];
    let (errors, bad) = mismatches(&texts);
    let first: Vec<String> = bad.iter().map(|b| b.chars().take(200).collect()).collect();
    assert!(bad.is_empty() && errors == 2, "{errors}: {first:?}");
}

/// The analyzer fixtures' plans, pretty and compact.
fn fixtures() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/analyzer");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        if let Some(plan) = value.get("plan") {
            out.push(serde_json::to_string_pretty(plan).unwrap());
            out.push(serde_json::to_string(plan).unwrap());
        }
    }
    out
}

/// JSON of every kind, and text that is not quite JSON, to put where values and keys were.
const SNIPPETS: &[&str] = &[
    "null",
    "true",
    "false",
    "tru",
    "nul",
    "0",
    "1",
    "-1",
    "01",
    "-",
    "1.",
    "1.5",
    "1e3",
    "1e",
    "-0",
    "99999999999999999999",
    "9223372036854775807",
    "-9223372036854775808",
    "\"x\"",
    "\"tcp\"",
    "\"system\"",
    "\"vpc_peer\"",
    "\"\"",
    "\"\\q\"",
    "\"\\u12\"",
    "\"\\ud800\"",
    "\"\\udc00\"",
    "\"\\ud800\\u0041\"",
    "\"\\ud83d\\ude00\"",
    "\"a\u{1}b\"",
    "\"unterminated",
    "{}",
    "[]",
    "[1]",
    "[1,]",
    "[\"a\", 2]",
    "{\"a\": 1}",
    "{\"id\": \"x\"}",
    "{\"a\" 1}",
    "{\"a\": 1,}",
    "{1: 2}",
    "{\"system\": null}",
    "{\"system\": 1}",
    "{\"bogus\": null}",
    "{\"tcp\": null, \"udp\": null}",
    "{\"system\" null}",
    "{\"system\": nul}",
    "{\"$serde_json::private::Number\": \"5\"}",
    "{\"$serde_json::private::Number\": \"-5\"}",
    "{\"$serde_json::private::Number\": \"x\"}",
    "{\"$serde_json::private::Number\": 5}",
    "{\"$serde_json::private::Number\": \"5\", \"b\": 1}",
    "[\"vsw-a\", \"cn-a\", \"10.0.0.0/24\"]",
    "[\"vsw-a\"]",
    "[\"vsw-a\", null, \"10.0.0.0/24\", null, 5, 6]",
    "[\"vsw-a\", null, \"c\", null, -1]",
    "[\"vsw-a\", null, \"c\", null, \"x\", 1]",
    "[[\"a\"]]",
    "[{}]",
    "[null]",
    "/* c */ 1",
    "",
    ",",
    ":",
    "]",
    "}",
    "{",
    "[",
    "\"",
    "x",
    "\t\n",
];

/// Keys to rename a member to.
const KEYS: &[&str] = &[
    "id",
    "kind",
    "cidr",
    "version",
    "vpcs",
    "bogus",
    "service",
    "ïd",
    "i\\u0064",
    "\\ud800",
    "networking",
    "protocol",
    "",
];

/// The spans of the values and of the keys of a text.
type Places = (Vec<(usize, usize)>, Vec<(usize, usize)>);

/// The offset after the JSON value that starts at `start`, if one does.
fn value_end(text: &str, start: usize) -> Option<usize> {
    let mut it = serde_json::Deserializer::from_str(&text[start..]).into_iter::<IgnoredAny>();
    match it.next() {
        Some(Ok(_)) => Some(start + it.byte_offset()),
        _ => None,
    }
}

/// Where values and keys start in `text`: after `:`, `[` or `,`, outside strings. Keys are the
/// strings followed by a colon.
fn places(text: &str) -> Places {
    let b = text.as_bytes();
    let (mut values, mut keys) = (Vec::new(), Vec::new());
    let mut in_string = false;
    let mut last = b' ';
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if in_string {
            match c {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else if !c.is_ascii_whitespace() {
            if matches!(last, b':' | b'[' | b',' | b'{') {
                if let Some(end) = value_end(text, i) {
                    let after = text[end..].trim_start();
                    if c == b'"' && after.starts_with(':') {
                        keys.push((i, end));
                    } else if last != b'{' {
                        values.push((i, end));
                    }
                }
            }
            if c == b'"' {
                in_string = true;
            }
            last = c;
        }
        i += 1;
    }
    (values, keys)
}

#[test]
fn cut_off_files() {
    let mut texts = Vec::new();
    for text in examples() {
        for (i, _) in text.char_indices() {
            texts.push(text[..i].to_owned());
        }
    }
    check("prefixes", &texts);
}

#[test]
fn values_of_every_kind() {
    let mut texts = Vec::new();
    for text in examples() {
        let (values, _) = places(&text);
        for &(start, end) in &values {
            for s in SNIPPETS {
                texts.push(format!("{}{s}{}", &text[..start], &text[end..]));
            }
        }
    }
    check("values", &texts);
}

#[test]
fn keys_renamed_repeated_and_dropped() {
    let mut texts = Vec::new();
    for text in examples() {
        let (_, keys) = places(&text);
        for &(start, end) in &keys {
            for k in KEYS {
                texts.push(format!("{}\"{k}\"{}", &text[..start], &text[end..]));
            }
            // The member again, right after itself; the member dropped.
            let colon = end + text[end..].find(':').unwrap();
            if let Some(vend) = value_end(&text, colon + 1) {
                let member = &text[start..vend];
                texts.push(format!("{}{member}, {}", &text[..start], &text[start..]));
                let rest = text[vend..].trim_start();
                let rest = rest.strip_prefix(',').unwrap_or(rest);
                texts.push(format!("{}{}", &text[..start], rest));
            }
        }
    }
    check("keys", &texts);
}

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// `seed` with one to three random edits: a value or a key replaced, a value moved elsewhere,
/// then bytes deleted, a snippet inserted, the text cut. `places` are the seed's.
fn mutate(rng: &mut Rng, seed: &str, places: &Places) -> String {
    let (values, keys) = places;
    let mut t = seed.to_owned();
    match rng.below(4) {
        0 if !keys.is_empty() => {
            let (s, e) = keys[rng.below(keys.len())];
            t.replace_range(s..e, &format!("\"{}\"", KEYS[rng.below(KEYS.len())]));
        }
        1 if values.len() > 1 => {
            // A whole value moved elsewhere (objects where lists go, and the like).
            let (s, e) = values[rng.below(values.len())];
            let piece = t[s..e].to_owned();
            let (s2, e2) = values[rng.below(values.len())];
            t.replace_range(s2..e2, &piece);
        }
        _ if !values.is_empty() => {
            let (s, e) = values[rng.below(values.len())];
            t.replace_range(s..e, SNIPPETS[rng.below(SNIPPETS.len())]);
        }
        _ => {}
    }
    for _ in 0..rng.below(3) {
        let boundaries: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
        let at = boundaries[rng.below(boundaries.len())];
        match rng.below(3) {
            0 => {
                let want = at + 1 + rng.below(4);
                let end = boundaries.iter().copied().find(|&j| j >= want);
                t.replace_range(at..end.unwrap_or(t.len()), "");
            }
            1 => t.insert_str(at, SNIPPETS[rng.below(SNIPPETS.len())]),
            _ => t.truncate(at),
        }
    }
    t
}

#[test]
fn random_edits_of_the_examples_and_fixtures() {
    let mut seeds = examples();
    seeds.extend(fixtures());
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut texts = Vec::new();
    for (n, seed) in seeds.iter().enumerate() {
        let places = places(seed);
        // The examples are the richest plans: more edits of them.
        let count = if n < 3 { 2000 } else { 40 };
        for _ in 0..count {
            texts.push(mutate(&mut rng, seed, &places));
        }
    }
    check("random edits", &texts);
}
