//! The page's state: the plan being edited, changed only through [`Action`]s.

use std::rc::Rc;

use easnet_core::examples::{default_example, Example};
use easnet_core::plan::{parse_plan, Plan, PlanError};
use yew::Reducible;

/// Everything the page shows, derived from the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanState {
    pub plan: Plan,
    /// Where the plan came from, shown in the header (an example's name, a file name).
    pub source: String,
    /// The last import that failed; the plan above is untouched by it.
    pub import_error: Option<PlanError>,
}

impl PlanState {
    /// The state a fresh page opens with: the default example plan.
    pub fn initial() -> Self {
        let example = default_example();
        Self::from_example(example).unwrap_or_else(|e| PlanState {
            plan: Plan::empty(),
            source: "new plan".to_owned(),
            import_error: Some(e),
        })
    }

    fn from_example(example: &Example) -> Result<Self, PlanError> {
        Ok(PlanState {
            plan: parse_plan(example.json)?,
            source: example.name.to_owned(),
            import_error: None,
        })
    }
}

/// Every change the page can make.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Replace the plan by the text of a plan JSON; on error keep the plan and show why.
    Import { text: String, source: String },
}

impl Reducible for PlanState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Import { text, source } => match parse_plan(&text) {
                Ok(plan) => Rc::new(PlanState {
                    plan,
                    source,
                    import_error: None,
                }),
                Err(e) => Rc::new(PlanState {
                    import_error: Some(e),
                    ..(*self).clone()
                }),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_with_the_default_example() {
        let state = PlanState::initial();
        assert_eq!(state.source, default_example().name);
        assert!(state.import_error.is_none());
        assert!(!state.plan.services.is_empty());
    }

    #[test]
    fn a_bad_import_keeps_the_plan() {
        let state = Rc::new(PlanState::initial());
        let next = state.clone().reduce(Action::Import {
            text: r#"{"version": 3}"#.to_owned(),
            source: "x.json".to_owned(),
        });
        assert_eq!(next.plan, state.plan);
        assert_eq!(next.import_error.as_ref().unwrap().path, "version");
    }
}
