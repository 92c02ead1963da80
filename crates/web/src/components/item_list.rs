use rustc_hash::FxHashSet as HashSet;
use std::rc::Rc;

use web_sys::HtmlDetailsElement;
use yew::prelude::*;

use super::ItemActions;
use crate::browser::field_id;
use crate::list::{
    appended, positions_after_duplicate, positions_after_removal, removed, replaced,
};
use crate::listed::Listed;
use crate::words::Words;
use easnet_core::args;

/// Lists longer than this start with every item closed.
const OPEN_AT_MOST: usize = 8;

/// Of a longer list, only the first this many items are drawn until the user asks for all: a
/// security group of 100,000 rules took seconds to draw even closed (BENCHMARKS.md, plans
/// built to hurt). Real lists are shorter: 150 vSwitches per VPC (domain-facts §2), the
/// large synthetic plan's 300 services.
const DRAW_AT_MOST: usize = 500;

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
///
/// Generic over the kind of object, but only to turn the list into titles and callbacks by
/// index: the markup is drawn by the one, non-generic [`ItemListView`], so the page carries
/// it once rather than once per kind of object.
#[function_component(ItemList)]
pub fn item_list<T: Listed>(props: &ItemListProps<T>) -> Html {
    // One copy of the list per render, shared by every callback.
    let items: Rc<Vec<T>> = Rc::new(props.items.clone());
    let titles: Vec<String> = items.iter().map(Listed::title).collect();
    let render = {
        let (items, render, cb) = (items.clone(), props.render.clone(), props.on_change.clone());
        Callback::from(move |i: usize| {
            let on_item = {
                let (items, cb) = (items.clone(), cb.clone());
                Callback::from(move |next: T| cb.emit(replaced(&items, i, next)))
            };
            match items.get(i) {
                Some(item) => render.emit((i, item.clone(), on_item)),
                None => Html::default(),
            }
        })
    };
    let on_duplicate = {
        let (items, cb) = (items.clone(), props.on_change.clone());
        Callback::from(move |i: usize| {
            if let Some(item) = items.get(i) {
                let mut next = (*items).clone();
                next.insert(i + 1, item.copied());
                cb.emit(next)
            }
        })
    };
    let on_delete = {
        let (items, cb) = (items.clone(), props.on_change.clone());
        Callback::from(move |i: usize| cb.emit(removed(&items, i)))
    };
    let on_add = {
        let (items, cb) = (items.clone(), props.on_change.clone());
        Callback::from(move |()| cb.emit(appended(&items, T::fresh(items.len()))))
    };
    html! {
        <ItemListView path={props.path.clone()} noun={props.noun.clone()} open={props.open}
            {titles} {render} {on_duplicate} {on_delete} {on_add} />
    }
}

#[derive(PartialEq, Properties)]
struct ItemListViewProps {
    path: AttrValue,
    noun: AttrValue,
    open: bool,
    /// Each item's summary line.
    titles: Vec<String>,
    /// Item i's editor.
    render: Callback<usize, Html>,
    on_duplicate: Callback<usize>,
    on_delete: Callback<usize>,
    on_add: Callback<()>,
}

#[function_component(ItemListView)]
fn item_list_view(props: &ItemListViewProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let default_open = props.open && props.titles.len() <= OPEN_AT_MOST;
    // Which items the user opened or closed against the list's default: a closed item renders
    // its summary only, so a VPC of 150 vSwitches costs 150 lines, not 150 forms.
    let toggled = use_state(HashSet::<usize>::default);
    // Boxes stay with their items when one is deleted or duplicated.
    let (on_duplicate, on_delete) = {
        let (t, cb) = (toggled.clone(), props.on_duplicate.clone());
        let dup = Callback::from(move |i: usize| {
            t.set(positions_after_duplicate(&t, i));
            cb.emit(i)
        });
        let (t, cb) = (toggled.clone(), props.on_delete.clone());
        let del = Callback::from(move |i: usize| {
            t.set(positions_after_removal(&t, i));
            cb.emit(i)
        });
        (dup, del)
    };
    let add = props.on_add.reform(|_: MouseEvent| ());
    let show_all = use_state(|| false);
    let drawn = if *show_all {
        props.titles.len()
    } else {
        DRAW_AT_MOST
    };
    let undrawn = props.titles.len().saturating_sub(drawn);
    let draw_all = {
        let s = show_all.clone();
        Callback::from(move |_: MouseEvent| s.set(true))
    };
    html! {
        <div class="item-list" id={field_id(&props.path)} tabindex="-1">
            { for props.titles.iter().take(drawn).enumerate().map(|(i, title)| {
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
                let dup = on_duplicate.reform(move |_| i);
                let del = on_delete.reform(move |_| i);
                let path = format!("{}[{i}]", props.path);
                html! {
                    <div class="item" key={i}>
                        <details {open} id={field_id(&path)} ontoggle={on_toggle}>
                            <summary>
                                <span class="item-title">{format!("{} ", props.noun)}<code>{if title.is_empty() { w.t("ui.list.no_id") } else { title.clone().into() }}</code></span>
                            </summary>
                            if open {
                                { props.render.emit(i) }
                            }
                        </details>
                        // Outside the summary: a summary may not hold other controls.
                        <ItemActions what={format!("{} {title}", props.noun)} on_duplicate={dup} on_delete={del} />
                    </div>
                }
            }) }
            if undrawn > 0 {
                <p class="muted">{w.text("ui.list.undrawn", args![n = undrawn])}
                    <button type="button" class="link" onclick={draw_all}>{w.text("ui.list.show_all", args![n = props.titles.len()])}</button>
                </p>
            }
            <button type="button" class="add" onclick={add}>{w.text("ui.list.add", args![noun = props.noun])}</button>
        </div>
    }
}
