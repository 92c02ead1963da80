//! easnet's words in the user's language: English and Chinese (zh-CN).
//!
//! Every sentence easnet writes for a person is a template in a catalogue, one per language
//! (`crates/core/i18n/en.json`, `crates/core/i18n/zh-CN.json`): a flat JSON object from a key
//! (`INET004.message`) to a template whose values are named in braces (`NAT gateway {nat} has
//! no SNAT entry covering vSwitch {vswitch}`). A finding's message and fix are rendered from its
//! code's templates and its values; IDs, codes, JSON keys, CIDRs and commands are values, so
//! they stay as they are in both languages. The Chinese words are the console's own
//! (`spec/glossary-zh.md`).
//!
//! Counts: a key with a count has an `.one` and an `.other` form in every catalogue (English
//! needs both, "1 vSwitch" / "2 vSwitches"; Chinese writes the same words for both).
//!
//! `crates/core/tests/catalogues.rs` checks that both catalogues have the same keys with the same
//! placeholders, and that every key the code names exists.

mod lang;
mod plan_error;
mod said;
mod template;

use std::fmt;
use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

pub use lang::Lang;
pub use plan_error::plan_error_text;
pub(crate) use said::Said;
pub use template::{fill, placeholders};

/// A value of a template, by name: `("vswitch", &id)`.
pub type Arg<'a> = (&'a str, &'a dyn fmt::Display);

/// The values of a template: `args![vswitch = id, nat = nat.id]`.
#[macro_export]
macro_rules! args {
    ($($name:ident = $value:expr),* $(,)?) => {
        &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),*]
    };
}

/// One language's templates, by key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    lang: Lang,
    texts: HashMap<String, String>,
}

/// The English catalogue, in builds that embed it (the CLI, the tests). The page loads it
/// from its own origin like any other language ([`Catalogue::keep`]), so that a Chinese page
/// does not carry the English words too.
#[cfg(feature = "embed-en")]
const EN_JSON: &str = include_str!("../../i18n/en.json");

/// The Chinese catalogue, in builds that embed it (the CLI, the tests).
#[cfg(feature = "embed-zh")]
const ZH_JSON: &str = include_str!("../../i18n/zh-CN.json");

/// The catalogues of the languages, once embedded or loaded: one per language for the
/// program's life (a page keeps the ones it has fetched).
static EN: OnceLock<Catalogue> = OnceLock::new();
static ZH: OnceLock<Catalogue> = OnceLock::new();

fn slot(lang: Lang) -> &'static OnceLock<Catalogue> {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// The catalogue of `lang` embedded in this build, if it is.
fn embedded_json(lang: Lang) -> Option<&'static str> {
    match lang {
        #[cfg(feature = "embed-en")]
        Lang::En => Some(EN_JSON),
        #[cfg(feature = "embed-zh")]
        Lang::Zh => Some(ZH_JSON),
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

impl Catalogue {
    /// Reads a catalogue: a JSON object of strings.
    ///
    /// # Examples
    /// ```
    /// use easnet_core::i18n::{Catalogue, Lang};
    /// let c = Catalogue::from_json(Lang::Zh, r#"{"hello": "你好，{name}"}"#).unwrap();
    /// assert_eq!(c.text("hello", easnet_core::args![name = "EAS"]), "你好，EAS");
    /// assert!(Catalogue::from_json(Lang::Zh, "[1]").is_err());
    /// ```
    pub fn from_json(lang: Lang, json: &str) -> Result<Catalogue, String> {
        let texts: HashMap<String, String> = serde_json::from_str(json)
            .map_err(|e| format!("the {} catalogue cannot be read: {e}", lang.tag()))?;
        Ok(Catalogue { lang, texts })
    }

    /// The English catalogue: the language a missing key falls back to, and the one of the
    /// functions without a catalogue argument. In a build that does not embed it (the page),
    /// it is the one kept once loaded ([`Catalogue::keep`]); until then an empty catalogue,
    /// which writes each key as itself.
    pub fn english() -> &'static Catalogue {
        static NONE: OnceLock<Catalogue> = OnceLock::new();
        Catalogue::get(Lang::En).unwrap_or_else(|| {
            NONE.get_or_init(|| Catalogue {
                lang: Lang::En,
                texts: HashMap::default(),
            })
        })
    }

    /// The catalogue of `lang` if this build embeds it (English with the `embed-en` feature,
    /// Chinese with `embed-zh`: the CLI's), or a page has loaded it ([`Catalogue::keep`]).
    pub fn get(lang: Lang) -> Option<&'static Catalogue> {
        let slot = slot(lang);
        if let Some(c) = slot.get() {
            return Some(c);
        }
        let json = embedded_json(lang)?;
        Some(slot.get_or_init(|| {
            Catalogue::from_json(lang, json).expect("an embedded catalogue is valid")
        }))
    }

    /// The catalogue of `lang` when this build embeds it.
    pub fn embedded(lang: Lang) -> Option<&'static Catalogue> {
        embedded_json(lang).and_then(|_| Catalogue::get(lang))
    }

    /// Keeps a catalogue read at run time (the page's, fetched from its own origin) for the
    /// program's life, as the one of its language: [`Catalogue::get`] gives it from then on.
    /// A language already embedded or kept keeps the catalogue it has.
    ///
    /// # Examples
    /// ```
    /// use easnet_core::i18n::{Catalogue, Lang};
    /// let kept = Catalogue::keep(Catalogue::from_json(Lang::Zh, r#"{"a": "甲"}"#).unwrap());
    /// assert!(std::ptr::eq(kept, Catalogue::get(Lang::Zh).unwrap()));
    /// ```
    pub fn keep(catalogue: Catalogue) -> &'static Catalogue {
        match Catalogue::embedded(catalogue.lang) {
            Some(embedded) => embedded,
            None => slot(catalogue.lang).get_or_init(|| catalogue),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Every key, in no particular order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.texts.keys().map(String::as_str)
    }

    /// The template of `key` as written, if this catalogue has it.
    pub fn template(&self, key: &str) -> Option<&str> {
        self.texts.get(key).map(String::as_str)
    }

    /// The template of `key` filled with `args`. A key this catalogue lacks falls back to the
    /// English one, and a key no catalogue has is written as itself (the catalogue test
    /// keeps both from happening).
    pub fn text(&self, key: &str, args: &[Arg]) -> String {
        let template = (self.texts.get(key))
            .or_else(|| Catalogue::english().texts.get(key))
            .map_or(key, String::as_str);
        template::fill(template, args)
    }

    /// The template of `key.one` when `n` is 1, else `key.other`, filled with `args` and `n`.
    ///
    /// # Examples
    /// ```
    /// use easnet_core::i18n::Catalogue;
    /// let en = Catalogue::english();
    /// assert_eq!(en.count("words.vswitches", 1, &[]), "1 vSwitch");
    /// assert_eq!(en.count("words.vswitches", 2, &[]), "2 vSwitches");
    /// ```
    pub fn count(&self, key: &str, n: u64, args: &[Arg]) -> String {
        let form = if n == 1 { "one" } else { "other" };
        let key = format!("{key}.{form}");
        let mut all: Vec<Arg> = Vec::with_capacity(args.len() + 1);
        all.push(("n", &n));
        all.extend_from_slice(args);
        self.text(&key, &all)
    }
}

impl Default for &Catalogue {
    fn default() -> Self {
        Catalogue::english()
    }
}
