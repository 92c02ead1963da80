//! `easnet snapshot`: core's `cloud::snapshot::take`, each page run by the user's own `aliyun`
//! (their credentials and profile; easnet opens no connection), one process per page with its
//! arguments as separate words (never through a shell), each under a timeout. The file is
//! written only once every call has answered: to a temporary file beside it, then renamed.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, ExitStatus, Stdio};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use easnet_core::cloud::snapshot::{self, read_failure, AliyunFailure, Request};
use easnet_core::text::words::plural;
use serde_json::Value;

use crate::run::emit;

/// The program run: the `aliyun` found on `PATH`.
const ALIYUN: &str = "aliyun";

/// Takes the snapshot of `vpc` in `region` and writes it to `output` (standard output for
/// `None` or `-`). Progress on standard error, one line per page.
pub fn snapshot(
    region: &str,
    vpc: &str,
    output: Option<&str>,
    timeout: Duration,
) -> Result<ExitCode, String> {
    check_args(region, vpc)?;
    let target = match output {
        None | Some("-") => None,
        Some(path) => Some(Target::check(path)?),
    };
    let mut asked = 0usize;
    let snap = snapshot::take(region, vpc, |req| {
        asked += 1;
        eprintln!("easnet snapshot: {}", req.name());
        run_page(req, timeout)
    })
    .map_err(|e| format!("{e}; nothing written"))?;
    let text = snap.to_json();
    let summary = format!(
        "easnet snapshot: {} of {vpc} in {region} ({})",
        plural(snap.calls(), "call", "calls"),
        plural(snap.pages.len(), "page", "pages"),
    );
    match target {
        Some(target) => {
            target.write(&text)?;
            eprintln!(
                "{summary} written to {}; next: easnet import {} --into plan.json",
                target.shown, target.shown
            );
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let code = emit(&text)?;
            eprintln!("{summary} written to standard output");
            Ok(code)
        }
    }
}

/// Refuses a region or VPC ID that cannot be one before anything runs. The CLI itself takes a
/// region of letters, digits and `-` (aliyun-cli `config/profile.go`, `IsRegion`).
fn check_args(region: &str, vpc: &str) -> Result<(), String> {
    let word = |s: &str| {
        !s.is_empty()
            && !s.starts_with('-')
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    if !word(region) {
        return Err(format!(
            "--region {region:?}: expected a region ID such as cn-hangzhou"
        ));
    }
    if !(vpc.starts_with("vpc-") && word(vpc)) {
        return Err(format!(
            "--vpc {vpc:?}: expected a VPC ID such as vpc-bp1xxxxxxxx"
        ));
    }
    Ok(())
}

/// Runs one page: `aliyun <product> <Api> --Name value …`, its standard input closed (it must
/// never wait for an answer), its output read whole; stopped once `timeout` has passed.
fn run_page(req: &Request<'_>, timeout: Duration) -> Result<Value, String> {
    let mut child = Command::new(ALIYUN)
        .args(req.argv())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => "the aliyun CLI is not on PATH: install it \
                (https://github.com/aliyun/aliyun-cli) and run `aliyun configure`, or export \
                the network by hand (README, \"Bring in your real network\")"
                .to_owned(),
            _ => format!("cannot run aliyun: {e}"),
        })?;
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let status = wait(&mut child, timeout).map_err(|e| format!("{}: {e}", req.name()))?;
    // After a timeout the readers are left behind: a process the CLI started could still hold
    // the pipes open, and the snapshot ends here anyway.
    let Some(status) = status else {
        return Err(format!(
            "{}: aliyun did not answer within {} and was stopped: check the network, or allow \
             more time with --timeout-secs",
            req.name(),
            plural(timeout.as_secs() as usize, "second", "seconds")
        ));
    };
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    if !status.success() {
        return Err(failed(req, status, &stdout, &stderr));
    }
    parse(&stdout).map_err(|e| {
        format!(
            "{}: aliyun printed something that is not JSON ({e}): {}",
            req.name(),
            first_line(&stdout)
        )
    })
}

/// The response on standard output: one JSON object, perhaps after a line of notice (a
/// version reminder) that is not part of it.
fn parse(stdout: &str) -> Result<Value, serde_json::Error> {
    serde_json::from_str(stdout).or_else(|e| {
        let after_notice = stdout.find("\n{").map(|i| &stdout[i + 1..]);
        after_notice.map_or(Err(e), serde_json::from_str)
    })
}

/// What went wrong, in the words of the CLI's output.
fn failed(req: &Request<'_>, status: ExitStatus, stdout: &str, stderr: &str) -> String {
    match read_failure(stdout, stderr) {
        f @ AliyunFailure::Refused { .. } => {
            format!("{}: the cloud refused it: {f}", req.name())
        }
        AliyunFailure::NotConfigured(said) => format!(
            "the aliyun CLI is not configured (it said: {said}): run `aliyun configure` to set \
             your AccessKey and region, then easnet snapshot again"
        ),
        AliyunFailure::Other(said) => {
            let code = status
                .code()
                .map_or_else(|| "a signal".to_owned(), |c| format!("status {c}"));
            format!("{}: aliyun failed ({code}): {said}", req.name())
        }
    }
}

/// Waits for `child` until `timeout`; `None` when it was stopped for taking longer.
fn wait(child: &mut Child, timeout: Duration) -> io::Result<Option<ExitStatus>> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        thread::sleep(Duration::from_millis(10));
    }
}

/// Reads a pipe to its end on its own thread, so that a full pipe never blocks the child.
fn drain(pipe: Option<impl Read + Send + 'static>) -> JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

fn first_line(text: &str) -> &str {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty());
    line.unwrap_or("nothing")
}

/// The file to write: checked writable before any call runs, written at the end through a
/// temporary file in the same directory and a rename, so that it is never half-written.
struct Target {
    path: PathBuf,
    temp: PathBuf,
    shown: String,
}

impl Target {
    fn check(path: &str) -> Result<Target, String> {
        let p = Path::new(path);
        let cannot = |why: String| format!("{path}: cannot write: {why}");
        if p.is_dir() {
            return Err(cannot("is a directory".to_owned()));
        }
        let Some(name) = p.file_name() else {
            return Err(cannot("not a file name".to_owned()));
        };
        let dir = match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let temp = dir.join(format!(
            ".{}.easnet-{}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        let target = Target {
            path: p.to_path_buf(),
            temp,
            shown: path.to_owned(),
        };
        // Fail now, not after every call: try the temporary file, and leave nothing behind.
        fs::write(&target.temp, b"").map_err(|e| cannot(describe(&e)))?;
        let _ = fs::remove_file(&target.temp);
        Ok(target)
    }

    fn write(&self, text: &str) -> Result<(), String> {
        let done = fs::write(&self.temp, text).and_then(|()| fs::rename(&self.temp, &self.path));
        done.map_err(|e| {
            let _ = fs::remove_file(&self.temp);
            format!("{}: cannot write: {}", self.shown, describe(&e))
        })
    }
}

fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such directory".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_lowercase()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_before_the_response_is_not_part_of_it() {
        let v = parse("A newer version is available.\n{\"TotalCount\": 0}\n").unwrap();
        assert_eq!(v["TotalCount"], 0);
        assert!(parse("oops {\"TotalCount\": 0}").is_err());
        assert!(parse("").is_err());
    }

    #[test]
    fn region_and_vpc_ids() {
        assert!(check_args("cn-hangzhou", "vpc-bp1a").is_ok());
        for (region, vpc) in [
            ("", "vpc-a"),
            ("-x", "vpc-a"),
            ("cn;x", "vpc-a"),
            ("cn", "vsw-a"),
            ("cn", "vpc-a b"),
        ] {
            assert!(check_args(region, vpc).is_err(), "{region} {vpc}");
        }
    }
}
