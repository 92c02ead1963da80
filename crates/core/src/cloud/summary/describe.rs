//! The plan's objects in words, for the summary's lines: what an imported object holds, and
//! what changed between two versions of one object.

use rustc_hash::FxHashMap as HashMap;

use crate::plan::{NatGateway, Peering, Plan, RouteTable, SecurityGroup, VSwitch, Vpc};
use crate::text::words::plural;

use super::Kind;

/// An object of the plan, for the summary.
pub(super) enum Obj<'a> {
    Vpc(&'a Vpc),
    VSwitch(&'a str, &'a VSwitch),
    RouteTable(&'a str, &'a RouteTable),
    SecurityGroup(&'a str, &'a SecurityGroup),
    NatGateway(&'a str, &'a NatGateway),
    Peering(&'a Peering),
}

/// Every object of a plan the summary speaks of, by kind and ID (the first, when the plan
/// repeats an ID): one pass, so the summary of a large paste stays linear.
pub(super) fn objects(plan: &Plan) -> HashMap<(Kind, &str), Obj<'_>> {
    let mut all = HashMap::default();
    for v in &plan.vpcs {
        all.entry((Kind::Vpc, v.id.as_str())).or_insert(Obj::Vpc(v));
        let at = v.id.as_str();
        for s in &v.vswitches {
            all.entry((Kind::VSwitch, s.id.as_str()))
                .or_insert(Obj::VSwitch(at, s));
        }
        for t in &v.route_tables {
            all.entry((Kind::RouteTable, t.id.as_str()))
                .or_insert(Obj::RouteTable(at, t));
        }
        for g in &v.security_groups {
            all.entry((Kind::SecurityGroup, g.id.as_str()))
                .or_insert(Obj::SecurityGroup(at, g));
        }
        for n in &v.nat_gateways {
            all.entry((Kind::NatGateway, n.id.as_str()))
                .or_insert(Obj::NatGateway(at, n));
        }
    }
    for p in &plan.peerings {
        all.entry((Kind::Peering, p.id.as_str()))
            .or_insert(Obj::Peering(p));
    }
    all
}

/// A vSwitch's `route_table` in words: absent means its VPC's system table.
fn table_name(t: &Option<String>) -> String {
    t.clone().unwrap_or_else(|| "system".to_owned())
}

/// What an imported object holds, in a few words.
pub(super) fn describe(obj: &Obj) -> String {
    match obj {
        Obj::Vpc(v) if v.cidrs.is_empty() => "no CIDRs".to_owned(),
        Obj::Vpc(v) => v.cidrs.join(", "),
        Obj::VSwitch(_, s) => format!(
            "{}{}, {} route table, other_ips {}",
            s.cidr,
            s.zone
                .as_deref()
                .map_or_else(String::new, |z| format!(" in {z}")),
            table_name(&s.route_table),
            s.other_ips
        ),
        Obj::RouteTable(_, t) => format!(
            "{}, {}",
            t.kind.as_str(),
            plural(t.routes.len(), "route", "routes")
        ),
        Obj::SecurityGroup(_, g) => format!(
            "{}, {}",
            g.kind.as_str(),
            plural(g.egress.len(), "egress rule", "egress rules")
        ),
        Obj::NatGateway(_, n) => format!(
            "{}{}, EIPs [{}], {}",
            n.kind.as_str(),
            n.vswitch
                .as_deref()
                .map_or_else(String::new, |s| format!(" in {s}")),
            n.eips.join(", "),
            plural(n.snat_entries.len(), "SNAT entry", "SNAT entries")
        ),
        Obj::Peering(p) => format!("vpc_peer joining {}", p.vpcs.join(" and ")),
    }
}

/// What changed between two versions of one object.
pub(super) fn differences(before: &Obj, after: &Obj) -> Vec<String> {
    let mut d = Vec::new();
    let mut field = |name: &str, a: String, b: String| {
        if a != b {
            d.push(format!("{name} {a} → {b}"));
        }
    };
    let moved = |a: &str, b: &str| (a != b).then(|| format!("moved from {a} to {b}"));
    match (before, after) {
        (Obj::Vpc(a), Obj::Vpc(b)) => field("cidrs", a.cidrs.join(", "), b.cidrs.join(", ")),
        (Obj::VSwitch(va, a), Obj::VSwitch(vb, b)) => {
            field("cidr", a.cidr.clone(), b.cidr.clone());
            field("zone", or_none(&a.zone), or_none(&b.zone));
            field(
                "route table",
                table_name(&a.route_table),
                table_name(&b.route_table),
            );
            field(
                "other_ips",
                a.other_ips.to_string(),
                b.other_ips.to_string(),
            );
            d.extend(moved(va, vb));
        }
        (Obj::RouteTable(va, a), Obj::RouteTable(vb, b)) => {
            field("kind", a.kind.as_str().into(), b.kind.as_str().into());
            let before: HashMap<&str, &crate::plan::Route> = (a.routes.iter().rev())
                .map(|r| (r.destination.as_str(), r))
                .collect();
            let added = (b.routes.iter())
                .filter(|r| !before.contains_key(r.destination.as_str()))
                .count();
            let changed = (b.routes.iter())
                .filter(|r| before.get(r.destination.as_str()).is_some_and(|o| o != r))
                .count();
            if added + changed > 0 {
                d.push(format!("routes: {added} added, {changed} changed"));
            }
            d.extend(moved(va, vb));
        }
        (Obj::SecurityGroup(va, a), Obj::SecurityGroup(vb, b)) => {
            field("kind", a.kind.as_str().into(), b.kind.as_str().into());
            if a.egress != b.egress {
                d.push(format!(
                    "egress rules replaced: {} → {}",
                    a.egress.len(),
                    b.egress.len()
                ));
            }
            d.extend(moved(va, vb));
        }
        (Obj::NatGateway(va, a), Obj::NatGateway(vb, b)) => {
            field("kind", a.kind.as_str().into(), b.kind.as_str().into());
            field("vswitch", or_none(&a.vswitch), or_none(&b.vswitch));
            field(
                "snat_table_id",
                or_none(&a.snat_table_id),
                or_none(&b.snat_table_id),
            );
            field(
                "eips",
                format!("[{}]", a.eips.join(", ")),
                format!("[{}]", b.eips.join(", ")),
            );
            let added = (b.snat_entries.iter())
                .filter(|e| !a.snat_entries.iter().any(|o| o.source == e.source))
                .count();
            let changed = (b.snat_entries.iter())
                .filter(|e| (a.snat_entries.iter()).any(|o| o.source == e.source && o != *e))
                .count();
            if added + changed > 0 {
                d.push(format!("SNAT entries: {added} added, {changed} changed"));
            }
            d.extend(moved(va, vb));
        }
        (Obj::Peering(a), Obj::Peering(b)) => {
            field("vpcs", a.vpcs.join(", "), b.vpcs.join(", "));
            if a.kind != b.kind {
                d.push("kind → vpc_peer".to_owned());
            }
        }
        _ => {}
    }
    d
}

fn or_none(s: &Option<String>) -> String {
    s.clone().unwrap_or_else(|| "none".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_name_each_changed_field() {
        let a = VSwitch {
            id: "vsw-1".to_owned(),
            zone: None,
            cidr: "10.0.0.0/24".to_owned(),
            route_table: None,
            other_ips: 0,
        };
        let mut b = a.clone();
        b.cidr = "10.0.1.0/24".to_owned();
        b.route_table = Some("vtb-1".to_owned());
        assert_eq!(
            differences(&Obj::VSwitch("vpc-a", &a), &Obj::VSwitch("vpc-b", &b)),
            [
                "cidr 10.0.0.0/24 → 10.0.1.0/24",
                "route table system → vtb-1",
                "moved from vpc-a to vpc-b"
            ]
        );
        assert!(differences(&Obj::VSwitch("vpc-a", &a), &Obj::VSwitch("vpc-a", &a)).is_empty());
    }
}
