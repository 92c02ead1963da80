use std::cell::RefCell;
use std::rc::Rc;

use easnet_core::cloud::{describe_commands, snapshot};
use gloo::file::callbacks::FileReader;
use web_sys::{DragEvent, FileList, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::CopyButton;
use crate::words::Words;
use easnet_core::args;

#[derive(PartialEq, Properties)]
pub struct ImportDialogProps {
    /// The JSON text and where it came from ("paste", a file name).
    pub on_import: Callback<(String, String)>,
    pub on_close: Callback<()>,
}

/// Paste, drop or pick a plan JSON or an EAS service JSON.
#[function_component(ImportDialog)]
pub fn import_dialog(props: &ImportDialogProps) -> Html {
    let w = use_context::<Words>().unwrap_or_default();
    let text = use_state(String::new);
    let dragging = use_state(|| false);
    let readers = use_mut_ref(Vec::<FileReader>::new);
    let region = use_state(|| "cn-hangzhou".to_owned());
    let vpc = use_state(|| "vpc-…".to_owned());

    // One file or several (the describe outputs of a network): read them all, then import
    // them as one paste, in the order given.
    let read_files = {
        let (cb, readers) = (props.on_import.clone(), readers.clone());
        move |files: FileList| {
            let files: Vec<web_sys::File> =
                (0..files.length()).filter_map(|i| files.get(i)).collect();
            if files.is_empty() {
                return;
            }
            let names: Vec<String> = files.iter().map(|f| f.name()).collect();
            let source = if names.len() == 1 {
                names[0].clone()
            } else {
                format!("{} files", names.len())
            };
            let texts: Rc<RefCell<Vec<Option<String>>>> =
                Rc::new(RefCell::new(vec![None; files.len()]));
            let mut tasks = Vec::new();
            for (i, file) in files.into_iter().enumerate() {
                let (cb, texts, source, name) =
                    (cb.clone(), texts.clone(), source.clone(), names[i].clone());
                tasks.push(gloo::file::callbacks::read_as_text(
                    &gloo::file::File::from(file),
                    move |result| {
                        let text = match result {
                            Ok(text) => text,
                            Err(e) => {
                                let source =
                                    w.text("ui.import.unreadable", args![name = name, error = e]);
                                return cb.emit((String::new(), source));
                            }
                        };
                        let mut all = texts.borrow_mut();
                        all[i] = Some(text);
                        if all.iter().all(Option::is_some) {
                            let joined =
                                all.iter().flatten().cloned().collect::<Vec<_>>().join("\n");
                            cb.emit((joined, source.clone()));
                        }
                    },
                ));
            }
            *readers.borrow_mut() = tasks;
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
        let read_files = read_files.clone();
        Callback::from(move |e: Event| {
            if let Some(files) = e.target_unchecked_into::<HtmlInputElement>().files() {
                read_files(files);
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
            if let Some(files) = e.data_transfer().and_then(|t| t.files()) {
                read_files(files);
            }
        })
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <section class="panel import" aria-labelledby="import-heading">
            <div class="import-head">
                <h2 id="import-heading">{w.t("ui.import.heading")}</h2>
                <button type="button" class="small" onclick={close} aria-label={w.t("ui.import.close")}>{"✕"}</button>
            </div>
            <p class="muted">{w.t("ui.import.intro")}</p>
            <form onsubmit={on_submit}>
                <div class={classes!("dropzone", dragging.then_some("dragging"))} ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                    <label for="import-text">{w.t("ui.import.paste")}</label>
                    <textarea id="import-text" rows="8" spellcheck="false" value={(*text).clone()} oninput={on_input}
                        placeholder={"{\"metadata\": {\"name\": \"my-service\", …}}"} />
                </div>
                <div class="import-actions">
                    <button type="submit" class="primary" disabled={text.trim().is_empty()}>{w.t("ui.import.submit")}</button>
                    <label class="file-pick">{w.t("ui.import.files")}<input type="file" multiple=true accept=".json,application/json" onchange={on_pick} /></label>
                </div>
            </form>
            <details class="describe-commands">
                <summary>{w.t("ui.import.cli")}</summary>
                <p class="muted">{w.t("ui.import.cli_intro")}</p>
                <div class="grid">
                    <div class="field"><label for="cmd-region">{w.t("ui.field.region")}</label>
                        <input id="cmd-region" class="mono" value={(*region).clone()} oninput={{ let r = region.clone(); Callback::from(move |e: InputEvent| r.set(e.target_unchecked_into::<HtmlInputElement>().value())) }} /></div>
                    <div class="field"><label for="cmd-vpc">{w.t("ui.field.vpc_id")}</label>
                        <input id="cmd-vpc" class="mono" value={(*vpc).clone()} oninput={{ let v = vpc.clone(); Callback::from(move |e: InputEvent| v.set(e.target_unchecked_into::<HtmlInputElement>().value())) }} /></div>
                </div>
                <pre class="export-text snapshot-command"><code>{snapshot::command(&region, &vpc)}</code></pre>
                <CopyButton text={snapshot::command(&region, &vpc)} label={w.t("ui.import.copy_command")} />
                <details class="manual-commands">
                    <summary>{w.t("ui.import.by_hand")}</summary>
                    <p class="muted">{w.t("ui.import.by_hand_intro")}</p>
                    <pre class="export-text"><code>{describe_commands(&region, &vpc)}</code></pre>
                    <CopyButton text={describe_commands(&region, &vpc)} label={w.t("ui.import.copy_commands")} />
                </details>
            </details>
        </section>
    }
}
