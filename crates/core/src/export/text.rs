//! The report for a terminal: findings grouped by severity, then capacity and paths, readable
//! without colour and clearer with it.

use std::fmt::Write;

use super::Source;
use crate::addr::utilisation_permille;
use crate::analyze::{Finding, Flow, FlowRoute, HopStatus, Report, Severity};
use crate::args;
use crate::i18n::Catalogue;

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
/// flow. easnet's own words are `cat`'s (`report.*`); the findings are written as the
/// analyzer wrote them.
///
/// # Examples
/// ```
/// use easnet_core::analyze::{Code, Finding, Report, Severity};
/// use easnet_core::export::text_report;
/// use easnet_core::i18n::Catalogue;
///
/// let en = Catalogue::english();
/// assert!(text_report(&Report::default(), false, None, en).starts_with("No findings."));
///
/// let report = Report { findings: vec![Finding {
///     code: Code::Inet004, severity: Severity::Error, subject: "llm".into(),
///     message: "No SNAT entry covers vsw-a.".into(), fix: "Add an SNAT entry.".into(),
///     command: None, at: None,
/// }], ..Report::default() };
/// let text = text_report(&report, false, None, en);
/// assert!(text.starts_with("1 error, 0 warnings, 0 info\n\nErrors\n  INET004 llm: No SNAT entry covers vsw-a.\n"));
/// assert!(!text.contains('\x1b'));
/// assert!(text_report(&report, true, None, en).contains("\x1b[31m"));
/// ```
pub fn text_report(
    report: &Report,
    color: bool,
    source: Option<Source>,
    cat: &Catalogue,
) -> String {
    let p = Paint(color);
    let mut out = String::new();
    let (e, w, i) = report.counts();
    if report.findings.is_empty() {
        out.push_str(&p.paint(GREEN, &cat.text("report.no_findings", &[])));
        out.push('\n');
    } else {
        let errors = p.paint(BOLD, &cat.count("report.errors", e as u64, &[]));
        let warnings = cat.count("report.warnings", w as u64, &[]);
        let infos = cat.count("report.infos", i as u64, &[]);
        let _ = writeln!(
            out,
            "{}",
            cat.text(
                "report.counts",
                args![errors = errors, warnings = warnings, infos = infos]
            )
        );
    }
    let (fix, run, at_label) = (
        cat.text("report.fix", &[]),
        cat.text("report.run", &[]),
        cat.text("report.at", &[]),
    );
    // Every finding's place at once: one by one, a large plan's report took quadratic time.
    let places = source.map_or_else(Vec::new, |s| s.places(&report.findings));
    for (severity, title, style) in [
        (Severity::Error, cat.text("report.heading.errors", &[]), RED),
        (
            Severity::Warning,
            cat.text("report.heading.warnings", &[]),
            YELLOW,
        ),
        (Severity::Info, cat.text("report.heading.info", &[]), BLUE),
    ] {
        let group: Vec<(usize, &Finding)> = (report.findings.iter().enumerate())
            .filter(|(_, f)| f.severity == severity)
            .collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", p.paint(&format!("{BOLD}{style}"), &title));
        for (i, f) in group {
            let _ = writeln!(
                out,
                "  {} {}: {}",
                p.paint(style, f.code.as_str()),
                f.subject,
                f.message
            );
            if !f.fix.is_empty() {
                let _ = writeln!(out, "    {} {}", p.paint(DIM, &fix), f.fix);
            }
            if let Some(command) = &f.command {
                let _ = writeln!(out, "    {} {command}", p.paint(DIM, &run));
            }
            if let Some(at) = &f.at {
                let place = source.and_then(|s| Some((s.name, places.get(i).copied()??)));
                let file = place.map_or_else(String::new, |(name, p)| {
                    format!("{name}:{}:{} ", p.line, p.column)
                });
                let _ = writeln!(out, "    {} {file}{at}", p.paint(DIM, &at_label));
            }
        }
    }
    if !report.capacity.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            p.paint(BOLD, &cat.text("report.heading.capacity", &[]))
        );
        for row in &report.capacity {
            let verdict = if row.fits {
                p.paint(GREEN, &cat.text("report.fits", &[]))
            } else {
                p.paint(RED, &cat.text("report.does_not_fit", &[]))
            };
            let line = match utilisation_permille(row.needed, row.usable) {
                Some(m) => cat.text(
                    "report.capacity_row",
                    args![
                        vswitch = row.vswitch,
                        cidr = row.cidr,
                        needed = row.needed,
                        usable = row.usable,
                        percent = format!("{}.{}%", m / 10, m % 10),
                        verdict = verdict,
                    ],
                ),
                None => cat.text(
                    "report.capacity_row_no_use",
                    args![
                        vswitch = row.vswitch,
                        cidr = row.cidr,
                        needed = row.needed,
                        usable = row.usable,
                        verdict = verdict,
                    ],
                ),
            };
            let _ = writeln!(out, "  {line}");
        }
    }
    if report.paths.iter().any(|s| !s.flows.is_empty()) {
        let _ = writeln!(
            out,
            "\n{}",
            p.paint(BOLD, &cat.text("report.heading.paths", &[]))
        );
        let (ok, fail) = (
            cat.text("report.path.ok", &[]),
            cat.text("report.path.fail", &[]),
        );
        for service in &report.paths {
            let several = service.several_vswitches();
            for flow in &service.flows {
                let mark = if flow.ok {
                    p.paint(GREEN, &ok)
                } else {
                    p.paint(RED, &fail)
                };
                let failed: Vec<&str> = (flow.hops.iter())
                    .filter(|h| h.status == HopStatus::Fail)
                    .map(|h| h.label.as_str())
                    .collect();
                let at = if failed.is_empty() {
                    String::new()
                } else {
                    cat.text("report.path.stops", args![hops = failed.join(", ")])
                };
                let from = match (&flow.vswitch, several) {
                    (Some(vsw), true) => cat.text("report.path.from", args![vswitch = vsw]),
                    _ => String::new(),
                };
                let _ = writeln!(
                    out,
                    "  {mark} {}{from} → {} {}{at}",
                    service.service,
                    flow_name(flow, cat),
                    flow.destination
                );
            }
        }
    }
    out
}

/// A flow's name as a person reads it: the flow a service's `needs_internet` asks for (named
/// `internet`, to 0.0.0.0/0) in `cat`'s words, a target's by its name.
pub(super) fn flow_name(flow: &Flow, cat: &Catalogue) -> String {
    if flow.route == FlowRoute::Internet
        && flow.name == "internet"
        && flow.destination == "0.0.0.0/0"
    {
        cat.text("report.route.internet", &[])
    } else {
        flow.name.clone()
    }
}
