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

use easnet_core::args;
use easnet_core::cloud::snapshot::{self, quoted, read_failure, AliyunFailure, Request};
use easnet_core::i18n::Catalogue;
use easnet_core::plan::ids::IdKind;
use serde_json::Value;

use crate::run::emit;

/// The program run: the `aliyun` found on `PATH`.
const ALIYUN: &str = "aliyun";

/// Takes the snapshot of `vpc` in `region` and writes it to `output` (standard output for
/// `None` or `-`). Progress on standard error, one line per page; every message in `cat`'s
/// words.
pub fn snapshot(
    region: &str,
    vpc: &str,
    output: Option<&str>,
    timeout: Duration,
    cat: &Catalogue,
) -> Result<ExitCode, String> {
    check_args(region, vpc, cat)?;
    let target = match output {
        None | Some("-") => None,
        Some(path) => Some(Target::check(path, cat)?),
    };
    let snap = snapshot::take_in(region, vpc, cat, |req| {
        eprintln!("easnet snapshot: {}", page_name(req, cat));
        run_page(req, timeout, cat)
    })
    .map_err(|e| cat.text("cli.snapshot.nothing_written", args![error = e]))?;
    let text = snap.to_json();
    let summary = cat.text(
        "cli.snapshot.summary",
        args![
            calls = cat.count("cli.snapshot.calls", snap.calls() as u64, &[]),
            pages = cat.count("cli.snapshot.pages", snap.pages.len() as u64, &[]),
            vpc = vpc,
            region = region,
        ],
    );
    match target {
        Some(target) => {
            target.write(&text, cat)?;
            let next = snapshot::next_command(&target.shown);
            eprintln!(
                "easnet snapshot: {}",
                cat.text(
                    "cli.snapshot.written_to",
                    args![summary = summary, file = target.shown, next = next],
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let code = emit(&text, cat)?;
            eprintln!(
                "easnet snapshot: {}",
                cat.text("cli.snapshot.written_to_stdout", args![summary = summary])
            );
            Ok(code)
        }
    }
}

/// `vpc DescribeVSwitches --VpcId vpc-a, page 2`: how progress and errors name a page.
fn page_name(req: &Request<'_>, cat: &Catalogue) -> String {
    cat.text(
        "cli.snapshot.page",
        args![call = req.call.name(), page = req.page],
    )
}

/// Refuses a region or VPC ID that cannot be one before anything runs. The CLI itself takes a
/// region of letters, digits and `-` (aliyun-cli `config/profile.go`, `IsRegion`).
fn check_args(region: &str, vpc: &str, cat: &Catalogue) -> Result<(), String> {
    let word = |s: &str| {
        !s.is_empty()
            && !s.starts_with('-')
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    if !word(region) {
        return Err(cat.text(
            "cli.snapshot.bad_region",
            args![value = format!("{region:?}")],
        ));
    }
    if !IdKind::Vpc.looks_like(vpc) {
        return Err(cat.text("cli.snapshot.bad_vpc", args![value = format!("{vpc:?}")]));
    }
    Ok(())
}

/// Runs one page: `aliyun <product> <Api> --Name value …`, its standard input closed (it must
/// never wait for an answer), its output read whole; stopped once `timeout` has passed, whether
/// it is still running or has ended but left its output open (a process it started holds it).
/// On Unix it runs in a process group of its own, and the whole group is stopped.
fn run_page(req: &Request<'_>, timeout: Duration, cat: &Catalogue) -> Result<Value, String> {
    let page = page_name(req, cat);
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
        io::ErrorKind::NotFound => cat.text("cli.snapshot.no_aliyun", args![page = page]),
        _ => cat.text(
            "cli.snapshot.cannot_run",
            args![page = page, why = describe(&e, cat)],
        ),
    })?;
    let (sent, outputs) = mpsc::channel();
    drain(Pipe::Out, child.stdout.take(), &sent);
    drain(Pipe::Err, child.stderr.take(), &sent);
    drop(sent);
    let timed_out = || {
        let seconds = cat.count("cli.snapshot.seconds", timeout.as_secs(), &[]);
        cat.text(
            "cli.snapshot.timed_out",
            args![page = page, seconds = seconds],
        )
    };
    let status = wait(&mut child, deadline).map_err(|e| format!("{page}: {e}"))?;
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
        return Err(failed(&page, status, &stdout, &stderr, cat));
    }
    parse(&stdout).map_err(|e| {
        cat.text(
            "cli.snapshot.not_json",
            args![page = page, error = e, output = first_line(&stdout, cat)],
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

/// What went wrong, in the words of the CLI's output (and `cat`'s around them).
fn failed(page: &str, status: ExitStatus, stdout: &str, stderr: &str, cat: &Catalogue) -> String {
    match read_failure(stdout, stderr) {
        f @ AliyunFailure::Refused { .. } => {
            cat.text("cli.snapshot.refused", args![page = page, said = f])
        }
        AliyunFailure::NotConfigured(said) => {
            cat.text("cli.snapshot.not_configured", args![said = said])
        }
        AliyunFailure::Other(said) => {
            let code = status.code().map_or_else(
                || cat.text("cli.snapshot.signal", &[]),
                |c| cat.text("cli.snapshot.status", args![code = c]),
            );
            cat.text(
                "cli.snapshot.failed",
                args![page = page, code = code, said = said],
            )
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
fn first_line(text: &str, cat: &Catalogue) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty());
    match line {
        Some(line) => quoted(line),
        None => cat.text("cli.snapshot.nothing", &[]),
    }
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
    fn check(path: &str, cat: &Catalogue) -> Result<Target, String> {
        let cannot = |why: String| cat.text("cli.cannot_write", args![file = path, why = why]);
        let mut p = PathBuf::from(path);
        if fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink()) {
            p = fs::canonicalize(&p).map_err(|e| {
                cannot(match e.kind() {
                    io::ErrorKind::NotFound => cat.text("cli.io.dangling_link", &[]),
                    _ => describe(&e, cat),
                })
            })?;
        }
        if p.is_dir() {
            return Err(cannot(cat.text("cli.io.is_a_directory", &[])));
        }
        let Some(name) = p.file_name() else {
            return Err(cannot(cat.text("cli.io.not_a_file_name", &[])));
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
        let (temp, _) = target
            .create_temp()
            .map_err(|e| cannot(describe(&e, cat)))?;
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

    fn write(&self, text: &str, cat: &Catalogue) -> Result<(), String> {
        let cannot = |e: io::Error| {
            cat.text(
                "cli.cannot_write",
                args![file = self.shown, why = describe(&e, cat)],
            )
        };
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

fn describe(e: &io::Error, cat: &Catalogue) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => cat.text("cli.io.no_such_directory", &[]),
        io::ErrorKind::PermissionDenied => cat.text("cli.io.permission_denied", &[]),
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
        let en = Catalogue::english();
        assert_eq!(first_line(&long, en), format!("{}…", "ж".repeat(200)));
        assert_eq!(first_line("", en), "nothing");
    }

    #[test]
    fn region_and_vpc_ids() {
        let en = Catalogue::english();
        assert!(check_args("cn-hangzhou", "vpc-bp1a", en).is_ok());
        for (region, vpc) in [
            ("", "vpc-a"),
            ("-x", "vpc-a"),
            ("cn;x", "vpc-a"),
            ("cn", "vsw-a"),
            ("cn", "vpc-a b"),
        ] {
            assert!(check_args(region, vpc, en).is_err(), "{region} {vpc}");
        }
    }
}
