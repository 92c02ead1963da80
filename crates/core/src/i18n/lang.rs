//! The languages easnet speaks, and how a user's settings choose one.

use std::fmt;
use std::str::FromStr;

/// A language of easnet's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    /// Simplified Chinese, as the Alibaba Cloud console writes it.
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The BCP 47 tag: `<html lang>`, and the catalogue's file name.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The CLI's `--lang` value.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The language of a browser's languages (`navigator.languages`): Chinese when any of
    /// them is a `zh…` tag (an engineer who reads Chinese at all gets the console's words),
    /// English otherwise.
    ///
    /// # Examples
    /// ```
    /// use easnet_core::i18n::Lang;
    /// assert_eq!(Lang::from_browser(["en-US", "zh-CN"]), Lang::Zh);
    /// assert_eq!(Lang::from_browser(["ZH"]), Lang::Zh);
    /// assert_eq!(Lang::from_browser(["en-US", "de"]), Lang::En);
    /// assert_eq!(Lang::from_browser(Vec::<&str>::new()), Lang::En);
    /// ```
    pub fn from_browser<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        let zh = |tag: &str| tag.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("zh"));
        if tags.into_iter().any(zh) {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The language of a POSIX locale: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is
    /// set and not empty decides (their precedence for messages); `zh_CN.UTF-8` (any `zh…`) is
    /// Chinese, anything else English.
    ///
    /// # Examples
    /// ```
    /// use easnet_core::i18n::Lang;
    /// assert_eq!(Lang::from_locale([None, Some(""), Some("zh_CN.UTF-8")]), Lang::Zh);
    /// assert_eq!(Lang::from_locale([Some("C"), None, Some("zh_CN.UTF-8")]), Lang::En);
    /// assert_eq!(Lang::from_locale([None, None, None]), Lang::En);
    /// ```
    pub fn from_locale<'a>(vars: impl IntoIterator<Item = Option<&'a str>>) -> Lang {
        let first = vars.into_iter().flatten().find(|v| !v.is_empty());
        match first {
            Some(v) if v.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// `en`, `zh`, or a tag of either (`zh-CN`, `en-US`).
impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.to_ascii_lowercase();
        match lower.split(['-', '_']).next() {
            Some("en") => Ok(Lang::En),
            Some("zh") => Ok(Lang::Zh),
            _ => Err(format!("expected en or zh, got {s:?}")),
        }
    }
}
