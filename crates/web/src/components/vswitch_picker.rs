use easnet_core::plan::Vpc;
use easnet_core::views::vswitch_choice::{options, toggle, two_zones, zone_note, ZoneNote};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::IssueList;
use crate::browser::field_id;
use crate::memo::PlanPart;

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
    let listed = easnet_core::plan::list_items(value.unwrap_or_default());
    let unknown: Vec<&str> = listed
        .filter(|item| !choices.iter().any(|c| c.id == *item))
        .collect();
    html! {
        <fieldset class="field vswitch-picker" aria-describedby={format!("issues-{}", props.path)}>
            <legend>{"vSwitches (one per zone lets instances start wherever a zone has stock)"}</legend>
            if choices.is_empty() {
                <p class="muted">{"No vSwitch described in this VPC yet."}</p>
            }
            <ul class="choices">
                { for choices.iter().enumerate().map(|(i, c)| {
                    let box_id = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                    html! {
                        <li>
                            <input id={box_id.clone()} type="checkbox" checked={c.chosen} onchange={on_toggle(c.id.clone())} />
                            <label for={box_id}>
                                <code>{&c.id}</code>{" "}<span class="muted">{format!("{} · {} · {} IPs usable", c.cidr, c.zone.as_deref().unwrap_or("zone?"), c.room)}</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
            if !unknown.is_empty() {
                <p class="muted">{format!("Also listed, not described: {}", unknown.join(", "))}</p>
            }
            { note_html(note, pick_two) }
            <IssueList path={props.path.clone()} />
        </fieldset>
    }
}

fn note_html(note: Option<ZoneNote>, pick_two: Option<Callback<MouseEvent>>) -> Html {
    let button = |label: &str| match &pick_two {
        Some(cb) => {
            html! { <button type="button" class="link" onclick={cb.clone()}>{label.to_owned()}</button> }
        }
        None => html! {},
    };
    match note {
        Some(ZoneNote::OneZone { zone }) => html! {
            <p class="hint zone-note">
                {format!("One zone ({zone}): when it runs out of stock, instances cannot start in another. ")}
                { button("Use two zones") }
            </p>
        },
        Some(ZoneNote::SameZone { zone }) => html! {
            <p class="hint warn zone-note">
                {format!("Every chosen vSwitch is in {zone}: they do not help when that zone runs out of stock. ")}
                { button("Use two zones") }
            </p>
        },
        Some(ZoneNote::Zones(zones)) => html! {
            <p class="hint zone-note">{format!("Instances can start in {} zones: {}.", zones.len(), zones.join(", "))}</p>
        },
        None => html! {},
    }
}
