//! The JSON path of the place where a plan could not be read (`vpcs[0].vswitches[2].cidr`),
//! worked out from the text and where serde_json stopped, after the fact.
//!
//! The path is the one `serde_path_to_error` gives, segment for segment (`crates/core/tests/
//! plan_error_paths.rs` compares the two over every prefix of the examples and many thousands
//! of damaged plans): a member's key, `[i]` for a list's element, `?` for a member whose key
//! could not be read, the variant of an enum written as an object. That crate tracks the path
//! by wrapping every step of serde's reader, which costs a copy of its wrappers for every type
//! of the plan (12 KB of the page, gzip); this walks the text once, only when there is an
//! error, guided by what the plan holds at each place ([`PLAN`]).
//!
//! How: serde_json stops at the first problem, and a problem belongs to the value (or the
//! list or object) being read at that moment. The walk reads the text as serde_json does (the
//! same grammar, the same order) and stops at the first of:
//! - a problem of its own, where serde_json must have stopped too: bad JSON, a key the plan
//!   does not know or repeats, a required member missing, a list given for an object with the
//!   wrong number of elements, an enum given anything but a string or an object of one variant;
//! - for a problem with a value's type or content (serde's data errors, which JSON syntax alone
//!   does not show), the value whose text holds serde_json's position.

use serde_json::error::Category;

/// What the plan holds at a place, as far as the path of an error needs.
#[derive(Clone, Copy)]
enum Kind {
    /// A string, number, boolean or `null`, read whole: a problem in it is at its path.
    Leaf,
    /// The user's service JSON, kept as text: any JSON, and its `\u` escapes are not checked
    /// for surrogates (serde_json skips it as it skips any value).
    Raw,
    /// An integer of `plan::int` (read as a JSON number, possibly the object serde_json
    /// writes an exact number as), from the lowest value it takes to `i64::MAX`.
    Int(i64),
    /// One of the plan's enums: a string, or serde's `{"variant": null}`.
    Enum(&'static [&'static str]),
    Object(&'static [Field]),
    List(&'static Kind),
}

struct Field {
    name: &'static str,
    kind: Kind,
    /// Without a default: serde stops at the object's end when it is missing.
    required: bool,
}

const fn req(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: true,
    }
}

const fn opt(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: false,
    }
}

use Kind::{Enum, Int, Leaf, List, Object, Raw};

const STRINGS: Kind = List(&Leaf);

// The plan's types (`model.rs`), member by member in their order: the test of this module
// checks them against serde's own lists of fields.
const VSWITCH: &[Field] = &[
    req("id", Leaf),
    opt("zone", Leaf),
    req("cidr", Leaf),
    opt("route_table", Leaf),
    opt("other_ips", Int(0)),
];
const ROUTE: &[Field] = &[
    req("destination", Leaf),
    req("next_hop_type", Leaf),
    opt("next_hop_id", Leaf),
];
const ROUTE_TABLE: &[Field] = &[
    req("id", Leaf),
    opt("kind", Enum(&["system", "custom"])),
    opt("routes", List(&Object(ROUTE))),
];
const PROTOCOLS: &[&str] = &["tcp", "udp", "icmp", "gre", "all"];
const EGRESS_RULE: &[Field] = &[
    opt("policy", Enum(&["accept", "drop"])),
    opt("priority", Int(i64::MIN)),
    req("protocol", Enum(PROTOCOLS)),
    opt("port_range", Leaf),
    req("destination", Leaf),
];
const SECURITY_GROUP: &[Field] = &[
    req("id", Leaf),
    opt("kind", Enum(&["basic", "enterprise"])),
    opt("egress", List(&Object(EGRESS_RULE))),
];
const SNAT_ENTRY: &[Field] = &[
    req("source", Leaf),
    opt("snat_ips", STRINGS),
    opt("id", Leaf),
];
const NAT_GATEWAY: &[Field] = &[
    req("id", Leaf),
    req("kind", Enum(&["internet", "vpc"])),
    opt("vswitch", Leaf),
    opt("snat_table_id", Leaf),
    opt("eips", STRINGS),
    opt("snat_entries", List(&Object(SNAT_ENTRY))),
];
const VPC: &[Field] = &[
    req("id", Leaf),
    opt("cidrs", STRINGS),
    opt("vswitches", List(&Object(VSWITCH))),
    opt("route_tables", List(&Object(ROUTE_TABLE))),
    opt("security_groups", List(&Object(SECURITY_GROUP))),
    opt("nat_gateways", List(&Object(NAT_GATEWAY))),
];
const PEERING: &[Field] = &[
    req("id", Leaf),
    req("kind", Enum(&["vpc_peer", "cen"])),
    opt("vpcs", STRINGS),
];
const NETWORKING: &[Field] = &[
    opt("vpc_id", Leaf),
    opt("vswitch_id", Leaf),
    opt("security_group_id", Leaf),
    opt("default_route", Leaf),
    opt("destination_cidrs", Leaf),
];
const RESOURCE_GROUP: &[Field] = &[req("id", Leaf), opt("networking", Object(NETWORKING))];
const TARGET: &[Field] = &[
    opt("name", Leaf),
    req("address", Leaf),
    opt("port", Int(0)),
    opt("protocol", Enum(PROTOCOLS)),
    opt("whitelist", STRINGS),
    opt(
        "kind",
        Enum(&["rds", "polardb", "redis", "mongodb", "other"]),
    ),
    opt("instance_id", Leaf),
];
const SERVICE_ENTRY: &[Field] = &[
    req("service", Raw),
    opt("needs_internet", Leaf),
    opt("targets", List(&Object(TARGET))),
];
/// The plan's document.
const PLAN: &[Field] = &[
    req("version", Leaf),
    opt("region", Leaf),
    opt("utilization_warning", Leaf),
    opt("vpcs", List(&Object(VPC))),
    opt("peerings", List(&Object(PEERING))),
    opt("resource_groups", List(&Object(RESOURCE_GROUP))),
    opt("services", List(&Object(SERVICE_ENTRY))),
];

/// The key serde_json writes an exact number under (`arbitrary_precision`).
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// One step of a path.
#[derive(Clone)]
enum Seg {
    Key(String),
    Index(usize),
    /// A member whose key could not be read.
    Unknown,
}

/// The path of `e`, an error of serde_json reading `text` as a plan, as `serde_path_to_error`
/// writes it: `.` for the document itself, `vpcs[0].id`, `vpcs[0].?` for a member of
/// `vpcs[0]` whose key could not be read.
///
/// # Examples
/// ```
/// use easnet_core::plan::error_path::error_path;
/// let path = |text: &str| {
///     let e = serde_json::from_str::<easnet_core::plan::Plan>(text).unwrap_err();
///     error_path(text, &e)
/// };
/// assert_eq!(path(r#"{"version": 1, "vpcs": [{"id": 5}]}"#), "vpcs[0].id");
/// assert_eq!(path(r#"{"version": 1, "vpcs": [{"id": "a",}]}"#), "vpcs[0].?");
/// assert_eq!(path(r#"{"vpcs": []}"#), ".");
/// ```
pub fn error_path(text: &str, e: &serde_json::Error) -> String {
    let walk = Walk {
        b: text.as_bytes(),
        at: error_index(text, e.line(), e.column()),
        data: e.classify() == Category::Data,
        syntax: e.classify() == Category::Syntax,
    };
    let mut path = Vec::new();
    let i = walk.ws(0);
    // Whatever the walk finds, the document itself is the last resort, as it is for
    // serde_path_to_error.
    if let Err(Found) = walk.value(&mut path, Object(PLAN), i) {
        return show(&path);
    }
    show(&[])
}

/// The byte offset of serde_json's line and column (1-based line, column counted in bytes
/// from the line's start, as serde_json counts them); past the end for no position.
fn error_index(text: &str, line: usize, column: usize) -> usize {
    if line == 0 {
        return usize::MAX;
    }
    let start = match line {
        1 => 0,
        _ => match text.match_indices('\n').nth(line - 2) {
            Some((i, _)) => i + 1,
            None => return usize::MAX,
        },
    };
    start + column
}

fn show(path: &[Seg]) -> String {
    if path.is_empty() {
        return ".".to_owned();
    }
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
            Seg::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Seg::Unknown => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push('?');
            }
        }
    }
    out
}

/// The walk stopped: the error is at the path as it stands.
struct Found;

type Step = Result<usize, Found>;

struct Walk<'a> {
    b: &'a [u8],
    /// serde_json's position as a byte offset.
    at: usize,
    /// The error is about a value's type or content, not JSON syntax.
    data: bool,
    syntax: bool,
}

impl Walk<'_> {
    fn get(&self, i: usize) -> Option<u8> {
        self.b.get(i).copied()
    }

    fn ws(&self, mut i: usize) -> usize {
        while matches!(self.get(i), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            i += 1;
        }
        i
    }

    /// The value of `kind` at `i` (whitespace skipped), whose path is `path`; its end.
    fn value(&self, path: &mut Vec<Seg>, kind: Kind, i: usize) -> Step {
        match (kind, self.get(i)) {
            (Object(fields), Some(b'{')) => self.object(path, fields, i),
            (Object(fields), Some(b'[')) => self.object_as_list(path, fields, i),
            (List(item), Some(b'[')) => self.list(path, *item, i),
            (Enum(variants), Some(b'{')) => self.enum_object(path, variants, i),
            (Int(lo), Some(b'{')) => self.number_object(path, lo, i),
            // serde reads the enums of the plan as a string or an object only; `null` is the
            // default of an optional one, and fails for a required one (below).
            (Enum(_), Some(c)) if !matches!(c, b'"' | b'n') => Err(Found),
            (Raw, _) => self.leaf(i, false),
            // An integer `plan::int` refuses: serde_json reports it only once it has looked
            // past the member (at the next comma, or past the closing brace), so its position
            // does not say which member it was; but it is certainly the first error.
            (Int(lo), _) => match self.leaf(i, true)? {
                end if !self.int_ok(i, end, lo) => Err(Found),
                end => Ok(end),
            },
            _ => self.leaf(i, true),
        }
        .and_then(|end| self.check_leaf(kind, i, end))
    }

    /// A value read whole (a leaf, or a value of the wrong type, where serde_json stops at its
    /// start): the walk stops in it if serde_json's position is in it.
    fn check_leaf(&self, kind: Kind, start: usize, end: usize) -> Step {
        let whole = match kind {
            Object(_) => !matches!(self.get(start), Some(b'{' | b'[')),
            List(_) => self.get(start) != Some(b'['),
            Enum(_) | Int(_) => self.get(start) != Some(b'{'),
            Leaf | Raw => true,
        };
        if whole {
            // A problem with what the value is: serde_json's position is at its start (an
            // object or list where a string belongs), in it, or at its end.
            if self.data && start <= self.at && self.at <= self.ws(end) {
                return Err(Found);
            }
            // JSON that serde_json refuses in a string where a leaf is read (a lone
            // surrogate), or a `null` for a required enum.
            if self.syntax && start < self.at && self.at <= end {
                return Err(Found);
            }
        }
        Ok(end)
    }

    /// An object of the plan: each member by its key.
    fn object(&self, path: &mut Vec<Seg>, fields: &[Field], open: usize) -> Step {
        let mut seen = vec![false; fields.len()];
        let mut i = open + 1;
        let mut first = true;
        loop {
            i = self.ws(i);
            match self.get(i) {
                Some(b'}') => {
                    let missing = fields.iter().zip(&seen).any(|(f, &s)| f.required && !s);
                    return if missing { Err(Found) } else { Ok(i + 1) };
                }
                Some(b',') if !first => {
                    i = self.ws(i + 1);
                    if self.get(i) != Some(b'"') {
                        return self.unknown_key(path);
                    }
                }
                Some(b'"') if first => {}
                _ => return self.unknown_key(path),
            }
            first = false;
            let Ok((key, end)) = self.string(i, true) else {
                return self.unknown_key(path);
            };
            let Some(n) = fields.iter().position(|f| f.name == key) else {
                path.push(Seg::Key(key));
                return Err(Found);
            };
            if seen[n] {
                return Err(Found);
            }
            seen[n] = true;
            i = self.colon(end)?;
            path.push(Seg::Key(key));
            i = self.value(path, fields[n].kind, self.ws(i))?;
            path.pop();
        }
    }

    /// serde also reads an object from a list of its members' values, in order.
    fn object_as_list(&self, path: &mut Vec<Seg>, fields: &[Field], open: usize) -> Step {
        let mut i = open + 1;
        for (n, field) in fields.iter().enumerate() {
            let Some(start) = self.next_element(i, n == 0)? else {
                // Fewer values than members: the rest take their defaults, if they have one.
                let missing = fields[n..].iter().any(|f| f.required);
                return if missing {
                    Err(Found)
                } else {
                    Ok(self.ws(i) + 1)
                };
            };
            path.push(Seg::Index(n));
            i = self.value(path, field.kind, start)?;
            path.pop();
        }
        let i = self.ws(i);
        match self.get(i) {
            Some(b']') => Ok(i + 1),
            // More values than members.
            _ => Err(Found),
        }
    }

    /// A list of the plan: each element by its index.
    fn list(&self, path: &mut Vec<Seg>, item: Kind, open: usize) -> Step {
        let mut i = open + 1;
        for n in 0.. {
            let Some(start) = self.next_element(i, n == 0)? else {
                return Ok(self.ws(i) + 1);
            };
            path.push(Seg::Index(n));
            i = self.value(path, item, start)?;
            path.pop();
        }
        unreachable!()
    }

    /// Where a list's next element starts, or `None` at its closing bracket; a problem
    /// between elements is the list's own.
    fn next_element(&self, i: usize, first: bool) -> Result<Option<usize>, Found> {
        let i = self.ws(i);
        match self.get(i) {
            Some(b']') => Ok(None),
            Some(b',') if !first => match self.get(self.ws(i + 1)) {
                Some(b']') | None => Err(Found),
                Some(_) => Ok(Some(self.ws(i + 1))),
            },
            Some(_) if first => Ok(Some(i)),
            _ => Err(Found),
        }
    }

    /// The colon after a key at `end`; a problem there is the object's own, not its member's.
    fn colon(&self, end: usize) -> Step {
        let i = self.ws(end);
        match self.get(i) {
            Some(b':') => Ok(i + 1),
            _ => Err(Found),
        }
    }

    fn unknown_key(&self, path: &mut Vec<Seg>) -> Step {
        path.push(Seg::Unknown);
        Err(Found)
    }

    /// An enum written as serde writes a variant: `{"system": null}`.
    fn enum_object(&self, path: &mut Vec<Seg>, variants: &[&str], open: usize) -> Step {
        let i = self.ws(open + 1);
        let Ok((key, end)) = self.string(i, true) else {
            return Err(Found);
        };
        if !variants.contains(&key.as_str()) {
            return Err(Found);
        }
        let i = self.ws(self.colon(end)?);
        // The variant holds nothing: `null`.
        if self.b.get(i..i + 4) != Some(b"null") {
            path.push(Seg::Key(key));
            return Err(Found);
        }
        let i = self.ws(i + 4);
        match self.get(i) {
            Some(b'}') => Ok(i + 1),
            _ => Err(Found),
        }
    }

    /// An integer written as serde_json writes an exact number:
    /// `{"$serde_json::private::Number": "12"}`; any other object is not a number.
    fn number_object(&self, path: &mut Vec<Seg>, lo: i64, open: usize) -> Step {
        let i = self.ws(open + 1);
        match self.get(i) {
            Some(b'"') => {}
            // No member: not a number.
            Some(b'}') => return Err(Found),
            _ => return self.unknown_key(path),
        }
        let Ok((key, end)) = self.string(i, true) else {
            return self.unknown_key(path);
        };
        if key != NUMBER_TOKEN {
            path.push(Seg::Key(key));
            return Err(Found);
        }
        let i = self.ws(self.colon(end)?);
        let Ok((text, end)) = self.string(i, true) else {
            path.push(Seg::Key(key));
            return Err(Found);
        };
        if !is_number(text.as_bytes()) {
            path.push(Seg::Key(key));
            return Err(Found);
        }
        let i = self.ws(end);
        // One member only; and the number must be an integer the field takes.
        if self.get(i) != Some(b'}') || !int_in(&text, lo) {
            return Err(Found);
        }
        Ok(i + 1)
    }

    /// Whether the value at `start..end` is an integer `plan::int` takes (or `null`).
    fn int_ok(&self, start: usize, end: usize, lo: i64) -> bool {
        let text = std::str::from_utf8(&self.b[start..end]).unwrap_or_default();
        text == "null" || int_in(text, lo)
    }

    /// Skips a value read whole, with serde_json's grammar (without recursion: a service JSON
    /// may be nested 100,000 deep); an error in it stops the walk.
    fn leaf(&self, i: usize, strict: bool) -> Step {
        // The open objects and lists, innermost last.
        let mut open: Vec<u8> = Vec::new();
        let mut i = i;
        loop {
            // A value.
            i = self.ws(i);
            match self.get(i).ok_or(Found)? {
                b'{' | b'[' => {
                    let c = self.b[i];
                    open.push(c);
                    i = self.ws(i + 1);
                    let close = if c == b'{' { b'}' } else { b']' };
                    if self.get(i) == Some(close) {
                        open.pop();
                        i += 1;
                    } else {
                        if c == b'{' {
                            i = self.colon(self.string(i, false)?.1)?;
                        }
                        continue;
                    }
                }
                b'"' => i = self.string(i, strict)?.1,
                b't' => i = self.ident(i, b"true")?,
                b'f' => i = self.ident(i, b"false")?,
                b'n' => i = self.ident(i, b"null")?,
                b'-' | b'0'..=b'9' => i = self.number(i)?,
                _ => return Err(Found),
            }
            // What follows it in the lists and objects it closes.
            loop {
                let Some(&c) = open.last() else {
                    return Ok(i);
                };
                i = self.ws(i);
                let close = if c == b'{' { b'}' } else { b']' };
                match self.get(i) {
                    Some(b',') => {
                        i += 1;
                        if c == b'{' {
                            i = self.ws(i);
                            i = self.colon(self.string(i, false)?.1)?;
                        }
                        break;
                    }
                    Some(x) if x == close => {
                        open.pop();
                        i += 1;
                    }
                    _ => return Err(Found),
                }
            }
        }
    }

    /// `true`, `false` or `null` at `i`; its end.
    fn ident(&self, i: usize, word: &[u8]) -> Step {
        match self.b.get(i..i + word.len()) {
            Some(w) if w == word => Ok(i + word.len()),
            _ => Err(Found),
        }
    }

    /// A JSON number at `i`; its end.
    fn number(&self, i: usize) -> Step {
        number_end(self.b, i).ok_or(Found)
    }

    /// The string whose quote is at `i`, decoded, and its end. `strict`: a `\u` escape must
    /// not be half of a surrogate pair alone (serde_json checks this where it reads a string,
    /// not where it skips one).
    fn string(&self, i: usize, strict: bool) -> Result<(String, usize), Found> {
        if self.get(i) != Some(b'"') {
            return Err(Found);
        }
        let mut out: Vec<u8> = Vec::new();
        let mut i = i + 1;
        loop {
            let c = self.get(i).ok_or(Found)?;
            i += 1;
            match c {
                b'"' => return Ok((String::from_utf8_lossy(&out).into_owned(), i)),
                b'\\' => {
                    let e = self.get(i).ok_or(Found)?;
                    i += 1;
                    let simple = match e {
                        b'"' | b'\\' | b'/' => e,
                        b'b' => 8,
                        b'f' => 12,
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'u' => 0,
                        _ => return Err(Found),
                    };
                    if e != b'u' {
                        out.push(simple);
                        continue;
                    }
                    let n = self.hex(i)?;
                    i += 4;
                    let code = if !(0xD800..=0xDFFF).contains(&n) {
                        n
                    } else if !strict {
                        0xFFFD
                    } else if n >= 0xDC00 {
                        return Err(Found);
                    } else {
                        // A leading surrogate: a trailing one must follow.
                        if self.get(i) != Some(b'\\') || self.get(i + 1) != Some(b'u') {
                            return Err(Found);
                        }
                        let n2 = self.hex(i + 2)?;
                        if !(0xDC00..=0xDFFF).contains(&n2) {
                            return Err(Found);
                        }
                        i += 6;
                        0x10000 + ((n - 0xD800) << 10) + (n2 - 0xDC00)
                    };
                    let ch = char::from_u32(code).unwrap_or('\u{FFFD}');
                    out.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
                }
                0..=0x1F => return Err(Found),
                _ => out.push(c),
            }
        }
    }

    /// Four hex digits at `i`.
    fn hex(&self, i: usize) -> Result<u32, Found> {
        let digits = self.b.get(i..i + 4).ok_or(Found)?;
        let text = std::str::from_utf8(digits).map_err(|_| Found)?;
        if !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Found);
        }
        u32::from_str_radix(text, 16).map_err(|_| Found)
    }
}

/// The end of the JSON number at `i`, if one is there: `-`, one `0` or digits not starting
/// with `0`, then maybe `.` and digits, then maybe `e`, a sign and digits.
fn number_end(b: &[u8], mut i: usize) -> Option<usize> {
    let digits = |mut i: usize| {
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        (i > start).then_some(i)
    };
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    match b.get(i)? {
        b'0' => {
            i += 1;
            if b.get(i).is_some_and(u8::is_ascii_digit) {
                return None;
            }
        }
        b'1'..=b'9' => i = digits(i)?,
        _ => return None,
    }
    if b.get(i) == Some(&b'.') {
        i = digits(i + 1)?;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        i = digits(i)?;
    }
    Some(i)
}

/// Whether the number `text` is an integer from `lo` to `i64::MAX` (`plan::int`).
fn int_in(text: &str, lo: i64) -> bool {
    text.parse::<i64>().is_ok_and(|n| n >= lo)
}

/// Whether `text` is one JSON number and nothing else.
fn is_number(text: &[u8]) -> bool {
    number_end(text, 0) == Some(text.len())
}
