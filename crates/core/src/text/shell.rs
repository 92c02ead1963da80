//! One word of a shell line the user will paste, quoted: every value from a plan goes through
//! here, by way of [`super::command`], which builds every command easnet prints (and leaves
//! placeholders for what the plan does not know bare, so that the shell refuses them).
//! A leaf module.

/// Quotes one shell word: as is when it is made of characters no POSIX shell treats specially,
/// else in single quotes. Every value from a plan goes through here (by way of
/// [`super::command::Value::data`]), even one spelt like a placeholder (`<x>`), so a plan cannot
/// put shell syntax into a line the user copies. A word starting with `=` is quoted too: zsh
/// (macOS's default shell) expands `=name` to the path of the program `name`.
pub fn shell_word(s: &str) -> String {
    let plain = |b: u8| b.is_ascii_alphanumeric() || b"-_./:@%+=,".contains(&b);
    if !s.is_empty() && !s.starts_with('=') && s.bytes().all(plain) {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// A `# …` comment line for a shell script that shows `text`, kept on its one line: a line
/// break (or any control character) in a plan's name is written as an escape (`\n`), since the
/// line after a comment is code.
pub fn comment(text: &str) -> String {
    let mut line = String::from("# ");
    for c in text.chars() {
        if c.is_control() {
            line.extend(c.escape_default());
        } else {
            line.push(c);
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words() {
        let table = [
            ("vsw-a", "vsw-a"),
            ("", "''"),
            ("a b", "'a b'"),
            ("it's", r"'it'\''s'"),
            ("$HOME", "'$HOME'"),
            // A plan value spelt like a placeholder is quoted like any other.
            ("<RegionId>", "'<RegionId>'"),
            ("<a b>", "'<a b>'"),
            ("10.0.1.0/24,47.96.1.10", "10.0.1.0/24,47.96.1.10"),
            ("=ls", "'=ls'"),
            ("a=b", "a=b"),
            ("line\nbreak", "'line\nbreak'"),
        ];
        for (word, want) in table {
            assert_eq!(shell_word(word), want, "{word}");
        }
    }

    #[test]
    fn comments_stay_on_their_line() {
        assert_eq!(comment("db (10.0.0.1)"), "# db (10.0.0.1)");
        assert_eq!(comment("a\nrm -rf ~\r\t"), "# a\\nrm -rf ~\\r\\t");
    }
}
