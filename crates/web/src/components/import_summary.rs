use std::rc::Rc;

use easnet_core::args;
use easnet_core::cloud::{Change, ImportSummary};
use yew::prelude::*;

use crate::words::Words;

#[derive(PartialEq, Properties)]
pub struct ImportSummaryProps {
    pub summary: Rc<ImportSummary>,
    pub on_undo: Callback<()>,
    pub on_close: Callback<()>,
}

/// What an import of `aliyun` describe output brought in, updated and skipped, with undo.
#[function_component(ImportSummaryPanel)]
pub fn import_summary(props: &ImportSummaryProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let s = &props.summary;
    let undo = props.on_undo.reform(|_: MouseEvent| ());
    let close = props.on_close.reform(|_: MouseEvent| ());
    let group = |change: Change, title: &str| {
        let title = w.t(title);
        let lines: Vec<_> = s.lines.iter().filter(|l| l.change == change).collect();
        if lines.is_empty() {
            return html! {};
        }
        html! {
            <details open={change == Change::Skipped}>
                <summary>{w.text("ui.summary.group", args![title = title, n = lines.len()])}</summary>
                <ul class="import-lines">
                    { for lines.iter().map(|l| html! { <li><code>{&l.id}</code>{" "}<span class="muted">{w.text("ui.summary.line", args![kind = l.kind.label(&w), detail = l.detail])}</span></li> }) }
                </ul>
            </details>
        }
    };
    html! {
        <section class="panel import-summary" aria-labelledby="import-summary-heading">
            <div class="import-head">
                <h2 id="import-summary-heading">{w.t("ui.summary.heading")}</h2>
                <span>
                    <button type="button" class="small" onclick={undo}>{w.t("ui.summary.undo")}</button>
                    {" "}
                    <button type="button" class="small" onclick={close} aria-label={w.t("ui.summary.close")}>{"✕"}</button>
                </span>
            </div>
            <p>{w.text("ui.summary.counts", args![counts = s.counts(&w), responses = w.count("ui.summary.responses", s.responses.len() as u64, &[])])}</p>
            { group(Change::Imported, "ui.summary.imported") }
            { group(Change::Updated, "ui.summary.updated") }
            { group(Change::Skipped, "ui.summary.skipped") }
            if !s.notes.is_empty() {
                <ul class="notes">{ for s.notes.iter().map(|n| html! { <li>{n}</li> }) }</ul>
            }
        </section>
    }
}
