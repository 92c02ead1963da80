//! The older `vpc DescribeRouteTables` → route tables with their routes. Its entries carry a
//! top-level `NextHopType` and `InstanceId` (the next hop's ID); `local` and `service` mark
//! system routes.

use serde_json::Value;

use super::describe_route_table_list::read_table;
use super::{add_entry, SystemRoutes};
use crate::cloud::facts::Facts;
use crate::cloud::read::{list, text};

pub(super) fn map(v: &Value, facts: &mut Facts) -> usize {
    let items = list(v, "RouteTables", "RouteTable");
    let mut system = SystemRoutes::default();
    for t in &items {
        let Some(id) = read_table(t, facts) else {
            continue;
        };
        for e in list(t, "RouteEntrys", "RouteEntry") {
            let table = text(e, "RouteTableId").unwrap_or_else(|| id.clone());
            add_entry(facts, &mut system, &table, e);
        }
    }
    system.report(facts);
    items.len()
}
