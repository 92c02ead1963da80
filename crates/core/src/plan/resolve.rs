//! Which networking a service uses (plan-format.md, "Meanings the checks rely on").

use super::{Networking, Plan, ServiceSpec};

/// Where a service's effective networking comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkingSource {
    /// `service.cloud.networking`.
    Service,
    /// The resource group at this index of `plan.resource_groups`, named by `metadata.resource`.
    ResourceGroup(usize),
}

/// The networking a service uses: `cloud.networking` if it sets any of its three IDs;
/// otherwise that of the resource group named in `metadata.resource`; otherwise none, and
/// the service is outside every VPC. After PLAN002, the first resource group with the ID wins.
///
/// # Examples
/// ```
/// use easnet_core::plan::{effective_networking, parse_plan, ServiceSpec, NetworkingSource};
/// let plan = parse_plan(r#"{"version": 1,
///   "resource_groups": [{"id": "eas-r-a", "networking": {"vpc_id": "vpc-a", "vswitch_id": "vsw-a", "security_group_id": "sg-a"}}],
///   "services": [{"service": {"metadata": {"name": "s", "resource": "eas-r-a"}}}]}"#).unwrap();
/// let svc = plan.services[0].service.value().unwrap();
/// let spec = ServiceSpec::read(&svc, "").unwrap();
/// let (net, from) = effective_networking(&plan, &spec).unwrap();
/// assert_eq!((net.vswitch_id.as_deref(), from), (Some("vsw-a"), NetworkingSource::ResourceGroup(0)));
///
/// let lone = ServiceSpec::default();
/// assert!(effective_networking(&plan, &lone).is_none());
/// ```
pub fn effective_networking(
    plan: &Plan,
    spec: &ServiceSpec,
) -> Option<(Networking, NetworkingSource)> {
    resolve_networking(plan, spec.networking.as_ref(), spec.resource)
}

/// [`effective_networking`] from a service's own `cloud.networking` and `metadata.resource`.
pub(crate) fn resolve_networking(
    plan: &Plan,
    own: Option<&Networking>,
    resource: Option<&str>,
) -> Option<(Networking, NetworkingSource)> {
    if let Some(net) = own.filter(|n| n.is_set()) {
        return Some((net.clone(), NetworkingSource::Service));
    }
    let resource = resource?;
    let (index, group) =
        (plan.resource_groups.iter().enumerate()).find(|(_, g)| g.id == resource)?;
    let net = group.networking.as_ref().filter(|n| n.is_set())?;
    Some((net.clone(), NetworkingSource::ResourceGroup(index)))
}
