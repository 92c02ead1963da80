use easnet_core::analyze::{Finding, Severity};
use easnet_core::text::words::plural;
use yew::prelude::*;

use super::CopyButton;
use crate::browser::focus_path;
use crate::memo::ReportPart;

/// Redrawn only when the findings change (the counts are theirs too).
#[derive(PartialEq, Properties)]
pub struct FindingsPanelProps {
    pub findings: ReportPart<[Finding]>,
}

const GROUPS: [(Severity, &str); 3] = [
    (Severity::Error, "Errors"),
    (Severity::Warning, "Warnings"),
    (Severity::Info, "Notes"),
];

/// Past this many findings of one severity, only the first are drawn until the user asks for
/// all: a plan of thousands of overlapping vSwitches has thousands of findings, and drawing
/// them all keeps the tab busy for seconds (BENCHMARKS.md, plans built to hurt).
const SHOW_ALL_UP_TO: usize = 200;

/// Every finding, grouped by severity, with its fix and command; "Show" focuses the field.
#[function_component(FindingsPanel)]
pub fn findings_panel(props: &FindingsPanelProps) -> Html {
    let show_all = use_state(|| false);
    let findings = &*props.findings;
    // Each severity's findings, in order: the groups drawn, and their counts.
    let groups = GROUPS.map(|(sev, title)| {
        let list: Vec<&Finding> = findings.iter().filter(|f| f.severity == sev).collect();
        (sev, title, list)
    });
    let [errors, warnings, infos] = groups.each_ref().map(|(_, _, list)| list.len());
    let toggle = {
        let s = show_all.clone();
        Callback::from(move |_: MouseEvent| s.set(true))
    };
    html! {
        <section class="panel findings" aria-labelledby="findings-heading">
            <h2 id="findings-heading">{"Findings "}
                <span class="counts" aria-live="polite">
                    <span class="count error">{plural(errors, "error", "errors")}</span>
                    <span class="count warning">{plural(warnings, "warning", "warnings")}</span>
                    <span class="count info">{plural(infos, "note", "notes")}</span>
                </span>
            </h2>
            if findings.is_empty() {
                <p class="all-clear">{"✓ No findings: capacity, the way out and the way in all check out."}</p>
            }
            { for groups.into_iter().map(|(sev, title, list)| {
                if list.is_empty() { return html! {}; }
                let shown = if *show_all { list.len() } else { SHOW_ALL_UP_TO };
                let hidden = list.len().saturating_sub(shown);
                html! {
                    <div class={classes!("group", sev.as_str())}>
                        <h3>{title}</h3>
                        <ul>{ for list.into_iter().take(shown).map(finding) }</ul>
                        if hidden > 0 {
                            <p class="muted">
                                {format!("The first {SHOW_ALL_UP_TO} are shown; {hidden} more are not drawn. ")}
                                <button type="button" class="link" onclick={toggle.clone()}>{"Show every finding"}</button>
                            </p>
                        }
                    </div>
                }
            }) }
        </section>
    }
}

fn finding(f: &Finding) -> Html {
    let go = f.at.clone().map(|at| {
        Callback::from(move |_: MouseEvent| {
            focus_path(&at);
        })
    });
    html! {
        <li class={classes!("finding", f.severity.as_str())}>
            <div class="finding-head">
                <span class={classes!("code", f.severity.as_str())}>{f.code.as_str()}</span>
                <span class="subject">{&f.subject}</span>
                if let Some(go) = go {
                    <button type="button" class="small link" onclick={go}
                        aria-label={format!("Show field: {} {}", f.code, f.subject)}>{"Show field"}</button>
                }
            </div>
            <p class="message">{&f.message}</p>
            if !f.fix.is_empty() {
                <p class="fix"><strong>{"Fix: "}</strong>{&f.fix}</p>
            }
            if let Some(cmd) = &f.command {
                <div class="command">
                    <code>{cmd}</code>
                    <CopyButton text={cmd.clone()} label="Copy command" />
                </div>
            }
        </li>
    }
}
