//! A byte-offset scanner over JSON text that is already known to be valid.
//!
//! `set_networking` edits the user's service JSON as text, so it needs *where* things are, not
//! what they are: the span of each member of an object, and of each value. serde_json checks
//! validity first; this scanner then only has to walk valid JSON, so it stays small. It is
//! iterative (a depth counter, no recursion), so JSON nested 10,000 deep cannot overflow the
//! stack, and it never indexes out of bounds: on text it does not understand it returns `None`.

use std::ops::Range;

/// One member of an object: its key (decoded) and where its key and value are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Member {
    /// The key with escapes decoded (`"cl\u006fud"` is `cloud`).
    pub key: String,
    /// The key's text including its quotes.
    pub key_span: Range<usize>,
    /// The value's text.
    pub value: Range<usize>,
}

/// An object: the offsets of its braces and its members in order (duplicates included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Object {
    pub open: usize,
    pub close: usize,
    pub members: Vec<Member>,
}

impl Object {
    /// The last member with this key: JSON parsers keep the last of duplicate keys, so that is
    /// the one that means something.
    pub fn last(&self, key: &str) -> Option<&Member> {
        self.members.iter().rev().find(|m| m.key == key)
    }
}

/// The first offset at or after `i` that is not JSON whitespace.
pub(crate) fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// The end (exclusive) of the string whose opening quote is at `i`.
fn string_end(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        match b.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// The end (exclusive) of the value that starts at `start`.
pub(crate) fn value_end(b: &[u8], start: usize) -> Option<usize> {
    match b.get(start)? {
        b'"' => string_end(b, start),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = start;
            loop {
                match b.get(i)? {
                    b'"' => {
                        i = string_end(b, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            // A number or a literal: runs until a delimiter.
            let mut i = start;
            while !matches!(
                b.get(i),
                None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            ) {
                i += 1;
            }
            Some(i)
        }
    }
}

/// The object whose `{` is at `start`, with the spans of its members; `None` if the value
/// there is not an object.
pub(crate) fn object_at(text: &str, start: usize) -> Option<Object> {
    let b = text.as_bytes();
    if b.get(start) != Some(&b'{') {
        return None;
    }
    let mut members = Vec::new();
    let mut i = skip_ws(b, start + 1);
    if b.get(i) == Some(&b'}') {
        return Some(Object {
            open: start,
            close: i,
            members,
        });
    }
    loop {
        let key_end = string_end(b, i)?;
        let key = serde_json::from_str::<String>(text.get(i..key_end)?).ok()?;
        let colon = skip_ws(b, key_end);
        if b.get(colon) != Some(&b':') {
            return None;
        }
        let value_start = skip_ws(b, colon + 1);
        let end = value_end(b, value_start)?;
        members.push(Member {
            key,
            key_span: i..key_end,
            value: value_start..end,
        });
        let next = skip_ws(b, end);
        match b.get(next)? {
            b',' => i = skip_ws(b, next + 1),
            b'}' => {
                return Some(Object {
                    open: start,
                    close: next,
                    members,
                })
            }
            _ => return None,
        }
    }
}

/// Where the `index`th element of the list whose `[` is at `start` begins; `None` if the value
/// there is not a list or is shorter.
pub(crate) fn element_at(b: &[u8], start: usize, index: usize) -> Option<usize> {
    if b.get(start) != Some(&b'[') {
        return None;
    }
    let mut i = skip_ws(b, start + 1);
    if b.get(i) == Some(&b']') {
        return None;
    }
    for _ in 0..index {
        let next = skip_ws(b, value_end(b, i)?);
        if b.get(next) != Some(&b',') {
            return None;
        }
        i = skip_ws(b, next + 1);
    }
    Some(i)
}

/// What a JSON value is, in words, from its first byte (`a list`, `null`).
pub(crate) fn kind_at(b: &[u8], i: usize) -> &'static str {
    match b.get(i) {
        Some(b'{') => "an object",
        Some(b'[') => "a list",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        Some(_) => "a number",
        None => "nothing",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements() {
        let text = "[1, {\"a\": [2]} , \"x\"]";
        let b = text.as_bytes();
        assert_eq!(element_at(b, 0, 0), Some(1));
        assert_eq!(element_at(b, 0, 1), Some(4));
        assert_eq!(element_at(b, 0, 2), Some(17));
        assert_eq!(element_at(b, 0, 3), None);
        assert_eq!(element_at(b"[]", 0, 0), None);
        assert_eq!(element_at(b"{}", 0, 0), None);
    }

    #[test]
    fn members_and_spans() {
        let text = r#" { "a" : 1e3 , "b":{"c":[1,{"d":"}"}]}, "a": "x\"y" } "#;
        let o = object_at(text, 1).unwrap();
        let got: Vec<(&str, &str, &str)> = (o.members.iter())
            .map(|m| {
                (
                    m.key.as_str(),
                    &text[m.key_span.clone()],
                    &text[m.value.clone()],
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("a", "\"a\"", "1e3"),
                ("b", "\"b\"", r#"{"c":[1,{"d":"}"}]}"#),
                ("a", "\"a\"", r#""x\"y""#),
            ]
        );
        assert_eq!(&text[o.last("a").unwrap().value.clone()], r#""x\"y""#);
        assert_eq!(&text[o.close..=o.close], "}");
    }

    #[test]
    fn escaped_keys_are_decoded() {
        let o = object_at(r#"{"cl\u006fud": null}"#, 0).unwrap();
        assert_eq!(o.members[0].key, "cloud");
    }

    #[test]
    fn empty_and_not_objects() {
        assert_eq!(object_at("{ }", 0).unwrap().members, []);
        assert!(object_at("[1]", 0).is_none());
        assert!(object_at("", 0).is_none());
        // Broken text gives None, never a panic.
        for bad in ["{", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\" 1}", "{1:2}"] {
            assert!(object_at(bad, 0).is_none(), "{bad}");
        }
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(value_end(deep.as_bytes(), 0), Some(deep.len()));
        assert_eq!(value_end(b"[[[", 0), None);
    }
}
