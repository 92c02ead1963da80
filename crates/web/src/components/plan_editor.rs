use std::rc::Rc;

use easnet_core::plan::{Peering, Plan, ResourceGroup, ServiceEntry, Vpc};
use yew::prelude::*;

use super::{
    ItemList, NumberField, PeeringEditor, ResourceGroupEditor, ServiceEditor, TextField, VpcEditor,
};

#[derive(PartialEq, Properties)]
pub struct PlanEditorProps {
    pub plan: Rc<Plan>,
    /// A new plan, and the JSON path of the field typed into (for undo grouping).
    pub on_edit: Callback<(Plan, Option<String>)>,
}

/// Forms for every object of the plan.
#[function_component(PlanEditor)]
pub fn plan_editor(props: &PlanEditorProps) -> Html {
    let plan = &props.plan;
    let emit = |f: fn(Plan, String) -> Plan, field: &'static str| {
        let (plan, cb) = (plan.clone(), props.on_edit.clone());
        Callback::from(move |v: String| cb.emit((f((*plan).clone(), v), Some(field.to_owned()))))
    };
    let on_services = {
        let (plan, cb) = (plan.clone(), props.on_edit.clone());
        Callback::from(move |services| {
            cb.emit((
                Plan {
                    services,
                    ..(*plan).clone()
                },
                None,
            ))
        })
    };
    let on_vpcs = {
        let (plan, cb) = (plan.clone(), props.on_edit.clone());
        Callback::from(move |vpcs| {
            cb.emit((
                Plan {
                    vpcs,
                    ..(*plan).clone()
                },
                None,
            ))
        })
    };
    let on_peerings = {
        let (plan, cb) = (plan.clone(), props.on_edit.clone());
        Callback::from(move |peerings| {
            cb.emit((
                Plan {
                    peerings,
                    ..(*plan).clone()
                },
                None,
            ))
        })
    };
    let on_groups = {
        let (plan, cb) = (plan.clone(), props.on_edit.clone());
        Callback::from(move |resource_groups| {
            cb.emit((
                Plan {
                    resource_groups,
                    ..(*plan).clone()
                },
                None,
            ))
        })
    };

    let render_service = {
        let plan = plan.clone();
        Callback::from(
            move |(i, e, cb): (usize, ServiceEntry, Callback<ServiceEntry>)| {
                html! {
                    <ServiceEditor path={format!("services[{i}]")} entry={e} plan={plan.clone()} on_change={cb} />
                }
            },
        )
    };
    let peering_ids: Vec<String> = plan.peerings.iter().map(|p| p.id.clone()).collect();
    let render_vpc = Callback::from(move |(i, v, cb): (usize, Vpc, Callback<Vpc>)| {
        html! {
            <VpcEditor path={format!("vpcs[{i}]")} vpc={v} peerings={peering_ids.clone()} on_change={cb} />
        }
    });
    let render_peering = {
        let plan = plan.clone();
        Callback::from(move |(i, x, cb): (usize, Peering, Callback<Peering>)| {
            html! {
                <PeeringEditor path={format!("peerings[{i}]")} peering={x} plan={plan.clone()} on_change={cb} />
            }
        })
    };
    let render_group = {
        let plan = plan.clone();
        Callback::from(
            move |(i, g, cb): (usize, ResourceGroup, Callback<ResourceGroup>)| {
                html! {
                    <ResourceGroupEditor path={format!("resource_groups[{i}]")} group={g} plan={plan.clone()} on_change={cb} />
                }
            },
        )
    };
    let on_threshold = {
        let (plan, cb) = (plan.clone(), props.on_edit.clone());
        Callback::from(move |t: Option<f64>| {
            cb.emit((
                Plan {
                    utilization_warning: t,
                    ..(*plan).clone()
                },
                None,
            ))
        })
    };
    html! {
        <section class="panel editor" aria-labelledby="plan-heading">
            <h2 id="plan-heading">{"Plan"}</h2>
            <div class="grid">
                <TextField path="region" label="Region" value={plan.region.clone().unwrap_or_default()} placeholder="cn-hangzhou"
                    on_change={emit(|p, v| Plan { region: Some(v).filter(|r| !r.is_empty()), ..p }, "region")} />
                <NumberField<f64> path="utilization_warning" label="Warn above (share of usable IPs)"
                    value={plan.utilization_warning} placeholder="0.8" on_change={on_threshold} />
            </div>
            <h3>{"Services"}</h3>
            <ItemList<ServiceEntry> path="services" noun="service" items={plan.services.clone()} open=true
                render={render_service} on_change={on_services} />
            <h3>{"VPCs"}</h3>
            <ItemList<Vpc> path="vpcs" noun="VPC" items={plan.vpcs.clone()}
                render={render_vpc} on_change={on_vpcs} />
            <h3>{"Peerings and CEN"}</h3>
            <ItemList<Peering> path="peerings" noun="peering" items={plan.peerings.clone()} open=true
                render={render_peering} on_change={on_peerings} />
            <h3>{"Resource groups"}</h3>
            <ItemList<ResourceGroup> path="resource_groups" noun="resource group" items={plan.resource_groups.clone()} open=true
                render={render_group} on_change={on_groups} />
        </section>
    }
}
