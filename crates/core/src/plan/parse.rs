//! Reading and writing plan JSON, with errors that name the JSON path.

use serde_json::error::Category;

use serde::Deserialize;

use super::error_path::error_path;
use super::{json_syntax, validate, Plan, PlanError};

/// Reads a plan: strict JSON → [`Plan`], then [`validate`]. The first problem is returned as
/// a [`PlanError`] naming its JSON path and what was expected there (PLAN001).
///
/// # Examples
/// ```
/// use easnet_core::plan::parse_plan;
/// let plan = parse_plan(r#"{"version": 1, "vpcs": [{"id": "vpc-a", "cidrs": ["10.0.0.0/16"]}]}"#).unwrap();
/// assert_eq!(plan.vpcs[0].id, "vpc-a");
///
/// let err = parse_plan(r#"{"version": 1, "vpcs": [{"id": "vpc-a", "cidr": "10.0.0.0/16"}]}"#).unwrap_err();
/// assert_eq!(err.path, "vpcs[0].cidr");
/// assert!(err.message.starts_with("unknown field"));
/// ```
pub fn parse_plan(text: &str) -> Result<Plan, PlanError> {
    let plan = parse_plan_shape(text)?;
    match validate(&plan).into_iter().next() {
        Some(e) => Err(e),
        None => Ok(plan),
    }
}

/// Reads a plan's shape only (types, field names), without [`validate`]: for the page's own
/// autosave and share links, which may hold a plan in the middle of an edit (a peering with
/// one VPC chosen so far). The analyzer still reports what `validate` finds, as PLAN001.
///
/// # Examples
/// ```
/// use easnet_core::plan::{parse_plan, parse_plan_shape};
/// let half_done = r#"{"version": 1, "peerings": [{"id": "pcc-1", "kind": "vpc_peer", "vpcs": ["vpc-a"]}]}"#;
/// assert!(parse_plan(half_done).is_err());
/// assert_eq!(parse_plan_shape(half_done).unwrap().peerings[0].vpcs, ["vpc-a"]);
/// assert!(parse_plan_shape(r#"{"version": 1, "vpcs": 3}"#).is_err());
/// ```
pub fn parse_plan_shape(text: &str) -> Result<Plan, PlanError> {
    // Editors on Windows save "UTF-8 with BOM": the mark is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // serde also fills a struct from a JSON list (`[1]` would be a plan): refuse that here.
    if text.trim_start().starts_with('[') {
        return Err(PlanError::new(
            "",
            "expected a plan: a JSON object with \"version\": 1, got a list",
        ));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let plan = match Plan::deserialize(&mut de) {
        Ok(plan) => plan,
        Err(e) => return Err(not_a_v1_plan(text).unwrap_or_else(|| humanize(&e, text))),
    };
    if let Err(e) = de.end() {
        return Err(humanize_json(String::new(), &e, text));
    }
    Ok(plan)
}

/// Writes a plan as pretty JSON (two-space indent, fields in the spec's order).
pub fn write_plan(plan: &Plan) -> String {
    // Serializing plain data with string keys cannot fail.
    serde_json::to_string_pretty(plan).unwrap_or_default()
}

/// A document whose `version` is not 1 fails on that first, whatever else is wrong with it:
/// "not a plan of version 1" says more than an unknown field of some future format.
fn not_a_v1_plan(text: &str) -> Option<PlanError> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let Some(obj) = value.as_object() else {
        return Some(PlanError::new(
            "",
            "expected a plan: a JSON object with \"version\": 1",
        ));
    };
    match obj.get("version") {
        None => Some(PlanError::new(
            "version",
            "missing required field: expected 1 (is this a plan file?)",
        )),
        Some(v) if v.as_u64() == Some(1) => None,
        Some(v) => Some(PlanError::new(
            "version",
            format!("expected 1, got {}", super::service::describe(v)),
        )),
    }
}

fn humanize(e: &serde_json::Error, text: &str) -> PlanError {
    let mut path = error_path(text, e);
    // The path is "." for the root and ends in "?" where a key could not be read (a file cut
    // off inside `vpcs[0]` is `vpcs[0].?`): keep the part that is known.
    while let Some(known) = path.strip_suffix(".?") {
        path = known.to_owned();
    }
    let path = if path == "." || path == "?" {
        String::new()
    } else {
        path
    };
    humanize_json(path, e, text)
}

/// Turns serde's wording into the user's: `expected a non-negative integer, got "4"`, with the
/// offending key appended to the path for unknown and missing fields. Text that is not JSON
/// is explained by [`json_syntax::explain`] (comments, trailing commas, a member without its
/// braces, a cut-off file).
fn humanize_json(mut path: String, e: &serde_json::Error, text: &str) -> PlanError {
    if matches!(e.classify(), Category::Syntax | Category::Eof) {
        return PlanError::said(path, json_syntax::explained(text, e));
    }
    let full = e.to_string();
    let msg = match full.rfind(" at line ") {
        Some(i) if e.line() > 0 => &full[..i],
        _ => full.as_str(),
    };
    let join = |path: &str, key: &str| {
        if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        }
    };
    let mut message = if let Some(rest) = msg.strip_prefix("missing field `") {
        path = join(&path, rest.trim_end_matches('`'));
        "missing required field".to_owned()
    } else if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
        // The path already ends with the unknown key.
        if !(path == key || path.ends_with(&format!(".{key}"))) {
            path = join(&path, key);
        }
        match expected.strip_prefix(", expected one of ") {
            Some(list) => format!("unknown field; expected one of {}", list.replace('`', "")),
            None => match expected.strip_prefix(", expected ") {
                Some(one) => format!("unknown field; expected {}", one.replace('`', "")),
                None => "unknown field".to_owned(),
            },
        }
    } else if let Some(rest) = msg.strip_prefix("unknown variant `") {
        let (got, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let expected = expected
            .trim_start_matches(", expected ")
            .trim_start_matches("one of ")
            .replace("` or `", "`, `")
            .replace('`', "");
        format!("expected one of {expected}, got \"{got}\"")
    } else if let Some((got, expected)) = msg
        .strip_prefix("invalid type: ")
        .or_else(|| msg.strip_prefix("invalid value: "))
        .and_then(|rest| rest.split_once(", expected "))
    {
        format!(
            "expected {}, got {}",
            expected_words(expected),
            got_words(got)
        )
    } else {
        msg.to_owned()
    };
    if e.line() > 0 {
        message.push_str(&format!(" (line {}, column {})", e.line(), e.column()));
    }
    PlanError::new(path, message)
}

fn expected_words(expected: &str) -> String {
    match expected {
        "u8" | "u16" | "u32" | "u64" => "a non-negative integer".to_owned(),
        "i8" | "i16" | "i32" | "i64" => "an integer".to_owned(),
        "f32" | "f64" => "a number".to_owned(),
        "a sequence" => "a list".to_owned(),
        "a boolean" => "true or false".to_owned(),
        e if e.starts_with("struct ") => "an object".to_owned(),
        e => e.to_owned(),
    }
}

fn got_words(got: &str) -> String {
    let strip = |s: &str| s.trim_matches('`').to_owned();
    if let Some(s) = got.strip_prefix("string ") {
        s.to_owned()
    } else if let Some(n) = got
        .strip_prefix("integer ")
        .or_else(|| got.strip_prefix("floating point "))
        .or_else(|| got.strip_prefix("boolean "))
    {
        strip(n)
    } else {
        match got {
            "map" => "an object".to_owned(),
            "sequence" => "a list".to_owned(),
            "null" | "unit value" => "null".to_owned(),
            other => other.to_owned(),
        }
    }
}
