//! Words for a shell line the user will paste: every value from a plan is quoted here, and
//! placeholders for what the plan does not know are left bare so that the shell refuses them.
//! A leaf module: the analyzer's fixes, the exports and the importer's recipes all use it.

/// Quotes one shell word: as is when it is made of characters no POSIX shell treats specially,
/// else in single quotes. Every value from a plan goes through here, even one spelt like a
/// placeholder (`<x>`), so a plan cannot put shell syntax into a line the user copies.
pub fn shell_word(s: &str) -> String {
    let plain = |b: u8| b.is_ascii_alphanumeric() || b"-_./:@%+=,".contains(&b);
    if !s.is_empty() && s.bytes().all(plain) {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// Written where the plan names no region. Placeholders are left bare on purpose: run
/// unedited, the shell refuses them (`<` is a redirection) instead of calling the cloud.
pub const REGION_PLACEHOLDER: &str = "<RegionId>";

/// The plan's region as a shell word, or [`REGION_PLACEHOLDER`].
pub fn region_word(region: Option<&str>) -> String {
    region.map_or_else(|| REGION_PLACEHOLDER.to_owned(), shell_word)
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
        ];
        for (word, want) in table {
            assert_eq!(shell_word(word), want, "{word}");
        }
        assert_eq!(region_word(None), "<RegionId>");
        assert_eq!(region_word(Some("<x>")), "'<x>'");
    }
}
