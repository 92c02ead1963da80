use easnet_core::plan::{NatGateway, RouteTable, SecurityGroup, VSwitch, Vpc};
use yew::prelude::*;

use crate::list::setter;
use crate::words::Words;

use super::{
    ItemList, NatEditor, RouteTableEditor, SecurityGroupEditor, StringListField, TextField,
    VSwitchEditor,
};

#[derive(PartialEq, Properties)]
pub struct VpcEditorProps {
    pub path: AttrValue,
    pub vpc: Vpc,
    /// Peering IDs of the plan, suggested as route next hops.
    pub peerings: Vec<String>,
    pub on_change: Callback<Vpc>,
}

/// One VPC: its CIDRs and everything inside it.
#[function_component(VpcEditor)]
pub fn vpc_editor(props: &VpcEditorProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let p = props.path.to_string();
    let v = &props.vpc;
    let on_id = setter(v, &props.on_change, |o: &mut Vpc, v: String| o.id = v);
    let on_cidrs = setter(v, &props.on_change, |o: &mut Vpc, v: Vec<String>| {
        o.cidrs = v
    });
    let on_vsw = setter(v, &props.on_change, |o: &mut Vpc, v: Vec<VSwitch>| {
        o.vswitches = v
    });
    let on_tables = setter(v, &props.on_change, |o: &mut Vpc, v: Vec<RouteTable>| {
        o.route_tables = v
    });
    let on_groups = setter(v, &props.on_change, |o: &mut Vpc, v: Vec<SecurityGroup>| {
        o.security_groups = v
    });
    let on_nats = setter(v, &props.on_change, |o: &mut Vpc, v: Vec<NatGateway>| {
        o.nat_gateways = v
    });

    let tables: Vec<String> = v.route_tables.iter().map(|t| t.id.clone()).collect();
    let vswitch_ids: Vec<String> = v.vswitches.iter().map(|s| s.id.clone()).collect();
    let mut hops: Vec<String> = v.nat_gateways.iter().map(|n| n.id.clone()).collect();
    hops.extend(props.peerings.iter().cloned());

    let render_vsw = {
        let (p, tables) = (p.clone(), tables.clone());
        Callback::from(move |(i, vsw, cb): (usize, VSwitch, Callback<VSwitch>)| {
            html! {
                <VSwitchEditor path={format!("{p}.vswitches[{i}]")} vswitch={vsw} route_tables={tables.clone()} on_change={cb} />
            }
        })
    };
    let render_table = {
        let (p, hops) = (p.clone(), hops.clone());
        Callback::from(
            move |(i, t, cb): (usize, RouteTable, Callback<RouteTable>)| {
                html! {
                    <RouteTableEditor path={format!("{p}.route_tables[{i}]")} table={t} hops={hops.clone()} on_change={cb} />
                }
            },
        )
    };
    let render_group = {
        let p = p.clone();
        Callback::from(
            move |(i, g, cb): (usize, SecurityGroup, Callback<SecurityGroup>)| {
                html! {
                    <SecurityGroupEditor path={format!("{p}.security_groups[{i}]")} group={g} on_change={cb} />
                }
            },
        )
    };
    let render_nat = {
        let (p, ids) = (p.clone(), vswitch_ids.clone());
        Callback::from(
            move |(i, n, cb): (usize, NatGateway, Callback<NatGateway>)| {
                html! {
                    <NatEditor path={format!("{p}.nat_gateways[{i}]")} nat={n} vswitches={ids.clone()} on_change={cb} />
                }
            },
        )
    };
    html! {
        <>
            <div class="grid">
                <TextField path={format!("{p}.id")} label={w.t("ui.field.vpc_id")} value={v.id.clone()} mono=true placeholder="vpc-…" on_change={on_id} />
            </div>
            <StringListField path={format!("{p}.cidrs")} label={w.t("ui.field.cidr")} items={v.cidrs.clone()} placeholder="10.0.0.0/16" on_change={on_cidrs} />
            <h4>{w.t("ui.vpc.vswitches")}</h4>
            <ItemList<VSwitch> path={format!("{p}.vswitches")} noun={w.t("ui.noun.vswitch")} items={v.vswitches.clone()}
                render={render_vsw} on_change={on_vsw} />
            <h4>{w.t("ui.vpc.route_tables")}</h4>
            <ItemList<RouteTable> path={format!("{p}.route_tables")} noun={w.t("ui.noun.route_table")} items={v.route_tables.clone()}
                render={render_table} on_change={on_tables} />
            <h4>{w.t("ui.vpc.security_groups")}</h4>
            <ItemList<SecurityGroup> path={format!("{p}.security_groups")} noun={w.t("ui.noun.security_group")} items={v.security_groups.clone()}
                render={render_group} on_change={on_groups} />
            <h4>{w.t("ui.vpc.nat_gateways")}</h4>
            <ItemList<NatGateway> path={format!("{p}.nat_gateways")} noun={w.t("ui.noun.nat_gateway")} items={v.nat_gateways.clone()}
                render={render_nat} on_change={on_nats} />
        </>
    }
}
