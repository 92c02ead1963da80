use std::collections::HashSet;
use std::rc::Rc;

use web_sys::HtmlDetailsElement;
use yew::prelude::*;

use super::ItemActions;
use crate::browser::field_id;
use crate::list::{appended, removed, replaced};
use crate::listed::Listed;

/// Lists longer than this start with every item closed.
pub const OPEN_AT_MOST: usize = 8;

#[derive(PartialEq, Properties)]
pub struct ItemListProps<T: Listed> {
    /// JSON path of the list; item i is at `path[i]`.
    pub path: AttrValue,
    /// "vSwitch", "route table": for headings and buttons.
    pub noun: AttrValue,
    pub items: Vec<T>,
    /// Renders an item's editor: (index, item, on_change).
    pub render: Callback<(usize, T, Callback<T>), Html>,
    pub on_change: Callback<Vec<T>>,
    /// Open every item at first (lists that are usually short); ignored past
    /// [`OPEN_AT_MOST`] items, where opening everything would bury the page.
    #[prop_or_default]
    pub open: bool,
}

/// A list of plan objects, each in a collapsible box with duplicate and delete, and "+ Add".
#[function_component(ItemList)]
pub fn item_list<T: Listed>(props: &ItemListProps<T>) -> Html {
    let default_open = props.open && props.items.len() <= OPEN_AT_MOST;
    // Which items the user opened or closed against the list's default: a closed item renders
    // its summary only, so a VPC of 150 vSwitches costs 150 lines, not 150 forms.
    let toggled = use_state(HashSet::<usize>::new);
    // One copy of the list per render, shared by every item's callbacks.
    let items: Rc<Vec<T>> = Rc::new(props.items.clone());
    let add = {
        let (items, cb) = (items.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| cb.emit(appended(&items, T::fresh(items.len()))))
    };
    html! {
        <div class="item-list" id={field_id(&props.path)} tabindex="-1">
            { for items.iter().enumerate().map(|(i, item)| {
                let open = default_open != toggled.contains(&i);
                let on_toggle = {
                    let (toggled, default) = (toggled.clone(), default_open);
                    Callback::from(move |e: Event| {
                        let now_open = e.target_unchecked_into::<HtmlDetailsElement>().open();
                        let mut next = (*toggled).clone();
                        if now_open != default { next.insert(i); } else { next.remove(&i); }
                        if next != *toggled { toggled.set(next); }
                    })
                };
                let on_item = {
                    let (items, cb) = (items.clone(), props.on_change.clone());
                    Callback::from(move |next: T| cb.emit(replaced(&items, i, next)))
                };
                let dup = {
                    let (items, cb) = (items.clone(), props.on_change.clone());
                    Callback::from(move |_| {
                        let mut next = (*items).clone();
                        next.insert(i + 1, items[i].copied());
                        cb.emit(next)
                    })
                };
                let del = {
                    let (items, cb) = (items.clone(), props.on_change.clone());
                    Callback::from(move |_| cb.emit(removed(&items, i)))
                };
                let title = item.title();
                let path = format!("{}[{i}]", props.path);
                html! {
                    <div class="item" key={i}>
                        <details {open} id={field_id(&path)} ontoggle={on_toggle}>
                            <summary>
                                <span class="item-title">{format!("{} ", props.noun)}<code>{if title.is_empty() { "(no ID)".to_owned() } else { title.clone() }}</code></span>
                            </summary>
                            if open {
                                { props.render.emit((i, item.clone(), on_item)) }
                            }
                        </details>
                        // Outside the summary: a summary may not hold other controls.
                        <ItemActions what={format!("{} {title}", props.noun)} on_duplicate={dup} on_delete={del} />
                    </div>
                }
            }) }
            <button type="button" class="add" onclick={add}>{format!("+ Add {}", props.noun)}</button>
        </div>
    }
}
