use super::IssueList;
use crate::memo::PlanPart;
use crate::words::Words;
use easnet_core::args;
use easnet_core::plan::Vpc;
use easnet_core::views::whatif::{answer_in, Answer, InputError, Question, Split};
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
    let w = use_context::<Words>().unwrap_or_default();
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
    let result = answer_in(&q, props.vpcs.get(*vpc), &w);
    let error = result.as_ref().err();
    // The refused input's message, under its field (`InputError::field`).
    let issue = |field: &'static str| field_issue(error, field);
    let invalid = |field: &str| error.is_some_and(|e| e.field == field).to_string();
    let has_second = !q.second_cidr.trim().is_empty();
    html! {
        <section class="panel whatif" aria-labelledby="whatif-heading">
            <h2 id="whatif-heading">{w.t("ui.whatif.heading")}</h2>
            <div class="grid">
                <div class="field"><label for="wi-cidr">{w.t("ui.whatif.cidr")}</label>
                    <input id="wi-cidr" class="mono" value={q.cidr.clone()} oninput={text(|q, v| q.cidr = v)} spellcheck="false"
                        aria-invalid={invalid("cidr")} aria-describedby="issues-whatif-cidr" />
                    { issue("cidr") }</div>
                <div class="field"><label for="wi-inst">{w.t("ui.field.instances")}</label>
                    <input id="wi-inst" inputmode="numeric" value={q.instances.map(|n| n.to_string()).unwrap_or_default()} oninput={text(|q, v| q.instances = v.trim().parse().ok())} /></div>
                <div class="field"><label for="wi-max">{w.t("ui.field.autoscaler_max")}</label>
                    <input id="wi-max" inputmode="numeric" value={q.max_instances.map(|n| n.to_string()).unwrap_or_default()} oninput={text(|q, v| q.max_instances = v.trim().parse().ok())} /></div>
                <div class="field"><label for="wi-surge">{w.t("ui.field.max_surge")}</label>
                    <input id="wi-surge" value={q.max_surge.clone()} oninput={text(|q, v| q.max_surge = v)} placeholder={w.t("ui.whatif.default")}
                        aria-invalid={invalid("max_surge")} aria-describedby="issues-whatif-max_surge" />
                    { issue("max_surge") }</div>
                <div class="field"><label for="wi-unit">{w.t("ui.field.unit_size")}</label>
                    <input id="wi-unit" inputmode="numeric" value={q.unit_size.map(|n| n.to_string()).unwrap_or_default()} oninput={text(|q, v| q.unit_size = v.trim().parse().ok())} placeholder="1"
                        aria-invalid={invalid("unit_size")} aria-describedby="issues-whatif-unit_size" />
                    { issue("unit_size") }</div>
                <div class="field"><label for="wi-other">{w.t("ui.whatif.other_ips")}</label>
                    <input id="wi-other" inputmode="numeric" value={q.other_ips.to_string()} oninput={text(|q, v| q.other_ips = v.trim().parse().unwrap_or(0))} /></div>
                <div class="field"><label for="wi-second">{w.t("ui.whatif.second")}</label>
                    <input id="wi-second" class="mono" value={q.second_cidr.clone()} oninput={text(|q, v| q.second_cidr = v)} spellcheck="false" placeholder={w.t("ui.whatif.second_none")}
                        aria-invalid={invalid("second_cidr")} aria-describedby="issues-whatif-second_cidr" />
                    { issue("second_cidr") }</div>
                if has_second {
                    <div class="field"><label for="wi-other2">{w.t("ui.whatif.other2")}</label>
                        <input id="wi-other2" inputmode="numeric" value={q.second_other_ips.to_string()} oninput={text(|q, v| q.second_other_ips = v.trim().parse().unwrap_or(0))} /></div>
                }
                <div class="field"><label for="wi-vpc">{w.t("ui.whatif.vpc")}</label>
                    <select id="wi-vpc" onchange={on_vpc}>
                        { for props.vpcs.iter().enumerate().map(|(i, v)| html! { <option value={i.to_string()} selected={i == *vpc}>{&v.id}</option> }) }
                    </select></div>
            </div>
            <div class="answer" aria-live="polite">
            { match &result {
                Err(_) => html! { <p class="muted">{w.t("ui.whatif.no_answer")}</p> },
                Ok(a) => answer_list(a, w),
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
fn needed_text(a: &Answer, w: Words) -> String {
    let (needed, peak, surge, other) = (a.needed, a.peak, a.surge, a.other_ips);
    if a.unit_size == 1 {
        w.text(
            "ui.whatif.needed",
            args![needed = needed, peak = peak, surge = surge, other = other],
        )
    } else {
        let (units, size) = (a.units, a.unit_size);
        w.text(
            "ui.whatif.needed_units",
            args![
                needed = needed,
                units = units,
                size = size,
                peak = peak,
                surge = surge,
                other = other
            ],
        )
    }
}

fn answer_list(a: &Answer, w: Words) -> Html {
    let alone = a.split.is_some();
    let fits = if a.fits {
        w.text("ui.whatif.yes", args![free = a.free])
    } else {
        w.text("ui.whatif.no", args![short = a.needed - a.usable])
    };
    let smallest = match a.smallest_prefix {
        Some(p) if alone => w.text("ui.whatif.smallest_alone", args![prefix = p]),
        Some(p) => format!("/{p}"),
        None => w.text("ui.whatif.smallest_none", &[]),
    };
    html! {
        <>
        <dl>
            <dt>{w.t("ui.whatif.usable")}</dt><dd>{a.usable}<span class="muted">{w.text("ui.whatif.reserved", args![list = a.reserved.join(&w.t("words.list_separator"))])}</span></dd>
            <dt>{w.t("ui.whatif.needed_label")}</dt><dd>{needed_text(a, w)}</dd>
            <dt>{w.t(if alone { "ui.whatif.fits_alone" } else { "ui.whatif.fits" })}</dt><dd class={if a.fits { "ok" } else { "bad" }}>{fits}</dd>
            if let Some(split) = &a.split {
                { split_rows(split, w) }
            }
            <dt>{w.t("ui.whatif.smallest")}</dt><dd>{smallest}</dd>
            <dt>{w.t("ui.whatif.free_block")}</dt><dd>{match &a.free_block {
                Some(block) => html! { <code>{block}</code> },
                None => html! { w.t("ui.whatif.no_free_block") },
            }}</dd>
        </dl>
        if let Some(split) = &a.split {
            <ul class="whatif-warnings">
                { for split.warnings(&w).into_iter().map(|line| html! { <li class="issue warning">{line}</li> }) }
            </ul>
        }
        </>
    }
}

/// One row per vSwitch of two: its share of the service and whether that fits.
fn split_rows(split: &Split, w: Words) -> Html {
    html! {
        <>
        { for split.vswitches.iter().enumerate().map(|(i, v)| html! {
            <>
            <dt>{w.text("ui.whatif.vswitch_n", args![n = i + 1])}</dt>
            <dd>
                <code>{&v.cidr}</code>
                {w.text("ui.whatif.share", args![share = v.share, ips = split.service_ips, other = v.other_ips, needed = v.needed, usable = v.usable])}
                <span class={if v.fits { "ok" } else { "bad" }}>{if v.fits { w.text("ui.whatif.share_fits", args![free = v.free]) } else { w.text("ui.whatif.share_no", &[]) }}</span>
            </dd>
            </>
        }) }
        </>
    }
}
