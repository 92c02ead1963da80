//! Checks a script easnet prints against the API metadata the `aliyun` CLI is built from
//! (`tests/data/aliyun-api.json`): product, API, parameter names, required parameters, values,
//! the `--Name=value` form for a value starting with `-`; and, for every command in it, that
//! no word holds shell syntax outside quotes.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::words::{simple_commands, split, Piece, Simple, Word};

/// One API's parameters.
#[derive(Debug)]
pub struct Api {
    pub key: String,
    pub rest: bool,
    pub method: String,
    pub path: Option<String>,
    /// Name → (required, type, position).
    pub params: BTreeMap<String, (bool, String, String)>,
    /// For an ROA API: the fields of its JSON body, name → required.
    pub body: BTreeMap<String, bool>,
}

/// The vendored table.
#[derive(Debug)]
pub struct Table {
    pub products: BTreeMap<String, bool>,
    pub apis: BTreeMap<String, Api>,
    takes_value: BTreeSet<String>,
    switches: BTreeSet<String>,
    fielded: BTreeMap<String, Vec<String>>,
}

impl Table {
    pub fn load() -> Table {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/aliyun-api.json");
        let text = std::fs::read_to_string(path).expect("tests/data/aliyun-api.json");
        let v: Value = serde_json::from_str(&text).expect("API table JSON");
        let strs = |v: &Value| -> Vec<String> {
            (v.as_array().into_iter().flatten())
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        };
        let products = (v["products"].as_object().expect("products").iter())
            .map(|(k, p)| (k.clone(), p["api_style"] != "rpc"))
            .collect();
        let mut apis = BTreeMap::new();
        for (key, a) in v["apis"].as_object().expect("apis") {
            let params = (a["parameters"].as_object().expect("parameters").iter())
                .map(|(name, p)| {
                    let s = |k: &str| p[k].as_str().unwrap_or_default().to_owned();
                    let required = p["required"].as_bool().unwrap_or(false);
                    (name.clone(), (required, s("type"), s("position")))
                })
                .collect();
            let body = (a["body_fields"].as_object().into_iter().flatten())
                .filter(|(k, _)| !k.starts_with('_'))
                .map(|(k, f)| (k.clone(), f["required"].as_bool().unwrap_or(false)))
                .collect();
            apis.insert(
                key.clone(),
                Api {
                    key: key.clone(),
                    rest: a["style"] == "ROA",
                    method: a["method"].as_str().unwrap_or_default().to_owned(),
                    path: a["path_pattern"].as_str().map(str::to_owned),
                    params,
                    body,
                },
            );
        }
        let flags = &v["cli"]["global_flags"];
        let fielded = (flags["fielded"].as_object().expect("fielded").iter())
            .map(|(k, f)| (k.clone(), strs(f)))
            .collect();
        Table {
            products,
            apis,
            takes_value: strs(&flags["takes_value"]).into_iter().collect(),
            switches: strs(&flags["switches"]).into_iter().collect(),
            fielded,
        }
    }
}

/// The programs (and shell keywords) easnet's scripts run: anything else at the start of a
/// command came from a value that escaped its quotes.
const PROGRAMS: [&str; 11] = [
    "aliyun", "eascmd", "easnet", "curl", "timeout", "ping", "echo", "mkdir", "for", "do", "done",
];

/// One `aliyun` call as checked: its API, its parameters' values, its placeholders.
#[derive(Debug, Clone)]
pub struct Call {
    pub api: String,
    /// The command's words, joined ([`line`]).
    pub line: String,
    pub args: BTreeMap<String, Word>,
    pub placeholders: Vec<String>,
}

/// What a script holds, and what is wrong with it.
#[derive(Debug, Default)]
pub struct Checked {
    pub calls: Vec<Call>,
    /// Every simple command (the `aliyun` calls among them).
    pub commands: Vec<Simple>,
    /// Quoted words spelt like a placeholder (`'<SnatTableId>'`): the CLI would send the
    /// text. Wrong in easnet's own commands; right for a plan value spelt so.
    pub quoted_placeholders: Vec<String>,
    pub errors: Vec<String>,
}

/// `variables`: the script may use shell variables (`$R` of the describe recipe).
pub fn check_script(table: &Table, script: &str, variables: bool) -> Checked {
    let mut out = Checked::default();
    let tokens = match split(script) {
        Ok(t) => t,
        Err(e) => {
            out.errors.push(format!("does not parse as shell: {e}"));
            return out;
        }
    };
    for cmd in simple_commands(&tokens) {
        for w in cmd.words.iter().chain(cmd.redirects.iter().map(|(_, w)| w)) {
            quoting(w, variables, &mut out);
        }
        if let Some(first) = cmd.words.first() {
            let program = first.text();
            // `R='…' VPC='…'`: a variable assignment, its name outside quotes.
            let name_bare = (first.pieces.first())
                .is_some_and(|p| matches!(p, Piece::Text { quoted: false, .. }));
            let assignment = name_bare
                && program.split_once('=').is_some_and(|(name, _)| {
                    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                });
            let program_known = PROGRAMS.contains(&program.as_str()) && first.is_literal();
            if !assignment && !program_known {
                out.errors.push(format!(
                    "`{program}` is not a command easnet prints: `{}`",
                    line(&cmd.words)
                ));
            }
        }
        if cmd.redirects.iter().any(|(op, _)| op.starts_with('<')) {
            out.errors
                .push(format!("an input redirection in `{}`", line(&cmd.words)));
        }
        if cmd
            .words
            .first()
            .is_some_and(|w| w.text() == "aliyun" && w.is_literal())
        {
            match call(table, &cmd.words) {
                Ok(c) => out.calls.push(c),
                Err(e) => out.errors.push(format!("{e}: `{}`", line(&cmd.words))),
            }
        }
        out.commands.push(cmd);
    }
    out
}

/// The command's words, joined for messages.
pub fn line(words: &[Word]) -> String {
    words.iter().map(Word::text).collect::<Vec<_>>().join(" ")
}

/// Characters no POSIX shell (nor zsh) treats specially inside a word.
fn plain(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-_./:@%+=,".contains(c)
}

fn quoting(w: &Word, variables: bool, out: &mut Checked) {
    for (k, p) in w.pieces.iter().enumerate() {
        match p {
            Piece::Text {
                text,
                quoted: false,
            } => {
                if let Some(c) = text.chars().find(|&c| !plain(c)) {
                    out.errors
                        .push(format!("`{c}` outside quotes in the word `{}`", w.text()));
                } else if k == 0 && text.starts_with('=') {
                    out.errors.push(format!(
                        "a word starting with `=` outside quotes (zsh expands it): `{}`",
                        w.text()
                    ));
                }
            }
            Piece::Text { text, quoted: true } => {
                if is_placeholder_shape(text) {
                    out.quoted_placeholders.push(text.clone());
                }
            }
            Piece::Expansion(e) => {
                let variable = e.starts_with('$')
                    && e[1..]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_');
                let allowed = variables && (variable || e.starts_with("$(jq "));
                if !allowed {
                    out.errors.push(format!(
                        "the shell would substitute `{e}` in the word `{}`",
                        w.text()
                    ));
                }
            }
            Piece::Placeholder(_) => {}
        }
    }
}

fn is_placeholder_shape(s: &str) -> bool {
    s.len() > 2
        && s.starts_with('<')
        && s.ends_with('>')
        && s[1..s.len() - 1].chars().all(|c| c.is_ascii_alphanumeric())
}

/// Checks one `aliyun …` command against the table.
fn call(table: &Table, words: &[Word]) -> Result<Call, String> {
    let word = |i: usize| words.get(i).map(Word::text).unwrap_or_default();
    let product = word(1);
    let rest = *table
        .products
        .get(&product)
        .ok_or_else(|| format!("no product `{product}` in the API table"))?;
    let (api, first_flag) = if rest {
        let (method, path) = (word(2), word(3));
        let api = (table.apis.values())
            .filter(|a| a.rest && a.key.starts_with(&format!("{product} ")))
            .find(|a| a.method == method && path_matches(a.path.as_deref(), &path))
            .ok_or_else(|| format!("no {product} API answers {method} {path}"))?;
        (api, 4)
    } else {
        let key = format!("{product} {}", word(2));
        let api = (table.apis.get(&key)).ok_or_else(|| format!("no API `{key}` in the table"))?;
        (api, 3)
    };
    let mut args: BTreeMap<String, Word> = BTreeMap::new();
    let mut i = first_flag;
    while i < words.len() {
        let text = words[i].text();
        let Some(flag) = text.strip_prefix("--") else {
            return Err(format!(
                "`{text}` is not a flag (a value without its --Name?)"
            ));
        };
        let (name, inline) = match flag.split_once('=') {
            Some((n, _)) => (n.to_owned(), Some(after_equals(&words[i]))),
            None => (flag.to_owned(), None),
        };
        i += 1;
        if let Some(fields) = table.fielded.get(&name) {
            // `--pager NextToken= path=X`: its fields are the words after it.
            while i < words.len() {
                let t = words[i].text();
                match t.split_once('=') {
                    Some((f, _)) if fields.contains(&f.to_owned()) => i += 1,
                    _ => break,
                }
            }
            continue;
        }
        if table.switches.contains(&name) {
            continue;
        }
        let param = api.params.get(&name);
        if param.is_none() && !table.takes_value.contains(&name) {
            return Err(format!("`--{name}` is no parameter of {}", api.key));
        }
        let value = match inline {
            Some(v) => v,
            None => {
                let v = words
                    .get(i)
                    .ok_or_else(|| format!("`--{name}` has no value"))?
                    .clone();
                if v.text().starts_with('-') {
                    return Err(format!(
                        "the value `{}` of --{name} starts with `-`: the CLI reads it as a flag \
                         (write --{name}=value)",
                        v.text()
                    ));
                }
                i += 1;
                v
            }
        };
        if let Some((_, kind, _)) = param {
            value_type(&name, kind, &value)?;
        }
        // The region flag sets the RegionId parameter (aliyun-cli openapi/rpc.go).
        let key = if name == "region" {
            "RegionId".to_owned()
        } else {
            name.clone()
        };
        if args.insert(key, value).is_some() {
            return Err(format!("`--{name}` is given twice"));
        }
    }
    for (name, (required, _, position)) in &api.params {
        if *required && position != "Path" && !args.contains_key(name) {
            return Err(format!("{} requires --{name}", api.key));
        }
    }
    if api.rest {
        body(api, args.get("body"))?;
    }
    let placeholders = (words.iter())
        .flat_map(|w| w.placeholders().map(str::to_owned).collect::<Vec<_>>())
        .collect();
    Ok(Call {
        api: api.key.clone(),
        line: line(words),
        args,
        placeholders,
    })
}

/// The part of a `--Name=value` word after the first `=`, pieces kept.
fn after_equals(w: &Word) -> Word {
    let mut out = Word::default();
    let mut seen = false;
    for p in &w.pieces {
        match p {
            Piece::Text { text, quoted } if !seen => {
                if let Some((_, rest)) = text.split_once('=') {
                    seen = true;
                    out.pieces.push(Piece::Text {
                        text: rest.to_owned(),
                        quoted: *quoted,
                    });
                }
            }
            p if seen => out.pieces.push(p.clone()),
            _ => {}
        }
    }
    out
}

fn value_type(name: &str, kind: &str, value: &Word) -> Result<(), String> {
    let text = value.text();
    if !value.is_literal() {
        return Ok(());
    }
    let ok = match kind {
        "Integer" | "Long" => !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()),
        "Boolean" => text == "true" || text == "false",
        _ => true,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("--{name} takes a {kind}, not `{text}`"))
    }
}

/// A path of the API's pattern: `[Name]` is any one segment.
fn path_matches(pattern: Option<&str>, path: &str) -> bool {
    let Some(pattern) = pattern else { return false };
    let (a, b): (Vec<&str>, Vec<&str>) = (pattern.split('/').collect(), path.split('/').collect());
    a.len() == b.len()
        && a.iter().zip(&b).all(|(p, s)| {
            if p.starts_with('[') && p.ends_with(']') {
                !s.is_empty()
            } else {
                p == s
            }
        })
}

/// An ROA call's `--body`: a JSON object of the body's fields, with the required ones.
fn body(api: &Api, value: Option<&Word>) -> Result<(), String> {
    if api.body.is_empty() {
        return Ok(());
    }
    let value = value.ok_or_else(|| format!("{} needs --body", api.key))?;
    let json: Value = serde_json::from_str(&value.text())
        .map_err(|e| format!("the --body of {} is not JSON: {e}", api.key))?;
    let obj = json
        .as_object()
        .ok_or_else(|| format!("the --body of {} is not an object", api.key))?;
    for k in obj.keys() {
        if !api.body.contains_key(k) {
            return Err(format!("`{k}` is no field of the body of {}", api.key));
        }
    }
    for (k, required) in &api.body {
        if *required && !obj.contains_key(k) {
            return Err(format!("the body of {} requires {k}", api.key));
        }
    }
    Ok(())
}
