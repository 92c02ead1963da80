//! How a JSON file is laid out, so that text added to it looks like the text around it.
//!
//! Detected, never imposed: the line ending (`\r\n` or `\n`), the indent step (spaces or tabs,
//! from the root object's members), the key-value separator (`": "`, `":"`, `" : "`), and per
//! object whether its members sit one per line or all on one line.

use super::scan::Object;

/// The file-wide habits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Habits {
    pub newline: &'static str,
    /// One indent step, when the root object is laid out one member per line.
    pub unit: Option<String>,
    /// Between a key and its value, colon included.
    pub colon: String,
}

/// How the members of one object are laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Layout {
    /// One member per line, each after `indent`; the closing brace after `close`.
    Lines { indent: String, close: String },
    /// All members on one line, joined by `comma` (`", "` or `","`).
    Inline { comma: String },
}

impl Habits {
    pub fn detect(text: &str, root: &Object) -> Habits {
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let unit = match layout_of_members(text, root) {
            Some(Layout::Lines { indent, close }) => Some(
                indent
                    .strip_prefix(close.as_str())
                    .unwrap_or(&indent)
                    .to_owned(),
            ),
            _ => None,
        };
        let colon = (root.members.first())
            .map(|m| &text[m.key_span.end..m.value.start])
            .filter(|c| !c.contains('\n'))
            .unwrap_or(": ")
            .to_owned();
        Habits {
            newline,
            unit,
            colon,
        }
    }

    /// The layout of an object's members; an empty object takes one from the file's habits:
    /// one per line, a step deeper than the line it opens on, when the file is indented.
    pub fn layout(&self, text: &str, o: &Object) -> Layout {
        layout_of_members(text, o).unwrap_or_else(|| match &self.unit {
            Some(unit) => {
                let close = line_indent(text, o.open).to_owned();
                Layout::Lines {
                    indent: format!("{close}{unit}"),
                    close,
                }
            }
            None => Layout::Inline {
                comma: self.default_comma(),
            },
        })
    }

    /// The layout of a new object nested in an object laid out as `parent`.
    pub fn child(&self, parent: &Layout) -> Layout {
        match parent {
            Layout::Lines { indent, close } => {
                let unit = (self.unit.as_deref())
                    .or_else(|| {
                        indent
                            .strip_prefix(close.as_str())
                            .filter(|u| !u.is_empty())
                    })
                    .unwrap_or("  ");
                Layout::Lines {
                    indent: format!("{indent}{unit}"),
                    close: indent.clone(),
                }
            }
            Layout::Inline { comma } => Layout::Inline {
                comma: comma.clone(),
            },
        }
    }

    /// `", "` when the file puts a space after its colons, else `","`.
    fn default_comma(&self) -> String {
        if self.colon.ends_with(' ') { ", " } else { "," }.to_owned()
    }

    /// An object of `members` (raw key text, raw value text) in `layout`.
    pub fn render(&self, members: &[(String, String)], layout: &Layout) -> String {
        if members.is_empty() {
            return "{}".to_owned();
        }
        let pairs = members.iter().map(|(k, v)| format!("{k}{}{v}", self.colon));
        match layout {
            Layout::Lines { indent, close } => {
                let nl = self.newline;
                let body: Vec<String> = pairs.map(|p| format!("{indent}{p}")).collect();
                format!("{{{nl}{}{nl}{close}}}", body.join(&format!(",{nl}")))
            }
            Layout::Inline { comma } => {
                format!("{{{}}}", pairs.collect::<Vec<_>>().join(comma))
            }
        }
    }

    /// The text that adds one member (`"key": value`) after the last member of an object.
    pub fn append(&self, key: &str, value: &str, layout: &Layout) -> String {
        match layout {
            Layout::Lines { indent, .. } => {
                format!(",{}{indent}{key}{}{value}", self.newline, self.colon)
            }
            Layout::Inline { comma } => format!("{comma}{key}{}{value}", self.colon),
        }
    }
}

/// The layout an object's own members show; `None` for an empty object.
fn layout_of_members(text: &str, o: &Object) -> Option<Layout> {
    let first = o.members.first()?;
    let gap = &text[o.open + 1..first.key_span.start];
    Some(match gap.rfind('\n') {
        Some(nl) => Layout::Lines {
            indent: gap[nl + 1..].to_owned(),
            close: line_indent(text, o.open).to_owned(),
        },
        None => {
            let comma = (o.members.get(1))
                .map(|second| &text[first.value.end..second.key_span.start])
                .filter(|c| !c.contains('\n'))
                .unwrap_or(
                    if text[first.key_span.end..first.value.start].ends_with(' ') {
                        ", "
                    } else {
                        ","
                    },
                );
            Layout::Inline {
                comma: comma.to_owned(),
            }
        }
    })
}

/// The whitespace that starts the line holding offset `at`.
fn line_indent(text: &str, at: usize) -> &str {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[start..];
    let width = line.len() - line.trim_start_matches([' ', '\t']).len();
    &line[..width]
}

#[cfg(test)]
mod tests {
    use super::super::scan::object_at;
    use super::*;

    fn habits(text: &str) -> Habits {
        Habits::detect(text, &object_at(text, 0).unwrap())
    }

    #[test]
    fn detects_indent_newline_and_colon() {
        let h = habits("{\r\n\t\"a\" : 1\r\n}");
        assert_eq!(
            (h.newline, h.unit.as_deref(), h.colon.as_str()),
            ("\r\n", Some("\t"), " : ")
        );
        let h = habits("{\"a\":1,\"b\":2}");
        assert_eq!((h.newline, h.unit, h.colon.as_str()), ("\n", None, ":"));
        let h = habits("{}");
        assert_eq!((h.unit, h.colon.as_str()), (None, ": "));
    }

    #[test]
    fn renders_in_both_layouts() {
        let h = habits("{\n    \"a\": 1\n}");
        let members = [
            ("\"k\"".to_owned(), "1".to_owned()),
            ("\"l\"".to_owned(), "2".to_owned()),
        ];
        let lines = Layout::Lines {
            indent: "        ".into(),
            close: "    ".into(),
        };
        assert_eq!(
            h.render(&members, &lines),
            "{\n        \"k\": 1,\n        \"l\": 2\n    }"
        );
        let inline = Layout::Inline { comma: ", ".into() };
        assert_eq!(h.render(&members, &inline), "{\"k\": 1, \"l\": 2}");
        assert_eq!(h.render(&[], &inline), "{}");
        assert_eq!(
            h.child(&lines),
            Layout::Lines {
                indent: "            ".into(),
                close: "        ".into()
            }
        );
    }
}
