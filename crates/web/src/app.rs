//! The page: header, the plan editor, and the live views beside it. Loads the plan from a
//! shared link, else the autosave, else the default example (a large one after the page has
//! drawn itself saying it is reading); autosaves every change. Speaks the language last
//! chosen, else the browser's (`words`): English at once, Chinese once its words are loaded.

use std::cell::RefCell;
use std::rc::Rc;

use easnet_core::i18n::Lang;
use easnet_core::plan::share::ShareError;
use easnet_core::plan::{write_plan, Plan};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::browser;
use crate::components::{
    AddressMap, CapacityPanel, ExportPanel, FieldIssues, FindingsPanel, Header, ImportDialog,
    ImportSummaryPanel, NoticeBar, PathsPanel, PlanEditor, WhatIfPanel,
};
use crate::importer;
use crate::memo::{Identity, PlanPart, ReportPart};
use crate::share_link;
use crate::state::{read_saved, Action, Analysed, AppState, Notice, PlanPatch};
use crate::words::{self, Words};

/// Past this size, a shared or saved plan is read after the page has drawn itself saying so:
/// reading and drawing a plan of thousands of objects keeps the tab busy for a while, and the
/// page shows why instead of staying blank (like a large import).
const READ_LATER_ABOVE: usize = 100_000;

/// A plan text to read once the page is drawn, and where it comes from.
type Later = Option<(String, String)>;

/// The first state: a shared link's plan (read before the app was mounted), else the
/// autosave, else the default example; and the plan to read after the first frame when it is
/// large.
fn load(shared: Option<Result<String, ShareError>>) -> (AppState, Later) {
    let (text, source) = match shared {
        Some(Ok(text)) => (text, "shared link".to_owned()),
        Some(Err(e)) => {
            let error = e.text(Words::start().0);
            let notice = Notice::new(true, "ui.notice.bad_link", vec![("error", error)]);
            return (AppState::initial_with_notice(notice), None);
        }
        None => match browser::load_saved() {
            Some(saved) => saved,
            None => return (AppState::initial(), None),
        },
    };
    if text.len() > READ_LATER_ABOVE {
        (AppState::reading(&source, text.len()), Some((text, source)))
    } else {
        (AppState::restore(&text, &source), None)
    }
}

/// A plan not yet autosaved, with its source.
type Unsaved = (Rc<Plan>, String);

/// How long typing must pause before the plan is autosaved.
const SAVE_AFTER_MS: u32 = 400;

/// Autosaves the plan waiting to be saved, if any.
fn save_now(unsaved: &RefCell<Option<Unsaved>>) {
    if let Some((plan, source)) = unsaved.borrow_mut().take() {
        browser::save(&write_plan(&plan), &source);
    }
}

/// What the page was opened with, read before the app is mounted.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The plan of the share link the page was opened with, read, or why it could not be.
    pub shared: Option<Rc<Result<String, ShareError>>>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let later = use_mut_ref(|| None::<(String, String)>);
    let state = {
        let (later, shared) = (later.clone(), props.shared.clone());
        use_reducer(move || {
            let shared = shared.map(Rc::unwrap_or_clone);
            let (mut state, text) = load(shared);
            *later.borrow_mut() = text;
            state.lang = words::first_lang();
            state
        })
    };
    let importing = use_state(|| false);
    // `<html lang>` and the title follow the words shown.
    use_effect_with(state.words, |w| {
        browser::set_document_lang(w.lang().tag(), &w.t("ui.title"))
    });
    // A large shared or saved plan: read once the page saying so is on screen, then analysed,
    // then drawn, each step a frame after the last, so that the page answers a click between
    // them instead of staying busy for the three at once.
    {
        let (d, words, lang) = (state.dispatcher(), state.words, state.lang);
        use_effect_with((), move |_| {
            // The words of the language chosen, when the page could not open in them (it fell
            // back to English): asked for again, and a notice if they still cannot be had.
            if lang != words.lang() {
                let d = d.clone();
                words::load(lang, move |loaded| d.dispatch(Action::Words(loaded)));
            }
            if let Some((text, source)) = later.borrow_mut().take() {
                browser::after_next_paint(move || match read_saved(&text, &source, words) {
                    Err(notice) => d.dispatch(Action::Restore(Err(notice))),
                    Ok(plan) => browser::after_next_paint(move || {
                        let read = Analysed::new(plan, source, words);
                        browser::after_next_paint(move || d.dispatch(Action::Restore(Ok(read))));
                    }),
                });
            }
        });
    }

    // A paste of describe output goes to the importer, apart from the page; its answer comes
    // back as an action (the reducer refuses it if the plan changed meanwhile).
    {
        let (d, words) = (state.dispatcher(), state.words);
        let pending = state.pending.clone().map(Identity);
        use_effect_with(pending, move |pending| {
            if let Some(Identity(of)) = pending {
                let of = of.clone();
                yew::platform::spawn_local(async move {
                    let plan = write_plan(&of.base);
                    let got = importer::import_apart(&of.text, &plan, words).await;
                    d.dispatch(Action::Merged { of, got });
                });
            }
        });
    }

    // Autosave every change of the plan, once typing pauses: writing out a large plan on
    // every keystroke would cost each one several milliseconds. The page being hidden,
    // reloaded or closed saves at once.
    let unsaved = use_mut_ref(|| None::<Unsaved>);
    {
        let (plan, source) = (Identity(state.plan.clone()), state.source.clone());
        let (unsaved, reading) = (unsaved.clone(), state.reading);
        use_effect_with((plan, source), move |(plan, source)| {
            // The empty page shown while a plan is read must not replace the saved one.
            if !reading {
                *unsaved.borrow_mut() = Some((plan.0.clone(), source.clone()));
            }
            // Dropped, and so cancelled, when the next change comes first.
            let timer = Timeout::new(SAVE_AFTER_MS, move || save_now(&unsaved));
            move || drop(timer)
        });
    }
    {
        let unsaved = unsaved.clone();
        use_effect_with((), move |_| {
            let on_hide = {
                let unsaved = unsaved.clone();
                EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
                    save_now(&unsaved)
                })
            };
            let on_hidden =
                EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                    if gloo::utils::document().hidden() {
                        save_now(&unsaved)
                    }
                });
            move || drop((on_hide, on_hidden))
        });
    }
    // A large plan's typed edit is analysed once the keystroke has been painted.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(
            (state.stale, Identity(state.plan.clone())),
            move |(stale, _)| {
                if *stale {
                    browser::after_next_paint(move || dispatcher.dispatch(Action::Analyze));
                }
            },
        );
    }
    // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y outside text fields (inside them the browser's own undo
    // of the text applies).
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let typing = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| {
                        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    });
                if typing || !(e.ctrl_key() || e.meta_key()) {
                    return;
                }
                // ASCII only: the shortcuts are Z and Y (and std's Unicode case tables stay out).
                match (e.key().to_ascii_lowercase().as_str(), e.shift_key()) {
                    ("z", false) => {
                        e.prevent_default();
                        dispatcher.dispatch(Action::Undo)
                    }
                    ("z", true) | ("y", _) => {
                        e.prevent_default();
                        dispatcher.dispatch(Action::Redo)
                    }
                    _ => {}
                }
            });
            move || drop(listener)
        });
    }

    let d = state.dispatcher();
    // The same callback for the page's lifetime (it holds only the dispatcher), so that the
    // plan editor's sections can skip their redraw when their part of the plan is unchanged.
    let on_edit = use_callback(
        state.dispatcher(),
        |(patch, field): (PlanPatch, Option<String>), d| {
            // Keystrokes in one field are one undo step, however deep the field sits.
            let field = field.or_else(browser::focused_field);
            d.dispatch(Action::Patch { patch, field })
        },
    );
    let on_example = {
        let d = d.clone();
        Callback::from(move |name| d.dispatch(Action::LoadExample(name)))
    };
    let on_new = {
        let d = d.clone();
        Callback::from(move |_| d.dispatch(Action::NewPlan))
    };
    let on_undo = {
        let d = d.clone();
        Callback::from(move |_| d.dispatch(Action::Undo))
    };
    let on_redo = {
        let d = d.clone();
        Callback::from(move |_| d.dispatch(Action::Redo))
    };
    let on_toggle_import = {
        let i = importing.clone();
        Callback::from(move |_| i.set(!*i))
    };
    let on_import = {
        let (d, i) = (d.clone(), importing.clone());
        Callback::from(move |(text, source): (String, String)| {
            i.set(false);
            // Say so first, then read on the next tick: a paste of many megabytes takes a
            // moment, and the tab shows why instead of looking frozen.
            let size = text.len();
            if size > 1_000_000 {
                d.dispatch(Action::Notify(Notice::reading(size, &source, false)));
            }
            // Once the notice is on screen: the tab is busy while it reads.
            let d = d.clone();
            browser::after_next_paint(move || d.dispatch(Action::Import { text, source }));
        })
    };
    let on_share = {
        let (d, plan) = (d.clone(), state.plan.clone());
        Callback::from(move |_| {
            let d = d.clone();
            share_link::copy(write_plan(&plan), move |link, copied| {
                let notice = match link {
                    _ if copied => Notice::new(false, "ui.notice.link_copied", Vec::new()),
                    Some(url) => Notice::new(false, "ui.notice.copy_link", vec![("url", url)]),
                    None => Notice::new(true, "ui.notice.no_link", Vec::new()),
                };
                d.dispatch(Action::Notify(notice))
            });
        })
    };
    let on_lang = {
        let d = d.clone();
        Callback::from(move |lang: Lang| {
            browser::save_lang(lang.tag());
            d.dispatch(Action::ChooseLang(lang));
            let d = d.clone();
            words::load(lang, move |loaded| d.dispatch(Action::Words(loaded)));
        })
    };
    let on_dismiss = {
        let d = d.clone();
        Callback::from(move |_| d.dispatch(Action::DismissNotice))
    };
    // Built once per report: a large plan's keystroke redraws the page with the same report.
    let issues = use_memo(Identity(state.report.clone()), |report| {
        FieldIssues::from_report(&report.0)
    });
    // Each panel is given the part of the plan or the report it draws.
    let vpcs = PlanPart::vpcs(&state.plan);
    html! {
        <ContextProvider<Words> context={state.words}>
        <ContextProvider<FieldIssues> context={(*issues).clone()}>
            <Header source={state.source.clone()} can_undo={!state.undo.is_empty()} can_redo={!state.redo.is_empty()}
                lang={state.lang} loading={state.lang != state.words.lang()} {on_lang}
                {on_example} {on_new} on_import={on_toggle_import.clone()} {on_undo} {on_redo} {on_share} />
            if let Some(notice) = &state.notice {
                <NoticeBar notice={notice.clone()} on_close={on_dismiss} />
            }
            <main class="layout">
                <div class="column edit">
                    if let Some(last) = &state.last_import {
                        <ImportSummaryPanel summary={last.summary.clone()}
                            on_undo={{ let d = d.clone(); Callback::from(move |_| d.dispatch(Action::Undo)) }}
                            on_close={{ let d = d.clone(); Callback::from(move |_| d.dispatch(Action::DismissImport)) }} />
                    }
                    if *importing {
                        <ImportDialog on_import={on_import} on_close={on_toggle_import} />
                    }
                    <PlanEditor plan={state.plan.clone()} {on_edit} />
                </div>
                // Busy while the findings are of the plan before the last keystroke.
                <div class="column see" aria-busy={state.stale.to_string()}>
                    <FindingsPanel findings={ReportPart::findings(&state.report)} />
                    <PathsPanel paths={ReportPart::paths(&state.report)} />
                    <CapacityPanel rows={ReportPart::capacity(&state.report)} />
                    <AddressMap vpcs={vpcs.clone()} />
                    <WhatIfPanel {vpcs} />
                    <ExportPanel plan={state.plan.clone()} report={state.report.clone()} />
                </div>
            </main>
        </ContextProvider<FieldIssues>>
        </ContextProvider<Words>>
    }
}
