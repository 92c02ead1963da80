//! The page: header, the plan editor's shell, and the panels beside it.

use yew::prelude::*;

use crate::components::{Header, PlanSummary};
use crate::state::PlanState;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(PlanState::initial);
    html! {
        <>
            <Header source={state.source.clone()} />
            <main class="layout">
                <PlanSummary plan={state.plan.clone()} />
            </main>
        </>
    }
}
