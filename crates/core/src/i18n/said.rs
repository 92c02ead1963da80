//! A sentence before it is said: a catalogue key and its values, written later in the language
//! of a catalogue. The import logs these for its summary, and keeps one in each refusal
//! ([`crate::cloud::CloudError`]), so that reading a paste never depends on a language.

use std::fmt;

use crate::plan::PlanError;

use super::{plan_error_text, Arg, Catalogue};

/// A sentence to write: a key, the values it names (text, or a sentence of its own), and for
/// a counted one the count (`….one` or `….other`, with `{n}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Said {
    key: &'static str,
    count: Option<u64>,
    args: Vec<(&'static str, Part)>,
}

/// The value of a placeholder: text as it is (an ID, a code, what the cloud said), or a
/// sentence written in the same language as the one around it, or a plan's error (PLAN001's
/// words, [`plan_error_text`]).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Said(Said),
    Plan(PlanError),
}

/// A part written in a catalogue's language, for [`super::fill`].
struct In<'a>(&'a Part, &'a Catalogue);

impl fmt::Display for In<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Part::Text(t) => f.write_str(t),
            Part::Said(s) => f.write_str(&s.text(self.1)),
            Part::Plan(e) => f.write_str(&plan_error_text(self.1, e)),
        }
    }
}

impl Said {
    pub fn new(key: &'static str) -> Said {
        Said {
            key,
            count: None,
            args: Vec::new(),
        }
    }

    /// The value of `{name}`, as it is in every language.
    pub fn with(mut self, name: &'static str, value: impl fmt::Display) -> Said {
        self.args.push((name, Part::Text(value.to_string())));
        self
    }

    /// The value of `{name}`: a sentence, written in the language of the one around it.
    pub fn with_said(mut self, name: &'static str, value: Said) -> Said {
        self.args.push((name, Part::Said(value)));
        self
    }

    /// The value of `{name}`: a plan's error, written as PLAN001 writes it.
    pub fn with_plan_error(mut self, name: &'static str, value: PlanError) -> Said {
        self.args.push((name, Part::Plan(value)));
        self
    }

    /// A counted sentence: the key's `.one` or `.other` form, `{n}` being `n`.
    pub fn counted(mut self, n: usize) -> Said {
        self.count = Some(n as u64);
        self
    }

    /// The sentence in `cat`'s words.
    pub fn text(&self, cat: &Catalogue) -> String {
        let parts: Vec<In> = self.args.iter().map(|(_, p)| In(p, cat)).collect();
        let args: Vec<Arg> = (self.args.iter().zip(&parts))
            .map(|((name, _), part)| (*name, part as &dyn fmt::Display))
            .collect();
        match self.count {
            Some(n) => cat.count(self.key, n, &args),
            None => cat.text(self.key, &args),
        }
    }
}
