//! What the import has to say, before it is said: a catalogue key and its values. The mappers
//! and the merge log these; the summary writes them in the language it is written in, so that
//! reading and merging a paste never depend on a language.

use crate::i18n::{Arg, Catalogue};

use super::Kind;

/// A sentence to write: `summary.skip.*` or `summary.note.*`, the values it names, and for a
/// counted one the count (`….one` or `….other`, with `{n}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Said {
    key: &'static str,
    count: Option<u64>,
    args: Vec<(&'static str, String)>,
}

impl Said {
    pub fn new(key: &'static str) -> Said {
        Said {
            key,
            count: None,
            args: Vec::new(),
        }
    }

    /// The value of `{name}`.
    pub fn with(mut self, name: &'static str, value: impl std::fmt::Display) -> Said {
        self.args.push((name, value.to_string()));
        self
    }

    /// A counted sentence: the key's `.one` or `.other` form, `{n}` being `n`.
    pub fn counted(mut self, n: usize) -> Said {
        self.count = Some(n as u64);
        self
    }

    /// The sentence in `cat`'s words.
    pub fn text(&self, cat: &Catalogue) -> String {
        let args: Vec<Arg> = (self.args.iter())
            .map(|(name, value)| (*name, value as &dyn std::fmt::Display))
            .collect();
        match self.count {
            Some(n) => cat.count(self.key, n, &args),
            None => cat.text(self.key, &args),
        }
    }
}

/// Something the plan cannot hold or the import could not place: a skipped line to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Skip {
    pub kind: Kind,
    pub id: String,
    pub why: Said,
}
