//! JSON that does not parse, explained the way a person who pasted it needs: what is wrong,
//! where (line and column, both counted from 1), and how to fix it. People paste JSON from
//! editors that allow comments and trailing commas (JSONC), from a snippet without its outer
//! braces, and from web pages whose Markdown escapes `_` as `\_`; serde_json names each of those
//! only as a generic syntax error.

use crate::i18n::{Catalogue, Said};

/// A 1-based line and column (in characters) of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

impl Place {
    /// `line 2, column 14`, before it is said.
    fn said(self) -> Said {
        Said::new("json_syntax.place")
            .with("line", self.line)
            .with("column", self.column)
    }
}

/// The place of byte `offset` of `text` (clamped to the text).
pub fn place_of(text: &str, offset: usize) -> Place {
    Lines::new(text).place(offset)
}

/// Line and column of offsets given in increasing order, each byte of the text read once: the
/// one way easnet counts them ([`place_of`] for one offset, `locate::locate_all` for many).
pub(crate) struct Lines<'a> {
    text: &'a str,
    /// The offset read up to, its line (from 1), where that line starts, and the characters
    /// from the line's start to the offset.
    at: usize,
    line: usize,
    line_start: usize,
    chars: usize,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Lines {
            text,
            at: 0,
            line: 1,
            line_start: 0,
            chars: 0,
        }
    }

    /// The place of byte `offset` (clamped to the text, rounded down to a character), at or
    /// after the offset asked before.
    pub(crate) fn place(&mut self, offset: usize) -> Place {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        for (i, c) in self.text[self.at..offset].char_indices() {
            if c == '\n' {
                self.line += 1;
                self.line_start = self.at + i + 1;
                self.chars = 0;
            } else {
                self.chars += 1;
            }
        }
        self.at = offset;
        // A byte-order mark is not a column an editor shows, nor is the `\r` of a CRLF line
        // end.
        let line = &self.text[self.line_start..offset];
        let rest = line.trim_start_matches('\u{feff}');
        let boms = (line.len() - rest.len()) / '\u{feff}'.len_utf8();
        let crs = rest.len() - rest.trim_end_matches('\r').len();
        Place {
            line: self.line,
            column: self.chars - boms - crs + 1,
        }
    }
}

/// The byte offset serde_json means by its (line, column). It counts columns in bytes from 1,
/// and says column 0 for the end of a line's text when the input ends right after a newline
/// (the "column 0" users saw for a missing final brace): that is the newline before it.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = (text.split_inclusive('\n').take(line.saturating_sub(1)))
        .map(str::len)
        .sum();
    let mut at = if column == 0 {
        start.saturating_sub(1)
    } else {
        (start + column - 1).min(text.len())
    };
    // Columns count bytes: one can fall inside a character that is not ASCII.
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Why `text` is not JSON, for a person: serde_json's own words first (so a search for them
/// still finds help), then the place counted from 1, then what it most likely is and how to fix
/// it, for the mistakes people make when they paste.
///
/// # Examples
/// ```
/// use easnet_core::plan::json_syntax::explain;
/// let text = "{\n  // the region\n  \"version\": 1\n}";
/// let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
/// assert_eq!(explain(text, &e), "JSON has no comments: remove line 2's `//` comment (line 2, column 3)");
///
/// let text = "{\"version\": 1\n";
/// let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
/// assert_eq!(
///     explain(text, &e),
///     "EOF while parsing an object at line 1, column 14: the text ends before its last `}`; add `}` at the end"
/// );
/// ```
pub fn explain(text: &str, e: &serde_json::Error) -> String {
    explain_in(Catalogue::english(), text, e)
}

/// [`explain`] in `cat`'s words (serde_json's own words too, when the catalogue has them).
///
/// # Examples
/// ```
/// use easnet_core::i18n::{Catalogue, Lang};
/// use easnet_core::plan::json_syntax::explain_in;
/// let text = "{\n  \"a\": [1, 2,],\n}";
/// let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
/// let zh = Catalogue::embedded(Lang::Zh).unwrap();
/// assert_eq!(
///     explain_in(zh, text, &e),
///     "多余的逗号（第 2 行第 14 列）：JSON 不允许在右方括号 `]` 前有逗号；请删除第 2 行第 13 列的逗号"
/// );
/// ```
pub fn explain_in(cat: &Catalogue, text: &str, e: &serde_json::Error) -> String {
    explained(text, e).text(cat)
}

/// serde_json's own message without its place (`trailing comma`), in the catalogue's words
/// when it is one of those people meet; as serde_json wrote it otherwise.
fn serde_words(what: &str) -> Said {
    let key = match what {
        "expected value" => "json_syntax.serde.expected_value",
        "expected `:`" => "json_syntax.serde.expected_colon",
        "expected `,` or `}`" => "json_syntax.serde.expected_comma_or_brace",
        "expected `,` or `]`" => "json_syntax.serde.expected_comma_or_bracket",
        "expected ident" => "json_syntax.serde.expected_ident",
        "EOF while parsing a value" => "json_syntax.serde.eof_value",
        "EOF while parsing an object" => "json_syntax.serde.eof_object",
        "EOF while parsing a list" => "json_syntax.serde.eof_list",
        "EOF while parsing a string" => "json_syntax.serde.eof_string",
        "trailing comma" => "json_syntax.serde.trailing_comma",
        "trailing characters" => "json_syntax.serde.trailing_characters",
        "key must be a string" => "json_syntax.serde.key_must_be_a_string",
        "invalid escape" => "json_syntax.serde.invalid_escape",
        "invalid number" => "json_syntax.serde.invalid_number",
        "number out of range" => "json_syntax.serde.number_out_of_range",
        "invalid unicode code point" => "json_syntax.serde.invalid_unicode",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "json_syntax.serde.control_character"
        }
        "recursion limit exceeded" => "json_syntax.serde.recursion_limit",
        _ => return Said::new("json_syntax.as_is").with("text", what),
    };
    Said::new(key)
}

/// serde_json's error as it writes it (`trailing comma at line 1 column 9`), its words in the
/// catalogue's language: for a paste of describe output, whose English keeps serde's text.
pub(crate) fn serde_error(e: &serde_json::Error) -> Said {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) if e.line() > 0 => Said::new("json_syntax.serde_at")
            .with_said("what", serde_words(&full[..i]))
            .with("line", e.line())
            .with("column", e.column()),
        _ => serde_words(&full),
    }
}

/// [`explain`] before it is said.
pub(crate) fn explained(text: &str, e: &serde_json::Error) -> Said {
    let full = e.to_string();
    let what = full
        .rfind(" at line ")
        .map_or(full.as_str(), |i| &full[..i]);
    if e.line() == 0 {
        return serde_words(what);
    }
    let at = offset_of(text, e.line(), e.column());
    let place = place_of(text, at);
    let at_place = |hint: Option<Said>| {
        let said = match hint {
            Some(hint) => Said::new("json_syntax.at_hint").with_said("hint", hint),
            None => Said::new("json_syntax.at"),
        };
        said.with_said("what", serde_words(what))
            .with_said("place", place.said())
    };
    if text.starts_with('\u{feff}') && at <= 3 {
        return at_place(Some(Said::new("json_syntax.hint.bom")));
    }
    if let Some(comment) = first_comment(text).filter(|c| c.start <= at + 1) {
        let where_ = place_of(text, comment.start);
        return if comment.line {
            Said::new("json_syntax.comment_line")
                .with("line", where_.line)
                .with_said("place", where_.said())
        } else {
            Said::new("json_syntax.comment_block").with_said("place", where_.said())
        };
    }
    // Without a value to build (a `RawValue`), serde_json reads `,}` as a key that is missing
    // and `,]` as a value that is missing: the same trailing comma.
    let after_comma = text[..at.min(text.len())].trim_end().ends_with(',')
        && text[at.min(text.len())..].starts_with(['}', ']']);
    let hint = match what {
        "trailing comma" => trailing_comma(text, at),
        "key must be a string" | "expected value" if after_comma => trailing_comma(text, at),
        "invalid escape" => invalid_escape(text, at),
        "trailing characters" if is_bare_member(text) => {
            Some(Said::new("json_syntax.hint.bare_member"))
        }
        w if w.starts_with("EOF while parsing") => unclosed(text),
        _ => None,
    };
    at_place(hint)
}

/// A comment outside strings: where it starts, and whether it is a `//` line comment.
struct Comment {
    start: usize,
    line: bool,
}

fn first_comment(text: &str) -> Option<Comment> {
    let b = text.as_bytes();
    let mut in_string = false;
    let mut i = 0;
    while i < b.len() {
        match (in_string, b[i]) {
            (true, b'\\') => i += 1,
            (_, b'"') => in_string = !in_string,
            (false, b'/') if matches!(b.get(i + 1), Some(b'/') | Some(b'*')) => {
                return Some(Comment {
                    start: i,
                    line: b[i + 1] == b'/',
                })
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// serde_json stops at the `}` or `]` after the comma: name the comma.
fn trailing_comma(text: &str, at: usize) -> Option<Said> {
    let comma = text[..at.min(text.len())].rfind(',')?;
    let closer = text[at.min(text.len())..]
        .trim_start()
        .chars()
        .next()
        .unwrap_or('}');
    Some(
        Said::new(match closer {
            ']' => "json_syntax.hint.trailing_comma_bracket",
            _ => "json_syntax.hint.trailing_comma_brace",
        })
        .with("closer", closer)
        .with_said("place", place_of(text, comma).said()),
    )
}

/// `\_` and the like: escapes a web page's Markdown adds, which JSON does not have.
fn invalid_escape(text: &str, at: usize) -> Option<Said> {
    // Up to and including the character at `at` (serde_json stops on the escaped character).
    let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
    let backslash = text[..end].rfind('\\')?;
    let escaped = text[backslash + 1..].chars().next()?;
    let key = if escaped == 'u' {
        "json_syntax.hint.escape_u"
    } else if escaped.is_ascii_punctuation() {
        "json_syntax.hint.escape_markdown"
    } else {
        "json_syntax.hint.escape_other"
    };
    Some(
        Said::new(key)
            .with("escaped", escaped)
            .with_said("place", place_of(text, backslash).said()),
    )
}

/// `"key": value` without the braces around it.
fn is_bare_member(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    let Some(rest) = t.strip_prefix('"') else {
        return false;
    };
    let mut escaped = false;
    for (i, c) in rest.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return rest[i + 1..].trim_start().starts_with(':'),
            _ => {}
        }
    }
    false
}

/// The closers a cut-off text lacks, innermost first.
fn unclosed(text: &str) -> Option<Said> {
    let mut open = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '{' | '[' if !in_string => open.push(c),
            '}' | ']' if !in_string => {
                open.pop();
            }
            _ => {}
        }
    }
    if in_string {
        return Some(Said::new("json_syntax.hint.in_string"));
    }
    let closers: String = (open.iter().rev())
        .map(|&c| if c == '{' { '}' } else { ']' })
        .collect();
    let last = closers.chars().last()?;
    let body = text.trim_end();
    // Cut right after a comma or a colon, the closers alone would not make it JSON.
    let cut_at = || place_of(text, body.len() - 1).said();
    let said = if body.ends_with(':') {
        Said::new("json_syntax.hint.after_colon").with_said("place", cut_at())
    } else if body.ends_with(',') {
        Said::new("json_syntax.hint.after_comma").with_said("place", cut_at())
    } else {
        Said::new("json_syntax.hint.unclosed").with("last", last)
    };
    Some(said.with("closers", closers))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explained(text: &str) -> String {
        let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        explain(text, &e)
    }

    #[test]
    fn places_count_from_one() {
        assert_eq!(place_of("ab\ncd", 0), Place { line: 1, column: 1 });
        assert_eq!(place_of("ab\ncd", 4), Place { line: 2, column: 2 });
        assert_eq!(place_of("é\nx", 2), Place { line: 1, column: 2 });
        assert_eq!(place_of("ab", 99), Place { line: 1, column: 3 });
    }

    #[test]
    fn comments() {
        assert_eq!(
            explained("{\n  \"a\": 1, // one\n  \"b\": 2\n}"),
            "JSON has no comments: remove line 2's `//` comment (line 2, column 11)"
        );
        assert_eq!(
            explained("{/* the plan */ \"a\": 1}"),
            "JSON has no comments: remove the `/* */` comment that starts at line 1, column 2"
        );
        // `//` inside a string is not a comment: the real error is named.
        assert!(explained("{\"url\": \"http://x\",}").starts_with("trailing comma"));
    }

    #[test]
    fn trailing_commas() {
        assert_eq!(
            explained("{\n  \"a\": [1, 2,],\n}"),
            "trailing comma at line 2, column 14: JSON allows no comma before a closing `]`; remove the comma at line 2, column 13"
        );
        assert_eq!(
            explained("{\"a\": 1,\n}"),
            "trailing comma at line 2, column 1: JSON allows no comma before a closing `}`; remove the comma at line 1, column 8"
        );
    }

    #[test]
    fn trailing_commas_read_without_a_value() {
        let text = "{\"a\": [1,]}";
        let e = serde_json::from_str::<&serde_json::value::RawValue>(text).unwrap_err();
        assert_eq!(
            explain(text, &e),
            "expected value at line 1, column 10: JSON allows no comma before a closing `]`; remove the comma at line 1, column 9"
        );
    }

    #[test]
    fn bare_members() {
        assert_eq!(
            explained("\"metadata\": {\"name\": \"x\"}"),
            "trailing characters at line 1, column 11: this is a member (`\"key\": value`), not a whole JSON document: put `{` before it and `}` after it"
        );
    }

    #[test]
    fn escapes_from_web_pages() {
        assert_eq!(
            explained(r#"{"name": "llm\_chat"}"#),
            "invalid escape at line 1, column 15: `\\_` is not a JSON escape (web pages write it for `_`): write `_` at line 1, column 14"
        );
    }

    #[test]
    fn cut_off_text_says_what_to_add() {
        // serde_json said "column 0" here: the place is the end of the last line.
        assert_eq!(
            explained("{\n  \"a\": [1\n"),
            "EOF while parsing a list at line 2, column 10: the text ends before its last `}`; add `]}` at the end"
        );
        assert_eq!(
            explained("{\"a\": \"b"),
            "EOF while parsing a string at line 1, column 8: the text ends inside a string: close it with `\"`"
        );
        assert_eq!(
            explained(""),
            "EOF while parsing a value at line 1, column 1"
        );
    }

    #[test]
    fn places_inside_characters_do_not_panic() {
        for text in [
            "{\"a\": é}",
            "{é",
            "[1, ∞]",
            "{\"a\": \"\\é\"}",
            "é",
            "{\"é\": 1,}",
        ] {
            let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
            assert!(explain(text, &e).contains("line 1"), "{text}");
        }
    }

    #[test]
    fn cut_after_a_comma_or_a_colon() {
        assert_eq!(
            explained("{\"a\": 1,"),
            "EOF while parsing a value at line 1, column 8: the text ends after a comma: remove the comma at line 1, column 8 and add `}`"
        );
        assert_eq!(
            explained("{\"a\":"),
            "EOF while parsing a value at line 1, column 5: the text ends where a value should follow `:` at line 1, column 5: add the value, then `}`"
        );
    }

    #[test]
    fn unicode_escapes_and_windows_paths() {
        assert_eq!(
            explained(r#"{"path": "C:\users"}"#),
            "invalid escape at line 1, column 18: `\\u` needs four hex digits (`\\u00e9`); for a backslash write `\\\\` at line 1, column 13"
        );
    }

    #[test]
    fn crlf_and_byte_order_marks() {
        // The missing brace of a CRLF file: the column is the end of the text, not the `\r`.
        assert_eq!(
            explained("{\r\n  \"a\": 1\r\n"),
            "EOF while parsing an object at line 2, column 9: the text ends before its last `}`; add `}` at the end"
        );
        assert_eq!(
            explained("\u{feff}{}"),
            "expected value at line 1, column 1: the text starts with a byte-order mark (an editor's \"UTF-8 with BOM\"): save it as plain UTF-8"
        );
    }

    #[test]
    fn other_errors_keep_serde_words_with_a_place() {
        assert_eq!(explained("{\"a\" 1}"), "expected `:` at line 1, column 6");
    }
}
