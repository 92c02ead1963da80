//! `cloud.networking` set in the user's own service JSON, every other byte untouched.
//!
//! Why a text splice and not `serde_json::Value`: even with `preserve_order` and
//! `arbitrary_precision`, a round trip through `Value` rewrites `1e3` as `1e+3` and drops the
//! user's whitespace, and the user must be able to diff what they imported against what they
//! paste back. So the text is checked by serde_json, walked by the byte-offset scanner, and
//! exactly one span is replaced: the `networking` value, or the end of `cloud` (a new
//! `networking` member), or the end of the root object (a new `cloud` member).

use serde_json::value::RawValue;

use super::layout::{Habits, Layout};
use super::scan::{kind_at, object_at, skip_ws, Object};
use super::SpliceError;
use crate::plan::json_syntax::explained;
use crate::plan::Networking;
use crate::plan::PlanError;

/// The keys of `cloud.networking` that easnet sets; any other key there (`destination_cidrs`,
/// `default_route`) is the user's and is kept.
const ID_KEYS: [&str; 3] = ["vpc_id", "vswitch_id", "security_group_id"];

/// The user's EAS service JSON with `cloud.networking` set to `net`, and every byte outside
/// the `networking` value (or the member inserted for it) exactly as it was.
///
/// - An existing `networking` object keeps its other keys (`destination_cidrs`,
///   `default_route`) and its key order; each of the three IDs is replaced where it stands, or
///   added at the end, or removed when `net` leaves it `None`.
/// - No `networking` (or a `null` one): it is added to `cloud`; no `cloud`: it is added to the
///   root object. The new text follows the file's layout: its line ending, its indent (spaces
///   or tabs), its `": "` or `":"`, and one member per line or all on one line as its
///   neighbours are.
/// - Duplicate keys: the last `cloud` and the last `networking` are edited, because JSON
///   parsers keep the last.
/// - A UTF-8 byte-order mark is kept.
///
/// # Examples
/// ```
/// use easnet_core::plan::service_json::set_networking;
/// use easnet_core::plan::Networking;
///
/// let net = Networking {
///     vpc_id: Some("vpc-a".into()),
///     vswitch_id: Some("vsw-a".into()),
///     security_group_id: Some("sg-a".into()),
///     ..Networking::default()
/// };
/// let out = set_networking(r#"{"metadata": {"instance": 1e3}}"#, &net).unwrap();
/// assert_eq!(
///     out,
///     r#"{"metadata": {"instance": 1e3}, "cloud": {"networking": {"vpc_id": "vpc-a", "vswitch_id": "vsw-a", "security_group_id": "sg-a"}}}"#
/// );
///
/// // Not an object, not JSON: the error says what is wrong.
/// assert_eq!(
///     set_networking("[1]", &net).unwrap_err().to_string(),
///     "the service JSON must be an object, got a list"
/// );
/// assert!(set_networking("{\"a\": }", &net).unwrap_err().to_string().contains("line 1, column 7"));
/// ```
pub fn set_networking(service_text: &str, net: &Networking) -> Result<String, SpliceError> {
    let bom = if service_text.starts_with('\u{feff}') {
        3
    } else {
        0
    };
    serde_json::from_str::<&RawValue>(&service_text[bom..]).map_err(|e| {
        let why = explained(&service_text[bom..], &e);
        SpliceError::NotJson(PlanError::said("", why))
    })?;
    let text = service_text;
    let b = text.as_bytes();
    let start = skip_ws(b, bom);
    let root = object_at(text, start).ok_or(SpliceError::NotAnObject(kind_at(b, start)))?;
    let habits = Habits::detect(text, &root);
    let (span, replacement) = edit(text, &root, net, &habits)?;
    Ok(format!(
        "{}{replacement}{}",
        &text[..span.start],
        &text[span.end..]
    ))
}

/// The one span to replace, and its replacement.
fn edit(
    text: &str,
    root: &Object,
    net: &Networking,
    habits: &Habits,
) -> Result<(std::ops::Range<usize>, String), SpliceError> {
    let root_layout = habits.layout(text, root);
    let Some(cloud) = root.last("cloud") else {
        let value = new_cloud(net, habits, &habits.child(&root_layout));
        return Ok(add_member(root, "\"cloud\"", &value, habits, &root_layout));
    };
    let b = text.as_bytes();
    let Some(cloud_obj) = object_at(text, cloud.value.start) else {
        return match b.get(cloud.value.start) {
            Some(b'n') => Ok((
                cloud.value.clone(),
                new_cloud(net, habits, &habits.child(&root_layout)),
            )),
            _ => Err(SpliceError::CloudNotAnObject(kind_at(b, cloud.value.start))),
        };
    };
    let cloud_layout = habits.layout(text, &cloud_obj);
    let Some(networking) = cloud_obj.last("networking") else {
        let value = habits.render(&id_members(net), &habits.child(&cloud_layout));
        return Ok(add_member(
            &cloud_obj,
            "\"networking\"",
            &value,
            habits,
            &cloud_layout,
        ));
    };
    let value = match object_at(text, networking.value.start) {
        Some(old) => {
            let layout = habits.layout(text, &old);
            (in_place(text, &old, net, habits, &layout))
                .unwrap_or_else(|| habits.render(&merged(text, &old, net), &layout))
        }
        // `null`, or a value EAS would refuse anyway: replaced by a proper object.
        None => habits.render(&id_members(net), &habits.child(&cloud_layout)),
    };
    Ok((networking.value.clone(), value))
}

/// An existing `networking` object with each ID's string replaced where it stands and the
/// missing ones added after its last member in the object's own spacing: every other byte of
/// the object (its layout, its closing brace, its other members) stays as it was. `None` when
/// an ID must be removed or the object is empty: [`merged`] then writes the object anew.
fn in_place(
    text: &str,
    old: &Object,
    net: &Networking,
    habits: &Habits,
    layout: &Layout,
) -> Option<String> {
    let values = [&net.vpc_id, &net.vswitch_id, &net.security_group_id];
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut added = String::new();
    for (key, value) in ID_KEYS.iter().zip(values) {
        match (old.last(key), value) {
            // The last of duplicate keys is the one JSON parsers keep: that one is set.
            (Some(member), Some(v)) => edits.push((member.value.clone(), quote(v))),
            (Some(_), None) => return None,
            (None, Some(v)) => added.push_str(&habits.append(&quote(key), &quote(v), layout)),
            (None, None) => {}
        }
    }
    if !added.is_empty() {
        let end = old.members.last()?.value.end;
        edits.push((end..end, added));
    }
    edits.sort_by_key(|(span, _)| span.start);
    let mut out = String::new();
    let mut at = old.open;
    for (span, replacement) in edits {
        out.push_str(&text[at..span.start]);
        out.push_str(&replacement);
        at = span.end;
    }
    out.push_str(&text[at..=old.close]);
    Some(out)
}

/// A `cloud` object holding only `networking`.
fn new_cloud(net: &Networking, habits: &Habits, layout: &Layout) -> String {
    let networking = habits.render(&id_members(net), &habits.child(layout));
    habits.render(&[("\"networking\"".to_owned(), networking)], layout)
}

/// The edit that adds a member at the end of an object: after its last member, or, for an
/// empty object, the whole (empty) object rewritten.
fn add_member(
    o: &Object,
    key: &str,
    value: &str,
    habits: &Habits,
    layout: &Layout,
) -> (std::ops::Range<usize>, String) {
    match o.members.last() {
        Some(last) => (
            last.value.end..last.value.end,
            habits.append(key, value, layout),
        ),
        None => (
            o.open..o.close + 1,
            habits.render(&[(key.to_owned(), value.to_owned())], layout),
        ),
    }
}

/// The three IDs of `net` that are set, as members (quoted key, JSON string).
fn id_members(net: &Networking) -> Vec<(String, String)> {
    let values = [&net.vpc_id, &net.vswitch_id, &net.security_group_id];
    (ID_KEYS.iter().zip(values))
        .filter_map(|(k, v)| v.as_deref().map(|v| (quote(k), quote(v))))
        .collect()
}

/// The members of an existing `networking` with the three IDs replaced: each where its last
/// occurrence stood (earlier duplicates dropped), missing ones appended in the usual order,
/// unset ones removed; every other member kept with its raw key and value text.
fn merged(text: &str, old: &Object, net: &Networking) -> Vec<(String, String)> {
    let values = [&net.vpc_id, &net.vswitch_id, &net.security_group_id];
    let wanted = |key: &str| ID_KEYS.iter().position(|k| *k == key).map(|i| values[i]);
    let mut members = Vec::new();
    for (i, m) in old.members.iter().enumerate() {
        match wanted(&m.key) {
            None => members.push((
                text[m.key_span.clone()].to_owned(),
                text[m.value.clone()].to_owned(),
            )),
            Some(value) => {
                let is_last = !old.members[i + 1..].iter().any(|n| n.key == m.key);
                if let (true, Some(v)) = (is_last, value) {
                    members.push((quote(&m.key), quote(v)));
                }
            }
        }
    }
    let present = |key: &str| old.members.iter().any(|m| m.key == key);
    for (key, value) in ID_KEYS.iter().zip(values) {
        if let (false, Some(v)) = (present(key), value) {
            members.push((quote(key), quote(v)));
        }
    }
    members
}

/// A JSON string literal (serializing a `&str` cannot fail).
fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}
