//! The plan's objects in words, for the summary's lines: what an imported object holds, and
//! what changed between two versions of one object.

use rustc_hash::FxHashMap as HashMap;

use crate::args;
use crate::i18n::Catalogue;
use crate::plan::{
    NatGateway, NatKind, Peering, Plan, RouteTable, RouteTableKind, SecurityGroup,
    SecurityGroupKind, VSwitch, Vpc,
};

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
fn table_name(t: &Option<String>, cat: &Catalogue) -> String {
    t.clone()
        .unwrap_or_else(|| cat.text("summary.describe.system_table", &[]))
}

fn table_kind(kind: RouteTableKind, cat: &Catalogue) -> String {
    match kind {
        RouteTableKind::System => cat.text("summary.kind_of.system", &[]),
        RouteTableKind::Custom => cat.text("summary.kind_of.custom", &[]),
    }
}

fn group_kind(kind: SecurityGroupKind, cat: &Catalogue) -> String {
    match kind {
        SecurityGroupKind::Basic => cat.text("summary.kind_of.basic", &[]),
        SecurityGroupKind::Enterprise => cat.text("summary.kind_of.enterprise", &[]),
    }
}

fn nat_kind(kind: NatKind, cat: &Catalogue) -> String {
    match kind {
        NatKind::Internet => cat.text("summary.kind_of.internet", &[]),
        NatKind::Vpc => cat.text("summary.kind_of.vpc", &[]),
    }
}

/// What an imported object holds, in a few words of `cat`.
pub(super) fn describe(obj: &Obj, cat: &Catalogue) -> String {
    match obj {
        Obj::Vpc(v) if v.cidrs.is_empty() => cat.text("summary.describe.no_cidrs", &[]),
        Obj::Vpc(v) => v.cidrs.join(", "),
        Obj::VSwitch(_, s) => {
            let table = table_name(&s.route_table, cat);
            let (cidr, other_ips) = (&s.cidr, s.other_ips);
            match s.zone.as_deref() {
                Some(zone) => cat.text(
                    "summary.describe.vswitch_in_zone",
                    args![
                        cidr = cidr,
                        zone = zone,
                        table = table,
                        other_ips = other_ips
                    ],
                ),
                None => cat.text(
                    "summary.describe.vswitch",
                    args![cidr = cidr, table = table, other_ips = other_ips],
                ),
            }
        }
        Obj::RouteTable(_, t) => cat.count(
            "summary.describe.route_table",
            t.routes.len() as u64,
            args![kind = table_kind(t.kind, cat)],
        ),
        Obj::SecurityGroup(_, g) => cat.count(
            "summary.describe.security_group",
            g.egress.len() as u64,
            args![kind = group_kind(g.kind, cat)],
        ),
        Obj::NatGateway(_, n) => {
            let (kind, eips) = (nat_kind(n.kind, cat), n.eips.join(", "));
            let count = n.snat_entries.len() as u64;
            match n.vswitch.as_deref() {
                Some(vswitch) => cat.count(
                    "summary.describe.nat_gateway_in",
                    count,
                    args![kind = kind, vswitch = vswitch, eips = eips],
                ),
                None => cat.count(
                    "summary.describe.nat_gateway",
                    count,
                    args![kind = kind, eips = eips],
                ),
            }
        }
        Obj::Peering(p) => cat.text(
            "summary.describe.peering",
            args![vpcs = p.vpcs.join(&cat.text("summary.and", &[]))],
        ),
    }
}

/// What changed between two versions of one object, in `cat`'s words (the plan's field names
/// as they are).
pub(super) fn differences(before: &Obj, after: &Obj, cat: &Catalogue) -> Vec<String> {
    let mut d = Vec::new();
    let mut field = |name: &str, a: String, b: String| {
        if a != b {
            d.push(format!("{name} {a} → {b}"));
        }
    };
    let moved = |a: &str, b: &str| {
        (a != b).then(|| cat.text("summary.differences.moved", args![from = a, to = b]))
    };
    let none = || cat.text("summary.differences.none", &[]);
    let or_none = |s: &Option<String>| s.clone().unwrap_or_else(none);
    match (before, after) {
        (Obj::Vpc(a), Obj::Vpc(b)) => field("cidrs", a.cidrs.join(", "), b.cidrs.join(", ")),
        (Obj::VSwitch(va, a), Obj::VSwitch(vb, b)) => {
            field("cidr", a.cidr.clone(), b.cidr.clone());
            field("zone", or_none(&a.zone), or_none(&b.zone));
            field(
                &cat.text("summary.differences.route_table", &[]),
                table_name(&a.route_table, cat),
                table_name(&b.route_table, cat),
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
                d.push(cat.text(
                    "summary.differences.routes",
                    args![added = added, changed = changed],
                ));
            }
            d.extend(moved(va, vb));
        }
        (Obj::SecurityGroup(va, a), Obj::SecurityGroup(vb, b)) => {
            field("kind", a.kind.as_str().into(), b.kind.as_str().into());
            if a.egress != b.egress {
                d.push(cat.text(
                    "summary.differences.egress_replaced",
                    args![before = a.egress.len(), after = b.egress.len()],
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
                d.push(cat.text(
                    "summary.differences.snat_entries",
                    args![added = added, changed = changed],
                ));
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
        let en = Catalogue::english();
        assert_eq!(
            differences(&Obj::VSwitch("vpc-a", &a), &Obj::VSwitch("vpc-b", &b), en),
            [
                "cidr 10.0.0.0/24 → 10.0.1.0/24",
                "route table system → vtb-1",
                "moved from vpc-a to vpc-b"
            ]
        );
        assert!(differences(&Obj::VSwitch("vpc-a", &a), &Obj::VSwitch("vpc-a", &a), en).is_empty());
    }
}
