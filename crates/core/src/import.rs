//! Importing pasted or dropped JSON: a whole plan, a bare EAS service JSON that becomes a
//! service of the current plan, or the output of `aliyun` describe calls merged into the
//! current plan ([`crate::cloud`]).

use serde_json::Value;

use crate::addr::{parse_cidr, usable_ips};
use crate::cloud::{self, ImportSummary};
use crate::plan::service_json::set_networking;
use crate::plan::{
    parse_plan, Networking, Plan, PlanError, ServiceEntry, ServiceJson, ServiceSpec,
};

/// What an import produced.
#[derive(Debug, Clone, PartialEq)]
pub enum Imported {
    /// A whole plan, replacing the current one: a pasted plan, or the current plan with a
    /// pasted network merged in.
    Plan(Plan),
    /// The current plan with one more service (its name), networking pre-filled when the
    /// service JSON had none.
    Service { plan: Plan, name: String },
}

/// Top-level keys that make a paste a plan.
const PLAN_KEYS: &[&str] = &["version", "vpcs", "services"];
/// Top-level keys that make a paste an EAS service JSON.
const SERVICE_KEYS: &[&str] = &["metadata", "containers", "processor", "cloud", "model_path"];

/// What a paste produced, the network of describe calls included: the page's one entry point
/// for pasted or dropped JSON ([`import_paste`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Pasted {
    /// A whole plan, replacing the current one.
    Plan(Plan),
    /// The current plan with one more service (its name).
    Service { plan: Plan, name: String },
    /// The current plan with the network of `aliyun` describe output merged in, and what was
    /// imported, updated and skipped.
    Network { plan: Plan, summary: ImportSummary },
}

/// Recognises `text` as a plan, a service JSON, or describe-call output and imports it, like
/// [`import_text`], but keeps a network import's summary ([`Pasted::Network`]). Describe
/// output is one response, several pasted together, or a `--pager` list; an error response,
/// an unknown shape or a page cut off is an error with path `""`. The current plan is never
/// changed: on error nothing is imported.
///
/// # Examples
/// ```
/// use easnet_core::import::{import_paste, Pasted};
/// use easnet_core::plan::Plan;
/// let paste = r#"{"RequestId": "r", "Vpcs": {"Vpc": [{"VpcId": "vpc-a", "CidrBlock": "10.0.0.0/16"}]}}"#;
/// let Ok(Pasted::Network { plan, summary }) = import_paste(paste, &Plan::empty()) else { panic!() };
/// assert_eq!((plan.vpcs[0].id.as_str(), summary.imported), ("vpc-a", 1));
///
/// let denied = r#"{"RequestId": "r", "Code": "Forbidden.RAM", "Message": "User not authorized"}"#;
/// assert!(import_paste(denied, &plan).unwrap_err().message.contains("Forbidden.RAM"));
/// ```
pub fn import_paste(text: &str, current: &Plan) -> Result<Pasted, PlanError> {
    // Read once here; a paste of several responses is not one JSON value, and is looked at
    // again by the importer, which reads each.
    let parsed: Result<Value, _> = serde_json::from_str(text);
    let describe = match &parsed {
        Ok(value) => {
            let plan_or_service = value.as_object().is_some_and(|o| {
                PLAN_KEYS
                    .iter()
                    .chain(SERVICE_KEYS)
                    .any(|k| o.contains_key(*k))
            });
            !plan_or_service && cloud::is_describe_value(value)
        }
        Err(_) => cloud::is_describe_paste(text),
    };
    if describe {
        return cloud::import(text, current)
            .map(|n| Pasted::Network {
                plan: n.plan,
                summary: n.summary,
            })
            .map_err(|e| PlanError::new("", e.message));
    }
    let value = parsed.map_err(|e| PlanError::new("", format!("not JSON: {e}")))?;
    let Some(obj) = value.as_object() else {
        return Err(PlanError::new(
            "",
            "expected a plan, an EAS service JSON, or the output of an aliyun describe call: a JSON object",
        ));
    };
    if PLAN_KEYS.iter().any(|k| obj.contains_key(*k)) {
        return parse_plan(text).map(Pasted::Plan);
    }
    let is_service = SERVICE_KEYS.iter().any(|k| obj.contains_key(*k));
    if !is_service {
        return Err(PlanError::new(
            "",
            "expected a plan (with \"version\": 1), an EAS service JSON (with \"metadata\"), \
             or the output of an aliyun describe call (with \"Vpcs\", \"VSwitches\", \
             \"SecurityGroups\", …)",
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
    Ok(Pasted::Service { plan, name })
}

/// Recognises `text` as a plan (it has `"version"`), a service JSON (it has `"metadata"`,
/// `"containers"`, `"processor"` or `"cloud"`), or the output of `aliyun` describe calls, and
/// imports it. Describe output comes back as [`Imported::Plan`]: the current plan with the
/// network merged in (use [`import_paste`] to get the summary too). The current plan is
/// never changed: on error nothing is imported.
///
/// # Examples
/// ```
/// use easnet_core::import::{import_text, Imported};
/// use easnet_core::plan::Plan;
/// let got = import_text(r#"{"metadata": {"name": "svc"}}"#, &Plan::empty()).unwrap();
/// assert!(matches!(got, Imported::Service { ref name, .. } if name == "svc"));
/// assert_eq!(import_text("[]", &Plan::empty()).unwrap_err().path, "");
/// let vpcs = r#"{"Vpcs": {"Vpc": [{"VpcId": "vpc-a"}]}}"#;
/// assert!(matches!(import_text(vpcs, &Plan::empty()), Ok(Imported::Plan(p)) if p.vpcs[0].id == "vpc-a"));
/// ```
pub fn import_text(text: &str, current: &Plan) -> Result<Imported, PlanError> {
    Ok(match import_paste(text, current)? {
        Pasted::Plan(plan) | Pasted::Network { plan, .. } => Imported::Plan(plan),
        Pasted::Service { plan, name } => Imported::Service { plan, name },
    })
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
    fn describe_output_merges_into_the_plan_and_keeps_its_services() {
        let plan = parse_plan(default_example().json).unwrap();
        let paste = r#"{"VSwitches": {"VSwitch": [{"VSwitchId": "vsw-uf6new", "VpcId": "vpc-uf6ml-prod",
            "ZoneId": "cn-shanghai-e", "CidrBlock": "192.168.99.0/24", "AvailableIpAddressCount": 252}]}}"#;
        let Pasted::Network {
            plan: next,
            summary,
        } = import_paste(paste, &plan).unwrap()
        else {
            panic!("network")
        };
        assert_eq!(next.services, plan.services);
        assert_eq!(summary.imported, 1, "{summary:?}");
        assert!(next.vpcs[0].vswitches.iter().any(|s| s.id == "vsw-uf6new"));
        let Imported::Plan(same) = import_text(paste, &plan).unwrap() else {
            panic!("plan")
        };
        assert_eq!(same, next);
    }

    #[test]
    fn a_service_or_plan_with_a_request_id_is_still_one() {
        let service = r#"{"RequestId": "r", "metadata": {"name": "s"}}"#;
        assert!(matches!(
            import_paste(service, &Plan::empty()),
            Ok(Pasted::Service { .. })
        ));
        // Any other Alibaba Cloud response gets the importer's message.
        let other = r#"{"RequestId": "r", "Instances": {"Instance": []}}"#;
        let e = import_paste(other, &Plan::empty()).unwrap_err();
        assert!(
            e.message
                .contains("found an object with keys RequestId, Instances"),
            "{e}"
        );
        // Several responses pasted together are not one JSON value, and still a network.
        let two = r#"{"Vpcs": {"Vpc": []}} {"VSwitches": {"VSwitch": []}}"#;
        assert!(matches!(
            import_paste(two, &Plan::empty()),
            Ok(Pasted::Network { .. })
        ));
    }

    #[test]
    fn describe_errors_leave_nothing_imported() {
        let plan = Plan::empty();
        for (paste, want) in [
            (
                r#"{"Code": "Throttling.User", "Message": "Request was denied due to user flow control.", "RequestId": "r"}"#,
                "Throttling.User",
            ),
            (
                r#"{"NextToken": "x", "RouteEntrys": {"RouteEntry": []}}"#,
                "cut off",
            ),
            (
                r#"{"Vpcs": {}} {"Instances": {}}"#,
                "response 2 is not the output of a describe call",
            ),
            (
                "ERROR: SDK.ServerError\nErrorCode: Forbidden\nMessage: denied",
                "Forbidden: denied",
            ),
        ] {
            let e = import_paste(paste, &plan).unwrap_err();
            assert!(e.message.contains(want), "{paste}: {e}");
            assert_eq!(e.path, "");
        }
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
        assert!(import_text("{\"hello\": 1}", &plan)
            .unwrap_err()
            .message
            .contains("aliyun describe call"));
        let e = import_text("{\"metadata\": {\"instance\": \"2\"}}", &plan).unwrap_err();
        assert_eq!(e.path, "services[0].service.metadata.instance");
        let e = import_text("{\"version\": 1, \"vpcs\": [{}]}", &plan).unwrap_err();
        assert_eq!(e.path, "vpcs[0].id");
    }
}
