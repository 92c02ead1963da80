//! The registry of finding codes (`easnet_core::analyze::Code`) and the tables of
//! `docs/rules.md` say the same thing: every code, its severity and its section, both ways and
//! in the same order. A row changed by hand in either place fails here.

use easnet_core::analyze::Code;

#[allow(dead_code)] // the `at` helpers are for the analyzer tests
mod common;
use common::{documented_codes, parse_rules_tables, DocumentedCode};

/// What the registry says of a code, in the document's words.
fn registered(code: Code) -> DocumentedCode {
    DocumentedCode {
        code: code.as_str().to_owned(),
        severity: code.severity().as_str().to_owned(),
        section: code.group().title().to_owned(),
    }
}

/// Every difference between the registry and a document's rows, as lines to read.
fn differences(documented: &[DocumentedCode]) -> Vec<String> {
    let mut out = Vec::new();
    for &code in Code::ALL {
        let want = registered(code);
        match documented.iter().find(|d| d.code == want.code) {
            None => out.push(format!(
                "{code} is in the registry but not in docs/rules.md"
            )),
            Some(d) if *d != want => out.push(format!(
                "{code}: docs/rules.md says {} in \"{}\", the registry {} in \"{}\"",
                d.severity, d.section, want.severity, want.section
            )),
            Some(_) => {}
        }
    }
    for d in documented {
        if d.code.parse::<Code>().is_err() {
            out.push(format!(
                "{} is in docs/rules.md but not in the registry",
                d.code
            ));
        }
    }
    let doc_order: Vec<&str> = documented.iter().map(|d| d.code.as_str()).collect();
    let registry_order: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    if out.is_empty() && doc_order != registry_order {
        out.push(format!(
            "the order differs:\n  docs:     {doc_order:?}\n  registry: {registry_order:?}"
        ));
    }
    out
}

#[test]
fn registry_matches_rules_md() {
    let documented = documented_codes();
    assert!(documented.len() >= 39, "tables not found: {documented:?}");
    let diff = differences(documented);
    assert!(diff.is_empty(), "{}", diff.join("\n"));
}

/// The comparison itself can fail: each kind of hand edit of the document is caught.
#[test]
fn a_row_changed_by_hand_is_caught() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/rules.md");
    let text = std::fs::read_to_string(path).unwrap();
    let edits = [
        ("| CAP002 | warning |", "| CAP002 | error |"),
        ("| NET005 | info |", "| NET005 | warning |"),
        ("| WL003 | error |", "| WL004 | error |"),
        ("| SG001 | error |", "| SG001X | error |"),
    ];
    for (from, to) in edits {
        assert!(text.contains(from), "{from} not in docs/rules.md");
        let edited = text.replacen(from, to, 1);
        assert!(
            !differences(&parse_rules_tables(&edited)).is_empty(),
            "{from} -> {to} missed"
        );
    }
    // A row deleted, a row added, a row moved to another section.
    let deleted: String = text
        .lines()
        .filter(|l| !l.starts_with("| CIDR004 "))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(!differences(&parse_rules_tables(&deleted)).is_empty());
    let added = text.replacen("| CAP004 |", "| CAP009 | error | new |\n| CAP004 |", 1);
    assert!(!differences(&parse_rules_tables(&added)).is_empty());
    let moved = text.replacen("## Capacity", "## Capacity planning", 1);
    assert!(!differences(&parse_rules_tables(&moved)).is_empty());
}
