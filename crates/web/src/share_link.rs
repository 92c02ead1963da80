//! Share links in the page: the plan JSON deflated and inflated by the browser's own streams
//! (`js/deflate.js`), packed into the link and unpacked by core (`easnet_core::plan::share`,
//! whose own encoder writes the same links natively: the tests, the hostile-plan examples). The page carries no
//! deflate code: 14 KB of gzip (BENCHMARKS.md).

use easnet_core::plan::share::{self, ShareError, MAX_DECODED};
use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

use crate::browser;

#[wasm_bindgen(module = "/js/deflate.js")]
extern "C" {
    #[wasm_bindgen(js_name = deflateRaw)]
    fn deflate_raw(bytes: &[u8]) -> Promise;
    #[wasm_bindgen(js_name = inflateRaw)]
    fn inflate_raw(bytes: &[u8], limit: f64) -> Promise;
    #[wasm_bindgen(js_name = copyLater)]
    fn copy_later(text: &Promise) -> Promise;
}

/// The plan a share link opened the page with (its fragment), read; `None` when the page was
/// opened without one. The fragment stays until the app has it ([`crate::start`]).
pub async fn opened_with() -> Option<Result<String, ShareError>> {
    let fragment = browser::fragment();
    if fragment.is_empty() {
        return None;
    }
    let deflated = match share::unpack(&fragment) {
        Ok(bytes) => bytes,
        Err(e) => return Some(Err(e)),
    };
    let inflated = match JsFuture::from(inflate_raw(&deflated, MAX_DECODED as f64)).await {
        Ok(bytes) if bytes.is_null() => Err(ShareError::TooLarge),
        Ok(bytes) => share::read_inflated(Uint8Array::new(&bytes).to_vec()),
        Err(_) => Err(ShareError::Damaged),
    };
    Some(inflated)
}

/// Copies the link of plan JSON `text`, from within the click that asks for it (the link is
/// ready a moment later); `done` gets the link, if it could be made, and whether it was copied.
pub fn copy(text: String, done: impl FnOnce(Option<String>, bool) + 'static) {
    let link = future_to_promise(async move {
        let deflated = JsFuture::from(deflate_raw(text.as_bytes())).await?;
        let fragment = share::pack(&Uint8Array::new(&deflated).to_vec());
        Ok(JsValue::from_str(&browser::url_with_fragment(&fragment)))
    });
    let copied = copy_later(&link);
    yew::platform::spawn_local(async move {
        let link = JsFuture::from(link).await.ok().and_then(|l| l.as_string());
        let copied = JsFuture::from(copied).await.ok().and_then(|c| c.as_bool());
        done(link, copied == Some(true));
    });
}
