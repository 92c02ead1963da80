//! The catalogues of easnet's words (`crates/core/i18n/`): one per language, the same keys in
//! each, the same placeholders in both templates of a key, both forms of every count, and
//! every key the code names present. Then every finding of every fixture, in both languages:
//! nothing left unfilled, and the parts that are not words (code, subject, `at`, command) the
//! same in both.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use easnet_core::analyze::{analyze_text_in, Code};
use easnet_core::i18n::{placeholders, Catalogue, Lang};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn catalogue(lang: Lang) -> Catalogue {
    let path = root().join(format!("crates/core/i18n/{}.json", lang.tag()));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Catalogue::from_json(lang, &text).unwrap()
}

#[test]
fn both_languages_have_the_same_keys_and_placeholders() {
    let (en, zh) = (catalogue(Lang::En), catalogue(Lang::Zh));
    let en_keys: BTreeSet<&str> = en.keys().collect();
    let zh_keys: BTreeSet<&str> = zh.keys().collect();
    let mut problems = Vec::new();
    for k in en_keys.difference(&zh_keys) {
        problems.push(format!("{k}: in en.json, missing in zh-CN.json"));
    }
    for k in zh_keys.difference(&en_keys) {
        problems.push(format!("{k}: in zh-CN.json, missing in en.json"));
    }
    for k in en_keys.intersection(&zh_keys) {
        let a: BTreeSet<&str> = placeholders(en.template(k).unwrap()).into_iter().collect();
        let b: BTreeSet<&str> = placeholders(zh.template(k).unwrap()).into_iter().collect();
        if a != b {
            problems.push(format!("{k}: placeholders differ: en {a:?}, zh {b:?}"));
        }
        if zh.template(k).unwrap().trim().is_empty() {
            problems.push(format!("{k}: empty in zh-CN.json"));
        }
    }
    // Counts: `.one` and `.other` together, and `{n}` in both.
    for k in &en_keys {
        for (this, other) in [(".one", ".other"), (".other", ".one")] {
            if let Some(base) = k.strip_suffix(this) {
                if !en_keys.contains(format!("{base}{other}").as_str()) {
                    problems.push(format!("{k}: no {base}{other}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The keys a source file names: the first argument of `.text("…"` and `.count("…"` (a
/// count names `….one` and `….other`), and string literals that start like a key of the
/// catalogue's own sections (`"words.vpc"`, `"report.fix"`: a key rustfmt moved to the
/// next line, or one logged for later, `Said::new("summary.skip.…")`; the page's
/// `"ui.paths.heading"`).
fn keys_named(source: &str) -> Vec<String> {
    // Doc comments show made-up keys in their examples.
    let source: String = (source.lines())
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let source = source.as_str();
    let mut keys = Vec::new();
    for (call, counted) in [(".text(\"", false), (".count(\"", true)] {
        for (i, _) in source.match_indices(call) {
            let rest = &source[i + call.len()..];
            let Some(end) = rest.find('"') else { continue };
            let key = &rest[..end];
            if counted {
                keys.push(format!("{key}.one"));
                keys.push(format!("{key}.other"));
            } else {
                keys.push(key.to_owned());
            }
        }
    }
    for prefix in [
        "\"words.",
        "\"hop.",
        "\"report.",
        "\"summary.",
        "\"export.",
        "\"whatif.",
        "\"cli.",
        "\"cloud_error.",
        "\"json_syntax.",
        "\"import_error.",
        "\"ui.",
    ] {
        for (i, _) in source.match_indices(prefix) {
            let rest = &source[i + 1..];
            let Some(end) = rest.find('"') else { continue };
            let key = &rest[..end];
            if key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._".contains(&b))
                && !key.ends_with('.')
            {
                keys.push(key.to_owned());
            }
        }
    }
    keys
}

#[test]
fn every_key_the_code_names_is_in_the_catalogues() {
    let en = catalogue(Lang::En);
    let mut files = Vec::new();
    for dir in ["crates/core/src", "crates/cli/src", "crates/web/src"] {
        sources(&root().join(dir), &mut files);
    }
    let mut missing = BTreeSet::new();
    let mut named = 0;
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        for key in keys_named(&text) {
            named += 1;
            // A count named through a variable part (`words.{x}`) is checked by its callers.
            let known = en.template(&key).is_some() || en.template(&format!("{key}.one")).is_some();
            if !known && !key.contains('{') {
                missing.insert(format!("{key} ({})", file.display()));
            }
        }
    }
    assert!(
        named > 20,
        "only {named} keys found: is the scan still right?"
    );
    assert!(
        missing.is_empty(),
        "named in code, not in en.json:\n{}",
        missing.into_iter().collect::<Vec<_>>().join("\n")
    );
}

/// The page downloads its catalogue without the CLI's own words (`scripts/page-words.mjs`
/// drops every `cli.` key): nothing the page or core says may be one.
#[test]
fn the_page_and_core_name_no_key_of_the_cli() {
    let mut files = Vec::new();
    for dir in ["crates/core/src", "crates/web/src"] {
        sources(&root().join(dir), &mut files);
    }
    let mut cli = BTreeSet::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        cli.extend(
            (keys_named(&text).into_iter())
                .filter(|k| k.starts_with("cli."))
                .map(|k| format!("{k} ({})", file.display())),
        );
    }
    assert!(cli.is_empty(), "the page's catalogue lacks these:\n{cli:?}");
    // And the CLI's do use the prefix the page leaves out.
    let mut cli_files = Vec::new();
    sources(&root().join("crates/cli/src"), &mut cli_files);
    let theirs = (cli_files.iter())
        .flat_map(|f| keys_named(&fs::read_to_string(f).unwrap()))
        .filter(|k| k.starts_with("cli."))
        .count();
    assert!(theirs > 20, "{theirs}");
}

/// `{name}` left in a text: a placeholder whose value was not given.
fn unfilled(text: &str) -> Option<&str> {
    placeholders(text)
        .into_iter()
        .find(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
}

#[test]
fn every_fixture_reads_in_both_languages() {
    let zh: &'static Catalogue = Box::leak(Box::new(catalogue(Lang::Zh)));
    let en = Catalogue::english();
    let mut files = Vec::new();
    for entry in fs::read_dir(root().join("tests/analyzer")).unwrap() {
        files.push(entry.unwrap().path());
    }
    files.retain(|p| p.extension().is_some_and(|x| x == "json"));
    files.sort();
    let mut problems = Vec::new();
    let mut findings = 0;
    for file in &files {
        let fixture: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(file).unwrap()).unwrap();
        let text = match (&fixture["plan"], &fixture["plan_text"]) {
            (serde_json::Value::String(_), _) | (serde_json::Value::Null, _) => {
                fixture["plan_text"].as_str().unwrap_or_default().to_owned()
            }
            (plan, _) => plan.to_string(),
        };
        let (a, b) = (analyze_text_in(&text, en), analyze_text_in(&text, zh));
        assert_eq!(a.findings.len(), b.findings.len(), "{}", file.display());
        for (f, g) in a.findings.iter().zip(&b.findings) {
            findings += 1;
            let same =
                (f.code, &f.subject, &f.at, &f.command) == (g.code, &g.subject, &g.at, &g.command);
            if !same {
                problems.push(format!(
                    "{}: {} differs beyond its words",
                    file.display(),
                    f.code
                ));
            }
            for (lang, t) in [
                ("en", &f.message),
                ("en", &f.fix),
                ("zh", &g.message),
                ("zh", &g.fix),
            ] {
                if let Some(p) = unfilled(t) {
                    problems.push(format!(
                        "{}: {} ({lang}) leaves {{{p}}} unfilled: {t}",
                        file.display(),
                        f.code
                    ));
                }
            }
            // Translated codes: the Chinese message is not the English one (a PLAN001 about
            // text that is not JSON included: its explanation and serde_json's words).
            if f.message == g.message && TRANSLATED.contains(&f.code) {
                problems.push(format!(
                    "{}: {} has the same message in both: {}",
                    file.display(),
                    f.code,
                    f.message
                ));
            }
        }
    }
    assert!(findings > 200, "only {findings} findings");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The codes whose messages are in the catalogues so far.
const TRANSLATED: &[Code] = &[
    Code::Plan001,
    Code::Plan002,
    Code::Plan003,
    Code::Net002,
    Code::Cidr001,
    Code::Cidr002,
    Code::Cidr003,
    Code::Cidr004,
    Code::Cidr005,
    Code::Cidr006,
    Code::Cidr007,
    Code::Cidr008,
    Code::Cap001,
    Code::Cap002,
    Code::Cap003,
    Code::Cap004,
    Code::Cap005,
    Code::Net001,
    Code::Net003,
    Code::Net004,
    Code::Net005,
    Code::Net006,
    Code::Net007,
    Code::Net008,
    Code::Net009,
    Code::Inet001,
    Code::Inet002,
    Code::Inet003,
    Code::Inet004,
    Code::Inet005,
    Code::Inet006,
    Code::Priv001,
    Code::Priv002,
    Code::Priv003,
    Code::Priv004,
    Code::Sg001,
    Code::Sg002,
    Code::Sg003,
    Code::Route001,
    Code::Wl001,
    Code::Wl002,
    Code::Wl003,
];
