//! Security groups: by ID, with their kind and egress rules. Rules have no ID in the plan
//! and the cloud lists a group's rules whole, so the paste's list replaces the plan's.

use crate::cloud::commands::security_group_rules;
use crate::cloud::facts::Facts;
use crate::cloud::summary::{Kind, Said};
use crate::plan::{SecurityGroup, SecurityGroupKind};

use super::by_id::{index_of, upsert};
use super::Merge;

impl Merge<'_> {
    pub(super) fn security_groups(&mut self, facts: &Facts) {
        let mut index = index_of(&self.plan, |v| &v.security_groups, |g| &g.id);
        // Each ID once, in order.
        let mut ids: Vec<&String> = facts.groups.keys().chain(facts.rules.keys()).collect();
        ids.sort();
        ids.dedup();
        for id in ids {
            let group = facts.groups.get(id);
            let rules = facts.rules.get(id);
            let vpc_id =
                (group.and_then(|g| g.vpc.clone())).or_else(|| rules.and_then(|r| r.vpc.clone()));
            let vpc = match vpc_id {
                Some(vpc) => match self.vpc_or_skip(Kind::SecurityGroup, id, &vpc) {
                    Some(i) => i,
                    None => continue,
                },
                None => match index.get(id.as_str()) {
                    Some(&(v, _)) => v,
                    None => {
                        self.skip(
                            Kind::SecurityGroup,
                            id,
                            Said::new("summary.skip.classic_group"),
                        );
                        continue;
                    }
                },
            };
            self.touch(Kind::SecurityGroup, id);
            let kind = group.and_then(|g| g.kind);
            let is_new = !index.contains_key(id.as_str());
            if is_new && kind.is_none() {
                self.note(Said::new("summary.note.group_kind_unknown").with("id", id));
            }
            if is_new && rules.is_none() {
                let region = (self.plan.region.as_deref()).or(facts.region.as_deref());
                self.note(
                    Said::new("summary.note.group_rules_unknown")
                        .with("id", id)
                        .with("command", security_group_rules(region, Some(id))),
                );
            }
            upsert(
                &mut self.plan,
                &mut index,
                |v| &mut v.security_groups,
                vpc,
                id,
                |old| {
                    let mut g = old.unwrap_or_else(|| SecurityGroup {
                        id: id.clone(),
                        kind: SecurityGroupKind::Basic,
                        egress: Vec::new(),
                    });
                    g.kind = kind.unwrap_or(g.kind);
                    if let Some(r) = rules {
                        g.egress = r.egress.clone();
                    }
                    g
                },
            );
        }
    }
}
