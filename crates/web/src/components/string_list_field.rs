use yew::prelude::*;

use super::{IssueList, TextField};
use crate::browser::field_id;
use crate::list::{appended, removed, replaced};
use crate::words::Words;
use easnet_core::args;

#[derive(PartialEq, Properties)]
pub struct StringListFieldProps {
    /// JSON path of the list; entry k is at `path[k]`.
    pub path: AttrValue,
    pub label: AttrValue,
    pub items: Vec<String>,
    pub on_change: Callback<Vec<String>>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    #[prop_or_default]
    pub suggestions: Vec<String>,
}

/// A list of strings (CIDRs, EIPs, whitelist entries): one input per entry, add and remove.
#[function_component(StringListField)]
pub fn string_list_field(props: &StringListFieldProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let add = {
        let (items, cb) = (props.items.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| cb.emit(appended(&items, String::new())))
    };
    html! {
        <fieldset class="string-list" id={field_id(&props.path)} tabindex="-1">
            <legend>{props.label.clone()}</legend>
            { for props.items.iter().enumerate().map(|(k, item)| {
                let on_change = {
                    let (items, cb) = (props.items.clone(), props.on_change.clone());
                    Callback::from(move |v: String| cb.emit(replaced(&items, k, v)))
                };
                let remove = {
                    let (items, cb) = (props.items.clone(), props.on_change.clone());
                    Callback::from(move |_: MouseEvent| cb.emit(removed(&items, k)))
                };
                html! {
                    <div class="list-entry" key={k}>
                        <TextField path={format!("{}[{k}]", props.path)} label={format!("{} {}", props.label, k + 1)}
                            value={item.clone()} on_change={on_change} mono=true
                            placeholder={props.placeholder.clone()} suggestions={props.suggestions.clone()} />
                        <button type="button" class="small danger" onclick={remove}
                            aria-label={w.text("ui.list.remove_label", args![what = format!("{} {}", props.label, k + 1)])} title={w.t("ui.list.remove")}>{"✕"}</button>
                    </div>
                }
            }) }
            <button type="button" class="small" onclick={add}>{format!("+ {}", props.label)}</button>
            <IssueList path={props.path.clone()} />
        </fieldset>
    }
}
