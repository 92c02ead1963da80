use easnet_core::plan::{EgressRule, Policy, Protocol, SecurityGroup, SecurityGroupKind};
use yew::prelude::*;

use super::{enum_select, ItemActions, NumberField, TextField};
use crate::browser::field_id;
use crate::list::{appended, duplicated, removed, replaced, setter};
use crate::words::Words;
use easnet_core::args;

#[derive(PartialEq, Properties)]
pub struct SecurityGroupEditorProps {
    pub path: AttrValue,
    pub group: SecurityGroup,
    pub on_change: Callback<SecurityGroup>,
}

#[function_component(SecurityGroupEditor)]
pub fn security_group_editor(props: &SecurityGroupEditorProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let p = &props.path;
    let g = &props.group;
    let on_id = setter(g, &props.on_change, |o: &mut SecurityGroup, v: String| {
        o.id = v
    });
    let on_kind = setter(g, &props.on_change, |o, k: SecurityGroupKind| o.kind = k);
    let set_rules = setter(
        g,
        &props.on_change,
        |o: &mut SecurityGroup, v: Vec<EgressRule>| o.egress = v,
    );
    let add = {
        let (rules, cb) = (g.egress.clone(), set_rules.clone());
        Callback::from(move |_: MouseEvent| {
            cb.emit(appended(
                &rules,
                EgressRule {
                    policy: Policy::Accept,
                    priority: 1,
                    protocol: Protocol::Tcp,
                    port_range: Some("443/443".into()),
                    destination: "0.0.0.0/0".into(),
                },
            ))
        })
    };
    html! {
        <>
            <div class="grid">
                <TextField path={format!("{p}.id")} label={w.t("ui.sg.id")} value={g.id.clone()} mono=true placeholder="sg-…" on_change={on_id} />
                { enum_select(format!("{p}.kind"), w.t("ui.sg.kind"), g.kind, on_kind, w) }
            </div>
            <div class="rows" id={field_id(&format!("{p}.egress"))} tabindex="-1">
                <h5>{w.t("ui.sg.egress")}</h5>
                if g.egress.is_empty() {
                    <p class="muted">{w.t(if g.kind == SecurityGroupKind::Basic { "ui.sg.none_basic" } else { "ui.sg.none_enterprise" })}</p>
                }
                { for g.egress.iter().enumerate().map(|(i, rule)| {
                    let rp = format!("{p}.egress[{i}]");
                    let on_rule = { let (rules, cb) = (g.egress.clone(), set_rules.clone()); Callback::from(move |next: EgressRule| cb.emit(replaced(&rules, i, next))) };
                    let edit = |f: fn(&mut EgressRule, String)| setter(rule, &on_rule, f);
                    let on_policy = setter(rule, &on_rule, |r, v: Policy| r.policy = v);
                    let priority = setter(rule, &on_rule, |r, v: Option<i64>| r.priority = v.unwrap_or(1));
                    let on_protocol = setter(rule, &on_rule, |r, v: Protocol| r.protocol = v);
                    let dup = { let (rules, cb) = (g.egress.clone(), set_rules.clone()); Callback::from(move |_| cb.emit(duplicated(&rules, i))) };
                    let del = { let (rules, cb) = (g.egress.clone(), set_rules.clone()); Callback::from(move |_| cb.emit(removed(&rules, i))) };
                    html! {
                        <div class="row" key={i} id={field_id(&rp)} tabindex="-1">
                            { enum_select(format!("{rp}.policy"), w.t("ui.sg.policy"), rule.policy, on_policy, w) }
                            <NumberField<i64> path={format!("{rp}.priority")} label={w.t("ui.sg.priority")} value={Some(rule.priority)} on_change={priority} />
                            { enum_select(format!("{rp}.protocol"), w.t("ui.sg.protocol"), rule.protocol, on_protocol, w) }
                            <TextField path={format!("{rp}.port_range")} label={w.t("ui.sg.ports")} value={rule.port_range.clone().unwrap_or_else(|| "-1/-1".into())} mono=true
                                placeholder="443/443" on_change={edit(|r, v| r.port_range = Some(v))} />
                            <TextField path={format!("{rp}.destination")} label={w.t("ui.sg.destination")} value={rule.destination.clone()} mono=true
                                placeholder="0.0.0.0/0" on_change={edit(|r, v| r.destination = v)} />
                            <ItemActions what={w.text("ui.sg.what", args![n = i + 1])} on_duplicate={dup} on_delete={del} />
                        </div>
                    }
                }) }
                <button type="button" class="small" onclick={add}>{w.t("ui.sg.add")}</button>
            </div>
        </>
    }
}
