use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

use easnet_core::args;
use easnet_core::plan::Vpc;
use easnet_core::text::decimal::fixed;
use easnet_core::text::words::and_more;
use easnet_core::views::map::{address_map, Cell, Segment, SegmentKind, Space, VpcMap};
use yew::prelude::*;

use crate::memo::PlanPart;
use crate::words::Words;

/// It draws the VPCs: nothing else of the plan.
#[derive(PartialEq, Properties)]
pub struct AddressMapProps {
    pub vpcs: PlanPart<[Vpc]>,
}

/// Each VPC CIDR drawn to scale: its vSwitches and its free blocks, details on hover.
#[function_component(AddressMap)]
pub fn address_map_view(props: &AddressMapProps) -> Html {
    // Most edits (a region, a service, a rule) leave the address space as it was: the drawing
    // is redrawn only when the maps differ.
    let maps = use_memo(props.vpcs.clone(), |vpcs| address_map(vpcs));
    html! { <AddressMapDrawing {maps} /> }
}

#[derive(PartialEq, Properties)]
struct DrawingProps {
    maps: Rc<Vec<VpcMap>>,
}

#[function_component(AddressMapDrawing)]
fn address_map_drawing(props: &DrawingProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    html! {
        <section class="panel address-map" aria-labelledby="map-heading">
            <h2 id="map-heading">{w.t("ui.map.heading")}</h2>
            { for props.maps.iter().map(|m| vpc_map(m, w)) }
        </section>
    }
}

/// One VPC: each of its CIDRs, with a colour per vSwitch shared by the grid and the legend.
fn vpc_map(vpc: &VpcMap, w: Words) -> Html {
    let free = w.text("ui.map.free", &[]);
    let mut colours: HashMap<&str, usize> = HashMap::default();
    for id in vpc
        .spaces
        .iter()
        .flat_map(|s| &s.segments)
        .filter_map(|s| s.id.as_deref())
    {
        let next = colours.len();
        colours.entry(id).or_insert(next);
    }
    let colours = &colours;
    html! {
        <div class="vpc-map">
            <h3><code>{&vpc.vpc}</code></h3>
            { for vpc.spaces.iter().map(|space| html! {
                <figure>
                    <figcaption><code>{&space.cidr}</code>{w.text("ui.map.addresses", args![n = space.addresses])}</figcaption>
                    { grid(space, colours, w) }
                    <ul class="map-legend">
                        { for space.segments.iter().filter(|s| s.kind == SegmentKind::VSwitch).map(|s| {
                            let i = s.id.as_deref().and_then(|id| colours.get(id)).copied().unwrap_or(0);
                            html! { <li><span class={classes!("swatch", format!("c{}", i % 8))}></span><code>{s.id.clone().unwrap_or_default()}</code>{" "}<span class="muted">{&s.cidr}</span></li> }
                        }) }
                        <li><span class="swatch free"></span>{free.clone()}</li>
                    </ul>
                    <svg class="strip" viewBox="0 0 1000 14" preserveAspectRatio="none" aria-hidden="true">
                        { for space.segments.iter().map(|s| segment(s, w)) }
                    </svg>
                    if space.hidden_segments > 0 {
                        <p class="muted">{w.text("ui.map.hidden_blocks", args![n = space.hidden_segments])}</p>
                    }
                    <details>
                        <summary>{w.t("ui.map.blocks")}</summary>
                        <table>
                            <thead><tr><th scope="col">{w.t("ui.map.block")}</th><th scope="col">{w.t("ui.map.cidr")}</th>
                                <th scope="col">{w.t("ui.map.usable")}</th><th scope="col">{w.t("ui.map.range")}</th></tr></thead>
                            <tbody>{ for space.segments.iter().map(|s| html! {
                                <tr class={if s.kind == SegmentKind::Free { "free" } else { "vswitch" }}>
                                    <td>{s.id.clone().unwrap_or_else(|| free.clone())}</td>
                                    <td><code>{&s.cidr}</code></td>
                                    <td>{s.usable}</td>
                                    <td><code>{format!("{} – {}", s.first_usable.clone().unwrap_or_default(), s.last_usable.clone().unwrap_or_default())}</code></td>
                                </tr>
                            }) }</tbody>
                        </table>
                    </details>
                </figure>
            }) }
            if vpc.hidden_spaces > 0 {
                <p class="muted">{w.text("ui.map.hidden_cidrs", args![n = vpc.hidden_spaces])}</p>
            }
        </div>
    }
}

/// The space as a grid of equal blocks (a /16 as 256 × /24), each coloured by the vSwitch in it
/// and filled as far as it is used.
fn grid(space: &Space, colours: &HashMap<&str, usize>, w: Words) -> Html {
    let n = space.cells.len().max(1);
    let cols = n.min(16);
    let rows = n.div_ceil(cols);
    let (size, gap) = (20.0, 2.0);
    let width = cols as f64 * (size + gap);
    let height = rows as f64 * (size + gap);
    let used = space
        .segments
        .iter()
        .filter(|s| s.kind == SegmentKind::VSwitch)
        .count();
    let free = space
        .segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Free)
        .count();
    html! {
        <svg class="grid-map" viewBox={format!("0 0 {} {}", fixed(width, 0), fixed(height, 0))} role="img"
            aria-label={w.text("ui.map.grid_label", args![cidr = space.cidr, used = used, free = free, n = n, prefix = space.cell_prefix])}>
            { for space.cells.iter().enumerate().map(|(i, cell)| cell_rect(cell, (i % cols, i / cols), size, gap, colours, w)) }
        </svg>
    }
}

fn cell_rect(
    cell: &Cell,
    (col, row): (usize, usize),
    size: f64,
    gap: f64,
    colours: &HashMap<&str, usize>,
    w: Words,
) -> Html {
    let color = cell
        .vswitches
        .first()
        .and_then(|id| colours.get(id.as_str()))
        .map(|i| format!("c{}", i % 8));
    let title = if cell.vswitches.is_empty() {
        w.text("ui.map.cell_free", args![cidr = cell.cidr])
    } else {
        let list = and_more(&w, &cell.vswitches, cell.more);
        let pct = fixed(cell.used * 100.0, 0);
        w.text(
            "ui.map.cell",
            args![cidr = cell.cidr, list = list, pct = pct],
        )
    };
    let (x, y) = (col as f64 * (size + gap), row as f64 * (size + gap));
    let fill = (cell.used.max(0.25) * size).min(size);
    html! {
        <g>
            <rect class="cell" x={fixed(x, 0)} y={fixed(y, 0)} width={fixed(size, 0)} height={fixed(size, 0)} rx="2"><title>{title.clone()}</title></rect>
            if let Some(color) = color {
                <rect class={classes!("cell-used", color)} x={fixed(x, 0)} y={fixed(y + size - fill, 2)} width={fixed(size, 0)} height={fixed(fill, 2)} rx="2"><title>{title}</title></rect>
            }
        </g>
    }
}

fn segment(s: &Segment, w: Words) -> Html {
    let x = s.start * 1000.0;
    let width = (s.width * 1000.0).max(1.5);
    let class = if s.kind == SegmentKind::Free {
        "free"
    } else {
        "vswitch"
    };
    let name = match &s.id {
        Some(id) => id.clone(),
        None => w.text("ui.map.free", &[]),
    };
    let (first, last) = (
        s.first_usable.clone().unwrap_or_default(),
        s.last_usable.clone().unwrap_or_default(),
    );
    let title = w.text(
        "ui.map.segment",
        args![
            name = name,
            cidr = s.cidr,
            addresses = s.addresses,
            usable = s.usable,
            first = first,
            last = last
        ],
    );
    html! {
        <rect class={class} x={fixed(x, 2)} y="0" width={fixed(width, 2)} height="40"><title>{title}</title></rect>
    }
}
