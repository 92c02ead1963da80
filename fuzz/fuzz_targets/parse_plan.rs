//! Any text as a plan file: a plan or a path-naming error, never a panic; and a plan that
//! reads writes back to the same plan.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(plan) = easnet_core::plan::parse_plan(text) {
        let again = easnet_core::plan::parse_plan(&easnet_core::plan::write_plan(&plan));
        assert_eq!(again.as_ref(), Ok(&plan));
    }
});
