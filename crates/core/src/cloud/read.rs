//! Tolerant readers for the traps of describe-call JSON (`cloud-describe-facts.md` §0):
//! XML-derived double nesting (`Vpcs.Vpc[]`), one-element lists shown as an object or a scalar,
//! numbers sent as strings or numbers, enums in any case, `""` meaning absent, and field names
//! whose case drifts between APIs (`VswitchId` beside `VSwitchId`).
//!
//! Every reader takes the object that holds the field and never fails: a value of the wrong
//! kind reads as absent, except numbers, which say what they got so a mapper can report it.

use serde_json::Value;

use super::facts::push_new;

/// The value of `key` in `obj`: the exact key first, then a key equal to it ignoring ASCII
/// case (`VswitchId` for `VSwitchId`). `null` reads as absent.
pub(crate) fn field<'v>(obj: &'v Value, key: &str) -> Option<&'v Value> {
    let map = obj.as_object()?;
    let found = match map.get(key) {
        Some(v) => Some(v),
        None => map
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v),
    };
    found.filter(|v| !v.is_null())
}

/// A string field, trimmed; `""` is absent. A number reads as its text (an ID or a count the
/// SDK typed as a string may come as a number on the wire).
pub(crate) fn text(obj: &Value, key: &str) -> Option<String> {
    let v = field(obj, key)?;
    let s = match v {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// An integer field sent as a number (`1`) or a string (`"1"`). `None`: absent or `""`;
/// `Some(Err(shown))`: present but not an integer, with the value as it was written.
pub(crate) fn int(obj: &Value, key: &str) -> Option<Result<i64, String>> {
    let v = field(obj, key)?;
    match v {
        Value::Number(n) => Some(n.as_i64().ok_or_else(|| n.to_string())),
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(s.trim().parse::<i64>().map_err(|_| format!("\"{s}\""))),
        other => Some(Err(other.to_string())),
    }
}

/// A non-negative integer field (a count), as [`int`]; a negative or unreadable value is
/// absent.
pub(crate) fn count(obj: &Value, key: &str) -> Option<u64> {
    int(obj, key)?.ok().and_then(|n| u64::try_from(n).ok())
}

/// Whether a string field equals `want`, ignoring ASCII case (`"Accept"`, `"accept"`).
pub(crate) fn is(obj: &Value, key: &str, want: &str) -> bool {
    text(obj, key).is_some_and(|s| s.eq_ignore_ascii_case(want))
}

/// The items of a list that may be double-nested and may have lost its list-ness:
/// `{"Vpcs": {"Vpc": [..]}}` → the array; `{"Vpcs": {"Vpc": {..}}}` or `{"Vpcs": {"Vpc": "x"}}`
/// → one item; `{"Vpcs": [..]}` (flat, as the newer APIs send) → the array; `{"Vpcs": {..}}`
/// holding the item's own fields → one item. Absent, `null`, `""` and `{}` are empty.
pub(crate) fn list<'v>(obj: &'v Value, outer: &str, inner: &str) -> Vec<&'v Value> {
    let Some(v) = field(obj, outer) else {
        return Vec::new();
    };
    match v {
        Value::Array(items) => items.iter().filter(|i| !i.is_null()).collect(),
        Value::Object(map) if map.is_empty() => Vec::new(),
        Value::Object(_) => match field(v, inner) {
            Some(inner) => one_or_many(inner),
            // The wrapper key missing, but the object has fields of its own: it is the item.
            None if has_inner_key_only(v, inner) => Vec::new(),
            None => vec![v],
        },
        other => one_or_many(other),
    }
}

/// A flat list (`"VpcPeerConnects": [..]`, `"Ipv4Cidrs": [..]`) that may also come as one
/// object or scalar.
pub(crate) fn flat<'v>(obj: &'v Value, key: &str) -> Vec<&'v Value> {
    field(obj, key).map(one_or_many).unwrap_or_default()
}

/// The non-empty strings of a double-nested list of IDs or CIDRs (`VSwitchIds.VSwitchId[]`),
/// in order, without repeats.
pub(crate) fn texts(obj: &Value, outer: &str, inner: &str) -> Vec<String> {
    strings(list(obj, outer, inner))
}

/// The non-empty strings of a flat list (`Ipv4Cidrs[]`), in order, without repeats.
pub(crate) fn flat_texts(obj: &Value, key: &str) -> Vec<String> {
    strings(flat(obj, key))
}

/// A comma-separated string field as its parts (`"SnatIp": "47.98.1.10,47.98.1.11"`).
pub(crate) fn comma_list(obj: &Value, key: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in text(obj, key).unwrap_or_default().split(',') {
        let part = part.trim();
        if !part.is_empty() && !out.iter().any(|o| o == part) {
            out.push(part.to_owned());
        }
    }
    out
}

fn one_or_many(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(items) => items.iter().filter(|i| !i.is_null()).collect(),
        Value::Null => Vec::new(),
        Value::String(s) if s.trim().is_empty() => Vec::new(),
        Value::Object(map) if map.is_empty() => Vec::new(),
        other => vec![other],
    }
}

/// `{"Vpc": null}`: the wrapper is there and empty.
fn has_inner_key_only(v: &Value, inner: &str) -> bool {
    v.as_object()
        .is_some_and(|m| m.len() == 1 && m.keys().all(|k| k.eq_ignore_ascii_case(inner)))
}

fn strings(items: Vec<&Value>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let s = match item {
            Value::String(s) => s.trim().to_owned(),
            Value::Number(n) => n.to_string(),
            _ => continue,
        };
        if !s.is_empty() {
            push_new(&mut out, s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn double_nesting_and_its_variants() {
        let cases = [
            (
                json!({"Vpcs": {"Vpc": [{"VpcId": "a"}, {"VpcId": "b"}]}}),
                2,
            ),
            (json!({"Vpcs": {"Vpc": {"VpcId": "a"}}}), 1),
            (json!({"Vpcs": [{"VpcId": "a"}]}), 1),
            (json!({"Vpcs": {"VpcId": "a"}}), 1),
            (json!({"Vpcs": {"Vpc": []}}), 0),
            (json!({"Vpcs": {"Vpc": null}}), 0),
            (json!({"Vpcs": {}}), 0),
            (json!({"Vpcs": ""}), 0),
            (json!({"Vpcs": null}), 0),
            (json!({}), 0),
        ];
        for (v, n) in cases {
            assert_eq!(list(&v, "Vpcs", "Vpc").len(), n, "{v}");
        }
    }

    #[test]
    fn id_lists_shown_as_a_scalar() {
        let v =
            json!({"SnatTableIds": {"SnatTableId": "stb-1"}, "Ids": {"Id": ["a", "", "a", "b"]}});
        assert_eq!(texts(&v, "SnatTableIds", "SnatTableId"), ["stb-1"]);
        assert_eq!(texts(&v, "Ids", "Id"), ["a", "b"]);
        assert_eq!(flat_texts(&json!({"C": "10.0.0.0/8"}), "C"), ["10.0.0.0/8"]);
    }

    #[test]
    fn numbers_as_strings_or_numbers() {
        let v = json!({"a": 1, "b": "100", "c": "", "d": "high", "e": 1.5, "f": -3, "g": true});
        assert_eq!(int(&v, "a"), Some(Ok(1)));
        assert_eq!(int(&v, "b"), Some(Ok(100)));
        assert_eq!(int(&v, "c"), None);
        assert_eq!(int(&v, "d"), Some(Err("\"high\"".to_owned())));
        assert_eq!(int(&v, "e"), Some(Err("1.5".to_owned())));
        assert_eq!(count(&v, "f"), None);
        assert_eq!(int(&v, "g"), Some(Err("true".to_owned())));
        assert_eq!(int(&v, "missing"), None);
    }

    #[test]
    fn empty_strings_are_absent_and_case_is_ignored() {
        let v = json!({"DestCidrIp": "", "Policy": "Accept", "VswitchId": "vsw-1", "Id": 7});
        assert_eq!(text(&v, "DestCidrIp"), None);
        assert!(is(&v, "Policy", "accept"));
        assert!(!is(&v, "Policy", "drop"));
        assert_eq!(text(&v, "VSwitchId").as_deref(), Some("vsw-1"));
        assert_eq!(text(&v, "Id").as_deref(), Some("7"));
    }

    #[test]
    fn comma_separated_ips() {
        let v = json!({"SnatIp": " 47.98.1.10, 47.98.1.11,,47.98.1.10"});
        assert_eq!(comma_list(&v, "SnatIp"), ["47.98.1.10", "47.98.1.11"]);
        assert!(comma_list(&json!({"SnatIp": ""}), "SnatIp").is_empty());
    }
}
