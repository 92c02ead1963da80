//! Running the `easnet` binary in tests, with plain `std::process::Command`.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// What one run of `easnet` did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `easnet` with `args` and, if given, `stdin`; never inherits the terminal, so output
/// is never coloured. The locale is `LC_ALL=C` (English), whatever the machine's.
pub fn easnet(args: &[&str], stdin: Option<&[u8]>) -> Run {
    easnet_with_env(args, stdin, &[])
}

/// [`easnet`] with environment variables set (`PATH`, to put a fake `aliyun` first; `LC_ALL`
/// to choose another locale).
pub fn easnet_with_env(args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Run {
    easnet_in(args, stdin, &[("LC_ALL", "C")], env)
}

/// [`easnet`] in the locale `locale` alone (`LANG=zh_CN.UTF-8`): the machine's `LC_ALL`,
/// `LC_MESSAGES` and `LANG` are removed first.
pub fn easnet_in_locale(args: &[&str], stdin: Option<&[u8]>, locale: &[(&str, &str)]) -> Run {
    easnet_in(args, stdin, locale, &[])
}

fn easnet_in(
    args: &[&str],
    stdin: Option<&[u8]>,
    locale: &[(&str, &str)],
    env: &[(&str, &str)],
) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_easnet"))
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .envs(locale.iter().copied())
        .envs(env.iter().copied())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("easnet runs");
    if let Some(input) = stdin {
        // A writer thread, so a large input cannot deadlock against a full stdout pipe.
        let mut pipe = child.stdin.take().unwrap();
        let input = input.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
    }
    let out = child.wait_with_output().expect("easnet finishes");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// A file of the repository (`examples/healthy.json`).
pub fn repo(rel: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel);
    p.to_string_lossy().into_owned()
}

/// Writes `bytes` to a fresh file in the temp folder and returns its path.
pub fn temp_file(name: &str, bytes: &[u8]) -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "easnet-cli-test-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

/// Asserts a usage or input error: exit 2, nothing on stdout, one line on stderr that starts
/// `easnet: ` and contains `want`, and no trace of a panic.
pub fn assert_error(run: &Run, want: &str) {
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "", "{run:?}");
    assert!(run.stderr.starts_with("easnet: "), "{run:?}");
    assert!(
        run.stderr.ends_with('\n') && run.stderr.lines().count() == 1,
        "{run:?}"
    );
    assert!(
        run.stderr.contains(want),
        "wanted {want:?} in {:?}",
        run.stderr
    );
    for bad in [
        "panicked",
        "RUST_BACKTRACE",
        "stack backtrace",
        "internal error",
    ] {
        assert!(!run.stderr.contains(bad), "{run:?}");
    }
}

/// The ten describe outputs of the network fixture (`tests/cloud/network/NN-*.json`), in order.
pub fn network_files() -> Vec<String> {
    let dir = repo("tests/cloud/network");
    let mut files: Vec<String> = (std::fs::read_dir(&dir).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| {
            (p.file_name().unwrap().to_string_lossy()).starts_with(|c: char| c.is_ascii_digit())
        })
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 10);
    files
}
