//! `easnet check`: the three formats, stdin, and exit codes that follow the report.

mod common;

use common::{assert_error, easnet, repo};
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
