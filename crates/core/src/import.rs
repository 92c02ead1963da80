//! Importing pasted or dropped JSON: a whole plan, or a bare EAS service JSON that becomes a
//! service of the current plan.

use serde_json::Value;

use crate::addr::{parse_cidr, usable_ips};
use crate::export::set_networking;
use crate::plan::{
    parse_plan, Networking, Plan, PlanError, ServiceEntry, ServiceJson, ServiceSpec,
};

/// What an import produced.
#[derive(Debug, Clone, PartialEq)]
pub enum Imported {
    /// A whole plan, replacing the current one.
    Plan(Plan),
    /// The current plan with one more service (its name), networking pre-filled when the
    /// service JSON had none.
    Service { plan: Plan, name: String },
}

/// Recognises `text` as a plan (it has `"version"`) or a service JSON (it has `"metadata"`,
/// `"containers"`, `"processor"` or `"cloud"`) and imports it. The current plan is never
/// changed: on error nothing is imported.
///
/// # Examples
/// ```
/// use easnet_core::import::{import_text, Imported};
/// use easnet_core::plan::Plan;
/// let got = import_text(r#"{"metadata": {"name": "svc"}}"#, &Plan::empty()).unwrap();
/// assert!(matches!(got, Imported::Service { ref name, .. } if name == "svc"));
/// assert_eq!(import_text("[]", &Plan::empty()).unwrap_err().path, "");
/// ```
pub fn import_text(text: &str, current: &Plan) -> Result<Imported, PlanError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| PlanError::new("", format!("not JSON: {e}")))?;
    let Some(obj) = value.as_object() else {
        return Err(PlanError::new(
            "",
            "expected a plan or an EAS service JSON: a JSON object",
        ));
    };
    if obj.contains_key("version") || obj.contains_key("vpcs") || obj.contains_key("services") {
        return parse_plan(text).map(Imported::Plan);
    }
    let is_service = ["metadata", "containers", "processor", "cloud", "model_path"]
        .iter()
        .any(|k| obj.contains_key(*k));
    if !is_service {
        return Err(PlanError::new(
            "",
            "expected a plan (with \"version\": 1) or an EAS service JSON (with \"metadata\")",
        ));
    }
    let at = format!("services[{}].service", current.services.len());
    let mut service = ServiceJson::from_text(text.trim())
        .map_err(|e| PlanError::new("", format!("not JSON: {e}")))?;
    let spec = ServiceSpec::read(&value, &at)?;
    if !spec.networking.as_ref().is_some_and(Networking::is_set) {
        // Spliced into the text: every other byte of the user's file stays as it was.
        if let Some(net) = suggest_networking(current) {
            let text = set_networking(service.text(), &net)
                .map_err(|e| PlanError::new(at.clone(), e.to_string()))?;
            service = ServiceJson::from_text(&text)
                .map_err(|e| PlanError::new(at.clone(), e.to_string()))?;
        }
    }
    let name = spec
        .name
        .map(str::to_owned)
        .unwrap_or_else(|| format!("services[{}]", current.services.len()));
    let mut plan = current.clone();
    plan.services.push(ServiceEntry {
        service,
        needs_internet: false,
        targets: Vec::new(),
    });
    Ok(Imported::Service { plan, name })
}

/// Networking for a new service: the first VPC with a vSwitch and a security group, its
/// vSwitch with the most usable IPs left after `other_ips`, and its first security group.
pub fn suggest_networking(plan: &Plan) -> Option<Networking> {
    plan.vpcs.iter().find_map(|vpc| {
        let sg = vpc.security_groups.first()?;
        let vsw = vpc.vswitches.iter().max_by_key(|s| {
            parse_cidr(&s.cidr).map_or(0, |n| usable_ips(&n).saturating_sub(s.other_ips))
        })?;
        Some(Networking {
            vpc_id: Some(vpc.id.clone()),
            vswitch_id: Some(vsw.id.clone()),
            security_group_id: Some(sg.id.clone()),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::default_example;

    #[test]
    fn a_service_json_joins_the_plan_with_networking_prefilled() {
        let plan = parse_plan(default_example().json).unwrap();
        let got = import_text(
            r#"{"metadata": {"name": "embed", "instance": 2}, "containers": []}"#,
            &plan,
        )
        .unwrap();
        let Imported::Service { plan: next, name } = got else {
            panic!("service")
        };
        assert_eq!(name, "embed");
        assert_eq!(next.services.len(), plan.services.len() + 1);
        let added = next.services.last().unwrap().service.value().unwrap();
        // vsw-uf6app-b and vsw-uf6db-b are /24s; db has fewer other_ips, so more room.
        assert_eq!(added["cloud"]["networking"]["vswitch_id"], "vsw-uf6db-b");
        assert_eq!(
            added["cloud"]["networking"]["security_group_id"],
            "sg-uf6eas"
        );
    }

    #[test]
    fn prefilling_networking_keeps_every_other_byte() {
        let plan = parse_plan(default_example().json).unwrap();
        let text = "{\n  \"metadata\": {\"name\": \"e\", \"ratio\": 1e1},\n  \"big\": 123456789012345678901\n}";
        let Imported::Service { plan: next, .. } = import_text(text, &plan).unwrap() else {
            panic!()
        };
        let got = next.services.last().unwrap().service.text();
        assert!(
            got.contains("\"ratio\": 1e1") && got.contains("123456789012345678901"),
            "{got}"
        );
        assert!(got.contains("vsw-uf6db-b"), "{got}");
    }

    #[test]
    fn a_service_with_networking_is_kept_verbatim() {
        let text = "{\"metadata\": {\"name\": \"x\"}, \"cloud\": {\"networking\": {\"vpc_id\": \"vpc-a\"}}, \"n\": 1e3}";
        let Imported::Service { plan, .. } = import_text(text, &Plan::empty()).unwrap() else {
            panic!()
        };
        assert_eq!(plan.services[0].service.text(), text);
    }

    #[test]
    fn bad_input_names_the_problem() {
        let plan = Plan::empty();
        assert!(import_text("{", &plan)
            .unwrap_err()
            .message
            .starts_with("not JSON"));
        assert!(import_text("{\"hello\": 1}", &plan)
            .unwrap_err()
            .message
            .contains("EAS service JSON"));
        let e = import_text("{\"metadata\": {\"instance\": \"2\"}}", &plan).unwrap_err();
        assert_eq!(e.path, "services[0].service.metadata.instance");
        let e = import_text("{\"version\": 1, \"vpcs\": [{}]}", &plan).unwrap_err();
        assert_eq!(e.path, "vpcs[0].id");
    }
}
