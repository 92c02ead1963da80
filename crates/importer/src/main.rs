//! easnet-importer: the describe importer of the page, in a Web Worker of its own
//! (`web/importer.js` loads it), so that the page itself does not carry it until a paste of
//! `aliyun` describe output comes (`easnet_core::import::apart`).
//!
//! One export: [`import_network`], strings in, strings out. It holds no state: the page starts
//! a worker for each such paste and ends it once answered.

use easnet_core::i18n::{Catalogue, Lang};
use easnet_core::import::apart::answer;
use wasm_bindgen::prelude::wasm_bindgen;

/// A binary for Trunk's worker pipeline: the work is in the export.
fn main() {}

/// Merges `paste` (the output of describe calls) into the plan written as `plan_json`, its
/// summary and refusals in the language `lang` (`en`, `zh-CN`) whose catalogue is
/// `words_json`: `["merged", plan JSON, summary JSON]` or `["refused", why]`.
#[wasm_bindgen]
pub fn import_network(paste: &str, plan_json: &str, lang: &str, words_json: &str) -> Vec<String> {
    let lang = Lang::from_browser([lang]);
    match Catalogue::from_json(lang, words_json) {
        Ok(words) => answer(paste, plan_json, &words),
        // The page sends the words it shows, which it has read: this is a page and a worker
        // of different versions.
        Err(why) => vec!["refused".to_owned(), why],
    }
}
