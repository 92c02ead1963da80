//! vSwitches: by ID, with their route table (from the vSwitch itself or a table's list) and
//! `other_ips` from the cloud's count of available IPs (the merge's doc says when an
//! override in the plan is kept instead).

use rustc_hash::FxHashMap as HashMap;

use crate::addr::{parse_cidr, usable_ips};
use crate::cloud::facts::{Facts, VSwitchFact};
use crate::cloud::summary::{Kind, Said};
use crate::plan::{Plan, RouteTableKind, VSwitch};

use super::by_id::{index_of, upsert};
use super::Merge;

impl Merge<'_> {
    pub(super) fn vswitches(&mut self, facts: &Facts) {
        let table_kinds = table_kinds(self.original, facts);
        // Tables' `VSwitchIds`: a custom table's association wins over the system table's.
        let mut bound: HashMap<&str, &str> = HashMap::default();
        for (tid, t) in &facts.tables {
            for s in &t.vswitches {
                let custom = table_kinds.get(tid.as_str()) != Some(&RouteTableKind::System);
                if custom || !bound.contains_key(s.as_str()) {
                    bound.insert(s.as_str(), tid.as_str());
                }
            }
        }
        // A vSwitch on its VPC's system table names none (plan-format.md).
        let route_table = |tid: &str| -> Option<String> {
            match table_kinds.get(tid) {
                Some(RouteTableKind::System) => None,
                _ => Some(tid.to_owned()),
            }
        };
        let mut index = index_of(&self.plan, |v| &v.vswitches, |s| &s.id);
        let mut from_cloud = 0usize;
        for (id, f) in &facts.vswitches {
            let Some(vpc) = self.vpc_or_skip(Kind::VSwitch, id, &f.vpc) else {
                continue;
            };
            self.touch(Kind::VSwitch, id);
            // The vSwitch's own `RouteTable` wins over the tables' lists.
            let table = (f.table.as_deref())
                .or_else(|| bound.get(id.as_str()).copied())
                .map(route_table);
            let cloud_used = used_ips(f);
            let mut kept = None;
            upsert(
                &mut self.plan,
                &mut index,
                |v| &mut v.vswitches,
                vpc,
                id,
                |old| match old {
                    None => VSwitch {
                        id: id.clone(),
                        zone: f.zone.clone(),
                        cidr: f.cidr.clone(),
                        route_table: table.clone().flatten(),
                        other_ips: cloud_used.unwrap_or(0),
                    },
                    Some(mut s) => {
                        s.zone = f.zone.clone().or(s.zone);
                        s.cidr = f.cidr.clone();
                        if let Some(t) = table.clone() {
                            s.route_table = t;
                        }
                        match cloud_used {
                            Some(n) if s.other_ips == 0 => s.other_ips = n,
                            Some(n) if s.other_ips != n => kept = Some((s.other_ips, n)),
                            _ => {}
                        }
                        s
                    }
                },
            );
            if let Some((mine, cloud)) = kept {
                let usable = parse_cidr(&f.cidr).map_or(0, |n| usable_ips(&n));
                self.note(
                    Said::new("summary.note.other_ips_kept")
                        .with("id", id)
                        .with("mine", mine)
                        .with("cloud", cloud)
                        .with("usable", usable)
                        .with("available", f.available.unwrap_or(0)),
                );
            } else if cloud_used.is_some() {
                from_cloud += 1;
            }
        }
        // vSwitches the paste names only through a table's list.
        for (sid, tid) in bound {
            if facts.vswitches.contains_key(sid) {
                continue;
            }
            if let Some(&(v, i)) = index.get(sid) {
                self.touch(Kind::VSwitch, sid);
                self.plan.vpcs[v].vswitches[i].route_table = route_table(tid);
            }
        }
        if from_cloud > 0 {
            self.note(Said::new("summary.note.other_ips").counted(from_cloud));
        }
    }
}

/// usable − available, when the cloud said how many are available and the CIDR parses.
fn used_ips(f: &VSwitchFact) -> Option<u64> {
    let available = f.available?;
    let net = parse_cidr(&f.cidr).ok()?;
    Some(usable_ips(&net).saturating_sub(available))
}

/// The kind of every table the paste or the plan knows: the plan's, then the paste's
/// table list over it, then the type a vSwitch gives its table where neither says.
fn table_kinds<'f>(original: &'f Plan, facts: &'f Facts) -> HashMap<&'f str, RouteTableKind> {
    let mut kinds: HashMap<&str, RouteTableKind> = (original.vpcs.iter())
        .flat_map(|v| &v.route_tables)
        .map(|t| (t.id.as_str(), t.kind))
        .collect();
    for (id, t) in &facts.tables {
        if let Some(kind) = t.kind {
            kinds.insert(id, kind);
        }
    }
    for s in facts.vswitches.values() {
        if let (Some(tid), Some(kind)) = (&s.table, s.table_kind) {
            kinds.entry(tid).or_insert(kind);
        }
    }
    kinds
}
