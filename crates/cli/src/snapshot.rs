//! `easnet snapshot`: core's `cloud::snapshot::take`, each page run by the user's own `aliyun`
//! (their credentials and profile; easnet opens no connection), one process per page with its
//! arguments as separate words (never through a shell), each under a timeout. The file is
//! written only once every call has answered: to a temporary file beside it, then renamed.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, ExitCode, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use easnet_core::cloud::snapshot::{self, quoted, read_failure, AliyunFailure, Request};
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
    let snap = snapshot::take(region, vpc, |req| {
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
                "{summary} written to {}; next: {}",
                target.shown,
                snapshot::next_command(&target.shown)
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
/// never wait for an answer), its output read whole; stopped once `timeout` has passed, whether
/// it is still running or has ended but left its output open (a process it started holds it).
/// On Unix it runs in a process group of its own, and the whole group is stopped.
fn run_page(req: &Request<'_>, timeout: Duration) -> Result<Value, String> {
    let deadline = Instant::now() + timeout;
    let mut command = Command::new(ALIYUN);
    command
        .args(req.argv())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    let mut child = command.spawn().map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => format!(
            "{}: the aliyun CLI is not on PATH: install it \
             (https://github.com/aliyun/aliyun-cli) and run `aliyun configure`, or export the \
             network by hand (README, \"Bring in your real network\")",
            req.name()
        ),
        _ => format!("{}: cannot run aliyun: {}", req.name(), describe(&e)),
    })?;
    let (sent, outputs) = mpsc::channel();
    drain(Pipe::Out, child.stdout.take(), &sent);
    drain(Pipe::Err, child.stderr.take(), &sent);
    drop(sent);
    let timed_out = || {
        format!(
            "{}: aliyun did not answer within {} and was stopped: check the network, or allow \
             more time with --timeout-secs",
            req.name(),
            plural(timeout.as_secs() as usize, "second", "seconds")
        )
    };
    let status = wait(&mut child, deadline).map_err(|e| format!("{}: {e}", req.name()))?;
    let Some(status) = status else {
        return Err(timed_out());
    };
    // The child has ended; its output is read until the same deadline (a process it started
    // could hold the pipes open), then that process group is stopped too.
    let Some((stdout, stderr)) = collect(&outputs, deadline) else {
        stop(&mut child);
        return Err(timed_out());
    };
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

/// Which output a reader thread read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pipe {
    Out,
    Err,
}

/// Both outputs, read to their end before `deadline`; `None` when one was still open then.
fn collect(outputs: &Receiver<(Pipe, String)>, deadline: Instant) -> Option<(String, String)> {
    let (mut stdout, mut stderr) = (None, None);
    while stdout.is_none() || stderr.is_none() {
        let left = deadline.saturating_duration_since(Instant::now());
        match outputs.recv_timeout(left) {
            Ok((Pipe::Out, text)) => stdout = Some(text),
            Ok((Pipe::Err, text)) => stderr = Some(text),
            Err(RecvTimeoutError::Timeout) => return None,
            // Every reader has sent (or could not: a pipe that was never there).
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    Some((stdout.unwrap_or_default(), stderr.unwrap_or_default()))
}

/// The response on standard output: the first JSON value, perhaps after a line of notice (a
/// version reminder) before it or with a notice after it, neither part of it. The value starts
/// at the beginning of the output or of a line.
fn parse(stdout: &str) -> Result<Value, serde_json::Error> {
    let start = match stdout.trim_start().starts_with('{') {
        true => stdout.len() - stdout.trim_start().len(),
        false => stdout.find("\n{").map_or(0, |i| i + 1),
    };
    let mut values = serde_json::Deserializer::from_str(&stdout[start..]).into_iter::<Value>();
    match values.next() {
        Some(value) => value,
        // Nothing but white space: the error serde_json gives for it.
        None => serde_json::from_str(stdout),
    }
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

/// Waits for `child` until `deadline`; `None` when it was stopped for taking longer. An
/// error while waiting stops it too, so that nothing is left running.
fn wait(child: &mut Child, deadline: Instant) -> io::Result<Option<ExitStatus>> {
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ok(Some(status)),
            Ok(None) => {}
            Err(e) => {
                stop(child);
                return Err(e);
            }
        }
        if Instant::now() >= deadline {
            stop(child);
            return Ok(None);
        }
        thread::sleep(Duration::from_millis(10));
    }
}

/// Stops `child` and, on Unix, every process of its group (what it started), then reaps it.
fn stop(child: &mut Child) {
    #[cfg(unix)]
    if let Ok(pid) = libc::pid_t::try_from(child.id()) {
        // SAFETY: `kill` takes no pointers; a negative pid names the process group the child
        // leads (`process_group(0)`), which is stopped whatever else it holds.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// Reads a pipe to its end on its own thread, so that a full pipe never blocks the child, and
/// sends what it read; the caller waits for it no longer than its deadline.
fn drain(
    which: Pipe,
    pipe: Option<impl Read + Send + 'static>,
    sent: &mpsc::Sender<(Pipe, String)>,
) {
    let sent = sent.clone();
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        let _ = sent.send((which, String::from_utf8_lossy(&bytes).into_owned()));
    });
}

/// The first line of `text` that is not blank, cut to a quotable length.
fn first_line(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty());
    quoted(line.unwrap_or("nothing"))
}

/// The file to write: checked writable before any call runs, written at the end through a
/// new temporary file in the same directory (created, never opened if something is there, and
/// synced) and a rename, so that it is never half-written. A symbolic link is written through:
/// its target is replaced, the link stays.
struct Target {
    path: PathBuf,
    dir: PathBuf,
    name: String,
    shown: String,
}

impl Target {
    fn check(path: &str) -> Result<Target, String> {
        let cannot = |why: String| format!("{path}: cannot write: {why}");
        let mut p = PathBuf::from(path);
        if fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink()) {
            p = fs::canonicalize(&p).map_err(|e| {
                cannot(match e.kind() {
                    io::ErrorKind::NotFound => "a link to nothing".to_owned(),
                    _ => describe(&e),
                })
            })?;
        }
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
        let target = Target {
            name: name.to_string_lossy().into_owned(),
            path: p.clone(),
            dir,
            shown: path.to_owned(),
        };
        // Fail now, not after every call: create a temporary file, and leave nothing behind.
        let (temp, _) = target.create_temp().map_err(|e| cannot(describe(&e)))?;
        let _ = fs::remove_file(temp);
        Ok(target)
    }

    /// A new file beside the target, at a name no one could have prepared: `create_new`
    /// refuses anything already there (a file, a link), and another name is tried.
    fn create_temp(&self) -> io::Result<(PathBuf, File)> {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let mut last = None;
        for attempt in 0..16u32 {
            let temp = self.dir.join(format!(
                ".{}.easnet-{}-{nanos:08x}-{attempt}.tmp",
                self.name,
                std::process::id()
            ));
            match OpenOptions::new().write(true).create_new(true).open(&temp) {
                Ok(file) => return Ok((temp, file)),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| io::Error::other("no temporary name")))
    }

    fn write(&self, text: &str) -> Result<(), String> {
        let cannot = |e: io::Error| format!("{}: cannot write: {}", self.shown, describe(&e));
        let (temp, mut file) = self.create_temp().map_err(cannot)?;
        let done = file
            .write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
            .and_then(|()| {
                drop(file);
                fs::rename(&temp, &self.path)
            });
        done.map_err(|e| {
            let _ = fs::remove_file(&temp);
            cannot(e)
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
        let v = parse("\n {\"TotalCount\": 1}\nA newer version is available.\n").unwrap();
        assert_eq!(v["TotalCount"], 1);
        let v = parse("notice\n{\"TotalCount\": 2}\n{\"notice\": 1}").unwrap();
        assert_eq!(v["TotalCount"], 2);
        assert!(parse("{\"TotalCount\": ").is_err());
        assert!(parse("oops {\"TotalCount\": 0}").is_err());
        assert!(parse("").is_err());
    }

    #[test]
    fn a_long_line_is_cut() {
        let long = format!("\n  {}\nsecond", "ж".repeat(1000));
        assert_eq!(first_line(&long), format!("{}…", "ж".repeat(200)));
        assert_eq!(first_line(""), "nothing");
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
