//! clap's help (`--help`, `-h`) in the language of the run.
//!
//! English is clap's own, written from the doc comments of `args.rs`, unchanged. Any other
//! language replaces each text from the catalogue: `cli.help.about` and `cli.help.long_about`
//! for the command, `cli.help.<subcommand>.…` for a subcommand's, `….arg.<id>` (and
//! `.long`) for an argument, `….arg.<id>.value.<name>` for a value of an enum. The English
//! catalogue holds the same texts, which `tests` checks against the doc comments, so the two
//! cannot drift apart and every text has a translation. clap's own words around them (the
//! headings, `[default: …]`, the possible values, the help and version flags, the `help`
//! subcommand) are said by the catalogue too (`cli.help.word.*`).

use clap::builder::PossibleValue;
use clap::{Arg, Command};
use easnet_core::args;
use easnet_core::i18n::{Catalogue, Lang};

/// `cmd` with its help in the words of `cat`.
pub fn in_words(cmd: Command, cat: &Catalogue) -> Command {
    if cat.lang() == Lang::En {
        return cmd;
    }
    let mut cmd = texts(cmd, "", cat);
    // clap adds its help and version flags, and the `help` subcommand, when it builds.
    cmd.build();
    flags(cmd, cat)
}

/// The key of `what` in the help of the (sub)command at `path` (`""`, `check`).
pub fn key(path: &str, what: &str) -> String {
    if path.is_empty() {
        format!("cli.help.{what}")
    } else {
        format!("cli.help.{path}.{what}")
    }
}

/// The texts of the (sub)command at `path` and of its arguments and subcommands.
fn texts(mut cmd: Command, path: &str, cat: &Catalogue) -> Command {
    let said = |what: &str| cat.template(&key(path, what)).map(str::to_owned);
    if let Some(about) = said("about") {
        cmd = cmd.about(about);
    }
    if let Some(long) = said("long_about") {
        cmd = cmd.long_about(long);
    }
    let layout = template(&cmd, cat);
    cmd = cmd.help_template(layout);
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |a| arg(a, path, cat));
    }
    for name in subcommand_names(&cmd) {
        let sub = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}.{name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| texts(s, &sub, cat));
    }
    cmd
}

fn subcommand_names(cmd: &Command) -> Vec<String> {
    cmd.get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect()
}

/// clap's layout of a help page with its headings in `cat`'s words (clap's own end with an
/// ASCII colon): the sections a (sub)command has, in clap's order.
fn template(cmd: &Command, cat: &Catalogue) -> String {
    let word = |key: &str| cat.text(&format!("cli.help.word.{key}"), &[]);
    let mut t = format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n",
        word("usage")
    );
    let mut section = |heading: &str, tag: &str| {
        t.push_str(&format!("\n{}\n{{{tag}}}\n", word(heading)));
    };
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        section("commands", "subcommands");
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        section("arguments", "positionals");
    }
    // Every (sub)command has options: its help flag at least.
    section("options", "options");
    t.push_str("{after-help}");
    t
}

/// One argument's help, with what clap adds to it (its default, its values) in `cat`'s words.
fn arg(a: Arg, path: &str, cat: &Catalogue) -> Arg {
    let id = a.get_id().to_string();
    let said = |what: &str| cat.template(&key(path, &format!("arg.{id}{what}")));
    let help = said("").map(str::to_owned);
    let long = said(".long").map(str::to_owned).or_else(|| help.clone());
    let mut short_spec = Vec::new();
    let mut long_spec = Vec::new();
    let mut described = None;
    let defaults: Vec<String> = (a.get_default_values().iter())
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !a.is_hide_default_value_set() {
        let default = cat.text("cli.help.word.default", args![value = defaults.join(", ")]);
        short_spec.push(default.clone());
        long_spec.push(default);
    }
    let values: Vec<PossibleValue> = (a.get_possible_values().into_iter())
        .filter(|v| !v.is_hide_set())
        .collect();
    if !values.is_empty() && !a.is_hide_possible_values_set() {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        let list = cat.text("cli.help.word.values", args![values = names.join(", ")]);
        short_spec.push(list.clone());
        if values.iter().any(|v| v.get_help().is_some()) {
            // Described values: one line each in the long help, as clap writes them.
            let heading = cat.text("cli.help.word.values_heading", &[]);
            let width = values.iter().map(|v| v.get_name().len()).max().unwrap_or(0) + 1;
            let lines: Vec<String> = (values.iter())
                .map(|v| {
                    let name = format!("{}:", v.get_name());
                    let text = said(&format!(".value.{}", v.get_name()))
                        .map(str::to_owned)
                        .or_else(|| v.get_help().map(ToString::to_string))
                        .unwrap_or_default();
                    format!("- {name:<width$} {text}")
                })
                .collect();
            described = Some(format!("{heading}\n{}", lines.join("\n")));
        } else {
            long_spec.push(list);
        }
    }
    let joined = |text: Option<String>, spec: &[String]| {
        let spec = spec.join(" ");
        match text {
            Some(t) if spec.is_empty() => t,
            Some(t) => format!("{t} {spec}"),
            None => spec,
        }
    };
    // The described values in a paragraph of their own, as clap writes them.
    let long = match described {
        Some(values) => format!("{}\n\n{values}", joined(long, &long_spec)),
        None => joined(long, &long_spec),
    };
    a.help(joined(help, &short_spec))
        .long_help(long)
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// clap's help and version flags and its `help` subcommand, in every (sub)command.
fn flags(mut cmd: Command, cat: &Catalogue) -> Command {
    let word = |key: &str| cat.text(&format!("cli.help.word.{key}"), &[]);
    for id in ["help", "version"] {
        let Some(flag) = cmd.get_arguments().find(|a| a.get_id() == id) else {
            continue;
        };
        // clap's "Print help (see more with '--help')" when the long help says more, with
        // "(see a summary with '-h')" in the long help.
        let more = (flag.get_help()).is_some_and(|h| h.to_string().contains("--help"));
        let summary = flag.get_long_help().is_some();
        let help = word(if more { "help_more" } else { id });
        let long = summary.then(|| word("help_summary"));
        cmd = cmd.mut_arg(id, |a| match long {
            Some(long) => a.help(help).long_help(long),
            None => a.help(help),
        });
    }
    for name in subcommand_names(&cmd) {
        cmd = cmd.mut_subcommand(&name, |s| {
            let s = if name == "help" {
                s.about(word("help_subcommand"))
            } else {
                s
            };
            flags(s, cat)
        });
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    use crate::args::Cli;

    /// Every text clap writes from a doc comment, by its key.
    fn doc_texts(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
        if let Some(about) = cmd.get_about() {
            out.push((key(path, "about"), about.to_string()));
        }
        if let Some(long) = cmd.get_long_about() {
            out.push((key(path, "long_about"), long.to_string()));
        }
        for a in cmd.get_arguments() {
            let id = a.get_id();
            if let Some(help) = a.get_help() {
                out.push((key(path, &format!("arg.{id}")), help.to_string()));
            }
            if let Some(long) = a.get_long_help() {
                out.push((key(path, &format!("arg.{id}.long")), long.to_string()));
            }
            for v in a.get_possible_values() {
                if let Some(help) = v.get_help() {
                    let what = format!("arg.{id}.value.{}", v.get_name());
                    out.push((key(path, &what), help.to_string()));
                }
            }
        }
        for sub in cmd.get_subcommands() {
            let name = sub.get_name();
            let sub_path = if path.is_empty() {
                name.to_owned()
            } else {
                format!("{path}.{name}")
            };
            doc_texts(sub, &sub_path, out);
        }
    }

    fn zh() -> &'static Catalogue {
        Catalogue::embedded(Lang::Zh).unwrap()
    }

    /// The English catalogue holds clap's texts exactly as the doc comments write them, and
    /// nothing else under `cli.help.` but clap's own words: the two cannot drift apart.
    #[test]
    fn the_english_catalogue_is_the_doc_comments() {
        let en = Catalogue::english();
        let mut texts = Vec::new();
        doc_texts(&Cli::command(), "", &mut texts);
        assert!(texts.len() > 30, "{}", texts.len());
        for (key, text) in &texts {
            assert_eq!(en.template(key), Some(text.as_str()), "{key}");
        }
        let extra: Vec<&str> = (en.keys())
            .filter(|k| k.starts_with("cli.help.") && !k.starts_with("cli.help.word."))
            .filter(|k| !texts.iter().any(|(key, _)| key == k))
            .collect();
        assert!(extra.is_empty(), "keys no doc comment has: {extra:?}");
    }

    fn rendered(cat: &Catalogue, argv: &[&str]) -> String {
        let err = in_words(Cli::command(), cat)
            .try_get_matches_from(argv)
            .unwrap_err();
        err.render().to_string()
    }

    #[test]
    fn english_help_is_clap_s_own() {
        for argv in [
            &["easnet", "--help"][..],
            &["easnet", "export", "--help"],
            &["easnet", "capacity", "-h"],
        ] {
            let plain = Cli::command()
                .try_get_matches_from(argv)
                .unwrap_err()
                .render()
                .to_string();
            assert_eq!(rendered(Catalogue::english(), argv), plain);
        }
    }

    /// Chinese help: every text translated, clap's words too; IDs, flags and values as they are.
    #[test]
    fn chinese_help_has_no_english_sentence() {
        for argv in [
            &["easnet", "--help"][..],
            &["easnet", "-h"],
            &["easnet", "check", "--help"],
            &["easnet", "capacity", "--help"],
            &["easnet", "capacity", "-h"],
            &["easnet", "networking", "--help"],
            &["easnet", "export", "--help"],
            &["easnet", "export", "-h"],
            &["easnet", "import", "--help"],
            &["easnet", "snapshot", "--help"],
            &["easnet", "help", "check"],
        ] {
            let text = rendered(zh(), argv);
            assert!(text.contains("用法："), "{argv:?}\n{text}");
            for english in [
                "Usage:",
                "Options:",
                "Commands:",
                "Arguments:",
                "Print help",
                "Print version",
                "default:",
                "possible values",
                "Possible values",
                "The ",
                " the ",
                " of ",
            ] {
                assert!(!text.contains(english), "{argv:?}: {english:?} in\n{text}");
            }
        }
        let export = rendered(zh(), &["easnet", "export", "--help"]);
        assert!(export.contains("--what <WHAT>"), "{export}");
        assert!(
            export.contains("- test-command: 加入服务启动命令的连通性测试"),
            "{export}"
        );
        assert!(export.contains("[默认：service.json]"), "{export}");
    }
}
