//! Hostile plans: a plan's IDs, names, regions, zones and addresses replaced by strings full
//! of shell syntax, the same replacement wherever the plan repeats the value (references and
//! the service JSON's networking too), so that the analysis still follows the same paths.

use std::collections::BTreeMap;

use serde_json::Value;

/// One hostile value put in a plan: its unique marker, the value, and the value as written
/// inside a JSON string (a DLink body) and in a URL path (percent-encoded).
#[derive(Debug, Clone)]
pub struct Hostile {
    pub marker: String,
    pub value: String,
    pub json: String,
    pub url: String,
}

fn percent_encoded(s: &str) -> String {
    (s.bytes())
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Everything a shell reads specially, and what the CLI does: quotes of both kinds, a command
/// substitution, backquotes, `;`, `|`, `&`, a redirection and a placeholder's shape, a space,
/// a line break, a comment, globs, a tilde and a brace expansion. No comma: a comma
/// separates the items of a `vswitch_id` list (plan-format.md), so an ID with one could not be
/// named there; `{b..c}` is a brace expansion all the same.
fn tail(marker: &str) -> String {
    format!("' \"$(touch /tmp/{marker})`id`;|&>x <Id> \n# ~*?[a]{{b..c}}!")
}

/// Keys whose string values are IDs, names, regions or zones (anywhere in the plan, the
/// service JSON included).
const ID_KEYS: [&str; 13] = [
    "id",
    "region",
    "zone",
    "route_table",
    "next_hop_id",
    "vswitch",
    "snat_table_id",
    "vpc_id",
    "vswitch_id",
    "security_group_id",
    "resource",
    "name",
    "instance_id",
];

/// Keys whose values are the addresses a NAT gateway uses (lists of strings): hostile
/// together, so that the SNAT entry's IPs still match its gateway's EIPs as text.
const NAT_ADDRESS_KEYS: [&str; 2] = ["eips", "snat_ips"];

/// A target's address.
const TARGET_ADDRESS_KEYS: [&str; 1] = ["address"];

/// The hostile variants of a plan: (what, plan, the values put in it).
pub fn variants(plan: &Value) -> Vec<(&'static str, Value, Vec<Hostile>)> {
    type Make = fn(&str, &str) -> String;
    let kinds: [(&'static str, &[&str], Make); 5] = [
        // The original first, so prefixes that carry meaning (`vsw-`, `rm-`) still do.
        ("IDs + shell syntax", &ID_KEYS, |orig, m| {
            format!("{orig}{}", tail(m))
        }),
        // A leading `-`: the CLI would take a separate word for a flag.
        ("IDs starting with -", &ID_KEYS, |orig, m| {
            format!("-{orig}{}", tail(m))
        }),
        // Spelt like easnet's placeholders: must be quoted all the same.
        ("IDs spelt like placeholders", &ID_KEYS, |_, m| {
            format!("<{m}>")
        }),
        // `47.0.0.1$(touch pwned)` (issue #17): SNAT IPs reach the whitelist commands.
        (
            "NAT addresses + shell syntax",
            &NAT_ADDRESS_KEYS,
            |orig, m| format!("{orig}{}", tail(m)),
        ),
        (
            "target addresses + shell syntax",
            &TARGET_ADDRESS_KEYS,
            |orig, m| format!("{orig}{}", tail(m)),
        ),
    ];
    let mut out = Vec::new();
    for (what, keys, make) in kinds {
        let mut originals = Vec::new();
        collect(plan, None, keys, &mut originals);
        let mut map = BTreeMap::new();
        let mut hostile = Vec::new();
        for (i, orig) in originals.iter().enumerate() {
            // `Pwned…z`: letters and digits, so that it also fits a placeholder's shape, and
            // no marker is the start of another.
            let marker = format!("Pwned{i:03}z");
            let value = make(orig, &marker);
            let json = serde_json::to_string(&value).unwrap();
            hostile.push(Hostile {
                marker,
                value: value.clone(),
                json: json[1..json.len() - 1].to_owned(),
                url: percent_encoded(&value),
            });
            map.insert(orig.clone(), value);
        }
        if map.is_empty() {
            continue;
        }
        let mut v = plan.clone();
        replace(&mut v, None, keys, &map);
        out.push((what, v, hostile));
    }
    out
}

/// Whether a string under `key` is one to replace: the keys' own values, a peering's VPC list,
/// and an SNAT entry's source when it is a vSwitch ID.
fn wanted(key: Option<&str>, keys: &[&str], s: &str) -> bool {
    match key {
        Some(k) if keys.contains(&k) => true,
        Some("vpcs") => keys == ID_KEYS,
        Some("source") => keys == ID_KEYS && s.starts_with("vsw-"),
        _ => false,
    }
}

/// A `vswitch_id` is a list of IDs (plan-format.md, "Several vSwitches"): each item is an ID
/// of its own, made hostile like the vSwitch it names.
fn items<'a>(key: Option<&str>, s: &'a str) -> Vec<&'a str> {
    match key {
        Some("vswitch_id") => s.split(',').map(str::trim).collect(),
        _ => vec![s],
    }
}

fn collect(v: &Value, key: Option<&str>, keys: &[&str], out: &mut Vec<String>) {
    match v {
        Value::String(s) if !s.is_empty() && wanted(key, keys, s) => {
            for item in items(key, s) {
                if !item.is_empty() && !out.iter().any(|o| o == item) {
                    out.push(item.to_owned());
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|x| collect(x, key, keys, out)),
        Value::Object(map) => (map.iter()).for_each(|(k, x)| collect(x, Some(k), keys, out)),
        _ => {}
    }
}

/// Replaces every string the map names where [`wanted`] takes it: the object's own ID and
/// every reference to it alike.
fn replace(v: &mut Value, key: Option<&str>, keys: &[&str], map: &BTreeMap<String, String>) {
    match v {
        Value::String(s) if wanted(key, keys, s) => {
            let new: Vec<String> = (items(key, s).into_iter())
                .map(|item| map.get(item).cloned().unwrap_or_else(|| item.to_owned()))
                .collect();
            *s = new.join(",");
        }
        Value::Array(items) => items.iter_mut().for_each(|x| replace(x, key, keys, map)),
        Value::Object(obj) => (obj.iter_mut()).for_each(|(k, x)| replace(x, Some(k), keys, map)),
        _ => {}
    }
}
