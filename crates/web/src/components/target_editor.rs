use easnet_core::plan::{Protocol, Target};
use yew::prelude::*;

use crate::list::setter;
use crate::words::Words;

use super::{enum_select, CheckField, NumberField, StringListField, TargetKindChoice, TextField};

#[derive(PartialEq, Properties)]
pub struct TargetEditorProps {
    pub path: AttrValue,
    pub target: Target,
    pub on_change: Callback<Target>,
}

/// A target the service must reach: address, protocol, port, and its own whitelist.
#[function_component(TargetEditor)]
pub fn target_editor(props: &TargetEditorProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let p = &props.path;
    let t = &props.target;
    let set = |f: fn(&mut Target, String)| setter(t, &props.on_change, f);
    let on_port = {
        let (t, cb) = (t.clone(), props.on_change.clone());
        Callback::from(move |v: Option<i64>| {
            cb.emit(Target {
                port: v.map(|n| n.max(0) as u64),
                ..t.clone()
            })
        })
    };
    let on_list = {
        let (t, cb) = (t.clone(), props.on_change.clone());
        Callback::from(move |v: Vec<String>| {
            cb.emit(Target {
                whitelist: Some(v),
                ..t.clone()
            })
        })
    };
    let on_has_list = {
        let (t, cb) = (t.clone(), props.on_change.clone());
        Callback::from(move |on: bool| {
            cb.emit(Target {
                whitelist: on.then(|| t.whitelist.clone().unwrap_or_default()),
                ..t.clone()
            })
        })
    };
    let on_protocol = setter(t, &props.on_change, |t, p: Protocol| t.protocol = p);
    let on_kind = setter(t, &props.on_change, |t, k: TargetKindChoice| t.kind = k.0);
    html! {
        <>
            <div class="grid">
                <TextField path={format!("{p}.name")} label={w.t("ui.target.name")} value={t.name.clone().unwrap_or_default()} placeholder="orders-db"
                    on_change={set(|t, v| t.name = Some(v).filter(|n| !n.is_empty()))} />
                <TextField path={format!("{p}.address")} label={w.t("ui.target.address")} value={t.address.clone()} mono=true placeholder="10.0.5.10"
                    on_change={set(|t, v| t.address = v)} />
                { enum_select(format!("{p}.protocol"), w.t("ui.target.protocol"), t.protocol, on_protocol, w) }
                <NumberField<i64> path={format!("{p}.port")} label={w.t("ui.target.port")} value={t.port.map(|n| n as i64)} on_change={on_port} placeholder="3306" />
            </div>
            <CheckField path={format!("{p}.has_whitelist")} label={w.t("ui.target.has_whitelist")}
                checked={t.whitelist.is_some()} on_change={on_has_list} />
            if let Some(list) = &t.whitelist {
                <StringListField path={format!("{p}.whitelist")} label={w.t("ui.target.whitelist_entry")} items={list.clone()} placeholder="192.168.20.0/24" on_change={on_list} />
                // What holds the list chooses the command that adds to it.
                <div class="grid">
                    { enum_select(format!("{p}.kind"), w.t("ui.field.kind"), TargetKindChoice(t.kind), on_kind, w) }
                    <TextField path={format!("{p}.instance_id")} label={w.t("ui.target.instance_id")} value={t.instance_id.clone().unwrap_or_default()} mono=true placeholder="rm-…, pc-…, r-…, dds-…"
                        on_change={set(|t, v| t.instance_id = Some(v).filter(|s| !s.is_empty()))} />
                </div>
            }
        </>
    }
}
