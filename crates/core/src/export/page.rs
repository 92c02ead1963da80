//! Every export the page offers for a plan and one of its services, ready to copy or download.

use super::lookup::first_service_name;
use super::{
    diff_lines, eascmd_lines, find_service, markdown_report, networking_json, service_dlink,
    service_networking, service_text, test_commands, whitelist_entries, DiffLine,
};
use crate::analyze::Report;
use crate::args;
use crate::i18n::Catalogue;
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

fn export(title: String, description: String, text: String, file_name: &str, mime: &str) -> Export {
    Export {
        title,
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
/// Titles, descriptions and the words of the texts (the report, the whitelist's comments) are
/// `cat`'s; commands, JSON and IDs are as they are.
///
/// # Examples
/// ```
/// use easnet_core::{analyze::analyze, samples::examples::default_example, plan::parse_plan};
/// use easnet_core::export::page_exports;
/// use easnet_core::i18n::Catalogue;
/// let plan = parse_plan(default_example().json).unwrap();
/// let en = Catalogue::english();
/// let titles: Vec<String> = page_exports(&plan, &analyze(&plan), None, en).into_iter().map(|e| e.title).collect();
/// assert_eq!(titles, ["cloud.networking", "Service JSON", "eascmd", "Whitelist entries", "Test command", "Report", "Plan JSON"]);
/// assert_eq!(page_exports(&plan, &analyze(&plan), Some("nope"), en).len(), 2);
/// ```
pub fn page_exports(
    plan: &Plan,
    report: &Report,
    service: Option<&str>,
    cat: &Catalogue,
) -> Vec<Export> {
    let mut list = service_exports(plan, report, service, cat);
    list.extend(PlanExport::ALL.map(|which| which.build(plan, report, cat)));
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

    pub fn title(self, cat: &Catalogue) -> String {
        match self {
            PlanExport::Report => cat.text("export.report.title", &[]),
            PlanExport::Plan => cat.text("export.plan.title", &[]),
        }
    }

    pub fn build(self, plan: &Plan, report: &Report, cat: &Catalogue) -> Export {
        match self {
            PlanExport::Report => export(
                self.title(cat),
                cat.text("export.report.description", &[]),
                markdown_report(plan, report, cat),
                "easnet-report.md",
                "text/markdown",
            ),
            PlanExport::Plan => export(
                self.title(cat),
                cat.text("export.plan.description", &[]),
                write_plan(plan),
                "easnet-plan.json",
                JSON,
            ),
        }
    }
}

/// The exports of one service (by name; the first service when `None`): the first part of
/// [`page_exports`].
pub fn service_exports(
    plan: &Plan,
    report: &Report,
    service: Option<&str>,
    cat: &Catalogue,
) -> Vec<Export> {
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
                "cloud.networking".to_owned(),
                cat.text("export.networking.description", args![service = name]),
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
            let mut e = export(
                cat.text("export.service.title", &[]),
                cat.text("export.service.description", args![service = name]),
                text,
                &file,
                JSON,
            );
            e.diff = Some(diff);
            list.push(e);
        }
        list.push(export(
            "eascmd".to_owned(),
            cat.text(
                "export.eascmd.description",
                args![service = name, file = file],
            ),
            eascmd_lines(name, &file).join("\n"),
            "eascmd.sh",
            TEXT,
        ));
        if let Ok(cmd) = service_dlink(plan, name) {
            list.push(export(
                cat.text("export.dlink.title", &[]),
                cat.text("export.dlink.description", &[]),
                cmd,
                "dlink.sh",
                TEXT,
            ));
        }
        if let Ok(advice) = whitelist_entries(plan, report, name, cat) {
            if !advice.is_empty() {
                let text = advice
                    .iter()
                    .map(|a| {
                        // Names and addresses are the plan's: in comments kept on their
                        // line, and the entries quoted, so the text is safe to paste whole.
                        let mut lines = vec![comment(&cat.text(
                            "export.whitelist.target",
                            args![
                                target = a.target,
                                address = a.address,
                                route = route_label(&a.route, cat)
                            ],
                        ))];
                        if let Some(note) = &a.note {
                            lines.push(comment(note));
                        }
                        if a.to_add.is_empty() {
                            lines.push(comment(&cat.text("export.whitelist.covered", &[])));
                        } else {
                            lines.extend(a.to_add.iter().map(|e| shell_word(e)));
                        }
                        lines.extend(a.command.clone());
                        lines.join("\n")
                    })
                    .collect::<Vec<_>>()
                    .join("\n\n");
                list.push(export(
                    cat.text("export.whitelist.title", &[]),
                    cat.text("export.whitelist.description", &[]),
                    text,
                    "whitelist.txt",
                    TEXT,
                ));
            }
        }
        if let Ok(cmds) = test_commands(plan, name) {
            if !cmds.is_empty() {
                list.push(export(
                    cat.text("export.test_command.title", &[]),
                    cat.text("export.test_command.description", &[]),
                    cmds.join("\n"),
                    "connectivity-test.sh",
                    TEXT,
                ));
            }
        }
    }
    list
}

/// A whitelist advice's route (`private`, `internet`) in `cat`'s words; anything else as it is.
pub(super) fn route_label(route: &str, cat: &Catalogue) -> String {
    match route {
        "internet" => cat.text("report.route.internet", &[]),
        "private" => cat.text("report.route.private", &[]),
        "unknown" => cat.text("report.route.unknown", &[]),
        other => other.to_owned(),
    }
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
            let exports = service_exports(&plan, &report, service, Catalogue::english());
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
        assert!(service_exports(&plan, &report, Some("b"), Catalogue::english()).is_empty());
    }
}
