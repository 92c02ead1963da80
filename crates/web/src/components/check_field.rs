use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser::field_id;

#[derive(PartialEq, Properties)]
pub struct CheckFieldProps {
    pub path: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    pub on_change: Callback<bool>,
}

#[function_component(CheckField)]
pub fn check_field(props: &CheckFieldProps) -> Html {
    let id = field_id(&props.path);
    let on_change = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    html! {
        <div class="field check">
            <input id={id.clone()} type="checkbox" checked={props.checked} onchange={on_change} />
            <label for={id}>{props.label.clone()}</label>
        </div>
    }
}
