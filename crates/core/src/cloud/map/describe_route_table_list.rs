//! `vpc DescribeRouteTableList` → route tables (no routes): kind, VPC, the vSwitches bound.
//! A VBR's table and a gateway table (`AssociateType` `Gateway`) are not vSwitch route
//! tables: skipped.

use serde_json::Value;

use crate::cloud::facts::{push_new, table_kind, Facts};
use crate::cloud::read::{is, list, text, texts};
use crate::cloud::summary::{Kind, Said};

pub(super) fn map(v: &Value, facts: &mut Facts) -> usize {
    let items = list(v, "RouterTableList", "RouterTableListType");
    for t in &items {
        read_table(t, facts);
    }
    items.len()
}

/// One route table of either listing (`DescribeRouteTableList`, or the older
/// `DescribeRouteTables`, which names the router `VRouterId`) into the facts: its ID when it is
/// a vSwitch route table, else `None`, skipped with the reason.
pub(super) fn read_table(t: &Value, facts: &mut Facts) -> Option<String> {
    let Some(id) = text(t, "RouteTableId") else {
        facts.skip(Kind::RouteTable, "?", Said::new("summary.skip.table_no_id"));
        return None;
    };
    if let Some(why) = not_a_vswitch_table(t) {
        facts.skip(Kind::RouteTable, id, why);
        return None;
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
    Some(id)
}

/// Why a table of the list is not one the plan holds.
fn not_a_vswitch_table(t: &Value) -> Option<Said> {
    if is(t, "RouterType", "VBR") {
        Some(Said::new("summary.skip.vbr_table"))
    } else if is(t, "AssociateType", "Gateway") {
        Some(Said::new("summary.skip.gateway_table"))
    } else {
        None
    }
}
