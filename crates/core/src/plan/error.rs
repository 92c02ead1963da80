//! The error of a plan that cannot be read (PLAN001): a JSON path and what was expected.

use std::fmt;

use serde_json::Value;

use crate::i18n::{Catalogue, Said};

/// A plan that cannot be read: the JSON path of the offending value (`vpcs[0].vswitches[2].cidr`,
/// empty for the document itself) and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanError {
    pub path: String,
    /// What is wrong, in English ([`fmt::Display`]'s words), written when the error is made:
    /// in a build that loads its words (the page, its importer), English only once it is
    /// loaded. Say an error in the page's words with [`crate::i18n::plan_error_text`].
    pub message: String,
    /// What is wrong before it is said: [`crate::i18n::plan_error_text`] writes it in any
    /// language.
    pub(crate) said: Said,
}

impl PlanError {
    /// An error whose message is kept as written in every language (another library's words).
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        let message = message.into();
        PlanError {
            path: path.into(),
            said: Said::new("plan_error.as_is").with("text", &message),
            message,
        }
    }

    /// An error whose message is a sentence of the catalogue, its English the message.
    pub(crate) fn said(path: impl Into<String>, said: Said) -> Self {
        PlanError {
            path: path.into(),
            message: said.text(Catalogue::english()),
            said,
        }
    }

    /// `expected WHAT, got VALUE` at `path`: `what` a key of the reader's words
    /// (`plan_error.an_object`), `got` the value found ([`got`]).
    pub(crate) fn expected(path: impl Into<String>, what: &'static str, got: &Value) -> Self {
        PlanError::said(path, expected(Said::new(what), got))
    }
}

/// `expected WHAT, got VALUE`.
pub(crate) fn expected(what: Said, got: &Value) -> Said {
    Said::new("plan_error.expected")
        .with_said("what", what)
        .with_said("got", self::got(got))
}

/// A JSON value in an error message: `"4"`, `4.5`, `null` as written (cut to 60 bytes), an
/// object or a list in words.
pub(crate) fn got(v: &Value) -> Said {
    match v {
        Value::Object(_) => Said::new("plan_error.an_object"),
        Value::Array(_) => Said::new("plan_error.a_list"),
        other => {
            let mut s = other.to_string();
            if s.len() > 60 {
                let cut = (0..=57).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
                s.truncate(cut);
                s.push_str("...");
            }
            as_is(s)
        }
    }
}

/// `cannot be read: WHY`, serde's words kept.
pub(crate) fn unreadable(why: &impl fmt::Display) -> Said {
    Said::new("plan_error.unreadable").with("why", why)
}

/// Text said as it is in every language (a value, another library's words).
pub(crate) fn as_is(text: impl fmt::Display) -> Said {
    Said::new("plan_error.as_is").with("text", text)
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for PlanError {}
