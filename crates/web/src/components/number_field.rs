use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::IssueList;
use crate::browser::field_id;

#[derive(PartialEq, Properties)]
pub struct NumberFieldProps {
    pub path: AttrValue,
    pub label: AttrValue,
    pub value: Option<i64>,
    /// Gets the new value when the text is a whole number (or empty: `None`).
    pub on_change: Callback<Option<i64>>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
}

/// A whole-number input. While the text is not a number it stays as typed, with an error under
/// it, and the plan keeps the last good value.
#[function_component(NumberField)]
pub fn number_field(props: &NumberFieldProps) -> Html {
    let text = use_state(|| props.value.map(|v| v.to_string()).unwrap_or_default());
    // Follow the plan when it changes from elsewhere (undo, import) unless the text says the same.
    {
        let text = text.clone();
        use_effect_with(props.value, move |value| {
            if text.trim().parse::<i64>().ok() != *value
                && !(text.trim().is_empty() && value.is_none())
            {
                text.set(value.map(|v| v.to_string()).unwrap_or_default());
            }
        });
    }
    let local = match text.trim() {
        "" => None,
        t if t.parse::<i64>().is_ok() => None,
        t => Some(AttrValue::from(format!("\"{t}\" is not a whole number"))),
    };
    let on_input = {
        let (text, cb) = (text.clone(), props.on_change.clone());
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            match value.trim() {
                "" => cb.emit(None),
                t => {
                    if let Ok(n) = t.parse::<i64>() {
                        cb.emit(Some(n));
                    }
                }
            }
            text.set(value);
        })
    };
    let id = field_id(&props.path);
    html! {
        <div class="field">
            <label for={id.clone()}>{props.label.clone()}</label>
            <input id={id} type="text" inputmode="numeric" value={(*text).clone()} oninput={on_input}
                placeholder={props.placeholder.clone()} autocomplete="off"
                aria-invalid={local.is_some().to_string()}
                aria-describedby={format!("issues-{}", props.path)} />
            <IssueList path={props.path.clone()} local={local} />
        </div>
    }
}
