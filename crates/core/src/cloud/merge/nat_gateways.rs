//! NAT gateways, their EIPs and SNAT entries. EIPs come from the gateway's own list and
//! from DescribeEipAddresses (bound to it); the SNAT table ID from the gateway's
//! `SnatTableIds`, else from its entries; SNAT entries find their gateway by ID or through
//! its SNAT table, and are merged by `SnatEntryId`, else by source.

use rustc_hash::FxHashMap as HashMap;

use crate::cloud::facts::{push_new, Facts};
use crate::cloud::summary::{Kind, Said, Skip};
use crate::plan::{NatGateway, NatKind, SnatEntry};

use super::by_id::{index_of, upsert};
use super::Merge;

impl Merge<'_> {
    pub(super) fn nat_gateways(&mut self, facts: &Facts) {
        let mut index = index_of(&self.plan, |v| &v.nat_gateways, |n| &n.id);
        let no_eips = Vec::new();
        for (id, n) in &facts.nats {
            let Some(vpc) = self.vpc_or_skip(Kind::NatGateway, id, &n.vpc) else {
                continue;
            };
            self.touch(Kind::NatGateway, id);
            let bound = facts.nat_eips.get(id).unwrap_or(&no_eips);
            upsert(
                &mut self.plan,
                &mut index,
                |v| &mut v.nat_gateways,
                vpc,
                id,
                |old| {
                    let mut g = old.unwrap_or_else(|| NatGateway {
                        id: id.clone(),
                        kind: n.kind,
                        vswitch: None,
                        snat_table_id: None,
                        eips: Vec::new(),
                        snat_entries: Vec::new(),
                    });
                    g.kind = n.kind;
                    g.vswitch = n.vswitch.clone().or(g.vswitch);
                    g.snat_table_id = n.snat_tables.first().cloned().or(g.snat_table_id);
                    if let Some(eips) = &n.eips {
                        g.eips = eips.clone();
                    }
                    if n.kind == NatKind::Internet {
                        for ip in bound {
                            push_new(&mut g.eips, ip.clone());
                        }
                    }
                    g
                },
            );
        }
        // EIPs of gateways the paste does not describe.
        for (nat, ips) in &facts.nat_eips {
            if facts.nats.contains_key(nat) {
                continue;
            }
            match index.get(nat.as_str()) {
                Some(&(v, i)) => {
                    self.touch(Kind::NatGateway, nat);
                    let g = &mut self.plan.vpcs[v].nat_gateways[i];
                    for ip in ips {
                        push_new(&mut g.eips, ip.clone());
                    }
                }
                None => self.skip(
                    Kind::Eip,
                    (ips.iter())
                        .map(|ip| facts.eip_names.get(ip).unwrap_or(ip).as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    Said::new("summary.skip.eip_nat_missing").with("nat", nat),
                ),
            }
        }
    }

    pub(super) fn snat_entries(&mut self, facts: &Facts) {
        let index = index_of(&self.plan, |v| &v.nat_gateways, |n| &n.id);
        let by_table: HashMap<&str, &str> = (facts.nats.iter())
            .flat_map(|(id, n)| n.snat_tables.iter().map(move |t| (t.as_str(), id.as_str())))
            .collect();
        for s in facts.snats.values() {
            let nat = s
                .nat
                .as_deref()
                .or_else(|| s.table.as_deref().and_then(|t| by_table.get(t).copied()));
            let Some(nat) = nat else {
                self.skip(
                    Kind::SnatEntry,
                    &s.name,
                    Said::new("summary.skip.snat_table_orphan")
                        .with("table", s.table.as_deref().unwrap_or("?")),
                );
                continue;
            };
            let Some(&(v, i)) = index.get(nat) else {
                self.skip(
                    Kind::SnatEntry,
                    &s.name,
                    Said::new("summary.skip.snat_nat_missing").with("nat", nat),
                );
                continue;
            };
            self.touch(Kind::NatGateway, nat);
            let g = &mut self.plan.vpcs[v].nat_gateways[i];
            let ips = if g.kind == NatKind::Vpc && !s.ips.is_empty() {
                let why = Said::new("summary.skip.vpc_nat_snat_ips").with("ips", s.ips.join(", "));
                // `g` holds the plan: the log is borrowed on its own.
                self.log.skipped.push(Skip {
                    kind: Kind::SnatEntry,
                    id: s.name.clone(),
                    why,
                });
                Vec::new()
            } else {
                s.ips.clone()
            };
            // The gateway's table, when DescribeNatGateways did not say: the entry's own.
            if g.snat_table_id.is_none() && s.nat.as_deref() == Some(nat) {
                g.snat_table_id = s.table.clone();
            }
            // By ID, else by source: an entry whose source changed is still the same entry.
            let same_id = |e: &SnatEntry| s.id.is_some() && e.id == s.id;
            let found = match g.snat_entries.iter().position(same_id) {
                Some(i) => Some(i),
                None => (g.snat_entries.iter()).position(|e| e.source == s.source),
            };
            match found {
                Some(i) => {
                    let e = &mut g.snat_entries[i];
                    e.source = s.source.clone();
                    e.snat_ips = ips;
                    e.id = s.id.clone().or(e.id.take());
                }
                None => g.snat_entries.push(SnatEntry {
                    source: s.source.clone(),
                    snat_ips: ips,
                    id: s.id.clone(),
                }),
            }
        }
    }
}
