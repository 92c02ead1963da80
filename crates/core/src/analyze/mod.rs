//! The analyzer: a plan in, a [`Report`] out (findings, capacity, paths). It never fails and
//! never panics: a plan that cannot be read gives PLAN001 findings and nothing else.
//!
//! # Organization
//! - `index`: lookups every check shares (objects by ID, parsed CIDRs, service fields).
//! - `ids`: PLAN002, PLAN003, NET002. `cidrs`: CIDR001–CIDR008. `routes`: ROUTE001 and
//!   longest-prefix lookup. `security`: SG002, SG003 and the egress verdict.
//! - `placement`: NET001, NET003–NET007. `capacity`: CAP001–CAP004 and the capacity rows.
//! - `paths`, `internet`, `private`: every flow as hops, with INET, PRIV, SG001, WL001/WL002.
//! - `whitelist`: WL003. `findings`: severities and the final order. `commands`: `aliyun` fixes.

mod capacity;
mod cidrs;
mod clip;
mod code;
mod commands;
mod default_route;
mod findings;
mod flow;
mod hops;
mod ids;
mod index;
mod internet;
mod paths;
mod placement;
mod private;
mod report;
mod routes;
mod rule;
mod rule_index;
mod security;
mod service_cache;
mod whitelist;

pub use code::{Code, Group, UnknownCode};
pub use report::*;
pub use service_cache::ServiceCache;

use crate::i18n::{plan_error_text, Catalogue};
use crate::plan::{validate_structure, Plan};
use findings::Findings;
use index::Index;

/// Analyzes a plan against every rule of `docs/rules.md`.
///
/// # Examples
/// ```
/// use easnet_core::{analyze::analyze, samples::examples::default_example, plan::parse_plan};
/// let report = analyze(&parse_plan(default_example().json).unwrap());
/// assert!(report.codes().contains(&"INET004"));
///
/// let mut broken = easnet_core::plan::Plan::empty();
/// broken.version = 7;
/// assert_eq!(analyze(&broken).codes(), ["PLAN001"]);
/// ```
pub fn analyze(plan: &Plan) -> Report {
    analyze_inner(plan, None, Catalogue::english())
}

/// [`analyze`] with messages and fixes in the language of `cat`: codes, subjects, `at`
/// paths and commands are the same in every language.
///
/// # Examples
/// ```
/// use easnet_core::analyze::{analyze, analyze_in};
/// use easnet_core::i18n::{Catalogue, Lang};
/// use easnet_core::plan::parse_plan;
/// let plan = parse_plan(r#"{"version": 1, "services": [{"needs_internet": true,
///   "service": {"metadata": {"name": "llm"}, "cloud": {"networking": {"vpc_id": "vpc-a"}}}}]}"#).unwrap();
/// let zh = analyze_in(&plan, Catalogue::embedded(Lang::Zh).unwrap());
/// let en = analyze(&plan);
/// assert_eq!(zh.codes(), en.codes());
/// assert_eq!(en.findings[0].message, "llm sets only part of its networking: vswitch_id, security_group_id missing");
/// assert_eq!(zh.findings[0].message, "llm 只设置了部分网络配置：缺少 vswitch_id、security_group_id");
/// assert_eq!((&zh.findings[0].subject, &zh.findings[0].at), (&en.findings[0].subject, &en.findings[0].at));
/// ```
pub fn analyze_in(plan: &Plan, cat: &'static Catalogue) -> Report {
    analyze_inner(plan, None, cat)
}

/// [`analyze`], reading each service JSON through `cache`: for analysing a plan again and
/// again as it is edited (the page), where most service JSON is the same as last time. The
/// report is the same as `analyze`'s.
///
/// # Examples
/// ```
/// use easnet_core::analyze::{analyze, analyze_with, ServiceCache};
/// use easnet_core::{samples::examples::default_example, plan::parse_plan};
/// let plan = parse_plan(default_example().json).unwrap();
/// let mut cache = ServiceCache::default();
/// let en = easnet_core::i18n::Catalogue::english();
/// assert_eq!(analyze_with(&plan, &mut cache, en), analyze(&plan));
/// assert_eq!(analyze_with(&plan, &mut cache, en), analyze(&plan));
/// ```
pub fn analyze_with(plan: &Plan, cache: &mut ServiceCache, cat: &'static Catalogue) -> Report {
    analyze_inner(plan, Some(cache), cat)
}

fn analyze_inner(plan: &Plan, cache: Option<&mut ServiceCache>, cat: &'static Catalogue) -> Report {
    // Strings of absurd length are cut for the report, which repeats them (clip.rs).
    let cut = clip::long_strings_cut(plan);
    let plan = cut.as_ref().unwrap_or(plan);
    let mut out = Findings::new(cat);
    // PLAN001 stops everything (rules.md, "How checks combine"). The index reads each service
    // JSON once and reports its type errors with the others.
    let mut errors = validate_structure(plan);
    let ix = Index::new(plan, cache);
    errors.extend(ix.errors.iter().cloned());
    if !errors.is_empty() {
        for e in errors {
            out.add(
                Code::Plan001,
                plan001_subject(&e.path),
                plan_error_text(cat, &e),
            )
            .fix(cat.text("PLAN001.fix", &[]))
            .at(e.path);
        }
        return Report {
            findings: out.finish(),
            ..Report::default()
        };
    }
    ids::check_duplicates(&ix, &mut out);
    ids::check_references(&ix, &mut out);
    ids::check_id_shapes(&ix, &mut out);
    cidrs::check_address_space(&ix, &mut out);
    cidrs::check_other_fields(&ix, &mut out);
    routes::check_routes(&ix, &mut out);
    security::check_groups(&ix, &mut out);
    let placements = placement::place_services(&ix, &mut out);
    whitelist::check_whitelists(&ix, &mut out);
    let capacity = capacity::check_capacity(&ix, &placements, &mut out);
    let paths = paths::trace_services(&ix, &placements, &mut out);
    Report {
        findings: out.finish(),
        capacity,
        paths,
    }
}

/// Reads and analyzes plan JSON text: a plan that cannot be read is one PLAN001 finding.
pub fn analyze_text(text: &str) -> Report {
    analyze_text_in(text, Catalogue::english())
}

/// [`analyze_text`] in the language of `cat`.
pub fn analyze_text_in(text: &str, cat: &'static Catalogue) -> Report {
    match crate::plan::parse_plan(text) {
        Ok(plan) => analyze_in(&plan, cat),
        Err(e) => {
            let mut out = Findings::new(cat);
            out.add(
                Code::Plan001,
                plan001_subject(&e.path),
                plan_error_text(cat, &e),
            )
            .fix(cat.text("PLAN001.fix", &[]))
            .at(e.path);
            Report {
                findings: out.finish(),
                ..Report::default()
            }
        }
    }
}

/// PLAN001's subject: the JSON path of the problem, or `plan` for the document itself.
fn plan001_subject(path: &str) -> String {
    if path.is_empty() {
        "plan".to_owned()
    } else {
        path.to_owned()
    }
}
