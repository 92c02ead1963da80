//! The report as SARIF 2.1.0, for code-scanning UIs (GitHub, GitLab, VS Code's viewer).

use serde_json::{json, Value};

use super::Source;
use crate::analyze::{Code, Report, Severity};
use crate::args;
use crate::i18n::Catalogue;

/// The project's home, from the package metadata when it has one.
const INFORMATION_URI: &str = env!("CARGO_PKG_REPOSITORY");

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The report as a SARIF 2.1.0 log: one run of the tool `easnet`, one rule per finding code
/// that occurs (its level from [`Code`], its title `cat`'s `<CODE>.title`), one result per finding with a
/// logical location (the `subject`, qualified by its JSON path `at` when there is one) and,
/// when `artifact` is the plan file, a physical location on it (code-scanning UIs need one to
/// show a result): the line and column of the object `at` names, else line 1.
///
/// # Examples
/// ```
/// use easnet_core::analyze::{Code, Finding, Report, Severity};
/// use easnet_core::export::{sarif, Source};
/// use easnet_core::i18n::Catalogue;
///
/// let report = Report { findings: vec![Finding {
///     code: Code::Wl001, severity: Severity::Warning, subject: "s/db".into(),
///     message: "m".into(), fix: "f".into(), command: None, at: Some("services[0].targets[0]".into()),
/// }], ..Report::default() };
/// let text = "{\"version\": 1,\n \"services\": [{\"service\": {}, \"targets\": [{}]}]}";
/// let en = Catalogue::english();
/// let log = sarif(&report, Some(Source { name: "plan.json", text }), en);
/// assert_eq!(log["version"], "2.1.0");
/// let rule = &log["runs"][0]["tool"]["driver"]["rules"][0];
/// assert_eq!(rule["shortDescription"]["text"], "The whitelist does not cover the vSwitch CIDR");
/// let result = &log["runs"][0]["results"][0];
/// assert_eq!((result["ruleId"].as_str(), result["level"].as_str()), (Some("WL001"), Some("warning")));
/// assert_eq!(result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], "services[0].targets[0]");
/// let region = &result["locations"][0]["physicalLocation"]["region"];
/// assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(2), Some(43)));
///
/// // No findings: a valid log with no results; no artifact: no physical location.
/// let empty = sarif(&Report::default(), None, en);
/// assert_eq!(empty["runs"][0]["results"].as_array().unwrap().len(), 0);
/// ```
pub fn sarif(report: &Report, artifact: Option<Source>, cat: &Catalogue) -> Value {
    let mut codes: Vec<Code> = Vec::new();
    for f in &report.findings {
        if !codes.contains(&f.code) {
            codes.push(f.code);
        }
    }
    let rules: Vec<Value> = (codes.iter())
        .map(|code| {
            json!({
                "id": code,
                "name": code,
                "shortDescription": {"text": title(*code, cat)},
                "defaultConfiguration": {"level": level(code.severity())},
            })
        })
        .collect();
    // Every finding's place at once: one by one, a large plan's report took quadratic time.
    let places = artifact.map_or_else(Vec::new, |s| s.places(&report.findings));
    let results: Vec<Value> = (report.findings.iter().enumerate())
        .map(|(i, f)| {
            let mut location = json!({
                "logicalLocations": [{
                    "name": f.subject,
                    "fullyQualifiedName": f.at.as_deref().unwrap_or(&f.subject),
                    "kind": "resource",
                }]
            });
            if let Some(source) = artifact {
                let place = places.get(i).copied().flatten();
                let region = match place {
                    Some(p) => json!({"startLine": p.line, "startColumn": p.column}),
                    None => json!({"startLine": 1}),
                };
                location["physicalLocation"] = json!({
                    "artifactLocation": {"uri": source.name},
                    "region": region,
                });
            }
            let mut text = f.message.clone();
            if !f.fix.is_empty() {
                text = cat.text("report.sarif_fix", args![message = text, fix = f.fix]);
            }
            let mut properties = json!({"subject": f.subject, "fix": f.fix});
            if let Some(command) = &f.command {
                properties["command"] = json!(command);
            }
            json!({
                "ruleId": f.code,
                "ruleIndex": codes.iter().position(|c| *c == f.code).unwrap_or(0),
                "level": level(f.severity),
                "message": {"text": text},
                "locations": [location],
                "properties": properties,
            })
        })
        .collect();
    let mut driver = json!({
        "name": "easnet",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    });
    // SARIF wants an absolute URI here or nothing at all.
    if INFORMATION_URI.starts_with("https://") {
        driver["informationUri"] = json!(INFORMATION_URI);
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        // `locate` counts columns in characters (code points), not UTF-16 units.
        "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}],
    })
}

/// A code's title in `cat`'s language: its `<CODE>.title`, or [`Code::title`] when the
/// catalogue lacks it (`tests/catalogues.rs` holds the English ones equal to it).
pub(crate) fn title(code: Code, cat: &Catalogue) -> String {
    let key = format!("{}.title", code.as_str());
    match cat
        .template(&key)
        .or_else(|| Catalogue::english().template(&key))
    {
        Some(_) => cat.text(&key, &[]),
        None => code.title().to_owned(),
    }
}
