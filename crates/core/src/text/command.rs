//! A shell command built from typed parts, never formatted as text, so that what a plan (or a
//! share link, or a paste) says can only ever be one quoted word of it. Every command easnet
//! prints is built here: the analyzer's fixes, the exports and the importer's hints.
//!
//! A [`Value`] is one shell word, made of pieces of three kinds:
//! - [`Value::data`]: text from a plan or a paste, or computed from one: always quoted by
//!   [`shell_word`] (as is when it holds nothing a shell reads, else in single quotes);
//! - [`Value::placeholder`]: what the plan does not know, written bare as `<Name>` on purpose:
//!   run unedited, the shell refuses the line (`<` is a redirection) instead of sending the
//!   literal text to the cloud;
//! - [`Value::shell`]: shell text written in easnet's own code, such as
//!   `"Content-Type=application/json"`: a `&'static str`, so no plan value can reach it.
//!
//! [`Command::arg`] writes an `aliyun` parameter as `--Name value`, or as `--Name=value` when
//! the value starts with `-`: the CLI reads a separate word starting with `-` as a flag and
//! refuses `--PortRange -1/-1`, and shell quoting cannot help, as the CLI sees the same word
//! (domain-facts, "The `aliyun` CLI": aliyun-cli README, "Special argument").

use std::fmt;

use super::shell::shell_word;

/// One piece of a shell word.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    /// Text from the user: quoted.
    Data(String),
    /// A value the plan does not know: `<Name>`, bare.
    Placeholder(&'static str),
    /// Shell text written in easnet's code, as it is.
    Shell(&'static str),
    /// `--Name`: a parameter's flag (names are easnet's own, from the API tables).
    Flag(&'static str),
}

/// One shell word of a [`Command`]: see the module's documentation for its kinds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value(Vec<Piece>);

impl Value {
    /// Text from a plan, a paste or the user, or computed from them: always quoted.
    pub fn data(text: impl Into<String>) -> Self {
        Value(vec![Piece::Data(text.into())])
    }

    /// A value the plan does not hold, written `<name>`, bare. `name` is easnet's own
    /// (letters only: a test checks every one printed).
    pub fn placeholder(name: &'static str) -> Self {
        Value(vec![Piece::Placeholder(name)])
    }

    /// The plan's value when it has one, else the placeholder. An empty string is no value
    /// (`"region": ""` names no region).
    pub fn data_or(text: Option<&str>, placeholder: &'static str) -> Self {
        match text.filter(|t| !t.is_empty()) {
            Some(t) => Value::data(t),
            None => Value::placeholder(placeholder),
        }
    }

    /// The plan's region, or `<RegionId>`.
    pub fn region(region: Option<&str>) -> Self {
        Value::data_or(region, "RegionId")
    }

    /// A comma-separated list as one quoted word (the form of the APIs' `SnatIp` and
    /// `SecurityIps`), or the placeholder when the list is empty.
    pub fn list(items: &[String], placeholder: &'static str) -> Self {
        if items.is_empty() {
            Value::placeholder(placeholder)
        } else {
            Value::data(items.join(","))
        }
    }

    /// Shell text written in easnet's code, printed as it is (a `&'static str`: never data).
    pub fn shell(text: &'static str) -> Self {
        Value(vec![Piece::Shell(text)])
    }

    /// This word followed by `next` in the same word: `/api/v2/resources/` + a region + ….
    pub fn then(mut self, next: Value) -> Self {
        self.0.extend(next.0);
        self
    }

    /// Whether the word the program receives starts with `-`.
    fn starts_with_dash(&self) -> bool {
        match self.0.first() {
            Some(Piece::Data(t)) => t.starts_with('-'),
            Some(Piece::Shell(t)) => t.trim_start_matches(['"', '\'']).starts_with('-'),
            Some(Piece::Flag(_)) => true,
            Some(Piece::Placeholder(_)) | None => false,
        }
    }

    fn write(&self, out: &mut String) {
        for piece in &self.0 {
            match piece {
                Piece::Data(t) => out.push_str(&shell_word(t)),
                Piece::Placeholder(name) => {
                    out.push('<');
                    out.push_str(name);
                    out.push('>');
                }
                Piece::Shell(t) => out.push_str(t),
                Piece::Flag(name) => {
                    out.push_str("--");
                    out.push_str(name);
                }
            }
        }
    }
}

/// How a command follows the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joint {
    And,
    Or,
}

/// A shell command line: words, and the commands chained after it with `&&` and `||` (read
/// left to right, as the shell reads them). Printed with `to_string()`.
///
/// # Examples
/// ```
/// use easnet_core::text::command::{Command, Value};
///
/// let cmd = Command::aliyun("ecs", "AuthorizeSecurityGroupEgress")
///     .arg("RegionId", Value::region(None))
///     .arg("SecurityGroupId", Value::data("sg-$(touch pwned)"))
///     .arg("PortRange", Value::data("-1/-1"));
/// assert_eq!(
///     cmd.to_string(),
///     "aliyun ecs AuthorizeSecurityGroupEgress --RegionId <RegionId> \
///      --SecurityGroupId 'sg-$(touch pwned)' --PortRange=-1/-1"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    words: Vec<Value>,
    next: Vec<(Joint, Vec<Value>)>,
}

impl Command {
    /// A command running `program` (easnet's own text).
    pub fn new(program: &'static str) -> Self {
        Command {
            words: vec![Value::shell(program)],
            next: Vec::new(),
        }
    }

    /// `aliyun <product> <Api>`, an RPC call of the CLI.
    pub fn aliyun(product: &'static str, api: &'static str) -> Self {
        Command::new("aliyun")
            .word(Value::shell(product))
            .word(Value::shell(api))
    }

    /// One more word.
    pub fn word(mut self, value: Value) -> Self {
        self.last_words().push(value);
        self
    }

    /// An `aliyun` parameter: `--name value`, or `--name=value` when the value starts with `-`.
    pub fn arg(self, name: &'static str, value: Value) -> Self {
        let flag = Value(vec![Piece::Flag(name)]);
        if value.starts_with_dash() {
            self.word(flag.then(Value::shell("=")).then(value))
        } else {
            self.word(flag).word(value)
        }
    }

    /// `self && next`.
    pub fn and(self, next: Command) -> Self {
        self.chain(Joint::And, next)
    }

    /// `self || next`.
    pub fn or(self, next: Command) -> Self {
        self.chain(Joint::Or, next)
    }

    fn chain(mut self, joint: Joint, next: Command) -> Self {
        self.next.push((joint, next.words));
        self.next.extend(next.next);
        self
    }

    fn last_words(&mut self) -> &mut Vec<Value> {
        match self.next.last_mut() {
            Some((_, words)) => words,
            None => &mut self.words,
        }
    }
}

fn write_words(words: &[Value], out: &mut String) {
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        w.write(out);
    }
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        write_words(&self.words, &mut out);
        for (joint, words) in &self.next {
            out.push_str(match joint {
                Joint::And => " && ",
                Joint::Or => " || ",
            });
            write_words(words, &mut out);
        }
        f.write_str(&out)
    }
}

impl From<Command> for String {
    fn from(c: Command) -> String {
        c.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_quoted_placeholders_bare() {
        let cmd = Command::aliyun("vpc", "CreateSnatEntry")
            .arg("RegionId", Value::region(Some("")))
            .arg("SnatTableId", Value::data_or(None, "SnatTableId"))
            .arg("SourceVSwitchId", Value::data("vsw-a b"))
            .arg(
                "SnatIp",
                Value::list(&["1.2.3.4".into(), "5.6.7.8".into()], "EIP"),
            );
        assert_eq!(
            cmd.to_string(),
            "aliyun vpc CreateSnatEntry --RegionId <RegionId> --SnatTableId <SnatTableId> \
             --SourceVSwitchId 'vsw-a b' --SnatIp 1.2.3.4,5.6.7.8"
        );
        // A plan value spelt like a placeholder is data: quoted.
        let cmd = Command::new("x").word(Value::data("<RegionId>"));
        assert_eq!(cmd.to_string(), "x '<RegionId>'");
    }

    #[test]
    fn a_value_starting_with_a_dash_takes_the_equals_form() {
        let cmd = Command::new("aliyun")
            .arg("PortRange", Value::data("-1/-1"))
            .arg("VpcId", Value::data("-x y"))
            .arg("Body", Value::shell("\"-q\""))
            .arg("Zone", Value::placeholder("ZoneId"));
        assert_eq!(
            cmd.to_string(),
            "aliyun --PortRange=-1/-1 --VpcId='-x y' --Body=\"-q\" --Zone <ZoneId>"
        );
    }

    #[test]
    fn words_join_into_one_and_commands_chain() {
        let path = Value::shell("/r/")
            .then(Value::placeholder("RegionId"))
            .then(Value::shell("/"))
            .then(Value::data("eas r"));
        let cmd = Command::new("a")
            .word(path)
            .and(Command::new("echo").word(Value::shell("open")))
            .or(Command::new("echo").word(Value::shell("closed")));
        assert_eq!(
            cmd.to_string(),
            "a /r/<RegionId>/'eas r' && echo open || echo closed"
        );
        // Words added after a chain go to its last command.
        let cmd = Command::new("a")
            .and(Command::new("b"))
            .word(Value::data("c"));
        assert_eq!(cmd.to_string(), "a && b c");
    }
}
