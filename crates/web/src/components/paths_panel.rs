use easnet_core::analyze::{Flow, Hop, HopKind, HopStatus, ServicePath};
use yew::prelude::*;

use crate::browser::focus_path;
use crate::memo::ReportPart;

/// Redrawn only when the report's paths change: an edit that changes only findings (a
/// region in their commands) leaves this panel as it is.
#[derive(PartialEq, Properties)]
pub struct PathsPanelProps {
    pub paths: ReportPart<[ServicePath]>,
}

fn kind_name(kind: HopKind) -> &'static str {
    match kind {
        HopKind::Service => "service",
        HopKind::VSwitch => "vSwitch",
        HopKind::SecurityGroup => "security group",
        HopKind::RouteTable => "route",
        HopKind::NatGateway => "NAT gateway",
        HopKind::SnatEntry => "SNAT entry",
        HopKind::Eip => "EIP",
        HopKind::Internet => "internet",
        HopKind::Peering => "peering",
        HopKind::ReturnRoute => "return route",
        HopKind::Whitelist => "whitelist",
        HopKind::Target => "target",
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
            <h2 id="paths-heading">{"Paths"}</h2>
            if total == 0 {
                <p class="muted">{"No flows: mark a service as needing the internet, or give it targets."}</p>
            }
            if total > SHOW_ALL_UP_TO {
                <p class="muted">
                    {format!("{total} flows, {broken} blocked. ")}
                    <button type="button" class="link" onclick={toggle}>
                        {if everything { "Show blocked flows only" } else { "Show every flow" }}
                    </button>
                </p>
            }
            { for drawn.iter().map(|(service, flows)| html! {
                <div class="service-paths">
                    <h3>{service.as_str()}</h3>
                    { for by_vswitch(flows).into_iter().map(|(from, flows)| html! {
                        <>
                            if let Some(from) = from {
                                <h4 class="from">{"from "}<code>{from.0}</code>{" "}<span class="muted">{from.1}</span></h4>
                            }
                            { for flows.into_iter().map(flow) }
                        </>
                    }) }
                </div>
            }) }
            if undrawn > 0 {
                <p class="muted">{format!("The first {DRAW_AT_MOST} blocked flows are drawn; {undrawn} more are not. ")}
                    if !everything {
                        <button type="button" class="link" onclick={toggle_all}>{"Show every flow"}</button>
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

fn flow(f: &Flow) -> Html {
    let title = format!(
        "{} — {} {}{}",
        f.name,
        f.protocol.as_str(),
        f.destination,
        f.port.map(|p| format!(":{p}")).unwrap_or_default()
    );
    html! {
        <div class={classes!("flow", if f.ok { "ok" } else { "broken" })}>
            <p class="flow-title">
                <span class="verdict" aria-hidden="true">{if f.ok { "✓" } else { "✗" }}</span>
                <span class="sr-only">{if f.ok { "reachable: " } else { "blocked: " }}</span>
                {title}<span class="muted">{format!(" ({})", f.route.as_str())}</span>
            </p>
            <ol class="hops">{ for f.hops.iter().map(hop) }</ol>
        </div>
    }
}

fn hop(h: &Hop) -> Html {
    let status = match h.status {
        HopStatus::Pass => "pass",
        HopStatus::Fail => "fail",
        HopStatus::Unknown => "unknown",
    };
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
                title={format!("{}: {status}", kind_name(h.kind))}>
                <span class="hop-kind">{kind_name(h.kind)}</span>
                <span class="hop-label">{label}</span>
                if !h.codes.is_empty() {
                    <span class="hop-codes">{h.codes.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(" ")}</span>
                }
                <span class="sr-only">{format!(" ({status})")}</span>
            </button>
        </li>
    }
}
