use easnet_core::i18n::Lang;
use easnet_core::samples::examples::EXAMPLES;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::state::source_name;
use crate::words::Words;

#[derive(PartialEq, Properties)]
pub struct HeaderProps {
    /// Where the current plan came from.
    pub source: AttrValue,
    pub can_undo: bool,
    pub can_redo: bool,
    /// The language chosen, and whether its words are still loading.
    pub lang: Lang,
    #[prop_or_default]
    pub loading: bool,
    pub on_lang: Callback<Lang>,
    pub on_example: Callback<String>,
    pub on_new: Callback<()>,
    pub on_import: Callback<()>,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
    pub on_share: Callback<()>,
}

/// Each language by its own name, as a language switch shows it.
const LANGS: [(Lang, &str, &str); 2] =
    [(Lang::En, "EN", "English"), (Lang::Zh, "中文", "简体中文")];

/// The page title, what plan is open, the plan-wide commands, and the language.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let on_example = {
        let cb = props.on_example.clone();
        Callback::from(move |e: Event| {
            let select = e.target_unchecked_into::<HtmlSelectElement>();
            let name = select.value();
            select.set_value("");
            if !name.is_empty() {
                cb.emit(name);
            }
        })
    };
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    html! {
        <header class="topbar">
            <div class="title">
                <h1 class="brand">{"easnet"}</h1>
                <p class="tagline">{w.t("ui.header.tagline")}</p>
            </div>
            <p class="source">{w.t("ui.header.plan")}<strong translate="no">{source_name(&w, &props.source)}</strong></p>
            <div class="langs" role="group" aria-label={w.t("ui.header.language")} aria-busy={props.loading.to_string()}>
                { for LANGS.iter().map(|&(lang, name, full)| {
                    let pressed = lang == props.lang;
                    let onclick = props.on_lang.reform(move |_: MouseEvent| lang);
                    html! {
                        <button type="button" class={classes!("lang", pressed.then_some("selected"))} lang={lang.tag()}
                            title={full} aria-pressed={pressed.to_string()} {onclick}>{name}</button>
                    }
                }) }
            </div>
            <nav class="toolbar" aria-label={w.t("ui.header.toolbar")}>
                <label class="sr-only" for="examples">{w.t("ui.header.open_example")}</label>
                <select id="examples" onchange={on_example}>
                    <option value="" selected=true>{w.t("ui.header.examples")}</option>
                    { for EXAMPLES.iter().map(|e| {
                        // Each example's line in the catalogues, else its own.
                        let title = w.template(&format!("ui.example.{}", e.name)).unwrap_or(e.title).to_owned();
                        html! { <option value={e.name} {title}>{e.name}</option> }
                    }) }
                </select>
                <button type="button" onclick={click(&props.on_new)}>{w.t("ui.header.new")}</button>
                <button type="button" onclick={click(&props.on_import)}>{w.t("ui.header.import")}</button>
                <button type="button" onclick={click(&props.on_undo)} disabled={!props.can_undo} title={w.t("ui.header.undo_title")}>{w.t("ui.header.undo")}</button>
                <button type="button" onclick={click(&props.on_redo)} disabled={!props.can_redo} title={w.t("ui.header.redo_title")}>{w.t("ui.header.redo")}</button>
                <button type="button" class="primary" onclick={click(&props.on_share)} title={w.t("ui.header.share_title")}>{w.t("ui.header.share")}</button>
            </nav>
        </header>
    }
}
