//! Any text as a pasted service JSON: imported or refused, never a panic; and setting
//! cloud.networking leaves a text that still parses, with the IDs in place.
#![no_main]
use easnet_core::plan::{Networking, Plan};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = easnet_core::import::import_paste(text, &Plan::empty());
    let net = Networking {
        vpc_id: Some("vpc-a".into()),
        vswitch_id: Some("vsw-a".into()),
        security_group_id: Some("sg-a".into()),
    };
    if let Ok(out) = easnet_core::export::set_networking(text, &net) {
        // set_networking keeps a byte-order mark the file had; JSON parsers want it gone.
        let body = out.strip_prefix('\u{feff}').unwrap_or(&out);
        let value: serde_json::Value = serde_json::from_str(body).expect("output parses");
        assert_eq!(value["cloud"]["networking"]["vswitch_id"], "vsw-a");
    }
});
