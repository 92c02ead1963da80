//! easnet-web: the easnet page, a Yew app over `easnet-core`.
//!
//! No domain logic lives here: components show what the core computes and send every edit to
//! the reducer in [`state`] as an [`state::Action`]. [`browser`] is the glue to storage, the
//! URL fragment, the clipboard and downloads.

pub mod app;
pub mod browser;
pub mod components;
pub mod importer;
pub mod list;
pub mod listed;
pub mod memo;
pub mod state;
pub mod words;

/// Loads the words of the language the page opens in, then mounts the app on `<body>`. When
/// they cannot be had, English is tried (the app then says why it is not in the language
/// chosen); when no words can be had, the page says so in both languages.
pub fn start() {
    use easnet_core::i18n::Lang;

    let first = words::first_lang();
    words::load(first, move |got| match got {
        Ok(w) => mount(w),
        Err(_) if first != Lang::En => words::load(Lang::En, |got| match got {
            Ok(w) => mount(w),
            Err(why) => browser::show_failure(&why),
        }),
        Err(why) => browser::show_failure(&why),
    });
}

fn mount(first: words::Words) {
    words::start_with(first);
    yew::Renderer::<app::App>::new().render();
    // The app is drawn in the next frame: when the user sees it (BENCHMARKS.md reads this).
    browser::mark_next_frame("easnet-first-render");
}
