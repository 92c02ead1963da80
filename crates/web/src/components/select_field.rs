use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::IssueList;
use crate::browser::field_id;

#[derive(PartialEq, Properties)]
pub struct SelectFieldProps {
    pub path: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    /// (value, label) pairs. The current value is added when it is not among them, so a
    /// reference to something outside the plan is shown, not silently changed.
    pub options: Vec<(String, String)>,
    pub on_change: Callback<String>,
}

#[function_component(SelectField)]
pub fn select_field(props: &SelectFieldProps) -> Html {
    let id = field_id(&props.path);
    let on_change = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let known = props
        .options
        .iter()
        .any(|(v, _)| v.as_str() == props.value.as_str());
    html! {
        <div class="field">
            <label for={id.clone()}>{props.label.clone()}</label>
            <select id={id} onchange={on_change} aria-describedby={format!("issues-{}", props.path)}>
                if !known {
                    <option value={props.value.clone()} selected=true>{format!("{} (not in the plan)", props.value)}</option>
                }
                { for props.options.iter().map(|(v, l)| html! {
                    <option value={v.clone()} selected={v.as_str() == props.value.as_str()}>{l}</option>
                }) }
            </select>
            <IssueList path={props.path.clone()} />
        </div>
    }
}
