use crate::memo::PlanPart;
use easnet_core::plan::Vpc;
use easnet_core::views::whatif::{answer, Question};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// It offers the VPCs to create the vSwitch in: nothing else of the plan.
#[derive(PartialEq, Properties)]
pub struct WhatIfPanelProps {
    pub vpcs: PlanPart<[Vpc]>,
}

/// What-if: a CIDR and a service's numbers → usable, needed, fits, the smallest prefix that
/// fits, and a free block of the chosen VPC to create it in.
#[function_component(WhatIfPanel)]
pub fn whatif_panel(props: &WhatIfPanelProps) -> Html {
    let q = use_state(|| Question {
        cidr: "192.168.20.0/27".into(),
        instances: Some(6),
        max_instances: Some(20),
        max_surge: "2".into(),
        other_ips: 2,
        ..Question::default()
    });
    let vpc = use_state(|| 0usize);
    let text = |f: fn(&mut Question, String)| {
        let q = q.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*q).clone();
            f(
                &mut next,
                e.target_unchecked_into::<HtmlInputElement>().value(),
            );
            q.set(next)
        })
    };
    let on_vpc = {
        let vpc = vpc.clone();
        Callback::from(move |e: Event| {
            vpc.set(
                e.target_unchecked_into::<HtmlSelectElement>()
                    .value()
                    .parse()
                    .unwrap_or(0),
            )
        })
    };
    let result = answer(&q, props.vpcs.get(*vpc));
    html! {
        <section class="panel whatif" aria-labelledby="whatif-heading">
            <h2 id="whatif-heading">{"What if"}</h2>
            <div class="grid">
                <div class="field"><label for="wi-cidr">{"vSwitch CIDR"}</label>
                    <input id="wi-cidr" class="mono" value={q.cidr.clone()} oninput={text(|q, v| q.cidr = v)} spellcheck="false" /></div>
                <div class="field"><label for="wi-inst">{"Instances"}</label>
                    <input id="wi-inst" inputmode="numeric" value={q.instances.map(|n| n.to_string()).unwrap_or_default()} oninput={text(|q, v| q.instances = v.trim().parse().ok())} /></div>
                <div class="field"><label for="wi-max">{"Autoscaler max"}</label>
                    <input id="wi-max" inputmode="numeric" value={q.max_instances.map(|n| n.to_string()).unwrap_or_default()} oninput={text(|q, v| q.max_instances = v.trim().parse().ok())} /></div>
                <div class="field"><label for="wi-surge">{"Max surge (2 or 20%)"}</label>
                    <input id="wi-surge" value={q.max_surge.clone()} oninput={text(|q, v| q.max_surge = v)} placeholder="default" /></div>
                <div class="field"><label for="wi-other">{"Other IPs"}</label>
                    <input id="wi-other" inputmode="numeric" value={q.other_ips.to_string()} oninput={text(|q, v| q.other_ips = v.trim().parse().unwrap_or(0))} /></div>
                <div class="field"><label for="wi-vpc">{"Create it in VPC"}</label>
                    <select id="wi-vpc" onchange={on_vpc}>
                        { for props.vpcs.iter().enumerate().map(|(i, v)| html! { <option value={i.to_string()} selected={i == *vpc}>{&v.id}</option> }) }
                    </select></div>
            </div>
            <div class="answer" aria-live="polite">
            { match result {
                Err(e) => html! { <p class="issue error">{format!("{}: {}", e.field, e.message)}</p> },
                Ok(a) => html! {
                    <dl>
                        <dt>{"Usable IPs"}</dt><dd>{a.usable}<span class="muted">{format!(" (reserved: {})", a.reserved.join(", "))}</span></dd>
                        <dt>{"Needed"}</dt><dd>{format!("{} = {} peak + {} surge + {} other", a.needed, a.peak, a.surge, a.other_ips)}</dd>
                        <dt>{"Fits"}</dt><dd class={if a.fits { "ok" } else { "bad" }}>{if a.fits { format!("yes, {} free", a.free) } else { format!("no, {} short", a.needed - a.usable) }}</dd>
                        <dt>{"Smallest vSwitch"}</dt><dd>{a.smallest_prefix.map(|p| format!("/{p}")).unwrap_or_else(|| "none: even a /16 is too small".into())}</dd>
                        <dt>{"Free block"}</dt><dd><code>{a.free_block.clone().unwrap_or_else(|| "none free in this VPC".into())}</code></dd>
                    </dl>
                },
            } }
            </div>
        </section>
    }
}
