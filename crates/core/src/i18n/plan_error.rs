//! A plan that cannot be read (PLAN001), said in the catalogue's language.
//!
//! The reader writes its errors in a small, fixed set of English forms (`plan::parse`'s
//! `humanize_json`, `plan::validate`, `plan::service`, `plan::int`): "expected an integer, got
//! \"2\"", "unknown field; expected one of id, cidr", "(line 1, column 9)". Those forms are
//! templates of the catalogue (`plan_error.*`), recognised here and written again in the
//! chosen language. Text that is not JSON is explained by a sentence of the catalogue kept in
//! the error (`json_syntax.*`, serde_json's own words included), written in the chosen
//! language. A wording not recognised (serde's own otherwise) stays as the reader wrote it: it
//! is never lost.

use super::{Arg, Catalogue, Lang};
use crate::args;
use crate::plan::PlanError;

/// The error as a PLAN001 message: `path: what is wrong`, in the language of `cat`.
///
/// # Examples
/// ```
/// use easnet_core::i18n::{plan_error_text, Catalogue, Lang};
/// use easnet_core::plan::PlanError;
/// let e = PlanError::new("vpcs[0].vswitches[0].other_ips", "expected a non-negative integer, got \"3\" (line 1, column 193)");
/// let en = Catalogue::english();
/// assert_eq!(plan_error_text(en, &e), e.to_string());
/// let zh = Catalogue::embedded(Lang::Zh).unwrap();
/// assert_eq!(plan_error_text(zh, &e), "vpcs[0].vswitches[0].other_ips：应为非负整数，实际为 \"3\"（第 1 行，第 193 列）");
/// ```
pub fn plan_error_text(cat: &Catalogue, e: &PlanError) -> String {
    // A sentence of the catalogue is said in `cat` whatever the language: its English message
    // was written with the English catalogue of the moment, which a page that opened in
    // Chinese has not loaded.
    let detail = match &e.said {
        Some(said) => said.text(cat),
        None if cat.lang() == Lang::En => e.message.clone(),
        None => detail(cat, &e.message),
    };
    if e.path.is_empty() {
        detail
    } else {
        cat.text("plan_error.at", args![path = e.path, detail = detail])
    }
}

/// One message of the reader, in the language of `cat`.
fn detail(cat: &Catalogue, message: &str) -> String {
    // "… (line 3, column 9)" ends many of them.
    if let Some((head, line, column)) = position(message) {
        let head = detail(cat, head);
        return cat.text(
            "plan_error.position",
            args![message = head, line = line, column = column],
        );
    }
    let t = |key: &str, args: &[Arg]| cat.text(key, args);
    if message == "missing required field" {
        return t("plan_error.missing", &[]);
    }
    if message == "unknown field" {
        return t("plan_error.unknown_field", &[]);
    }
    if let Some(list) = message.strip_prefix("unknown field; expected one of ") {
        return t("plan_error.unknown_field_one_of", args![list = list]);
    }
    if let Some(list) = message.strip_prefix("unknown field; expected ") {
        return t("plan_error.unknown_field_one_of", args![list = list]);
    }
    if let Some(rest) = message.strip_prefix("cannot be read: ") {
        return t("plan_error.unreadable", args![why = rest]);
    }
    if let Some(rest) = message.strip_prefix("out of range: expected ") {
        if let Some((what, rest)) = rest.split_once(" from ") {
            if let Some((range, got)) = rest.split_once(", got ") {
                if let Some((lo, hi)) = range.split_once(" to ") {
                    let what = words(cat, what);
                    return t(
                        "plan_error.out_of_range",
                        args![what = what, lo = lo, hi = hi, got = got],
                    );
                }
            }
        }
    }
    if let Some(rest) = message.strip_prefix("required for protocol ") {
        if let Some((protocol, _)) = rest.split_once(':') {
            return t("plan_error.port_required", args![protocol = protocol]);
        }
    }
    if let Some(rest) = message.strip_prefix("a VPC has one system route table, but ") {
        if let Some((vpc, table)) = rest.split_once(" also has ") {
            return t(
                "plan_error.two_system_tables",
                args![vpc = vpc, table = table],
            );
        }
    }
    if let Some(rest) = message.strip_prefix("expected one of ") {
        if let Some((list, got)) = rest.rsplit_once(", got ") {
            return t("plan_error.one_of", args![list = list, got = got]);
        }
    }
    if let Some(rest) = message.strip_prefix("expected ") {
        if let Some((what, got)) = rest.rsplit_once(", got ") {
            let (what, got) = (words(cat, what), words(cat, got));
            return t("plan_error.expected", args![what = what, got = got]);
        }
    }
    message.to_owned()
}

/// `head (line 3, column 9)` → (head, 3, 9).
fn position(message: &str) -> Option<(&str, &str, &str)> {
    let rest = message.strip_suffix(')')?;
    let (head, at) = rest.rsplit_once(" (line ")?;
    let (line, column) = at.split_once(", column ")?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(line) && digits(column)).then_some((head, line, column))
}

/// The reader's words for a kind of value ("a non-negative integer"), in the catalogue's
/// language; anything else (a value as written: `"2"`, `1.5`) as it is.
fn words(cat: &Catalogue, what: &str) -> String {
    let key = match what {
        "a string" => "plan_error.a_string",
        "an integer" => "plan_error.an_integer",
        "a non-negative integer" => "plan_error.a_non_negative_integer",
        "a number" => "plan_error.a_number",
        "a list" => "plan_error.a_list",
        "an object" => "plan_error.an_object",
        "true or false" => "plan_error.true_or_false",
        "exactly two different VPC IDs" => "plan_error.two_vpcs",
        "a share between 0 and 1 such as 0.8" => "plan_error.a_share",
        "a port 1-65535" => "plan_error.a_port",
        _ => return what.to_owned(),
    };
    cat.text(key, &[])
}
