use std::rc::Rc;

use easnet_core::analyze::Report;
use easnet_core::export::{self, Export};
use easnet_core::plan::Plan;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::CopyButton;
use crate::browser::download;

#[derive(PartialEq, Properties)]
pub struct ExportPanelProps {
    pub plan: Rc<Plan>,
    pub report: Rc<Report>,
}

/// Tabs for every export of the core, each with copy and download.
#[function_component(ExportPanel)]
pub fn export_panel(props: &ExportPanelProps) -> Html {
    let names = export::service_names(&props.plan);
    let service = use_state(|| 0usize);
    let tab = use_state(|| 0usize);
    let name = names.get(*service).cloned();
    let exports: Vec<Export> = export::page_exports(&props.plan, &props.report, name.as_deref());
    let current = exports.get(*tab).or_else(|| exports.first()).cloned();
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
            <h2 id="export-heading">{"Export"}</h2>
            if names.len() > 1 {
                <div class="field inline"><label for="export-service">{"Service"}</label>
                    <select id="export-service" onchange={on_service}>
                        { for names.iter().enumerate().map(|(i, n)| html! { <option value={i.to_string()} selected={i == *service}>{n}</option> }) }
                    </select></div>
            }
            <div class="tabs" role="tablist" aria-label="Exports">
                { for exports.iter().enumerate().map(|(i, e)| {
                    let tab2 = tab.clone();
                    let selected = current.as_ref().is_some_and(|c| c.title == e.title);
                    html! {
                        <button type="button" role="tab" id={format!("tab-{i}")} aria-selected={selected.to_string()}
                            aria-controls="export-body" class={classes!("tab", selected.then_some("selected"))}
                            onclick={Callback::from(move |_| tab2.set(i))}>{&e.title}</button>
                    }
                }) }
            </div>
            if let Some(e) = current {
                <div id="export-body" role="tabpanel" class="export-body">
                    <p class="muted">{&e.description}</p>
                    <div class="export-actions">
                        <CopyButton text={e.text.clone()} label={format!("Copy {}", e.title)} />
                        <button type="button" class="small" onclick={{
                            let e = e.clone();
                            Callback::from(move |_| download(&e.file_name, &e.mime, &e.text))
                        }}>{format!("Download {}", e.file_name)}</button>
                    </div>
                    if let Some(diff) = &e.diff {
                        <pre class="diff" aria-label="Changes against the service JSON as imported">{ for diff.iter().map(|(sign, line)| html! {
                            <span class={match *sign { '+' => "added", '-' => "removed", _ => "same" }}>{format!("{sign} {line}\n")}</span>
                        }) }</pre>
                    }
                    <pre class="export-text" tabindex="0"><code>{&e.text}</code></pre>
                </div>
            }
        </section>
    }
}
