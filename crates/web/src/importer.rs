//! The describe importer, apart from the page (`easnet_core::import::apart`): a Web Worker
//! (`importer.js`, which loads `crates/importer`) started for each paste of `aliyun` describe
//! output and ended once it answers. The page itself does not carry that code, and reading a
//! large paste does not hold up the page.

use easnet_core::import::apart::read_answer;
use easnet_core::import::Pasted;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::words::{self, Words};

/// The worker's script, relative to the page (`index.html` copies it).
const SCRIPT: &str = "importer.js";

/// Merges `paste` into the plan written as `plan_json`, in a worker: the merged plan and its
/// summary in `words`, or why nothing was imported, in `words` too.
pub async fn import_apart(paste: &str, plan_json: &str, words: Words) -> Result<Pasted, String> {
    let failed =
        |error: String| words.text("ui.import.worker_failed", easnet_core::args![error = error]);
    let lang = words.lang();
    let json = words::fetched_json(lang).ok_or_else(|| failed(words::url(lang).to_owned()))?;
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(SCRIPT, &options).map_err(|e| failed(js_text(&e)))?;
    // The worker's one answer, or the error that ends it (its script or its .wasm not loaded).
    let answered = js_sys::Promise::new(&mut |answer, error| {
        worker.set_onmessage(Some(&answer));
        worker.set_onerror(Some(&error));
    });
    let request = js_sys::Array::of4(
        &paste.into(),
        &plan_json.into(),
        &lang.tag().into(),
        &JsValue::from_str(&json),
    );
    let got = match worker.post_message(&request) {
        Ok(()) => JsFuture::from(answered).await,
        Err(e) => Err(e),
    };
    worker.terminate();
    let data = got
        .map_err(|e| failed(js_text(&e)))?
        .unchecked_into::<MessageEvent>()
        .data();
    let parts: Vec<String> = js_sys::Array::from(&data)
        .iter()
        .map(|part| part.as_string().unwrap_or_default())
        .collect();
    read_answer(&parts)
}

/// What a JS error or error event says; the script's name when it says nothing (a module
/// worker whose script cannot be fetched fires a bare `error` event).
fn js_text(e: &JsValue) -> String {
    if let Some(event) = e.dyn_ref::<ErrorEvent>() {
        return event.message();
    }
    if let Some(error) = e.dyn_ref::<js_sys::Error>() {
        return error.message().into();
    }
    SCRIPT.to_owned()
}
