use std::rc::Rc;

use easnet_core::plan::{Peering, PeeringKind, Plan};
use yew::prelude::*;

use crate::list::setter;

use super::{IssueList, SelectField, TextField};
use crate::memo::same;

#[derive(Properties)]
pub struct PeeringEditorProps {
    pub path: AttrValue,
    pub peering: Peering,
    /// The whole plan, for the drop-downs of VPCs.
    pub plan: Rc<Plan>,
    pub on_change: Callback<Peering>,
}

impl PartialEq for PeeringEditorProps {
    fn eq(&self, other: &Self) -> bool {
        // The item list makes `on_change` anew on each of its redraws, so that is compared
        // first; the plan is compared only on what the form offers from it.
        self.on_change == other.on_change
            && (self.path == other.path && self.peering == other.peering)
            && same(&self.plan, &other.plan, |a, b| a.vpcs == b.vpcs)
    }
}

/// A VPC peering connection or a CEN joining two VPCs of the plan.
#[function_component(PeeringEditor)]
pub fn peering_editor(props: &PeeringEditorProps) -> Html {
    let p = &props.path;
    let x = &props.peering;
    let on_id = setter(x, &props.on_change, |o: &mut Peering, v: String| o.id = v);
    let on_kind = {
        let (x, cb) = (x.clone(), props.on_change.clone());
        Callback::from(move |k: String| {
            cb.emit(Peering {
                kind: if k == "cen" {
                    PeeringKind::Cen
                } else {
                    PeeringKind::VpcPeer
                },
                ..x.clone()
            })
        })
    };
    let side = |k: usize| {
        let (x, cb) = (x.clone(), props.on_change.clone());
        Callback::from(move |id: String| {
            let mut vpcs = x.vpcs.clone();
            vpcs.resize(2, String::new());
            vpcs[k] = id;
            cb.emit(Peering { vpcs, ..x.clone() })
        })
    };
    let mut vpcs = vec![(String::new(), "(choose a VPC)".to_owned())];
    vpcs.extend(props.plan.vpcs.iter().map(|v| (v.id.clone(), v.id.clone())));
    let kinds = vec![
        ("vpc_peer".to_owned(), "VPC peering".to_owned()),
        ("cen".to_owned(), "CEN (transit router)".to_owned()),
    ];
    html! {
        <div class="grid">
            <TextField path={format!("{p}.id")} label="ID" value={x.id.clone()} mono=true placeholder="pcc-…" on_change={on_id} />
            <SelectField path={format!("{p}.kind")} label="Kind" value={if x.kind == PeeringKind::Cen { "cen" } else { "vpc_peer" }} options={kinds} on_change={on_kind} />
            <SelectField path={format!("{p}.vpcs[0]")} label="VPC" value={x.vpcs.first().cloned().unwrap_or_default()} options={vpcs.clone()} on_change={side(0)} />
            <SelectField path={format!("{p}.vpcs[1]")} label="Peer VPC" value={x.vpcs.get(1).cloned().unwrap_or_default()} options={vpcs} on_change={side(1)} />
            <IssueList path={format!("{p}.vpcs")} />
        </div>
    }
}
