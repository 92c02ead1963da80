use std::rc::Rc;

use easnet_core::plan::{Peering, Plan, ResourceGroup, ServiceEntry, Vpc};
use yew::prelude::*;

use super::{
    ItemList, NumberField, PeeringEditor, ResourceGroupEditor, ServiceEditor, TextField, VpcEditor,
};
use crate::memo::{same, PlanPart};
use crate::state::PlanPatch;
use crate::words::Words;

/// A change to the plan, and the JSON path of the field typed into (for undo grouping).
pub type OnEdit = Callback<(PlanPatch, Option<String>)>;

#[derive(Properties)]
pub struct PlanEditorProps {
    pub plan: Rc<Plan>,
    pub on_edit: OnEdit,
}

impl PartialEq for PlanEditorProps {
    fn eq(&self, other: &Self) -> bool {
        self.on_edit == other.on_edit && same(&self.plan, &other.plan, |a, b| a == b)
    }
}

/// Forms for every object of the plan.
///
/// Each list is a section of its own that redraws only when the parts of the plan it shows
/// change: typing a region into a plan of hundreds of services redraws the region field, not
/// the services. Sections send changes ([`PlanPatch`]), never a copy of the plan they drew.
#[function_component(PlanEditor)]
pub fn plan_editor(props: &PlanEditorProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let plan = &props.plan;
    let on_region = props.on_edit.reform(|v: String| {
        let region = Some(v).filter(|r| !r.is_empty());
        (
            PlanPatch::new(move |p| p.region = region),
            Some("region".to_owned()),
        )
    });
    let on_threshold = props
        .on_edit
        .reform(|t: Option<f64>| (PlanPatch::new(move |p| p.utilization_warning = t), None));
    // Each section is given the parts of the plan it draws.
    let services = PlanPart::services(plan);
    let vpcs = PlanPart::vpcs(plan);
    let peerings = PlanPart::peerings(plan);
    let resource_groups = PlanPart::resource_groups(plan);
    html! {
        <section class="panel editor" aria-labelledby="plan-heading">
            <h2 id="plan-heading">{w.t("ui.plan.heading")}</h2>
            <div class="grid">
                <TextField path="region" label={w.t("ui.field.region")} value={plan.region.clone().unwrap_or_default()} placeholder="cn-hangzhou"
                    on_change={on_region} />
                <NumberField<f64> path="utilization_warning" label={w.t("ui.plan.threshold")}
                    value={plan.utilization_warning} placeholder="0.8" on_change={on_threshold} />
            </div>
            <Services on_edit={props.on_edit.clone()} services={services} vpcs={vpcs.clone()} resource_groups={resource_groups.clone()} />
            <Vpcs on_edit={props.on_edit.clone()} vpcs={vpcs.clone()} peerings={peerings.clone()} />
            <Peerings on_edit={props.on_edit.clone()} peerings={peerings} vpcs={vpcs.clone()} />
            <ResourceGroups on_edit={props.on_edit.clone()} resource_groups={resource_groups} vpcs={vpcs} />
        </section>
    }
}

// Each section's props: the parts of the plan it draws, and `on_edit` (the same for the page's
// lifetime), compared first.

/// A service's form offers the VPCs, vSwitches, security groups and resource groups.
#[derive(PartialEq, Properties)]
struct ServicesProps {
    on_edit: OnEdit,
    services: PlanPart<[ServiceEntry]>,
    vpcs: PlanPart<[Vpc]>,
    resource_groups: PlanPart<[ResourceGroup]>,
}

/// A VPC's route tables offer the peerings as next hops.
#[derive(PartialEq, Properties)]
struct VpcsProps {
    on_edit: OnEdit,
    vpcs: PlanPart<[Vpc]>,
    peerings: PlanPart<[Peering]>,
}

/// A peering offers the VPCs.
#[derive(PartialEq, Properties)]
struct PeeringsProps {
    on_edit: OnEdit,
    peerings: PlanPart<[Peering]>,
    vpcs: PlanPart<[Vpc]>,
}

/// A resource group offers the VPCs' vSwitches and security groups.
#[derive(PartialEq, Properties)]
struct ResourceGroupsProps {
    on_edit: OnEdit,
    resource_groups: PlanPart<[ResourceGroup]>,
    vpcs: PlanPart<[Vpc]>,
}

#[function_component(Services)]
fn services(props: &ServicesProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let on_change = props.on_edit.reform(|services: Vec<ServiceEntry>| {
        (PlanPatch::new(move |p| p.services = services), None)
    });
    let render = {
        let (vpcs, groups) = (props.vpcs.clone(), props.resource_groups.clone());
        Callback::from(
            move |(i, e, cb): (usize, ServiceEntry, Callback<ServiceEntry>)| {
                html! {
                    <ServiceEditor path={format!("services[{i}]")} entry={e} vpcs={vpcs.clone()} resource_groups={groups.clone()} on_change={cb} />
                }
            },
        )
    };
    html! {
        <>
            <h3>{w.t("ui.plan.services")}</h3>
            <ItemList<ServiceEntry> path="services" noun={w.t("ui.noun.service")} items={props.services.to_vec()} open=true
                {render} {on_change} />
        </>
    }
}

#[function_component(Vpcs)]
fn vpcs(props: &VpcsProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let on_change = props
        .on_edit
        .reform(|vpcs: Vec<Vpc>| (PlanPatch::new(move |p| p.vpcs = vpcs), None));
    let peering_ids: Vec<String> = props.peerings.iter().map(|p| p.id.clone()).collect();
    let render = Callback::from(move |(i, v, cb): (usize, Vpc, Callback<Vpc>)| {
        html! {
            <VpcEditor path={format!("vpcs[{i}]")} vpc={v} peerings={peering_ids.clone()} on_change={cb} />
        }
    });
    html! {
        <>
            <h3>{w.t("ui.plan.vpcs")}</h3>
            <ItemList<Vpc> path="vpcs" noun={w.t("ui.noun.vpc")} items={props.vpcs.to_vec()}
                {render} {on_change} />
        </>
    }
}

#[function_component(Peerings)]
fn peerings(props: &PeeringsProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let on_change = props
        .on_edit
        .reform(|peerings: Vec<Peering>| (PlanPatch::new(move |p| p.peerings = peerings), None));
    let render = {
        let vpcs = props.vpcs.clone();
        Callback::from(move |(i, x, cb): (usize, Peering, Callback<Peering>)| {
            html! {
                <PeeringEditor path={format!("peerings[{i}]")} peering={x} vpcs={vpcs.clone()} on_change={cb} />
            }
        })
    };
    html! {
        <>
            <h3>{w.t("ui.plan.peerings")}</h3>
            <ItemList<Peering> path="peerings" noun={w.t("ui.noun.peering")} items={props.peerings.to_vec()} open=true
                {render} {on_change} />
        </>
    }
}

#[function_component(ResourceGroups)]
fn resource_groups(props: &ResourceGroupsProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let on_change = props.on_edit.reform(|groups: Vec<ResourceGroup>| {
        (PlanPatch::new(move |p| p.resource_groups = groups), None)
    });
    let render = {
        let vpcs = props.vpcs.clone();
        Callback::from(
            move |(i, g, cb): (usize, ResourceGroup, Callback<ResourceGroup>)| {
                html! {
                    <ResourceGroupEditor path={format!("resource_groups[{i}]")} group={g} vpcs={vpcs.clone()} on_change={cb} />
                }
            },
        )
    };
    html! {
        <>
            <h3>{w.t("ui.plan.resource_groups")}</h3>
            <ItemList<ResourceGroup> path="resource_groups" noun={w.t("ui.noun.resource_group")} items={props.resource_groups.to_vec()} open=true
                {render} {on_change} />
        </>
    }
}
