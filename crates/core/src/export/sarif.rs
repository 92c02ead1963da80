//! The report as SARIF 2.1.0, for code-scanning UIs (GitHub, GitLab, VS Code's viewer).

use serde_json::{json, Value};

use crate::analyze::{Report, Severity};

/// The short title of each finding code (`docs/rules.md`), shown as the SARIF rule's short
/// description; a code not listed here is its own title.
const RULES: [(&str, &str); 44] = [
    ("PLAN001", "The plan cannot be read"),
    ("PLAN002", "Two objects share an ID"),
    ("PLAN003", "A reference names nothing"),
    ("NET001", "Networking sets only some of its three IDs"),
    ("NET002", "An ID does not look like its kind"),
    ("NET003", "The vSwitch is not in the service's VPC"),
    ("NET004", "The security group is not in the service's VPC"),
    (
        "NET005",
        "Service networking overrides the resource group's",
    ),
    ("NET006", "An object the checks need is not described"),
    ("NET007", "A service that needs the network has no VPC"),
    (
        "CIDR001",
        "A CIDR or address does not parse or has host bits set",
    ),
    ("CIDR002", "A VPC CIDR prefix is outside /8-/28"),
    ("CIDR003", "A CIDR lies in a reserved range"),
    ("CIDR004", "A vSwitch prefix is outside /16-/29"),
    ("CIDR005", "A vSwitch CIDR is outside its VPC"),
    ("CIDR006", "Two vSwitches of one VPC overlap"),
    ("CIDR007", "Too many or overlapping VPC CIDRs"),
    ("CIDR008", "Peered VPCs overlap"),
    ("CAP001", "A vSwitch has too few IPs"),
    ("CAP002", "A vSwitch is nearly full"),
    ("CAP003", "A bad max_surge or max_unavailable"),
    ("CAP004", "A bad autoscaler or instance count"),
    ("INET001", "No internet NAT gateway in the VPC"),
    ("INET002", "No route to the destination"),
    (
        "INET003",
        "The route does not lead to an internet NAT gateway",
    ),
    ("INET004", "No SNAT entry covers the vSwitch"),
    ("INET005", "The SNAT entry has no usable EIP"),
    ("INET006", "Several SNAT entries cover the vSwitch"),
    ("SG001", "The security group denies the flow"),
    ("SG002", "A malformed security group rule"),
    ("SG003", "An accept rule is shadowed by a drop rule"),
    ("ROUTE001", "A malformed route"),
    ("PRIV001", "No peering or CEN to the target's VPC"),
    ("PRIV002", "No route to the peered target"),
    ("PRIV003", "No return route from the target"),
    ("PRIV004", "A private target is in no described VPC"),
    ("WL001", "The whitelist does not cover the vSwitch CIDR"),
    ("WL002", "The whitelist lacks an SNAT IP"),
    ("WL003", "A malformed whitelist"),
    ("CAP", "Capacity"),
    ("NET", "Networking"),
    ("INET", "Internet egress"),
    ("PRIV", "Private targets"),
    ("WL", "Whitelists"),
];

/// The project's home, from the package metadata when it has one.
const INFORMATION_URI: &str = env!("CARGO_PKG_REPOSITORY");

fn title(code: &str) -> &str {
    RULES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, t)| t)
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The report as a SARIF 2.1.0 log: one run of the tool `easnet`, one rule per finding code
/// that occurs (its level the severity it fired with), one result per finding with a
/// logical location (the `subject`, qualified by its JSON path `at` when there is one) and,
/// when `artifact` names the plan file, a physical location on it (code-scanning UIs need
/// one to show a result).
///
/// # Examples
/// ```
/// use easnet_core::analyze::{Finding, Report, Severity};
/// use easnet_core::export::sarif;
///
/// let report = Report { findings: vec![Finding {
///     code: "WL001".into(), severity: Severity::Warning, subject: "s/db".into(),
///     message: "m".into(), fix: "f".into(), command: None, at: Some("services[0].targets[0]".into()),
/// }], ..Report::default() };
/// let log = sarif(&report, Some("plan.json"));
/// assert_eq!(log["version"], "2.1.0");
/// let result = &log["runs"][0]["results"][0];
/// assert_eq!((result["ruleId"].as_str(), result["level"].as_str()), (Some("WL001"), Some("warning")));
/// assert_eq!(result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], "services[0].targets[0]");
///
/// // No findings: a valid log with no results; no artifact: no physical location.
/// let empty = sarif(&Report::default(), None);
/// assert_eq!(empty["runs"][0]["results"].as_array().unwrap().len(), 0);
/// ```
pub fn sarif(report: &Report, artifact: Option<&str>) -> Value {
    let mut codes: Vec<(&str, Severity)> = Vec::new();
    for f in &report.findings {
        if !codes.iter().any(|(c, _)| *c == f.code) {
            codes.push((&f.code, f.severity));
        }
    }
    let rules: Vec<Value> = (codes.iter())
        .map(|(code, severity)| {
            json!({
                "id": code,
                "name": code,
                "shortDescription": {"text": title(code)},
                "defaultConfiguration": {"level": level(*severity)},
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
            if let Some(uri) = artifact {
                location["physicalLocation"] = json!({
                    "artifactLocation": {"uri": uri},
                    "region": {"startLine": 1},
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
                "ruleIndex": codes.iter().position(|(c, _)| *c == f.code).unwrap_or(0),
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
        "runs": [{"tool": {"driver": driver}, "results": results}],
    })
}
