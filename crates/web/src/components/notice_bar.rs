use yew::prelude::*;

use crate::state::Notice;
use crate::words::Words;

#[derive(PartialEq, Properties)]
pub struct NoticeBarProps {
    pub notice: Notice,
    pub on_close: Callback<()>,
}

/// The outcome of the last import or load, until dismissed.
#[function_component(NoticeBar)]
pub fn notice_bar(props: &NoticeBarProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class={classes!("notice", if props.notice.error { "error" } else { "ok" })} role={if props.notice.error { "alert" } else { "status" }}>
            <span>{props.notice.text(&w)}</span>
            <button type="button" class="small" onclick={close} aria-label={w.t("ui.notice.dismiss")}>{"✕"}</button>
        </div>
    }
}
