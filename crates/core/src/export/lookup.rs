//! Finding a service of a plan by name, and what the exports need of it.

use serde_json::Value;

use super::commands::dlink_command;
use super::ExportError;
use crate::plan::{
    effective_networking, service_name, Networking, Plan, ServiceEntry, ServiceSpec,
};

/// The names of the plan's services (`metadata.name`, else a top-level `name`), in plan order; services without a
/// readable name are left out.
///
/// # Examples
/// ```
/// use easnet_core::export::service_names;
/// use easnet_core::plan::parse_plan;
///
/// let plan = parse_plan(r#"{"version": 1, "services": [
///   {"service": {"metadata": {"name": "a"}}}, {"service": {"metadata": {}}}]}"#).unwrap();
/// assert_eq!(service_names(&plan), ["a"]);
/// assert!(service_names(&parse_plan(r#"{"version": 1}"#).unwrap()).is_empty());
/// ```
pub fn service_names(plan: &Plan) -> Vec<String> {
    (plan.services.iter())
        .filter_map(|s| name_of(&s.service.value().ok()?).map(str::to_owned))
        .collect()
}

/// The name of the first service that has one ([`service_names`]`.first()`, reading only as
/// far as needed).
pub(crate) fn first_service_name(plan: &Plan) -> Option<String> {
    (plan.services.iter()).find_map(|s| name_of(&s.service.value().ok()?).map(str::to_owned))
}

fn name_of(v: &Value) -> Option<&str> {
    service_name(v)
}

/// The services entry named `name` (the first, after PLAN002) and its index in the plan.
///
/// # Examples
/// ```
/// use easnet_core::export::find_service;
/// use easnet_core::plan::parse_plan;
///
/// let plan = parse_plan(r#"{"version": 1, "services": [{"service": {"metadata": {"name": "a"}}}]}"#).unwrap();
/// assert_eq!(find_service(&plan, "a").unwrap().0, 0);
/// assert_eq!(
///     find_service(&plan, "b").unwrap_err().to_string(),
///     "no service named \"b\"; the plan has: a"
/// );
/// ```
pub fn find_service<'p>(
    plan: &'p Plan,
    name: &str,
) -> Result<(usize, &'p ServiceEntry), ExportError> {
    (plan.services.iter().enumerate())
        .find(|(_, s)| s.service.value().ok().as_ref().and_then(name_of) == Some(name))
        .ok_or_else(|| ExportError::UnknownService {
            name: name.to_owned(),
            known: service_names(plan),
        })
}

/// The service's JSON value, or why it cannot be read.
fn service_value(entry: &ServiceEntry, name: &str) -> Result<Value, ExportError> {
    entry
        .service
        .value()
        .map_err(|e| ExportError::ServiceUnreadable {
            name: name.to_owned(),
            message: e.to_string(),
        })
}

fn spec<'v>(value: &'v Value, name: &str) -> Result<ServiceSpec<'v>, ExportError> {
    ServiceSpec::read(value, "").map_err(|e| ExportError::ServiceUnreadable {
        name: name.to_owned(),
        message: e.to_string(),
    })
}

/// The networking the service uses: its own `cloud.networking`, else its resource group's.
///
/// # Examples
/// ```
/// use easnet_core::export::service_networking;
/// use easnet_core::plan::parse_plan;
///
/// let plan = parse_plan(r#"{"version": 1,
///   "resource_groups": [{"id": "eas-r-a", "networking": {"vpc_id": "vpc-a", "vswitch_id": "vsw-a", "security_group_id": "sg-a"}}],
///   "services": [{"service": {"metadata": {"name": "s", "resource": "eas-r-a"}}},
///                {"service": {"metadata": {"name": "lone"}}}]}"#).unwrap();
/// assert_eq!(service_networking(&plan, "s").unwrap().vswitch_id.as_deref(), Some("vsw-a"));
/// assert!(service_networking(&plan, "lone").unwrap_err().to_string().contains("uses no VPC"));
/// ```
pub fn service_networking(plan: &Plan, name: &str) -> Result<Networking, ExportError> {
    let (_, entry) = find_service(plan, name)?;
    let value = service_value(entry, name)?;
    let spec = spec(&value, name)?;
    effective_networking(plan, &spec)
        .map(|(net, _)| net)
        .ok_or_else(|| ExportError::NoNetworking(name.to_owned()))
}

/// The service's JSON as the plan holds it, shifted left by the indent it has inside the plan
/// (JSON strings cannot hold a raw line break, so removing leading whitespace shared by
/// every line after the first changes only layout). Everything else is byte for byte.
///
/// # Examples
/// ```
/// use easnet_core::export::service_text;
/// use easnet_core::plan::parse_plan;
///
/// let plan = parse_plan("{\"version\": 1, \"services\": [{\n    \"service\": {\n      \"metadata\": {\"name\": \"a\", \"n\": 1e3}\n    }\n  }]}").unwrap();
/// assert_eq!(service_text(&plan, "a").unwrap(), "{\n  \"metadata\": {\"name\": \"a\", \"n\": 1e3}\n}");
/// assert!(service_text(&plan, "b").is_err());
/// ```
pub fn service_text(plan: &Plan, name: &str) -> Result<String, ExportError> {
    let (_, entry) = find_service(plan, name)?;
    Ok(dedent(entry.service.text()))
}

/// Removes the leading whitespace shared by every non-blank line after the first.
fn dedent(text: &str) -> String {
    let mut lines = text.split('\n');
    let first = lines.next().unwrap_or_default();
    let rest: Vec<&str> = lines.collect();
    let indent_of = |l: &&str| l.len() - l.trim_start_matches([' ', '\t']).len();
    let common = (rest.iter())
        .filter(|l| !l.trim().is_empty())
        .map(|l| &l[..indent_of(l)])
        .reduce(|a, b| {
            let n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
            &a[..n]
        })
        .unwrap_or("");
    let mut out = first.to_owned();
    for l in rest {
        out.push('\n');
        out.push_str(
            l.strip_prefix(common)
                .unwrap_or(l.trim_start_matches([' ', '\t'])),
        );
    }
    out
}

/// The `UpdateResourceDLink` call for the resource group the service runs on
/// (`metadata.resource`), with that group's networking, or the service's own when the group
/// has none yet (giving the group the VPC the service is meant to use). The region is the
/// plan's, or the placeholder `<RegionId>` when the plan names none.
///
/// # Examples
/// ```
/// use easnet_core::export::service_dlink;
/// use easnet_core::plan::parse_plan;
///
/// let plan = parse_plan(r#"{"version": 1, "region": "cn-shanghai",
///   "resource_groups": [{"id": "eas-r-a", "networking": {"vpc_id": "vpc-a", "vswitch_id": "vsw-a", "security_group_id": "sg-a"}}],
///   "services": [{"service": {"metadata": {"name": "s", "resource": "eas-r-a"}}},
///                {"service": {"metadata": {"name": "public"}}}]}"#).unwrap();
/// assert!(service_dlink(&plan, "s").unwrap().starts_with("aliyun eas PUT /api/v2/resources/cn-shanghai/eas-r-a/dlink"));
/// assert_eq!(
///     service_dlink(&plan, "public").unwrap_err().to_string(),
///     "service \"public\" is not on a resource group of the plan (metadata.resource)"
/// );
/// ```
pub fn service_dlink(plan: &Plan, name: &str) -> Result<String, ExportError> {
    let (_, entry) = find_service(plan, name)?;
    let value = service_value(entry, name)?;
    let spec = spec(&value, name)?;
    let group = (spec.resource)
        .and_then(|id| plan.resource_groups.iter().find(|g| g.id == id))
        .ok_or_else(|| ExportError::NoResourceGroup(name.to_owned()))?;
    let net = (group.networking.clone())
        .filter(Networking::is_set)
        .or_else(|| spec.networking.clone().filter(Networking::is_set))
        .ok_or_else(|| ExportError::NoNetworking(name.to_owned()))?;
    dlink_command(plan.region.as_deref(), &group.id, &net)
}

#[cfg(test)]
mod tests {
    use super::dedent;

    #[test]
    fn dedents_what_all_lines_share() {
        assert_eq!(
            dedent("{\n      \"a\": 1,\n\n      \"b\": 2\n    }"),
            "{\n  \"a\": 1,\n\n  \"b\": 2\n}"
        );
        assert_eq!(dedent("{\"a\": 1}"), "{\"a\": 1}");
        assert_eq!(dedent("{\n\t\t\"a\": 1\n\t}"), "{\n\t\"a\": 1\n}");
    }
}
