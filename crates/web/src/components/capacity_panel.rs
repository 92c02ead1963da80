use easnet_core::analyze::CapacityRow;
use easnet_core::args;
use easnet_core::text::decimal::fixed;
use yew::prelude::*;

use crate::browser::focus_path;
use crate::memo::ReportPart;
use crate::words::Words;

/// Redrawn only when the report's capacity rows change: an edit that changes only findings (a
/// region in their commands) leaves this panel as it is.
#[derive(PartialEq, Properties)]
pub struct CapacityPanelProps {
    pub rows: ReportPart<[CapacityRow]>,
}

/// The bars' width in drawing units (the SVG's viewBox).
const W: f64 = 1000.0;

/// Past this many vSwitches, only those holding services or over the threshold are drawn
/// until the user asks for all.
const SHOW_ALL_UP_TO: usize = 30;

/// A bar draws this many services one by one, and the rest as one block: a vSwitch holding
/// thousands of services drew a block and its tooltip for each (BENCHMARKS.md, plans built to
/// hurt).
const SERVICES_DRAWN: usize = 50;

/// One bar per vSwitch: each service's peak and surge, other IPs, free space, and the warning
/// threshold; red past the usable IPs.
#[function_component(CapacityPanel)]
pub fn capacity_panel(props: &CapacityPanelProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let show_all = use_state(|| false);
    let rows = &*props.rows;
    let busy = |r: &&CapacityRow| !r.services.is_empty() || r.warn || !r.fits;
    let everything = *show_all || rows.len() <= SHOW_ALL_UP_TO;
    let hidden = if everything {
        0
    } else {
        rows.iter().filter(|r| !busy(r)).count()
    };
    let toggle = {
        let s = show_all.clone();
        Callback::from(move |_: MouseEvent| s.set(!*s))
    };
    html! {
        <section class="panel capacity" aria-labelledby="capacity-heading">
            <h2 id="capacity-heading">{w.t("ui.capacity.heading")}</h2>
            <p class="legend">
                <span class="key peak"></span>{w.t("ui.capacity.peak")}
                <span class="key surge"></span>{w.t("ui.capacity.surge")}
                <span class="key other"></span>{w.t("ui.capacity.other_ips")}
                <span class="key free"></span>{w.t("ui.capacity.free")}
                <span class="key threshold"></span>{w.t("ui.capacity.threshold")}
            </p>
            if rows.is_empty() {
                <p class="muted">{w.t("ui.capacity.none")}</p>
            }
            { for rows.iter().filter(|r| everything || busy(r)).map(|r| bar(r, w)) }
            if rows.len() > SHOW_ALL_UP_TO {
                <p class="muted">
                    if hidden > 0 { {w.text("ui.capacity.quiet", args![n = hidden])} }
                    <button type="button" class="link" onclick={toggle}>
                        {w.t(if everything { "ui.capacity.show_busy" } else { "ui.capacity.show_all" })}
                    </button>
                </p>
            }
        </section>
    }
}

fn bar(row: &CapacityRow, w: Words) -> Html {
    let scale = (row.usable.max(row.needed).max(1)) as f64;
    let x = |n: u64| n as f64 / scale * W;
    let mut rects = Vec::new();
    let mut at = 0u64;
    for s in row.services.iter().take(SERVICES_DRAWN) {
        // The IPs this vSwitch counts for the service (its share when it has several), split
        // into the peak's part and the surge's (core's `ServiceUse::parts`).
        let (peak, surge) = s.parts();
        let title = s.needs_in(&w);
        rects.push(html! { <rect class="peak" x={fixed(x(at), 1)} y="0" width={fixed(x(peak), 1)} height="24"><title>{title.clone()}</title></rect> });
        at = at.saturating_add(peak);
        rects.push(html! { <rect class="surge" x={fixed(x(at), 1)} y="0" width={fixed(x(surge), 1)} height="24"><title>{title}</title></rect> });
        at = at.saturating_add(surge);
    }
    // What each service counts here, in words: the share and the units are not in the bar.
    let split: Vec<Html> = (row.services.iter().take(SERVICES_DRAWN))
        .filter(|s| s.vswitches > 1 || s.size > 1)
        .map(|s| html! { <li class="split">{s.needs_in(&w)}</li> })
        .collect();
    // The rest of a crowd of services, as one block.
    let rest = row.services.get(SERVICES_DRAWN..).unwrap_or_default();
    if !rest.is_empty() {
        let ips = rest.iter().fold(0u64, |sum, s| sum.saturating_add(s.ips));
        rects.push(html! { <rect class="peak" x={fixed(x(at), 1)} y="0" width={fixed(x(ips), 1)} height="24"><title>{w.text("ui.capacity.more_services", args![n = rest.len(), ips = ips])}</title></rect> });
        at = at.saturating_add(ips);
    }
    rects.push(html! { <rect class="other" x={fixed(x(at), 1)} y="0" width={fixed(x(row.other_ips), 1)} height="24"><title>{w.text("ui.capacity.other_title", args![n = row.other_ips])}</title></rect> });
    let over = !row.fits;
    let threshold = row.warning_threshold * row.usable as f64;
    let pct = fixed(row.utilization * 100.0, 0);
    let summary = w.text(
        "ui.capacity.summary",
        args![
            needed = row.needed,
            usable = row.usable,
            pct = pct,
            free = row.free
        ],
    );
    let at_path = row.at.clone();
    let go = Callback::from(move |_: MouseEvent| {
        focus_path(&format!("{at_path}.cidr"));
    });
    html! {
        <figure class={classes!("bar", over.then_some("over"), row.warn.then_some("warn"))}>
            <figcaption>
                <button type="button" class="link" onclick={go}><code>{&row.vswitch}</code></button>
                {" "}<code class="muted">{&row.cidr}</code>{" — "}{summary.clone()}
                if let Some(p) = row.smallest_prefix.filter(|_| over) {
                    <span class="hint">{w.text("ui.capacity.at_least", args![prefix = p])}</span>
                }
            </figcaption>
            <svg viewBox={format!("0 0 {} 24", fixed(W, 0))} preserveAspectRatio="none" role="img" aria-label={format!("{}: {summary}", row.vswitch)}>
                <rect class="track" x="0" y="0" width={fixed(x(row.usable), 1)} height="24" />
                { for rects }
                if over {
                    <rect class="overflow" x={fixed(x(row.usable), 1)} y="0" width={fixed(W - x(row.usable), 1)} height="24"><title>{w.text("ui.capacity.overflow", args![n = row.needed - row.usable])}</title></rect>
                }
                <line class="threshold" x1={fixed(threshold / scale * W, 1)} x2={fixed(threshold / scale * W, 1)} y1="0" y2="24" />
            </svg>
            if !split.is_empty() {
                <ul class="splits">{ for split }</ul>
            }
        </figure>
    }
}
