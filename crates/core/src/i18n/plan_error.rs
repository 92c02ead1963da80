//! A plan that cannot be read (PLAN001), said in the catalogue's language.
//!
//! Every [`PlanError`] keeps what is wrong as a sentence of the catalogue (`plan_error.*`,
//! `json_syntax.*`), made where the error is found: serde's own wording is read once, into
//! those sentences, by the plan reader (`plan::parse`'s `humanize_json`); a wording it does not
//! know is kept as serde wrote it, never lost.

use super::Catalogue;
use crate::args;
use crate::plan::PlanError;

/// The error as a PLAN001 message: `path: what is wrong`, in the language of `cat`.
///
/// # Examples
/// ```
/// use easnet_core::i18n::{plan_error_text, Catalogue, Lang};
/// use easnet_core::plan::parse_plan;
/// let text = r#"{"version": 1, "vpcs": [{"id": "vpc-a", "cidrs": ["10.0.0.0/8"], "vswitches": [{"id": "v", "cidr": "10.0.0.0/24", "other_ips": "3"}]}]}"#;
/// let e = parse_plan(text).unwrap_err();
/// let en = Catalogue::english();
/// assert_eq!(plan_error_text(en, &e), e.to_string());
/// assert_eq!(e.to_string(), "vpcs[0].vswitches[0].other_ips: expected a non-negative integer, got \"3\" (line 1, column 131)");
/// let zh = Catalogue::embedded(Lang::Zh).unwrap();
/// assert_eq!(plan_error_text(zh, &e), "vpcs[0].vswitches[0].other_ips：应为非负整数，实际为 \"3\"（第 1 行，第 131 列）");
/// ```
pub fn plan_error_text(cat: &Catalogue, e: &PlanError) -> String {
    let detail = e.said.text(cat);
    if e.path.is_empty() {
        detail
    } else {
        cat.text("plan_error.at", args![path = e.path, detail = detail])
    }
}
