use easnet_core::plan::VSwitch;
use yew::prelude::*;

use crate::list::setter;
use crate::words::Words;

use super::{NumberField, SelectField, TextField};

#[derive(PartialEq, Properties)]
pub struct VSwitchEditorProps {
    pub path: AttrValue,
    pub vswitch: VSwitch,
    /// The route tables of the VPC, for the drop-down.
    pub route_tables: Vec<String>,
    pub on_change: Callback<VSwitch>,
}

#[function_component(VSwitchEditor)]
pub fn vswitch_editor(props: &VSwitchEditorProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let p = &props.path;
    let edit = |f: fn(&mut VSwitch, String)| setter(&props.vswitch, &props.on_change, f);
    let other = {
        let (vsw, cb) = (props.vswitch.clone(), props.on_change.clone());
        Callback::from(move |v: Option<i64>| {
            cb.emit(VSwitch {
                other_ips: v.map_or(0, |n| n.max(0) as u64),
                ..vsw.clone()
            })
        })
    };
    let mut tables = vec![(String::new(), w.text("ui.vswitch.system_table", &[]))];
    tables.extend(props.route_tables.iter().map(|t| (t.clone(), t.clone())));
    let v = &props.vswitch;
    html! {
        <div class="grid">
            <TextField path={format!("{p}.id")} label={w.t("ui.vswitch.id")} value={v.id.clone()} mono=true placeholder="vsw-…"
                on_change={edit(|s, v| s.id = v)} />
            <TextField path={format!("{p}.zone")} label={w.t("ui.vswitch.zone")} value={v.zone.clone().unwrap_or_default()} placeholder="cn-hangzhou-h"
                on_change={edit(|s, v| s.zone = Some(v).filter(|z| !z.is_empty()))} />
            <TextField path={format!("{p}.cidr")} label={w.t("ui.field.cidr")} value={v.cidr.clone()} mono=true placeholder="10.0.1.0/24"
                on_change={edit(|s, v| s.cidr = v)} />
            <SelectField path={format!("{p}.route_table")} label={w.t("ui.vswitch.route_table")} value={v.route_table.clone().unwrap_or_default()}
                options={tables} on_change={edit(|s, v| s.route_table = Some(v).filter(|t| !t.is_empty()))} />
            <NumberField<i64> path={format!("{p}.other_ips")} label={w.t("ui.vswitch.other_ips")} value={Some(v.other_ips as i64)}
                on_change={other} />
        </div>
    }
}
