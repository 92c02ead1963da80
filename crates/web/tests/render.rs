//! Component tests in a real browser (headless Chromium through wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use easnet_core::analyze::{analyze, analyze_in, Report};
use easnet_core::i18n::{Catalogue, Lang};
use easnet_core::plan::{parse_plan, Plan};
use easnet_core::samples::examples::{default_example, EXAMPLES};
use easnet_web::components::{
    CapacityPanel, CapacityPanelProps, FindingsPanel, FindingsPanelProps, Header, HeaderProps,
    PathsPanel, PathsPanelProps, PlanEditor, PlanEditorProps, WhatIfPanel, WhatIfPanelProps,
};
use easnet_web::memo::{PlanPart, ReportPart};
use easnet_web::state::PlanPatch;
use easnet_web::words::Words;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

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

fn example(name: &str) -> easnet_core::plan::Plan {
    parse_plan(EXAMPLES.iter().find(|e| e.name == name).unwrap().json).unwrap()
}

#[wasm_bindgen_test]
async fn findings_panel_groups_findings_and_shows_fixes() {
    let report = Rc::new(analyze(&parse_plan(default_example().json).unwrap()));
    let root = mount_point();
    yew::Renderer::<FindingsPanel>::with_root_and_props(
        root.clone(),
        FindingsPanelProps {
            findings: ReportPart::findings(&report),
        },
    )
    .render();
    settle().await;

    let errors = root
        .query_selector(".group.error")
        .unwrap()
        .expect("an error group");
    let text = errors.text_content().unwrap();
    assert!(
        text.contains("INET004") && text.contains("qwen-chat"),
        "{text}"
    );
    assert!(text.contains("aliyun vpc CreateSnatEntry"), "{text}");
    let warnings = root
        .query_selector(".group.warning")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        warnings.contains("CAP002") && warnings.contains("WL001"),
        "{warnings}"
    );
    assert!(root.query_selector(".all-clear").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn findings_panel_says_all_clear_for_a_healthy_plan() {
    let report = Rc::new(analyze(&example("healthy")));
    let root = mount_point();
    yew::Renderer::<FindingsPanel>::with_root_and_props(
        root.clone(),
        FindingsPanelProps {
            findings: ReportPart::findings(&report),
        },
    )
    .render();
    settle().await;
    assert!(root.query_selector(".all-clear").unwrap().is_some());
    assert_eq!(root.query_selector_all(".finding").unwrap().length(), 0);
}

#[wasm_bindgen_test]
async fn paths_panel_marks_the_failing_hop() {
    let report = Rc::new(analyze(&parse_plan(default_example().json).unwrap()));
    let root = mount_point();
    yew::Renderer::<PathsPanel>::with_root_and_props(
        root.clone(),
        PathsPanelProps {
            paths: ReportPart::paths(&report),
        },
    )
    .render();
    settle().await;
    let failed = root
        .query_selector(".flow.broken .hop.fail")
        .unwrap()
        .expect("a failed hop");
    let text = failed.text_content().unwrap();
    assert!(text.contains("SNAT") && text.contains("INET004"), "{text}");
    // The hops after it are not reached.
    assert!(root
        .query_selector(".hop.fail ~ .hop.unknown")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn capacity_panel_draws_a_bar_per_vswitch() {
    let report = Rc::new(analyze(&parse_plan(default_example().json).unwrap()));
    let root = mount_point();
    yew::Renderer::<CapacityPanel>::with_root_and_props(
        root.clone(),
        CapacityPanelProps {
            rows: ReportPart::capacity(&report),
        },
    )
    .render();
    settle().await;
    assert_eq!(root.query_selector_all("figure.bar").unwrap().length(), 4);
    let warn = root
        .query_selector("figure.bar.warn")
        .unwrap()
        .expect("the EAS vSwitch is over the threshold");
    assert!(warn.text_content().unwrap().contains("vsw-uf6eas-e"));
}

/// A plan editor on `plan`, mounted on its own element; the plans its edits make are
/// collected. Destroy it at the end of the test (other tests look fields up by ID).
fn mount_plan_editor(
    plan: easnet_core::plan::Plan,
) -> (
    web_sys::Element,
    yew::AppHandle<PlanEditor>,
    Rc<std::cell::RefCell<Vec<easnet_core::plan::Plan>>>,
) {
    let edited = Rc::new(std::cell::RefCell::new(Vec::new()));
    let on_edit = {
        let (edited, plan) = (edited.clone(), plan.clone());
        Callback::from(move |(patch, _field): (PlanPatch, _)| {
            edited.borrow_mut().push(patch.applied_to(&plan))
        })
    };
    let root = mount_point();
    let app = yew::Renderer::<PlanEditor>::with_root_and_props(
        root.clone(),
        PlanEditorProps {
            plan: Rc::new(plan),
            on_edit,
        },
    )
    .render();
    (root, app, edited)
}

/// The element with `id` under `root` (not another test's copy elsewhere in the document).
fn by_id<T: JsCast>(root: &web_sys::Element, id: &str) -> Option<T> {
    let found = root.query_selector(&format!("[id=\"{id}\"]")).ok()??;
    found.dyn_into().ok()
}

#[wasm_bindgen_test]
async fn plan_editor_edits_a_vswitch_cidr_and_shows_errors_next_to_fields() {
    use web_sys::{Element, HtmlInputElement};

    let (root, app, edited) = mount_plan_editor(parse_plan(default_example().json).unwrap());
    settle().await;
    // Closed boxes render no fields; opening the VPC and then the vSwitch reveals them.
    assert!(by_id::<Element>(&root, "f-vpcs[0].vswitches[1].cidr").is_none());
    for section in ["f-vpcs[0]", "f-vpcs[0].vswitches[1]"] {
        let details: Element = by_id(&root, section).expect(section);
        details.set_attribute("open", "").unwrap();
        yew::platform::time::sleep(Duration::from_millis(20)).await;
        settle().await;
    }
    let input: HtmlInputElement =
        by_id(&root, "f-vpcs[0].vswitches[1].cidr").expect("the vSwitch CIDR field");
    assert_eq!(input.value(), "192.168.20.0/27");
    input.set_value("192.168.20.0/25");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    settle().await;
    let plan = edited.borrow().last().cloned().expect("an edit");
    assert_eq!(plan.vpcs[0].vswitches[1].cidr, "192.168.20.0/25");

    // The service form shows the plan's values.
    let name: HtmlInputElement = by_id(&root, "f-services[0].service.metadata.name").unwrap();
    assert_eq!(name.value(), "qwen-chat");
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn threshold_field_takes_json_numbers_only() {
    let (root, app, edited) = mount_plan_editor(parse_plan(default_example().json).unwrap());
    settle().await;
    let input: web_sys::HtmlInputElement =
        by_id(&root, "f-utilization_warning").expect("the threshold field");
    // Rust's f64 parser takes these; the plan JSON could not hold them.
    for text in ["NaN", "inf", ".5", "0.9x"] {
        input.set_value(text);
        input
            .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
            .unwrap();
        settle().await;
        let issues = by_id::<web_sys::Element>(&root, "issues-utilization_warning")
            .unwrap()
            .text_content()
            .unwrap_or_default();
        assert!(
            issues.contains("is not a number such as 0.8"),
            "{text}: {issues}"
        );
    }
    assert!(edited.borrow().is_empty(), "no edit from a non-number");
    input.set_value(" 0.85 ");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    settle().await;
    let thresholds: Vec<_> = edited
        .borrow()
        .iter()
        .map(|p| p.utilization_warning)
        .collect();
    assert_eq!(thresholds, [Some(0.85)]);
    app.destroy();
    root.remove();
}

/// Types `text` into the input `id` under `root`, as a person would.
async fn type_into(root: &web_sys::Element, id: &str, text: &str) {
    let input: web_sys::HtmlInputElement = by_id(root, id).expect(id);
    input.set_value(text);
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn whatif_panel_splits_units_over_two_vswitches_and_says_errors_at_their_field() {
    let plan = Rc::new(parse_plan(default_example().json).unwrap());
    let root = mount_point();
    let app = yew::Renderer::<WhatIfPanel>::with_root_and_props(
        root.clone(),
        WhatIfPanelProps {
            vpcs: PlanPart::vpcs(&plan),
        },
    )
    .render();
    settle().await;
    let answer = || {
        root.query_selector(".answer")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    // 20 peak + 2 surge instances of 2 machines each, + 2 other IPs.
    type_into(&root, "wi-unit", "2").await;
    assert!(
        answer().contains("46 = 22 × 2 machines (20 peak + 2 surge) + 2 other"),
        "{}",
        answer()
    );
    assert!(by_id::<web_sys::Element>(&root, "wi-other2").is_none());
    type_into(&root, "wi-second", "192.168.21.0/27").await;
    let text = answer();
    assert!(text.contains("Fits alone"), "{text}");
    assert!(
        text.contains("192.168.20.0/27: share 22 of 44 + 2 other = 24 of 28 usable, fits, 4 free"),
        "{text}"
    );
    assert!(
        text.contains("192.168.21.0/27: share 22 of 44 + 0 other = 22 of 28 usable, fits, 6 free"),
        "{text}"
    );
    assert_eq!(
        root.query_selector_all(".whatif-warnings li")
            .unwrap()
            .length(),
        2,
        "{text}"
    );
    type_into(&root, "wi-other2", "7").await;
    assert!(
        answer().contains("= 29 of 28 usable, does not fit"),
        "{}",
        answer()
    );

    // A refused input is said under its own field.
    let issues = |field: &str| {
        by_id::<web_sys::Element>(&root, &format!("issues-whatif-{field}"))
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    type_into(&root, "wi-second", "192.168.20.16/28").await;
    assert!(
        issues("second_cidr").contains("two vSwitches of one VPC cannot overlap"),
        "{}",
        issues("second_cidr")
    );
    assert_eq!(issues("cidr"), "");
    type_into(&root, "wi-unit", "0").await;
    assert!(
        issues("unit_size").contains("1 or more"),
        "{}",
        issues("unit_size")
    );
    type_into(&root, "wi-unit", "").await;
    type_into(&root, "wi-second", "").await;
    assert_eq!(
        (issues("unit_size"), issues("second_cidr")),
        (String::new(), String::new())
    );
    assert!(
        answer().contains("24 = 20 peak + 2 surge + 2 other"),
        "{}",
        answer()
    );
    app.destroy();
    root.remove();
}

/// The Chinese words, read as the page reads `zh-CN.json`.
fn zh() -> Words {
    let json = include_str!("../../core/i18n/zh-CN.json");
    Words(Box::leak(Box::new(
        Catalogue::from_json(Lang::Zh, json).unwrap(),
    )))
}

fn header_props(lang: Lang, on_lang: Callback<Lang>) -> HeaderProps {
    HeaderProps {
        source: "quickstart-broken".into(),
        can_undo: false,
        can_redo: false,
        lang,
        loading: false,
        on_lang,
        on_example: Callback::noop(),
        on_new: Callback::noop(),
        on_import: Callback::noop(),
        on_undo: Callback::noop(),
        on_redo: Callback::noop(),
        on_share: Callback::noop(),
    }
}

#[wasm_bindgen_test]
async fn the_header_switches_the_language_with_two_pressable_buttons() {
    let chosen = Rc::new(std::cell::RefCell::new(Vec::new()));
    let on_lang = {
        let chosen = chosen.clone();
        Callback::from(move |lang: Lang| chosen.borrow_mut().push(lang))
    };
    let root = mount_point();
    let mut app = yew::Renderer::<Header>::with_root_and_props(
        root.clone(),
        header_props(Lang::En, on_lang.clone()),
    )
    .render();
    settle().await;
    let group = root
        .query_selector("[role=group].langs")
        .unwrap()
        .expect("the language switch");
    assert_eq!(
        group.get_attribute("aria-label").as_deref(),
        Some("Language")
    );
    let buttons = group.query_selector_all("button").unwrap();
    let button = |i: u32| -> web_sys::HtmlElement { buttons.get(i).unwrap().dyn_into().unwrap() };
    let state = |i: u32| {
        let b = button(i);
        (
            b.text_content().unwrap(),
            b.get_attribute("aria-pressed").unwrap(),
            b.get_attribute("lang").unwrap(),
        )
    };
    assert_eq!(buttons.length(), 2);
    assert_eq!(state(0), ("EN".into(), "true".into(), "en".into()));
    assert_eq!(state(1), ("中文".into(), "false".into(), "zh-CN".into()));
    // Buttons, so the keyboard reaches and presses them like any other.
    assert_eq!(button(1).get_attribute("type").as_deref(), Some("button"));
    button(1).click();
    assert_eq!(*chosen.borrow(), [Lang::Zh]);
    app.update(header_props(Lang::Zh, on_lang));
    settle().await;
    let buttons = root.query_selector_all(".langs button").unwrap();
    let pressed = |i: u32| {
        buttons
            .get(i)
            .unwrap()
            .dyn_into::<web_sys::Element>()
            .unwrap()
            .get_attribute("aria-pressed")
    };
    assert_eq!(
        (pressed(0).as_deref(), pressed(1).as_deref()),
        (Some("false"), Some("true"))
    );
    app.destroy();
    root.remove();
}

#[derive(PartialEq, Properties)]
struct PageProps {
    words: Words,
    plan: Rc<Plan>,
    report: Rc<Report>,
}

/// The panels and the plan editor under the page's context of words, as the app draws them.
#[function_component(Page)]
fn page(props: &PageProps) -> Html {
    html! {
        <ContextProvider<Words> context={props.words}>
            <FindingsPanel findings={ReportPart::findings(&props.report)} />
            <PathsPanel paths={ReportPart::paths(&props.report)} />
            <CapacityPanel rows={ReportPart::capacity(&props.report)} />
            <WhatIfPanel vpcs={PlanPart::vpcs(&props.plan)} />
            <PlanEditor plan={props.plan.clone()} on_edit={Callback::noop()} />
        </ContextProvider<Words>>
    }
}

fn page_props(words: Words) -> PageProps {
    let plan = Rc::new(parse_plan(default_example().json).unwrap());
    let report = Rc::new(analyze_in(&plan, words.0));
    PageProps {
        words,
        plan,
        report,
    }
}

#[wasm_bindgen_test]
async fn the_page_speaks_chinese_and_switches_back() {
    let root = mount_point();
    let mut app =
        yew::Renderer::<Page>::with_root_and_props(root.clone(), page_props(zh())).render();
    settle().await;
    let text = |selector: &str| {
        root.query_selector(selector)
            .unwrap()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    assert!(
        text("#findings-heading").starts_with("检查结果"),
        "{}",
        text("#findings-heading")
    );
    assert!(
        text(".count.error").ends_with("个错误"),
        "{}",
        text(".count.error")
    );
    assert_eq!(text(".group.error h3"), "错误");
    assert_eq!(text("#paths-heading"), "访问路径");
    assert_eq!(text("#capacity-heading"), "容量");
    assert_eq!(text("#whatif-heading"), "容量试算");
    assert_eq!(text("#plan-heading"), "计划");
    assert!(
        text(".answer").contains("24 = 20 峰值 + 2 超出 + 2 其他"),
        "{}",
        text(".answer")
    );
    // Labels, hop kinds and attributes are in Chinese; IDs and codes as they are.
    assert_eq!(text("label[for='f-region']"), "地域");
    assert!(
        text(".flow.broken .hop.fail").contains("SNAT条目"),
        "{}",
        text(".flow.broken .hop.fail")
    );
    assert!(text(".flow.broken .hop.fail").contains("INET004"));
    let finding = root.query_selector(".finding .link").unwrap().unwrap();
    assert!(finding
        .get_attribute("aria-label")
        .unwrap()
        .starts_with("定位字段："));
    // The capacity split comes from core in the language given (CAP002's bar).
    assert!(
        text("figure.bar.warn figcaption").contains("需要 24 个 IP"),
        "{}",
        text("figure.bar.warn figcaption")
    );

    // Back to English: every part redraws in its words.
    app.update(page_props(Words::english()));
    settle().await;
    assert!(text("#findings-heading").starts_with("Findings"));
    assert_eq!(text(".group.error h3"), "Errors");
    assert_eq!(text("label[for='f-region']"), "Region");
    assert!(text(".answer").contains("24 = 20 peak + 2 surge + 2 other"));
    assert!(text(".flow.broken .hop.fail").contains("SNAT entry"));
    app.destroy();
    root.remove();
}
