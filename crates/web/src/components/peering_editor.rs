use easnet_core::plan::{Peering, PeeringKind, Vpc};
use yew::prelude::*;

use crate::list::setter;

use super::{enum_select, IssueList, SelectField, TextField};
use crate::memo::PlanPart;
use crate::words::Words;

#[derive(PartialEq, Properties)]
pub struct PeeringEditorProps {
    /// First: the item list makes it anew on each of its redraws, so comparing it first
    /// spares comparing the rest.
    pub on_change: Callback<Peering>,
    pub path: AttrValue,
    pub peering: Peering,
    /// The plan's VPCs, for the drop-downs.
    pub vpcs: PlanPart<[Vpc]>,
}

/// A VPC peering connection or a CEN joining two VPCs of the plan.
#[function_component(PeeringEditor)]
pub fn peering_editor(props: &PeeringEditorProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let p = &props.path;
    let x = &props.peering;
    let on_id = setter(x, &props.on_change, |o: &mut Peering, v: String| o.id = v);
    let on_kind = setter(x, &props.on_change, |o, k: PeeringKind| o.kind = k);
    let side = |k: usize| {
        let (x, cb) = (x.clone(), props.on_change.clone());
        Callback::from(move |id: String| {
            let mut vpcs = x.vpcs.clone();
            vpcs.resize(2, String::new());
            vpcs[k] = id;
            cb.emit(Peering { vpcs, ..x.clone() })
        })
    };
    let mut vpcs = vec![(String::new(), w.text("ui.peering.choose", &[]))];
    vpcs.extend(props.vpcs.iter().map(|v| (v.id.clone(), v.id.clone())));
    html! {
        <div class="grid">
            <TextField path={format!("{p}.id")} label={w.t("ui.field.id")} value={x.id.clone()} mono=true placeholder="pcc-…" on_change={on_id} />
            { enum_select(format!("{p}.kind"), w.t("ui.field.kind"), x.kind, on_kind, w) }
            <SelectField path={format!("{p}.vpcs[0]")} label={w.t("ui.field.vpc")} value={x.vpcs.first().cloned().unwrap_or_default()} options={vpcs.clone()} on_change={side(0)} />
            <SelectField path={format!("{p}.vpcs[1]")} label={w.t("ui.peering.peer")} value={x.vpcs.get(1).cloned().unwrap_or_default()} options={vpcs} on_change={side(1)} />
            <IssueList path={format!("{p}.vpcs")} />
        </div>
    }
}
