//! Structural rules of the plan format that serde cannot express (all PLAN001).

use serde_json::Value;

use super::{PlanError, RouteTableKind, ServiceEntry, ServiceSpec};
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
    let mut errors = validate_structure(plan);
    for (s, entry) in plan.services.iter().enumerate() {
        if let Err(e) = read_service(entry, s) {
            errors.push(e);
        }
    }
    errors
}

/// The plan-wide and VPC-level rules.
fn validate_head(plan: &Plan) -> Vec<PlanError> {
    let mut errors = Vec::new();
    if plan.version != 1 {
        errors.push(PlanError::new(
            "version",
            format!("expected 1, got {}", plan.version),
        ));
    }
    if let Some(t) = plan.utilization_warning {
        if !(t > 0.0 && t <= 1.0) {
            errors.push(PlanError::new(
                "utilization_warning",
                format!(
                    "expected a share between 0 and 1 such as 0.8, got {}",
                    crate::decimal::shortest(t)
                ),
            ));
        }
    }
    for (v, vpc) in plan.vpcs.iter().enumerate() {
        let systems: Vec<usize> = (vpc.route_tables.iter().enumerate())
            .filter(|(_, t)| t.kind == RouteTableKind::System)
            .map(|(i, _)| i)
            .collect();
        if let Some(&second) = systems.get(1) {
            errors.push(PlanError::new(
                format!("vpcs[{v}].route_tables[{second}].kind"),
                format!(
                    "a VPC has one system route table, but {} also has {}",
                    vpc.id, vpc.route_tables[systems[0]].id
                ),
            ));
        }
    }
    for (p, peering) in plan.peerings.iter().enumerate() {
        let ok = peering.vpcs.len() == 2 && peering.vpcs[0] != peering.vpcs[1];
        if !ok {
            errors.push(PlanError::new(
                format!("peerings[{p}].vpcs"),
                // As JSON, the way the plan spells it.
                format!(
                    "expected exactly two different VPC IDs, got {}",
                    serde_json::to_string(&peering.vpcs).unwrap_or_default()
                ),
            ));
        }
    }
    errors
}

/// The service JSON of `services[s]` and a check that the fields the checks need have their
/// types (PLAN001 otherwise, also for JSON nested past serde_json's limit).
fn read_service(entry: &ServiceEntry, s: usize) -> Result<Value, PlanError> {
    let at = format!("services[{s}].service");
    let service = (entry.service.value())
        .map_err(|e| PlanError::new(at.clone(), format!("cannot be read: {e}")))?;
    ServiceSpec::read(&service, &at)?;
    Ok(service)
}

/// [`validate`] without reading the service JSON (the analyzer reads each service once, in
/// its index, and reports those errors itself).
pub(crate) fn validate_structure(plan: &Plan) -> Vec<PlanError> {
    let mut errors = validate_head(plan);
    for (s, entry) in plan.services.iter().enumerate() {
        for (t, target) in entry.targets.iter().enumerate() {
            let at = || format!("services[{s}].targets[{t}].port");
            match target.port {
                None if target.protocol.has_ports() => errors.push(PlanError::new(
                    at(),
                    format!(
                        "required for protocol {}: expected a port 1-65535",
                        target.protocol.as_str()
                    ),
                )),
                Some(port) if !(1..=65535).contains(&port) => errors.push(PlanError::new(
                    at(),
                    format!("expected a port 1-65535, got {port}"),
                )),
                _ => {}
            }
        }
    }
    errors
}
