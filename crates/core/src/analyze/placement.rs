//! Where each service lives: its effective networking checked against the plan (NET001,
//! NET003 to NET007) and the objects it resolves to.

use super::findings::Findings;
use super::index::{Index, Pos};
use super::Code;
use crate::args;
use crate::i18n::Catalogue;
use crate::plan::{Networking, NetworkingSource};

/// A service's place in the network, as far as the plan describes it.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    /// The described vSwitches its networking lists, in the order listed (each counted for
    /// capacity even when the networking is otherwise wrong: rules.md).
    pub vswitches: Vec<Placed>,
    /// How many distinct vSwitch IDs it lists, described or not: each described one counts
    /// an even share, ceil(need / listed) (plan-format.md, "Several vSwitches, the details").
    pub listed: usize,
    /// The security group, when described.
    pub security_group: Option<Pos>,
    /// JSON path of the networking in force.
    pub networking_at: Option<String>,
    /// The networking in force (`None`: none).
    pub networking: Option<Networking>,
}

/// One described vSwitch of a service.
#[derive(Debug, Clone, Copy)]
pub struct Placed {
    pub pos: Pos,
    /// Whether its paths can be traced: complete, consistent networking whose VPC the plan
    /// describes and holds this vSwitch (no NET001, NET003, NET004, NET006 for them).
    pub traceable: bool,
}

impl Placement {
    /// Whether the service lists several vSwitches.
    pub fn several(&self) -> bool {
        self.listed > 1
    }
}

const KEYS: [&str; 3] = ["vpc_id", "vswitch_id", "security_group_id"];

fn report_partial(out: &mut Findings, subject: &str, net: &Networking, at: &str) {
    let ids = net.ids();
    let missing: Vec<&str> = (KEYS.iter().zip(ids))
        .filter(|(_, id)| id.is_none())
        .map(|(k, _)| *k)
        .collect();
    let cat = out.cat();
    let missing = missing.join(&cat.text("words.list_separator", &[]));
    out.add(
        Code::Net001,
        subject,
        cat.text("NET001", args![subject = subject, missing = missing]),
    )
    .fix(cat.text("NET001.fix", &[]))
    .at(at);
}

/// Checks every resource group's networking and every service's placement; returns the
/// placement of each service, in plan order.
pub fn place_services(ix: &Index, out: &mut Findings) -> Vec<Placement> {
    let cat = out.cat();
    for (g, group) in ix.plan.resource_groups.iter().enumerate() {
        if let Some(net) = group.networking.as_ref().filter(|n| n.is_set()) {
            let at = format!("resource_groups[{g}].networking");
            if !net.is_complete() {
                report_partial(out, &group.id, net, &at);
            }
            check_described(ix, out, &group.id, net, &at);
        }
    }
    ix.services
        .iter()
        .map(|svc| {
            let entry = &ix.plan.services[svc.index];
            let Some((net, source)) = &svc.networking else {
                // NET007: EAS is isolated from the internet and from VPCs by default (EAS-NET FAQ).
                // Not when metadata.resource names a group the plan does not describe: its
                // networking is unknown, and that PLAN003 is the one finding.
                let unknown_group = (svc.read.resource.as_deref())
                    .is_some_and(|rg| !ix.resource_groups.contains_key(rg));
                if (entry.needs_internet || !entry.targets.is_empty()) && !unknown_group {
                    let needs = needs(cat, entry.needs_internet, entry.targets.len());
                    out.add(
                        Code::Net007,
                        &svc.name,
                        cat.text("NET007", args![service = svc.name, needs = needs]),
                    )
                    .fix(cat.text("NET007.fix", args![service = svc.name]))
                    .at(svc.at());
                }
                return Placement::default();
            };
            let at = match source {
                NetworkingSource::Service => format!("{}.cloud.networking", svc.at()),
                NetworkingSource::ResourceGroup(g) => format!("resource_groups[{g}].networking"),
            };
            // NET005: service-level networking wins over the resource group's (EAS-NET).
            if *source == NetworkingSource::Service {
                let group = svc
                    .read
                    .resource
                    .as_deref()
                    .and_then(|rg| ix.resource_groups.get(rg))
                    .map(|&g| &ix.plan.resource_groups[g]);
                if let Some(group) =
                    group.filter(|g| g.networking.as_ref().is_some_and(Networking::is_set))
                {
                    out.add(
                        Code::Net005,
                        &svc.name,
                        cat.text("NET005", args![service = svc.name, group = group.id]),
                    )
                    .fix(cat.text("NET005.fix", &[]))
                    .at(at.clone());
                }
            }
            let mut ok = true;
            if *source == NetworkingSource::Service && !net.is_complete() {
                report_partial(out, &svc.name, net, &at);
                ok = false;
            }
            if !net.is_complete() {
                ok = false;
            }
            // Unknown objects are NET006; a missing security group only skips SG001. A resource
            // group's networking was checked once above, with the group as the user: not again
            // for every service on it (one bad input, one finding).
            if *source == NetworkingSource::Service {
                check_described(ix, out, &svc.name, net, &at);
            }
            let [vpc_id, _, sg_id] = net.ids();
            let vpc = vpc_id.and_then(|id| ix.vpcs.get(id).copied());
            let security_group = sg_id.and_then(|id| ix.security_groups.get(id).copied());
            // NET003 / NET004: the vSwitch and the security group must be in the service's VPC
            // (domain-facts §2: "Security group and vSwitch must be in the same VPC").
            // Judged only when the plan describes that VPC: an undescribed vpc_id is NET006, the
            // one finding for that field (one bad input, one finding), and the paths are skipped.
            let vpc_id = vpc_id.filter(|_| vpc.is_some());
            if let (Some(vpc_id), Some((v, i))) = (vpc_id, security_group) {
                let home = &ix.plan.vpcs[v];
                if home.id != vpc_id {
                    out.add(
                        Code::Net004,
                        &svc.name,
                        cat.text(
                            "NET004",
                            args![
                                service = svc.name,
                                group = home.security_groups[i].id,
                                home = home.id,
                                vpc = vpc_id
                            ],
                        ),
                    )
                    .fix(cat.text("NET004.fix", args![vpc = vpc_id]))
                    .at(format!("{at}.security_group_id"));
                    ok = false;
                }
            }
            // Each listed vSwitch on its own (plan-format.md, "Several vSwitches"): one outside
            // the VPC is NET003 and has no paths, the others are still traced.
            let listed = net.vswitch_ids();
            let mut vswitches = Vec::with_capacity(listed.len());
            for id in &listed {
                let Some(&(v, i)) = ix.vswitches.get(id) else {
                    continue;
                };
                let mut here = ok && vpc.is_some();
                if let Some(vpc_id) = vpc_id {
                    let home = &ix.plan.vpcs[v];
                    if home.id != vpc_id {
                        out.add(
                            Code::Net003,
                            &svc.name,
                            cat.text(
                                "NET003",
                                args![
                                    service = svc.name,
                                    vswitch = home.vswitches[i].id,
                                    home = home.id,
                                    vpc = vpc_id
                                ],
                            ),
                        )
                        .fix(cat.text("NET003.fix", args![vpc = vpc_id, home = home.id]))
                        .at(format!("{at}.vswitch_id"));
                        here = false;
                    }
                }
                vswitches.push(Placed {
                    pos: (v, i),
                    traceable: here,
                });
            }
            Placement {
                vswitches,
                listed: listed.len(),
                security_group,
                networking_at: Some(at),
                networking: Some(net.clone()),
            }
        })
        .collect()
}

/// NET006 for each of the three IDs the plan does not describe.
fn check_described(ix: &Index, out: &mut Findings, who: &str, net: &Networking, at: &str) {
    let cat = out.cat();
    let [vpc, _, sg] = net.ids();
    let vpc = vpc.map(|id| (id, ix.vpcs.contains_key(id), "words.vpc", KEYS[0]));
    let sg = sg.map(|id| {
        let known = ix.security_groups.contains_key(id);
        (id, known, "words.security_group", KEYS[2])
    });
    // Each listed vSwitch on its own (plan-format.md, "Several vSwitches").
    let vswitches = (net.vswitch_ids().into_iter())
        .map(|id| (id, ix.vswitches.contains_key(id), "words.vswitch", KEYS[1]));
    for (id, known, kind, key) in vpc.into_iter().chain(vswitches).chain(sg) {
        if !known {
            let kind = cat.text(kind, &[]);
            out.add(
                Code::Net006,
                id,
                cat.text("NET006", args![who = who, kind = kind, id = id]),
            )
            .fix(cat.text("NET006.fix", args![kind = kind, id = id, key = key]))
            .at(format!("{at}.{key}"));
        }
    }
}

/// What a service needs, in words: "the internet and 2 targets".
fn needs(cat: &Catalogue, internet: bool, targets: usize) -> String {
    let n = targets as u64;
    match (internet, targets) {
        (true, 0) => cat.text("words.the_internet", &[]),
        (true, _) => cat.count("words.internet_and_targets", n, &[]),
        (false, _) => cat.count("words.targets", n, &[]),
    }
}
