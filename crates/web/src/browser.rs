//! Browser glue: local storage, the URL fragment, clipboard, downloads, focus. Nothing here
//! knows about plans beyond "some text".

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlElement, Url};

const SAVED_PLAN: &str = "easnet.plan.v1";
const SAVED_SOURCE: &str = "easnet.source.v1";
/// The language the user chose (`en`, `zh-CN`); absent until they choose one, so that the
/// page follows the browser's languages.
const SAVED_LANG: &str = "easnet.lang.v1";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The autosaved plan text and where it came from.
pub fn load_saved() -> Option<(String, String)> {
    let s = storage()?;
    let plan = s.get_item(SAVED_PLAN).ok()??;
    let source = s
        .get_item(SAVED_SOURCE)
        .ok()?
        .unwrap_or_else(|| "saved plan".to_owned());
    Some((plan, source))
}

/// Autosaves; a full or disabled storage is ignored (the page keeps working).
pub fn save(plan: &str, source: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(SAVED_PLAN, plan);
        let _ = s.set_item(SAVED_SOURCE, source);
    }
}

/// The language last chosen on this browser (its tag), if any.
pub fn saved_lang() -> Option<String> {
    storage()?.get_item(SAVED_LANG).ok()?
}

/// Remembers the language chosen, beside the autosave (never in a shared link).
pub fn save_lang(tag: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(SAVED_LANG, tag);
    }
}

/// The browser's languages, most preferred first (`navigator.languages`).
pub fn languages() -> Vec<String> {
    let Some(w) = web_sys::window() else {
        return Vec::new();
    };
    (w.navigator().languages().iter())
        .filter_map(|v| v.as_string())
        .collect()
}

/// Says which language the page is in: `<html lang>` (screen readers, fonts, hyphenation)
/// and the window's title.
pub fn set_document_lang(tag: &str, title: &str) {
    let document = gloo::utils::document();
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", tag);
    }
    document.set_title(title);
}

/// The text of a file of the page's own origin (`url` relative to the page), or why not.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let why = |e: wasm_bindgen::JsValue| {
        (e.dyn_ref::<js_sys::Error>()).map_or_else(|| url.to_owned(), |e| e.message().into())
    };
    let w = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(w.fetch_with_str(url))
        .await
        .map_err(why)?
        .unchecked_into();
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(why)?)
        .await
        .map_err(why)?;
    text.as_string().ok_or_else(|| format!("{url}: not text"))
}

/// The URL fragment without `#`.
pub fn fragment() -> String {
    (web_sys::window().and_then(|w| w.location().hash().ok()))
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_owned()
}

/// Removes the fragment without reloading, so that a reload restores the autosave.
pub fn clear_fragment() {
    if let Some(w) = web_sys::window() {
        let path = w.location().pathname().unwrap_or_default();
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
    }
}

/// This page's address with `fragment`.
pub fn url_with_fragment(fragment: &str) -> String {
    let Some(w) = web_sys::window() else {
        return format!("#{fragment}");
    };
    let loc = w.location();
    format!(
        "{}{}#{fragment}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    )
}

/// Copies text to the clipboard; `done` gets whether it worked.
pub fn copy(text: String, done: impl FnOnce(bool) + 'static) {
    let Some(w) = web_sys::window() else {
        return done(false);
    };
    let promise = w.navigator().clipboard().write_text(&text);
    yew::platform::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Offers text as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Ok(a) = document
        .create_element("a")
        .map(|e| e.unchecked_into::<HtmlAnchorElement>())
    {
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
    }
    let _ = Url::revoke_object_url(&url);
}

/// The element id of a field or section at a JSON path of the plan.
pub fn field_id(path: &str) -> String {
    format!("f-{path}")
}

/// The JSON path of the text field being typed into, if any: consecutive edits from one field
/// are one undo step.
pub fn focused_field() -> Option<String> {
    let el = gloo::utils::document().active_element()?;
    if !matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA") {
        return None;
    }
    el.id().strip_prefix("f-").map(str::to_owned)
}

/// Focuses the field at `path`. Closed sections render their fields only once opened, so
/// this opens the nearest section that exists, focuses it, and tries again a few times while
/// the page renders what opening revealed.
pub fn focus_path(path: &str) {
    fn attempt(path: String, left: u32) {
        if !focus_nearest(&path) && left > 0 {
            gloo::timers::callback::Timeout::new(40, move || attempt(path, left - 1)).forget();
        }
    }
    attempt(path.to_owned(), 8);
}

/// Focuses the field at `path` or, when it is not on the page, the nearest enclosing section
/// that is (opening it). Returns whether the field itself was reached.
fn focus_nearest(path: &str) -> bool {
    let target = path;
    let document = gloo::utils::document();
    let mut path = target.to_owned();
    loop {
        if let Some(el) = document.get_element_by_id(&field_id(&path)) {
            // A section (an object's box, a list) takes the user to its first field.
            if el.tag_name() == "DETAILS" {
                let _ = el.set_attribute("open", "");
            }
            let el = match el.tag_name().as_str() {
                "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON" => el,
                _ => el
                    .query_selector("input, select, textarea")
                    .ok()
                    .flatten()
                    .unwrap_or(el),
            };
            let mut up = el.parent_element();
            while let Some(p) = up {
                if p.tag_name() == "DETAILS" {
                    let _ = p.set_attribute("open", "");
                }
                up = p.parent_element();
            }
            if let Ok(el) = el.dyn_into::<HtmlElement>() {
                let _ = el.focus();
                el.scroll_into_view_with_bool(false);
            }
            return path == target;
        }
        // Strip the last segment: `a.b[2].c` → `a.b[2]` → `a.b` → `a`.
        match path.rfind(['.', '[']) {
            Some(i) if i > 0 => path.truncate(i),
            _ => return false,
        }
    }
}

/// Runs `f` and leaves its duration in the page as the performance measure `name` (the last
/// one only; `tests/perf/page.mjs` reads it). Outside a browser (host tests) it only runs `f`.
pub fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    #[cfg(target_arch = "wasm32")]
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let start = format!("{name}-start");
        let _ = perf.mark(&start);
        let out = f();
        perf.clear_measures_with_measure_name(name);
        let _ = perf.measure_with_start_mark(name, &start);
        perf.clear_marks_with_mark_name(&start);
        return out;
    }
    let _ = name;
    f()
}

/// Marks the next frame in the page's performance timeline as `name`.
pub fn mark_next_frame(name: &'static str) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let frame = Closure::once_into_js(move || {
        if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
            let _ = perf.mark(name);
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(frame.unchecked_ref());
    }
}

/// What the page shows when it cannot start (its words cannot be loaded): both languages,
/// since neither could be had.
pub fn show_failure(why: &str) {
    let text = format!(
        "easnet could not load its words ({why}). Check the connection and reload the page.\n\
         easnet 无法加载界面文字（{why}）。请检查网络连接后重新加载页面。"
    );
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        body.set_inner_text(&text);
    }
}

/// Milliseconds from the page's time origin (`performance.now()`); 0 outside a browser.
pub fn now() -> f64 {
    #[cfg(target_arch = "wasm32")]
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        return perf.now();
    }
    0.0
}

/// Runs `f` once the next frame has been painted (an animation frame, then a task): work that
/// keeps the tab busy for a while starts after what the page says about it is on screen.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let frame = Closure::once_into_js(move || gloo::timers::callback::Timeout::new(0, f).forget());
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(frame.unchecked_ref());
    }
}
