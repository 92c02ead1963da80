//! The older `vpc DescribeRouteTables` → route tables with their routes. Its entries carry a
//! top-level `NextHopType` and `InstanceId` (the next hop's ID); `local` and `service` mark
//! system routes.

use serde_json::Value;

use super::describe_route_table_list::not_a_vswitch_table;
use super::{add_entry, SystemRoutes};
use crate::cloud::facts::{push_new, table_kind, Facts};
use crate::cloud::read::{list, text, texts};
use crate::cloud::summary::Kind;

pub(super) fn map(v: &Value, facts: &mut Facts) -> usize {
    let items = list(v, "RouteTables", "RouteTable");
    let mut system = SystemRoutes::default();
    for t in &items {
        let Some(id) = text(t, "RouteTableId") else {
            facts.skip(Kind::RouteTable, "?", "a route table without RouteTableId");
            continue;
        };
        if let Some(why) = not_a_vswitch_table(t) {
            facts.skip(Kind::RouteTable, id, why);
            continue;
        }
        let fact = facts.tables.entry(id.clone()).or_default();
        fact.vpc = text(t, "VpcId").or(fact.vpc.take());
        fact.vrouter = text(t, "VRouterId")
            .or_else(|| text(t, "RouterId"))
            .or(fact.vrouter.take());
        fact.kind = table_kind(text(t, "RouteTableType")).or(fact.kind);
        for s in texts(t, "VSwitchIds", "VSwitchId") {
            push_new(&mut fact.vswitches, s);
        }
        for e in list(t, "RouteEntrys", "RouteEntry") {
            let table = text(e, "RouteTableId").unwrap_or_else(|| id.clone());
            add_entry(facts, &mut system, &table, e);
        }
    }
    system.report(facts);
    items.len()
}
