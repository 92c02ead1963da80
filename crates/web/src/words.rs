//! The page's words in the language chosen: core's catalogue (`crates/core/i18n/`), given to
//! every component through a context: `use_context::<Words>().unwrap_or_default()` (the words
//! the page opened in outside the app's provider; a hook of our own around it cost 0.4 KB of
//! gzip).
//!
//! No catalogue is in the page: each language's is fetched from the page's own origin the first
//! time it is needed (Trunk copies them into `dist/i18n/`, the service worker keeps them for
//! offline use), read once, and kept for the session ([`Catalogue::keep`]). The page is drawn
//! once the words of its first language are in ([`crate::start`]), so a visitor downloads one
//! language, not two.
use std::cell::{Cell, RefCell};
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

use easnet_core::i18n::{Catalogue, Lang};
use yew::AttrValue;

use crate::browser;

/// A catalogue of the session: compared by identity (a language has one), so that a prop or a
/// context holding it costs nothing to compare.
#[derive(Clone, Copy)]
pub struct Words(pub &'static Catalogue);

impl Words {
    /// The words the page opened in ([`start_with`]); English outside a page (the tests, whose
    /// core embeds it).
    pub fn start() -> Self {
        START.get().unwrap_or_else(Words::english)
    }

    /// The English words: embedded in the tests' core, loaded in a page once English is
    /// shown (an empty catalogue until then, see [`Catalogue::english`]).
    pub fn english() -> Self {
        Words(Catalogue::english())
    }

    /// The text of `key`, without values, as the page shows it (a label, a heading, an
    /// attribute): the one lookup most of the page's words go through, kept out of line so
    /// that each costs a call.
    #[inline(never)]
    pub fn t(self, key: &str) -> AttrValue {
        AttrValue::from(self.0.text(key, &[]))
    }
}

impl Default for Words {
    fn default() -> Self {
        Words::start()
    }
}

impl PartialEq for Words {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl fmt::Debug for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Words({})", self.0.lang().tag())
    }
}

/// `words.text("ui.…", args![…])`, `words.count(…)`: the catalogue's own lookups.
impl Deref for Words {
    type Target = Catalogue;

    fn deref(&self) -> &Catalogue {
        self.0
    }
}

/// Where the page finds a language's catalogue, relative to itself (`index.html` copies them).
pub fn url(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "i18n/en.json",
        Lang::Zh => "i18n/zh-CN.json",
    }
}

thread_local! {
    /// The words the page opened in: set once, before the page is first drawn.
    static START: Cell<Option<Words>> = const { Cell::new(None) };
    /// The JSON of each catalogue fetched, as it came: the importer's worker is given the
    /// words of the page's language with a paste (`crate::importer`).
    static FETCHED: RefCell<Vec<(Lang, Rc<str>)>> = const { RefCell::new(Vec::new()) };
}

/// The JSON of the catalogue of `lang`, if the page has fetched it.
pub fn fetched_json(lang: Lang) -> Option<Rc<str>> {
    FETCHED.with_borrow(|all| all.iter().find(|(l, _)| *l == lang).map(|(_, j)| j.clone()))
}

/// Sets the words the page opens in ([`Words::start`]).
pub fn start_with(words: Words) {
    START.set(Some(words));
}

/// The language the page opens in: the one last chosen on this browser, else the browser's.
pub fn first_lang() -> Lang {
    match browser::saved_lang().as_deref() {
        Some("en") => Lang::En,
        Some("zh-CN") => Lang::Zh,
        _ => Lang::from_browser(browser::languages().iter().map(String::as_str)),
    }
}

/// The words of `lang`, given to `done` at once when they are loaded already, else once
/// fetched; `Err` says why they could not be had.
pub fn load(lang: Lang, done: impl FnOnce(Result<Words, String>) + 'static) {
    if let Some(c) = Catalogue::get(lang) {
        return done(Ok(Words(c)));
    }
    yew::platform::spawn_local(async move { done(loaded(lang).await) });
}

/// The words of `lang`, fetched the first time (then kept for the session).
pub async fn loaded(lang: Lang) -> Result<Words, String> {
    if let Some(c) = Catalogue::get(lang) {
        return Ok(Words(c));
    }
    let json = browser::fetch_text(url(lang)).await?;
    let c = Catalogue::from_json(lang, &json)?;
    FETCHED.with_borrow_mut(|all| all.push((lang, json.into())));
    Ok(Words(Catalogue::keep(c)))
}
