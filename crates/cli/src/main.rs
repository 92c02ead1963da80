//! `easnet`: a thin command line over `easnet-core`. It parses arguments, reads files, calls
//! core, and writes: results to standard output, one-line diagnostics to standard error.
//! All logic (analysis, exports, capacity maths, report rendering) lives in core.

mod args;
mod help;
mod input;
mod lang;
mod run;
mod snapshot;

use std::io::Write;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches};
use easnet_core::args;
use easnet_core::i18n::Catalogue;

fn main() -> ExitCode {
    // A bug must still end in one line, never a stack trace (the release build aborts after
    // the hook; debug builds exit 101).
    std::panic::set_hook(Box::new(|info| {
        let what = (info.payload().downcast_ref::<&str>().copied())
            .or_else(|| info.payload().downcast_ref::<String>().map(String::as_str))
            .unwrap_or("unknown panic");
        let message = (lang::chosen()).text("cli.internal_error", args![what = one_line(what)]);
        eprintln!("easnet: {message}");
    }));
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language is known before clap reads the command line: its help and its usage
    // errors are in that language too.
    let said = lang::catalogue(lang::from_args(&argv).unwrap_or_else(lang::from_env));
    let command = help::in_words(args::Cli::command(), said);
    let parsed = (command.try_get_matches_from(&argv))
        .and_then(|matches| args::Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e, lang::choose(said.lang())),
    };
    let cat = lang::choose(cli.lang.map_or_else(lang::from_env, Into::into));
    match run::run(cli.command, cat) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("easnet: {}", one_line(&message));
            ExitCode::from(2)
        }
    }
}

/// `--help` and `--version` print as clap renders them; every other command-line error is
/// one line on standard error and exit 2 (clap's words, easnet's around them in `cat`'s).
fn usage_error(e: &clap::Error, cat: &Catalogue) -> ExitCode {
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = write!(std::io::stdout(), "{}", e.render());
        return ExitCode::SUCCESS;
    }
    // `easnet` alone, or with only a global option (`easnet --lang zh`).
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand
    ) {
        eprintln!("easnet: {}", cat.text("cli.subcommand_required", &[]));
        return ExitCode::from(2);
    }
    let rendered = e.render().to_string();
    // Point at the subcommand's own help when there is one on the command line.
    let command = args::Cli::command();
    let subcommand = std::env::args()
        .skip(1)
        .find(|a| command.get_subcommands().any(|s| s.get_name() == a));
    let usage = match subcommand {
        Some(s) => format!("easnet {s} --help"),
        None => "easnet --help".to_owned(),
    };
    let parts: Vec<&str> = (rendered.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .filter(|l| {
            !(l.starts_with("Usage: ")
                || l.starts_with("For more information")
                || l.starts_with("tip:"))
        })
        .collect();
    let message = parts.join(" ");
    let message = message.strip_prefix("error: ").unwrap_or(&message);
    let message = cat.text(
        "cli.see_help",
        args![message = one_line(message), usage = usage],
    );
    eprintln!("easnet: {message}");
    ExitCode::from(2)
}

/// A message as one line of bounded length: user input echoed in an error (a 50 MB string)
/// must not flood the terminal.
pub fn one_line(s: &str) -> String {
    const MAX: usize = 400;
    let flat: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.chars().count() <= MAX {
        return flat;
    }
    let cut: String = flat.chars().take(MAX).collect();
    format!("{cut}…")
}
