//! The report as SARIF 2.1.0, for code-scanning UIs (GitHub, GitLab, VS Code's viewer).

use serde_json::{json, Value};

use super::Source;
use crate::analyze::{Code, Report, Severity};

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
/// that occurs (its title and level from [`Code`]), one result per finding with a
/// logical location (the `subject`, qualified by its JSON path `at` when there is one) and,
/// when `artifact` is the plan file, a physical location on it (code-scanning UIs need one to
/// show a result): the line and column of the object `at` names, else line 1.
///
/// # Examples
/// ```
/// use easnet_core::analyze::{Code, Finding, Report, Severity};
/// use easnet_core::export::{sarif, Source};
///
/// let report = Report { findings: vec![Finding {
///     code: Code::Wl001, severity: Severity::Warning, subject: "s/db".into(),
///     message: "m".into(), fix: "f".into(), command: None, at: Some("services[0].targets[0]".into()),
/// }], ..Report::default() };
/// let text = "{\"version\": 1,\n \"services\": [{\"service\": {}, \"targets\": [{}]}]}";
/// let log = sarif(&report, Some(Source { name: "plan.json", text }));
/// assert_eq!(log["version"], "2.1.0");
/// let result = &log["runs"][0]["results"][0];
/// assert_eq!((result["ruleId"].as_str(), result["level"].as_str()), (Some("WL001"), Some("warning")));
/// assert_eq!(result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], "services[0].targets[0]");
/// let region = &result["locations"][0]["physicalLocation"]["region"];
/// assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(2), Some(43)));
///
/// // No findings: a valid log with no results; no artifact: no physical location.
/// let empty = sarif(&Report::default(), None);
/// assert_eq!(empty["runs"][0]["results"].as_array().unwrap().len(), 0);
/// ```
pub fn sarif(report: &Report, artifact: Option<Source>) -> Value {
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
                "shortDescription": {"text": code.title()},
                "defaultConfiguration": {"level": level(code.severity())},
            })
        })
        .collect();
    let results: Vec<Value> = (report.findings.iter())
        .map(|f| {
            let mut location = json!({
                "logicalLocations": [{
                    "name": f.subject,
                    "fullyQualifiedName": f.at.as_deref().unwrap_or(&f.subject),
                    "kind": "resource",
                }]
            });
            if let Some(source) = artifact {
                let place = f.at.as_deref().and_then(|at| source.place(at));
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
                text = format!("{text} Fix: {}", f.fix);
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
