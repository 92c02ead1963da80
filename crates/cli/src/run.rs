//! One function per subcommand: read, call core, write.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::time::Duration;

use easnet_core::analyze::analyze;
use easnet_core::cloud;
use easnet_core::export::{self, ExportError};
use easnet_core::plan::{parse_plan, write_plan, Plan};
use easnet_core::views::whatif::Question;

use crate::args::{CheckFormat, Command, Format, What};
use crate::input;
use crate::snapshot;

/// Runs a subcommand; `Err` is a one-line diagnostic (exit 2).
pub fn run(command: Command) -> Result<ExitCode, String> {
    match command {
        Command::Check { plan, format } => check(&plan, format),
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
            let c = export::capacity_of(&Question {
                cidr,
                instances: Some(instances),
                max_instances,
                max_surge: max_surge.unwrap_or_default(),
                other_ips,
                unit_size: Some(unit_size),
                second_cidr: second_cidr.unwrap_or_default(),
                second_other_ips,
            })
            .map_err(|e| e.to_string())?;
            let text = match format {
                Format::Json => json(&c),
                Format::Text => capacity_text(&c),
            };
            emit(&text)
        }
        Command::Networking {
            service,
            vpc_id,
            vswitch_id,
            security_group_id,
        } => {
            let net = export::checked_networking(&vpc_id, &vswitch_id, &security_group_id)
                .map_err(|e| e.to_string())?;
            let input = input::read(&service)?;
            let out = export::set_networking(&input.text, &net)
                .map_err(|e| format!("{}: {e}", input.name))?;
            // Byte for byte: no newline added that the file did not have.
            emit(&out)
        }
        Command::Export {
            plan,
            service,
            what,
            file,
        } => {
            let plan = read_plan(&plan)?;
            let text = export(&plan, &service, what, &file).map_err(|e| e.to_string())?;
            emit(&text)
        }
        Command::Import { files, into } => import(&files, into.as_deref()),
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
        ),
    }
}

/// `easnet import`: every file's responses merged at once (pages of one call may be spread
/// over several files), the plan to stdout, the summary to stderr.
fn import(files: &[String], into: Option<&str>) -> Result<ExitCode, String> {
    let stdin_reads = files.iter().filter(|f| *f == "-").count() + usize::from(into == Some("-"));
    if stdin_reads > 1 {
        return Err("standard input (-) can be read only once".to_owned());
    }
    let current = match into {
        Some(path) => read_plan(path)?,
        None => Plan::empty(),
    };
    let mut responses = Vec::new();
    for file in files {
        let input = input::read(file)?;
        let read = cloud::read_paste(&input.text).map_err(|e| format!("{}: {e}", input.name))?;
        responses.extend(read.into_iter().map(|r| r.from_source(&input.name)));
    }
    let got = cloud::merge(&responses, &current).map_err(|e| e.to_string())?;
    let code = emit(&(write_plan(&got.plan) + "\n"))?;
    eprint!("{}", got.summary.text());
    Ok(code)
}

/// Reads and parses a plan; errors read `PLAN.json: <path>: <message>`.
fn read_plan(path: &str) -> Result<Plan, String> {
    let input = input::read(path)?;
    parse_plan(&input.text).map_err(|e| format!("{}: {e}", input.name))
}

fn check(path: &str, format: CheckFormat) -> Result<ExitCode, String> {
    let input = input::read(path)?;
    let plan = parse_plan(&input.text).map_err(|e| format!("{}: {e}", input.name))?;
    let report = analyze(&plan);
    let source = export::Source {
        name: &input.name,
        text: &input.text,
    };
    let text = match format {
        CheckFormat::Json => json(&report),
        // A code-scanning UI needs a file in the repository: standard input has none.
        CheckFormat::Sarif => json(&export::sarif(&report, (path != "-").then_some(source))),
        CheckFormat::Text => export::text_report(&report, color(), Some(source)),
    };
    emit(&text)?;
    Ok(if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn export(plan: &Plan, service: &str, what: What, file: &str) -> Result<String, ExportError> {
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
        What::Whitelist => {
            export::whitelist_text(&export::whitelist_entries(plan, &analyze(plan), service)?)
        }
        What::TestCommand => lines(export::test_commands(plan, service)?),
        What::Report => {
            export::find_service(plan, service)?;
            export::markdown_report(plan, &analyze(plan))
        }
        What::Dlink => export::service_dlink(plan, service)? + "\n",
    })
}

fn capacity_text(c: &export::Capacity) -> String {
    let prefix = c.smallest_prefix.map_or_else(
        || "none (more than a /16 holds)".to_owned(),
        |p| format!("/{p}"),
    );
    let prefix = if c.cidr.contains(':') {
        "n/a (IPv6)".to_owned()
    } else {
        prefix
    };
    // "peak 12 + surge 3", or with units "8 × 2 machines: 6 peak + 2 surge".
    let service = if c.unit_size == 1 {
        format!("peak {} + surge {}", c.peak, c.surge)
    } else {
        format!(
            "{} × {} machines: {} peak + {} surge",
            c.units, c.unit_size, c.peak, c.surge
        )
    };
    let joint = if c.unit_size == 1 { " + " } else { "; " };
    let mut text = format!(
        "cidr             {}\nusable           {}\nreserved         {}\nneeded           {} ({service}{joint}other {})\nfree             {}\nfits             {}\nsmallest prefix  {prefix}\n",
        c.cidr,
        c.usable,
        c.reserved.join(", "),
        c.needed,
        c.other_ips,
        c.free,
        match (c.fits, c.split.is_some()) {
            (true, false) => "yes",
            (false, false) => "no",
            // With two vSwitches the lines above take the whole need in the first one alone.
            (true, true) => "yes (alone)",
            (false, true) => "no (alone)",
        },
    );
    if let Some(split) = &c.split {
        // What each of the two vSwitches counts, and CAP005's warning.
        text += &format!(
            "two vSwitches    {} IPs of the service, {} counted in each\n",
            split.service_ips, split.vswitches[0].share
        );
        for (i, v) in split.vswitches.iter().enumerate() {
            let verdict = if v.fits {
                format!("fits, {} free", v.free)
            } else {
                "does not fit".to_owned()
            };
            text += &format!(
                "vswitch {}        {}: share {} + other {} = {} of {} usable, {verdict}\n",
                i + 1,
                v.cidr,
                v.share,
                v.other_ips,
                v.needed,
                v.usable,
            );
        }
        for warning in split.warnings() {
            text += &format!("warning          {warning}\n");
        }
    }
    text
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
pub(crate) fn emit(text: &str) -> Result<ExitCode, String> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(format!("cannot write the output: {e}")),
    }
}
