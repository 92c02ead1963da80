//! Which language easnet speaks: `--lang`, else the POSIX locale (`LC_ALL`, `LC_MESSAGES`,
//! `LANG`). Known before clap has read the command line too, so that a usage error is in the
//! user's language.

use std::ffi::OsString;
use std::sync::OnceLock;

use easnet_core::i18n::{Catalogue, Lang};

/// The language of the locale's variables, in their precedence for messages.
pub fn from_env() -> Lang {
    let vars = ["LC_ALL", "LC_MESSAGES", "LANG"].map(|v| std::env::var(v).ok());
    Lang::from_locale(vars.iter().map(Option::as_deref))
}

/// The value of the last `--lang X` or `--lang=X` before `--`, when it names a language.
pub fn from_args(args: &[OsString]) -> Option<Lang> {
    let mut lang = None;
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => continue,
        };
        if let Some(l) = value.and_then(|v| v.parse().ok()) {
            lang = Some(l);
        }
    }
    lang
}

/// The catalogue of `lang` (the CLI embeds both).
pub fn catalogue(lang: Lang) -> &'static Catalogue {
    Catalogue::embedded(lang).unwrap_or_else(Catalogue::english)
}

static CHOSEN: OnceLock<&'static Catalogue> = OnceLock::new();

/// Records the language the run speaks, for messages written outside the run (a panic).
pub fn choose(lang: Lang) -> &'static Catalogue {
    CHOSEN.get_or_init(|| catalogue(lang))
}

/// The language chosen, or the locale's before one is.
pub fn chosen() -> &'static Catalogue {
    CHOSEN
        .get()
        .copied()
        .unwrap_or_else(|| catalogue(from_env()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn lang_on_the_command_line() {
        assert_eq!(
            from_args(&args(&["easnet", "check", "--lang", "zh"])),
            Some(Lang::Zh)
        );
        assert_eq!(
            from_args(&args(&["easnet", "--lang=en", "check"])),
            Some(Lang::En)
        );
        assert_eq!(
            from_args(&args(&["easnet", "--lang", "zh", "--lang", "en"])),
            Some(Lang::En)
        );
        assert_eq!(from_args(&args(&["easnet", "check", "--lang"])), None);
        assert_eq!(from_args(&args(&["easnet", "--lang", "fr"])), None);
        assert_eq!(from_args(&args(&["easnet", "--", "--lang", "zh"])), None);
        assert_eq!(from_args(&args(&["easnet", "--language", "zh"])), None);
    }
}
