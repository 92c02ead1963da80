use yew::prelude::*;

use super::ItemActions;
use crate::browser::field_id;
use crate::list::{appended, removed, replaced};
use crate::listed::Listed;

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
    /// Open every item (lists that are usually short).
    #[prop_or_default]
    pub open: bool,
}

/// A list of plan objects, each in a collapsible box with duplicate and delete, and "+ Add".
#[function_component(ItemList)]
pub fn item_list<T: Listed>(props: &ItemListProps<T>) -> Html {
    let add = {
        let (items, cb) = (props.items.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| cb.emit(appended(&items, T::fresh(items.len()))))
    };
    html! {
        <div class="item-list" id={field_id(&props.path)} tabindex="-1">
            { for props.items.iter().enumerate().map(|(i, item)| {
                let on_item = {
                    let (items, cb) = (props.items.clone(), props.on_change.clone());
                    Callback::from(move |next: T| cb.emit(replaced(&items, i, next)))
                };
                let dup = {
                    let (items, cb) = (props.items.clone(), props.on_change.clone());
                    Callback::from(move |_| {
                        let mut next = items.clone();
                        next.insert(i + 1, items[i].copied());
                        cb.emit(next)
                    })
                };
                let del = {
                    let (items, cb) = (props.items.clone(), props.on_change.clone());
                    Callback::from(move |_| cb.emit(removed(&items, i)))
                };
                let title = item.title();
                let path = format!("{}[{i}]", props.path);
                html! {
                    <details class="item" key={i} open={props.open} id={field_id(&path)}>
                        <summary>
                            <span class="item-title">{format!("{} ", props.noun)}<code>{if title.is_empty() { "(no ID)".to_owned() } else { title.clone() }}</code></span>
                            <ItemActions what={format!("{} {title}", props.noun)} on_duplicate={dup} on_delete={del} />
                        </summary>
                        { props.render.emit((i, item.clone(), on_item)) }
                    </details>
                }
            }) }
            <button type="button" class="add" onclick={add}>{format!("+ Add {}", props.noun)}</button>
        </div>
    }
}
