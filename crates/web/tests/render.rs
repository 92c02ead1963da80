//! Component tests in a real browser (headless Chromium through wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use easnet_core::examples::default_example;
use easnet_core::plan::parse_plan;
use easnet_web::components::{PlanSummary, PlanSummaryProps};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount_point() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Lets Yew's scheduler run the render.
async fn settle() {
    yew::platform::time::sleep(Duration::ZERO).await;
}

#[wasm_bindgen_test]
async fn plan_summary_lists_services_and_vswitches() {
    let plan = parse_plan(default_example().json).unwrap();
    let root = mount_point();
    yew::Renderer::<PlanSummary>::with_root_and_props(root.clone(), PlanSummaryProps { plan })
        .render();
    settle().await;

    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("qwen-chat"), "{text}");
    assert!(text.contains("vsw-uf6eas-e"), "{text}");
    assert!(text.contains("192.168.20.0/27"), "{text}");
    let rows = root.query_selector_all("tbody tr").unwrap();
    assert_eq!(rows.length(), 4);
    let tag = root.query_selector(".service .tag").unwrap().unwrap();
    assert_eq!(tag.text_content().unwrap(), "needs internet");
}
