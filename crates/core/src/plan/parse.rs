//! Reading and writing plan JSON, with errors that name the JSON path.

use serde_json::error::Category;

use serde::Deserialize;

use super::error::{as_is, expected};
use super::error_path::error_path;
use super::{json_syntax, validate, Plan, PlanError};
use crate::i18n::Said;

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
        return Err(PlanError::said("", Said::new("plan_error.plan_not_a_list")));
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
        return Some(PlanError::said("", Said::new("plan_error.not_a_plan")));
    };
    match obj.get("version") {
        None => Some(PlanError::said(
            "version",
            Said::new("plan_error.version_missing"),
        )),
        Some(v) if v.as_u64() == Some(1) => None,
        Some(v) => Some(PlanError::said("version", expected(as_is(1), v))),
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

/// Turns serde's wording into the user's, as a sentence of the catalogue: `expected a
/// non-negative integer, got "4"`, with the offending key appended to the path for unknown and
/// missing fields. serde's errors are text, so this is where its English forms are read, and
/// the reader's own forms that travel through serde (`int::field`); anything else is kept as
/// serde wrote it. Text that is not JSON is explained by [`json_syntax::explained`]
/// (comments, trailing commas, a member without its braces, a cut-off file).
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
    let said = if let Some(rest) = msg.strip_prefix("missing field `") {
        path = join(&path, rest.trim_end_matches('`'));
        Said::new("plan_error.missing")
    } else if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
        // The path already ends with the unknown key.
        if !(path == key || path.ends_with(&format!(".{key}"))) {
            path = join(&path, key);
        }
        let one_of = expected.strip_prefix(", expected one of ");
        let one = expected.strip_prefix(", expected ");
        match (one_of, one) {
            (Some(list), _) => {
                Said::new("plan_error.unknown_field_one_of").with("list", list.replace('`', ""))
            }
            (None, Some(one)) => {
                Said::new("plan_error.unknown_field_one").with("list", one.replace('`', ""))
            }
            (None, None) => Said::new("plan_error.unknown_field"),
        }
    } else if let Some(rest) = msg.strip_prefix("unknown variant `") {
        let (got, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let expected = expected
            .trim_start_matches(", expected ")
            .trim_start_matches("one of ")
            .replace("` or `", "`, `")
            .replace('`', "");
        Said::new("plan_error.one_of")
            .with("list", expected)
            .with("got", format!("\"{got}\""))
    } else if let Some((got, expected)) = msg
        .strip_prefix("invalid type: ")
        .or_else(|| msg.strip_prefix("invalid value: "))
        .and_then(|rest| rest.split_once(", expected "))
    {
        Said::new("plan_error.expected")
            .with_said("what", expected_words(expected))
            .with_said("got", got_words(got))
    } else if let Some(said) = reader_form(msg) {
        said
    } else {
        as_is(msg)
    };
    let said = if e.line() > 0 {
        Said::new("plan_error.position")
            .with_said("message", said)
            .with("line", e.line())
            .with("column", e.column())
    } else {
        said
    };
    PlanError::said(path, said)
}

/// The reader's own forms that reach here as serde's text (`int::field`): "out of range:
/// expected WHAT from LO to HI, got N", "expected WHAT, got N".
fn reader_form(msg: &str) -> Option<Said> {
    if let Some(rest) = msg.strip_prefix("out of range: expected ") {
        let (what, rest) = rest.split_once(" from ")?;
        let (range, got) = rest.split_once(", got ")?;
        let (lo, hi) = range.split_once(" to ")?;
        return Some(
            Said::new("plan_error.out_of_range")
                .with_said("what", expected_words(what))
                .with("lo", lo)
                .with("hi", hi)
                .with("got", got),
        );
    }
    let (what, got) = msg.strip_prefix("expected ")?.rsplit_once(", got ")?;
    Some(
        Said::new("plan_error.expected")
            .with_said("what", expected_words(what))
            .with_said("got", as_is(got)),
    )
}

/// What serde (or the reader's own forms) expected, in the reader's words.
fn expected_words(expected: &str) -> Said {
    let key = match expected {
        "u8" | "u16" | "u32" | "u64" | "a non-negative integer" => {
            "plan_error.a_non_negative_integer"
        }
        "i8" | "i16" | "i32" | "i64" | "an integer" => "plan_error.an_integer",
        "f32" | "f64" => "plan_error.a_number",
        "a sequence" => "plan_error.a_list",
        "a boolean" => "plan_error.true_or_false",
        "a string" => "plan_error.a_string",
        e if e.starts_with("struct ") => "plan_error.an_object",
        // The plan model's own expectations (`model.rs`), in the catalogue's words.
        "exactly two different VPC IDs" => "plan_error.two_vpcs",
        "a share between 0 and 1 such as 0.8" => "plan_error.a_share",
        "a port 1-65535" => "plan_error.a_port",
        e => return as_is(e),
    };
    Said::new(key)
}

/// What serde found, in the reader's words: a value as written, or its kind.
fn got_words(got: &str) -> Said {
    let strip = |s: &str| s.trim_matches('`').to_owned();
    if let Some(s) = got.strip_prefix("string ") {
        as_is(s)
    } else if let Some(n) = got
        .strip_prefix("integer ")
        .or_else(|| got.strip_prefix("floating point "))
        .or_else(|| got.strip_prefix("boolean "))
    {
        as_is(strip(n))
    } else {
        match got {
            "map" => Said::new("plan_error.an_object"),
            "sequence" => Said::new("plan_error.a_list"),
            "null" | "unit value" => as_is("null"),
            // A number as serde_json's arbitrary precision reports it, without its digits.
            "number" => Said::new("plan_error.number"),
            other => as_is(other),
        }
    }
}
