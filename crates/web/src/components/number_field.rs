use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::IssueList;
use crate::browser::field_id;
use crate::words::Words;
use easnet_core::args;
use easnet_core::i18n::Catalogue;

/// What a number field holds: whole numbers (`i64`) or decimals (`f64`).
pub trait FieldNumber: Copy + PartialEq + 'static {
    /// How the field says that `text` is not what it expected ("… is not a whole number").
    fn refused(words: &Catalogue, text: &str) -> String;
    /// The number the (trimmed) text spells, if it spells one.
    fn parse(text: &str) -> Option<Self>;
    /// The text the field shows for the number.
    fn text(self) -> String;
}

impl FieldNumber for i64 {
    fn refused(words: &Catalogue, text: &str) -> String {
        words.text("ui.number.whole", args![text = text])
    }
    fn parse(text: &str) -> Option<Self> {
        text.parse().ok()
    }
    fn text(self) -> String {
        self.to_string()
    }
}

impl FieldNumber for f64 {
    fn refused(words: &Catalogue, text: &str) -> String {
        words.text("ui.number.decimal", args![text = text])
    }
    /// Read as a JSON number, what the plan file will hold: `inf`, `NaN` and `.5` (which
    /// Rust's `f64::from_str` takes) are not numbers there. It also keeps std's decimal parser
    /// and its 10 KB table of powers out of the page: serde_json's own parser is there anyway.
    fn parse(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
    fn text(self) -> String {
        easnet_core::text::decimal::shortest(self)
    }
}

#[derive(PartialEq, Properties)]
pub struct NumberFieldProps<T: FieldNumber> {
    pub path: AttrValue,
    pub label: AttrValue,
    pub value: Option<T>,
    /// Gets the new value when the text is a number (or empty: `None`).
    pub on_change: Callback<Option<T>>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
}

/// A number input. While the text is not a number it stays as typed, with an error under it,
/// and the plan keeps the last good value.
#[function_component(NumberField)]
pub fn number_field<T: FieldNumber>(props: &NumberFieldProps<T>) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let text = use_state(|| props.value.map(|v| v.text()).unwrap_or_default());
    // Follow the plan when it changes from elsewhere (undo, import) unless the text says the same.
    {
        let text = text.clone();
        use_effect_with(props.value, move |value| {
            if T::parse(text.trim()) != *value && !(text.trim().is_empty() && value.is_none()) {
                text.set(value.map(|v| v.text()).unwrap_or_default());
            }
        });
    }
    let local = match text.trim() {
        "" => None,
        t if T::parse(t).is_some() => None,
        t => Some(AttrValue::from(T::refused(&w, t))),
    };
    let on_input = {
        let (text, cb) = (text.clone(), props.on_change.clone());
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            match value.trim() {
                "" => cb.emit(None),
                t => {
                    if let Some(n) = T::parse(t) {
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
            <input id={id} type="text" inputmode="decimal" value={(*text).clone()} oninput={on_input}
                placeholder={props.placeholder.clone()} autocomplete="off"
                aria-invalid={local.is_some().to_string()}
                aria-describedby={format!("issues-{}", props.path)} />
            <IssueList path={props.path.clone()} local={local} />
        </div>
    }
}
