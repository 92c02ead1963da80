//! The report as Markdown, to paste into a ticket, a pull request or a wiki page.

use std::fmt::Write;

use crate::addr::utilisation_permille;
use crate::analyze::{Finding, HopStatus, Report, Severity};
use crate::plan::Plan;
use crate::text::words::plural;

/// The report as Markdown: a summary line, the findings grouped by severity with their fix
/// and command, the capacity of every vSwitch as a table, and each service's paths with
/// every hop marked ✓ (pass), ✗ (fail) or ? (not checked).
///
/// # Examples
/// ```
/// use easnet_core::analyze::{Code, Finding, Report, Severity};
/// use easnet_core::export::markdown_report;
/// use easnet_core::plan::Plan;
///
/// let mut report = Report::default();
/// assert!(markdown_report(&Plan::empty(), &report).contains("No findings"));
///
/// report.findings.push(Finding {
///     code: Code::Cap001, severity: Severity::Error, subject: "vsw-a".into(),
///     message: "vsw-a has 28 usable IPs but needs 30.".into(),
///     fix: "Create a larger vSwitch.".into(), command: None, at: None,
/// });
/// let md = markdown_report(&Plan::empty(), &report);
/// assert!(md.contains("**1 error** · 0 warnings · 0 info"));
/// assert!(md.contains("- **CAP001** `vsw-a`: vsw-a has 28 usable IPs but needs 30."));
/// ```
pub fn markdown_report(plan: &Plan, report: &Report) -> String {
    let mut md = String::from("# easnet report\n\n");
    summary(&mut md, plan, report);
    findings(&mut md, &report.findings);
    capacity(&mut md, report);
    paths(&mut md, report);
    md
}

fn summary(md: &mut String, plan: &Plan, report: &Report) {
    let vswitches: usize = plan.vpcs.iter().map(|v| v.vswitches.len()).sum();
    let mut facts = vec![
        plural(plan.vpcs.len(), "VPC", "VPCs"),
        plural(vswitches, "vSwitch", "vSwitches"),
        plural(plan.services.len(), "service", "services"),
    ];
    if let Some(region) = &plan.region {
        facts.insert(0, format!("region {}", code(region)));
    }
    let (e, w, i) = report.counts();
    let errors = plural(e, "error", "errors");
    let errors = if e > 0 {
        format!("**{errors}**")
    } else {
        errors
    };
    let _ = writeln!(md, "Plan: {}.\n", facts.join(" · "));
    let _ = writeln!(
        md,
        "{errors} · {} · {i} info\n",
        plural(w, "warning", "warnings")
    );
}

fn findings(md: &mut String, findings: &[Finding]) {
    md.push_str("## Findings\n\n");
    if findings.is_empty() {
        md.push_str("No findings: the plan passes every check.\n\n");
        return;
    }
    for (severity, title) in [
        (Severity::Error, "Errors"),
        (Severity::Warning, "Warnings"),
        (Severity::Info, "Info"),
    ] {
        let group: Vec<&Finding> = findings.iter().filter(|f| f.severity == severity).collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(md, "### {title}\n");
        for f in group {
            let _ = writeln!(
                md,
                "- **{}** {}: {}",
                f.code,
                code(&f.subject),
                text(&f.message)
            );
            if !f.fix.is_empty() {
                let _ = writeln!(md, "  - Fix: {}", text(&f.fix));
            }
            if let Some(command) = &f.command {
                let _ = writeln!(md, "  - Command: {}", code(command));
            }
            if let Some(at) = &f.at {
                let _ = writeln!(md, "  - At: {}", code(at));
            }
        }
        md.push('\n');
    }
}

fn capacity(md: &mut String, report: &Report) {
    md.push_str("## Capacity\n\n");
    if report.capacity.is_empty() {
        md.push_str("No vSwitches.\n\n");
        return;
    }
    md.push_str(
        "| vSwitch | VPC | CIDR | Usable | Needed | Free | Use | Fits | Smallest prefix |\n",
    );
    md.push_str("|---|---|---|---:|---:|---:|---:|:-:|---|\n");
    for row in &report.capacity {
        let used = utilisation_permille(row.needed, row.usable)
            .map_or_else(|| "–".to_owned(), |p| format!("{}.{}%", p / 10, p % 10));
        let prefix = row
            .smallest_prefix
            .map_or_else(|| "–".to_owned(), |p| format!("/{p}"));
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} | {used} | {} | {prefix} |",
            cell(&row.vswitch),
            cell(&row.vpc),
            cell(&row.cidr),
            row.usable,
            row.needed,
            row.free,
            if row.fits { "✓" } else { "✗" },
        );
    }
    md.push('\n');
}

fn paths(md: &mut String, report: &Report) {
    md.push_str("## Paths\n\n");
    if report.paths.is_empty() {
        md.push_str("No paths.\n");
        return;
    }
    for service in &report.paths {
        let _ = writeln!(md, "### {}\n", text(&service.service));
        if service.flows.is_empty() {
            md.push_str("No flows: the service needs neither the internet nor a target.\n\n");
            continue;
        }
        let several = service.several_vswitches();
        for flow in &service.flows {
            let port = flow.port.map(|p| format!(" {p}")).unwrap_or_default();
            let from = match (&flow.vswitch, several) {
                (Some(vsw), true) => format!(" from {}", code(vsw)),
                _ => String::new(),
            };
            let _ = writeln!(
                md,
                "- {} **{}**{from}: {}{port} → {} ({})",
                mark(if flow.ok {
                    HopStatus::Pass
                } else {
                    HopStatus::Fail
                }),
                text(&flow.name),
                flow.protocol.as_str(),
                code(&flow.destination),
                flow.route.as_str(),
            );
            let hops: Vec<String> = (flow.hops.iter())
                .map(|h| {
                    let codes = if h.codes.is_empty() {
                        String::new()
                    } else {
                        format!(
                            " ({})",
                            h.codes
                                .iter()
                                .map(|c| c.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    };
                    format!("{} {}{codes}", mark(h.status), code(&h.label))
                })
                .collect();
            if !hops.is_empty() {
                let _ = writeln!(md, "  - {}", hops.join(" → "));
            }
        }
        md.push('\n');
    }
}

fn mark(status: HopStatus) -> &'static str {
    match status {
        HopStatus::Pass => "✓",
        HopStatus::Fail => "✗",
        HopStatus::Unknown => "?",
    }
}

/// Prose: characters Markdown would read as markup or HTML are escaped.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '*' | '`' | '<' | '>' | '[' | ']' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A code span that holds any text: fenced with one more backtick than the text's longest run.
fn code(s: &str) -> String {
    let s = s.replace(['\n', '\r'], " ");
    let longest = (s.split(|c| c != '`')).map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if longest > 0 { " " } else { "" };
    format!("{fence}{pad}{s}{pad}{fence}")
}

/// A table cell: a code span with pipes escaped (GFM splits cells on `|` even in code).
fn cell(s: &str) -> String {
    code(s).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(text("a*b <x>|y"), "a\\*b \\<x\\>\\|y");
        assert_eq!(code("vsw-a"), "`vsw-a`");
        assert_eq!(code("a`b"), "`` a`b ``");
        assert_eq!(cell("a|b"), "`a\\|b`");
    }
}
