//! Every export the page offers for a plan and one of its services, ready to copy or download.

use crate::analyze::Report;
use crate::plan::{effective_networking, write_plan, Plan, ServiceSpec};

/// One export: what it is, its text, and how to save it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    pub title: String,
    pub description: String,
    pub text: String,
    pub file_name: String,
    pub mime: String,
    /// For edited JSON: the lines against the original, `('+' | '-' | ' ', line)`.
    pub diff: Option<Vec<(char, String)>>,
}

fn export(title: &str, description: &str, text: String, file_name: &str, mime: &str) -> Export {
    Export {
        title: title.to_owned(),
        description: description.to_owned(),
        text,
        file_name: file_name.to_owned(),
        mime: mime.to_owned(),
        diff: None,
    }
}

/// The names of the plan's services, in order (`services[i]` for a service without a name).
pub fn service_names(plan: &Plan) -> Vec<String> {
    (plan.services.iter().enumerate())
        .map(|(i, e)| {
            let v = e.service.value().unwrap_or_default();
            (ServiceSpec::read(&v, "")
                .ok()
                .and_then(|s| s.name.map(str::to_owned)))
            .unwrap_or_else(|| format!("services[{i}]"))
        })
        .collect()
}

/// The exports for `service` (by name), then the plan-wide ones.
pub fn page_exports(plan: &Plan, report: &Report, service: Option<&str>) -> Vec<Export> {
    let _ = report;
    let mut list = Vec::new();
    let names = service_names(plan);
    if let Some(i) = service.and_then(|name| names.iter().position(|n| n == name)) {
        let value = plan.services[i].service.value().unwrap_or_default();
        let spec = ServiceSpec::read(&value, "").unwrap_or_default();
        if let Some((net, _)) = effective_networking(plan, &spec) {
            let text = serde_json::to_string_pretty(&net).unwrap_or_default();
            list.push(export(
                "cloud.networking",
                "The networking object to put under cloud in the service JSON.",
                text,
                "networking.json",
                "application/json",
            ));
        }
    }
    list.push(export(
        "Plan JSON",
        "The whole plan, to keep in your repository and check in CI with easnet check.",
        write_plan(plan),
        "easnet-plan.json",
        "application/json",
    ));
    list
}
