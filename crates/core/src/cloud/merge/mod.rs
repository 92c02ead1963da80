//! The facts of a paste merged into the current plan, by ID.
//!
//! - **By ID, nothing duplicated.** An object whose ID the plan has is updated where it is (or
//!   moved, when the cloud puts it in another VPC); a new one is appended, new objects sorted by
//!   ID. Routes are merged by destination (one route per destination and table), SNAT entries
//!   by their `SnatEntryId` (the plan's `id`), else by source; a security group's egress rules are replaced by the paste's when it holds the
//!   group's rules (rules have no ID in the plan, and the cloud's list is the group's whole
//!   list). Routes and SNAT entries the cloud did not mention are kept.
//! - **What the user wrote stays.** Services, targets, resource groups, `utilization_warning`,
//!   objects the cloud did not mention, and a vSwitch's `other_ips` override (below).
//! - **`other_ips`** of a vSwitch = usable IPs − `AvailableIpAddressCount`: every address in
//!   use there, including the ENIs of EAS instances already running. It is set for a vSwitch new
//!   to the plan and for one whose `other_ips` is 0 (the default: nothing written). A non-zero
//!   value already in the plan is the user's own count (or an earlier import's) and is kept;
//!   the summary notes both numbers when they differ, so a stale one shows. The plan has no
//!   field that could record where a number came from, and a guess that overwrote a
//!   deliberate override would silently change the capacity check; setting `other_ips` to 0
//!   and importing again takes the cloud's count.
//! - **A route table's kind** decides `route_table`: a vSwitch on its VPC's system table gets
//!   none (the plan's way of saying "the system table"), on a custom table its ID.
//! - The merged plan must still pass [`crate::plan::validate`] (beyond what the current plan
//!   already breaks: a problem is told by its rule and its object's ID, which a move keeps), or
//!   nothing is imported.
//!
//! One file per kind of object, in the order [`apply`] merges them (a vSwitch needs its VPC,
//! a route its table): `vpcs`, `vswitches`, `route_tables` (and their routes),
//! `security_groups`, `nat_gateways` (and their SNAT entries), `peerings`. `by_id` finds and
//! puts objects by ID. What the merge did is kept in a [`Log`], from which
//! [`super::summary`] writes the lines.

mod by_id;
mod nat_gateways;
mod peerings;
mod route_tables;
mod security_groups;
mod vpcs;
mod vswitches;

use rustc_hash::FxHashMap as HashMap;

use crate::plan::{problems, Plan, ProblemKind};

use super::facts::Facts;
use super::summary::{Kind, Said, Skip};
use super::{CloudError, CloudErrorKind};

/// The merged plan and what the merge did.
pub(crate) struct Merged {
    pub plan: Plan,
    pub log: Log,
}

/// What the merge did, for the summary: the summary compares each touched object in the plan
/// before and after, rather than each step describing its own change.
#[derive(Debug, Default)]
pub(crate) struct Log {
    /// Objects the paste described, by kind and ID: each is imported, updated or unchanged.
    /// In the order touched, possibly more than once ([`Log::touched`]).
    touched: Vec<(Kind, String)>,
    /// Extra words for an imported object's line (`known from peering pcc-1 only`).
    pub origin: HashMap<(Kind, String), Said>,
    /// What the plan cannot hold or the merge could not place, the mappers' lines first.
    pub skipped: Vec<Skip>,
    /// Sentences to read, in the order said (the same one may be said twice).
    pub notes: Vec<Said>,
}

impl Log {
    /// The objects touched, each once, by kind and ID.
    pub fn touched(&self) -> Vec<&(Kind, String)> {
        let mut all: Vec<&(Kind, String)> = self.touched.iter().collect();
        all.sort();
        all.dedup();
        all
    }
}

struct Merge<'a> {
    plan: Plan,
    original: &'a Plan,
    log: Log,
}

pub(crate) fn apply(mut facts: Facts, current: &Plan) -> Result<Merged, CloudError> {
    let mut m = Merge {
        plan: current.clone(),
        original: current,
        log: Log {
            skipped: std::mem::take(&mut facts.skipped),
            ..Log::default()
        },
    };
    m.vpcs(&facts);
    m.vswitches(&facts);
    m.route_tables(&facts)?;
    m.routes(&facts);
    m.security_groups(&facts);
    m.nat_gateways(&facts);
    m.snat_entries(&facts);
    m.peerings(&facts);
    m.region(&facts);
    m.check_valid()?;
    Ok(Merged {
        plan: m.plan,
        log: m.log,
    })
}

impl Merge<'_> {
    fn vpc_index(&self, id: &str) -> Option<usize> {
        self.plan.vpcs.iter().position(|v| v.id == id)
    }

    fn touch(&mut self, kind: Kind, id: &str) {
        self.log.touched.push((kind, id.to_owned()));
    }

    fn skip(&mut self, kind: Kind, id: impl Into<String>, why: Said) {
        self.log.skipped.push(Skip {
            kind,
            id: id.into(),
            why,
        });
    }

    fn note(&mut self, note: Said) {
        self.log.notes.push(note);
    }

    /// The plan's VPC of ID `vpc`, or a skipped line saying it is missing.
    fn vpc_or_skip(&mut self, kind: Kind, id: &str, vpc: &str) -> Option<usize> {
        let found = self.vpc_index(vpc);
        if found.is_none() {
            self.skip(
                kind,
                id,
                Said::new("summary.skip.vpc_not_in_plan").with("vpc", vpc),
            );
        }
        found
    }

    fn region(&mut self, facts: &Facts) {
        match (&self.plan.region, &facts.region) {
            (None, Some(r)) => self.plan.region = Some(r.clone()),
            (Some(mine), Some(r)) if mine != r => self.note(
                Said::new("summary.note.region_kept")
                    .with("region", r)
                    .with("mine", mine),
            ),
            _ => {}
        }
    }

    /// Refuses a merge that breaks a rule of the plan format the current plan kept. A problem
    /// is known by its kind, which names its object by ID, not by its JSON path: a problem the
    /// plan already had is the same problem when the merge moves its object (a table to its
    /// own VPC) and the path changes.
    fn check_valid(&self) -> Result<(), CloudError> {
        // A sorted list searched by halves: as fast as a hash set for a plan with thousands of
        // problems, and lighter in the page.
        let mut before: Vec<ProblemKind> = (problems(self.original).into_iter())
            .map(|p| p.kind)
            .collect();
        before.sort_unstable();
        match (problems(&self.plan).into_iter()).find(|p| before.binary_search(&p.kind).is_err()) {
            Some(p) => Err(CloudError::new(
                CloudErrorKind::InvalidPlan,
                Said::new("cloud_error.invalid_plan").with_plan_error("error", p.error),
            )),
            None => Ok(()),
        }
    }
}
