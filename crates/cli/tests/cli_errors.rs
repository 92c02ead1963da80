//! Bad input of every kind: one clear line on stderr, exit 2, never a panic.

mod common;

use common::{assert_error, easnet, temp_file};

#[test]
fn files_that_cannot_be_read() {
    assert_error(
        &easnet(&["check", "/no/such/plan.json"], None),
        "easnet: /no/such/plan.json: cannot read: no such file",
    );
    let dir = std::env::temp_dir();
    let dir = dir.to_string_lossy();
    assert_error(
        &easnet(&["check", &dir], None),
        "cannot read: is a directory",
    );
    let latin1 = temp_file("latin1.json", b"{\"version\": 1, \"region\": \"\xe9\"}");
    assert_error(
        &easnet(&["check", &latin1], None),
        "not UTF-8 text (invalid byte at offset 26)",
    );
}

#[test]
fn files_that_are_not_plans() {
    let cases: [(&[u8], &str); 8] = [
        (b"", "easnet: <stdin>: "),
        (b"hello", "easnet: <stdin>: "),
        (b"{\"version\": 1,}", "easnet: <stdin>: "),
        (b"[]", "got a list"),
        (
            b"{\"version\": 2}",
            "easnet: <stdin>: version: expected 1, got 2",
        ),
        (b"{\"version\": \"1\"}", "version: expected 1, got \"1\""),
        (b"{\"services\": []}", "version: missing required field"),
        (b"{\"version\": 1, \"vpc\": []}", "vpc: unknown field"),
    ];
    for (input, want) in cases {
        assert_error(&easnet(&["check", "-"], Some(input)), want);
    }
}

#[test]
fn deep_nesting_10000() {
    let deep = |open: &str, close: &str| format!("{}{}", open.repeat(10_000), close.repeat(10_000));
    let cases = [
        (deep("[", "]"), "got a list"),
        (
            format!("{{\"version\": 1, \"region\": {}}}", deep("[", "]")),
            "region: ",
        ),
        (
            format!(
                "{{\"version\": 1, \"services\": [{{\"service\": {{\"a\": {}}}}}]}}",
                deep("[", "]")
            ),
            "services[0].service: cannot be read: recursion limit exceeded",
        ),
        (
            format!(
                "{{\"version\": 1, \"services\": [{{\"service\": {}}}]}}",
                deep("{\"a\":", "}")
            ),
            "services[0].service",
        ),
        (deep("{\"a\":", "}"), "easnet: <stdin>: "),
    ];
    for (input, want) in cases {
        for sub in [
            &["check", "-"][..],
            &["export", "-", "--service", "s", "--what", "report"][..],
        ] {
            assert_error(&easnet(sub, Some(input.as_bytes())), want);
        }
    }
}

#[test]
fn fifty_megabytes() {
    const SIZE: usize = 50 * 1024 * 1024;
    // Not JSON at all.
    let junk = vec![b'x'; SIZE];
    assert_error(
        &easnet(&["check", &temp_file("junk.json", &junk)], None),
        "easnet: ",
    );
    // A valid plan around one 50 MB string: a clean result.
    let big = format!("{{\"version\": 1, \"region\": \"{}\"}}", "a".repeat(SIZE));
    let run = easnet(
        &[
            "check",
            &temp_file("big.json", big.as_bytes()),
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (0, ""),
        "{}",
        &run.stderr[..run.stderr.len().min(300)]
    );
    // A 50 MB string where a list belongs: the error does not echo it.
    let wrong = format!("{{\"version\": 1, \"vpcs\": \"{}\"}}", "a".repeat(SIZE));
    let run = easnet(&["check", &temp_file("wrong.json", wrong.as_bytes())], None);
    assert_error(&run, "vpcs: ");
    assert!(
        run.stderr.len() < 600,
        "{} bytes of error",
        run.stderr.len()
    );
    // 50 MB of a service JSON through `networking`.
    let service = format!(
        "{{\"metadata\": {{\"name\": \"s\"}}, \"blob\": \"{}\"}}",
        "b".repeat(SIZE)
    );
    let run = easnet(
        &[
            "networking",
            "-",
            "--vpc-id",
            "vpc-v",
            "--vswitch-id",
            "vsw-w",
            "--security-group-id",
            "sg-g",
        ],
        Some(service.as_bytes()),
    );
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout.len(), service.len() + ", \"cloud\": {\"networking\": {\"vpc_id\": \"vpc-v\", \"vswitch_id\": \"vsw-w\", \"security_group_id\": \"sg-g\"}}".len());
}

#[test]
fn bad_command_lines() {
    let cases: [(&[&str], &str); 7] = [
        (
            &[],
            "a subcommand is required: check, capacity, networking, export, import or snapshot",
        ),
        (
            &["frobnicate"],
            "unrecognized subcommand 'frobnicate' (see 'easnet --help')",
        ),
        (
            &["check"],
            "required arguments were not provided: <PLAN> (see 'easnet check --help')",
        ),
        (
            &["check", "p.json", "--format", "yaml"],
            "invalid value 'yaml' for '--format <FORMAT>' [possible values: text, json, sarif]",
        ),
        (
            &["check", "p.json", "--colour"],
            "unexpected argument '--colour'",
        ),
        (
            &["check", "a.json", "b.json"],
            "unexpected argument 'b.json'",
        ),
        (
            &["capacity", "10.0.0.0/24", "--format", "sarif"],
            "invalid value 'sarif' for '--format <FORMAT>'",
        ),
    ];
    for (args, want) in cases {
        assert_error(&easnet(args, None), want);
    }
}

#[test]
fn help_and_version() {
    let run = easnet(&["--help"], None);
    assert_eq!(run.code, 0);
    for sub in [
        "check",
        "capacity",
        "networking",
        "export",
        "import",
        "snapshot",
    ] {
        assert!(run.stdout.contains(sub), "{sub}");
        let help = easnet(&[sub, "--help"], None);
        assert_eq!((help.code, help.stderr.as_str()), (0, ""), "{sub}");
        assert!(
            help.stdout.starts_with(char::is_alphabetic) && help.stdout.contains("Usage: easnet"),
            "{sub}"
        );
    }
    let run = easnet(&["help", "check"], None);
    assert_eq!(run.code, 0);
    let run = easnet(&["--version"], None);
    assert_eq!((run.code, run.stdout.as_str()), (0, "easnet 0.1.0\n"));
}
