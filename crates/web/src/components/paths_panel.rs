use easnet_core::analyze::{Flow, FlowRoute, Hop, HopKind, HopStatus, ServicePath};
use easnet_core::args;
use yew::prelude::*;

use crate::browser::focus_path;
use crate::memo::ReportPart;
use crate::words::Words;

/// Redrawn only when the report's paths change: an edit that changes only findings (a
/// region in their commands) leaves this panel as it is.
#[derive(PartialEq, Properties)]
pub struct PathsPanelProps {
    pub paths: ReportPart<[ServicePath]>,
}

/// The key of a hop's kind in words.
fn kind_name(kind: HopKind) -> &'static str {
    match kind {
        HopKind::Service => "ui.hop.service",
        HopKind::VSwitch => "ui.hop.vswitch",
        HopKind::SecurityGroup => "ui.hop.security_group",
        HopKind::RouteTable => "ui.hop.route",
        HopKind::NatGateway => "ui.hop.nat_gateway",
        HopKind::SnatEntry => "ui.hop.snat_entry",
        HopKind::Eip => "ui.hop.eip",
        HopKind::Internet => "ui.hop.internet",
        HopKind::Peering => "ui.hop.peering",
        HopKind::ReturnRoute => "ui.hop.return_route",
        HopKind::Whitelist => "ui.hop.whitelist",
        HopKind::Target => "ui.hop.target",
    }
}

/// Past this many flows, only the blocked ones are drawn until the user asks for all.
const SHOW_ALL_UP_TO: usize = 40;

/// Of the blocked flows, at most this many are drawn until the user asks for all: thousands
/// of services through one broken NAT gateway are thousands of blocked flows, which took
/// seconds to draw (BENCHMARKS.md, plans built to hurt).
const DRAW_AT_MOST: usize = 200;

/// Per service, each flow as a chain of hops: green passes, red fails (with the codes that
/// stop it), grey not reached.
#[function_component(PathsPanel)]
pub fn paths_panel(props: &PathsPanelProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let show_all = use_state(|| false);
    let paths = &*props.paths;
    let total: usize = paths.iter().map(|p| p.flows.len()).sum();
    let broken: usize = paths
        .iter()
        .flat_map(|p| &p.flows)
        .filter(|f| !f.ok)
        .count();
    let everything = *show_all || total <= SHOW_ALL_UP_TO;
    // The flows to draw, by service: every flow when asked, else the blocked ones, at most
    // DRAW_AT_MOST of them.
    let budget = if everything { usize::MAX } else { DRAW_AT_MOST };
    let mut drawn: Vec<(&String, Vec<&Flow>)> = Vec::new();
    let mut count = 0;
    for p in paths {
        let flows: Vec<&Flow> = (p.flows.iter())
            .filter(|f| everything || !f.ok)
            .take(budget - count)
            .collect();
        count += flows.len();
        if !flows.is_empty() {
            drawn.push((&p.service, flows));
        }
    }
    let undrawn = if everything { 0 } else { broken - count };
    let toggle_all = {
        let s = show_all.clone();
        Callback::from(move |_: MouseEvent| s.set(true))
    };
    let toggle = {
        let s = show_all.clone();
        Callback::from(move |_: MouseEvent| s.set(!*s))
    };
    html! {
        <section class="panel paths" aria-labelledby="paths-heading">
            <h2 id="paths-heading">{w.t("ui.paths.heading")}</h2>
            if total == 0 {
                <p class="muted">{w.t("ui.paths.none")}</p>
            }
            if total > SHOW_ALL_UP_TO {
                <p class="muted">
                    {w.text("ui.paths.counts", args![total = total, broken = broken])}
                    <button type="button" class="link" onclick={toggle}>
                        {w.text(if everything { "ui.paths.show_blocked" } else { "ui.paths.show_all" }, &[])}
                    </button>
                </p>
            }
            { for drawn.iter().map(|(service, flows)| html! {
                <div class="service-paths">
                    <h3 translate="no">{service.as_str()}</h3>
                    { for by_vswitch(flows).into_iter().map(|(from, flows)| html! {
                        <>
                            if let Some(from) = from {
                                <h4 class="from">{w.t("ui.paths.from")}<code>{from.0}</code>{" "}<span class="muted" translate="no">{from.1}</span></h4>
                            }
                            { for flows.into_iter().map(|f| flow(f, w)) }
                        </>
                    }) }
                </div>
            }) }
            if undrawn > 0 {
                <p class="muted">{w.text("ui.paths.first_drawn", args![drawn = DRAW_AT_MOST, undrawn = undrawn])}
                    if !everything {
                        <button type="button" class="link" onclick={toggle_all}>{w.t("ui.paths.show_all")}</button>
                    }
                </p>
            }
        </section>
    }
}

/// Flows that start from one vSwitch: its ID and CIDR (`None`: no heading), and the flows.
type Group<'a> = (Option<(&'a str, &'a str)>, Vec<&'a Flow>);

/// The flows of one service grouped by the vSwitch they start from, each group headed by
/// that vSwitch and its CIDR when the service starts from several (plan-format.md, "Several
/// vSwitches"); one group without a heading otherwise.
fn by_vswitch<'a>(flows: &[&'a Flow]) -> Vec<Group<'a>> {
    let mut groups: Vec<Group> = Vec::new();
    for &f in flows {
        let from = f
            .vswitch
            .as_deref()
            .map(|v| (v, f.source_cidr.as_deref().unwrap_or_default()));
        match groups
            .iter_mut()
            .find(|(g, _)| g.map(|g| g.0) == from.map(|f| f.0))
        {
            Some((_, list)) => list.push(f),
            None => groups.push((from, vec![f])),
        }
    }
    if groups.len() == 1 {
        groups[0].0 = None;
    }
    groups
}

fn flow(f: &Flow, w: Words) -> Html {
    let title = format!(
        "{} — {} {}{}",
        f.name,
        f.protocol.as_str(),
        f.destination,
        f.port.map(|p| format!(":{p}")).unwrap_or_default()
    );
    let route = match f.route {
        FlowRoute::Internet => "ui.paths.route_internet",
        FlowRoute::Private => "ui.paths.route_private",
        FlowRoute::Unknown => "ui.paths.route_unknown",
    };
    html! {
        <div class={classes!("flow", if f.ok { "ok" } else { "broken" })}>
            <p class="flow-title">
                <span class="verdict" aria-hidden="true">{if f.ok { "✓" } else { "✗" }}</span>
                <span class="sr-only">{w.text(if f.ok { "ui.paths.reachable" } else { "ui.paths.blocked" }, &[])}</span>
                {title}<span class="muted">{w.t(route)}</span>
            </p>
            <ol class="hops">{ for f.hops.iter().map(|h| hop(h, w)) }</ol>
        </div>
    }
}

fn hop(h: &Hop, w: Words) -> Html {
    let (status, said) = match h.status {
        HopStatus::Pass => ("pass", "ui.hop.pass"),
        HopStatus::Fail => ("fail", "ui.hop.fail"),
        HopStatus::Unknown => ("unknown", "ui.hop.unknown"),
    };
    let (kind, said) = (w.t(kind_name(h.kind)), w.t(said));
    let go = h.at.clone().map(|at| {
        Callback::from(move |_: MouseEvent| {
            focus_path(&at);
        })
    });
    let label = if h.label.is_empty() {
        "—".to_owned()
    } else {
        h.label.clone()
    };
    html! {
        <li class={classes!("hop", status)}>
            <button type="button" class="hop-box" onclick={go} disabled={h.at.is_none()}
                title={w.text("ui.hop.title", args![kind = kind, status = said])}>
                <span class="hop-kind">{kind}</span>
                <span class="hop-label">{label}</span>
                if !h.codes.is_empty() {
                    <span class="hop-codes">{h.codes.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(" ")}</span>
                }
                <span class="sr-only">{w.text("ui.hop.status", args![status = said])}</span>
            </button>
        </li>
    }
}
