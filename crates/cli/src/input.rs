//! Reading a file, or standard input for `-`, with errors a person can act on.

use std::fs;
use std::io::{self, Read};

/// A file's text and the name to show in messages (`<stdin>` for `-`).
pub struct Input {
    pub name: String,
    pub text: String,
}

/// Reads `path` (or standard input for `-`) as UTF-8 text. Errors are one phrase each:
/// `no such file`, `is a directory`, `not UTF-8 text`.
pub fn read(path: &str) -> Result<Input, String> {
    let (name, bytes) = if path == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("<stdin>: cannot read: {}", describe(&e)))?;
        ("<stdin>".to_owned(), bytes)
    } else {
        let bytes = fs::read(path).map_err(|e| format!("{path}: cannot read: {}", describe(&e)))?;
        (path.to_owned(), bytes)
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name}: not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(Input { name, text })
}

fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "is a directory".to_owned(),
        _ => {
            // A directory shows up as "Is a directory (os error 21)" on some platforms.
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_lowercase()
        }
    }
}
