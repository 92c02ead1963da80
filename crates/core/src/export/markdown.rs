//! The report as Markdown, to paste into a ticket, a pull request or a wiki page.

use std::fmt::Write;

use super::text::flow_name;
use crate::addr::utilisation_permille;
use crate::analyze::{Finding, FlowRoute, HopStatus, Report, Severity};
use crate::args;
use crate::i18n::Catalogue;
use crate::plan::Plan;

/// The report as Markdown: a summary line, the findings grouped by severity with their fix
/// and command, the capacity of every vSwitch as a table, and each service's paths with
/// every hop marked ✓ (pass), ✗ (fail) or ? (not checked). easnet's own words are `cat`'s
/// (`report.*`).
///
/// # Examples
/// ```
/// use easnet_core::analyze::{Code, Finding, Report, Severity};
/// use easnet_core::export::markdown_report;
/// use easnet_core::i18n::Catalogue;
/// use easnet_core::plan::Plan;
///
/// let en = Catalogue::english();
/// let mut report = Report::default();
/// assert!(markdown_report(&Plan::empty(), &report, en).contains("No findings"));
///
/// report.findings.push(Finding {
///     code: Code::Cap001, severity: Severity::Error, subject: "vsw-a".into(),
///     message: "vsw-a has 28 usable IPs but needs 30.".into(),
///     fix: "Create a larger vSwitch.".into(), command: None, at: None,
/// });
/// let md = markdown_report(&Plan::empty(), &report, en);
/// assert!(md.contains("**1 error** · 0 warnings · 0 info"));
/// assert!(md.contains("- **CAP001** `vsw-a`: vsw-a has 28 usable IPs but needs 30."));
/// ```
pub fn markdown_report(plan: &Plan, report: &Report, cat: &Catalogue) -> String {
    let mut md = format!("# {}\n\n", cat.text("report.md.title", &[]));
    summary(&mut md, plan, report, cat);
    findings(&mut md, &report.findings, cat);
    capacity(&mut md, report, cat);
    paths(&mut md, report, cat);
    md
}

fn summary(md: &mut String, plan: &Plan, report: &Report, cat: &Catalogue) {
    let vswitches: usize = plan.vpcs.iter().map(|v| v.vswitches.len()).sum();
    let mut facts = vec![
        cat.count("report.md.vpcs", plan.vpcs.len() as u64, &[]),
        cat.count("words.vswitches", vswitches as u64, &[]),
        cat.count("report.md.services", plan.services.len() as u64, &[]),
    ];
    if let Some(region) = &plan.region {
        facts.insert(
            0,
            cat.text("report.md.region", args![region = code(region)]),
        );
    }
    let (e, w, i) = report.counts();
    let errors = cat.count("report.errors", e as u64, &[]);
    let errors = if e > 0 {
        format!("**{errors}**")
    } else {
        errors
    };
    let _ = writeln!(
        md,
        "{}\n",
        cat.text("report.md.plan", args![facts = facts.join(" · ")])
    );
    let _ = writeln!(
        md,
        "{errors} · {} · {}\n",
        cat.count("report.warnings", w as u64, &[]),
        cat.count("report.infos", i as u64, &[]),
    );
}

fn findings(md: &mut String, findings: &[Finding], cat: &Catalogue) {
    let _ = writeln!(md, "## {}\n", cat.text("report.md.findings", &[]));
    if findings.is_empty() {
        let _ = writeln!(md, "{}\n", cat.text("report.md.no_findings", &[]));
        return;
    }
    for (severity, title) in [
        (Severity::Error, cat.text("report.heading.errors", &[])),
        (Severity::Warning, cat.text("report.heading.warnings", &[])),
        (Severity::Info, cat.text("report.heading.info", &[])),
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
                let fix = cat.text("report.md.fix", args![fix = text(&f.fix)]);
                let _ = writeln!(md, "  - {fix}");
            }
            if let Some(command) = &f.command {
                let command = cat.text("report.md.command", args![command = code(command)]);
                let _ = writeln!(md, "  - {command}");
            }
            if let Some(at) = &f.at {
                let _ = writeln!(md, "  - {}", cat.text("report.md.at", args![at = code(at)]));
            }
        }
        md.push('\n');
    }
}

fn capacity(md: &mut String, report: &Report, cat: &Catalogue) {
    let _ = writeln!(md, "## {}\n", cat.text("report.heading.capacity", &[]));
    if report.capacity.is_empty() {
        let _ = writeln!(md, "{}\n", cat.text("report.md.no_vswitches", &[]));
        return;
    }
    let _ = writeln!(md, "{}", cat.text("report.md.capacity_header", &[]));
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

fn paths(md: &mut String, report: &Report, cat: &Catalogue) {
    let _ = writeln!(md, "## {}\n", cat.text("report.heading.paths", &[]));
    if report.paths.is_empty() {
        let _ = writeln!(md, "{}", cat.text("report.md.no_paths", &[]));
        return;
    }
    for service in &report.paths {
        let _ = writeln!(md, "### {}\n", text(&service.service));
        if service.flows.is_empty() {
            let _ = writeln!(md, "{}\n", cat.text("report.md.no_flows", &[]));
            continue;
        }
        let several = service.several_vswitches();
        for flow in &service.flows {
            let port = flow.port.map(|p| format!(" {p}")).unwrap_or_default();
            let from = match (&flow.vswitch, several) {
                (Some(vsw), true) => cat.text("report.path.from", args![vswitch = code(vsw)]),
                _ => String::new(),
            };
            let route = match flow.route {
                FlowRoute::Internet => cat.text("report.route.internet", &[]),
                FlowRoute::Private => cat.text("report.route.private", &[]),
                FlowRoute::Unknown => cat.text("report.route.unknown", &[]),
            };
            let flow_line = cat.text(
                "report.md.flow",
                args![
                    mark = mark(if flow.ok {
                        HopStatus::Pass
                    } else {
                        HopStatus::Fail
                    }),
                    name = text(&flow_name(flow, cat)),
                    from = from,
                    protocol = flow.protocol.as_str(),
                    port = port,
                    destination = code(&flow.destination),
                    route = route,
                ],
            );
            let _ = writeln!(md, "- {flow_line}");
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
                    // A hop the flow never reaches has no label (an EIP past a missing
                    // SNAT entry): a dash, as the page draws it, not an empty code span.
                    let label = if h.label.is_empty() {
                        "—".to_owned()
                    } else {
                        code(&h.label)
                    };
                    format!("{} {label}{codes}", mark(h.status))
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

    /// The broken example's internet flow stops at the SNAT entry: the EIP after it has no
    /// label, and is a dash, never an empty code span.
    #[test]
    fn a_hop_without_a_label_is_a_dash() {
        let plan =
            crate::plan::parse_plan(crate::samples::examples::default_example().json).unwrap();
        let report = crate::analyze::analyze(&plan);
        let md = markdown_report(&plan, &report, crate::i18n::Catalogue::english());
        assert!(!md.contains("``"), "{md}");
        assert!(md.contains("? —"), "{md}");
    }
}
