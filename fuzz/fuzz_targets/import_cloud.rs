//! Any text as pasted `aliyun` describe output (cloud/): merged into a plan or refused with a
//! CloudError, never a panic; a merge's plan writes back to the same plan, is analysed, and
//! its summary reads as text. Merged into an empty plan and into the example plan (whose
//! objects the paste may update).
#![no_main]
use easnet_core::plan::{parse_plan, parse_plan_shape, write_plan, Plan};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let example = parse_plan(easnet_core::samples::examples::default_example().json)
        .expect("the example plan reads");
    for current in [Plan::empty(), example] {
        let Ok(got) = easnet_core::cloud::import(text, &current) else {
            continue;
        };
        let again = parse_plan_shape(&write_plan(&got.plan));
        assert_eq!(again.as_ref(), Ok(&got.plan));
        let _ = easnet_core::analyze::analyze(&got.plan);
        let _ = got.summary.text(easnet_core::i18n::Catalogue::english());
    }
});
