use std::rc::Rc;

use easnet_core::analyze::Report;
use easnet_core::export::{self, DiffKind, Export, PlanExport};
use easnet_core::plan::Plan;
use easnet_core::text::decimal::fixed;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::CopyButton;
use crate::browser::download;
use crate::memo::{same, PlanPart};
use crate::words::Words;
use easnet_core::args;

#[derive(Properties)]
pub struct ExportPanelProps {
    pub plan: Rc<Plan>,
    pub report: Rc<Report>,
}

/// A new report redraws it without comparing the reports: the panel's exports cost less to
/// build than comparing two large reports that are mostly equal.
impl PartialEq for ExportPanelProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report) && same(&self.plan, &other.plan, |a, b| a == b)
    }
}

/// Tabs for every export of the core, each with copy and download.
#[function_component(ExportPanel)]
pub fn export_panel(props: &ExportPanelProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    // Reading every service JSON for its name costs milliseconds on a large plan: only when
    // the services change.
    let names = {
        let plan = props.plan.clone();
        use_memo(PlanPart::services(&props.plan), move |_| {
            export::service_names(&plan)
        })
    };
    let service = use_state(|| 0usize);
    let tab = use_state(|| 0usize);
    let name = names.get(*service).cloned();
    // The service's exports are small; a plan-wide one (the report, the plan JSON) is built
    // only while its tab is shown, so an edit of a large plan does not pay for it.
    let exports: Vec<Export> =
        export::service_exports(&props.plan, &props.report, name.as_deref(), &w);
    let titles: Vec<String> = (exports.iter().map(|e| e.title.clone()))
        .chain(PlanExport::ALL.map(|p| p.title(&w)))
        .collect();
    let shown = if *tab < titles.len() { *tab } else { 0 };
    let current = match exports.get(shown) {
        Some(e) => Some(e.clone()),
        None => PlanExport::ALL
            .get(shown - exports.len())
            .map(|p| p.build(&props.plan, &props.report, &w)),
    };
    let on_service = {
        let s = service.clone();
        Callback::from(move |e: Event| {
            s.set(
                e.target_unchecked_into::<HtmlSelectElement>()
                    .value()
                    .parse()
                    .unwrap_or(0),
            )
        })
    };
    html! {
        <section class="panel export" aria-labelledby="export-heading">
            <h2 id="export-heading">{w.t("ui.export.heading")}</h2>
            if names.len() > 1 {
                <div class="field inline"><label for="export-service">{w.t("ui.export.service")}</label>
                    <select id="export-service" onchange={on_service}>
                        { for names.iter().enumerate().map(|(i, n)| html! { <option value={i.to_string()} selected={i == *service}>{n}</option> }) }
                    </select></div>
            }
            <div class="tabs" role="tablist" aria-label={w.t("ui.export.tabs")}>
                { for titles.iter().enumerate().map(|(i, title)| {
                    let tab2 = tab.clone();
                    let selected = i == shown;
                    html! {
                        <button type="button" role="tab" id={format!("tab-{i}")} aria-selected={selected.to_string()}
                            aria-controls="export-body" class={classes!("tab", selected.then_some("selected"))}
                            onclick={Callback::from(move |_| tab2.set(i))}>{title}</button>
                    }
                }) }
            </div>
            if let Some(e) = current {
                <div id="export-body" role="tabpanel" class="export-body">
                    <p class="muted">{&e.description}</p>
                    <div class="export-actions">
                        <CopyButton text={e.text.clone()} label={w.text("ui.export.copy", args![title = e.title])} />
                        <button type="button" class="small" onclick={{
                            let e = e.clone();
                            Callback::from(move |_| download(&e.file_name, &e.mime, &e.text))
                        }}>{w.text("ui.export.download", args![file = e.file_name])}</button>
                    </div>
                    if let Some(diff) = &e.diff {
                        <pre class="diff" aria-label={w.t("ui.export.diff")}>{ for diff.iter().map(|line| {
                            let (sign, class) = match line.kind {
                                DiffKind::Added => ('+', "added"),
                                DiffKind::Removed => ('-', "removed"),
                                DiffKind::Same => (' ', "same"),
                            };
                            html! { <span {class}>{format!("{sign} {}\n", line.text)}</span> }
                        }) }</pre>
                    }
                    <pre class="export-text" tabindex="0"><code>{preview(&e.text)}</code></pre>
                    if e.text.len() > PREVIEW_BYTES {
                        <p class="muted">{w.text("ui.export.preview", args![mb = fixed(e.text.len() as f64 / 1e6, 1)])}</p>
                    }
                </div>
            }
        </section>
    }
}

/// How much of an export the panel shows: the report of a plan of thousands of findings is
/// megabytes of text, which the page would lay out on every analysis; the copy and the
/// download hold all of it.
const PREVIEW_BYTES: usize = 100_000;

/// The start of `text`, at most [`PREVIEW_BYTES`], cut at a character boundary.
fn preview(text: &str) -> &str {
    let cut = (0..=PREVIEW_BYTES.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    &text[..cut]
}
