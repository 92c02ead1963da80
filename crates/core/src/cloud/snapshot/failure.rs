//! What a failed `aliyun` run printed, read for a message a person can act on.
//!
//! The CLI prints its errors as `ERROR: …` (aliyun-cli `cli/command.go`, `processError`, in
//! red on a terminal) and exits non-zero. A refusal of the cloud reads `ERROR: SDK.ServerError`
//! then `ErrorCode: …`, `Message: …` lines; a profile without credentials reads, for example,
//! `ERROR: profile default is not configure yet, run `aliyun configure --profile default`
//! first` (aliyun-cli `config/profile.go`, `Validate`, `GetCredential`).

use serde_json::Value;

use crate::cloud::error_response;

/// A failed `aliyun` run, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AliyunFailure {
    /// The cloud refused the call: its `Code` and `Message` (empty when it gave none).
    Refused { code: String, message: String },
    /// The CLI has no usable credentials: what it said (it names `aliyun configure`).
    NotConfigured(String),
    /// Anything else: the CLI's error line, or its first line of output.
    Other(String),
}

impl std::fmt::Display for AliyunFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AliyunFailure::Refused { code, message } if message.is_empty() => f.write_str(code),
            AliyunFailure::Refused { code, message } => write!(f, "{code}: {message}"),
            AliyunFailure::NotConfigured(s) | AliyunFailure::Other(s) => f.write_str(s),
        }
    }
}

/// Reads what a failed `aliyun` run printed on standard output and standard error (either may
/// hold the error, depending on the CLI's version).
///
/// # Examples
/// ```
/// use easnet_core::cloud::snapshot::{read_failure, AliyunFailure};
/// let server = "ERROR: SDK.ServerError\nErrorCode: Forbidden.RAM\nRecommend: https://x\n\
///               RequestId: r\nMessage: User not authorized to operate on the specified resource.\n";
/// assert_eq!(read_failure("", server).to_string(),
///            "Forbidden.RAM: User not authorized to operate on the specified resource.");
/// let body = r#"{"RequestId": "r", "Code": "InvalidVpcId.NotFound", "Message": "not found"}"#;
/// assert_eq!(read_failure(body, "").to_string(), "InvalidVpcId.NotFound: not found");
/// let unset = "\u{1b}[1;31mERROR: profile default is not configure yet, run `aliyun configure --profile default` first\n\u{1b}[0m";
/// assert!(matches!(read_failure("", unset), AliyunFailure::NotConfigured(s) if s.starts_with("profile default")));
/// assert_eq!(read_failure("", "ERROR: can not find api: DescribeX\n"),
///            AliyunFailure::Other("can not find api: DescribeX".into()));
/// ```
pub fn read_failure(stdout: &str, stderr: &str) -> AliyunFailure {
    let text = format!("{}\n{}", plain(stderr), plain(stdout));
    let line = |key: &str| {
        text.lines()
            .find_map(|l| l.trim().strip_prefix(key).map(|v| v.trim().to_owned()))
            .filter(|v| !v.is_empty())
    };
    if let Some(code) = line("ErrorCode:") {
        let message = line("Message:").unwrap_or_default();
        return AliyunFailure::Refused {
            code: quoted(&code),
            message: quoted(&message),
        };
    }
    for out in [stdout, stderr] {
        if let Ok(v) = serde_json::from_str::<Value>(out.trim()) {
            if let Some((code, message)) = error_response(&v) {
                return AliyunFailure::Refused {
                    code: quoted(&code),
                    message: quoted(&message),
                };
            }
        }
    }
    let lines = || text.lines().map(str::trim).filter(|l| !l.is_empty());
    let said = lines()
        .find_map(|l| l.strip_prefix("ERROR:"))
        .map(str::trim)
        .or_else(|| lines().next())
        .unwrap_or("it printed nothing");
    let said = quoted(said);
    let lower = text.to_ascii_lowercase();
    if lower.contains("aliyun configure") || lower.contains("not configure") {
        return AliyunFailure::NotConfigured(said);
    }
    AliyunFailure::Other(said)
}

/// How much of a line `aliyun` printed an error quotes, in characters.
pub const QUOTED_CHARS: usize = 200;

/// `text` cut to [`QUOTED_CHARS`] characters (at a character boundary) with `…` after it when
/// it was longer: an error quotes what the CLI said, not a page of it.
///
/// # Examples
/// ```
/// use easnet_core::cloud::snapshot::quoted;
/// assert_eq!(quoted("short"), "short");
/// let long = "é".repeat(300);
/// assert_eq!(quoted(&long), format!("{}…", "é".repeat(200)));
/// ```
pub fn quoted(text: &str) -> String {
    match text.char_indices().nth(QUOTED_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// `text` without terminal colour codes (`ESC [ … m`).
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // Skip `[`, parameters, and the final letter.
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_output_is_cut() {
        let long = format!("ERROR: {}", "x".repeat(5000));
        let AliyunFailure::Other(said) = read_failure("", &long) else {
            panic!("not Other")
        };
        assert_eq!(said, format!("{}…", "x".repeat(200)));
        let body = format!("ErrorCode: Throttling\nMessage: {}", "ü".repeat(1000));
        assert_eq!(
            read_failure("", &body).to_string(),
            format!("Throttling: {}…", "ü".repeat(200))
        );
    }

    #[test]
    fn code_without_message_and_empty_output() {
        assert_eq!(
            read_failure("", "ERROR: SDK.ServerError\nErrorCode: Throttling\n").to_string(),
            "Throttling"
        );
        assert_eq!(
            read_failure("", ""),
            AliyunFailure::Other("it printed nothing".into())
        );
        assert!(matches!(
            read_failure(
                "",
                "ERROR: AccessKeyId/AccessKeySecret is empty! run `aliyun configure` first"
            ),
            AliyunFailure::NotConfigured(_)
        ));
    }
}
