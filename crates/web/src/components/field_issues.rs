use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

use easnet_core::analyze::{Report, Severity};
use yew::prelude::*;

/// The findings of the report by the JSON path they are about, shared with every field
/// through a context so each field shows its own next to it.
#[derive(Clone, Default)]
pub struct FieldIssues(pub Rc<HashMap<String, Vec<(Severity, String)>>>);

/// The same map without a look inside; else the fields redraw only if an issue changed.
impl PartialEq for FieldIssues {
    fn eq(&self, other: &Self) -> bool {
        crate::memo::same(&self.0, &other.0, |a, b| a == b)
    }
}

impl FieldIssues {
    pub fn from_report(report: &Report) -> Self {
        let mut map: HashMap<String, Vec<(Severity, String)>> = HashMap::default();
        for f in &report.findings {
            if let Some(at) = &f.at {
                map.entry(at.clone())
                    .or_default()
                    .push((f.severity, format!("{}: {}", f.code, f.message)));
            }
        }
        FieldIssues(Rc::new(map))
    }

    pub fn at(&self, path: &str) -> &[(Severity, String)] {
        self.0.get(path).map(Vec::as_slice).unwrap_or(&[])
    }
}

#[derive(PartialEq, Properties)]
pub struct IssueListProps {
    pub path: AttrValue,
    /// A message from the field itself (a number that does not parse), shown first.
    #[prop_or_default]
    pub local: Option<AttrValue>,
}

/// The problems of one field, in words, right under it.
#[function_component(IssueList)]
pub fn issue_list(props: &IssueListProps) -> Html {
    let issues = use_context::<FieldIssues>().unwrap_or_default();
    let list = issues.at(&props.path);
    if list.is_empty() && props.local.is_none() {
        return html! {};
    }
    html! {
        <div class="field-issues" id={format!("issues-{}", props.path)} role="status">
            <ul>
                if let Some(local) = &props.local {
                    <li class="issue error">{local.clone()}</li>
                }
                { for list.iter().map(|(sev, text)| html! { <li class={classes!("issue", sev.as_str())}>{text}</li> }) }
            </ul>
        </div>
    }
}
