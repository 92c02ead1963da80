use super::IssueList;
use crate::memo::PlanPart;
use easnet_core::plan::Vpc;
use easnet_core::views::whatif::{answer, Answer, InputError, Question, Split};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// It offers the VPCs to create the vSwitch in: nothing else of the plan.
#[derive(PartialEq, Properties)]
pub struct WhatIfPanelProps {
    pub vpcs: PlanPart<[Vpc]>,
}

/// What-if: a CIDR and a service's numbers (machines per instance, a second vSwitch in another
/// zone) → usable, needed, fits, what each of two vSwitches counts, the smallest prefix that
/// fits, and a free block of the chosen VPC to create it in. A refused input is said under its
/// field.
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
    let error = result.as_ref().err();
    // The refused input's message, under its field (`InputError::field`).
    let issue = |field: &'static str| field_issue(error, field);
    let invalid = |field: &str| error.is_some_and(|e| e.field == field).to_string();
    let has_second = !q.second_cidr.trim().is_empty();
    html! {
        <section class="panel whatif" aria-labelledby="whatif-heading">
            <h2 id="whatif-heading">{"What if"}</h2>
            <div class="grid">
                <div class="field"><label for="wi-cidr">{"vSwitch CIDR"}</label>
                    <input id="wi-cidr" class="mono" value={q.cidr.clone()} oninput={text(|q, v| q.cidr = v)} spellcheck="false"
                        aria-invalid={invalid("cidr")} aria-describedby="issues-whatif-cidr" />
                    { issue("cidr") }</div>
                <div class="field"><label for="wi-inst">{"Instances"}</label>
                    <input id="wi-inst" inputmode="numeric" value={q.instances.map(|n| n.to_string()).unwrap_or_default()} oninput={text(|q, v| q.instances = v.trim().parse().ok())} /></div>
                <div class="field"><label for="wi-max">{"Autoscaler max"}</label>
                    <input id="wi-max" inputmode="numeric" value={q.max_instances.map(|n| n.to_string()).unwrap_or_default()} oninput={text(|q, v| q.max_instances = v.trim().parse().ok())} /></div>
                <div class="field"><label for="wi-surge">{"Max surge (2 or 20%)"}</label>
                    <input id="wi-surge" value={q.max_surge.clone()} oninput={text(|q, v| q.max_surge = v)} placeholder="default"
                        aria-invalid={invalid("max_surge")} aria-describedby="issues-whatif-max_surge" />
                    { issue("max_surge") }</div>
                <div class="field"><label for="wi-unit">{"Machines per instance (unit.size)"}</label>
                    <input id="wi-unit" inputmode="numeric" value={q.unit_size.map(|n| n.to_string()).unwrap_or_default()} oninput={text(|q, v| q.unit_size = v.trim().parse().ok())} placeholder="1"
                        aria-invalid={invalid("unit_size")} aria-describedby="issues-whatif-unit_size" />
                    { issue("unit_size") }</div>
                <div class="field"><label for="wi-other">{"Other IPs"}</label>
                    <input id="wi-other" inputmode="numeric" value={q.other_ips.to_string()} oninput={text(|q, v| q.other_ips = v.trim().parse().unwrap_or(0))} /></div>
                <div class="field"><label for="wi-second">{"Second vSwitch CIDR (optional)"}</label>
                    <input id="wi-second" class="mono" value={q.second_cidr.clone()} oninput={text(|q, v| q.second_cidr = v)} spellcheck="false" placeholder="none: one vSwitch"
                        aria-invalid={invalid("second_cidr")} aria-describedby="issues-whatif-second_cidr" />
                    { issue("second_cidr") }</div>
                if has_second {
                    <div class="field"><label for="wi-other2">{"Other IPs (second vSwitch)"}</label>
                        <input id="wi-other2" inputmode="numeric" value={q.second_other_ips.to_string()} oninput={text(|q, v| q.second_other_ips = v.trim().parse().unwrap_or(0))} /></div>
                }
                <div class="field"><label for="wi-vpc">{"Create it in VPC"}</label>
                    <select id="wi-vpc" onchange={on_vpc}>
                        { for props.vpcs.iter().enumerate().map(|(i, v)| html! { <option value={i.to_string()} selected={i == *vpc}>{&v.id}</option> }) }
                    </select></div>
            </div>
            <div class="answer" aria-live="polite">
            { match &result {
                Err(_) => html! { <p class="muted">{"No answer until the field marked above is corrected."}</p> },
                Ok(a) => answer_list(a),
            } }
            </div>
        </section>
    }
}

/// The message of `error` when it is about `field`, under that field (the page's pattern:
/// `IssueList` with a message of the field's own).
fn field_issue(error: Option<&InputError>, field: &'static str) -> Html {
    let local = error
        .filter(|e| e.field == field)
        .map(|e| AttrValue::from(e.message.clone()));
    html! { <IssueList path={format!("whatif-{field}")} {local} /> }
}

/// "24 = 22 peak + 2 surge + 0 other", or with units "46 = 22 × 2 machines (20 peak + 2 surge) + 2 other".
fn needed_text(a: &Answer) -> String {
    if a.unit_size == 1 {
        format!(
            "{} = {} peak + {} surge + {} other",
            a.needed, a.peak, a.surge, a.other_ips
        )
    } else {
        format!(
            "{} = {} × {} machines ({} peak + {} surge) + {} other",
            a.needed, a.units, a.unit_size, a.peak, a.surge, a.other_ips
        )
    }
}

fn answer_list(a: &Answer) -> Html {
    let alone = if a.split.is_some() { " alone" } else { "" };
    html! {
        <>
        <dl>
            <dt>{"Usable IPs"}</dt><dd>{a.usable}<span class="muted">{format!(" (reserved: {})", a.reserved.join(", "))}</span></dd>
            <dt>{"Needed"}</dt><dd>{needed_text(a)}</dd>
            <dt>{format!("Fits{alone}")}</dt><dd class={if a.fits { "ok" } else { "bad" }}>{if a.fits { format!("yes, {} free", a.free) } else { format!("no, {} short", a.needed - a.usable) }}</dd>
            if let Some(split) = &a.split {
                { split_rows(split) }
            }
            <dt>{"Smallest vSwitch"}</dt><dd>{a.smallest_prefix.map(|p| format!("/{p}{}", if alone.is_empty() { "" } else { " to take all of it alone" })).unwrap_or_else(|| "none: even a /16 is too small".into())}</dd>
            <dt>{"Free block"}</dt><dd><code>{a.free_block.clone().unwrap_or_else(|| "none free in this VPC".into())}</code></dd>
        </dl>
        if let Some(split) = &a.split {
            <ul class="whatif-warnings">
                { for split.warnings(easnet_core::i18n::Catalogue::english()).into_iter().map(|w| html! { <li class="issue warning">{w}</li> }) }
            </ul>
        }
        </>
    }
}

/// One row per vSwitch of two: its share of the service and whether that fits.
fn split_rows(split: &Split) -> Html {
    html! {
        <>
        { for split.vswitches.iter().enumerate().map(|(i, v)| html! {
            <>
            <dt>{format!("vSwitch {}", i + 1)}</dt>
            <dd>
                <code>{&v.cidr}</code>
                {format!(": share {} of {} + {} other = {} of {} usable, ", v.share, split.service_ips, v.other_ips, v.needed, v.usable)}
                <span class={if v.fits { "ok" } else { "bad" }}>{if v.fits { format!("fits, {} free", v.free) } else { "does not fit".to_owned() }}</span>
            </dd>
            </>
        }) }
        </>
    }
}
