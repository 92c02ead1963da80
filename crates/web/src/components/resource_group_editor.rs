use easnet_core::plan::{Networking, ResourceGroup, Vpc};
use yew::prelude::*;

use crate::list::setter;
use crate::memo::PlanPart;
use crate::words::Words;

use super::{SelectField, TextField, VSwitchPicker};

#[derive(PartialEq, Properties)]
pub struct ResourceGroupEditorProps {
    /// First: the item list makes it anew on each of its redraws, so comparing it first
    /// spares comparing the rest.
    pub on_change: Callback<ResourceGroup>,
    pub path: AttrValue,
    pub group: ResourceGroup,
    /// The plan's VPCs, for the drop-downs of VPCs, vSwitches and security groups.
    pub vpcs: PlanPart<[Vpc]>,
}

/// A dedicated resource group and its VPC direct connection (the default networking of the
/// services that run on it).
#[function_component(ResourceGroupEditor)]
pub fn resource_group_editor(props: &ResourceGroupEditorProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let p = &props.path;
    let g = &props.group;
    let net = g.networking.clone().unwrap_or_default();
    let on_id = setter(g, &props.on_change, |o: &mut ResourceGroup, v: String| {
        o.id = v
    });
    let set = |f: fn(&mut Networking, Option<String>)| {
        let (g, cb) = (g.clone(), props.on_change.clone());
        Callback::from(move |v: String| {
            let mut net = g.networking.clone().unwrap_or_default();
            f(&mut net, Some(v).filter(|s| !s.is_empty()));
            cb.emit(ResourceGroup {
                networking: Some(net).filter(|n| *n != Networking::default()),
                ..g.clone()
            })
        })
    };
    let on_vswitches = {
        let (g, cb) = (g.clone(), props.on_change.clone());
        Callback::from(move |list: Option<String>| {
            let mut net = g.networking.clone().unwrap_or_default();
            net.vswitch_id = list;
            cb.emit(ResourceGroup {
                networking: Some(net).filter(|n| *n != Networking::default()),
                ..g.clone()
            })
        })
    };
    let none = || vec![(String::new(), w.text("ui.select.none", &[]))];
    let mut vpcs = none();
    let mut sgs = none();
    for vpc in props.vpcs.iter() {
        vpcs.push((vpc.id.clone(), vpc.id.clone()));
        if net.vpc_id.as_deref().is_none_or(|id| id == vpc.id) {
            sgs.extend(
                vpc.security_groups
                    .iter()
                    .map(|s| (s.id.clone(), s.id.clone())),
            );
        }
    }
    let np = format!("{p}.networking");
    html! {
        <>
        <div class="grid">
            <TextField path={format!("{p}.id")} label={w.t("ui.rg.id")} value={g.id.clone()} mono=true placeholder="eas-r-…" on_change={on_id} />
            <SelectField path={format!("{np}.vpc_id")} label={w.t("ui.field.vpc")} value={net.vpc_id.clone().unwrap_or_default()} options={vpcs} on_change={set(|n, v| n.vpc_id = v)} />
            <SelectField path={format!("{np}.security_group_id")} label={w.t("ui.field.security_group")} value={net.security_group_id.clone().unwrap_or_default()} options={sgs} on_change={set(|n, v| n.security_group_id = v)} />
            <TextField path={format!("{np}.default_route")} label={w.t("ui.field.default_route")} value={net.default_route.clone().unwrap_or_default()}
                mono=true placeholder={w.t("ui.field.default_route_unset")} suggestions={vec!["eth1".to_owned(), "eth0".to_owned()]} on_change={set(|n, v| n.default_route = v)} />
            <TextField path={format!("{np}.destination_cidrs")} label={w.t("ui.field.destination_cidrs")} value={net.destination_cidrs.clone().unwrap_or_default()}
                mono=true placeholder="10.0.0.0/8,172.16.0.0/12" on_change={set(|n, v| n.destination_cidrs = v)} />
        </div>
        <VSwitchPicker on_change={on_vswitches} path={format!("{np}.vswitch_id")} value={net.vswitch_id.clone().map(AttrValue::from)}
            vpc_id={net.vpc_id.clone().map(AttrValue::from)} vpcs={props.vpcs.clone()} />
        </>
    }
}
