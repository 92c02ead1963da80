use gloo::file::callbacks::FileReader;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct ImportDialogProps {
    /// The JSON text and where it came from ("paste", a file name).
    pub on_import: Callback<(String, String)>,
    pub on_close: Callback<()>,
}

/// Paste, drop or pick a plan JSON or an EAS service JSON.
#[function_component(ImportDialog)]
pub fn import_dialog(props: &ImportDialogProps) -> Html {
    let text = use_state(String::new);
    let dragging = use_state(|| false);
    let reader = use_mut_ref(|| None::<FileReader>);

    let read_file = {
        let (cb, reader) = (props.on_import.clone(), reader.clone());
        move |file: web_sys::File| {
            let name = file.name();
            let cb = cb.clone();
            let task =
                gloo::file::callbacks::read_as_text(&gloo::file::File::from(file), move |result| {
                    match result {
                        Ok(text) => cb.emit((text, name)),
                        Err(e) => cb.emit((String::new(), format!("{name} (unreadable: {e})"))),
                    }
                });
            *reader.borrow_mut() = Some(task);
        }
    };
    let on_input = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_submit = {
        let (text, cb) = (text.clone(), props.on_import.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            cb.emit(((*text).clone(), "paste".to_owned()));
        })
    };
    let on_pick = {
        let read_file = read_file.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read_file(file);
            }
        })
    };
    let on_drag_over = {
        let d = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            d.set(true);
        })
    };
    let on_drag_leave = {
        let d = dragging.clone();
        Callback::from(move |_: DragEvent| d.set(false))
    };
    let on_drop = {
        let d = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            d.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|t| t.files())
                .and_then(|f| f.get(0))
            {
                read_file(file);
            }
        })
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <section class="panel import" aria-labelledby="import-heading">
            <div class="import-head">
                <h2 id="import-heading">{"Import"}</h2>
                <button type="button" class="small" onclick={close} aria-label="Close import">{"✕"}</button>
            </div>
            <p class="muted">{"A plan JSON replaces the current plan; an EAS service JSON (the file you give eascmd) becomes a new service, its cloud.networking filled in from this plan. Nothing leaves your browser."}</p>
            <form onsubmit={on_submit}>
                <div class={classes!("dropzone", dragging.then_some("dragging"))} ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                    <label for="import-text">{"Paste JSON here, or drop a file"}</label>
                    <textarea id="import-text" rows="8" spellcheck="false" value={(*text).clone()} oninput={on_input}
                        placeholder={"{\"metadata\": {\"name\": \"my-service\", …}}"} />
                </div>
                <div class="import-actions">
                    <button type="submit" class="primary" disabled={text.trim().is_empty()}>{"Import pasted JSON"}</button>
                    <label class="file-pick">{"or choose a file "}<input type="file" accept=".json,application/json" onchange={on_pick} /></label>
                </div>
            </form>
        </section>
    }
}
