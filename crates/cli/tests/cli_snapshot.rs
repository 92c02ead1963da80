//! `easnet snapshot` against a fake `aliyun` first on `PATH`, which answers from the recorded
//! responses of `tests/cloud/snapshot/` (`calls.tsv`: exit status, file, arguments): several
//! pages, NextToken pages, an error response, a timeout, no `aliyun`, no credentials.

mod common;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::{easnet, easnet_with_env, repo, Run};
use easnet_core::cloud::describe_commands;
use easnet_core::plan::parse_plan;

/// Answers from `calls.tsv` beside it, by its arguments exactly (`--NextToken=t` read as
/// `--NextToken t`); logs each call to `calls.log`. `sleep:N` as the file sleeps instead (exec,
/// so that stopping it stops the sleep); `hang:N` waits for a `sleep N` it started (its pid in
/// `hang.pid`); `bg:FILE` answers but leaves a `sleep 30` holding its output (`bg.pid`);
/// `notice:FILE` answers with a notice after the JSON; `long:N` fails with an error line of N
/// characters.
const FAKE_ALIYUN: &str = r#"#!/bin/sh
here=$(dirname "$0")
want=$(printf '%s' "$*" | sed 's/--NextToken=/--NextToken /')
printf '%s\n' "$want" >> "$here/calls.log"
while IFS='	' read -r code file args; do
  if [ "$args" = "$want" ]; then
    case "$file" in
      sleep:*) exec sleep "${file#sleep:}" ;;
      hang:*) sleep "${file#hang:}" & echo $! > "$here/hang.pid"; wait; exit 0 ;;
      bg:*) sleep 30 & echo $! > "$here/bg.pid"; cat "$EASNET_FAKE_RESPONSES/${file#bg:}"; exit 0 ;;
      notice:*) cat "$EASNET_FAKE_RESPONSES/${file#notice:}"; echo 'A newer version 3.0.300 is available.'; exit 0 ;;
      long:*) printf 'ERROR: %s\n' "$(head -c "${file#long:}" /dev/zero | tr '\0' x)" >&2; exit 1 ;;
    esac
    if [ "$code" = 0 ]; then
      cat "$EASNET_FAKE_RESPONSES/$file"
    else
      cat "$EASNET_FAKE_RESPONSES/$file" >&2
    fi
    exit "$code"
  fi
done < "$here/calls.tsv"
echo "ERROR: the fake aliyun has no recorded answer for: $want" >&2
exit 1
"#;

/// A fresh folder with a fake `aliyun` in `bin/`, serving `calls.tsv` with `changes` applied
/// (a call's arguments → its new `status\tfile`).
struct Fake {
    dir: PathBuf,
}

impl Fake {
    fn new(changes: &[(&str, &str)]) -> Fake {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "easnet-snapshot-test-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let bin = dir.join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        let script = bin.join("aliyun");
        std::fs::write(&script, FAKE_ALIYUN).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let recorded = std::fs::read_to_string(repo("tests/cloud/snapshot/calls.tsv")).unwrap();
        let mut calls = String::new();
        for line in recorded.lines() {
            let args = line.splitn(3, '\t').nth(2).unwrap();
            match changes.iter().find(|(a, _)| *a == args) {
                Some((_, answer)) => calls.push_str(&format!("{answer}\t{args}\n")),
                None => calls.push_str(&format!("{line}\n")),
            }
        }
        std::fs::write(bin.join("calls.tsv"), calls).unwrap();
        Fake { dir }
    }

    fn path(&self, rel: &str) -> String {
        self.dir.join(rel).to_string_lossy().into_owned()
    }

    /// `easnet snapshot --region cn-hangzhou --vpc vpc-bp1prod` and `more`, the fake first on
    /// `PATH`.
    fn snapshot(&self, more: &[&str]) -> Run {
        let path = format!(
            "{}:{}",
            self.path("bin"),
            std::env::var("PATH").unwrap_or_default()
        );
        let mut args = vec![
            "snapshot",
            "--region",
            "cn-hangzhou",
            "--vpc",
            "vpc-bp1prod",
        ];
        args.extend(more);
        easnet_with_env(
            &args,
            None,
            &[
                ("PATH", &path),
                ("EASNET_FAKE_RESPONSES", &repo("tests/cloud/snapshot")),
            ],
        )
    }

    /// The calls the fake answered, one line each.
    fn calls(&self) -> Vec<String> {
        let log = std::fs::read_to_string(self.dir.join("bin/calls.log")).unwrap_or_default();
        log.lines().map(str::to_owned).collect()
    }

    /// The files in the folder, but the fake's.
    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "bin")
            .collect();
        names.sort();
        names
    }
}

impl Drop for Fake {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn recorded_calls() -> Vec<String> {
    let recorded = std::fs::read_to_string(repo("tests/cloud/snapshot/calls.tsv")).unwrap();
    (recorded.lines())
        .map(|l| l.splitn(3, '\t').nth(2).unwrap().to_owned())
        .collect()
}

/// A failed snapshot: exit 2, nothing on stdout, the progress lines, then one error line that
/// contains `want` and says nothing was written.
fn assert_failed(run: &Run, want: &str) {
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "", "{run:?}");
    let last = run.stderr.lines().last().unwrap_or_default();
    assert!(last.starts_with("easnet: "), "{run:?}");
    assert!(last.contains(want), "wanted {want:?} in {last:?}");
    assert!(
        run.stderr.lines().all(|l| l.starts_with("easnet")),
        "{run:?}"
    );
    assert!(!run.stderr.contains("panicked"), "{run:?}");
}

#[test]
fn every_page_into_a_file_that_import_reads() {
    let fake = Fake::new(&[]);
    let out = fake.path("net.json");
    let run = fake.snapshot(&["-o", &out]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    // Every recorded call, in order, exactly as recorded: both pages of vSwitches, both
    // NextToken pages of routes, security groups and peerings.
    assert_eq!(fake.calls(), recorded_calls());
    let progress: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(progress.len(), 17 + 1, "{}", run.stderr);
    assert_eq!(
        progress[0],
        "easnet snapshot: vpc DescribeVpcs --VpcId vpc-bp1prod, page 1"
    );
    assert_eq!(
        progress[2],
        "easnet snapshot: vpc DescribeVSwitches --VpcId vpc-bp1prod, page 2"
    );
    assert_eq!(
        progress[17],
        format!("easnet snapshot: 13 calls of vpc-bp1prod in cn-hangzhou (17 pages) written to {out}; next: easnet import {out} --into plan.json")
    );
    assert_eq!(fake.files(), ["net.json"]);

    let import = easnet(&["import", &out], None);
    assert_eq!(import.code, 0, "{}", import.stderr);
    let plan = parse_plan(&import.stdout).unwrap();
    let vpc = &plan.vpcs[0];
    assert_eq!(vpc.id, "vpc-bp1prod");
    assert_eq!(vpc.vswitches.len(), 60);
    let mut tables: Vec<(&str, usize)> = (vpc.route_tables.iter())
        .map(|t| (t.id.as_str(), t.routes.len()))
        .collect();
    tables.sort();
    assert_eq!(tables, [("vtb-bp1eas", 2), ("vtb-bp1sys", 1)]);
    let groups: Vec<&str> = vpc.security_groups.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(groups, ["sg-bp1eas", "sg-bp1strict"]);
    let nats: Vec<&str> = vpc.nat_gateways.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(nats, ["ngw-bp1egress", "ngw-bp1vpcnat"]);
    let peerings: Vec<&str> = plan.peerings.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(peerings, ["pcc-bp1hub"]);
    assert!(
        import
            .stderr
            .starts_with("Read 17 responses: DescribeVpcs (1)"),
        "{}",
        import.stderr
    );
}

#[test]
fn to_standard_output() {
    let fake = Fake::new(&[]);
    let run = fake.snapshot(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["easnet_snapshot"], 1);
    assert_eq!(v["vpc"], "vpc-bp1prod");
    assert_eq!(v["responses"].as_array().unwrap().len(), 17);
    assert_eq!(
        v["responses"][2]["args"],
        serde_json::json!({"RegionId": "cn-hangzhou", "VpcId": "vpc-bp1prod", "PageSize": "50", "PageNumber": "2"})
    );
    assert!(run.stderr.ends_with("written to standard output\n"));
    let again = fake.snapshot(&["-o", "-"]);
    assert_eq!(again.stdout, run.stdout);
}

#[test]
fn an_error_response_writes_nothing() {
    let call = "vpc DescribeRouteTableList --RegionId cn-hangzhou --VpcId vpc-bp1prod --PageSize 50 --PageNumber 1";
    let fake = Fake::new(&[(call, "1\terror-forbidden.txt")]);
    // A file already there stays as it was.
    std::fs::write(fake.path("net.json"), "old").unwrap();
    let run = fake.snapshot(&["-o", &fake.path("net.json")]);
    assert_failed(
        &run,
        "easnet: vpc DescribeRouteTableList --VpcId vpc-bp1prod, page 1: the cloud refused it: \
         Forbidden.RAM: User not authorized to operate on the specified resource, or this API \
         doesn't support RAM.; nothing written",
    );
    assert_eq!(fake.calls().len(), 4, "it stops at the error");
    assert_eq!(fake.files(), ["net.json"]);
    assert_eq!(
        std::fs::read_to_string(fake.path("net.json")).unwrap(),
        "old"
    );
}

#[test]
fn a_call_that_does_not_answer_is_stopped() {
    let call = "vpc DescribeNatGateways --RegionId cn-hangzhou --VpcId vpc-bp1prod --PageSize 50 --PageNumber 1";
    let fake = Fake::new(&[(call, "0\tsleep:30")]);
    let started = Instant::now();
    let run = fake.snapshot(&["--timeout-secs", "1", "-o", &fake.path("net.json")]);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    assert_failed(
        &run,
        "easnet: vpc DescribeNatGateways --VpcId vpc-bp1prod, page 1: aliyun did not answer \
         within 1 second and was stopped: check the network, or allow more time with \
         --timeout-secs; nothing written",
    );
    assert!(fake.files().is_empty(), "{:?}", fake.files());
}

/// Whether the process `pid` (read from the fake's `file`) still runs (a zombie does not).
#[cfg(target_os = "linux")]
fn running(fake: &Fake, file: &str) -> bool {
    let pid = std::fs::read_to_string(fake.dir.join("bin").join(file)).unwrap();
    let stat = std::fs::read_to_string(format!("/proc/{}/stat", pid.trim()));
    // `pid (comm) S …`: the state follows the command's closing parenthesis.
    stat.is_ok_and(|s| {
        s.rsplit_once(") ")
            .is_some_and(|(_, rest)| !rest.starts_with('Z') && !rest.starts_with('X'))
    })
}

/// Whether the process of `file` has ended within a second (the group is stopped at once; the
/// kernel takes a moment to tear it down).
#[cfg(target_os = "linux")]
fn ended(fake: &Fake, file: &str) -> bool {
    for _ in 0..50 {
        if !running(fake, file) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

#[test]
fn a_process_left_holding_the_output_is_stopped() {
    // aliyun answers and exits, but something it started keeps its standard output open.
    let call = "vpc DescribeNatGateways --RegionId cn-hangzhou --VpcId vpc-bp1prod --PageSize 50 --PageNumber 1";
    let fake = Fake::new(&[(call, "0\tbg:nat-gateways.json")]);
    let started = Instant::now();
    let run = fake.snapshot(&["--timeout-secs", "2", "-o", &fake.path("net.json")]);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    assert_failed(
        &run,
        "easnet: vpc DescribeNatGateways --VpcId vpc-bp1prod, page 1: aliyun did not answer \
         within 2 seconds and was stopped",
    );
    #[cfg(target_os = "linux")]
    assert!(ended(&fake, "bg.pid"), "the sleep it left still runs");
    assert!(fake.files().is_empty(), "{:?}", fake.files());
}

#[cfg(target_os = "linux")]
#[test]
fn what_a_call_started_is_stopped_with_it() {
    let call = "vpc DescribeNatGateways --RegionId cn-hangzhou --VpcId vpc-bp1prod --PageSize 50 --PageNumber 1";
    let fake = Fake::new(&[(call, "0\thang:30")]);
    let run = fake.snapshot(&["--timeout-secs", "1", "-o", &fake.path("net.json")]);
    assert_failed(
        &run,
        "aliyun did not answer within 1 second and was stopped",
    );
    assert!(ended(&fake, "hang.pid"), "the sleep it started still runs");
}

#[test]
fn a_notice_after_the_response_is_not_part_of_it() {
    let call =
        "vpc DescribeVpcs --RegionId cn-hangzhou --VpcId vpc-bp1prod --PageSize 50 --PageNumber 1";
    let fake = Fake::new(&[(call, "0\tnotice:vpcs.json")]);
    let run = fake.snapshot(&["-o", &fake.path("net.json")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(fake.calls(), recorded_calls());
}

#[test]
fn a_long_error_is_cut() {
    let call =
        "vpc DescribeVpcs --RegionId cn-hangzhou --VpcId vpc-bp1prod --PageSize 50 --PageNumber 1";
    let fake = Fake::new(&[(call, "1\tlong:5000")]);
    let run = fake.snapshot(&["-o", &fake.path("net.json")]);
    assert_failed(
        &run,
        &format!(
            "easnet: vpc DescribeVpcs --VpcId vpc-bp1prod, page 1: aliyun failed (status 1): {}…; \
             nothing written",
            "x".repeat(200)
        ),
    );
}

#[cfg(unix)]
#[test]
fn a_link_is_written_through() {
    let fake = Fake::new(&[]);
    std::fs::write(fake.path("real.json"), "old").unwrap();
    std::os::unix::fs::symlink(fake.path("real.json"), fake.path("net.json")).unwrap();
    let run = fake.snapshot(&["-o", &fake.path("net.json")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let link = std::fs::symlink_metadata(fake.path("net.json")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    let written = std::fs::read_to_string(fake.path("real.json")).unwrap();
    assert!(
        written.starts_with("{\n  \"easnet_snapshot\": 1"),
        "{written}"
    );
    assert_eq!(fake.files(), ["net.json", "real.json"]);
    // A link to nothing is refused before any call.
    std::os::unix::fs::symlink(fake.path("gone.json"), fake.path("dangling.json")).unwrap();
    let run = fake.snapshot(&["-o", &fake.path("dangling.json")]);
    common::assert_error(&run, "dangling.json: cannot write: a link to nothing");
    assert_eq!(fake.calls().len(), 17);
}

#[test]
fn pages_that_do_not_add_up_say_so_once() {
    // Page 2 answered with page 1 again.
    let call = "vpc DescribeVSwitches --RegionId cn-hangzhou --VpcId vpc-bp1prod --PageSize 50 --PageNumber 2";
    let fake = Fake::new(&[(call, "0\tvswitches-1.json")]);
    let run = fake.snapshot(&["-o", &fake.path("net.json")]);
    assert_failed(
        &run,
        "easnet: vpc DescribeVSwitches --VpcId vpc-bp1prod: page 2 answered with PageNumber 1; \
         take the snapshot again; nothing written",
    );
    assert_eq!(
        run.stderr.matches("nothing written").count(),
        1,
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.matches("again").count(), 1, "{}", run.stderr);
    assert!(fake.files().is_empty());
}

#[test]
fn no_aliyun_on_the_path() {
    let fake = Fake::new(&[]);
    let empty = fake.path("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let run = easnet_with_env(
        &[
            "snapshot",
            "--region",
            "cn-hangzhou",
            "--vpc",
            "vpc-bp1prod",
            "-o",
            "net.json",
        ],
        None,
        &[("PATH", &empty)],
    );
    assert_failed(
        &run,
        "easnet: vpc DescribeVpcs --VpcId vpc-bp1prod, page 1: the aliyun CLI is not on PATH: \
         install it (https://github.com/aliyun/aliyun-cli) and run `aliyun configure`",
    );
    assert_eq!(fake.files(), ["empty"]);
}

#[test]
fn aliyun_not_configured() {
    let call =
        "vpc DescribeVpcs --RegionId cn-hangzhou --VpcId vpc-bp1prod --PageSize 50 --PageNumber 1";
    let fake = Fake::new(&[(call, "1\terror-not-configured.txt")]);
    let run = fake.snapshot(&["-o", &fake.path("net.json")]);
    assert_failed(
        &run,
        "easnet: the aliyun CLI is not configured (it said: profile default is not configure \
         yet, run `aliyun configure --profile default` first): run `aliyun configure` to set \
         your AccessKey and region, then easnet snapshot again; nothing written",
    );
    assert!(fake.files().is_empty());
}

#[test]
fn bad_arguments_run_nothing() {
    let fake = Fake::new(&[]);
    let cases: [(&[&str], &str); 3] = [
        (
            &["-o", &fake.path("no/such/dir/net.json")],
            "net.json: cannot write: no such directory",
        ),
        (
            &["-o", &fake.path("bin")],
            "bin: cannot write: is a directory",
        ),
        (
            &["--timeout-secs", "0"],
            "invalid value '0' for '--timeout-secs <SECONDS>'",
        ),
    ];
    for (args, want) in cases {
        common::assert_error(&fake.snapshot(args), want);
    }
    let run = easnet(
        &["snapshot", "--region", "cn-hangzhou", "--vpc", "bp1prod"],
        None,
    );
    common::assert_error(
        &run,
        "--vpc \"bp1prod\": expected a VPC ID such as vpc-bp1xxxxxxxx",
    );
    let run = easnet(
        &["snapshot", "--region", "cn hangzhou", "--vpc", "vpc-a"],
        None,
    );
    common::assert_error(&run, "--region \"cn hangzhou\": expected a region ID");
    assert!(fake.calls().is_empty());
}

/// The manual recipe of the README (and the page), run by `sh` against the same fake: it asks
/// for every page too, and imports to the same network (but for the peering of two other
/// VPCs, which only the snapshot's reader leaves out).
#[test]
fn the_manual_recipe_reads_every_page_too() {
    let has = |tool: &str| {
        std::process::Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !has("jq") || !has("mktemp") {
        eprintln!("skipped: the recipe needs sh, jq and mktemp");
        return;
    }
    let fake = Fake::new(&[]);
    let path = format!(
        "{}:{}",
        fake.path("bin"),
        std::env::var("PATH").unwrap_or_default()
    );
    let script = describe_commands("cn-hangzhou", "vpc-bp1prod");
    let out = std::process::Command::new("sh")
        .args(["-c", &script])
        .current_dir(&fake.dir)
        .env("PATH", &path)
        .env("EASNET_FAKE_RESPONSES", repo("tests/cloud/snapshot"))
        .output()
        .unwrap();
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The same calls as the snapshot's (the fake logs `--NextToken=t` as `--NextToken t`).
    assert_eq!(fake.calls(), recorded_calls());

    let mut files: Vec<String> = std::fs::read_dir(fake.dir.join("net"))
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 10);
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let by_hand = easnet(&args, None);
    assert_eq!(by_hand.code, 0, "{}", by_hand.stderr);
    let by_hand = parse_plan(&by_hand.stdout).unwrap();

    let snap = fake.snapshot(&["-o", &fake.path("net.json")]);
    assert_eq!(snap.code, 0, "{}", snap.stderr);
    let snapped = easnet(&["import", &fake.path("net.json")], None);
    let snapped = parse_plan(&snapped.stdout).unwrap();
    assert_eq!(by_hand.vpcs[0], snapped.vpcs[0]);
    assert_eq!(by_hand.vpcs[0].vswitches.len(), 60);
    let ids = |plan: &easnet_core::plan::Plan| -> Vec<String> {
        plan.peerings.iter().map(|p| p.id.clone()).collect()
    };
    assert_eq!(ids(&by_hand), ["pcc-bp1hub", "pcc-bp1other"]);
    assert_eq!(ids(&snapped), ["pcc-bp1hub"]);
}

#[test]
fn progress_and_errors_in_chinese() {
    let fake = Fake::new(&[]);
    let out = fake.path("net.json");
    let run = fake.snapshot(&["-o", &out, "--lang", "zh"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let progress: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        progress[2],
        "easnet snapshot: vpc DescribeVSwitches --VpcId vpc-bp1prod，第 2 页"
    );
    assert_eq!(
        progress[17],
        format!("easnet snapshot: cn-hangzhou 地域 vpc-bp1prod 的 13 次调用（17 页）已写入 {out}；下一步：easnet import {out} --into plan.json")
    );
    // The file is the same in every language.
    let english = Fake::new(&[]);
    let english_out = english.path("net.json");
    assert_eq!(english.snapshot(&["-o", &english_out]).code, 0);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        std::fs::read_to_string(&english_out).unwrap()
    );

    let call = "vpc DescribeRouteTableList --RegionId cn-hangzhou --VpcId vpc-bp1prod --PageSize 50 --PageNumber 1";
    let fake = Fake::new(&[(call, "1\terror-forbidden.txt")]);
    let run = fake.snapshot(&["-o", &fake.path("net.json"), "--lang", "zh"]);
    assert_failed(
        &run,
        "easnet: vpc DescribeRouteTableList --VpcId vpc-bp1prod，第 1 页：云端拒绝了该调用：\
         Forbidden.RAM: User not authorized to operate on the specified resource, or this API \
         doesn't support RAM.；未写入任何内容",
    );
    assert_eq!(fake.files(), Vec::<String>::new());

    // The errors core finds while taking it are in Chinese too.
    let call = "vpc DescribeVSwitches --RegionId cn-hangzhou --VpcId vpc-bp1prod --PageSize 50 --PageNumber 2";
    let fake = Fake::new(&[(call, "0\tvswitches-1.json")]);
    let run = fake.snapshot(&["-o", &fake.path("net.json"), "--lang", "zh"]);
    assert_failed(
        &run,
        "easnet: vpc DescribeVSwitches --VpcId vpc-bp1prod：第 2 页返回的 PageNumber 为 1；请重新生成快照；未写入任何内容",
    );
}
