//! `vpc DescribeRouteEntryList` (one table per call) → routes of the table each entry names.
//! The next hop is `NextHops.NextHop[0]`; several next hops (ECMP) are skipped, system routes
//! (`Type` `System`) are implicit in the plan.

use serde_json::Value;

use super::{add_entry, SystemRoutes};
use crate::cloud::facts::Facts;
use crate::cloud::read::{list, text};
use crate::cloud::summary::{Kind, Said};

pub(super) fn map(v: &Value, facts: &mut Facts) -> usize {
    let items = list(v, "RouteEntrys", "RouteEntry");
    let mut system = SystemRoutes::default();
    for e in &items {
        let Some(table) = text(e, "RouteTableId") else {
            let dest = text(e, "DestinationCidrBlock").unwrap_or_else(|| "?".to_owned());
            facts.skip(
                Kind::Route,
                dest,
                Said::new("summary.skip.no_route_table_id"),
            );
            continue;
        };
        add_entry(facts, &mut system, &table, e);
    }
    system.report(facts);
    items.len()
}
