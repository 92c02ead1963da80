use std::rc::Rc;

use easnet_core::cloud::{Change, ImportSummary};
use easnet_core::text::words::plural;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct ImportSummaryProps {
    pub summary: Rc<ImportSummary>,
    pub on_undo: Callback<()>,
    pub on_close: Callback<()>,
}

/// What an import of `aliyun` describe output brought in, updated and skipped, with undo.
#[function_component(ImportSummaryPanel)]
pub fn import_summary(props: &ImportSummaryProps) -> Html {
    let s = &props.summary;
    let undo = props.on_undo.reform(|_: MouseEvent| ());
    let close = props.on_close.reform(|_: MouseEvent| ());
    let group = |change: Change, title: &str| {
        let lines: Vec<_> = s.lines.iter().filter(|l| l.change == change).collect();
        if lines.is_empty() {
            return html! {};
        }
        html! {
            <details open={change == Change::Skipped}>
                <summary>{format!("{title} ({})", lines.len())}</summary>
                <ul class="import-lines">
                    { for lines.iter().map(|l| html! { <li><code>{&l.id}</code>{" "}<span class="muted">{format!("{}: {}", l.kind.as_str(), l.detail)}</span></li> }) }
                </ul>
            </details>
        }
    };
    html! {
        <section class="panel import-summary" aria-labelledby="import-summary-heading">
            <div class="import-head">
                <h2 id="import-summary-heading">{"Network import"}</h2>
                <span>
                    <button type="button" class="small" onclick={undo}>{"Undo import"}</button>
                    {" "}
                    <button type="button" class="small" onclick={close} aria-label="Close the import summary">{"✕"}</button>
                </span>
            </div>
            <p>{format!("{}, from {}.",
                s.counts(easnet_core::i18n::Catalogue::english()), plural(s.responses.len(), "response", "responses"))}</p>
            { group(Change::Imported, "Imported") }
            { group(Change::Updated, "Updated") }
            { group(Change::Skipped, "Skipped (the plan cannot hold these)") }
            if !s.notes.is_empty() {
                <ul class="notes">{ for s.notes.iter().map(|n| html! { <li>{n}</li> }) }</ul>
            }
        </section>
    }
}
