use easnet_core::plan::Vpc;
use easnet_core::views::vswitch_choice::{
    options, toggle, two_zones, undescribed, zone_note, ZoneNote,
};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::IssueList;
use crate::browser::field_id;
use crate::memo::PlanPart;
use crate::words::Words;
use easnet_core::args;

#[derive(PartialEq, Properties)]
pub struct VSwitchPickerProps {
    /// First: the parent makes it anew on each redraw, so comparing it first spares the rest.
    /// Emits the new `vswitch_id` text (`None`: no vSwitch).
    pub on_change: Callback<Option<String>>,
    /// JSON path of the `vswitch_id` field.
    pub path: AttrValue,
    /// `vswitch_id` as written (a comma-separated list).
    pub value: Option<AttrValue>,
    pub vpc_id: Option<AttrValue>,
    pub vpcs: PlanPart<[Vpc]>,
}

/// The vSwitches a service (or a resource group) may list, one checkbox each with its zone,
/// CIDR and room, what the choice means for zones, and a button that picks two zones.
#[function_component(VSwitchPicker)]
pub fn vswitch_picker(props: &VSwitchPickerProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let value = props.value.as_deref();
    let choices = options(&props.vpcs, props.vpc_id.as_deref(), value);
    let id = field_id(&props.path);
    let on_toggle = |vsw: String| {
        let (cb, value) = (props.on_change.clone(), props.value.clone());
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            cb.emit(toggle(value.as_deref(), &vsw, on));
        })
    };
    let pick_two = two_zones(&choices).map(|ids| {
        let cb = props.on_change.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Some(ids.clone())))
    });
    let note = zone_note(&choices);
    // A list entry the plan does not describe stays visible (NET006 says why).
    let unknown = undescribed(&choices, value);
    html! {
        <fieldset class="field vswitch-picker" aria-describedby={format!("issues-{}", props.path)}>
            <legend>{w.t("ui.picker.legend")}</legend>
            if choices.is_empty() {
                <p class="muted">{w.t("ui.picker.none")}</p>
            }
            <ul class="choices">
                { for choices.iter().enumerate().map(|(i, c)| {
                    let box_id = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                    let zone = match &c.zone {
                        Some(zone) => zone.clone(),
                        None => w.text("ui.picker.no_zone", &[]),
                    };
                    html! {
                        <li>
                            <input id={box_id.clone()} type="checkbox" checked={c.chosen} onchange={on_toggle(c.id.clone())} />
                            <label for={box_id}>
                                <code>{&c.id}</code>{" "}<span class="muted">{w.text("ui.picker.choice", args![cidr = c.cidr, zone = zone, room = c.room])}</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
            if !unknown.is_empty() {
                <p class="muted">{w.text("ui.picker.unknown", args![list = unknown.join(&w.t("words.list_separator"))])}</p>
            }
            { note_html(note, pick_two, w) }
            <IssueList path={props.path.clone()} />
        </fieldset>
    }
}

fn note_html(note: Option<ZoneNote>, pick_two: Option<Callback<MouseEvent>>, w: Words) -> Html {
    let button = || match &pick_two {
        Some(cb) => {
            html! { <button type="button" class="link" onclick={cb.clone()}>{w.t("ui.picker.two_zones")}</button> }
        }
        None => html! {},
    };
    match note {
        Some(ZoneNote::OneZone { zone }) => html! {
            <p class="hint zone-note">
                {w.text("ui.picker.one_zone", args![zone = zone])}
                { button() }
            </p>
        },
        Some(ZoneNote::SameZone { zone }) => html! {
            <p class="hint warn zone-note">
                {w.text("ui.picker.same_zone", args![zone = zone])}
                { button() }
            </p>
        },
        Some(ZoneNote::Zones(zones)) => html! {
            <p class="hint zone-note">{w.text("ui.picker.zones", args![n = zones.len(), list = zones.join(&w.t("words.list_separator"))])}</p>
        },
        None => html! {},
    }
}
