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
pub mod share_link;
pub mod state;
pub mod words;

/// Reads the plan of the share link the page was opened with, if any, and loads the words of
/// the language the page opens in; then mounts the app on `<body>`. When those words cannot be
/// had, English is tried (the app then says why it is not in the language chosen); when no
/// words can be had, the page says so in both languages.
pub fn start() {
    use easnet_core::i18n::Lang;

    yew::platform::spawn_local(async {
        let shared = share_link::opened_with().await.map(std::rc::Rc::new);
        let first = words::first_lang();
        let words = match words::loaded(first).await {
            Ok(words) => words,
            Err(_) if first != Lang::En => match words::loaded(Lang::En).await {
                Ok(words) => words,
                Err(why) => return browser::show_failure(&why),
            },
            Err(why) => return browser::show_failure(&why),
        };
        words::start_with(words);
        let linked = shared.is_some();
        yew::Renderer::<app::App>::with_props(app::AppProps { shared }).render();
        // The app has the link's plan: a reload restores the autosave, not the link. (A page
        // that could not start keeps it, so that a reload tries again.)
        if linked {
            browser::clear_fragment();
        }
        // The app is drawn in the next frame: when the user sees it (BENCHMARKS.md reads this).
        browser::mark_next_frame("easnet-first-render");
    });
}
