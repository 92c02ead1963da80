//! What the analyzer tests share: the codes of rules.md (read from its tables) and a reader
//! of `at` paths.

use serde_json::Value;

/// One row of a table of `docs/rules.md`: `| CODE | severity | fires when |`, under the
/// section heading it is listed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentedCode {
    pub code: String,
    pub severity: String,
    /// The `## ` heading above the table, without any parenthesis (`Internet egress`).
    pub section: String,
}

/// The codes of `docs/rules.md`, read from its tables (not from the analyzer's own
/// registry, so that tests comparing with it can fail).
pub fn documented_codes() -> &'static [DocumentedCode] {
    static CODES: std::sync::OnceLock<Vec<DocumentedCode>> = std::sync::OnceLock::new();
    CODES.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/rules.md");
        let text = std::fs::read_to_string(path).expect("docs/rules.md is readable");
        parse_rules_tables(&text)
    })
}

/// The rows of every `| code | sev | fires when |` table of a rules.md text.
pub fn parse_rules_tables(text: &str) -> Vec<DocumentedCode> {
    let mut rows = Vec::new();
    let mut section = String::new();
    for line in text.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            section = heading
                .split(" (")
                .next()
                .unwrap_or(heading)
                .trim()
                .to_owned();
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // `| a | b | c |` splits into ["", a, b, c, ""].
        if cells.len() < 5 || !cells[0].is_empty() {
            continue;
        }
        let (code, severity) = (cells[1], cells[2]);
        let is_code = code.len() > 3
            && code
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && code.ends_with(|c: char| c.is_ascii_digit());
        if is_code {
            rows.push(DocumentedCode {
                code: code.to_owned(),
                severity: severity.to_owned(),
                section: section.clone(),
            });
        }
    }
    rows
}

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
