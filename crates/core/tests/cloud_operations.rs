//! Every operation the importer reads, from realistic responses with their traps: each file of
//! `tests/cloud/ops/` is imported (into `tests/cloud/expect/base-plan.json` when its
//! expectation says so) and must give exactly the plan, counts, summary lines and notes of
//! `tests/cloud/expect/<same name>.json`.
//!
//! One run reports every mismatching fixture and fails at the end with their count.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use easnet_core::cloud::{import, Operation};
use easnet_core::plan::{parse_plan, write_plan, Plan};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cloud")
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(root().join("ops"))
        .expect("tests/cloud/ops")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 12, "{files:?}");
    files
}

/// Checks one fixture; returns what is wrong with it.
fn check(path: &Path) -> Vec<String> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let expect_path = root().join("expect").join(&name);
    let expect: Value = serde_json::from_str(&read(&expect_path)).expect("expectation JSON");
    let into = match expect.get("into").and_then(Value::as_str) {
        Some(file) => parse_plan(&read(&root().join("expect").join(file))).expect("into plan"),
        None => Plan::empty(),
    };
    let got = match import(&read(path), &into) {
        Ok(got) => got,
        Err(e) => return vec![format!("refused: {e}")],
    };
    let mut wrong = Vec::new();
    // Compared as JSON values: the services' text is re-indented in the expectation file (the
    // merge tests check it is kept byte for byte).
    let want_plan = parse_plan(&expect["plan"].to_string()).expect("expected plan parses");
    let value = |p: &Plan| serde_json::to_value(p).expect("plain data");
    if value(&got.plan) != value(&want_plan) {
        wrong.push(format!(
            "plan differs; got:\n{}\nwant:\n{}",
            write_plan(&got.plan),
            write_plan(&want_plan)
        ));
    }
    let s = &got.summary;
    let counts = serde_json::json!({
        "imported": s.imported, "updated": s.updated, "unchanged": s.unchanged, "skipped": s.skipped
    });
    if counts != expect["counts"] {
        wrong.push(format!("counts {counts}, want {}", expect["counts"]));
    }
    let lines: Vec<String> = s
        .lines
        .iter()
        .map(|l| l.text(easnet_core::i18n::Catalogue::english()))
        .collect();
    let want_lines: Vec<String> = serde_json::from_value(expect["lines"].clone()).unwrap();
    if lines != want_lines {
        wrong.push(format!("lines {lines:#?}\nwant {want_lines:#?}"));
    }
    let want_notes: Vec<String> = serde_json::from_value(expect["notes"].clone()).unwrap();
    if s.notes != want_notes {
        wrong.push(format!("notes {:#?}\nwant {want_notes:#?}", s.notes));
    }
    // The merged plan is a valid plan, written and read back unchanged.
    if parse_plan(&write_plan(&got.plan)).as_ref() != Ok(&got.plan) {
        wrong.push("the merged plan does not survive write_plan/parse_plan".to_owned());
    }
    // Import twice = import once.
    match import(&read(path), &got.plan) {
        Ok(again) => {
            if again.plan != got.plan {
                wrong.push("a second import changed the plan".to_owned());
            }
            if again.summary.imported + again.summary.updated != 0 {
                wrong.push(format!(
                    "a second import: {}",
                    again.summary.text(easnet_core::i18n::Catalogue::english())
                ));
            }
            if again.summary.skipped != s.skipped {
                wrong.push("a second import skipped something else".to_owned());
            }
        }
        Err(e) => wrong.push(format!("a second import refused: {e}")),
    }
    wrong
}

#[test]
fn every_fixture_imports_as_expected() {
    let mut failures = Vec::new();
    for path in fixtures() {
        let wrong = check(&path);
        if !wrong.is_empty() {
            failures.push(format!("{}:\n  {}", path.display(), wrong.join("\n  ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) wrong:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_operation_has_a_fixture() {
    let mut seen = BTreeSet::new();
    for path in fixtures() {
        let got = import(&read(&path), &Plan::empty()).expect("imports into an empty plan too");
        seen.extend(got.summary.responses.iter().map(|r| r.operation));
    }
    let missing: Vec<Operation> = Operation::ALL
        .into_iter()
        .filter(|op| !seen.contains(op))
        .collect();
    assert!(missing.is_empty(), "no fixture for {missing:?}");
}

#[test]
fn all_fixtures_pasted_together_import_in_any_order() {
    let texts: Vec<String> = fixtures().iter().map(|p| read(p)).collect();
    let forward = import(&texts.concat(), &Plan::empty()).expect("all together");
    let backward: String = texts.iter().rev().map(String::as_str).collect();
    let backward = import(&backward, &Plan::empty()).expect("reversed");
    assert_eq!(forward.plan, backward.plan);
    assert_eq!(forward.summary.lines, backward.summary.lines);
    // Nothing is counted twice, and every skipped line says why.
    for line in &forward.summary.lines {
        assert!(!line.detail.is_empty(), "{line:?}");
    }
    // What the fixtures hold that a plan cannot (ECMP routes, prefix lists, ingress rules, …),
    // counted once each: 25 when the files are pasted together (each fixture's own skipped
    // lines are listed in tests/cloud/expect/; together a few join, e.g. system routes).
    assert_eq!(forward.summary.skipped, 25);
}
