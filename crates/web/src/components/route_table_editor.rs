use easnet_core::plan::{Route, RouteTable, RouteTableKind};
use yew::prelude::*;

use super::{enum_select, ItemActions, SelectField, TextField};
use crate::browser::field_id;
use crate::list::{appended, duplicated, removed, replaced, setter};
use crate::words::Words;
use easnet_core::args;

/// The cloud's NextHopType spellings (domain-facts §4).
const HOP_TYPES: &[&str] = &[
    "NatGateway",
    "VpcPeer",
    "Attachment",
    "Instance",
    "HaVip",
    "NetworkInterface",
    "VpnGateway",
    "RouterInterface",
    "Ipv4Gateway",
    "IPv6Gateway",
    "GatewayEndpoint",
    "Ecr",
];

#[derive(PartialEq, Properties)]
pub struct RouteTableEditorProps {
    pub path: AttrValue,
    pub table: RouteTable,
    /// NAT gateway and peering IDs, suggested as next hops.
    pub hops: Vec<String>,
    pub on_change: Callback<RouteTable>,
}

#[function_component(RouteTableEditor)]
pub fn route_table_editor(props: &RouteTableEditorProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let p = &props.path;
    let table = &props.table;
    let set = |f: fn(&mut RouteTable, String)| setter(table, &props.on_change, f);
    let set_routes = setter(
        table,
        &props.on_change,
        |o: &mut RouteTable, v: Vec<Route>| o.routes = v,
    );
    let add = {
        let (routes, cb) = (table.routes.clone(), set_routes.clone());
        Callback::from(move |_: MouseEvent| {
            cb.emit(appended(
                &routes,
                Route {
                    destination: "0.0.0.0/0".into(),
                    next_hop_type: "NatGateway".into(),
                    next_hop_id: None,
                },
            ))
        })
    };
    let on_kind = setter(table, &props.on_change, |t, k: RouteTableKind| t.kind = k);
    html! {
        <>
            <div class="grid">
                <TextField path={format!("{p}.id")} label={w.t("ui.route_table.id")} value={table.id.clone()} mono=true placeholder="vtb-…"
                    on_change={set(|t, v| t.id = v)} />
                { enum_select(format!("{p}.kind"), w.t("ui.field.kind"), table.kind, on_kind, w) }
            </div>
            <div class="rows" id={field_id(&format!("{p}.routes"))} tabindex="-1">
                <h5>{w.t("ui.route_table.routes")}</h5>
                { for table.routes.iter().enumerate().map(|(r, route)| {
                    let rp = format!("{p}.routes[{r}]");
                    let edit = |f: fn(&mut Route, String)| {
                        let (routes, route, cb) = (table.routes.clone(), route.clone(), set_routes.clone());
                        Callback::from(move |v: String| {
                            let mut next = route.clone();
                            f(&mut next, v);
                            cb.emit(replaced(&routes, r, next))
                        })
                    };
                    let dup = { let (routes, cb) = (table.routes.clone(), set_routes.clone()); Callback::from(move |_| cb.emit(duplicated(&routes, r))) };
                    let del = { let (routes, cb) = (table.routes.clone(), set_routes.clone()); Callback::from(move |_| cb.emit(removed(&routes, r))) };
                    let types: Vec<(String, String)> = HOP_TYPES.iter().map(|h| ((*h).to_owned(), (*h).to_owned())).collect();
                    html! {
                        <div class="row" key={r}>
                            <TextField path={format!("{rp}.destination")} label={w.t("ui.route_table.destination")} value={route.destination.clone()} mono=true
                                placeholder="0.0.0.0/0" on_change={edit(|r, v| r.destination = v)} />
                            <SelectField path={format!("{rp}.next_hop_type")} label={w.t("ui.route_table.hop_type")} value={route.next_hop_type.clone()}
                                options={types} on_change={edit(|r, v| r.next_hop_type = v)} />
                            <TextField path={format!("{rp}.next_hop_id")} label={w.t("ui.route_table.hop_id")} value={route.next_hop_id.clone().unwrap_or_default()} mono=true
                                suggestions={props.hops.clone()} on_change={edit(|r, v| r.next_hop_id = Some(v).filter(|h| !h.is_empty()))} />
                            <ItemActions what={w.text("ui.route_table.what", args![destination = route.destination])} on_duplicate={dup} on_delete={del} />
                        </div>
                    }
                }) }
                <button type="button" class="small" onclick={add}>{w.t("ui.route_table.add")}</button>
            </div>
        </>
    }
}
