//! Every export the page offers for a plan and one of its services, ready to copy or download.

use super::lookup::first_service_name;
use super::{
    diff_lines, eascmd_lines, find_service, markdown_report, networking_json, service_dlink,
    service_networking, service_text, test_commands, whitelist_entries, DiffLine,
};
use crate::analyze::Report;
use crate::plan::{write_plan, Plan};
use crate::text::shell::{comment, shell_word};

/// One export: what it is, its text, and how to save it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    pub title: String,
    pub description: String,
    pub text: String,
    pub file_name: String,
    pub mime: String,
    /// For the edited service JSON: its lines against the JSON as imported, each same, added
    /// or removed.
    pub diff: Option<Vec<DiffLine>>,
}

fn export(title: &str, description: String, text: String, file_name: &str, mime: &str) -> Export {
    Export {
        title: title.to_owned(),
        description,
        text,
        file_name: file_name.to_owned(),
        mime: mime.to_owned(),
        diff: None,
    }
}

const JSON: &str = "application/json";
const TEXT: &str = "text/plain";

/// The exports for `service` (by name; the first service when `None`), then the plan-wide
/// ones. An export that does not apply (no networking, no resource group) is left out.
///
/// # Examples
/// ```
/// use easnet_core::{analyze::analyze, samples::examples::default_example, plan::parse_plan};
/// use easnet_core::export::page_exports;
/// let plan = parse_plan(default_example().json).unwrap();
/// let titles: Vec<String> = page_exports(&plan, &analyze(&plan), None).into_iter().map(|e| e.title).collect();
/// assert_eq!(titles, ["cloud.networking", "Service JSON", "eascmd", "Whitelist entries", "Test command", "Report", "Plan JSON"]);
/// assert_eq!(page_exports(&plan, &analyze(&plan), Some("nope")).len(), 2);
/// ```
pub fn page_exports(plan: &Plan, report: &Report, service: Option<&str>) -> Vec<Export> {
    let mut list = service_exports(plan, report, service);
    list.extend(PlanExport::ALL.map(|which| which.build(plan, report)));
    list
}

/// The plan-wide exports. They cost time in proportion to the whole plan, so the page builds
/// one only when it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanExport {
    Report,
    Plan,
}

impl PlanExport {
    pub const ALL: [PlanExport; 2] = [PlanExport::Report, PlanExport::Plan];

    pub fn title(self) -> &'static str {
        match self {
            PlanExport::Report => "Report",
            PlanExport::Plan => "Plan JSON",
        }
    }

    pub fn build(self, plan: &Plan, report: &Report) -> Export {
        match self {
            PlanExport::Report => export(
                self.title(),
                "Findings, capacity and paths as Markdown, for a pull request or a ticket."
                    .to_owned(),
                markdown_report(plan, report),
                "easnet-report.md",
                "text/markdown",
            ),
            PlanExport::Plan => export(
                self.title(),
                "The whole plan, to keep in your repository and check in CI with easnet check."
                    .to_owned(),
                write_plan(plan),
                "easnet-plan.json",
                JSON,
            ),
        }
    }
}

/// The exports of one service (by name; the first service when `None`): the first part of
/// [`page_exports`].
pub fn service_exports(plan: &Plan, report: &Report, service: Option<&str>) -> Vec<Export> {
    // Found by reading the services up to the one wanted, not all of them: the page builds
    // these on every edit of plans of hundreds of services.
    let name = match service {
        Some(name) => find_service(plan, name).ok().map(|_| name.to_owned()),
        None => first_service_name(plan),
    };
    let name = name.as_deref();
    let mut list = Vec::new();
    if let Some(name) = name {
        let file = format!("{name}.json");
        if let Ok(net) = service_networking(plan, name) {
            list.push(export(
                "cloud.networking",
                format!(
                    "The networking object of {name}, to put under \"cloud\" in its service JSON."
                ),
                networking_json(&net),
                "networking.json",
                JSON,
            ));
        }
        if let Ok(text) = service_text(plan, name) {
            let original = find_service(plan, name)
                .map(|(_, e)| e.service.text().to_owned())
                .unwrap_or_default();
            let diff = diff_lines(&original, &text);
            let mut e = export("Service JSON", format!("{name}'s service JSON with cloud.networking set; every other key, number and space as you gave it."), text, &file, JSON);
            e.diff = Some(diff);
            list.push(e);
        }
        list.push(export(
            "eascmd",
            format!("Create or update {name} with the service JSON above saved as {file}."),
            eascmd_lines(name, &file).join("\n"),
            "eascmd.sh",
            TEXT,
        ));
        if let Ok(cmd) = service_dlink(plan, name) {
            list.push(export(
                "Resource group DLink",
                "Turn on the VPC direct connection of the service's resource group.".to_owned(),
                cmd,
                "dlink.sh",
                TEXT,
            ));
        }
        if let Ok(advice) = whitelist_entries(plan, report, name) {
            if !advice.is_empty() {
                let text = advice
                    .iter()
                    .map(|a| {
                        // Names and addresses are the plan's: in comments kept on their
                        // line, and the entries quoted, so the text is safe to paste whole.
                        let mut lines = vec![comment(&format!(
                            "{} ({}, {})",
                            a.target, a.address, a.route
                        ))];
                        if let Some(note) = &a.note {
                            lines.push(comment(note));
                        }
                        if a.to_add.is_empty() {
                            lines.push(
                                "# nothing to add: the whitelist already covers it".to_owned(),
                            );
                        } else {
                            lines.extend(a.to_add.iter().map(|e| shell_word(e)));
                        }
                        lines.extend(a.command.clone());
                        lines.join("\n")
                    })
                    .collect::<Vec<_>>()
                    .join("\n\n");
                list.push(export("Whitelist entries", "What each target's whitelist must admit: the vSwitch CIDR for private targets, the SNAT IPs for public ones.".to_owned(), text, "whitelist.txt", TEXT));
            }
        }
        if let Ok(cmds) = test_commands(plan, name) {
            if !cmds.is_empty() {
                list.push(export("Test command", "Add to the service's start-up command, then read the instance log: a response means the path works.".to_owned(), cmds.join("\n"), "connectivity-test.sh", TEXT));
            }
        }
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::analyze;
    use crate::export::DiffKind;
    use crate::plan::parse_plan;

    #[test]
    fn a_service_after_one_without_a_name_diffs_against_its_own_json() {
        let plan = parse_plan(
            r#"{"version": 1, "services": [
                {"service": {"metadata": {"instance": 1}}},
                {"service": {"metadata": {"name": "a", "instance": 2}}}]}"#,
        )
        .unwrap();
        let report = analyze(&plan);
        for service in [None, Some("a")] {
            let exports = service_exports(&plan, &report, service);
            let json = exports.iter().find(|e| e.title == "Service JSON").unwrap();
            let diff = json.diff.as_ref().unwrap();
            // The lines of a's own JSON are kept, not the unnamed service's.
            assert!(
                diff.iter()
                    .any(|l| l.kind == DiffKind::Same && l.text.contains("\"a\"")),
                "{service:?}: {diff:?}"
            );
            assert!(
                !diff.iter().any(|l| l.kind == DiffKind::Removed),
                "{diff:?}"
            );
        }
        assert!(service_exports(&plan, &report, Some("b")).is_empty());
    }
}
