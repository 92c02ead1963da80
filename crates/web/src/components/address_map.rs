use std::rc::Rc;

use easnet_core::map::{address_map, Segment, SegmentKind};
use easnet_core::plan::Plan;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct AddressMapProps {
    pub plan: Rc<Plan>,
}

/// Each VPC CIDR drawn to scale: its vSwitches and its free blocks, details on hover.
#[function_component(AddressMap)]
pub fn address_map_view(props: &AddressMapProps) -> Html {
    let maps = use_memo(props.plan.clone(), |plan| address_map(plan));
    html! {
        <section class="panel address-map" aria-labelledby="map-heading">
            <h2 id="map-heading">{"Address space"}</h2>
            { for maps.iter().map(|vpc| html! {
                <div class="vpc-map">
                    <h3><code>{&vpc.vpc}</code></h3>
                    { for vpc.spaces.iter().map(|space| html! {
                        <figure>
                            <figcaption><code>{&space.cidr}</code>{format!(" — {} addresses", space.addresses)}</figcaption>
                            <svg viewBox="0 0 1000 40" preserveAspectRatio="none" role="img"
                                aria-label={format!("{}: {} vSwitches, {} free blocks", space.cidr,
                                    space.segments.iter().filter(|s| s.kind == SegmentKind::VSwitch).count(),
                                    space.segments.iter().filter(|s| s.kind == SegmentKind::Free).count())}>
                                { for space.segments.iter().map(segment) }
                            </svg>
                            <details>
                                <summary>{"Blocks"}</summary>
                                <table>
                                    <thead><tr><th scope="col">{"Block"}</th><th scope="col">{"CIDR"}</th><th scope="col">{"Usable"}</th><th scope="col">{"First – last usable"}</th></tr></thead>
                                    <tbody>{ for space.segments.iter().map(|s| html! {
                                        <tr class={if s.kind == SegmentKind::Free { "free" } else { "vswitch" }}>
                                            <td>{s.id.clone().unwrap_or_else(|| "free".to_owned())}</td>
                                            <td><code>{&s.cidr}</code></td>
                                            <td>{s.usable}</td>
                                            <td><code>{format!("{} – {}", s.first_usable.clone().unwrap_or_default(), s.last_usable.clone().unwrap_or_default())}</code></td>
                                        </tr>
                                    }) }</tbody>
                                </table>
                            </details>
                        </figure>
                    }) }
                </div>
            }) }
        </section>
    }
}

fn segment(s: &Segment) -> Html {
    let x = s.start * 1000.0;
    let w = (s.width * 1000.0).max(1.5);
    let class = if s.kind == SegmentKind::Free {
        "free"
    } else {
        "vswitch"
    };
    let title = format!(
        "{}{} — {} addresses, {} usable ({} – {})",
        s.id.as_ref()
            .map(|i| format!("{i} "))
            .unwrap_or_else(|| "free ".to_owned()),
        s.cidr,
        s.addresses,
        s.usable,
        s.first_usable.clone().unwrap_or_default(),
        s.last_usable.clone().unwrap_or_default()
    );
    html! {
        <rect class={class} x={x.to_string()} y="0" width={w.to_string()} height="40"><title>{title}</title></rect>
    }
}
