//! One function per subcommand: read, call core, write.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::time::Duration;

use easnet_core::analyze::analyze_in;
use easnet_core::args;
use easnet_core::cloud;
use easnet_core::export::{self, ExportError};
use easnet_core::i18n::{plan_error_text, Catalogue};
use easnet_core::plan::{parse_plan, write_plan, Plan};
use easnet_core::views::whatif::Question;

use crate::args::{CheckFormat, Command, Format, What};
use crate::input;
use crate::snapshot;

/// Runs a subcommand, its words `cat`'s; `Err` is a one-line diagnostic (exit 2).
pub fn run(command: Command, cat: &'static Catalogue) -> Result<ExitCode, String> {
    match command {
        Command::Check { plan, format } => check(&plan, format, cat),
        Command::Capacity {
            cidr,
            instances,
            max_instances,
            max_surge,
            other_ips,
            unit_size,
            second_cidr,
            second_other_ips,
            format,
        } => {
            let question = Question {
                cidr,
                instances: Some(instances),
                max_instances,
                max_surge: max_surge.unwrap_or_default(),
                other_ips,
                unit_size: Some(unit_size),
                second_cidr: second_cidr.unwrap_or_default(),
                second_other_ips,
            };
            let c = export::capacity_of(&question, cat).map_err(|e| e.text(cat))?;
            let text = match format {
                Format::Json => json(&c),
                Format::Text => export::capacity_text(&c, cat),
            };
            emit(&text, cat)
        }
        Command::Networking {
            service,
            vpc_id,
            vswitch_id,
            security_group_id,
        } => {
            let net = export::checked_networking(&vpc_id, &vswitch_id, &security_group_id, cat)
                .map_err(|e| e.text(cat))?;
            let input = input::read(&service, cat)?;
            let out = export::set_networking(&input.text, &net).map_err(|e| {
                let error = e.text(cat);
                cat.text("cli.in_file", args![file = input.name, error = error])
            })?;
            // Byte for byte: no newline added that the file did not have.
            emit(&out, cat)
        }
        Command::Export {
            plan,
            service,
            what,
            file,
        } => {
            let plan = read_plan(&plan, cat)?;
            let text = export(&plan, &service, what, &file, cat).map_err(|e| e.text(cat))?;
            emit(&text, cat)
        }
        Command::Import { files, into } => import(&files, into.as_deref(), cat),
        Command::Snapshot {
            region,
            vpc,
            output,
            timeout_secs,
        } => snapshot::snapshot(
            &region,
            &vpc,
            output.as_deref(),
            Duration::from_secs(timeout_secs),
            cat,
        ),
    }
}

/// `easnet import`: every file's responses merged at once (pages of one call may be spread
/// over several files), the plan to stdout, the summary to stderr.
fn import(
    files: &[String],
    into: Option<&str>,
    cat: &'static Catalogue,
) -> Result<ExitCode, String> {
    let stdin_reads = files.iter().filter(|f| *f == "-").count() + usize::from(into == Some("-"));
    if stdin_reads > 1 {
        return Err(cat.text("cli.stdin_once", &[]));
    }
    let current = match into {
        Some(path) => read_plan(path, cat)?,
        None => Plan::empty(),
    };
    let mut responses = Vec::new();
    for file in files {
        let input = input::read(file, cat)?;
        let read = cloud::read_paste(&input.text)
            .map_err(|e| in_file(cat, &input.name, e.message_in(cat)))?;
        responses.extend(read.into_iter().map(|r| r.from_source(&input.name)));
    }
    let got = cloud::merge_in(&responses, &current, cat).map_err(|e| e.message_in(cat))?;
    let code = emit(&(write_plan(&got.plan) + "\n"), cat)?;
    eprint!("{}", got.summary.text(cat));
    Ok(code)
}

/// `FILE: error`.
fn in_file(cat: &Catalogue, file: &str, error: String) -> String {
    cat.text("cli.in_file", args![file = file, error = error])
}

/// Reads and parses a plan; errors read `PLAN.json: <path>: <message>`.
fn read_plan(path: &str, cat: &Catalogue) -> Result<Plan, String> {
    let input = input::read(path, cat)?;
    parse_plan(&input.text).map_err(|e| in_file(cat, &input.name, plan_error_text(cat, &e)))
}

fn check(path: &str, format: CheckFormat, cat: &'static Catalogue) -> Result<ExitCode, String> {
    let input = input::read(path, cat)?;
    let plan =
        parse_plan(&input.text).map_err(|e| in_file(cat, &input.name, plan_error_text(cat, &e)))?;
    let report = analyze_in(&plan, cat);
    let source = export::Source {
        name: &input.name,
        text: &input.text,
    };
    let text = match format {
        CheckFormat::Json => json(&report),
        // A code-scanning UI needs a file in the repository: standard input has none.
        CheckFormat::Sarif => json(&export::sarif(
            &report,
            (path != "-").then_some(source),
            cat,
        )),
        CheckFormat::Text => export::text_report(&report, color(), Some(source), cat),
    };
    emit(&text, cat)?;
    Ok(if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn export(
    plan: &Plan,
    service: &str,
    what: What,
    file: &str,
    cat: &'static Catalogue,
) -> Result<String, ExportError> {
    let lines = |v: Vec<String>| v.iter().map(|l| format!("{l}\n")).collect::<String>();
    Ok(match what {
        What::Networking => {
            export::networking_json(&export::service_networking(plan, service)?) + "\n"
        }
        What::Service => export::service_text(plan, service)? + "\n",
        What::Eascmd => {
            export::find_service(plan, service)?;
            lines(export::eascmd_lines(service, file))
        }
        What::Whitelist => export::whitelist_text(
            &export::whitelist_entries(plan, &analyze_in(plan, cat), service, cat)?,
            cat,
        ),
        What::TestCommand => lines(export::test_commands(plan, service)?),
        What::Report => {
            export::find_service(plan, service)?;
            export::markdown_report(plan, &analyze_in(plan, cat), cat)
        }
        What::Dlink => export::service_dlink(plan, service)? + "\n",
    })
}

fn json<T: serde::Serialize>(value: &T) -> String {
    // Plain data with string keys always serializes.
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

/// Colour only for a terminal, and never when `NO_COLOR` is set to something.
fn color() -> bool {
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Writes to standard output; a closed pipe (`easnet check … | head`) ends quietly.
pub(crate) fn emit(text: &str, cat: &Catalogue) -> Result<ExitCode, String> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(cat.text("cli.cannot_write_output", args![error = e])),
    }
}
