//! Small pieces of wording shared by messages, summaries and reports.

/// `1 route`, `3 routes`.
///
/// # Examples
/// ```
/// assert_eq!(easnet_core::text::words::plural(1, "route", "routes"), "1 route");
/// assert_eq!(easnet_core::text::words::plural(0, "entry", "entries"), "0 entries");
/// ```
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// [`first_and_more`] in the language of `cat`.
///
/// # Examples
/// ```
/// use easnet_core::text::words::and_more;
/// let en = easnet_core::i18n::Catalogue::english();
/// assert_eq!(and_more(en, &["a".into(), "b".into()], 0), "a, b");
/// assert_eq!(and_more(en, &["a".into(), "b".into()], 9994), "a, b and 9994 more");
/// ```
pub fn and_more(cat: &crate::i18n::Catalogue, first: &[String], more: usize) -> String {
    let list = first.join(&cat.text("words.list_separator", &[]));
    match more {
        0 => list,
        n => cat.text("words.and_more", crate::args![list = list, n = n]),
    }
}

/// The first few items of a longer list, and how many were left out: `a, b and 9994 more`.
/// Messages name a few of the objects involved and count the rest, so that a finding's length
/// does not grow with the plan (rules.md, "Settled readings").
///
/// # Examples
/// ```
/// use easnet_core::text::words::first_and_more;
/// assert_eq!(first_and_more(&["a".into()], 0), "a");
/// assert_eq!(first_and_more(&["a".into(), "b".into()], 0), "a, b");
/// assert_eq!(first_and_more(&["a".into(), "b".into()], 9994), "a, b and 9994 more");
/// ```
pub fn first_and_more(first: &[String], more: usize) -> String {
    let list = first.join(", ");
    match more {
        0 => list,
        n => format!("{list} and {n} more"),
    }
}
