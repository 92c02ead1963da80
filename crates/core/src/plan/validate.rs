//! Structural rules of the plan format that serde cannot express (all PLAN001).

use serde_json::Value;

use super::error::{as_is, unreadable};
use super::{PlanError, RouteTableKind, ServiceEntry, ServiceSpec};
use crate::i18n::Said;
use crate::plan::Plan;

/// Every PLAN001 problem of a plan that deserialized: the version, a target's port, more than
/// one system route table in a VPC, a peering that does not join two different VPCs, a
/// threshold outside (0, 1], and service JSON fields of the wrong type.
///
/// # Examples
/// ```
/// use easnet_core::plan::{validate, Plan};
/// assert!(validate(&Plan::empty()).is_empty());
/// let mut plan = Plan::empty();
/// plan.version = 2;
/// assert_eq!(validate(&plan)[0].to_string(), "version: expected 1, got 2");
/// ```
pub fn validate(plan: &Plan) -> Vec<PlanError> {
    problems(plan).into_iter().map(|p| p.error).collect()
}

/// A PLAN001 problem of [`validate`]: which rule it breaks and for which object, beside the
/// error the user reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub kind: ProblemKind,
    pub error: PlanError,
}

/// Which rule a [`Problem`] breaks, and the object it is about by ID. An edit that moves the
/// object (the importer moving a route table to its own VPC) changes the error's JSON path but
/// not its kind, so the importer tells a problem the plan already had from a new one by kind.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum ProblemKind {
    /// `version` is not 1.
    Version,
    /// `utilization_warning` is outside (0, 1].
    UtilizationWarning,
    /// The VPC of this ID has more than one system route table.
    SystemRouteTables { vpc: String },
    /// The peering of this ID does not join two different VPCs.
    PeeringVpcs { peering: String },
    /// A target of a service has no port, or one outside 1-65535. Services and targets have no
    /// ID of their own, so their positions stand for one (the importer keeps every service
    /// where it is).
    TargetPort { service: usize, target: usize },
    /// The service JSON at this position cannot be read, or a field the checks need has the
    /// wrong type.
    ServiceJson { service: usize },
}

/// Every problem of [`validate`], in its order.
pub(crate) fn problems(plan: &Plan) -> Vec<Problem> {
    let mut problems = structure_problems(plan);
    for (s, entry) in plan.services.iter().enumerate() {
        if let Err(error) = read_service(entry, s) {
            problems.push(Problem {
                kind: ProblemKind::ServiceJson { service: s },
                error,
            });
        }
    }
    problems
}

/// The plan-wide and VPC-level rules.
fn head_problems(plan: &Plan) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push = |kind, path: String, said: Said| {
        problems.push(Problem {
            kind,
            error: PlanError::said(path, said),
        });
    };
    // `expected WHAT, got GOT`, both as they are or in the reader's words.
    let expected = |what: Said, got: String| {
        Said::new("plan_error.expected")
            .with_said("what", what)
            .with_said("got", as_is(got))
    };
    if plan.version != 1 {
        push(
            ProblemKind::Version,
            "version".to_owned(),
            expected(as_is(1), plan.version.to_string()),
        );
    }
    if let Some(t) = plan.utilization_warning {
        if !(t > 0.0 && t <= 1.0) {
            push(
                ProblemKind::UtilizationWarning,
                "utilization_warning".to_owned(),
                expected(
                    Said::new("plan_error.a_share"),
                    crate::text::decimal::shortest(t),
                ),
            );
        }
    }
    for (v, vpc) in plan.vpcs.iter().enumerate() {
        let systems: Vec<usize> = (vpc.route_tables.iter().enumerate())
            .filter(|(_, t)| t.kind == RouteTableKind::System)
            .map(|(i, _)| i)
            .collect();
        if let Some(&second) = systems.get(1) {
            push(
                ProblemKind::SystemRouteTables {
                    vpc: vpc.id.clone(),
                },
                format!("vpcs[{v}].route_tables[{second}].kind"),
                Said::new("plan_error.two_system_tables")
                    .with("vpc", &vpc.id)
                    .with("table", &vpc.route_tables[systems[0]].id),
            );
        }
    }
    for (p, peering) in plan.peerings.iter().enumerate() {
        let ok = peering.vpcs.len() == 2 && peering.vpcs[0] != peering.vpcs[1];
        if !ok {
            push(
                ProblemKind::PeeringVpcs {
                    peering: peering.id.clone(),
                },
                format!("peerings[{p}].vpcs"),
                // As JSON, the way the plan spells it.
                expected(
                    Said::new("plan_error.two_vpcs"),
                    serde_json::to_string(&peering.vpcs).unwrap_or_default(),
                ),
            );
        }
    }
    problems
}

/// The service JSON of `services[s]` and a check that the fields the checks need have their
/// types (PLAN001 otherwise, also for JSON nested past serde_json's limit).
fn read_service(entry: &ServiceEntry, s: usize) -> Result<Value, PlanError> {
    let at = format!("services[{s}].service");
    let service =
        (entry.service.value()).map_err(|e| PlanError::said(at.clone(), unreadable(&e)))?;
    ServiceSpec::read(&service, &at)?;
    Ok(service)
}

/// [`validate`] without reading the service JSON (the analyzer reads each service once, in
/// its index, and reports those errors itself).
pub(crate) fn validate_structure(plan: &Plan) -> Vec<PlanError> {
    structure_problems(plan)
        .into_iter()
        .map(|p| p.error)
        .collect()
}

/// The problems of [`validate_structure`].
fn structure_problems(plan: &Plan) -> Vec<Problem> {
    let mut problems = head_problems(plan);
    for (s, entry) in plan.services.iter().enumerate() {
        for (t, target) in entry.targets.iter().enumerate() {
            let said = match target.port {
                None if target.protocol.has_ports() => {
                    Said::new("plan_error.port_required").with("protocol", target.protocol.as_str())
                }
                // Checked only for tcp and udp (rules.md, "Settled readings": target
                // protocols).
                Some(port) if target.protocol.has_ports() && !(1..=65535).contains(&port) => {
                    Said::new("plan_error.port_out_of_range").with("got", port)
                }
                _ => continue,
            };
            problems.push(Problem {
                kind: ProblemKind::TargetPort {
                    service: s,
                    target: t,
                },
                error: PlanError::said(format!("services[{s}].targets[{t}].port"), said),
            });
        }
    }
    problems
}
