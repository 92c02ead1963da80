//! Importing pasted or dropped JSON: a whole plan, a bare EAS service JSON that becomes a
//! service of the current plan, or the output of `aliyun` describe calls merged into the
//! current plan ([`crate::cloud`]).
//!
//! The page reads describe output apart from itself, in a Web Worker of its own that it loads
//! only when such a paste comes: [`import_here`] imports what is not describe output and
//! says when a paste is, and [`apart`] is what goes to that worker and comes back.

pub mod apart;

use std::fmt;

use serde_json::Value;

use crate::addr::{parse_cidr, usable_ips};
use crate::cloud::{self, CloudError, ImportSummary};
use crate::i18n::Said;
use crate::i18n::{plan_error_text, Catalogue};
use crate::plan::json_syntax::explained;
use crate::plan::service_json::set_networking;
use crate::plan::{
    parse_plan, Networking, Plan, PlanError, ServiceEntry, ServiceJson, ServiceSpec,
};

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
    /// The current plan with one more service (its name), networking pre-filled when the
    /// service JSON had none.
    Service { plan: Plan, name: String },
    /// The current plan with the network of `aliyun` describe output merged in, and what was
    /// imported, updated and skipped.
    Network { plan: Plan, summary: ImportSummary },
}

/// Why a paste imported nothing. Its text ([`fmt::Display`]) is the error's own: a cloud
/// error's message, a plan error's path and message.
///
/// # Examples
/// ```
/// use easnet_core::cloud::CloudErrorKind;
/// use easnet_core::import::{import_paste, ImportError};
/// use easnet_core::plan::Plan;
/// let cut = r#"{"NextToken": "AAAB", "SecurityGroups": {"SecurityGroup": []}}"#;
/// let e = import_paste(cut, &Plan::empty()).unwrap_err();
/// let ImportError::Cloud(c) = &e else { panic!("a cloud error") };
/// assert_eq!(c.kind, CloudErrorKind::CutOff);
/// assert_eq!(e.to_string(), c.message);
/// assert!(c.message.starts_with("the response (DescribeSecurityGroups) is cut off"));
///
/// let e = import_paste(r#"{"version": 1, "vpcs": [{}]}"#, &Plan::empty()).unwrap_err();
/// assert!(matches!(&e, ImportError::Plan(p) if p.path == "vpcs[0].id"));
/// assert_eq!(e.to_string(), "vpcs[0].id: missing required field (line 1, column 26)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Describe output the importer refused (an error response, a page cut off, a merge that
    /// would break the plan format), its kind kept: the plan it names is the cloud's.
    Cloud(CloudError),
    /// A plan or a service JSON that cannot be read (its JSON path), or a paste that is not
    /// JSON or none of the three (an empty path).
    Plan(PlanError),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Cloud(e) => e.fmt(f),
            ImportError::Plan(e) => e.fmt(f),
        }
    }
}

impl ImportError {
    /// The error in `cat`'s words: a cloud error's [`CloudError::message_in`], a plan
    /// error as PLAN001 says it ([`plan_error_text`]). English is [`fmt::Display`]'s text.
    ///
    /// # Examples
    /// ```
    /// use easnet_core::i18n::{Catalogue, Lang};
    /// use easnet_core::import::import_paste;
    /// use easnet_core::plan::Plan;
    /// let cut = r#"{"NextToken": "AAAB", "SecurityGroups": {"SecurityGroup": []}}"#;
    /// let e = import_paste(cut, &Plan::empty()).unwrap_err();
    /// assert_eq!(e.message_in(Catalogue::english()), e.to_string());
    /// let zh = Catalogue::embedded(Lang::Zh).unwrap();
    /// assert!(e.message_in(zh).starts_with("响应（DescribeSecurityGroups）不完整：其 NextToken 不为空"));
    /// ```
    pub fn message_in(&self, cat: &Catalogue) -> String {
        match self {
            ImportError::Cloud(e) => e.message_in(cat),
            ImportError::Plan(e) => plan_error_text(cat, e),
        }
    }
}

impl std::error::Error for ImportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ImportError::Cloud(e) => Some(e),
            ImportError::Plan(e) => Some(e),
        }
    }
}

impl From<CloudError> for ImportError {
    fn from(e: CloudError) -> Self {
        ImportError::Cloud(e)
    }
}

impl From<PlanError> for ImportError {
    fn from(e: PlanError) -> Self {
        ImportError::Plan(e)
    }
}

/// Recognises `text` as a plan (it has `"version"`, `"vpcs"` or `"services"`), a service
/// JSON (it has `"metadata"`, `"containers"`, `"processor"`, `"cloud"` or `"model_path"`), or
/// the output of `aliyun` describe calls, and imports it. Describe output is one response,
/// several pasted together, or a `--pager` list, and comes back as [`Pasted::Network`] with the
/// import's summary; an error response, an unknown shape or a page cut off is an
/// [`ImportError::Cloud`]. The current plan is never changed: on error nothing is imported.
///
/// # Examples
/// ```
/// use easnet_core::import::{import_paste, ImportError, Pasted};
/// use easnet_core::plan::Plan;
/// let paste = r#"{"RequestId": "r", "Vpcs": {"Vpc": [{"VpcId": "vpc-a", "CidrBlock": "10.0.0.0/16"}]}}"#;
/// let Ok(Pasted::Network { plan, summary }) = import_paste(paste, &Plan::empty()) else { panic!() };
/// assert_eq!((plan.vpcs[0].id.as_str(), summary.imported), ("vpc-a", 1));
///
/// let denied = r#"{"RequestId": "r", "Code": "Forbidden.RAM", "Message": "User not authorized"}"#;
/// assert!(import_paste(denied, &plan).unwrap_err().to_string().contains("Forbidden.RAM"));
///
/// let got = import_paste(r#"{"metadata": {"name": "svc"}}"#, &Plan::empty()).unwrap();
/// assert!(matches!(got, Pasted::Service { ref name, .. } if name == "svc"));
/// let e = import_paste("[]", &Plan::empty()).unwrap_err();
/// assert!(matches!(e, ImportError::Plan(ref e) if e.path.is_empty()));
/// let vpcs = r#"{"Vpcs": {"Vpc": [{"VpcId": "vpc-a"}]}}"#;
/// assert!(matches!(import_paste(vpcs, &Plan::empty()), Ok(Pasted::Network { plan: p, .. }) if p.vpcs[0].id == "vpc-a"));
/// ```
pub fn import_paste(text: &str, current: &Plan) -> Result<Pasted, ImportError> {
    import_paste_in(text, current, Catalogue::english())
}

/// [`import_paste`] with a network's summary in the language of `cat` (its refusals are
/// written in any language by [`ImportError::message_in`]).
pub fn import_paste_in(text: &str, current: &Plan, cat: &Catalogue) -> Result<Pasted, ImportError> {
    import_here(text, current).unwrap_or_else(|| {
        let n = cloud::import_in(strip_bom(text), current, cat)?;
        Ok(Pasted::Network {
            plan: n.plan,
            summary: n.summary,
        })
    })
}

/// [`import_paste`] for a plan or a service JSON; `None` when `text` is the output of
/// `aliyun` describe calls, which the page imports apart ([`apart`]) so that the describe
/// importer is not in the page until it is needed. `text` is read once either way.
///
/// # Examples
/// ```
/// use easnet_core::import::{import_here, Pasted};
/// use easnet_core::plan::Plan;
/// let vpcs = r#"{"Vpcs": {"Vpc": [{"VpcId": "vpc-a"}]}}"#;
/// assert!(import_here(vpcs, &Plan::empty()).is_none());
/// let service = r#"{"metadata": {"name": "svc"}}"#;
/// assert!(matches!(import_here(service, &Plan::empty()), Some(Ok(Pasted::Service { .. }))));
/// assert!(matches!(import_here("[]", &Plan::empty()), Some(Err(_))));
/// ```
pub fn import_here(text: &str, current: &Plan) -> Option<Result<Pasted, ImportError>> {
    let text = strip_bom(text);
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
        return None;
    }
    Some(import_plan_or_service(text, parsed, current))
}

/// A file saved as "UTF-8 with BOM" is dropped in as it is: the mark is not JSON.
fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// A paste that is not describe output: a plan, a service JSON, or an error saying why it is
/// neither.
fn import_plan_or_service(
    text: &str,
    parsed: Result<Value, serde_json::Error>,
    current: &Plan,
) -> Result<Pasted, ImportError> {
    let value = parsed.map_err(|e| not_json(text, &e))?;
    let Some(obj) = value.as_object() else {
        return Err(ImportError::Plan(PlanError::said(
            "",
            Said::new("import_error.not_an_object"),
        )));
    };
    if PLAN_KEYS.iter().any(|k| obj.contains_key(*k)) {
        return Ok(Pasted::Plan(parse_plan(text)?));
    }
    let is_service = SERVICE_KEYS.iter().any(|k| obj.contains_key(*k));
    if !is_service {
        return Err(ImportError::Plan(PlanError::said(
            "",
            Said::new("import_error.unknown_kind"),
        )));
    }
    let at = format!("services[{}].service", current.services.len());
    let mut service = ServiceJson::from_text(text.trim()).map_err(|e| not_json(text.trim(), &e))?;
    let spec = ServiceSpec::read(&value, &at)?;
    if !spec.networking.as_ref().is_some_and(Networking::is_set) {
        // Spliced into the text: every other byte of the user's file stays as it was.
        if let Some(net) = suggest_networking(current) {
            // Cannot fail here: the text is JSON, an object, and its `cloud` an object or
            // absent (ServiceSpec::read above refuses anything else).
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

/// `not JSON: …`, explained.
fn not_json(text: &str, e: &serde_json::Error) -> PlanError {
    PlanError::said(
        "",
        Said::new("import_error.not_json").with_said("why", explained(text, e)),
    )
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
            ..Networking::default()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::CloudErrorKind;
    use crate::samples::examples::default_example;

    /// The plan error of a paste that is not describe output.
    fn plan_error(text: &str, plan: &Plan) -> PlanError {
        match import_paste(text, plan) {
            Err(ImportError::Plan(e)) => e,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn a_service_json_joins_the_plan_with_networking_prefilled() {
        let plan = parse_plan(default_example().json).unwrap();
        let got = import_paste(
            r#"{"metadata": {"name": "embed", "instance": 2}, "containers": []}"#,
            &plan,
        )
        .unwrap();
        let Pasted::Service { plan: next, name } = got else {
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
        let Pasted::Service { plan: next, .. } = import_paste(text, &plan).unwrap() else {
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
        let Pasted::Service { plan, .. } = import_paste(text, &Plan::empty()).unwrap() else {
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
            matches!(&e, ImportError::Cloud(c) if c.kind == CloudErrorKind::UnknownShape),
            "{e:?}"
        );
        assert!(
            e.to_string()
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
            // The importer's error as it is: its kind, and no JSON path of the plan.
            let Err(ImportError::Cloud(e)) = import_paste(paste, &plan) else {
                panic!("{paste}: a cloud error")
            };
            assert!(e.message.contains(want), "{paste}: {e}");
        }
    }

    #[test]
    fn bad_input_names_the_problem() {
        let plan = Plan::empty();
        assert!(plan_error("{", &plan).message.starts_with("not JSON"));
        assert!(plan_error("{\"hello\": 1}", &plan)
            .message
            .contains("EAS service JSON"));
        assert!(plan_error("{\"hello\": 1}", &plan)
            .message
            .contains("aliyun describe call"));
        let e = plan_error("{\"metadata\": {\"instance\": \"2\"}}", &plan);
        assert_eq!(e.path, "services[0].service.metadata.instance");
        let e = plan_error("{\"version\": 1, \"vpcs\": [{}]}", &plan);
        assert_eq!(e.path, "vpcs[0].id");
    }
}
