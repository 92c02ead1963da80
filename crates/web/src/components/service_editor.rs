use easnet_core::plan::{service_edit, ResourceGroup, ServiceEntry, ServiceSpec, Target, Vpc};
use serde_json::Value;
use yew::prelude::*;

use crate::list::setter;

use super::{
    CheckField, ItemList, NumberField, SelectField, TargetEditor, TextField, VSwitchPicker,
};
use crate::memo::PlanPart;
use crate::words::Words;

#[derive(PartialEq, Properties)]
pub struct ServiceEditorProps {
    /// First: the item list makes it anew on each of its redraws, so comparing it first
    /// spares comparing the rest.
    pub on_change: Callback<ServiceEntry>,
    /// `services[i]`.
    pub path: AttrValue,
    pub entry: ServiceEntry,
    /// The plan's VPCs, for the drop-downs of VPCs, vSwitches and security groups.
    pub vpcs: PlanPart<[Vpc]>,
    /// The plan's resource groups, for their drop-down.
    pub resource_groups: PlanPart<[ResourceGroup]>,
}

/// `2` → 2, `20%` → "20%", empty → absent, anything else kept as text (CAP003 explains it).
fn surge_value(text: String) -> Option<Value> {
    let t = text.trim();
    if t.is_empty() {
        None
    } else if let Ok(n) = t.parse::<u64>() {
        Some(Value::from(n))
    } else {
        Some(Value::String(text))
    }
}

fn shown(v: Option<Value>) -> String {
    match v {
        Some(Value::String(s)) => s,
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

#[function_component(ServiceEditor)]
pub fn service_editor(props: &ServiceEditorProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let p = &props.path;
    let sp = format!("{p}.service");
    let entry = &props.entry;
    let value = entry.service.value().unwrap_or_default();
    let spec = ServiceSpec::read(&value, "").unwrap_or_default();
    let net = spec.networking.clone().unwrap_or_default();

    // Sets one field of the service JSON.
    let field = |path: &'static [&'static str], to: fn(String) -> Option<Value>| {
        let (entry, cb) = (entry.clone(), props.on_change.clone());
        Callback::from(move |text: String| {
            cb.emit(ServiceEntry {
                service: service_edit::set(&entry.service, path, to(text)),
                ..entry.clone()
            })
        })
    };
    let number = |path: &'static [&'static str]| {
        let (entry, cb) = (entry.clone(), props.on_change.clone());
        Callback::from(move |n: Option<i64>| {
            cb.emit(ServiceEntry {
                service: service_edit::set(&entry.service, path, n.map(Value::from)),
                ..entry.clone()
            })
        })
    };
    let text = |s: String| Some(s).filter(|s| !s.is_empty()).map(Value::String);
    // The networking IDs are spliced into the user's text, every other byte kept.
    let network = |path: &'static [&'static str]| {
        let (entry, cb) = (entry.clone(), props.on_change.clone());
        Callback::from(move |id: String| {
            cb.emit(ServiceEntry {
                service: service_edit::set_networking_id(&entry.service, path, Some(id)),
                ..entry.clone()
            })
        })
    };
    // The vSwitch list too: picked by the checkboxes, spliced like the other IDs.
    let on_vswitches = {
        let (entry, cb) = (entry.clone(), props.on_change.clone());
        Callback::from(move |list: Option<String>| {
            cb.emit(ServiceEntry {
                service: service_edit::set_networking_id(
                    &entry.service,
                    service_edit::VSWITCH_ID,
                    list,
                ),
                ..entry.clone()
            })
        })
    };
    let on_internet = {
        let (entry, cb) = (entry.clone(), props.on_change.clone());
        Callback::from(move |on: bool| {
            cb.emit(ServiceEntry {
                needs_internet: on,
                ..entry.clone()
            })
        })
    };
    let on_targets = setter(
        entry,
        &props.on_change,
        |o: &mut ServiceEntry, v: Vec<Target>| o.targets = v,
    );

    let none = || vec![(String::new(), w.text("ui.select.none", &[]))];
    let mut vpcs = none();
    vpcs.extend(
        props
            .vpcs
            .iter()
            .map(|v| (v.id.clone(), format!("{} {}", v.id, v.cidrs.join(", ")))),
    );
    let home = props
        .vpcs
        .iter()
        .filter(|v| net.vpc_id.as_deref().is_none_or(|id| v.id == id));
    let mut groups = none();
    for vpc in home {
        groups.extend(
            vpc.security_groups
                .iter()
                .map(|g| (g.id.clone(), g.id.clone())),
        );
    }
    let mut rgs = none();
    rgs.extend(
        props
            .resource_groups
            .iter()
            .map(|g| (g.id.clone(), g.id.clone())),
    );
    let render_target = {
        let p = p.to_string();
        Callback::from(move |(i, t, cb): (usize, Target, Callback<Target>)| {
            html! {
                <TargetEditor path={format!("{p}.targets[{i}]")} target={t} on_change={cb} />
            }
        })
    };
    html! {
        <>
            <div class="grid">
                <TextField path={format!("{sp}.metadata.name")} label={w.t("ui.service.name")} value={spec.name.unwrap_or_default().to_owned()}
                    placeholder="llm-chat" on_change={field(service_edit::NAME, text)} />
                <NumberField<i64> path={format!("{sp}.metadata.instance")} label={w.t("ui.field.instances")} value={spec.instance} placeholder="1"
                    on_change={number(service_edit::INSTANCE)} />
                <NumberField<i64> path={format!("{sp}.autoscaler.min")} label={w.t("ui.field.autoscaler_min")} value={spec.autoscaler_min}
                    on_change={number(service_edit::AUTOSCALER_MIN)} />
                <NumberField<i64> path={format!("{sp}.autoscaler.max")} label={w.t("ui.field.autoscaler_max")} value={spec.autoscaler_max}
                    on_change={number(service_edit::AUTOSCALER_MAX)} />
                <TextField path={format!("{sp}.metadata.rolling_strategy.max_surge")} label={w.t("ui.field.max_surge")}
                    value={shown(service_edit::get(&entry.service, service_edit::MAX_SURGE))} placeholder={w.t("ui.service.surge_default")}
                    on_change={field(service_edit::MAX_SURGE, surge_value)} />
                <NumberField<i64> path={format!("{sp}.unit.size")} label={w.t("ui.field.unit_size")} value={spec.unit_size.and_then(|n| i64::try_from(n).ok())} placeholder="1"
                    on_change={number(service_edit::UNIT_SIZE)} />
                <TextField path={format!("{sp}.metadata.rolling_strategy.max_unavailable")} label={w.t("ui.service.max_unavailable")}
                    value={shown(service_edit::get(&entry.service, service_edit::MAX_UNAVAILABLE))}
                    on_change={field(service_edit::MAX_UNAVAILABLE, surge_value)} />
            </div>
            <fieldset class="networking">
                <legend>{"cloud.networking"}</legend>
                <div class="grid">
                    <SelectField path={format!("{sp}.cloud.networking.vpc_id")} label={w.t("ui.field.vpc")} value={net.vpc_id.clone().unwrap_or_default()}
                        options={vpcs} on_change={network(service_edit::VPC_ID)} />
                    <SelectField path={format!("{sp}.cloud.networking.security_group_id")} label={w.t("ui.field.security_group")} value={net.security_group_id.clone().unwrap_or_default()}
                        options={groups} on_change={network(service_edit::SECURITY_GROUP_ID)} />
                    <SelectField path={format!("{sp}.metadata.resource")} label={w.t("ui.service.resource_group")} value={spec.resource.unwrap_or_default().to_owned()}
                        options={rgs} on_change={field(service_edit::RESOURCE, text)} />
                </div>
                <VSwitchPicker on_change={on_vswitches} path={format!("{sp}.cloud.networking.vswitch_id")}
                    value={net.vswitch_id.clone().map(AttrValue::from)} vpc_id={net.vpc_id.clone().map(AttrValue::from)} vpcs={props.vpcs.clone()} />
                <div class="grid">
                    <TextField path={format!("{sp}.cloud.networking.default_route")} label={w.t("ui.field.default_route")}
                        value={net.default_route.clone().unwrap_or_default()} placeholder={w.t("ui.field.default_route_unset")} mono=true
                        suggestions={vec!["eth1".to_owned(), "eth0".to_owned()]} on_change={field(service_edit::DEFAULT_ROUTE, text)} />
                    <TextField path={format!("{sp}.cloud.networking.destination_cidrs")} label={w.t("ui.field.destination_cidrs")}
                        value={net.destination_cidrs.clone().unwrap_or_default()} placeholder="10.0.0.0/8,172.16.0.0/12" mono=true
                        on_change={field(service_edit::DESTINATION_CIDRS, text)} />
                </div>
            </fieldset>
            <CheckField path={format!("{p}.needs_internet")} label={w.t("ui.service.needs_internet")}
                checked={entry.needs_internet} on_change={on_internet} />
            <h4>{w.t("ui.service.targets")}</h4>
            <ItemList<Target> path={format!("{p}.targets")} noun={w.t("ui.noun.target")} items={entry.targets.clone()} open=true
                render={render_target} on_change={on_targets} />
        </>
    }
}
