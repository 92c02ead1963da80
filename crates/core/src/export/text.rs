//! The report for a terminal: findings grouped by severity, then capacity and paths, readable
//! without colour and clearer with it.

use std::fmt::Write;

use super::Source;
use crate::addr::utilisation_permille;
use crate::analyze::{Finding, HopStatus, Report, Severity};
use crate::text::words::plural;

const RED: &str = "\x1b[31m";
const YELLOW: &str = "\x1b[33m";
const BLUE: &str = "\x1b[34m";
const GREEN: &str = "\x1b[32m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// ANSI colour, or nothing.
struct Paint(bool);

impl Paint {
    fn paint(&self, style: &str, s: &str) -> String {
        if self.0 {
            format!("{style}{s}{RESET}")
        } else {
            s.to_owned()
        }
    }
}

/// The report as plain text, with ANSI colours when `color` is set (the CLI sets it only for
/// a terminal without `NO_COLOR`). Findings come grouped as errors, warnings, info, each with
/// its fix, command and JSON path (after `file:line:column` when the plan's `source` is
/// given, the form editors and terminals turn into a link); then one line per vSwitch and per
/// flow.
///
/// # Examples
/// ```
/// use easnet_core::analyze::{Code, Finding, Report, Severity};
/// use easnet_core::export::text_report;
///
/// assert!(text_report(&Report::default(), false, None).starts_with("No findings."));
///
/// let report = Report { findings: vec![Finding {
///     code: Code::Inet004, severity: Severity::Error, subject: "llm".into(),
///     message: "No SNAT entry covers vsw-a.".into(), fix: "Add an SNAT entry.".into(),
///     command: None, at: None,
/// }], ..Report::default() };
/// let text = text_report(&report, false, None);
/// assert!(text.starts_with("1 error, 0 warnings, 0 info\n\nErrors\n  INET004 llm: No SNAT entry covers vsw-a.\n"));
/// assert!(!text.contains('\x1b'));
/// assert!(text_report(&report, true, None).contains("\x1b[31m"));
/// ```
pub fn text_report(report: &Report, color: bool, source: Option<Source>) -> String {
    let p = Paint(color);
    let mut out = String::new();
    let (e, w, i) = report.counts();
    if report.findings.is_empty() {
        out.push_str(&p.paint(GREEN, "No findings."));
        out.push('\n');
    } else {
        let errors = plural(e, "error", "errors");
        let warnings = plural(w, "warning", "warnings");
        let _ = writeln!(out, "{}, {warnings}, {i} info", p.paint(BOLD, &errors));
    }
    for (severity, title, style) in [
        (Severity::Error, "Errors", RED),
        (Severity::Warning, "Warnings", YELLOW),
        (Severity::Info, "Info", BLUE),
    ] {
        let group: Vec<&Finding> = (report.findings.iter())
            .filter(|f| f.severity == severity)
            .collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", p.paint(&format!("{BOLD}{style}"), title));
        for f in group {
            let _ = writeln!(
                out,
                "  {} {}: {}",
                p.paint(style, f.code.as_str()),
                f.subject,
                f.message
            );
            if !f.fix.is_empty() {
                let _ = writeln!(out, "    {} {}", p.paint(DIM, "fix:"), f.fix);
            }
            if let Some(command) = &f.command {
                let _ = writeln!(out, "    {} {command}", p.paint(DIM, "run:"));
            }
            if let Some(at) = &f.at {
                let place = source.and_then(|s| Some((s.name, s.place(at)?)));
                let file = place.map_or_else(String::new, |(name, p)| {
                    format!("{name}:{}:{} ", p.line, p.column)
                });
                let _ = writeln!(out, "    {} {file}{at}", p.paint(DIM, "at: "));
            }
        }
    }
    if !report.capacity.is_empty() {
        let _ = writeln!(out, "\n{}", p.paint(BOLD, "Capacity"));
        for row in &report.capacity {
            let used = utilisation_permille(row.needed, row.usable)
                .map_or_else(String::new, |m| format!(" ({}.{}%)", m / 10, m % 10));
            let verdict = if row.fits {
                p.paint(GREEN, "fits")
            } else {
                p.paint(RED, "does not fit")
            };
            let _ = writeln!(
                out,
                "  {} {}: {} of {} usable IPs needed{used}, {verdict}",
                row.vswitch, row.cidr, row.needed, row.usable
            );
        }
    }
    if report.paths.iter().any(|s| !s.flows.is_empty()) {
        let _ = writeln!(out, "\n{}", p.paint(BOLD, "Paths"));
        for service in &report.paths {
            let several = service.several_vswitches();
            for flow in &service.flows {
                let mark = if flow.ok {
                    p.paint(GREEN, "ok  ")
                } else {
                    p.paint(RED, "FAIL")
                };
                let failed: Vec<&str> = (flow.hops.iter())
                    .filter(|h| h.status == HopStatus::Fail)
                    .map(|h| h.label.as_str())
                    .collect();
                let at = if failed.is_empty() {
                    String::new()
                } else {
                    format!(" (stops at {})", failed.join(", "))
                };
                let from = match (&flow.vswitch, several) {
                    (Some(vsw), true) => format!(" from {vsw}"),
                    _ => String::new(),
                };
                let _ = writeln!(
                    out,
                    "  {mark} {}{from} → {} {}{at}",
                    service.service, flow.name, flow.destination
                );
            }
        }
    }
    out
}
