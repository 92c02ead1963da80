//! What the analyzer tests share: the codes of rules.md and a reader of `at` paths.

use serde_json::Value;

/// Every code of `docs/rules.md`.
pub const CODES: &[&str] = &[
    "PLAN001", "PLAN002", "PLAN003", "NET001", "NET002", "NET003", "NET004", "NET005", "NET006",
    "NET007", "CIDR001", "CIDR002", "CIDR003", "CIDR004", "CIDR005", "CIDR006", "CIDR007",
    "CIDR008", "CAP001", "CAP002", "CAP003", "CAP004", "INET001", "INET002", "INET003", "INET004",
    "INET005", "INET006", "SG001", "SG002", "SG003", "ROUTE001", "PRIV001", "PRIV002", "PRIV003",
    "PRIV004", "WL001", "WL002", "WL003",
];

/// Resolves a finding's `at` (`a.b[0].c`, `""` for the document) against a JSON value.
pub fn resolve<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    if path.is_empty() {
        return Some(value);
    }
    let mut v = value;
    for part in path.split('.') {
        let (key, indexes) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !key.is_empty() {
            v = v.get(key)?;
        }
        for index in indexes.split('[').skip(1) {
            let i: usize = index.strip_suffix(']')?.parse().ok()?;
            v = v.get(i)?;
        }
    }
    Some(v)
}

/// Whether `at` is a path of the plan. A PLAN001 may name a missing field: its parent must
/// then exist.
pub fn at_exists(plan: &Value, code: &str, at: &str) -> bool {
    let parent = at.rfind('.').map_or("", |i| &at[..i]);
    resolve(plan, at).is_some() || (code == "PLAN001" && resolve(plan, parent).is_some())
}
