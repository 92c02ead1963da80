use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::IssueList;
use crate::browser::field_id;

#[derive(PartialEq, Properties)]
pub struct TextFieldProps {
    /// JSON path of the field in the plan: its element id and where its findings attach.
    pub path: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// Suggestions (a datalist), e.g. the plan's vSwitch IDs.
    #[prop_or_default]
    pub suggestions: Vec<String>,
    #[prop_or_default]
    pub mono: bool,
}

/// A labelled text input; what is typed goes straight into the plan (it is never lost), and
/// the analyzer's findings for this path show under it.
#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let id = field_id(&props.path);
    let list_id = format!("{id}-options");
    let on_input = {
        let cb = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    html! {
        <div class="field">
            <label for={id.clone()}>{props.label.clone()}</label>
            <input id={id.clone()} type="text" class={classes!(props.mono.then_some("mono"))}
                value={props.value.clone()} oninput={on_input}
                placeholder={props.placeholder.clone()} spellcheck="false" autocomplete="off"
                aria-describedby={format!("issues-{}", props.path)}
                list={(!props.suggestions.is_empty()).then(|| list_id.clone())} />
            if !props.suggestions.is_empty() {
                <datalist id={list_id}>
                    { for props.suggestions.iter().map(|s| html! { <option value={s.clone()} /> }) }
                </datalist>
            }
            <IssueList path={props.path.clone()} />
        </div>
    }
}
