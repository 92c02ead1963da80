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
