use easnet_core::plan::{EgressRule, Policy, Protocol, SecurityGroup, SecurityGroupKind};
use yew::prelude::*;

use super::{ItemActions, NumberField, SelectField, TextField};
use crate::browser::field_id;
use crate::list::{appended, duplicated, removed, replaced, setter};

#[derive(PartialEq, Properties)]
pub struct SecurityGroupEditorProps {
    pub path: AttrValue,
    pub group: SecurityGroup,
    pub on_change: Callback<SecurityGroup>,
}

fn protocol_of(v: &str) -> Protocol {
    match v {
        "udp" => Protocol::Udp,
        "icmp" => Protocol::Icmp,
        "gre" => Protocol::Gre,
        "all" => Protocol::All,
        _ => Protocol::Tcp,
    }
}

fn options(list: &[&str]) -> Vec<(String, String)> {
    list.iter()
        .map(|s| ((*s).to_owned(), (*s).to_owned()))
        .collect()
}

#[function_component(SecurityGroupEditor)]
pub fn security_group_editor(props: &SecurityGroupEditorProps) -> Html {
    let p = &props.path;
    let g = &props.group;
    let on_id = setter(g, &props.on_change, |o: &mut SecurityGroup, v: String| {
        o.id = v
    });
    let on_kind = {
        let (g, cb) = (g.clone(), props.on_change.clone());
        Callback::from(move |k: String| {
            cb.emit(SecurityGroup {
                kind: if k == "enterprise" {
                    SecurityGroupKind::Enterprise
                } else {
                    SecurityGroupKind::Basic
                },
                ..g.clone()
            })
        })
    };
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
                <TextField path={format!("{p}.id")} label="Security group ID" value={g.id.clone()} mono=true placeholder="sg-…" on_change={on_id} />
                <SelectField path={format!("{p}.kind")} label="Kind (basic accepts by default, enterprise drops)"
                    value={if g.kind == SecurityGroupKind::Enterprise { "enterprise" } else { "basic" }}
                    options={options(&["basic", "enterprise"])} on_change={on_kind} />
            </div>
            <div class="rows" id={field_id(&format!("{p}.egress"))} tabindex="-1">
                <h5>{"Egress rules"}</h5>
                if g.egress.is_empty() {
                    <p class="muted">{if g.kind == SecurityGroupKind::Basic { "No rules: a basic group accepts all egress." } else { "No rules: an enterprise group drops all egress." }}</p>
                }
                { for g.egress.iter().enumerate().map(|(i, rule)| {
                    let rp = format!("{p}.egress[{i}]");
                    let edit = |f: fn(&mut EgressRule, String)| {
                        let (rules, rule, cb) = (g.egress.clone(), rule.clone(), set_rules.clone());
                        Callback::from(move |v: String| { let mut next = rule.clone(); f(&mut next, v); cb.emit(replaced(&rules, i, next)) })
                    };
                    let priority = {
                        let (rules, rule, cb) = (g.egress.clone(), rule.clone(), set_rules.clone());
                        Callback::from(move |v: Option<i64>| cb.emit(replaced(&rules, i, EgressRule { priority: v.unwrap_or(1), ..rule.clone() })))
                    };
                    let dup = { let (rules, cb) = (g.egress.clone(), set_rules.clone()); Callback::from(move |_| cb.emit(duplicated(&rules, i))) };
                    let del = { let (rules, cb) = (g.egress.clone(), set_rules.clone()); Callback::from(move |_| cb.emit(removed(&rules, i))) };
                    html! {
                        <div class="row" key={i} id={field_id(&rp)} tabindex="-1">
                            <SelectField path={format!("{rp}.policy")} label="Policy" value={if rule.policy == Policy::Drop { "drop" } else { "accept" }}
                                options={options(&["accept", "drop"])} on_change={edit(|r, v| r.policy = if v == "drop" { Policy::Drop } else { Policy::Accept })} />
                            <NumberField<i64> path={format!("{rp}.priority")} label="Priority (1 wins)" value={Some(rule.priority)} on_change={priority} />
                            <SelectField path={format!("{rp}.protocol")} label="Protocol" value={rule.protocol.as_str()}
                                options={options(&["tcp", "udp", "icmp", "gre", "all"])} on_change={edit(|r, v| r.protocol = protocol_of(&v))} />
                            <TextField path={format!("{rp}.port_range")} label="Ports" value={rule.port_range.clone().unwrap_or_else(|| "-1/-1".into())} mono=true
                                placeholder="443/443" on_change={edit(|r, v| r.port_range = Some(v))} />
                            <TextField path={format!("{rp}.destination")} label="Destination" value={rule.destination.clone()} mono=true
                                placeholder="0.0.0.0/0" on_change={edit(|r, v| r.destination = v)} />
                            <ItemActions what={format!("rule {}", i + 1)} on_duplicate={dup} on_delete={del} />
                        </div>
                    }
                }) }
                <button type="button" class="small" onclick={add}>{"+ Egress rule"}</button>
            </div>
        </>
    }
}
