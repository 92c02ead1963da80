//! Filling a template: `{name}` is the value named `name`; `{{` and `}}` are braces.

use std::fmt::Write as _;

use super::Arg;

/// `template` with each `{name}` replaced by its value. A name without a value stays as
/// written, braces and all, so that a missing value shows instead of vanishing.
///
/// # Examples
/// ```
/// use easnet_core::args;
/// use easnet_core::i18n::fill;
/// assert_eq!(fill("{a} → {b}", args![a = 1, b = "x"]), "1 → x");
/// assert_eq!(fill("{{literal}} {missing}", &[]), "{literal} {missing}");
/// ```
pub fn fill(template: &str, args: &[Arg]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * args.len());
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(after) = tail.strip_prefix("{{") {
            out.push('{');
            rest = after;
        } else if let Some(after) = tail.strip_prefix("}}") {
            out.push('}');
            rest = after;
        } else if let Some(close) = tail.strip_prefix('{').and_then(|t| t.find('}')) {
            let name = &tail[1..=close];
            match args.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => {
                    let _ = write!(out, "{value}");
                }
                None => out.push_str(&tail[..close + 2]),
            }
            rest = &tail[close + 2..];
        } else {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The names a template uses, each once, in order of first use.
///
/// # Examples
/// ```
/// use easnet_core::i18n::placeholders;
/// assert_eq!(placeholders("{a} and {b}, {a} {{c}}"), ["a", "b"]);
/// ```
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            rest = &tail[2..];
        } else if let Some(close) = tail.strip_prefix('{').and_then(|t| t.find('}')) {
            let name = &tail[1..=close];
            if !names.contains(&name) {
                names.push(name);
            }
            rest = &tail[close + 2..];
        } else {
            rest = &tail[1..];
        }
    }
    names
}
