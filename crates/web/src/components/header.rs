use easnet_core::samples::examples::EXAMPLES;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct HeaderProps {
    /// Where the current plan came from.
    pub source: AttrValue,
    pub can_undo: bool,
    pub can_redo: bool,
    pub on_example: Callback<String>,
    pub on_new: Callback<()>,
    pub on_import: Callback<()>,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
    pub on_share: Callback<()>,
}

/// The page title, what plan is open, and the plan-wide commands.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
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
                <p class="tagline">{"PAI-EAS network planner: vSwitch capacity, the way out, the way in"}</p>
            </div>
            <p class="source">{"Plan: "}<strong>{props.source.clone()}</strong></p>
            <nav class="toolbar" aria-label="Plan">
                <label class="sr-only" for="examples">{"Open an example"}</label>
                <select id="examples" onchange={on_example}>
                    <option value="" selected=true>{"Examples…"}</option>
                    { for EXAMPLES.iter().map(|e| html! { <option value={e.name} title={e.title}>{e.name}</option> }) }
                </select>
                <button type="button" onclick={click(&props.on_new)}>{"New plan"}</button>
                <button type="button" onclick={click(&props.on_import)}>{"Import…"}</button>
                <button type="button" onclick={click(&props.on_undo)} disabled={!props.can_undo} title="Undo (Ctrl+Z)">{"Undo"}</button>
                <button type="button" onclick={click(&props.on_redo)} disabled={!props.can_redo} title="Redo (Ctrl+Shift+Z)">{"Redo"}</button>
                <button type="button" class="primary" onclick={click(&props.on_share)} title="Copy a link that carries this plan">{"Share link"}</button>
            </nav>
        </header>
    }
}
