use yew::prelude::*;

use crate::browser::copy;

#[derive(PartialEq, Properties)]
pub struct CopyButtonProps {
    pub text: AttrValue,
    #[prop_or(AttrValue::from("Copy"))]
    pub label: AttrValue,
}

/// Copies text to the clipboard and says whether it worked.
#[function_component(CopyButton)]
pub fn copy_button(props: &CopyButtonProps) -> Html {
    let state = use_state(|| None::<bool>);
    let onclick = {
        let (text, state) = (props.text.to_string(), state.clone());
        Callback::from(move |_: MouseEvent| {
            let state = state.clone();
            copy(text.clone(), move |ok| state.set(Some(ok)));
        })
    };
    let shown = match *state {
        Some(true) => "Copied ✓".to_owned(),
        Some(false) => "Copy failed".to_owned(),
        None => props.label.to_string(),
    };
    html! {
        <button type="button" class="small copy" {onclick}>
            <span aria-live="polite">{shown}</span>
        </button>
    }
}
