//! Reading a file, or standard input for `-`, with errors a person can act on.

use std::fs;
use std::io::{self, Read};

use easnet_core::args;
use easnet_core::i18n::Catalogue;

/// A file's text and the name to show in messages (`<stdin>` for `-`).
pub struct Input {
    pub name: String,
    pub text: String,
}

/// Reads `path` (or standard input for `-`) as UTF-8 text. Errors are one phrase each in
/// `cat`'s words: `no such file`, `is a directory`, `not UTF-8 text`.
pub fn read(path: &str, cat: &Catalogue) -> Result<Input, String> {
    let cannot = |name: &str, e: &io::Error| {
        cat.text(
            "cli.cannot_read",
            args![file = name, why = describe(e, cat)],
        )
    };
    let (name, bytes) = if path == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| cannot("<stdin>", &e))?;
        ("<stdin>".to_owned(), bytes)
    } else {
        let bytes = fs::read(path).map_err(|e| cannot(path, &e))?;
        (path.to_owned(), bytes)
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        cat.text(
            "cli.not_utf8",
            args![file = name, offset = e.utf8_error().valid_up_to()],
        )
    })?;
    Ok(Input { name, text })
}

fn describe(e: &io::Error, cat: &Catalogue) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => cat.text("cli.io.no_such_file", &[]),
        io::ErrorKind::PermissionDenied => cat.text("cli.io.permission_denied", &[]),
        io::ErrorKind::IsADirectory => cat.text("cli.io.is_a_directory", &[]),
        _ => {
            // A directory shows up as "Is a directory (os error 21)" on some platforms.
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_lowercase()
        }
    }
}
