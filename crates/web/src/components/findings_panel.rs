use easnet_core::analyze::{Finding, Severity};
use easnet_core::args;
use yew::prelude::*;

use super::CopyButton;
use crate::browser::focus_path;
use crate::memo::ReportPart;
use crate::words::Words;

/// Redrawn only when the findings change (the counts are theirs too).
#[derive(PartialEq, Properties)]
pub struct FindingsPanelProps {
    pub findings: ReportPart<[Finding]>,
}

/// Each severity, with its heading's key and its count's.
const GROUPS: [(Severity, &str, &str); 3] = [
    (
        Severity::Error,
        "ui.findings.errors",
        "ui.findings.n_errors",
    ),
    (
        Severity::Warning,
        "ui.findings.warnings",
        "ui.findings.n_warnings",
    ),
    (Severity::Info, "ui.findings.notes", "ui.findings.n_notes"),
];

/// Past this many findings of one severity, only the first are drawn until the user asks for
/// all: a plan of thousands of overlapping vSwitches has thousands of findings, and drawing
/// them all keeps the tab busy for seconds (BENCHMARKS.md, plans built to hurt).
const SHOW_ALL_UP_TO: usize = 200;

/// Every finding, grouped by severity, with its fix and command; "Show" focuses the field.
#[function_component(FindingsPanel)]
pub fn findings_panel(props: &FindingsPanelProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let show_all = use_state(|| false);
    let findings = &*props.findings;
    // Each severity's findings, in order: the groups drawn, and their counts.
    let groups = GROUPS.map(|(sev, title, count)| {
        let list: Vec<&Finding> = findings.iter().filter(|f| f.severity == sev).collect();
        (sev, title, count, list)
    });
    let toggle = {
        let s = show_all.clone();
        Callback::from(move |_: MouseEvent| s.set(true))
    };
    html! {
        <section class="panel findings" aria-labelledby="findings-heading">
            <h2 id="findings-heading">{w.t("ui.findings.heading")}
                <span class="counts" aria-live="polite">
                    { for groups.iter().map(|(sev, _, count, list)| html! {
                        <span class={classes!("count", sev.as_str())}>{w.count(count, list.len() as u64, &[])}</span>
                    }) }
                </span>
            </h2>
            if findings.is_empty() {
                <p class="all-clear">{w.t("ui.findings.all_clear")}</p>
            }
            { for groups.into_iter().map(|(sev, title, _, list)| {
                if list.is_empty() { return html! {}; }
                let shown = if *show_all { list.len() } else { SHOW_ALL_UP_TO };
                let hidden = list.len().saturating_sub(shown);
                html! {
                    <div class={classes!("group", sev.as_str())}>
                        <h3>{w.t(title)}</h3>
                        <ul>{ for list.into_iter().take(shown).map(|f| finding(f, w)) }</ul>
                        if hidden > 0 {
                            <p class="muted">
                                {w.text("ui.findings.first_shown", args![shown = SHOW_ALL_UP_TO, hidden = hidden])}
                                <button type="button" class="link" onclick={toggle.clone()}>{w.t("ui.findings.show_all")}</button>
                            </p>
                        }
                    </div>
                }
            }) }
        </section>
    }
}

fn finding(f: &Finding, w: Words) -> Html {
    let go = f.at.clone().map(|at| {
        Callback::from(move |_: MouseEvent| {
            focus_path(&at);
        })
    });
    html! {
        <li class={classes!("finding", f.severity.as_str())}>
            <div class="finding-head">
                <span class={classes!("code", f.severity.as_str())}>{f.code.as_str()}</span>
                <span class="subject" translate="no">{&f.subject}</span>
                if let Some(go) = go {
                    <button type="button" class="small link" onclick={go}
                        aria-label={w.text("ui.findings.show_field_label", args![code = f.code, subject = f.subject])}>{w.t("ui.findings.show_field")}</button>
                }
            </div>
            <p class="message">{&f.message}</p>
            if !f.fix.is_empty() {
                <p class="fix"><strong>{w.t("ui.findings.fix")}</strong>{&f.fix}</p>
            }
            if let Some(cmd) = &f.command {
                <div class="command">
                    <code>{cmd}</code>
                    <CopyButton text={cmd.clone()} label={w.t("ui.findings.copy_command")} />
                </div>
            }
        </li>
    }
}
