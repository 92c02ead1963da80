use yew::prelude::*;

use crate::browser::copy;
use crate::words::Words;

#[derive(PartialEq, Properties)]
pub struct CopyButtonProps {
    pub text: AttrValue,
    /// What the button says ("Copy" when not given).
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

/// Copies text to the clipboard and says whether it worked.
#[function_component(CopyButton)]
pub fn copy_button(props: &CopyButtonProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let state = use_state(|| None::<bool>);
    let onclick = {
        let (text, state) = (props.text.to_string(), state.clone());
        Callback::from(move |_: MouseEvent| {
            let state = state.clone();
            copy(text.clone(), move |ok| state.set(Some(ok)));
        })
    };
    let shown = match (*state, &props.label) {
        (Some(true), _) => w.t("ui.copy.done"),
        (Some(false), _) => w.t("ui.copy.failed"),
        (None, Some(label)) => label.clone(),
        (None, None) => w.t("ui.copy.copy"),
    };
    html! {
        <button type="button" class="small copy" {onclick}>
            <span aria-live="polite">{shown}</span>
        </button>
    }
}
