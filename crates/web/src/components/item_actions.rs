use easnet_core::args;
use yew::prelude::*;

use crate::words::Words;

#[derive(PartialEq, Properties)]
pub struct ItemActionsProps {
    /// What the item is, for the buttons' accessible names ("vSwitch vsw-a").
    pub what: AttrValue,
    pub on_duplicate: Callback<()>,
    pub on_delete: Callback<()>,
}

/// Duplicate and delete buttons of one item of a list.
#[function_component(ItemActions)]
pub fn item_actions(props: &ItemActionsProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let dup = props.on_duplicate.reform(|_: MouseEvent| ());
    let del = props.on_delete.reform(|_: MouseEvent| ());
    html! {
        <span class="item-actions">
            <button type="button" class="small" onclick={dup} aria-label={w.text("ui.item.duplicate_label", args![what = props.what])}>{w.t("ui.item.duplicate")}</button>
            <button type="button" class="small danger" onclick={del} aria-label={w.text("ui.item.delete_label", args![what = props.what])}>{w.t("ui.item.delete")}</button>
        </span>
    }
}
