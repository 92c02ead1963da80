//! `easnet check`: the three formats, stdin, and exit codes that follow the report.

mod common;

use common::{assert_error, easnet, repo, temp_file};
use easnet_core::analyze::analyze;
use easnet_core::plan::parse_plan;
use serde_json::Value;

const EXAMPLES: [&str; 2] = ["examples/healthy.json", "examples/quickstart-broken.json"];

fn report_of(path: &str) -> easnet_core::analyze::Report {
    analyze(&parse_plan(&std::fs::read_to_string(repo(path)).unwrap()).unwrap())
}

#[test]
fn json_is_the_core_report_exactly() {
    for path in EXAMPLES {
        let run = easnet(&["check", &repo(path), "--format", "json"], None);
        let report = report_of(path);
        assert_eq!(run.code, i32::from(report.has_errors()), "{path}: {run:?}");
        assert_eq!(run.stderr, "");
        let got: Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(got, serde_json::to_value(&report).unwrap(), "{path}");
        for key in ["findings", "capacity", "paths"] {
            assert!(got.get(key).is_some_and(Value::is_array), "{path}: {key}");
        }
    }
}

#[test]
fn text_is_plain_when_piped_and_exit_follows_errors() {
    for path in EXAMPLES {
        let run = easnet(&["check", &repo(path)], None);
        let report = report_of(path);
        assert_eq!(run.code, i32::from(report.has_errors()), "{path}");
        assert!(!run.stdout.contains('\x1b'), "colour in a pipe");
        for f in &report.findings {
            assert!(
                run.stdout.contains(f.code.as_str()) && run.stdout.contains(&f.message),
                "{path}"
            );
        }
        if report.findings.is_empty() {
            assert!(run.stdout.starts_with("No findings."));
        }
    }
}

#[test]
fn sarif_is_a_2_1_0_log_of_the_findings() {
    for path in EXAMPLES {
        let run = easnet(&["check", &repo(path), "--format", "sarif"], None);
        let report = report_of(path);
        assert_eq!(run.code, i32::from(report.has_errors()));
        let log: Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(log["version"], "2.1.0");
        let sarif_run = &log["runs"][0];
        assert_eq!(sarif_run["tool"]["driver"]["name"], "easnet");
        let rules: Vec<&str> = (sarif_run["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .iter())
        .map(|r| r["id"].as_str().unwrap())
        .collect();
        let results = sarif_run["results"].as_array().unwrap();
        assert_eq!(results.len(), report.findings.len());
        for (r, f) in results.iter().zip(&report.findings) {
            assert_eq!(r["ruleId"], f.code.as_str());
            assert_eq!(
                rules[r["ruleIndex"].as_u64().unwrap() as usize],
                f.code.as_str()
            );
            assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
            let loc = &r["locations"][0];
            assert_eq!(loc["logicalLocations"][0]["name"], f.subject.as_str());
            assert!(loc["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .ends_with(path));
        }
    }
}

/// What the text at a SARIF result's line and column must start with: the last key of its
/// `at` in quotes, or, for a list element, the start of a value.
fn starts_where_at_says(text: &str, line: usize, column: usize, at: &str) -> Result<(), String> {
    let line_text = text.lines().nth(line - 1).ok_or("no such line")?;
    let here: String = line_text.chars().skip(column - 1).collect();
    let last = at.rsplit('.').next().unwrap_or(at);
    let ok = if last.ends_with(']') {
        here.starts_with(['{', '[', '"']) || here.starts_with(|c: char| c.is_ascii_digit())
    } else {
        here.starts_with(&format!("\"{last}\""))
    };
    ok.then_some(())
        .ok_or(format!("{at} at {line}:{column} reads {here:?}"))
}

/// Checks every SARIF result's place against the plan file's text, and that the text report
/// names the same `file:line:column`; returns how many results there were.
fn check_places(file: &str) -> usize {
    let text = std::fs::read_to_string(file).unwrap();
    let run = easnet(&["check", file, "--format", "sarif"], None);
    if run.code == 2 {
        return 0; // Not a readable plan (a PLAN001 fixture): an error message, no report.
    }
    let log: Value = serde_json::from_str(&run.stdout).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let text_report = easnet(&["check", file], None).stdout;
    for r in results {
        let at = r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
            .as_str()
            .unwrap();
        let region = &r["locations"][0]["physicalLocation"]["region"];
        let line = region["startLine"].as_u64().unwrap() as usize;
        let Some(column) = region["startColumn"].as_u64() else {
            // Only a finding about something the file does not have (a PLAN001 about a
            // missing field, a subject without `at`) stays on line 1.
            assert_eq!(line, 1, "{file}: {at}");
            continue;
        };
        starts_where_at_says(&text, line, column as usize, at)
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(
            text_report.contains(&format!("{file}:{line}:{column} {at}")),
            "{file}: {at} at {line}:{column} not in the text report"
        );
    }
    results.len()
}

#[test]
fn sarif_and_text_point_at_the_plans_own_lines() {
    let mut results = 0;
    for path in EXAMPLES {
        results += check_places(&repo(path));
    }
    // Every analyzer fixture's plan, written as its own file in the usual pretty layout.
    let dir = std::path::Path::new(&repo("tests/analyzer")).to_owned();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let fixture: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let Some(plan) = fixture.get("plan") else {
            continue;
        };
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let file = temp_file(
            &name,
            serde_json::to_string_pretty(plan).unwrap().as_bytes(),
        );
        results += check_places(&file);
    }
    assert!(results > 150, "only {results} results checked");
}

#[test]
fn stdin_reads_the_same_plan() {
    for path in EXAMPLES {
        let text = std::fs::read(repo(path)).unwrap();
        let from_file = easnet(&["check", &repo(path), "--format", "json"], None);
        let from_stdin = easnet(&["check", "-", "--format", "json"], Some(&text));
        assert_eq!(
            (from_stdin.code, &from_stdin.stdout),
            (from_file.code, &from_file.stdout)
        );
    }
}

#[test]
fn plan_errors_name_the_file_and_the_json_path() {
    let run = easnet(
        &["check", "-"],
        Some(br#"{"version": 1, "vpcs": [{"id": "vpc-a", "cidrs": "10.0.0.0/16"}]}"#),
    );
    assert_error(&run, "easnet: <stdin>: vpcs[0].cidrs: ");
    let path = repo("examples/services/compact.json");
    let run = easnet(&["check", &path], None);
    assert_error(
        &run,
        &format!("easnet: {path}: version: missing required field"),
    );
}

#[test]
fn help() {
    let run = easnet(&["check", "--help"], None);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("--format <FORMAT>") && run.stdout.contains("sarif"));
}
