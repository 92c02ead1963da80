use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct HeaderProps {
    /// Where the current plan came from.
    pub source: AttrValue,
}

/// The page title and what plan is open.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    html! {
        <header class="topbar">
            <h1 class="brand">{"easnet"}</h1>
            <p class="tagline">{"Network planner for PAI-EAS: vSwitch capacity, internet egress, private targets"}</p>
            <p class="source" aria-label="Open plan">{"Plan: "}<strong>{props.source.clone()}</strong></p>
        </header>
    }
}
